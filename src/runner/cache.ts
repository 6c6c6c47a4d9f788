// The result cache: `.fastapi_fix_cache/` in the working directory. A run's reports are kept under
// a key of the tool's version, the settings and the files named; they are used again only when
// every file of the run has the same bytes, module name, rule set and declared versions. Cross-file
// facts (a base model edited in another file) therefore never go stale: any edit re-runs all. A
// cache file that cannot be read or does not have the expected shape is ignored, never trusted.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { FileReport, FileTask, FixSettings } from "./types.js";

export const CACHE_DIR = ".fastapi_fix_cache";

const sha = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

interface Stored {
  fingerprint: string;
  reports: FileReport[];
}

export class ResultCache {
  private readonly file: string;

  constructor(
    private readonly cwd: string,
    version: string,
    settings: FixSettings,
    paths: readonly string[],
  ) {
    const key = sha(JSON.stringify([version, settings, [...paths].sort()]));
    this.file = path.join(cwd, CACHE_DIR, `${key.slice(0, 32)}.json`);
  }

  /** What the run's files are: their bytes and everything a fix of them depends on. */
  fingerprint(files: readonly FileTask[]): string | undefined {
    const hash = createHash("sha256");
    for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(f.path);
      } catch {
        return undefined;
      }
      hash.update(JSON.stringify([f.path, f.display, f.moduleName, f.isPackage, f.profile ?? -1]));
      hash.update(JSON.stringify(f.targets ?? null));
      hash.update(sha(bytes));
    }
    return hash.digest("hex");
  }

  /** The stored reports, when they were made for exactly this fingerprint. */
  load(fingerprint: string): FileReport[] | undefined {
    try {
      const stored = JSON.parse(readFileSync(this.file, "utf8")) as Stored;
      if (stored?.fingerprint !== fingerprint || !Array.isArray(stored.reports)) return undefined;
      const valid = stored.reports.every(
        (r) =>
          typeof r?.display === "string" &&
          typeof r.status === "string" &&
          Array.isArray(r.diagnostics) &&
          typeof r.fixes === "object",
      );
      return valid ? stored.reports : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps the reports (whole or not at all); a cache that cannot be written is no error. */
  store(fingerprint: string, reports: FileReport[]): void {
    try {
      const dir = path.join(this.cwd, CACHE_DIR);
      mkdirSync(dir, { recursive: true });
      // The folder keeps itself out of version control.
      writeFileSync(path.join(dir, ".gitignore"), "*\n");
      const temporary = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ fingerprint, reports } satisfies Stored));
      renameSync(temporary, this.file);
    } catch {
      // A read-only folder just means no cache.
    }
  }
}
