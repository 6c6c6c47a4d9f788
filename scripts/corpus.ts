// Corpus checker: run the built CLI on copies of real repositories and check that it never breaks
// them. Run as `npm run corpus -- DIR... [--out FILE] [--sha NAME=SHA]... [--variant V]...`
// (`--sha NAME=SHA` gives the pinned commit of the folder named NAME for the report; `--variant`
// rewrites every Python file of the copy first: crlf, bom, no-final-newline; `--keep` keeps the
// temporary folders).
//
// For each folder: copy it to a temporary folder, run the tool in write mode (safe fixes), then
// again with --unsafe-fixes, each time as a user would (`fastapi-fix --format json .` from the
// folder, FASTAPI_FIX_DEBUG=1 so internal errors come with their stack). After each run:
//   - crashes: files the tool reports as failed, and runs that end in an internal error; for a
//     failed file the stack is recovered by running the file again in this process;
//   - parse regressions: files that parsed before the run and not after, with tree-sitter (the
//     project's own parser) and with Python's `ast.parse` (one python3 process per repository;
//     a file Python could not parse before the run is not a regression), and with Python's
//     `compile()` (bytecode only, nothing runs: it also rejects `await` outside an async function);
//   - idempotency: the same run again on a copy of the written folder must change no byte;
//   - bytes outside the edits: BOM, final newline, line ending style of the added lines, and every
//     line the line diff leaves in common byte-identical (the diff compares lines without their
//     line terminator and trailing blanks, so a line whose ending or trailing blanks changed shows
//     up as a common line with different bytes); and no file changed that the tool did not report
//     as changed, nothing left behind (temporary files).
// A folder named with `--control NAME` holds code already on Pydantic v2 (the modern control): any
// fix of a Pydantic rule written there counts as a failure, since such code must be left alone.
// Prints a markdown table row per repository, writes a markdown report with --out, and exits
// with 1 on any crash, parse regression, non-idempotent file or byte changed outside the edits.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createTwoFilesPatch, diffArrays } from "diff";
import { initParser, parse } from "../src/engine/parser.js";
import { fixModule } from "../src/knowledge/fix.js";
import { worthRunning, type Rule } from "../src/knowledge/rule.js";
import { discover } from "../src/runner/discover.js";
import { indexOfTexts } from "../src/runner/project-table.js";
import { TRANSFORMS } from "../transforms/index.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = fileURLToPath(new URL("../bin/cli.js", import.meta.url));
const RUN_TIMEOUT_MS = 30 * 60 * 1000;
const BOM = "\xEF\xBB\xBF"; // as latin1 text: the three bytes of the UTF-8 BOM

// ---------------------------------------------------------------------------------------------
// The CLI's JSON report (see src/runner/report.ts).

interface JsonFile {
  file: string;
  status: "changed" | "unchanged" | "skipped" | "failed";
  message?: string;
  fixes: Record<string, number>;
}

interface JsonDiagnostic {
  file: string;
  line: number;
  code: string;
  message: string;
  fixApplied: boolean;
}

interface JsonReport {
  summary: { fixes: Record<string, number> };
  files: JsonFile[];
  diagnostics: JsonDiagnostic[];
}

interface CliRun {
  report?: JsonReport;
  /** Why the run as a whole failed (internal error, signal, no JSON), with stderr. */
  crash?: string;
  code: number | null;
}

/** Runs the CLI in write mode on `dir` (as `.` from inside it) and reads its JSON report. */
function runCli(dir: string, unsafe: boolean): CliRun {
  const args = [CLI, "--format", "json", ...(unsafe ? ["--unsafe-fixes"] : []), "."];
  const r = spawnSync(process.execPath, args, {
    cwd: dir,
    env: { ...process.env, FASTAPI_FIX_DEBUG: "1", NO_COLOR: "1" },
    encoding: "utf8",
    maxBuffer: 1 << 30,
    timeout: RUN_TIMEOUT_MS,
  });
  const stderr = (r.stderr ?? "").trim();
  const how = r.error
    ? `could not run: ${r.error.message}`
    : r.signal
      ? `killed by ${r.signal}`
      : `exit code ${r.status}`;
  if (r.error || r.signal || (r.status !== 0 && r.status !== 1 && r.status !== 2)) {
    return { crash: `${how}\n${stderr}`, code: r.status };
  }
  let report: JsonReport | undefined;
  try {
    report = JSON.parse(r.stdout) as JsonReport;
  } catch {
    return { crash: `${how}, no JSON report\n${stderr}`, code: r.status };
  }
  if (/internal error/.test(stderr)) return { report, crash: `${how}\n${stderr}`, code: r.status };
  return { report, code: r.status };
}

