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
  /**
   * Applied only when the rule was selected by its own name or code (`--select FF401`), never
   * through a group, a prefix or the default set: the fix is right but changes what the app needs
   * to start (a secret that must now come from the environment), which a migration run must not.
   */
  whenNamed?: true;
}

export interface Diagnostic {
  code: string;
  name: string;
  message: string;
  start: number;
  end: number;
  fix?: Fix;
  /**
   * "note" for a finding that is only a hint where the rule is otherwise stricter (a secret-like
   * literal in test code, an obvious placeholder); absent: the rule's own severity.
   */
  severity?: "note";
}

export interface TransformDocs {
  why: string;
  bad: string;
  good: string;
}

/** A transform, over the context `C` it is given (the engine's, or one built on it). */
export interface Transform<C extends ModuleContext = ModuleContext> {
  /** Kebab-case CLI name. */
  name: string;
  /** Short code, e.g. FF001. */
  code: string;
  summary: string;
  /** The rule of the FastAPI development rules this transform enforces. */
  rule: string;
  /**
   * Every kind of diagnostic the transform gives, in the order safe, unsafe, detect: "safe" and
   * "unsafe" for the kinds of fix it offers, "detect" when some diagnostics come without a fix;
   * `["detect"]` for a rule that only reports. The fixture driver checks it both ways: each kind
   * is given by some case, and no case gives a kind not listed.
   */
  gives: readonly Safety[];
  /**
   * Runs only when selected by name or code (`-t FF204`), never in a default run, not even with
   * `--unsafe-fixes`: its fixes change what clients see (status codes, response shapes), which
   * is an API decision, not part of a migration. A default run neither fixes nor reports it.
   */
  optIn?: true;
  /**
   * How a finding left for a person is ranked in machine formats (JSON, SARIF, GitHub): "error"
   * for the security rules, a warning otherwise.
   */
  severity?: "error" | "warning";
  docs: TransformDocs;
  /**
   * Words the source must contain for the transform to be worth running (a cheap prefilter);
   * with several patterns, each must match.
   */
  prefilter: RegExp | readonly RegExp[];
  /**
   * Tree-sitter query whose matches `check` asks for with `ctx.captures(QUERY)` (the same `const`
   * literal, so that its capture names are typed); none for a transform that finds its
   * candidates another way (`ctx.callsTo()`, the routes of the module).
   */
  query?: string;
  /**
   * Other fixed queries `check` runs through `ctx.captures()`: declared, they are run together
   * with every other planned query in one walk of the tree.
   */
  queries?: readonly string[];
  check(ctx: C): Diagnostic[];
}

/** The transform's prefilter: whether the text is worth parsing for it at all. */
export function passesPrefilter(t: Transform<never>, text: string): boolean {
  const prefilter = t.prefilter;
  return prefilter instanceof RegExp ? prefilter.test(text) : prefilter.every((p) => p.test(text));
}

/** The kinds the transform gives, as --list and the README show them: "safe / detect", "detect". */
export function safetyLabel(t: Transform<never>): string {
  return t.gives.join(" / ");
}
