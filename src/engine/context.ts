// What a transform sees of one module: text, tree, style, scopes, imports and suppressions.
// What FastAPI and Pydantic make of it (routes, models, versions) is the knowledge layer's
// RuleContext, built on this one.
import { capturesOf, type CaptureName, type Captures } from "./captures.js";
import { ImportManager, isReference, type EnsureOptions, type EnsureResult } from "./imports.js";
import {
  matchesByStatement,
  query,
  QueryTooCostly,
  type Node,
  type QueryMatch,
  type Tree,
} from "./parser.js";
import { qualifiedName, unsubscripted } from "./names.js";
import type { QueryPlan } from "./query-plan.js";
import { asRenames } from "./source.js";
import { Suppressions } from "./suppression.js";
import { decoratorExpression, decoratorsOf, identifiersNamed, WordIndex } from "./syntax.js";
import { ScopeTree, type Binding, type Scope, type ScopeOptions } from "./scope.js";
import { detectStylist, type Stylist } from "./stylist.js";
import type { Diagnostic, Fix } from "./types.js";

/** A call found by callsTo(): the call, its callee and its argument list. */
export interface CallSite {
  call: Node;
  fn: Node;
  args: Node;
}

export interface ModuleInfo extends ScopeOptions {
  /** Path relative to the working directory, with forward slashes. */
  path: string;
}

export class ModuleContext {
  readonly root: Node;
  private style?: Stylist;
  private scopeTree?: ScopeTree;
  private importManager?: ImportManager;
  private suppressionList?: Suppressions;
  private planned?: Map<string, QueryMatch[]> | "too costly";
  private readonly adhoc = new Map<string, QueryMatch[]>();
  /** captures()' answers, per query. */
  private readonly typed = new Map<string, ReadonlyArray<Captures<string>>>();
  /** Per query: the statements its search left out. */
  private readonly incomplete = new Map<string, Node[]>();
  /** The queries asked for since the last unsearched(). */
  private readonly asked = new Set<string>();
  private words?: WordIndex;

  constructor(
    readonly source: string,
    readonly tree: Tree,
    readonly module: ModuleInfo,
    private readonly options: Readonly<Record<string, string>> = {},
    /** The queries to run in one walk when the first of them is asked for. */
    private readonly plan?: QueryPlan,
  ) {
    this.root = tree.rootNode;
  }

  /** The file's line ending, indent unit and quote style, read on first use. */
  get stylist(): Stylist {
    return (this.style ??= detectStylist(this.source, this.root));
  }

  /** A run-wide choice (`--status-names current`), or the fallback. */
  option(name: string, fallback: string): string {
    return this.options[name] ?? fallback;
  }

  get scopes(): ScopeTree {
    return (this.scopeTree ??= new ScopeTree(this.root, this.module, false, this.source));
  }

  get imports(): ImportManager {
    this.importManager ??= new ImportManager(
      this.scopes,
      this.source,
      () => this.stylist,
      this.module,
    );
    return this.importManager;
  }

  text(node: Node): string {
    return this.source.slice(node.startIndex, node.endIndex);
  }

  /**
   * The matches of a query over the module (the same list for the same query: do not change it);
   * none for no query (the `query` of a transform without one). A top-level
   * statement that nests too deeply for the query to run in linear time is left out of the
   * search; `unsearched()` tells the fix loop, which reports it.
   */
  matches(source: string | undefined): QueryMatch[] {
    if (source === undefined) return [];
    this.asked.add(source);
    if (this.plan?.has(source) && this.planned !== "too costly") {
      try {
        this.planned ??= this.plan.run(this.root);
        return this.planned.get(source)!;
      } catch (err) {
        if (!(err instanceof QueryTooCostly)) throw err;
        // One costly pattern stops the walk for all: each query then runs alone.
        this.planned = "too costly";
      }
    }
    let found = this.adhoc.get(source);
    if (!found) {
      const { matches, skipped } = matchesByStatement(query(source), this.root);
      this.adhoc.set(source, (found = matches));
      if (skipped.length) this.incomplete.set(source, skipped);
    }
    return found;
  }

  /**
   * The matches of a query as typed captures (the same list for the same query): with the query
   * a `const` literal, asking for a capture its source does not spell is a type error. See
   * matches() for what is left out.
   */
  captures<S extends string>(source: S): ReadonlyArray<Captures<CaptureName<S>>> {
    const matches = this.matches(source);
    let found = this.typed.get(source);
    if (!found) this.typed.set(source, (found = matches.map((m) => capturesOf<string>(m))));
    return found;
  }

