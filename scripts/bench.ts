// Benchmark: time the built CLI (dry run) over a folder, next to ast-grep doing one pattern search
// over the same folder. Run as `npm run bench -- DIR [--runs N] [--transform NAME]...`.
//
// Both tools run as child processes: one warm-up run, then the median of N timed runs (wall
// clock, from spawn to exit). Peak memory is the CLI process's maximum resident set size
// (getrusage ru_maxrss, which covers its worker threads too): a preloaded module (`node --import`)
// writes `process.resourceUsage().maxRSS` to a temporary file when the process exits. That needs
// nothing outside Node and is not mixed up with the CLI's own stderr.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { discover } from "../src/runner/discover.js";

const CLI = fileURLToPath(new URL("../src/cli.js", import.meta.url));
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
}

interface Series {
  seconds: number[];
  median: number;
  last: RunResult;
}

class BenchError extends Error {}

function usage(): string {
  return "usage: npm run bench -- DIR [--runs N] [--transform NAME]...";
}

/** Runs a command once with stdout discarded; returns wall seconds, exit status and stderr. */
function runOnce(
  command: string,
  args: string[],
  cwd: string,
  env?: NodeJS.ProcessEnv,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], cwd, env });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-64 * 1024);
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      resolve({ seconds, code, signal, stderr });
    });
  });
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
  if (r.code === 2 && /\bunchanged, \d+ skipped, \d+ failed/.test(r.stderr)) return undefined;
  return `fastapi-fix failed (${exitText(r)}):\n${lastLines(r.stderr)}`;
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

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        runs: { type: "string", default: "3" },
        transform: { type: "string", short: "t", multiple: true, default: [] },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}; ${usage()}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write(`bench: --runs takes a whole number from 1 up; ${usage()}\n`);
    return 2;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`bench: give exactly one folder; ${usage()}\n`);
    return 2;
  }
  // `npm run` starts scripts in the package folder; INIT_CWD is where the user typed the command.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const dir = path.resolve(cwd, positionals[0]!);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    process.stderr.write(`bench: folder not found: ${positionals[0]}\n`);
    return 2;
  }
  if (!existsSync(CLI)) {
    process.stderr.write(`bench: ${CLI} is missing; run \`npm run build\` first\n`);
    return 2;
  }

  // What the tool would consider: the same discovery the CLI runs.
  const { files } = discover([dir], { cwd, exclude: [] });
  let bytes = 0;
  for (const f of files) bytes += statSync(f.path).size;

  const transformArgs = values.transform.flatMap((t) => ["--transform", t]);
  const cliArgs = ["--import", RSS_PROBE, CLI, "--dry-run", ...transformArgs, dir];
  const tmp = mkdtempSync(path.join(os.tmpdir(), "fastapi-fix-bench-"));
  const rssFile = path.join(tmp, "maxrss");
  const peaks: number[] = [];
  const cliOnce = async (): Promise<RunResult> => {
    rmSync(rssFile, { force: true });
    const r = await runOnce(process.execPath, cliArgs, cwd, { ...process.env, [RSS_ENV]: rssFile });
    if (existsSync(rssFile)) peaks.push(Number(readFileSync(rssFile, "utf8")) * 1024);
    return r;
  };

  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  // `npx @ast-grep/cli` alone fails ("could not determine executable to run"): the package has
  // two binaries (sg, ast-grep) and neither is named after it, so name the binary explicitly.
  const astGrepArgs = ["--yes", "--package", AST_GREP_PACKAGE, "ast-grep"];
  const astGrepRun = [...astGrepArgs, "run", "-p", AST_GREP_PATTERN, "-l", "python", dir];

  process.stdout.write(
    `fastapi-fix bench: ${dir}\n` +
      `  ${os.availableParallelism()} cores, node ${process.version}, ` +
      `${runs} timed run${runs === 1 ? "" : "s"} after 1 warm-up, medians\n`,
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
  const summary = cli.last.stderr
    .split("\n")
    .find((l) => /\bunchanged, \d+ skipped, \d+ failed/.test(l));
  const seconds = cli.median;
  const rows: Array<[string, string]> = [
    ["files", `${fmt(files.length, 0)} .py`],
    ["size", `${fmt(bytes / MB, 2)} MB`],
    ["fastapi-fix", `${fmt(seconds, 3)} s  (runs: ${series(cli)})`],
    ["files/s", fmt(files.length / seconds, 0)],
    ["MB/s", fmt(bytes / MB / seconds, 2)],
    [
      "peak memory",
      peaks.length
        ? `${fmt(Math.max(...peaks) / MB, 1)} MB  (max RSS of the CLI process, worker threads included)`
        : "unknown (the probe wrote nothing)",
    ],
  ];
  if (summary) rows.push(["cli summary", summary.trim()]);

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

process.exitCode = await main(process.argv.slice(2));
