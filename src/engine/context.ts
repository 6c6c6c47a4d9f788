// What a transform sees of one module: text, tree, style, scopes, imports and the project index.
import type { ClassKind, ProjectIndex } from "../project/index.js";
import {
  declaresAtLeast,
  noTargets,
  type ProjectTargets,
  type TargetPackage,
} from "../project/targets.js";
import { findRoutes, ROUTES_QUERY, type Route } from "../project/routes.js";
import {
  APP_CLASSES,
  assignsModelConfig,
  classBases,
  configKeys,
  isAppConstruction,
} from "../project/summary.js";
import { ImportManager, type EnsureOptions, type EnsureResult } from "./imports.js";
import { query, type Node, type QueryMatch, type Tree } from "./parser.js";
import { qualifiedName, unsubscripted } from "./names.js";
import type { QueryPlan } from "./query-plan.js";
import { Suppressions } from "./suppression.js";
import { identifiersNamed } from "./syntax.js";
import { ScopeTree, type Binding, type Scope, type ScopeOptions } from "./scope.js";
import { detectStylist, type Stylist } from "./stylist.js";
import type { Diagnostic, Fix, Transform } from "./types.js";

export interface ModuleInfo extends ScopeOptions {
  /** Path relative to the working directory, with forward slashes. */
  path: string;
}

export type { ClassKind } from "../project/index.js";

/** Names Pydantic 1 does not have: a module importing one is written for v2. */
const V2_ONLY = new Set(
  [
    "ConfigDict",
    "field_validator",
    "model_validator",
    "field_serializer",
    "model_serializer",
    "computed_field",
    "RootModel",
    "TypeAdapter",
    "StringConstraints",
    "ValidationInfo",
    "AfterValidator",
    "BeforeValidator",
    "PlainValidator",
    "WrapValidator",
    "validate_call",
  ].map((name) => `pydantic.${name}`),
);

/** `Outer.Inner` for a class nested in a class, `f.<locals>.C` for one in a function. */
function scopePath(node: Node): string {
  const parts: string[] = [];
  for (let n: Node | null = node; n; n = n.parent) {
    if (n.type === "class_definition" || n.type === "function_definition")
      parts.unshift(n.childForFieldName("name")?.text ?? "?");
  }
  return parts.join(".");
}

/** Queries the context itself runs (for the query plan). */
export const CONTEXT_QUERIES: readonly string[] = [ROUTES_QUERY];

export class ModuleContext {
  readonly root: Node;
  private style?: Stylist;
  private scopeTree?: ScopeTree;
  private importManager?: ImportManager;
  private routeList?: Route[];
  private suppressionList?: Suppressions;
  private planned?: Map<string, QueryMatch[]>;
  private readonly adhoc = new Map<string, QueryMatch[]>();

  constructor(
    readonly source: string,
    readonly tree: Tree,
    readonly module: ModuleInfo,
    readonly index: ProjectIndex,
    private readonly options: Readonly<Record<string, string>> = {},
    readonly targets: ProjectTargets = noTargets(),
    /** Answers decided on the file as it was before any fix, kept across the fix loop's passes. */
    private readonly firstPass: Map<string, boolean> = new Map(),
    /** The queries to run in one walk when the first of them is asked for. */
    private readonly plan?: QueryPlan,
  ) {
    this.root = tree.rootNode;
  }

  /** The file's line ending, indent unit and quote style, read on first use. */
  get stylist(): Stylist {
    return (this.style ??= detectStylist(this.source, this.root));
  }

  /**
   * Whether the project declares `pkg` at `version` or later: "yes" when every version it allows
   * is, "no" when none is, "unknown" when it does not say (or allows both).
   */
  declares(pkg: TargetPackage, version: string): "yes" | "no" | "unknown" {
    return declaresAtLeast(this.targets, pkg, version);
  }

  /** A run-wide choice (`--status-names current`), or the fallback. */
  option(name: string, fallback: string): string {
    return this.options[name] ?? fallback;
  }

  get scopes(): ScopeTree {
    return (this.scopeTree ??= new ScopeTree(this.root, this.module, false, this.source));
  }

  get imports(): ImportManager {
    return (this.importManager ??= new ImportManager(this.scopes, this.source));
  }

  text(node: Node): string {
    return this.source.slice(node.startIndex, node.endIndex);
  }

