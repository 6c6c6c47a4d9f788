// Benchmark, two ways.
//
// `npm run bench -- DIR... [--runs N] [--transform NAME]...` times the built CLI (dry run) over the
// folders together, next to ast-grep doing one pattern search over the same folders (one run of
// each tool over all of them).
//
// `npm run bench -- --shapes [--shape-mb N] [--data-mb N] [--timeout S]` generates folders of
// unusual file shapes (deep nesting, long call chains, huge literals, a data file; see
// bench-shapes.ts) next to ordinary code of the same size, times the CLI on each folder on its
// own and reports each shape's cost per byte against ordinary code's. A report, not a test: no
// time is asserted; a run that takes longer than --timeout is stopped and reported as such.
//
// Every run is a child process: one warm-up run, then the median of N timed runs (wall
// clock, from spawn to exit). Peak memory is the CLI process's maximum resident set size
// (getrusage ru_maxrss, which covers its worker threads too): a preloaded module (`node --import`)
// writes `process.resourceUsage().maxRSS` to a temporary file when the process exits. That needs
// nothing outside Node and is not mixed up with the CLI's own stderr. A run stopped at the timeout
// writes nothing: its peak is read from /proc/PID/status (VmHWM) just before it is killed.
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { discover } from "../src/runner/discover.js";
import { ORDINARY, SHAPES, START_UP } from "./bench-shapes.js";

const CLI = fileURLToPath(new URL("../bin/cli.js", import.meta.url));
const MB = 1e6;
const RSS_ENV = "FASTAPI_FIX_BENCH_RSS_FILE";
const RSS_PROBE =
  "data:text/javascript," +
  encodeURIComponent(
    'import{isMainThread}from"node:worker_threads";import{writeFileSync}from"node:fs";' +
      `process.on("exit",()=>{const f=process.env.${RSS_ENV};` +
      "if(isMainThread&&f)writeFileSync(f,String(process.resourceUsage().maxRSS))});",
  );
const AST_GREP_PACKAGE = "@ast-grep/cli";
const AST_GREP_PATTERN = "time.sleep($A)";

interface RunResult {
  seconds: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Killed when it ran longer than the timeout. */
  timedOut?: boolean;
  /** Peak resident set size in bytes, when known. */
  peak?: number;
}

interface Series {
  seconds: number[];
  median: number;
  last: RunResult;
}

class BenchError extends Error {}

function usage(): string {
  return (
    "usage: npm run bench -- DIR... [--runs N] [--transform NAME]...\n" +
    "       npm run bench -- --shapes [--shape-mb N] [--data-mb N] [--timeout SECONDS] [--runs N] [--transform NAME]..."
  );
}

/** The peak resident set size of a running process (Linux), in bytes. */
function peakOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const hwm = /^VmHWM:\s*(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return hwm ? Number(hwm[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs a command once with stdout discarded; returns wall seconds, exit status and stderr. With
 * a timeout, a run still going after that many seconds is killed (SIGKILL: the CLI finishes the
 * file in hand on SIGTERM) and comes back with `timedOut`.
 */
function runOnce(
  command: string,
  args: string[],
  cwd: string,
  env?: NodeJS.ProcessEnv,
  timeout?: number,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], cwd, env });
    let stderr = "";
    let timedOut = false;
    let peak: number | undefined;
    const timer =
      timeout === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            peak = peakOf(child.pid);
            child.kill("SIGKILL");
          }, timeout * 1000);
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-64 * 1024);
    });
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      resolve({ seconds, code, signal, stderr, ...(timedOut ? { timedOut, peak } : {}) });
    });
  });
}

/**
 * One run of the built CLI (`--dry-run`, then `args`) as a child of this Node, with the probe
 * that reports its peak memory.
 */
