// One run of the tool: find files, index them, fix them, report, and pick the exit code.
import { discover, UsageError } from "./discover.js";
import { createExecutor } from "./executor.js";
import { diagnosticLines, jsonReport, problemLines, summarize, summaryText } from "./report.js";
import { selectTransforms } from "./select.js";
import type { FileReport } from "./types.js";
import type { ModuleSummary } from "../project/summary.js";

export const EXIT = {
  /** Nothing to do, or everything fixed. */
  ok: 0,
  /** A dry run would change files, or diagnostics remain. */
  findings: 1,
  /** Bad usage, a file that cannot be read or parsed, or an internal failure. */
  error: 2,
} as const;

export interface RunOptions {
  paths: string[];
  cwd: string;
  dryRun: boolean;
  transforms: string[];
  unsafe: boolean;
  /** Choices transforms read (e.g. "status-names"). */
  options?: Readonly<Record<string, string>>;
  exclude: string[];
  format: "text" | "json";
  color: boolean;
  jobs?: number;
  out: (text: string) => void;
  err: (text: string) => void;
}

export async function run(options: RunOptions): Promise<number> {
  const transforms = selectTransforms(options.transforms);
  const { files, missing } = discover(options.paths.length ? options.paths : ["."], {
    cwd: options.cwd,
    exclude: options.exclude,
  });
  if (missing.length) throw new UsageError(`path not found: ${missing.join(", ")}`);
  const settings = {
    transforms: transforms.map((t) => t.name),
    unsafe: options.unsafe,
    options: options.options ?? {},
    dryRun: options.dryRun,
    color: options.color,
  };
  const executor = createExecutor(settings, files.length, options.jobs);
  let reports: FileReport[];
  try {
    const summaries = (await executor.index(files)).filter((s): s is ModuleSummary => !!s);
    reports = await executor.fix(files, summaries);
  } finally {
    await executor.close();
  }
  const summary = summarize(reports);
  if (options.format === "json") {
    options.out(jsonReport(reports, summary, options.dryRun) + "\n");
  } else {
    for (const r of reports) if (r.diff) options.out(r.diff);
    const lines = diagnosticLines(reports, options.color);
    if (lines.length) options.out(lines.join("\n") + "\n");
    const problems = problemLines(reports, options.color);
    if (problems.length) options.err(problems.join("\n") + "\n");
    if (!files.length) options.err("no Python files found\n");
    options.err(summaryText(summary, options.dryRun) + "\n");
  }
  if (reports.some((r) => r.error)) return EXIT.error;
  if ((options.dryRun && summary.changed) || summary.diagnostics) return EXIT.findings;
  return EXIT.ok;
}
