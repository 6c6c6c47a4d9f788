// Running the rules over one module: the engine's fix loop, with the RuleContext each pass and
// the cheap conditions of the rules (prefilter, models, routes) deciding what runs.
import { fixSource, type FileOutcome } from "../engine/fixer.js";
import type { ModuleInfo } from "../engine/context.js";
import type { Tree } from "../engine/parser.js";
import { QueryPlan, transformQueries } from "../engine/query-plan.js";
import type { ProjectIndex } from "../project/index.js";
import type { ProjectTargets } from "../project/targets.js";
import { RuleContext } from "./context.js";
import { ROUTES_QUERY } from "./routes.js";
import { scopesOf, worthRunning, type NameTests, type Rule } from "./rule.js";

export interface RuleRun {
  rules: readonly Rule[];
  unsafe: boolean;
  /** Rules selected by their own name or code (for fixes marked `whenNamed`). */
  named?: readonly string[];
  /** Choices rules read through ctx.option(). */
  options?: Readonly<Record<string, string>>;
  module: ModuleInfo;
  index: ProjectIndex;
  /** What the project declares; nothing known when absent. */
  targets?: ProjectTargets;
  /** Report positions in the input ("original", for dry runs) or in the output ("final"). */
  positions: "original" | "final";
  /** Built once per thread for the selected rules by rulePlan(); one for `rules` when absent. */
  plan?: QueryPlan;
  /** The input's tree, if parsed already: the fix loop owns and deletes it. */
  tree?: Tree;
}

/**
 * The query plan for a set of rules: the queries of the rules scoped to models or routes (they run
 * on the same files, FastAPI and Pydantic modules, nearly always together) and the route finder's.
 * A rule without a scope runs on files of its own choosing: its query runs alone, when it runs,
 * rather than cost every file the matches of a broad pattern nobody asks for.
 */
export function rulePlan(rules: Iterable<Rule>): QueryPlan {
  // `app` alone says nothing about the file.
  const scoped = [...rules].filter((r) => scopesOf(r).some((s) => s !== "app"));
  return new QueryPlan([...transformQueries(scoped), ROUTES_QUERY]);
}

/** Runs the rules over one module's text until it stops changing. */
export function fixModule(input: string, run: RuleRun): FileOutcome {
  // Answers decided on the file as it was before any fix, kept across the passes.
  const firstPass = new Map<string, boolean>();
  // The name tests are long alternations: asked once per text, not once per rule.
  let last: { text: string; tests: NameTests } | undefined;
  const names = (text: string): NameTests => {
    if (last?.text !== text) last = { text, tests: nameTestsOf(run.index, text) };
    return last.tests;
  };
  return fixSource<RuleContext, Rule>(input, {
    transforms: run.rules,
    unsafe: run.unsafe,
    named: new Set(run.named ?? []),
    module: run.module,
    positions: run.positions,
    plan: run.plan ?? rulePlan(run.rules),
    tree: run.tree,
    context: (source, tree, plan) =>
      new RuleContext(
        source,
        tree,
        run.module,
        run.index,
        run.options,
        run.targets,
        firstPass,
        plan,
      ),
    worthRunning: (rule, text) => worthRunning(rule, text, names(text)),
  });
}

/** The index's name tests for one text, each computed at most once. */
export function nameTestsOf(index: NameTests, text: string): NameTests {
  let model: boolean | undefined;
  let router: boolean | undefined;
  return {
    mentionsModel: () => (model ??= index.mentionsModel(text)),
    mentionsRouter: () => (router ??= index.mentionsRouter(text)),
    usesFastAPI: () => index.usesFastAPI(),
  };
}
