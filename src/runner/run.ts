// One run of the tool: find files, index them, fix them, report, and pick the exit code.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { SingleBar } from "cli-progress";
import picomatch from "picomatch";
import { ResultCache } from "./cache.js";
import { ConfigFinder, readConfig, type FileConfig } from "./config.js";
import { migrationReport, writeReport, type ProjectReport } from "./migration-report.js";
import { discover, UsageError, type DiscoveryProblem } from "./discover.js";
import { moduleNameFor } from "../project/modules.js";
import {
  type Summary,
  diagnosticLines,
  githubAnnotations,
  jsonReport,
  problemLines,
  statisticsLines,
  summarize,
  summaryText,
} from "./report.js";
import { manifestReports } from "./manifests.js";
import { sarifLog } from "./sarif.js";
import { namedRules, ruleNames, selectTransforms } from "./select.js";
import type { FileReport, FileTask, FixSettings, Profile } from "./types.js";
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
  /** The repository a batch run is on (named in the progress bar). */
  repository?: string;
  /** Findings (diagnostics, pending fixes) do not make the exit code 1. */
  exitZero?: boolean;
  /**
   * Where to draw a progress bar (a terminal's standard error), for runs of `PROGRESS_FILES` files
   * or more with text output; none in pipes, CI or machine formats (the CLI decides).
   */
  progress?: NodeJS.WritableStream;
  /** `--statistics`: counts per rule instead of one line per diagnostic. */
  statistics?: boolean;
  /** `--select` / `-t`: names, codes, code prefixes or groups; empty for the default set. */
  transforms: string[];
  /** `--ignore`: the same kinds of selector, taken out of the selection. */
  ignore?: string[];
  /** `--config PATH`: this file for every file, instead of the nearest one. */
  config?: string;
  /** `--report FILE.md`: write a migration report per repository there. */
  report?: string;
  /** `--no-cache`: neither read nor write `.fastapi_fix_cache/`. */
  noCache?: boolean;
  /** The tool's version, part of the cache key. */
  version?: string;
  /** `--isolated`: no configuration file at all. */
  isolated?: boolean;
  /**
   * `--stdin-filename NAME`: the source of NAME is this text, read from standard input; the
   * fixed source goes to standard output (a dry run prints the diff there instead).
   */
  stdin?: { name: string; bytes: Uint8Array };
  unsafe: boolean;
  /** Choices transforms read (e.g. "status-names"). */
  options?: Readonly<Record<string, string>>;
  /** Versions to assume instead of what the projects declare (`--declared pydantic=1.10`). */
  declared?: ReadonlyArray<[TargetPackage, string]>;
  exclude: string[];
  format: "text" | "json" | "github" | "sarif";
  color: boolean;
  jobs?: number;
  out: (text: string | Uint8Array) => void;
  err: (text: string) => void;
  /**
   * Aborting it (the CLI does on SIGINT and SIGTERM, with the signal's name as the reason) stops
   * the run between files: what was done is reported, and the run exits with 130 (or 143).
   */
  signal?: AbortSignal;
}

/**
 * Batch mode: several paths that are each a repository of their own (a `.git`, or a manifest a
 * project root has) run one after the other, each with its own index, versions and configuration,
 * each with its summary, then a total. A repository that fails (a configuration error, a path
 * that vanished) is reported and the others go on.
 */
export async function run(options: RunOptions): Promise<number> {
  const projects: ProjectReport[] = [];
  const code = await runAll(options, projects);
  if (options.format === "sarif") {
    const stopped =
      code === EXIT.interrupted ? "SIGINT" : code === EXIT.terminated ? "SIGTERM" : undefined;
    const reports = projects.flatMap((p) => p.reports);
    const log = sarifLog(reports, {
      version: options.version ?? "0.0.0",
      cwd: options.cwd,
      dryRun: options.dryRun || options.check === true,
      stopped,
      failures: projects.flatMap((p) => (p.failure ? [{ path: p.name, message: p.failure }] : [])),
    });
    options.out(log + "\n");
  }
  if (options.report) {
    const dryRun = options.dryRun || options.check === true;
    writeReport(path.resolve(options.cwd, options.report), migrationReport(projects, dryRun));
  }
  return code;
}

