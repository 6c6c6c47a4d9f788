// The fix loop for one file: run the transforms, apply what can be applied, write the imports the
// applied fixes need, re-parse, and go again until nothing changes. A pass that breaks the syntax
// stops everything and the file is left as it was.
import { applyEdits, applyFixes } from "./apply.js";
import type { ModuleContext, ModuleInfo } from "./context.js";
import type { QueryPlan } from "./query-plan.js";
import { importEdits, unboundRequirements } from "./imports.js";
import { LineMap } from "./linemap.js";
import {
  firstIndentationError,
  firstSyntaxError,
  parse,
  reparse,
  type Node,
  type Tree,
} from "./parser.js";
import { LineIndex } from "./source.js";
import {
  passesPrefilter,
  type Diagnostic,
  type Edit,
  type Fix,
  type Safety,
  type Transform,
} from "./types.js";

export const MAX_PASSES = 10;

export interface ReportedDiagnostic {
  code: string;
  name: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The safety of the fix on offer, or "detect" when there is none. */
  safety: Safety;
  /** True for a note left by a fix that was applied (the fix is done, the note remains). */
  fixApplied: boolean;
  /** Set when the finding is only a hint ("note"), below the rule's own severity. */
  severity?: "note";
  /** Its fix is applied only when the rule is selected by name (`Fix.whenNamed`). */
  whenNamed?: true;
}

export interface FixOptions<C extends ModuleContext, T extends Transform<C> = Transform<C>> {
  transforms: readonly T[];
  unsafe: boolean;
  /** Rules selected by their own name or code: only they apply fixes marked `whenNamed`. */
  named?: ReadonlySet<string>;
  module: ModuleInfo;
  /** The context the transforms get on each pass, for the text and tree of that pass. */
  context(source: string, tree: Tree, plan: QueryPlan | undefined): C;
  /** Whether a transform may find anything in a text before it is parsed (its prefilter if absent). */
  worthRunning?(transform: T, text: string): boolean;
  /** Report positions in the input ("original", for dry runs) or in the output ("final"). */
  positions: "original" | "final";
  /** The queries to run in one walk (each query runs alone when absent). */
  plan?: QueryPlan;
  /** The input's tree, when the caller parsed it already: the fix loop owns and deletes it. */
  tree?: Tree;
}

export type FileOutcome =
  | {
      status: "ok";
      output: string;
      diagnostics: ReportedDiagnostic[];
      /** Applied fixes per transform name. */
      fixes: Record<string, number>;
      /** Unsafe fixes on offer that were not applied (no --unsafe-fixes). */
      unsafeSkipped: number;
      passes: number;
    }
  | { status: "parse-error"; message: string }
  | { status: "failed"; message: string };

interface PendingNote {
  text: string;
  diagnostic: Diagnostic;
}

/** Runs the transforms over one module until the text stops changing. */
export function fixSource<C extends ModuleContext, T extends Transform<C> = Transform<C>>(
  input: string,
  options: FixOptions<C, T>,
): FileOutcome {
  const plan = options.plan;
  const worthRunning = options.worthRunning ?? passesPrefilter;
  let tree: Tree = options.tree ?? parse(input);
  const error = firstSyntaxError(tree.rootNode);
  if (error) {
    const where = new LineIndex(input).position(error.startIndex);
    tree.delete();
    return { status: "parse-error", message: `syntax error at ${where.line}:${where.column}` };
  }
  // Indentation Python rejects, after a fix: unless the input had it already (a file Python
  // would reject anyway), which is looked at only then, as it seldom happens.
  let inputIndentationBad: boolean | undefined;
  const brokenIndentation = (t: Tree, text: string): boolean => {
    if (!firstIndentationError(t.rootNode, text)) return false;
    if (inputIndentationBad === undefined) {
      const inputTree = parse(input);
      inputIndentationBad = !!firstIndentationError(inputTree.rootNode, input);
      inputTree.delete();
    }
    return !inputIndentationBad;
  };
  const allowed = (d: Diagnostic): boolean => !d.fix?.whenNamed || !!options.named?.has(d.name);
  let current = input;
  const notes: PendingNote[] = [];
  const fixes: Record<string, number> = {};
  const history: string[][] = [];
  try {
    for (let pass = 1; ; pass++) {
      const ctx = options.context(current, tree, plan);
      const diagnostics: Diagnostic[] = [];
      for (const transform of options.transforms) {
        if (!worthRunning(transform, current)) continue;
        try {
          diagnostics.push(...transform.check(ctx));
          for (const statement of ctx.unsearched())
            diagnostics.push(notChecked(transform, statement));
        } catch (err) {
          throw new Error(`transform ${transform.name} failed: ${(err as Error).message}`, {
            cause: err,
          });
        }
      }
      const suppressions = ctx.suppressions;
      const kept = diagnostics.filter((d) => !suppressions.covers(d));
      diagnostics.length = 0;
      diagnostics.push(...kept);
      const owner = new Map<Fix, Diagnostic>();
      for (const d of diagnostics) {
        if (d.fix && (d.fix.safety === "safe" || options.unsafe) && allowed(d)) owner.set(d.fix, d);
      }
      if (!owner.size || pass > MAX_PASSES) {
        if (owner.size) {
          // The transforms that kept changing the file: this pass's and the two before it.
          const recent = [...owner.values()].map((d) => d.name).concat(history.slice(-2).flat());
          const names = [...new Set(recent)].sort().join(", ");
          return failed(
            `fixes did not settle after ${MAX_PASSES} passes (still changing: ${names})`,
          );
        }
        const result = finish(input, current, diagnostics, notes, fixes, options, pass);
        return result;
      }
      const { text: edited, edits: written, applied } = applyFixes(current, [...owner.keys()]);
      history.push(applied.map((f) => owner.get(f)!.name));
      const names = [...new Set(applied.map((f) => owner.get(f)!.name))].join(", ");
      for (const fix of applied) {
        const d = owner.get(fix)!;
        fixes[d.name] = (fixes[d.name] ?? 0) + 1;
        for (const note of fix.notes ?? []) {
          notes.push({ text: current, diagnostic: { code: d.code, name: d.name, ...note } });
        }
      }
      let next = edited;
      let nextTree = fresh(tree, current, written, next);
      if (nextTree.rootNode.hasError || brokenIndentation(nextTree, next)) {
        nextTree.delete();
        return failed(`the fixes of ${names} would break the syntax; file left unchanged`);
      }
      const requirements = applied.flatMap((f) => f.imports ?? []);
      const checks = applied.flatMap((f) => f.removeIfUnused ?? []);
      if (requirements.length || checks.length) {
        const edits = importEdits(
          next,
          nextTree,
          ctx.stylist,
          requirements,
          checks,
          options.module,
        );
        const withImports = applyEdits(next, edits);
        if (withImports !== next) {
          const previous = nextTree;
          nextTree = fresh(previous, next, edits, withImports);
          previous.delete();
          next = withImports;
          if (nextTree.rootNode.hasError || brokenIndentation(nextTree, next)) {
            nextTree.delete();
            return failed(`the imports for ${names} would break the syntax; file left unchanged`);
          }
        }
        const unbound = unboundRequirements(nextTree, requirements, options.module);
        if (unbound.length) {
          nextTree.delete();
          const what = unbound.map((r) => (r.name ? `${r.module}.${r.name}` : r.module)).join(", ");
          return failed(
            `could not add the import of ${what} needed by ${names}; file left unchanged`,
          );
        }
      }
      tree.delete();
      tree = nextTree;
      if (next === current) {
        return finish(input, current, diagnostics, notes, fixes, options, pass);
      }
      current = next;
    }
  } catch (err) {
    // FASTAPI_FIX_DEBUG=1 keeps the stack of the failure (of the transform, when one threw).
    const error = err as Error;
    const origin = (error.cause as Error | undefined) ?? error;
    return failed(
      process.env.FASTAPI_FIX_DEBUG ? `${error.message}\n${origin.stack ?? ""}` : error.message,
    );
  } finally {
    tree.delete();
  }
}

