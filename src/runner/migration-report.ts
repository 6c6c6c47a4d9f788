// `--report FILE.md`: a migration report per repository (or per run): what changed, the fixes per
// rule, and every diagnostic left for a person, grouped by rule and reason with `path:line`, in
// the order a person works through them: what breaks at import first.
import { renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ReportedDiagnostic } from "../engine/fixer.js";
import type { Summary } from "./report.js";
import type { FileReport } from "./types.js";

export interface ProjectReport {
  /** The repository (or the paths of a run that is not a batch). */
  name: string;
  summary?: Summary;
  reports: FileReport[];
  /** Why the repository could not be processed. */
  failure?: string;
}

/**
 * Rules in the order their leftovers need a person: what stops the app importing (moved or
 * removed names, model classes Pydantic or SQLAlchemy refuse), then what fails when code runs,
 * then what only reads better. Codes not listed follow, by code.
 */
const ORDER = ["FF105", "FF107", "FF301", "FF302", "FF304", "FF303", "FF101", "FF102", "FF103"];

function rank(code: string): string {
  const i = ORDER.indexOf(code);
  return i >= 0 ? String(i).padStart(3, "0") : `zzz${code}`;
}

/** What a diagnostic says with its particular names left out, for grouping like with like. */
export function reason(message: string): string {
  return message
    .replace(/`[^`]*`/g, "`…`")
    .replace(/"[^"]*"|'[^']*'/g, "…")
    .replace(/\b[A-Za-z_][\w.]*\(\)/g, "…()")
    .replace(/\b(?=[A-Za-z_]*[A-Z][a-z])(?=\w*[a-z])[A-Z]\w*\b/g, "…")
    .replace(/\b\w*_\w+\b/g, "…")
    .replace(/\b\d+\b/g, "N");
}

function section(project: ProjectReport, dryRun: boolean): string[] {
  const out = [`## ${project.name}`, ""];
  if (project.failure) return [...out, `Not processed: ${project.failure}`, ""];
  const s = project.summary!;
  const verb = dryRun ? "would change" : "changed";
  out.push(
    `${s.changed} file${s.changed === 1 ? "" : "s"} ${verb}, ${s.unchanged} unchanged, ${s.skipped} skipped, ${s.failed} failed.`,
    "",
  );
  const fixes = Object.entries(s.fixes).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (fixes.length) {
    out.push(`| fixes${dryRun ? " (not written)" : ""} | count |`, "|---|---:|");
    for (const [name, n] of fixes) out.push(`| ${name} | ${n} |`);
    out.push("");
  }
  const problems = project.reports.filter((r) => r.message && (r.error || r.warning));
  if (problems.length) {
    out.push("### Files not processed", "");
    for (const r of problems) out.push(`- \`${r.display}\`: ${r.message}`);
    out.push("");
  }
  const left: Array<{ file: string; d: ReportedDiagnostic }> = project.reports.flatMap((r) =>
    r.diagnostics.map((d) => ({ file: r.display, d })),
  );
  out.push(`### To review: ${left.length} diagnostic${left.length === 1 ? "" : "s"}`, "");
  const byRule = new Map<string, Map<string, typeof left>>();
  for (const item of left) {
    const key = `${item.d.code} ${item.d.name}`;
    const groups = byRule.get(key) ?? new Map<string, typeof left>();
    const why = reason(item.d.message);
    groups.set(why, [...(groups.get(why) ?? []), item]);
    byRule.set(key, groups);
  }
  const rules = [...byRule.keys()].sort((a, b) =>
    rank(a.split(" ")[0]!) < rank(b.split(" ")[0]!) ? -1 : 1,
  );
  for (const rule of rules) {
    const groups = byRule.get(rule)!;
    const count = [...groups.values()].reduce((n, g) => n + g.length, 0);
    out.push(`#### ${rule} (${count})`, "");
    const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
    for (const [, items] of ordered) {
      out.push(
        `- ${items[0]!.d.message}${items.length > 1 ? ` (and ${items.length - 1} like it)` : ""}`,
      );
      for (const { file, d } of items) out.push(`  - \`${file}:${d.line}\``);
    }
    out.push("");
  }
  return out;
}

/** The report's Markdown. */
export function migrationReport(projects: ProjectReport[], dryRun: boolean): string {
  const lines = ["# fastapi-fix migration report", ""];
  for (const p of projects) lines.push(...section(p, dryRun));
  return lines.join("\n");
}

/** Writes the report whole or not at all (a temporary file renamed over the target). */
export function writeReport(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