async function runAll(options: RunOptions, projects: ProjectReport[]): Promise<number> {
  const repos = batchRoots(options);
  if (!repos) {
    const name = options.stdin?.name ?? (options.paths.join(" ") || ".");
    return runProject(options, (summary, reports) => projects.push({ name, summary, reports }));
  }
  let code: number = EXIT.ok;
  for (const repo of repos) {
    if (options.signal?.aborted) break;
    if (options.format === "text") options.err(`== ${repo}\n`);
    let repoCode: number;
    try {
      repoCode = await runProject(
        { ...options, paths: [repo], repository: repo },
        (summary, reports) => projects.push({ name: repo, summary, reports }),
      );
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      options.err(`fastapi-fix: ${repo}: ${err.message}\n`);
      projects.push({ name: repo, reports: [], failure: err.message });
      repoCode = EXIT.error;
    }
    if (repoCode === EXIT.interrupted || repoCode === EXIT.terminated) return repoCode;
    code = Math.max(code, repoCode);
  }
  if (options.format === "text")
    options.err(
      `== total over ${repos.length} repositories\n${summaryText(summarize(projects.flatMap((p) => p.reports)), options.dryRun || options.check === true)}\n`,
    );
  return code;
}

/** The paths, when there are several and each is a repository of its own; else none. */
function batchRoots(options: RunOptions): string[] | undefined {
  if (options.stdin || options.paths.length < 2) return undefined;
  const dirs = options.paths.map((p) => path.resolve(options.cwd, p));
  // A folder is a repository of its own when it is its project's root, or belongs to no project
  // above it: two folders of one project (`app tests`) stay one run, with one index.
  const own = dirs.every((dir) => {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return false;
    if (existsSync(path.join(dir, ".git"))) return true;
    const root = findProjectRoot(dir);
    return root === undefined || root === dir;
  });
  const nested = dirs.some((a) => dirs.some((b) => a !== b && a.startsWith(b + path.sep)));
  return own && !nested ? options.paths : undefined;
}

async function runProject(
  options: RunOptions,
  onSummary?: (summary: Summary, reports: FileReport[]) => void,
): Promise<number> {
  // The command line's selectors are checked before anything is read.
  selectTransforms({ select: options.transforms, ignore: options.ignore });
  const dryRun = options.dryRun || options.check === true;
  const discovered = options.stdin
    ? stdinDiscovery(options.stdin, options.cwd)
    : discover(options.paths.length ? options.paths : ["."], {
        cwd: options.cwd,
        exclude: options.exclude,
      });
  const { missing, problems } = discovered;
  if (missing.length) throw new UsageError(`path not found: ${missing.join(", ")}`);
  const configOf = configResolver(options);
  const files = discovered.files.filter((f) => !excludedByConfig(f, configOf(f)));
  attachTargets(files, options.declared ?? [], configOf);
  const settings = assignProfiles(files, options, configOf, dryRun);
  const signal = options.signal;
  const cache =
    options.noCache || options.stdin
      ? undefined
      : new ResultCache(options.cwd, options.version ?? "", settings, options.paths);
  const fingerprint = cache?.fingerprint(files);
  const cached = fingerprint ? cache!.load(fingerprint) : undefined;
  let results: Array<FileReport | undefined> = cached ?? [];
  if (!signal?.aborted && !cached) {
    // Loaded only now: a run the cache answers needs neither the parser nor the rules' engine.
    const { createExecutor } = await import("./executor.js");
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
        const bar = await progressBar(options, files.length, files.length - open.length);
        let fixed: Array<FileReport | undefined>;
        try {
          fixed = await executor.fix(open, table, bar && ((n) => bar.increment(n)));
        } finally {
          bar?.stop();
        }
        let k = 0;
        results = files.map((_, i) => scans[i]?.settled ?? fixed[k++]);
      }
    } finally {
      signal?.removeEventListener("abort", onAbort);
      await executor.close();
    }
  }
  const done = results.filter((r): r is FileReport => !!r);
  // The declarations follow the code: edited once the files are (never for standard input).
  const manifests =
    options.stdin || signal?.aborted
      ? []
      : manifestReports(files, results, { cwd: options.cwd, dryRun, color: options.color });
  const reports = [...done, ...manifests, ...problems.map(problemReport)].sort((a, b) =>
    a.display < b.display ? -1 : a.display > b.display ? 1 : 0,
  );
  const summary = summarize(reports);
  onSummary?.(summary, reports);
  // Kept when a second run would report the same: a dry run, or a run that wrote nothing.
  if (cache && fingerprint && !cached && !signal?.aborted && (dryRun || !summary.changed))
    cache.store(fingerprint, done);
  const stopped = signal?.aborted ? String(signal.reason ?? "SIGINT") : undefined;
  const stopLine = stopped
    ? `fastapi-fix: stopped by ${stopped}: ${done.length} of ${files.length} file${files.length === 1 ? "" : "s"} processed, the others left untouched`
    : undefined;
  if (options.format === "json") {
    options.out(jsonReport(reports, summary, dryRun, stopped) + "\n");
    if (stopLine) options.err(stopLine + "\n");
  } else if (options.format === "sarif") {
    // One log for the whole run, batch or not: written once every repository is done (run()).
    if (stopLine) options.err(stopLine + "\n");
  } else if (options.format === "github") {
    const lines = githubAnnotations(reports, dryRun);
    if (lines.length) options.out(lines.join("\n") + "\n");
    if (stopLine) options.err(stopLine + "\n");
  } else if (options.stdin && !dryRun) {
    // The editor gets the source back, fixed or not; what is left to review goes to stderr.
    const source = reports[0]?.output ?? options.stdin.bytes;
    options.out(source);
    const lines = diagnosticLines(reports, options.color);
    if (lines.length) options.err(lines.join("\n") + "\n");
    const problemText = problemLines(reports, options.color);
    if (problemText.length) options.err(problemText.join("\n") + "\n");
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
  if (options.exitZero) return EXIT.ok;
  if (options.check) return summary.changed ? EXIT.findings : EXIT.ok;
  if ((dryRun && summary.changed) || summary.diagnostics) return EXIT.findings;
  return EXIT.ok;
}

