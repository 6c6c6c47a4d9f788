// The contract between the engine and the transforms.
import type { ModuleContext } from "./context.js";

export type Safety = "safe" | "unsafe" | "detect";

/** Replace source[start, end) with text (an insertion when start === end). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A binding the fixed code relies on: `from module import name as local` or `import module as local`. */
export interface ImportRequirement {
  module: string;
  /** Undefined for a plain `import module`. */
  name?: string;
  /** The local name the edits use. */
  local: string;
}

/** After the fix, drop the import that binds `local` to `qualified` if nothing uses it any more. */
export interface UnusedImportCheck {
  local: string;
  qualified: string;
}

export interface Fix {
  title: string;
  safety: "safe" | "unsafe";
  edits: Edit[];
  imports?: ImportRequirement[];
  removeIfUnused?: UnusedImportCheck[];
  /** Diagnostics to report when the fix is applied (e.g. a key kept with a TODO comment). */
  notes?: Array<{ start: number; end: number; message: string }>;
}

export interface Diagnostic {
  code: string;
  name: string;
  message: string;
  start: number;
  end: number;
  fix?: Fix;
}

/** What a rule is about, for the cheap test before parsing. */
export type RuleScope = "models" | "routes";

export interface TransformDocs {
  why: string;
  bad: string;
  good: string;
}

export interface Transform {
  /** Kebab-case CLI name. */
  name: string;
  /** Short code, e.g. FF001. */
  code: string;
  summary: string;
  /** The rule of the FastAPI development rules this transform enforces. */
  rule: string;
  /** The strongest kind of fix the transform offers. */
  safety: Safety;
  /** Every kind it gives, when more than one: e.g. safe fixes, unsafe ones for unsure receivers. */
  levels?: readonly Safety[];
  /**
   * Runs only when selected by name or code (`-t FF204`), never in a default run, not even with
   * `--unsafe-fixes`: its fixes change what clients see (status codes, response shapes), which
   * is an API decision, not part of a migration. A default run neither fixes nor reports it.
   */
  optIn?: true;
  docs: TransformDocs;
  /**
   * Words the source must contain for the transform to be worth running (a cheap prefilter);
   * with several patterns, each must match.
   */
  prefilter: RegExp | readonly RegExp[];
  /**
   * What else must hold before parsing: `models` when the rule only concerns Pydantic models (the
   * file must name a model class the index knows), `routes` when it only concerns route handlers;
   * with several, any of them.
   */
  scope?: RuleScope | readonly RuleScope[];
  /** Text that makes the transform worth running whatever its scope says. */
  alsoWhen?: RegExp;
  /** Tree-sitter query whose matches `check` receives. */
  query: string;
  /**
   * Other fixed queries `check` runs through `ctx.matches()`: declared, they are run together
   * with every other planned query in one walk of the tree.
   */
  queries?: readonly string[];
  check(ctx: ModuleContext): Diagnostic[];
}

/** A route decorator or registration somewhere in the text: `.get(`, `.api_route(`, ... */
const ROUTE_TEXT =
  /\.(get|post|put|patch|delete|options|head|trace|api_route|add_api_route|websocket)\s*\(/;

/** What the project's names say about a text, for the scope conditions. */
export interface NameTests {
  /** The text names a model class (or Pydantic itself). */
  mentionsModel(text: string): boolean;
  /** The text names an app or router class, or a router the project builds. */
  mentionsRouter(text: string): boolean;
}

/**
 * The cheap test that decides whether a transform runs on a text at all, before anything is
 * parsed: its prefilter, and the model or route condition its scope adds.
 */
export function worthRunning(t: Transform, text: string, names: NameTests): boolean {
  const prefilter = t.prefilter;
  if (prefilter instanceof RegExp ? !prefilter.test(text) : !prefilter.every((p) => p.test(text)))
    return false;
  if (t.alsoWhen?.test(text)) return true;
  if (!t.scope) return true;
  const scopes: readonly RuleScope[] = typeof t.scope === "string" ? [t.scope] : t.scope;
  return scopes.some((s) =>
    s === "routes"
      ? ROUTE_TEXT.test(text) && names.mentionsRouter(text)
      : names.mentionsModel(text),
  );
}

/** "safe", or "safe / unsafe" for a transform that gives several kinds. */
export function safetyLabel(t: Transform): string {
  return (t.levels ?? [t.safety]).join(" / ");
}
