// Turning file reports into what the user reads: diffs, diagnostics, a summary, or JSON.
import { paint } from "./color.js";
import type { FileReport } from "./types.js";

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
      if (!d.fixApplied && d.safety === "unsafe")
        suffix = " [unsafe fix available: --unsafe-fixes]";
      lines.push(
        `${paint(color, "bold", `${r.display}:${d.line}:${d.column}:`)} ${paint(color, "yellow", d.code)} ${d.message}${suffix}`,
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