/** Runs over fewer files finish too soon for a progress bar to help. */
export const PROGRESS_FILES = 200;

/** A progress bar of files done, when the run has a terminal to draw it on and enough files. */
async function progressBar(
  options: RunOptions,
  total: number,
  done: number,
): Promise<SingleBar | undefined> {
  if (!options.progress || options.format !== "text" || options.stdin || total < PROGRESS_FILES)
    return undefined;
  // Loaded only when drawn: a run answered from the cache should not pay for it.
  const { SingleBar: Bar } = await import("cli-progress");
  const bar = new Bar({
    stream: options.progress,
    format: `fastapi-fix ${options.repository ? `${options.repository} ` : ""}{bar} {value}/{total} files`,
    hideCursor: true,
    clearOnComplete: true,
    // The CLI only asks for a bar on a terminal; a test's stream is not one.
    noTTYOutput: true,
    notTTYSchedule: 100,
  });
  bar.start(total, done);
  return bar;
}

/** The one file of a `--stdin-filename` run: its name, its module, and the bytes given. */
function stdinDiscovery(
  stdin: { name: string; bytes: Uint8Array },
  cwd: string,
): { files: FileTask[]; missing: string[]; problems: DiscoveryProblem[] } {
  const file = path.resolve(cwd, stdin.name);
  const { moduleName, isPackage } = moduleNameFor(file, path.dirname(file));
  const task: FileTask = {
    path: file,
    display: stdin.name,
    moduleName,
    isPackage,
    stdin: stdin.bytes,
  };
  return { files: [task], missing: [], problems: [] };
}

/**
 * `--show-settings`: what applies to the first path given (a file, or a file in that folder):
 * the configuration file, the rules, and each choice, as JSON.
 */
export function showSettings(options: RunOptions): string {
  const target = path.resolve(options.cwd, options.paths[0] ?? ".");
  if (!existsSync(target)) throw new UsageError(`path not found: ${options.paths[0]}`);
  const dir = statSync(target).isDirectory() ? target : path.dirname(target);
  const probe: FileTask = {
    path: path.join(
      dir,
      statSync(target).isDirectory() ? "__settings__.py" : path.basename(target),
    ),
    display: "",
    moduleName: "",
    isPackage: false,
  };
  selectTransforms({ select: options.transforms, ignore: options.ignore });
  const configOf = configResolver(options);
  const config = configOf(probe);
  const settings = assignProfiles([probe], options, configOf, options.dryRun);
  const targets = [...(config?.targetVersions ?? []), ...(options.declared ?? [])];
  return JSON.stringify(
    {
      path: path.relative(options.cwd, target) || ".",
      config: config ? path.relative(options.cwd, config.file) : null,
      rules: settings.transforms,
      "unsafe-fixes": settings.unsafe,
      "status-names": settings.options["status-names"],
      exclude: [...options.exclude, ...(config?.exclude ?? [])],
      "per-file-ignores": Object.fromEntries(config?.perFileIgnores ?? []),
      "target-versions": Object.fromEntries(targets),
    },
    null,
    2,
  );
}

/**
 * Gives each file what its project declares: the nearest pyproject/requirements/lock folder up
 * from it (read once per folder), with the command line's versions on top.
 */
