// Turning file reports into what the user reads: diffs, diagnostics, a summary, or JSON.
import { paint } from "./color.js";
import type { FileReport } from "./types.js";
import type { ReportedDiagnostic } from "../engine/fixer.js";
import { findTransform } from "../../transforms/index.js";

/** The code of a rule by its name (fix counts are kept by name). */
function codeOf(name: string): string {
  return findTransform(name)?.code ?? name;
}

export type Severity = "error" | "warning" | "note";

/**
 * The rank of a diagnostic in machine formats: a note when its fix was applied (what is left is
 * information) or the rule marked it a hint, otherwise the rule's severity (errors for security
 * rules, warnings for the rest).
 */
export function severityOf(d: ReportedDiagnostic): Severity {
  if (d.fixApplied || d.severity === "note") return "note";
  return findTransform(d.name)?.severity ?? "warning";
}

export interface Summary {
  changed: number;
  unchanged: number;
  skipped: number;
  failed: number;
  fixes: Record<string, number>;
  unsafeSkipped: number;
  diagnostics: number;
}

export function summarize(reports: FileReport[]): Summary {
  const s: Summary = {
    changed: 0,
    unchanged: 0,
    skipped: 0,
    failed: 0,
    fixes: {},
    unsafeSkipped: 0,
    diagnostics: 0,
  };
  for (const r of reports) {
    s[r.status]++;
    for (const [name, n] of Object.entries(r.fixes)) s.fixes[name] = (s.fixes[name] ?? 0) + n;
    s.unsafeSkipped += r.unsafeSkipped;
    s.diagnostics += r.diagnostics.length;
  }
  return s;
}

/** Diagnostics as `path:line:col: CODE message`, one a line. */
export function diagnosticLines(reports: FileReport[], color: boolean): string[] {
  const lines: string[] = [];
  for (const r of reports) {
    for (const d of r.diagnostics) {
      let suffix = "";
      if (!d.fixApplied && d.whenNamed)
        suffix = ` [fix available: --select ${d.code}${d.safety === "unsafe" ? " --unsafe-fixes" : ""}]`;
      else if (!d.fixApplied && d.safety === "unsafe")
        suffix = " [unsafe fix available: --unsafe-fixes]";
      lines.push(
        `${paint(color, "bold", `${r.display}:${d.line}:${d.column}:`)} ${paint(color, "yellow", d.code)} ${d.message}${suffix}`,
      );
    }
  }
  return lines;
}

/** `--statistics`: one line per rule, most frequent first: count, code, name, how many were fixed. */
export function statisticsLines(reports: FileReport[]): string[] {
  const counts = new Map<string, { code: string; name: string; found: number; fixed: number }>();
  for (const r of reports) {
    for (const d of r.diagnostics) {
      const entry = counts.get(d.code) ?? { code: d.code, name: d.name, found: 0, fixed: 0 };
      entry.found++;
      counts.set(d.code, entry);
    }
    for (const [name, n] of Object.entries(r.fixes)) {
      const code = codeOf(name);
      const entry = counts.get(code) ?? { code, name, found: 0, fixed: 0 };
      entry.fixed += n;
      counts.set(code, entry);
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.found + b.fixed - (a.found + a.fixed) || (a.code < b.code ? -1 : 1))
    .map(
      (e) =>
        `${String(e.found).padStart(6)}\t${e.code}\t${e.name}${e.fixed ? `\t(${e.fixed} fixed)` : ""}`,
    );
}

/** GitHub Actions workflow commands: one annotation per diagnostic, and per file a fix would change. */
export function githubAnnotations(reports: FileReport[], dryRun: boolean): string[] {
  const escapeData = (s: string): string =>
    s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const escapeProperty = (s: string): string =>
    escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const lines: string[] = [];
  for (const r of reports) {
    const file = escapeProperty(r.display);
    if (r.error || r.warning)
      lines.push(
        `::${r.error ? "error" : "warning"} file=${file}::${escapeData(r.message ?? r.status)}`,
      );
    if (dryRun && r.status === "changed") {
      const fixes = Object.entries(r.fixes)
        .map(([name, n]) => `${name} ${n}`)
        .join(", ");
      lines.push(
        `::warning file=${file},title=fastapi-fix::${escapeData(`fixes to apply (run fastapi-fix): ${fixes}`)}`,
      );
    }
    for (const d of r.diagnostics) {
      const severity = severityOf(d);
      const level = severity === "note" ? "notice" : severity;
      lines.push(
        `::${level} file=${file},line=${d.line},col=${d.column},title=${escapeProperty(`${d.code} ${d.name}`)}::${escapeData(d.message)}`,
      );
    }
  }
  return lines;
}

/** One line per file that could not be processed: `error: path: why` or `warning: path: why`. */
export function problemLines(reports: FileReport[], color: boolean): string[] {
  return reports
    .filter((r) => r.message && (r.error || r.warning))
    .map((r) =>
      r.error
        ? `${paint(color, "red", "error:")} ${r.display}: ${r.message}`
        : `${paint(color, "yellow", "warning:")} ${r.display}: ${r.message}`,
    );
}

export function summaryText(s: Summary, dryRun: boolean): string {
  const verb = dryRun ? "would change" : "changed";
  const lines = [
    `${s.changed} file${s.changed === 1 ? "" : "s"} ${verb}, ${s.unchanged} unchanged, ${s.skipped} skipped, ${s.failed} failed`,
  ];
  const fixNames = Object.keys(s.fixes).sort();
  if (fixNames.length) {
    lines.push(
      `fixes${dryRun ? " (not written)" : ""}: ${fixNames.map((n) => `${n} ${s.fixes[n]}`).join(", ")}`,
    );
  }
  if (s.unsafeSkipped)
    lines.push(
      `${s.unsafeSkipped} unsafe fix${s.unsafeSkipped === 1 ? "" : "es"} not applied (use --unsafe-fixes)`,
    );
  if (s.diagnostics)
    lines.push(`${s.diagnostics} diagnostic${s.diagnostics === 1 ? "" : "s"} to review`);
  return lines.join("\n");
}

export function jsonReport(
  reports: FileReport[],
  s: Summary,
  dryRun: boolean,
  /** The signal that stopped the run, when one did. */
  stopped?: string,
): string {
  const diagnostics = reports.flatMap((r) =>
    r.diagnostics.map((d) => ({
      file: r.display,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
      code: d.code,
      name: d.name,
      message: d.message,
      severity: severityOf(d),
      safety: d.safety,
      fixAvailable: d.safety !== "detect",
      fixApplied: d.fixApplied,
    })),
  );
  const files = reports.map((r) => ({
    file: r.display,
    status: r.status,
    ...(r.message ? { message: r.message } : {}),
    fixes: r.fixes,
  }));
  const head = stopped ? { dryRun, stopped } : { dryRun };
  return JSON.stringify({ ...head, summary: s, files, diagnostics }, null, 2);
}