  /** The matches of a query over the module (the same list for the same query: do not change it). */
  matches(source: string): QueryMatch[] {
    if (this.plan?.has(source)) return (this.planned ??= this.plan.run(this.root)).get(source)!;
    let found = this.adhoc.get(source);
    if (!found) this.adhoc.set(source, (found = query(source).matches(this.root)));
    return found;
  }

  /** The identifiers spelled `name`, in source order. */
  identifiers(name: string): Node[] {
    return identifiersNamed(this.root, this.source, name);
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
   * The fully qualified name an expression stands for: `t.sleep` -> "time.sleep" after
   * `import time as t`; "builtins.open" for an unshadowed builtin; undefined when a local,
   * a parameter or an ambiguous binding is in the way.
   */
  qualifiedName(node: Node): string | undefined {
    return qualifiedName(this.scopes, node, this.module.moduleName);
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

  // ---- FastAPI -----------------------------------------------------------------------------

  /** The module's routes (decorated handlers and add_api_route registrations), found once. */
  routes(): Route[] {
    return (this.routeList ??= findRoutes(this));
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

  /** Whether a class definition is a pydantic model or settings class, through the index. */
  classKind(classNode: Node): ClassKind | undefined {
    const bases = classBases(classNode, this);
    return this.index.kindOfBases(bases);
  }

  /**
   * True when the class or a base sets one of `keys` in its configuration; undefined when a
   * base the index does not know could.
   */
  configHas(classNode: Node, keys: readonly string[]): boolean | undefined {
    if (configKeys(classNode).some((k) => keys.includes(k))) return true;
    return this.index.basesHaveConfig(classBases(classNode, this), keys);
  }

  /**
   * True for a model whose fields have Pydantic v2 meanings; rules that keep v1 meanings
   * (Optional fields defaulting to None) must not apply to it. The project's declared version
   * is what runs, so it decides; when the project does not say, the class is v2 when it, a
   * project base or its module uses v2-only API, as the file was before this run's fixes (the
   * first pass's answer is kept, so that a fix writing `model_config` changes nothing).
   */
  isV2Model(classNode: Node): boolean {
    const declared = this.declares("pydantic", "2");
    if (declared !== "unknown") return declared === "yes";
    const key = `class ${scopePath(classNode)}`;
    let v2 = this.firstPass.get(key);
    if (v2 === undefined) {
      v2 =
        this.moduleUsesV2() ||
        assignsModelConfig(classNode) ||
        this.index.basesAreV2(classBases(classNode, this));
      this.firstPass.set(key, v2);
    }
    return v2;
  }

  /**
   * True when the module's code has Pydantic v2 meanings (route parameters, models without a
   * class of their own to judge by): the declared version, else the module's v2-only imports.
   */
  isV2Module(): boolean {
    const declared = this.declares("pydantic", "2");
    return declared === "unknown" ? this.moduleUsesV2() : declared === "yes";
  }

  /** True when the module imports names only Pydantic v2 has (as it was on the first pass). */
  private moduleUsesV2(): boolean {
    let v2 = this.firstPass.get("module");
    if (v2 === undefined) {
      v2 = [...this.scopes.module.bindings.values()].some((list) =>
        list.some(
          (b) =>
            (b.kind === "import" || b.kind === "from-import") &&
            !!b.qualified &&
            (V2_ONLY.has(b.qualified) || /^pydantic_settings(\.|$)/.test(b.qualified)),
        ),
      );
      this.firstPass.set("module", v2);
    }
    return v2;
  }

  /** The kind of class a qualified name names (for receivers and constructors). */
  kindOfClassName(qualified: string): ClassKind | undefined {
    return this.index.classKind(qualified);
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

  /** True when `node` is a FastAPI app or APIRouter: built here, annotated so, or imported. */
  isAppOrRouter(node: Node): boolean {
    if (node.type === "attribute") {
      const q = this.qualifiedName(node);
      return !!q && this.index.isRouter(q);
    }
    if (node.type !== "identifier") return false;
    const found = this.bindings(node.text, node);
    return (
      !!found?.length &&
      found.every((b) => {
        if (b.kind === "import" || b.kind === "from-import")
          return !!b.qualified && this.index.isRouter(b.qualified);
        const annotation = this.annotationOf(b);
        if (annotation) return APP_CLASSES.has(annotation);
        return b.kind === "assignment" && isAppConstruction(b.statement, this);
      })
    );
  }

  // ---- diagnostics -------------------------------------------------------------------------

  diagnostic(
    transform: Transform,
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