/**
 * The tree of `text` after `edits` to `oldText`: re-parsed from `tree` (which is edited in the
 * process). FASTAPI_FIX_CHECK_REPARSE=1 compares it with a parse from scratch (for tests).
 */
function fresh(tree: Tree, oldText: string, edits: readonly Edit[], text: string): Tree {
  const next = reparse(tree, oldText, edits, text);
  if (process.env.FASTAPI_FIX_CHECK_REPARSE) {
    const scratch = parse(text);
    const same = scratch.rootNode.toString() === next.rootNode.toString();
    scratch.delete();
    if (!same) throw new Error("incremental re-parse differs from a parse from scratch");
  }
  return next;
}

/** The report of a statement a transform's search left out (see ModuleContext.matches). */
function notChecked(transform: Transform<never>, statement: Node): Diagnostic {
  return {
    code: transform.code,
    name: transform.name,
    message:
      "not checked here: this statement nests expressions too deeply for the rule's search; review it by hand",
    start: statement.startIndex,
    end: statement.startIndex,
  };
}

function failed(message: string): FileOutcome {
  return { status: "failed", message };
}

function finish(
  input: string,
  output: string,
  remaining: Diagnostic[],
  notes: PendingNote[],
  fixes: Record<string, number>,
  options: { positions: "original" | "final"; named?: ReadonlySet<string> },
  passes: number,
): FileOutcome {
  const target = options.positions === "original" ? input : output;
  const reported: ReportedDiagnostic[] = [];
  const maps = new Map<string, LineMap | undefined>();
  const mapFor = (text: string): LineMap | undefined => {
    if (!maps.has(text)) maps.set(text, text === target ? undefined : new LineMap(text, target));
    return maps.get(text);
  };
  const indexes = new Map<string, LineIndex>();
  const report = (text: string, d: Diagnostic, applied: boolean): void => {
    let lines = indexes.get(text);
    if (!lines) indexes.set(text, (lines = new LineIndex(text)));
    const start = lines.position(d.start);
    const end = lines.position(d.end);
    const map = mapFor(text);
    reported.push({
      code: d.code,
      name: d.name,
      message: d.message,
      line: map ? map.line(start.line) : start.line,
      column: start.column,
      endLine: map ? map.line(end.line) : end.line,
      endColumn: end.column,
      safety: applied ? (d.fix?.safety ?? "safe") : (d.fix?.safety ?? "detect"),
      fixApplied: applied,
      ...(d.severity ? { severity: d.severity } : {}),
      ...(!applied && d.fix?.whenNamed && !options.named?.has(d.name)
        ? { whenNamed: true as const }
        : {}),
    });
  };
  for (const d of remaining) report(output, d, false);
  for (const n of notes) report(n.text, n.diagnostic, true);
  reported.sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
  // What --unsafe-fixes would apply: a fix that needs its rule named says so on its diagnostic.
  const unsafeSkipped = remaining.filter(
    (d) => d.fix?.safety === "unsafe" && (!d.fix.whenNamed || !!options.named?.has(d.name)),
  ).length;
  return { status: "ok", output, diagnostics: reported, fixes, unsafeSkipped, passes };
}
