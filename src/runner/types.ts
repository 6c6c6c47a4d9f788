// Messages and results shared by the runner's main thread and its workers.
import type { ReportedDiagnostic } from "../engine/fixer.js";
import type { ModuleSummary } from "../project/summary.js";
import type { ProjectTargets } from "../project/targets.js";
import type { PackageNeed } from "../project/package-needs.js";

export interface FileTask {
  /** Absolute path. */
  path: string;
  /** Path shown to the user and used in diffs: relative to the working directory. */
  display: string;
  moduleName: string;
  isPackage: boolean;
  /** What the file's project declares (pydantic, fastapi, ... versions), overrides applied. */
  targets?: ProjectTargets;
  /** The file's own rule set (`FixSettings.profiles`), when configuration files differ. */
  profile?: number;
  /** The file's bytes, given on standard input: read from here, and never written. */
  stdin?: Uint8Array;
}

/** The rules and choices a configuration gives the files it applies to. */
export interface Profile {
  transforms: string[];
  /** Those of `transforms` selected by their own name or code. */
  named?: string[];
  unsafe: boolean;
  options: Readonly<Record<string, string>>;
}

export interface FixSettings {
  transforms: string[];
  /** Those of `transforms` selected by their own name or code (`Fix.whenNamed`). */
  named?: string[];
  unsafe: boolean;
  /** Choices transforms read (e.g. "status-names"). */
  options: Readonly<Record<string, string>>;
  dryRun: boolean;
  color: boolean;
  /** Rule sets of files whose configuration differs from the run's (`FileTask.profile`). */
  profiles?: Profile[];
}

/** What a worker thread is started with. */
export interface WorkerData {
  settings: FixSettings;
  /** Shared with the main thread: 1 means start no further file. */
  stop: Int32Array;
}

export type FileStatus = "changed" | "unchanged" | "skipped" | "failed";

export interface FileReport {
  display: string;
  status: FileStatus;
  /** Why a file was skipped or failed. */
  message?: string;
  /** True when the problem makes the run exit with 2 (unreadable, unparsable, failed). */
  error?: boolean;
  /** True when the message is printed as a warning that does not change the exit code. */
  warning?: boolean;
  diagnostics: ReportedDiagnostic[];
  fixes: Record<string, number>;
  unsafeSkipped: number;
  /** Packages the rewritten text needs installed (for the project's declarations). */
  needs?: PackageNeed[];
  /** Unified diff, in dry-run mode. */
  diff?: string;
  /** The fixed file's bytes, for a file given on standard input (written to standard output). */
  output?: Uint8Array;
}

export interface IndexResult {
  summaries: ModuleSummary[];
}
