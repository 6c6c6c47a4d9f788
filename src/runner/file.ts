// The work done for one file, identical in a worker thread and in the main thread.
import { readFileSync } from "node:fs";
import { createTwoFilesPatch } from "diff";
import { fixSource } from "../engine/fixer.js";
import { DecodeError, decodeSource, encodeSource } from "../engine/source.js";
import type { Transform } from "../engine/types.js";
import { summarizeSource } from "../project/build.js";
import type { ProjectIndex } from "../project/index.js";
import type { ModuleSummary } from "../project/summary.js";
import { colorDiff } from "./color.js";
import type { FileReport, FileTask, FixSettings } from "./types.js";
import { writeAtomic } from "./write.js";

/** Diff headers are `a/<path>`: an absolute path (outside the working directory) loses its root. */
const diffPath = (display: string): string => display.replace(/^\/+/, "");

/** Files that say they are generated are not ours to edit. */
const GENERATED = /@generated\b/;

function readText(
  task: FileTask,
): { text: string; bom: boolean } | { error: string; skip?: boolean } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(task.path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "error";
    return { error: `cannot read file (${code})` };
  }
  try {
    return decodeSource(bytes);
  } catch (err) {
    if (err instanceof DecodeError) return { error: `cannot decode file: ${err.message}` };
    throw err;
  }
}

/** The index pass for one file. */
export function indexFile(task: FileTask): ModuleSummary | undefined {
  const read = readText(task);
  if ("error" in read) return undefined;
  return summarizeSource(read.text, { moduleName: task.moduleName, isPackage: task.isPackage });
}

function isGenerated(text: string): boolean {
  return GENERATED.test(text.slice(0, 2048));
}

/** The fix pass for one file: run the transforms, then write or diff the result. */
export function fixFile(
  task: FileTask,
  transforms: readonly Transform[],
  index: ProjectIndex,
  settings: FixSettings,
): FileReport {
  const base = { display: task.display, diagnostics: [], fixes: {}, unsafeSkipped: 0 };
  const read = readText(task);
  if ("error" in read) return { ...base, status: "skipped", message: read.error, error: true };
  if (isGenerated(read.text))
    return { ...base, status: "skipped", message: "generated file (@generated)" };
  const active = transforms.filter((t) => t.prefilter.test(read.text));
  if (!active.length) return { ...base, status: "unchanged" };
  const outcome = fixSource(read.text, {
    transforms: active,
    unsafe: settings.unsafe,
    options: settings.options,
    module: { path: task.display, moduleName: task.moduleName, isPackage: task.isPackage },
    index,
    positions: settings.dryRun ? "original" : "final",
  });
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
  if (settings.dryRun) {
    const patch = createTwoFilesPatch(
      `a/${diffPath(task.display)}`,
      `b/${diffPath(task.display)}`,
      read.text,
      outcome.output,
      undefined,
      undefined,
      { context: 3 },
    );
    // Drop the "Index:"/"====" preamble some versions print; keep from the --- line on.
    const diff = patch.slice(patch.indexOf("--- "));
    report.diff = settings.color ? colorDiff(diff) : diff;
    return report;
  }
  try {
    writeAtomic(task.path, encodeSource({ text: outcome.output, bom: read.bom }));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return { ...base, status: "failed", message: `cannot write file (${code})`, error: true };
  }
  return report;
}