// ---------------------------------------------------------------------------------------------
// Snapshots: every file of a folder (relative path with `/` -> bytes), links by their target.

type Snapshot = Map<string, Buffer>;

function snapshot(dir: string): Snapshot {
  const out: Snapshot = new Map();
  const walk = (abs: string, rel: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const childAbs = path.join(abs, entry.name);
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) out.set(childRel, Buffer.from(`-> ${readlinkSync(childAbs)}`));
      // The result cache is the tool's own folder, as a user sees it (git ignores it too).
      else if (entry.isDirectory() && entry.name === ".fastapi_fix_cache") continue;
      else if (entry.isDirectory()) walk(childAbs, childRel);
      else if (entry.isFile()) out.set(childRel, readFileSync(childAbs));
    }
  };
  walk(dir, "");
  return out;
}

interface TreeChanges {
  changed: string[];
  added: string[];
  removed: string[];
}

function compareSnapshots(before: Snapshot, after: Snapshot): TreeChanges {
  const changes: TreeChanges = { changed: [], added: [], removed: [] };
  for (const [file, bytes] of after) {
    const old = before.get(file);
    if (!old) changes.added.push(file);
    else if (!old.equals(bytes)) changes.changed.push(file);
  }
  for (const file of before.keys()) if (!after.has(file)) changes.removed.push(file);
  return changes;
}

/** Copies a folder, links as links; links that lead outside the copy are removed (so no run can
 * write through them into the original) and returned. */
function copyTree(from: string, to: string): string[] {
  cpSync(from, to, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  const removed: string[] = [];
  const walk = (abs: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const child = path.join(abs, entry.name);
      if (entry.isSymbolicLink()) {
        const target = path.resolve(abs, readlinkSync(child));
        const rel = path.relative(to, target);
        if (rel.startsWith("..") || path.isAbsolute(rel)) {
          unlinkSync(child);
          removed.push(path.relative(to, child).split(path.sep).join("/"));
        }
      } else if (entry.isDirectory()) walk(child);
    }
  };
  walk(to);
  return removed;
}

// ---------------------------------------------------------------------------------------------
// Parsing: tree-sitter in this process, Python's ast in one python3 process per repository.

