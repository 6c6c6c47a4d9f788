// One run of the tool: find files, index them, fix them, report, and pick the exit code.
import path from "node:path";
import { discover, UsageError, type DiscoveryProblem } from "./discover.js";
import { createExecutor } from "./executor.js";
import {
  diagnosticLines,
  githubAnnotations,
  jsonReport,
  problemLines,
  statisticsLines,
  summarize,
  summaryText,
} from "./report.js";
import { selectTransforms } from "./select.js";
import type { FileReport, FileTask } from "./types.js";
import { projectTable } from "./project-table.js";
import {
  findProjectRoot,
  noTargets,
  readTargets,
  withOverrides,
  type ProjectTargets,
  type TargetPackage,
} from "../project/targets.js";

export const EXIT = {
  /** Nothing to do, or everything fixed. */
  ok: 0,
  /** A dry run would change files, or diagnostics remain. */
  findings: 1,
  /** Bad usage, a file that cannot be read or parsed, or an internal failure. */
  error: 2,
  /** Stopped by Ctrl-C (SIGINT): 128 + the signal's number, as shells report it. */
  interrupted: 130,
  /** Stopped by SIGTERM. */
  terminated: 143,
} as const;

export interface RunOptions {
  paths: string[];
  cwd: string;
  dryRun: boolean;
  /** `--check`: like a dry run, but no diff is printed; exit 1 when a file would change. */
  check?: boolean;
  /** `--statistics`: counts per rule instead of one line per diagnostic. */
  statistics?: boolean;
  /** `--select` / `-t`: names, codes, code prefixes or groups; empty for the default set. */
  transforms: string[];
  /** `--ignore`: the same kinds of selector, taken out of the selection. */
  ignore?: string[];
  unsafe: boolean;
  /** Choices transforms read (e.g. "status-names"). */
  options?: Readonly<Record<string, string>>;
  /** Versions to assume instead of what the projects declare (`--declared pydantic=1.10`). */
  declared?: ReadonlyArray<[TargetPackage, string]>;
  exclude: string[];
  format: "text" | "json" | "github";
  color: boolean;
  jobs?: number;
  out: (text: string) => void;
  err: (text: string) => void;
  /**
   * Aborting it (the CLI does on SIGINT and SIGTERM, with the signal's name as the reason) stops
   * the run between files: what was done is reported, and the run exits with 130 (or 143).
   */
  signal?: AbortSignal;
}

export async function run(options: RunOptions): Promise<number> {
  const transforms = selectTransforms({ select: options.transforms, ignore: options.ignore });
  if (!transforms.length) throw new UsageError("--ignore leaves no rule to run");
  const dryRun = options.dryRun || options.check === true;
  const { files, missing, problems } = discover(options.paths.length ? options.paths : ["."], {
    cwd: options.cwd,
    exclude: options.exclude,
  });
  if (missing.length) throw new UsageError(`path not found: ${missing.join(", ")}`);
  attachTargets(files, options.declared ?? []);
  const settings = {
    transforms: transforms.map((t) => t.name),
    unsafe: options.unsafe,
    options: options.options ?? {},
    dryRun,
    color: options.color,
  };
  const signal = options.signal;
  let results: Array<FileReport | undefined> = [];
  if (!signal?.aborted) {
    const executor = createExecutor(settings, files.length, options.jobs);
    const onAbort = (): void => executor.stop();
    signal?.addEventListener("abort", onAbort);
    try {
      const scans = await executor.index(files);
      // Stopped while indexing: no file has been touched, none is started.
      if (!signal?.aborted) {
        const table = projectTable(
          files,
          scans.map((s) => s?.scan),
        );
        // Files no rule's prefilter lets through are settled by the scan: no second read.
        const open = files.filter((_, i) => !scans[i]?.settled);
        const fixed = await executor.fix(open, table);
        let k = 0;
        results = files.map((_, i) => scans[i]?.settled ?? fixed[k++]);
      }
    } finally {
      signal?.removeEventListener("abort", onAbort);
      await executor.close();
    }
  }
  const done = results.filter((r): r is FileReport => !!r);
  const reports = [...done, ...problems.map(problemReport)].sort((a, b) =>
    a.display < b.display ? -1 : a.display > b.display ? 1 : 0,
  );
  const summary = summarize(reports);
  const stopped = signal?.aborted ? String(signal.reason ?? "SIGINT") : undefined;
  const stopLine = stopped
    ? `fastapi-fix: stopped by ${stopped}: ${done.length} of ${files.length} file${files.length === 1 ? "" : "s"} processed, the others left untouched`
    : undefined;
  if (options.format === "json") {
    options.out(jsonReport(reports, summary, dryRun, stopped) + "\n");
    if (stopLine) options.err(stopLine + "\n");
  } else if (options.format === "github") {
    const lines = githubAnnotations(reports, dryRun);
    if (lines.length) options.out(lines.join("\n") + "\n");
    if (stopLine) options.err(stopLine + "\n");
  } else {
    if (!options.check && !options.statistics)
      for (const r of reports) if (r.diff) options.out(r.diff);
    const lines = options.statistics
      ? statisticsLines(reports)
      : diagnosticLines(reports, options.color);
    if (lines.length) options.out(lines.join("\n") + "\n");
    const problemText = problemLines(reports, options.color);
    if (problemText.length) options.err(problemText.join("\n") + "\n");
    if (!files.length && !problems.length) options.err("no Python files found\n");
    if (stopLine) options.err(stopLine + "\n");
    options.err(summaryText(summary, dryRun) + "\n");
  }
  if (stopped) return stopped === "SIGTERM" ? EXIT.terminated : EXIT.interrupted;
  if (reports.some((r) => r.error)) return EXIT.error;
  if (options.check) return summary.changed ? EXIT.findings : EXIT.ok;
  if ((dryRun && summary.changed) || summary.diagnostics) return EXIT.findings;
  return EXIT.ok;
}

/**
 * Gives each file what its project declares: the nearest pyproject/requirements/lock folder up
 * from it (read once per folder), with the command line's versions on top.
 */
function attachTargets(files: FileTask[], declared: ReadonlyArray<[TargetPackage, string]>): void {
  const roots = new Map<string, string | undefined>();
  const byRoot = new Map<string, ProjectTargets>();
  for (const file of files) {
    const dir = path.dirname(file.path);
    if (!roots.has(dir)) roots.set(dir, findProjectRoot(dir));
    const root = roots.get(dir) ?? "";
    let targets = byRoot.get(root);
    if (!targets) {
      targets = withOverrides(root ? readTargets(root) : noTargets(), declared);
      byRoot.set(root, targets);
    }
    file.targets = targets;
  }
}

/** A path discovery set aside, reported like a skipped file. */
function problemReport(p: DiscoveryProblem): FileReport {
  return {
    display: p.display,
    status: "skipped",
    message: p.message,
    ...(p.error ? { error: true } : { warning: true }),
    diagnostics: [],
    fixes: {},
    unsafeSkipped: 0,
  };
}