  /**
   * The top-level statements that the queries asked for since the last call left out (see
   * matches()), in source order.
   */
  unsearched(): Node[] {
    const out = new Map<number, Node>();
    for (const source of this.asked)
      for (const statement of this.incomplete.get(source) ?? []) out.set(statement.id, statement);
    this.asked.clear();
    return [...out.values()].sort((a, b) => a.startIndex - b.startIndex);
  }

  /** The identifiers spelled `name`, in source order (only those inside `within`, if given). */
  identifiers(name: string, within?: Node): Node[] {
    this.words ??= new WordIndex(this.source);
    return identifiersNamed(this.root, this.source, name, this.words, within);
  }

  /**
   * The calls whose callee is spelled with one of `names` as its last name (`sleep(...)`,
   * `time.sleep(...)`), or with a name the module imports one of them as (`sleep as nap`), in
   * source order. Found where the text spells the names: a query over every call of the module
   * would hand each of them over to be looked at.
   */
  callsTo(names: readonly string[]): CallSite[] {
    const spelled = new Set(names);
    for (const [from, to] of asRenames(this.source)) if (spelled.has(from)) spelled.add(to);
    const out: CallSite[] = [];
    for (const name of spelled) {
      for (const id of this.identifiers(name)) {
        const parent = id.parent;
        const fn =
          parent?.type === "attribute" && parent.childForFieldName("attribute")?.equals(id)
            ? parent
            : id;
        const call = fn.parent;
        const args = call?.type === "call" ? call.childForFieldName("arguments") : null;
        if (!call || args?.type !== "argument_list") continue;
        if (!call.childForFieldName("function")?.equals(fn)) continue;
        out.push({ call, fn, args });
      }
    }
    // Outer calls first where two start together, as a query over the calls would give them.
    return out.sort(
      (a, b) => a.call.startIndex - b.call.startIndex || b.call.endIndex - a.call.endIndex,
    );
  }

  /** True for test modules: `test_*.py`, `*_test.py`, `conftest.py`, or under a tests folder. */
  get isTestFile(): boolean {
    const path = this.module.path;
    const base = path.split("/").pop() ?? path;
    return /^test_.*\.py$|_test\.py$|^conftest\.py$/.test(base) || /(^|\/)tests?\//.test(path);
  }

  // ---- names -------------------------------------------------------------------------------

  /** The bindings a plain name has at `node`. */
  bindings(name: string, node: Node): Binding[] | undefined {
    return this.scopes.lookup(name, node);
  }

  /**
   * Every use of a binding (identifiers that resolve to it), or why they cannot all be known:
   * a use that may also resolve to another binding of the name.
   */
  references(b: Binding): Node[] | string {
    const out: Node[] = [];
    for (const id of this.identifiers(b.name)) {
      if (!isReference(id)) continue;
      const found = this.bindings(b.name, id);
      if (!found?.includes(b)) continue;
      if (found.length > 1)
        return `${b.name} has several bindings at line ${id.startPosition.row + 1}`;
      out.push(id);
    }
    return out;
  }

  /**
   * The fully qualified name an expression stands for: `t.sleep` -> "time.sleep" after
   * `import time as t`; "builtins.open" for an unshadowed builtin; undefined when a local,
   * a parameter or an ambiguous binding is in the way.
   */
  qualifiedName(node: Node): string | undefined {
    return qualifiedName(this.scopes, node, this.module.moduleName);
  }

  /**
   * The qualified name of what a decorator applies (`@functools.cache` -> "functools.cache").
   * With `callee`, a decorator that is a call gives its callee's (`@lru_cache(maxsize=1)` ->
   * "functools.lru_cache"); without, a call has none.
   */
  decoratorName(decorator: Node, options: { callee?: boolean } = {}): string | undefined {
    const expr = decoratorExpression(decorator);
    if (!expr) return undefined;
    const named =
      options.callee && expr.type === "call" ? expr.childForFieldName("function") : expr;
    return named ? this.qualifiedName(named) : undefined;
  }

  /** The qualified names of a definition's decorators, those that have one (see decoratorName). */
  decoratorNames(def: Node, options: { callee?: boolean } = {}): Set<string> {
    const out = new Set<string>();
    for (const d of decoratorsOf(def)) {
      const q = this.decoratorName(d, options);
      if (q) out.add(q);
    }
    return out;
  }