function decode(bytes: Buffer): string {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

function treeSitterParses(bytes: Buffer): boolean {
  const tree = parse(decode(bytes));
  try {
    return !tree.rootNode.hasError;
  } finally {
    tree.delete();
  }
}

// ast.parse, then compile() to bytecode (nothing runs): the compiler also rejects what the parser
// lets through, such as `await` outside an async function or `return` outside a function.
const PY_CHECK = `
import ast, base64, json, sys, warnings
warnings.simplefilter("ignore")
def error(e):
    if isinstance(e, SyntaxError):
        return f"{type(e).__name__}: {e.msg} (line {e.lineno})"
    return f"{type(e).__name__}: {e}"
out = []
for item in json.load(sys.stdin):
    data = base64.b64decode(item)
    result = {}
    try:
        ast.parse(data)
        try:
            compile(data, "<corpus>", "exec", dont_inherit=True)
        except Exception as e:
            result["compile"] = error(e)
    except Exception as e:
        result["ast"] = result["compile"] = error(e)
    out.append(result)
json.dump({"version": sys.version.split()[0], "results": out}, sys.stdout)
`;

/** Python's verdict on one source: each field is the error, absent when it passed. */
interface PyVerdict {
  ast?: string;
  compile?: string;
}

interface PythonParse {
  version: string;
  results: PyVerdict[];
}

/** Parses and compiles every source in a single python3 process. */
function pythonParse(sources: Buffer[]): PythonParse {
  const r = spawnSync("python3", ["-c", PY_CHECK], {
    input: JSON.stringify(sources.map((b) => b.toString("base64"))),
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  if (r.error || r.status !== 0) {
    throw new Error(`python3 failed: ${r.error?.message ?? `exit ${r.status}`}\n${r.stderr}`);
  }
  return JSON.parse(r.stdout) as PythonParse;
}

// ---------------------------------------------------------------------------------------------
// Bytes outside the edited spans.

/** Lines with their terminators, from text read as latin1 (one char per byte). */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

const content = (line: string): string => line.replace(/\r?\n$/, "");
const loose = (line: string): string => line.replace(/[ \t\f\r\n]+$/, "");
const ending = (line: string): string =>
  line.endsWith("\r\n") ? "CRLF" : line.endsWith("\n") ? "LF" : "no newline";
const endsWithNewline = (text: string): boolean => /[\r\n]$/.test(text);

function lineStyle(text: string): "CRLF" | "LF" | "mixed" | "none" {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  if (!crlf && !lf) return "none";
  if (crlf && lf) return "mixed";
  return crlf ? "CRLF" : "LF";
}

/** What changed in `after` that no edit asked for; empty when only edited lines differ. */
export function bytesOutsideEdits(beforeBytes: Buffer, afterBytes: Buffer): string[] {
  let before = beforeBytes.toString("latin1");
  let after = afterBytes.toString("latin1");
  const problems: string[] = [];
  const bomBefore = before.startsWith(BOM);
  const bomAfter = after.startsWith(BOM);
  if (bomBefore !== bomAfter) problems.push(bomBefore ? "BOM removed" : "BOM added");
  if (bomBefore) before = before.slice(BOM.length);
  if (bomAfter) after = after.slice(BOM.length);
  if (before.length && endsWithNewline(before) !== endsWithNewline(after))
    problems.push(endsWithNewline(before) ? "final newline removed" : "final newline added");
  const style = lineStyle(before);
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  const changes = diffArrays(oldLines, newLines, { comparator: (a, b) => loose(a) === loose(b) });
  let o = 0;
  let n = 0;
  const limit = 5;
  let reported = 0;
  const report = (text: string): void => {
    if (reported++ < limit) problems.push(text);
  };
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (change.removed) {
      o += count;
      continue;
    }
    if (change.added) {
      for (let i = 0; i < count; i++) {
        const line = newLines[n + i]!;
        const end = ending(line);
        if ((style === "CRLF" || style === "LF") && end !== "no newline" && end !== style)
          report(`added line ${n + i + 1} ends in ${end} in a ${style} file`);
      }
      n += count;
      continue;
    }
    for (let i = 0; i < count; i++) {
      const a = oldLines[o + i]!;
      const b = newLines[n + i]!;
      if (a === b) continue;
      // The old last line, which had no line ending, is followed by added lines now: it needs
      // one, in the file's own style.
      const wasLast = o + i === oldLines.length - 1 && ending(a) === "no newline";
      if (wasLast && content(a) === content(b) && ending(b) === (style === "CRLF" ? "CRLF" : "LF"))
        continue;
      const where = `unchanged line ${o + i + 1} (now ${n + i + 1})`;
      if (content(a) === content(b)) report(`${where}: line ending ${ending(a)} -> ${ending(b)}`);
      else report(`${where}: trailing whitespace changed`);
    }
    o += count;
    n += count;
  }
  if (reported > limit) problems.push(`... ${reported - limit} more`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// A failed file's stack: the CLI reports only the message, so run the file again in this process
// with the project as it was before the run, catching the transform's exception.

async function recoverStack(
  dir: string,
  before: Snapshot,
  display: string,
  unsafe: boolean,
): Promise<string | undefined> {
  await initParser();
  const { files } = discover(["."], { cwd: dir, exclude: [] });
  const text = (file: string): string | undefined => {
    const bytes = before.get(file);
    return bytes ? decode(bytes) : undefined;
  };
  const modules: Array<{ moduleName: string; isPackage: boolean; text: string }> = [];
  for (const task of files) {
    const source = text(task.display);
    if (source !== undefined) modules.push({ ...task, text: source });
  }
  const task = files.find((t) => t.display === display);
  const source = text(display);
  if (!task || source === undefined) return undefined;
  let caught: unknown;
  const transforms: Rule[] = TRANSFORMS.map((t) => ({
    ...t,
    check(ctx) {
      try {
        return t.check(ctx);
      } catch (err) {
        caught ??= err;
        throw err;
      }
    },
  }));
  const index = indexOfTexts(modules);
  const outcome = fixModule(source, {
    rules: transforms.filter((t) => worthRunning(t, source, index)),
    unsafe,
    module: { path: display, moduleName: task.moduleName, isPackage: task.isPackage },
    index,
    positions: "final",
  });
  // The frames from this script's wrapper down are noise: keep the transform's own.
  if (caught instanceof Error) return caught.stack?.split(/\n.*\/scripts\/corpus\.js/)[0];
  if (outcome.status === "failed") return `(no exception: ${outcome.message})`;
  return `(not reproduced in-process: ${outcome.status})`;
}

// ---------------------------------------------------------------------------------------------
// One repository.

interface Problem {
  file: string;
  detail: string;
}

interface StageResult {
  name: "safe" | "unsafe";
  report?: JsonReport;
  changedFiles: string[];
  skipped: Problem[];
  crashes: Problem[];
  treeSitterRegressions: Problem[];
  astRegressions: Problem[];
  compileRegressions: Problem[];
  nonIdempotent: Problem[];
  bytesOutside: Problem[];
  strayChanges: Problem[];
}

interface RepoResult {
  name: string;
  dir: string;
  sha: string;
  files: number;
  changed: number;
  fixes: Record<string, number>;
  notParsingBefore: { treeSitter: Problem[]; ast: Problem[]; compile: Problem[] };
  removedLinks: string[];
  stages: StageResult[];
  pythonVersion: string;
  /** Set for a modern control repository: no Pydantic rule may write there. */
  control?: boolean;
}

/** Fixes of the Pydantic rules written in a control repository: each one is a failure. */
function controlFixes(r: RepoResult): Record<string, number> {
  if (!r.control) return {};
  return Object.fromEntries(
    Object.entries(r.fixes).filter(([name]) => name.startsWith("pydantic-")),
  );
}

const count = <T>(items: T[], key: (item: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
};

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

const shortPatch = (file: string, a: Buffer, b: Buffer, lines = 40): string => {
  const patch = createTwoFilesPatch(
    `a/${file}`,
    `b/${file}`,
    a.toString("utf8"),
    b.toString("utf8"),
    undefined,
    undefined,
    { context: 2 },
  );
  const body = patch.slice(patch.indexOf("--- ")).split("\n");
  return body.length > lines
    ? [...body.slice(0, lines), `... (${body.length - lines} more lines)`].join("\n")
    : body.join("\n");
};

/** Ways to rewrite every Python file of the copy before the runs, for line endings, BOMs and
 * final newlines the corpus does not have. */
export const VARIANTS = ["crlf", "bom", "no-final-newline"] as const;
type Variant = (typeof VARIANTS)[number];

function applyVariants(bytes: Buffer, variants: readonly Variant[]): Buffer {
  let text = bytes.toString("latin1");
  const bom = text.startsWith(BOM);
  if (bom) text = text.slice(BOM.length);
  if (variants.includes("crlf")) text = text.replace(/\r?\n/g, "\r\n");
  if (variants.includes("no-final-newline")) text = text.replace(/\r?\n$/, "");
  if (bom || variants.includes("bom")) text = BOM + text;
  return Buffer.from(text, "latin1");
}

async function checkRepo(
  source: string,
  sha: string,
  variants: readonly Variant[],
  tmp: string,
  log: (t: string) => void,
): Promise<RepoResult> {
  const name = path.basename(source);
  const work = path.join(tmp, "work", name);
  mkdirSync(path.dirname(work), { recursive: true });
  const removedLinks = copyTree(source, work);
  await initParser();

  // The files the tool works on: its own discovery, from the folder, as the CLI runs it.
  const files = discover(["."], { cwd: work, exclude: [] }).files.map((f) => f.display);
  if (variants.length) {
    for (const file of files) {
      const abs = path.join(work, file);
      writeFileSync(abs, applyVariants(readFileSync(abs), variants));
    }
  }
  const original = snapshot(work);
  const stages: StageResult[] = [];
  const pyJobs: Array<{ bytes: Buffer; done: (verdict: PyVerdict) => void }> = [];
  const checkPy = (bytes: Buffer, done: (verdict: PyVerdict) => void): void => {
    pyJobs.push({ bytes, done });
  };

  let current = original;
  const fixes: Record<string, number> = {};
  const notParsingBefore = {
    treeSitter: [] as Problem[],
    ast: [] as Problem[],
    compile: [] as Problem[],
  };

  for (const unsafe of [false, true]) {
    const stageName = unsafe ? "unsafe" : "safe";
    const stage: StageResult = {
      name: stageName,
      changedFiles: [],
      skipped: [],
      crashes: [],
      treeSitterRegressions: [],
      astRegressions: [],
      compileRegressions: [],
      nonIdempotent: [],
      bytesOutside: [],
      strayChanges: [],
    };
    stages.push(stage);
    log(`  ${name}: ${stageName} run`);
    const before = current;
    const run = runCli(work, unsafe);
    const after = snapshot(work);
    current = after;
    if (run.crash) stage.crashes.push({ file: "(whole run)", detail: run.crash });
    const report = run.report;
    stage.report = report;
    if (report) {
      addCounts(fixes, report.summary.fixes);
      for (const f of report.files) {
        if (f.status === "failed") {
          const stack = await recoverStack(work, before, f.file, unsafe);
          stage.crashes.push({ file: f.file, detail: `${f.message}\n${stack ?? ""}`.trim() });
        } else if (f.status === "skipped") {
          stage.skipped.push({ file: f.file, detail: f.message ?? "" });
        }
      }
    }
    if (!unsafe) {
      // What parsed before any run: only those files can regress.
      for (const file of files) {
        const bytes = before.get(file);
        if (!bytes) continue;
        if (!treeSitterParses(bytes))
          notParsingBefore.treeSitter.push({ file, detail: "tree-sitter error" });
        checkPy(bytes, (verdict) => {
          if (verdict.ast) notParsingBefore.ast.push({ file, detail: verdict.ast });
          else if (verdict.compile)
            notParsingBefore.compile.push({ file, detail: verdict.compile });
        });
      }
    }

    const reported = new Map(report?.files.map((f) => [f.file, f.status]) ?? []);
    const tree = compareSnapshots(before, after);
    for (const file of tree.added) stage.strayChanges.push({ file, detail: "file created" });
    for (const file of tree.removed) stage.strayChanges.push({ file, detail: "file removed" });
    for (const file of tree.changed) {
      if (reported.get(file) !== "changed")
        stage.strayChanges.push({
          file,
          detail: `bytes changed, reported ${reported.get(file) ?? "not processed"}`,
        });
    }
    for (const [file, status] of reported) {
      if (status === "changed" && !tree.changed.includes(file))
        stage.strayChanges.push({ file, detail: "reported changed, bytes unchanged" });
    }
    stage.changedFiles = tree.changed;

    for (const file of tree.changed) {
      const a = before.get(file)!;
      const b = after.get(file)!;
      const outside = bytesOutsideEdits(a, b);
      if (outside.length) stage.bytesOutside.push({ file, detail: outside.join("; ") });
      if (!file.endsWith(".py") && !file.endsWith(".pyi")) continue;
      if (treeSitterParses(a) && !treeSitterParses(b))
        stage.treeSitterRegressions.push({ file, detail: shortPatch(file, a, b) });
      // Results come back in order: the file before, then after.
      let was: PyVerdict = {};
      checkPy(a, (verdict) => (was = verdict));
      checkPy(b, (now) => {
        if (!was.ast && now.ast)
          stage.astRegressions.push({ file, detail: `${now.ast}\n${shortPatch(file, a, b)}` });
        else if (!was.compile && now.compile)
          stage.compileRegressions.push({
            file,
            detail: `${now.compile}\n${shortPatch(file, a, b)}`,
          });
      });
    }

    // Idempotency: the same run again on a copy of the written folder changes nothing.
    log(`  ${name}: ${stageName} run again (idempotency)`);
    const again = path.join(tmp, `again-${stageName}`, name);
    mkdirSync(path.dirname(again), { recursive: true });
    copyTree(work, again);
    const second = runCli(again, unsafe);
    if (second.crash) stage.crashes.push({ file: "(second run)", detail: second.crash });
    for (const f of second.report?.files ?? []) {
      if (f.status === "failed" && !stage.crashes.some((c) => c.file === f.file)) {
        const stack = await recoverStack(again, after, f.file, unsafe);
        stage.crashes.push({
          file: f.file,
          detail: `second run: ${f.message}\n${stack ?? ""}`.trim(),
        });
      }
    }
    const secondTree = compareSnapshots(after, snapshot(again));
    for (const file of [...secondTree.changed, ...secondTree.added, ...secondTree.removed]) {
      const a = after.get(file);
      const b = readIfFile(path.join(again, file));
      stage.nonIdempotent.push({
        file,
        detail: a && b ? shortPatch(file, a, b) : a ? "removed" : "created",
      });
    }
    rmSync(path.dirname(again), { recursive: true, force: true });
  }

  log(`  ${name}: python3 ast.parse and compile on ${pyJobs.length} sources`);
  const py = pythonParse(pyJobs.map((j) => j.bytes));
  py.results.forEach((verdict, i) => pyJobs[i]!.done(verdict));

  const changed = compareSnapshots(original, current).changed.length;
  return {
    name,
    dir: source,
    sha,
    files: files.length,
    changed,
    fixes,
    notParsingBefore,
    removedLinks,
    stages,
    pythonVersion: py.version,
  };
}

function readIfFile(file: string): Buffer | undefined {
  try {
    return lstatSync(file).isFile() ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Reporting.

const all = (r: RepoResult, key: keyof Omit<StageResult, "name" | "report" | "changedFiles">) =>
  r.stages.flatMap((s) => s[key].map((p) => ({ ...p, stage: s.name })));

function countsText(counts: Record<string, number>): string {
  const keys = Object.keys(counts).sort();
  return keys.length ? keys.map((k) => `${k} ${counts[k]}`).join(", ") : "-";
}

function failures(r: RepoResult): number {
  return (
    all(r, "crashes").length +
    all(r, "treeSitterRegressions").length +
    all(r, "astRegressions").length +
    all(r, "compileRegressions").length +
    all(r, "nonIdempotent").length +
    all(r, "bytesOutside").length +
    all(r, "strayChanges").length +
    Object.values(controlFixes(r)).reduce((a, b) => a + b, 0)
  );
}

export const TABLE_HEADER = [
  "| repo | commit | date | fastapi-fix | files | changed | fixes | diagnostics (safe run) | skipped | crashes | parse regressions (tree-sitter / ast / compile) | non-idempotent | bytes outside edits |",
  "|---|---|---|---|---:|---:|---|---|---:|---:|---:|---:|---:|",
].join("\n");

function diagnosticsByCode(stage: StageResult | undefined): Record<string, number> {
  return count(stage?.report?.diagnostics ?? [], (d) => d.code);
}

interface Meta {
  date: string;
  commit: string;
  variants: readonly Variant[];
}

function tableRow(r: RepoResult, meta: Meta): string {
  const safe = r.stages[0];
  const cells = [
    meta.variants.length ? `${r.name} (${meta.variants.join(", ")})` : r.name,
    r.sha ? `\`${r.sha}\`` : "-",
    meta.date,
    `\`${meta.commit}\``,
    String(r.files),
    String(r.changed),
    countsText(r.fixes),
    countsText(diagnosticsByCode(safe)),
    String(safe?.skipped.length ?? 0),
    String(all(r, "crashes").length),
    [
      all(r, "treeSitterRegressions").length,
      all(r, "astRegressions").length,
      all(r, "compileRegressions").length,
    ].join(" / "),
    String(all(r, "nonIdempotent").length),
    String(all(r, "bytesOutside").length + all(r, "strayChanges").length),
  ];
  return `| ${cells.join(" | ")} |`;
}

function problemList(title: string, items: Array<Problem & { stage?: string }>): string[] {
  if (!items.length) return [];
  const out = [`**${title}** (${items.length})`, ""];
  for (const item of items) {
    const stage = item.stage ? ` (${item.stage} run)` : "";
    if (item.detail.includes("\n")) {
      out.push(`- \`${item.file}\`${stage}:`, "", "  ```", ...indent(item.detail), "  ```", "");
    } else {
      out.push(`- \`${item.file}\`${stage}: ${item.detail}`);
    }
  }
  out.push("");
  return out;
}

const indent = (text: string): string[] => text.split("\n").map((l) => `  ${l}`);

function details(r: RepoResult): string {
  const out = [`### ${r.name}`, ""];
  out.push(`- folder: \`${r.dir}\`${r.sha ? `, commit \`${r.sha}\`` : ""}`);
  out.push(`- files processed: ${r.files}; changed after both runs: ${r.changed}`);
  for (const s of r.stages) {
    out.push(
      `- ${s.name} run: ${s.changedFiles.length} files changed; fixes: ${countsText(s.report?.summary.fixes ?? {})}; diagnostics: ${countsText(diagnosticsByCode(s))}`,
    );
  }
  out.push(
    `- not parsing before any change (not regressions): tree-sitter ${r.notParsingBefore.treeSitter.length}, python ${r.pythonVersion} ast ${r.notParsingBefore.ast.length}, compile (after parsing) ${r.notParsingBefore.compile.length}`,
  );
  if (r.removedLinks.length)
    out.push(`- links leading outside the folder, left out of the copy: ${r.removedLinks.length}`);
  out.push("");
  out.push(...problemList("Crashes", all(r, "crashes")));
  out.push(...problemList("Parse regressions (tree-sitter)", all(r, "treeSitterRegressions")));
  out.push(
    ...problemList(`Parse regressions (python ${r.pythonVersion} ast)`, all(r, "astRegressions")),
  );
  out.push(
    ...problemList(
      `Compile regressions (python ${r.pythonVersion} compile)`,
      all(r, "compileRegressions"),
    ),
  );
  out.push(...problemList("Not idempotent (a second run changes them)", all(r, "nonIdempotent")));
  out.push(...problemList("Bytes changed outside the edits", all(r, "bytesOutside")));
  out.push(...problemList("Unexpected file changes", all(r, "strayChanges")));
  if (r.control) {
    const written = controlFixes(r);
    out.push(
      `**Modern control**: Pydantic fixes written: ${countsText(written)}${Object.keys(written).length ? " (each one a failure)" : ""}`,
      "",
    );
  }
  out.push(...problemList("Skipped by the tool (safe run)", r.stages[0]?.skipped ?? []));
  out.push(...problemList("Not parsing before (tree-sitter)", r.notParsingBefore.treeSitter));
  out.push(
    ...problemList(`Not parsing before (python ${r.pythonVersion} ast)`, r.notParsingBefore.ast),
  );
  out.push(
    ...problemList(
      `Not compiling before (python ${r.pythonVersion} compile)`,
      r.notParsingBefore.compile,
    ),
  );
  return out.join("\n");
}

function toolCommit(): string {
  const git = (args: string[]): string | undefined => {
    const r = spawnSync("git", ["-C", ROOT, ...args], { encoding: "utf8" });
    return r.status === 0 ? r.stdout.trim() : undefined;
  };
  const head = git(["rev-parse", "--short", "HEAD"]);
  if (!head) return "unknown";
  const dirty = git(["status", "--porcelain", "--", "src", "transforms", "package-lock.json"]);
  return dirty ? `${head}-dirty` : head;
}

function markdownReport(results: RepoResult[], meta: Meta): string {
  const python = [...new Set(results.map((r) => r.pythonVersion))].join(", ");
  const lines = [
    "# Corpus check",
    "",
    `Date ${meta.date}, fastapi-fix commit \`${meta.commit}\`, node ${process.version}, python ${python}.`,
    "",
    ...(meta.variants.length
      ? [`Every Python file rewritten first: ${meta.variants.join(", ")}.`, ""]
      : []),
    TABLE_HEADER,
    ...results.map((r) => tableRow(r, meta)),
    "",
    "## Details",
    "",
    ...results.map(details),
  ];
  return lines.join("\n").replace(/\n{3,}/g, "\n\n") + "\n";
}

// ---------------------------------------------------------------------------------------------

function usage(): string {
  return (
    "usage: npm run corpus -- DIR... [--out FILE] [--sha NAME=SHA]... [--tool-commit REF]\n" +
    `         [--variant ${VARIANTS.join("|")}]... [--control NAME]... [--keep]`
  );
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: "string" },
        sha: { type: "string", multiple: true, default: [] },
        "tool-commit": { type: "string" },
        variant: { type: "string", multiple: true, default: [] },
        keep: { type: "boolean", default: false },
        control: { type: "string", multiple: true, default: [] },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`corpus: ${(err as Error).message}; ${usage()}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  if (!positionals.length) {
    process.stderr.write(`corpus: give at least one folder; ${usage()}\n`);
    return 2;
  }
  const shas = new Map<string, string>();
  for (const pin of values.sha) {
    const eq = pin.indexOf("=");
    if (eq < 1) {
      process.stderr.write(`corpus: --sha takes NAME=SHA, got '${pin}'\n`);
      return 2;
    }
    shas.set(pin.slice(0, eq), pin.slice(eq + 1));
  }
  if (!existsSync(CLI)) {
    process.stderr.write(`corpus: ${CLI} is missing; run \`npm run build\` first\n`);
    return 2;
  }
  // `npm run` starts scripts in the package folder; INIT_CWD is where the user typed the command.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const dirs = positionals.map((p) => path.resolve(cwd, p));
  for (const [i, dir] of dirs.entries()) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      process.stderr.write(`corpus: folder not found: ${positionals[i]}\n`);
      return 2;
    }
  }
  const variants = values.variant.flatMap((v) => v.split(","));
  const unknown = variants.filter((v) => !(VARIANTS as readonly string[]).includes(v));
  if (unknown.length) {
    process.stderr.write(
      `corpus: unknown --variant ${unknown.join(", ")}; ${VARIANTS.join(", ")}\n`,
    );
    return 2;
  }
  const meta: Meta = {
    date: new Date().toISOString().slice(0, 10),
    commit: values["tool-commit"] ?? toolCommit(),
    variants: variants as Variant[],
  };
  const log = (t: string): void => void process.stderr.write(`${t}\n`);
  const results: RepoResult[] = [];
  process.stdout.write(`${TABLE_HEADER}\n`);
  for (const dir of dirs) {
    const tmp = mkdtempSync(path.join(os.tmpdir(), "fastapi-fix-corpus-"));
    try {
      const sha = shas.get(path.basename(dir)) ?? "";
      const result = await checkRepo(dir, sha, meta.variants, tmp, log);
      result.control = values.control.includes(path.basename(dir));
      const written = controlFixes(result);
      if (Object.keys(written).length)
        log(`  ${result.name} is a modern control: Pydantic fixes written: ${countsText(written)}`);
      results.push(result);
      process.stdout.write(`${tableRow(result, meta)}\n`);
    } finally {
      if (values.keep) log(`  kept ${tmp}`);
      else rmSync(tmp, { recursive: true, force: true });
    }
  }
  if (values.out) {
    const out = path.resolve(cwd, values.out);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, markdownReport(results, meta));
    log(`report written to ${out}`);
  }
  const bad = results.filter((r) => failures(r) > 0);
  if (bad.length) log(`problems in: ${bad.map((r) => r.name).join(", ")}`);
  return bad.length ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