function attachTargets(
  files: FileTask[],
  declared: ReadonlyArray<[TargetPackage, string]>,
  configOf: (file: FileTask) => FileConfig | undefined,
): void {
  const roots = new Map<string, string | undefined>();
  const byRoot = new Map<string, ProjectTargets>();
  for (const file of files) {
    const dir = path.dirname(file.path);
    if (!roots.has(dir)) roots.set(dir, findProjectRoot(dir));
    const root = roots.get(dir) ?? "";
    const config = configOf(file);
    const key = `${root}\0${config?.file ?? ""}`;
    let targets = byRoot.get(key);
    if (!targets) {
      // The configuration's target versions, then the command line's on top.
      const overrides = [...(config?.targetVersions ?? []), ...declared];
      targets = withOverrides(root ? readTargets(root) : noTargets(), overrides);
      byRoot.set(key, targets);
    }
    file.targets = targets;
  }
}

/** Which configuration applies to a file: `--config`, none with `--isolated`, else the nearest. */
function configResolver(options: RunOptions): (file: FileTask) => FileConfig | undefined {
  if (options.isolated) return () => undefined;
  if (options.config) {
    const file = path.resolve(options.cwd, options.config);
    if (!existsSync(file)) throw new UsageError(`--config: ${options.config}: no such file`);
    const config = readConfig(file);
    if (!config)
      throw new UsageError(`--config: ${options.config} has no [tool.fastapi-fix] table`);
    return () => config;
  }
  const finder = new ConfigFinder();
  return (file) => finder.find(path.dirname(file.path));
}

/** The path of a file relative to its configuration's folder, `/`-separated. */
function relativeTo(config: FileConfig, file: FileTask): string {
  return path.relative(config.dir, file.path).split(path.sep).join("/");
}

/** A glob of the configuration matches the file (by its path, or by its name for a bare glob). */
function matches(glob: string, rel: string): boolean {
  let test = MATCHERS.get(glob);
  if (!test)
    MATCHERS.set(glob, (test = picomatch(glob.includes("/") ? glob : `**/${glob}`, { dot: true })));
  return test(rel);
}

/** Compiled globs: a configuration's globs are tried on every file of the run. */
const MATCHERS = new Map<string, (path: string) => boolean>();

function excludedByConfig(file: FileTask, config: FileConfig | undefined): boolean {
  if (!config?.exclude?.length) return false;
  const rel = relativeTo(config, file);
  return config.exclude.some((glob) => matches(glob, rel) || matches(`${glob}/**`, rel));
}

/**
 * Each file's rules and choices, from the command line over its configuration. Files that share
 * them share a profile; when there is one, it is the run's settings and files carry none.
 */
function assignProfiles(
  files: FileTask[],
  options: RunOptions,
  configOf: (file: FileTask) => FileConfig | undefined,
  dryRun: boolean,
): FixSettings {
  const cliSelect = options.transforms;
  const cliIgnore = options.ignore ?? [];
  const profiles: Profile[] = [];
  const byKey = new Map<string, number>();
  const profileOf = (file: FileTask | undefined): number => {
    const config = file ? configOf(file) : undefined;
    const rel = config && file ? relativeTo(config, file) : "";
    const perFile = (config?.perFileIgnores ?? [])
      .filter(([glob]) => matches(glob, rel))
      .flatMap(([, rules]) => rules);
    const transforms = ruleNames(
      cliSelect.length ? cliSelect : (config?.select ?? []),
      cliSelect.length ? [] : (config?.extendSelect ?? []),
      [...(config?.ignore ?? []), ...cliIgnore, ...perFile],
    );
    const statusNames = options.options?.["status-names"] ?? config?.statusNames ?? "auto";
    const selectors = cliSelect.length
      ? cliSelect
      : [...(config?.select ?? []), ...(config?.extendSelect ?? [])];
    const named = namedRules(selectors, transforms);
    const profile: Profile = {
      transforms,
      ...(named.length ? { named } : {}),
      unsafe: options.unsafe || config?.unsafeFixes === true,
      options: { ...options.options, "status-names": statusNames },
    };
    const key = JSON.stringify(profile);
    let index = byKey.get(key);
    if (index === undefined) {
      index = profiles.length;
      profiles.push(profile);
      byKey.set(key, index);
    }
    return index;
  };
  const indices = files.map(profileOf);
  if (!files.length) profileOf(undefined);
  if (profiles.every((p) => !p.transforms.length))
    throw new UsageError("the selection leaves no rule to run");
  const base = profiles[0]!;
  const settings: FixSettings = {
    transforms: base.transforms,
    ...(base.named ? { named: base.named } : {}),
    unsafe: base.unsafe,
    options: base.options,
    dryRun,
    color: options.color,
  };
  if (profiles.length > 1) {
    settings.profiles = profiles;
    files.forEach((file, i) => (file.profile = indices[i]));
  }
  return settings;
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