  /** The scope `node` is evaluated in. */
  scopeAt(node: Node): Scope {
    return this.scopes.scopeAt(node);
  }

  /**
   * The nearest function (`def`, `async def`, `lambda`) whose body runs `node`, or the class body
   * that stops the search; list/set/dict comprehensions run inline and are looked through.
   */
  enclosingFunction(node: Node): Scope | undefined {
    let scope: Scope | undefined = this.scopes.scopeAt(node);
    while (scope && scope.kind === "comprehension" && !scope.isGenerator) scope = scope.parent;
    if (!scope || scope.kind === "module") return undefined;
    return scope;
  }

  ensureImport(at: Node, module: string, name?: string, options?: EnsureOptions): EnsureResult {
    return this.imports.ensure(at, module, name, options);
  }

  /**
   * The module's suppression comments. The fix loop drops suppressed diagnostics by itself; a
   * transform whose fixes depend on each other (all handlers move or none) asks here first.
   */
  get suppressions(): Suppressions {
    return (this.suppressionList ??= new Suppressions(this.source, this.root));
  }

  // ---- classes -----------------------------------------------------------------------------

  /**
   * The class whose body or method runs `node`: the class body itself, or a function defined
   * directly in it (so `self` there is an instance of that class).
   */
  enclosingClass(node: Node): Node | undefined {
    let scope: Scope | undefined = this.scopes.scopeAt(node);
    while (scope && (scope.kind === "comprehension" || scope.kind === "lambda"))
      scope = scope.parent;
    if (scope?.kind === "class") return scope.node;
    if (scope?.kind === "function" && scope.parent?.kind === "class") return scope.parent.node;
    return undefined;
  }

  // ---- values ------------------------------------------------------------------------------

  /** The `type` node of the annotation a binding carries (`x: T = ...` or a typed parameter). */
  annotationNode(binding: Binding): Node | undefined {
    const parent = binding.node.parent;
    if (
      binding.kind === "parameter" &&
      parent &&
      (parent.type === "typed_parameter" || parent.type === "typed_default_parameter")
    )
      return parent.childForFieldName("type") ?? undefined;
    const statement = binding.statement;
    if (binding.kind !== "assignment" || statement.type !== "assignment") return undefined;
    if (!statement.childForFieldName("left")?.equals(binding.node)) return undefined;
    return statement.childForFieldName("type") ?? undefined;
  }

  /** The qualified name of the annotation a binding carries (`x: T` or a typed parameter). */
  annotationOf(binding: Binding): string | undefined {
    const expr = this.annotationNode(binding)?.namedChildren[0];
    return expr ? this.qualifiedName(unsubscripted(expr)) : undefined;
  }

  /** True when every binding of the name `node` is annotated with one of `classes`. */
  annotatedAs(node: Node, classes: ReadonlySet<string>): boolean {
    if (node.type !== "identifier") return false;
    const found = this.bindings(node.text, node);
    return (
      !!found?.length &&
      found.every((b) => {
        const q = this.annotationOf(b);
        return !!q && classes.has(q);
      })
    );
  }

  // ---- diagnostics -------------------------------------------------------------------------

  diagnostic(
    transform: { code: string; name: string },
    node: Node | { startIndex: number; endIndex: number },
    message: string,
    fix?: Fix,
  ): Diagnostic {
    return {
      code: transform.code,
      name: transform.name,
      message,
      start: node.startIndex,
      end: node.endIndex,
      fix,
    };
  }

  /** A note for a fix (`Fix.notes`): what to say about the span of `node`. */
  note(node: Node, message: string): NonNullable<Fix["notes"]>[number] {
    return { start: node.startIndex, end: node.endIndex, message };
  }

  /**
   * Where a node really ends: tree-sitter counts the `\r` of a CRLF line ending into a comment
   * that ends the node, and a replacement must not swallow it.
   */
  endOf(node: Node): number {
    let end = node.endIndex;
    while (end > node.startIndex && this.source.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The whitespace at the start of the line holding `offset`. */
  lineIndent(offset: number): string {
    const start = this.source.lastIndexOf("\n", offset - 1) + 1;
    return /^[ \t]*/.exec(this.source.slice(start))![0];
  }
}
