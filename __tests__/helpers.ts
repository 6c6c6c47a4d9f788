// Shared test helpers: run transforms over a source text the way the runner does for one file.
import type { FileOutcome } from "../src/engine/fixer.js";
import { initParser } from "../src/engine/parser.js";
import { fixModule } from "../src/knowledge/fix.js";
import type { Rule } from "../src/knowledge/rule.js";
import { indexOfTexts } from "../src/runner/project-table.js";
import { noTargets, parseTargetOverride, withOverrides } from "../src/project/targets.js";

export interface RunOptions {
  unsafe?: boolean;
  path?: string;
  moduleName?: string;
  /** Other modules of the project, by module name, indexed before the run. */
  modules?: Record<string, string>;
  positions?: "original" | "final";
  /** Run-wide choices, as the CLI passes them (e.g. "status-names"). */
  settings?: Record<string, string>;
  /** What the project declares, as `--declared` gives it: {"pydantic": "2.6"}. */
  declared?: Record<string, string>;
}

export async function ready(): Promise<void> {
  await initParser();
}

/** Runs transforms over `text` as one file of a project. */
export function run(
  text: string,
  transforms: readonly Rule[],
  options: RunOptions = {},
): FileOutcome {
  const moduleName = options.moduleName ?? "app.main";
  const module = { path: options.path ?? "app/main.py", moduleName };
  const names = Object.keys(options.modules ?? {});
  // The run's own index: the scan of every module, and a parse of one when a question needs it.
  const index = indexOfTexts([
    ...Object.entries(options.modules ?? {}).map(([name, source]) => ({
      moduleName: name,
      // A module with modules below it is a package (its __init__.py).
      isPackage: names.some((other) => other.startsWith(`${name}.`)),
      text: source,
    })),
    { moduleName, isPackage: false, text },
  ]);
  return fixModule(text, {
    rules: transforms,
    unsafe: options.unsafe ?? false,
    // A case runs its rule as if selected by name, so fixes marked whenNamed apply.
    named: transforms.map((t) => t.name),
    options: options.settings ?? {},
    module,
    index,
    targets: withOverrides(
      noTargets(),
      Object.entries(options.declared ?? {}).map(([pkg, v]) => parseTargetOverride(`${pkg}=${v}`)),
    ),
    positions: options.positions ?? "final",
  });
}

/** The output text of a run, failing loudly when the run did not succeed. */
export function output(outcome: FileOutcome): string {
  if (outcome.status !== "ok") throw new Error(`${outcome.status}: ${outcome.message}`);
  return outcome.output;
}