function cliRunner(
  args: string[],
  cwd: string,
  tmp: string,
  timeout?: number,
  cached = false,
): () => Promise<RunResult> {
  const rssFile = path.join(tmp, "maxrss");
  // A cold run unless the cache is what is measured: each run does the whole work.
  const cacheArgs = cached ? [] : ["--no-cache"];
  const cliArgs = ["--import", RSS_PROBE, CLI, "--dry-run", ...cacheArgs, ...args];
  return async () => {
    rmSync(rssFile, { force: true });
    const env = { ...process.env, [RSS_ENV]: rssFile };
    const r = await runOnce(process.execPath, cliArgs, cwd, env, timeout);
    if (existsSync(rssFile)) r.peak = Number(readFileSync(rssFile, "utf8")) * 1024;
    return r;
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function lastLines(text: string, count = 3): string {
  return text.trim().split("\n").slice(-count).join("\n");
}

/** One warm-up run, then `runs` timed ones; `check` rejects a run that did not do the work. */
async function measure(
  runs: number,
  once: () => Promise<RunResult>,
  check: (r: RunResult) => string | undefined,
): Promise<Series> {
  const fail = (r: RunResult): void => {
    const problem = check(r);
    if (problem) throw new BenchError(problem);
  };
  const warmUp = await once();
  fail(warmUp);
  const seconds: number[] = [];
  let last = warmUp;
  for (let i = 0; i < runs; i++) {
    last = await once();
    fail(last);
    seconds.push(last.seconds);
  }
  return { seconds, median: median(seconds), last };
}

function exitText(r: RunResult): string {
  return r.signal ? `signal ${r.signal}` : `exit code ${r.code}`;
}

/** The CLI's exit codes 0 and 1 are normal; 2 is normal too when it still printed its summary
 * (some files could not be parsed); anything else means the run did not happen. */
function checkCli(r: RunResult): string | undefined {
  if (r.code === 0 || r.code === 1) return undefined;
  if (r.code === 2 && SUMMARY.test(r.stderr)) return undefined;
  return `fastapi-fix failed (${exitText(r)}):\n${lastLines(r.stderr)}`;
}

const SUMMARY = /\bunchanged, \d+ skipped, \d+ failed/;

/** The CLI's summary line ("N files would change, N unchanged, N skipped, N failed"). */
function summaryOf(stderr: string): string | undefined {
  return stderr
    .split("\n")
    .find((l) => SUMMARY.test(l))
    ?.trim();
}

function checkAstGrep(r: RunResult): string | undefined {
  if (r.code === 0 || r.code === 1) return undefined;
  return `ast-grep failed (${exitText(r)}):\n${lastLines(r.stderr)}`;
}

/** The path of the binary that `npx ARGS` runs, or undefined when it cannot be found. */
function resolveBinary(npx: string, args: string[]): string | undefined {
  const name = args[args.length - 1]!;
  const found = spawnSync(npx, [...args.slice(0, -1), "-c", `command -v ${name}`], {
    encoding: "utf8",
  });
  const line = found.status === 0 ? found.stdout.trim().split("\n").pop() : undefined;
  if (!line) return undefined;
  try {
    return realpathSync(line);
  } catch {
    return undefined;
  }
}

function series(s: Series): string {
  return s.seconds.map((x) => fmt(x, 3)).join(", ");
}

function fmt(n: number, digits: number): string {
  return n.toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function peakText(peaks: number[]): string {
  return peaks.length
    ? `${fmt(Math.max(...peaks) / MB, 1)} MB  (max RSS of the CLI process, worker threads included)`
    : "unknown (the probe wrote nothing)";
}

/** Python files and their bytes as the CLI finds them under `paths`. */
function census(paths: string[], cwd: string): { files: number; bytes: number } {
  const { files } = discover(paths, { cwd, exclude: [] });
  let bytes = 0;
  for (const f of files) bytes += statSync(f.path).size;
  return { files: files.length, bytes };
}

function runsText(runs: number): string {
  return `${runs} timed run${runs === 1 ? "" : "s"} after 1 warm-up, medians`;
}

/** The folder benchmark: the CLI and ast-grep, each run once over all the folders together. */
async function benchFolders(
  dirs: string[],
  runs: number,
  transformArgs: string[],
  cwd: string,
): Promise<number> {
  // What the tool would consider: the same discovery the CLI runs.
  const { files, bytes } = census(dirs, cwd);
  const tmp = mkdtempSync(path.join(os.tmpdir(), "fastapi-fix-bench-"));
  const peaks: number[] = [];
  const run = cliRunner([...transformArgs, ...dirs], cwd, tmp);
  const cliOnce = async (): Promise<RunResult> => {
    const r = await run();
    if (r.peak !== undefined) peaks.push(r.peak);
    return r;
  };

  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  // `npx @ast-grep/cli` alone fails ("could not determine executable to run"): the package has
  // two binaries (sg, ast-grep) and neither is named after it, so name the binary explicitly.
  const astGrepArgs = ["--yes", "--package", AST_GREP_PACKAGE, "ast-grep"];
  const astGrepRun = [...astGrepArgs, "run", "-p", AST_GREP_PATTERN, "-l", "python", ...dirs];

  const title = "fastapi-fix bench: ";
  process.stdout.write(
    dirs.map((d, i) => `${i ? " ".repeat(title.length) : title}${d}\n`).join("") +
      `  ${os.availableParallelism()} cores, node ${process.version}, ${runsText(runs)}` +
      `${dirs.length > 1 ? `; all ${dirs.length} folders in one run of each tool` : ""}\n`,
  );
  let cli: Series;
  try {
    cli = await measure(runs, cliOnce, checkCli);
  } catch (err) {
    if (!(err instanceof BenchError)) throw err;
    process.stderr.write(`bench: ${err.message}\n`);
    return 2;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const summary = summaryOf(cli.last.stderr);
  const seconds = cli.median;
  const rows: Array<[string, string]> = [
    ["files", `${fmt(files, 0)} .py`],
    ["size", `${fmt(bytes / MB, 2)} MB`],
    ["fastapi-fix", `${fmt(seconds, 3)} s  (runs: ${series(cli)})`],
    ["files/s", fmt(files / seconds, 0)],
    ["MB/s", fmt(bytes / MB / seconds, 2)],
    ["peak memory", peakText(peaks)],
  ];
  if (summary) rows.push(["cli summary", summary]);
  // The same run again over the unchanged folders: answered from .fastapi_fix_cache/ (the
  // warm-up run fills it). The cache goes in the working directory: a temporary one here.
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), "fastapi-fix-cache-"));
  try {
    const cachedRun = cliRunner([...transformArgs, ...dirs], cacheDir, cacheDir, undefined, true);
    const warm = await measure(runs, cachedRun, checkCli);
    rows.push([
      "cached",
      `${fmt(warm.median, 3)} s  (runs: ${series(warm)}; second run over unchanged folders: ${fmt(seconds / warm.median, 1)}x faster)`,
    ]);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }

  let status = 0;
  try {
    const astGrep = await measure(runs, () => runOnce(npx, astGrepRun, cwd), checkAstGrep);
    const shown = astGrepRun.map((a) => (/[\s$()]/.test(a) ? `'${a}'` : a)).join(" ");
    rows.push(
      ["ast-grep", `${fmt(astGrep.median, 3)} s  (runs: ${series(astGrep)}; npx ${shown})`],
      ["ratio", `${fmt(seconds / astGrep.median, 2)}  (fastapi-fix time / ast-grep time)`],
    );
    // npm's own start-up (~0.5 s) is a large part of the npx figure on small folders: also time
    // the binary that npx runs, without npx.
    const binary = resolveBinary(npx, astGrepArgs);
    if (binary) {
      const direct = await measure(
        runs,
        () => runOnce(binary, astGrepRun.slice(astGrepArgs.length), cwd),
        checkAstGrep,
      );
      rows.push(
        ["ast-grep bare", `${fmt(direct.median, 3)} s  (runs: ${series(direct)}; ${binary})`],
        ["ratio bare", `${fmt(seconds / direct.median, 2)}  (fastapi-fix time / bare ast-grep)`],
      );
    }
  } catch (err) {
    if (!(err instanceof BenchError)) throw err;
    rows.push(["ast-grep", `not measured: ${err.message.split("\n").join(" | ")}`]);
    status = 1;
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join("\n") + "\n");
  return status;
}

/** How the runs of one shape went: a median, or where they stopped. */
interface ShapeRuns {
  seconds: number[];
  median: number;
  peak?: number;
  last: RunResult;
  /** The run that was stopped at the timeout, or that the CLI did not finish. */
  stopped?: "timeout" | "failed";
  problem?: string;
}

/** Like `measure`, but a run over the timeout or a failed run ends the shape instead of the bench. */
async function measureShape(runs: number, once: () => Promise<RunResult>): Promise<ShapeRuns> {
  const seconds: number[] = [];
  const peaks: number[] = [];
  let last: RunResult | undefined;
  for (let i = 0; i <= runs; i++) {
    last = await once();
    if (last.peak !== undefined) peaks.push(last.peak);
    const peak = peaks.length ? Math.max(...peaks) : undefined;
    if (last.timedOut) return { seconds, median: last.seconds, peak, last, stopped: "timeout" };
    const problem = checkCli(last);
    if (problem) return { seconds, median: NaN, peak, last, stopped: "failed", problem };
    if (i > 0) seconds.push(last.seconds);
  }
  const peak = peaks.length ? Math.max(...peaks) : undefined;
  return { seconds, median: median(seconds), peak, last: last! };
}

/** The sum of the counts on the CLI's "fixes (not written): name N, name N" line. */
function fixesOf(stderr: string): number {
  const line = stderr.split("\n").find((l) => l.startsWith("fixes (not written):"));
  if (!line) return 0;
  let total = 0;
  for (const m of line.matchAll(/ (\d+)(?:,|$)/g)) total += Number(m[1]);
  return total;
}

interface ShapeOptions {
  runs: number;
  transformArgs: string[];
  shapeBytes: number;
  dataBytes: number;
  timeout: number;
}

/**
 * The shape benchmark: each generated folder timed on its own, one thread (`--jobs 1`) so that a
 * folder of many files is not spread over more cores than a single file can use.
 */
async function benchShapes(o: ShapeOptions): Promise<number> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "fastapi-fix-shapes-"));
  try {
    const write = (name: string, files: Array<{ name: string; text: string }>): void => {
      const dir = path.join(tmp, name);
      mkdirSync(dir);
      for (const f of files) writeFileSync(path.join(dir, f.name), f.text);
    };
    write("start-up", [START_UP]);
    for (const shape of SHAPES)
      write(shape.name, shape.generate(shape.data ? o.dataBytes : o.shapeBytes));

    const args = (name: string): string[] => ["--jobs", "1", ...o.transformArgs, name];
    process.stdout.write(
      `fastapi-fix bench --shapes: ${mb(o.shapeBytes)} MB a shape, ${mb(o.dataBytes)} MB data file, ` +
        `generated in ${tmp}\n` +
        `  ${os.availableParallelism()} cores, node ${process.version}, ${runsText(o.runs)}; ` +
        `fastapi-fix --dry-run --jobs 1${o.transformArgs.length ? ` ${o.transformArgs.join(" ")}` : ""} ` +
        `on each folder alone; a run still going after ${fmt(o.timeout, 0)} s is stopped\n`,
    );
    let status = 0;
    const startUp = await measureShape(o.runs, cliRunner(args("start-up"), tmp, tmp, o.timeout));
    if (startUp.stopped) status = 1;
    process.stdout.write(
      `  start-up: ${startUp.stopped ? `not measured (${startUp.stopped})` : `${fmt(startUp.median, 3)} s`}` +
        ` (a module of imports and one APIRouter; part of every time below)\n\n`,
    );

    const columns: Array<[string, number]> = [
      ["shape", -Math.max(...SHAPES.map((s) => s.name.length))],
      ["files", 5],
      ["MB", 6],
      ["seconds", 9],
      ["MB/s", 7],
      ["cost/byte vs ordinary", 21],
      ["peak RSS MB", 11],
      ["fixes", 6],
      ["failed", 6],
    ];
    const line = (cells: string[]): string =>
      "  " +
      cells
        .map((c, i) => {
          const w = columns[i]![1];
          return w < 0 ? c.padEnd(-w) : c.padStart(w);
        })
        .join("  ")
        .trimEnd() +
      "\n";
    process.stdout.write(line(columns.map(([h]) => h)));

    let ordinaryCost: number | undefined;
    const notes: string[] = [];
    for (const shape of SHAPES) {
      const { files, bytes } = census([shape.name], tmp);
      const r = await measureShape(o.runs, cliRunner(args(shape.name), tmp, tmp, o.timeout));
      const cost = r.median / bytes;
      if (shape.name === ORDINARY && !r.stopped) ordinaryCost = cost;
      const vs = ordinaryCost === undefined ? "n/a" : fmt(cost / ordinaryCost, 2);
      const peak = r.peak === undefined ? "?" : fmt(r.peak / MB, 1);
      const size = fmt(bytes / MB, 2);
      if (r.stopped === "timeout") {
        status = 1;
        process.stdout.write(
          line([
            shape.name,
            fmt(files, 0),
            size,
            `> ${fmt(r.median, 0)}`,
            `< ${fmt(bytes / MB / r.median, 3)}`,
            vs === "n/a" ? vs : `> ${vs}`,
            peak,
            "?",
            "?",
          ]),
        );
        notes.push(`${shape.name}: stopped after ${fmt(r.median, 1)} s (--timeout ${o.timeout})`);
      } else if (r.stopped === "failed") {
        status = 1;
        process.stdout.write(
          line([shape.name, fmt(files, 0), size, "failed", "", "", peak, "", ""]),
        );
        notes.push(`${shape.name}: ${r.problem!.split("\n").join(" | ")}`);
      } else {
        const summary = summaryOf(r.last.stderr);
        const failed = summary ? (/(\d+) failed/.exec(summary)?.[1] ?? "?") : "?";
        process.stdout.write(
          line([
            shape.name,
            fmt(files, 0),
            size,
            fmt(r.median, 3),
            fmt(bytes / MB / r.median, 3),
            vs,
            peak,
            fmt(fixesOf(r.last.stderr), 0),
            failed,
          ]),
        );
        if (failed !== "0")
          notes.push(`${shape.name}: ${summary} (${lastLines(r.last.stderr, 1)})`);
      }
    }
    process.stdout.write(
      "\n  cost/byte vs ordinary = (seconds / bytes of the shape) / (seconds / bytes of ordinary): " +
        "1.00 is what a byte of ordinary code costs, 3.00 three times as much; start-up is included in both.\n",
    );
    for (const note of notes) process.stdout.write(`  ${note}\n`);
    process.stdout.write("\n");
    const width = Math.max(...SHAPES.map((s) => s.name.length));
    for (const shape of SHAPES)
      process.stdout.write(`  ${shape.name.padEnd(width)}  ${shape.description}\n`);
    return status;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Megabytes with at most two decimals and no trailing zeros. */
function mb(bytes: number): string {
  return (bytes / MB).toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/** A positive number of megabytes from an option, or undefined. */
function megabytes(text: string): number | undefined {
  const n = Number(text);
  return Number.isFinite(n) && n > 0 ? n * MB : undefined;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        runs: { type: "string", default: "3" },
        transform: { type: "string", short: "t", multiple: true, default: [] },
        shapes: { type: "boolean", default: false },
        "shape-mb": { type: "string" },
        "data-mb": { type: "string" },
        timeout: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n${usage()}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  const fail = (message: string): number => {
    process.stderr.write(`bench: ${message}\n${usage()}\n`);
    return 2;
  };
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) return fail("--runs takes a whole number from 1 up");
  if (!existsSync(CLI)) {
    process.stderr.write(`bench: ${CLI} is missing; run \`npm run build\` first\n`);
    return 2;
  }
  const transformArgs = values.transform.flatMap((t) => ["--transform", t]);

  if (values.shapes) {
    if (positionals.length) return fail("--shapes generates its own folders; give no folder");
    const shapeBytes = megabytes(values["shape-mb"] ?? "1");
    const dataBytes = megabytes(values["data-mb"] ?? "5");
    const timeout = Number(values.timeout ?? "120");
    if (shapeBytes === undefined) return fail("--shape-mb takes a number of megabytes above 0");
    if (dataBytes === undefined) return fail("--data-mb takes a number of megabytes above 0");
    if (!(timeout > 0)) return fail("--timeout takes a number of seconds above 0");
    return benchShapes({ runs, transformArgs, shapeBytes, dataBytes, timeout });
  }

  for (const name of ["shape-mb", "data-mb", "timeout"] as const) {
    if (values[name] !== undefined) return fail(`--${name} goes with --shapes`);
  }
  if (!positionals.length) return fail("give one or more folders, or --shapes");
  // `npm run` starts scripts in the package folder; INIT_CWD is where the user typed the command.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const dirs: string[] = [];
  for (const p of positionals) {
    const dir = path.resolve(cwd, p);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      process.stderr.write(`bench: folder not found: ${p}\n`);
      return 2;
    }
    dirs.push(dir);
  }
  return benchFolders(dirs, runs, transformArgs, cwd);
}

process.exitCode = await main(process.argv.slice(2));
