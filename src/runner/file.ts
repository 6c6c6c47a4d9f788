// The work done for one file, identical in a worker thread and in the main thread.
import {
  accessSync,
  closeSync,
  constants,
  fstatSync,
  openSync,
  readFileSync,
  statSync,
} from "node:fs";
import { packageNeeds } from "../project/package-needs.js";
import type { QueryPlan } from "../engine/query-plan.js";
import { unifiedPatch } from "../engine/line-diff.js";
import { parse } from "../engine/parser.js";
import type { FileOutcome } from "../engine/fixer.js";
import {
  DecodeError,
  EncodeError,
  decodeSource,
  encodeSource,
  type DecodedSource,
} from "../engine/source.js";
import { fixModule, nameTestsOf } from "../knowledge/fix.js";
import { passesPrefilter } from "../engine/types.js";
import { worthRunning, type Rule } from "../knowledge/rule.js";
import type { ProjectIndex } from "../project/index.js";
import { scanText, type TextScan } from "../project/scan.js";
import { colorDiff } from "./color.js";
import { describeError } from "./errors.js";
import type { FileReport, FileTask, FixSettings } from "./types.js";
import { lendTree } from "./lent-tree.js";
import { writeAtomic } from "./write.js";

/** Diff headers are `a/<path>`: an absolute path (outside the working directory) loses its root. */
const diffPath = (display: string): string => display.replace(/^\/+/, "");

/** Files that say they are generated are not ours to edit. */
const GENERATED = /@generated\b/;
const GENERATED_MESSAGE = "generated file (@generated)";

/**
 * The file's bytes. Opened without blocking and checked to be a regular file before reading, so
 * that a FIFO or device put where a file was found cannot hang the run.
 */
function readBytes(file: string): Buffer | { error: string } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return { error: `cannot read file: ${describeError(err)}` };
  }
  try {
    if (!fstatSync(fd).isFile()) return { error: "cannot read file: not a regular file" };
    return readFileSync(fd);
  } catch (err) {
    return { error: `cannot read file: ${describeError(err)}` };
  } finally {
    closeSync(fd);
  }
}

export function readText(task: {
  path: string;
  stdin?: Uint8Array;
}): DecodedSource | { error: string } {
  const bytes = task.stdin ? Buffer.from(task.stdin) : readBytes(task.path);
  if (!Buffer.isBuffer(bytes)) return bytes;
  try {
    return decodeSource(bytes);
  } catch (err) {
    if (err instanceof DecodeError) return { error: `cannot decode file: ${err.message}` };
    throw err;
  }
}

/**
 * Why a file must not be rewritten even though the run may write: a file nobody may write to
 * was marked read-only on purpose (even root, who could rename over it, respects that), and a
 * file this user cannot write is not this user's to replace.
 */
