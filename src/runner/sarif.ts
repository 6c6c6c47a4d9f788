// `--format sarif`: the run as one SARIF 2.1.0 log, for code-scanning services and editors.
import { pathToFileURL } from "node:url";
import type { FileReport } from "./types.js";
import { severityOf } from "./report.js";
import { TRANSFORMS, findTransform } from "../../transforms/index.js";

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
/** Paths in results are relative to this base, which the log defines as the working directory. */
const ROOT = "SRCROOT";

interface SarifOptions {
  version: string;
  cwd: string;
  dryRun: boolean;
  /** The signal that stopped the run, when one did. */
  stopped?: string;
  /** Repositories of a batch that could not run at all (a configuration error). */
  failures?: Array<{ path: string; message: string }>;
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
function uriOf(display: string): string {
  return display.split(/[\\/]/).map(encodeURIComponent).join("/");
}

/**
 * The whole run as a SARIF log. Diagnostics left for a person are results at their region;
 * notes left by applied fixes are "note" results; in a dry run, the fixes still to write are one
 * result per file and rule (the diff shows where). Files that could not be processed are tool
 * notifications, as SARIF keeps results for findings in the code.
 */
export function sarifLog(reports: FileReport[], options: SarifOptions): string {
  const ruleIndex = new Map(TRANSFORMS.map((t, i) => [t.code, i]));
  const rules = TRANSFORMS.map((t) => ({
    id: t.code,
    name: t.name,
    shortDescription: { text: t.summary },
    fullDescription: { text: t.docs.why },
    help: { text: t.rule },
    defaultConfiguration: { level: t.severity ?? "warning" },
    properties: { fixes: t.gives.join(" / "), ...(t.optIn ? { optIn: true } : {}) },
  }));
  const location = (r: FileReport, region?: Record<string, number>): unknown => ({
    physicalLocation: {
      artifactLocation: { uri: uriOf(r.display), uriBaseId: ROOT },
      ...(region ? { region } : {}),
    },
  });
  const results: unknown[] = [];
  const notifications: unknown[] = (options.failures ?? []).map((f) => ({
    level: "error",
    message: { text: f.message },
    locations: [
      { physicalLocation: { artifactLocation: { uri: uriOf(f.path), uriBaseId: ROOT } } },
    ],
  }));
  for (const r of reports) {
    if (r.message && (r.error || r.warning))
      notifications.push({
        level: r.error ? "error" : "warning",
        message: { text: r.message },
        locations: [location(r)],
      });
    for (const d of r.diagnostics) {
      const fix = d.fixApplied ? "" : d.safety === "unsafe" ? " (unsafe fix: --unsafe-fixes)" : "";
      results.push({
        ruleId: d.code,
        ruleIndex: ruleIndex.get(d.code),
        level: severityOf(d),
        message: { text: d.message + fix },
        locations: [
          location(r, {
            startLine: d.line,
            startColumn: d.column,
            endLine: d.endLine,
            endColumn: d.endColumn,
          }),
        ],
      });
    }
    if (options.dryRun && r.status === "changed")
      for (const [name, count] of Object.entries(r.fixes)) {
        const transform = findTransform(name);
        results.push({
          ruleId: transform?.code ?? name,
          ruleIndex: transform ? ruleIndex.get(transform.code) : undefined,
          level: "warning",
          message: {
            text: `${count} fix${count === 1 ? "" : "es"} of ${name} to apply (run fastapi-fix)`,
          },
          locations: [location(r)],
        });
      }
  }
  const failed =
    reports.some((r) => r.error) ||
    !!options.stopped ||
    notifications.some((n) => (n as { level: string }).level === "error");
  const log = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "fastapi-fix",
            version: options.version,
            rules,
          },
        },
        originalUriBaseIds: {
          [ROOT]: { uri: pathToFileURL(options.cwd).href.replace(/\/?$/, "/") },
        },
        invocations: [
          {
            executionSuccessful: !failed,
            ...(options.stopped ? { exitSignalName: options.stopped } : {}),
            toolExecutionNotifications: notifications,
          },
        ],
        results,
        columnKind: "utf16CodeUnits",
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