function notWritable(file: string): string | undefined {
  try {
    if ((statSync(file).mode & 0o222) === 0) return "file is read-only";
    accessSync(file, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === "EACCES" || code === "EPERM" || code === "EROFS"
      ? "file is not writable"
      : `cannot write file: ${describeError(err)}`;
  }
  return undefined;
}

/** What the index pass learns of one file. */
export interface FileScan {
  scan: TextScan;
  /**
   * The file's report when it is already known: no rule's prefilter matches its text (it is
   * unchanged, or skipped as generated), so the fix pass need not read it again.
   */
  settled?: FileReport;
}

/** The index pass for one file: the cheap scan, no parse (undefined for an unreadable file). */
export function scanFile(task: FileTask, rules: readonly Rule[]): FileScan | undefined {
  const read = readText(task);
  if ("error" in read) return undefined;
  const scan = scanText(read.text, task.moduleName);
  if (rules.some((r) => passesPrefilter(r, read.text))) return { scan };
  const base = { display: task.display, diagnostics: [], fixes: {}, unsafeSkipped: 0 };
  const settled: FileReport = isGenerated(read.text)
    ? { ...base, status: "skipped", message: GENERATED_MESSAGE }
    : { ...base, status: "unchanged" };
  return { scan, settled };
}

function isGenerated(text: string): boolean {
  return GENERATED.test(text.slice(0, 2048));
}

/** The fix pass for one file: run the transforms, then write or diff the result. */
/** What the fix pass of one thread uses for every file. */
export interface FixJob {
  transforms: readonly Rule[];
  index: ProjectIndex;
  settings: FixSettings;
  /** The selected transforms' queries, compiled once for the thread. */
  plan: QueryPlan;
}

export function fixFile(task: FileTask, job: FixJob): FileReport {
  const base = { display: task.display, diagnostics: [], fixes: {}, unsafeSkipped: 0 };
  const read = readText(task);
  if ("error" in read) return { ...base, status: "skipped", message: read.error, error: true };
  return fixText(task, read, job);
}

function fixText(task: FileTask, read: DecodedSource, job: FixJob): FileReport {
  const { transforms, index, settings } = job;
  const base = { display: task.display, diagnostics: [], fixes: {}, unsafeSkipped: 0 };
  if (isGenerated(read.text)) return { ...base, status: "skipped", message: GENERATED_MESSAGE };
  const names = nameTestsOf(index, read.text);
  const active = transforms.filter((t) => worthRunning(t, read.text, names));
  if (!active.length) return { ...base, status: "unchanged" };
  // Parsed here so that the index can read the same tree for the file's own module.
  const tree = parse(read.text);
  const giveBack = lendTree(task.path, read.text, tree);
  let outcome: FileOutcome;
  try {
    outcome = fixModule(read.text, {
      rules: active,
      unsafe: settings.unsafe,
      named: settings.named,
      options: settings.options,
      module: { path: task.display, moduleName: task.moduleName, isPackage: task.isPackage },
      index,
      targets: task.targets,
      positions: settings.dryRun ? "original" : "final",
      plan: job.plan,
      tree,
    });
  } finally {
    giveBack();
  }
  if (outcome.status === "parse-error") {
    return { ...base, status: "skipped", message: `cannot parse: ${outcome.message}`, error: true };
  }
  if (outcome.status === "failed")
    return { ...base, status: "failed", message: outcome.message, error: true };
  const report: FileReport = {
    ...base,
    status: outcome.output === read.text ? "unchanged" : "changed",
    diagnostics: outcome.diagnostics,
    fixes: outcome.fixes,
    unsafeSkipped: outcome.unsafeSkipped,
  };
  if (report.status !== "changed") return report;
  const needs = packageNeeds(read.text, outcome.output, outcome.fixes);
  if (needs.length) report.needs = needs;
  // Encoded before anything is shown or written: a dry run must not promise what cannot be written.
  let encoded: Buffer;
  try {
    encoded = encodeSource({ ...read, text: outcome.output });
  } catch (err) {
    if (!(err instanceof EncodeError)) throw err;
    const message = `cannot encode the fixed text: ${err.message}; left unchanged`;
    return { ...base, status: "failed", message, error: true };
  }
  if (settings.dryRun) {
    report.diff = unifiedDiff(task.display, read.text, outcome.output, settings.color);
    return report;
  }
  if (task.stdin) {
    // Standard input in, standard output out: nothing on disk is touched.
    report.output = encoded;
    return report;
  }
  const refused = notWritable(task.path);
  if (refused) {
    const message = `${refused}; left unchanged (make it writable to apply the fixes)`;
    return { ...base, status: "skipped", message, error: true };
  }
  try {
    writeAtomic(task.path, encoded);
  } catch (err) {
    const message = `cannot write file: ${describeError(err)}; left unchanged`;
    return { ...base, status: "failed", message, error: true };
  }
  return report;
}

/** The unified diff of a file's change, as a dry run prints it (`--- a/path` / `+++ b/path`). */
export function unifiedDiff(
  display: string,
  before: string,
  after: string,
  color: boolean,
): string {
  const patch = unifiedPatch(`a/${diffPath(display)}`, `b/${diffPath(display)}`, before, after);
  // Drop the "Index:"/"====" preamble some versions print; keep from the --- line on.
  const diff = patch.slice(patch.indexOf("--- "));
  return color ? colorDiff(diff) : diff;
}
