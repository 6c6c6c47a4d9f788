// Scope analysis in the manner of Python's own symbol table: which names each scope binds, so that
// a reference can be resolved to an import (and its qualified name) or found to be shadowed.
import type { Node } from "./parser.js";

export type ScopeKind = "module" | "class" | "function" | "lambda" | "comprehension";

export type BindingKind =
  | "import"
  | "from-import"
  | "parameter"
  | "assignment"
  | "function"
  | "class"
  | "loop"
  | "with"
  | "except"
  | "walrus"
  | "match"
  | "type";

export interface Binding {
  name: string;
  kind: BindingKind;
  /** The identifier (or the import's name node) that creates the binding. */
  node: Node;
  /** The statement that holds the binding: the import, def, class, assignment... */
  statement: Node;
  scope: Scope;
  /** For imports: the fully qualified name the binding stands for (`import a.b` binds `a` -> "a"). */
  qualified?: string;
  /** For `import a.b.c` (no alias): the whole dotted path that the import loads. */
  importPath?: string;
}

export class Scope {
  readonly bindings = new Map<string, Binding[]>();
  readonly globals = new Set<string>();
  readonly nonlocals = new Set<string>();
  readonly children: Scope[] = [];
  /** True when `from x import *` appears in this scope: unbound names are then unknown. */
  hasStarImport = false;
  /** True when a child comprehension's region may surround other children (see scopeAt). */
  overlapping = false;

  /** The source range the scope's own code runs in (a body; a comprehension less its first iterable). */
  readonly region: { start: number; end: number; exclude: Array<[number, number]> };

  constructor(
    readonly kind: ScopeKind,
    readonly node: Node,
    readonly parent: Scope | undefined,
  ) {
    parent?.children.push(this);
    this.region = regionOf(kind, node);
  }

  contains(start: number, end: number): boolean {
    const r = this.region;
    if (start < r.start || end > r.end) return false;
    return !r.exclude.some(([a, b]) => start >= a && end <= b);
  }

  get isAsync(): boolean {
    return this.kind === "function" && this.node.children.some((c) => c?.type === "async");
  }

  get isGenerator(): boolean {
    return this.kind === "comprehension" && this.node.type === "generator_expression";
  }

  lookupLocal(name: string): Binding[] | undefined {
    return this.bindings.get(name);
  }
}

function regionOf(kind: ScopeKind, node: Node): Scope["region"] {
  if (kind === "module") return { start: 0, end: Number.MAX_SAFE_INTEGER, exclude: [] };
  if (kind === "comprehension") {
    const first = node.namedChildren.find((c) => c?.type === "for_in_clause");
    const iterables =
      first?.childrenForFieldName("right").filter((r): r is Node => !!r && r.type !== ",") ?? [];
    return {
      start: node.startIndex,
      end: node.endIndex,
      exclude: iterables.map((r) => [r.startIndex, r.endIndex]),
    };
  }
  const body = node.childForFieldName("body");
  return body
    ? { start: body.startIndex, end: body.endIndex, exclude: [] }
    : { start: -1, end: -1, exclude: [] };
}

const COMPREHENSIONS = new Set([
  "list_comprehension",
  "set_comprehension",
  "dictionary_comprehension",
  "generator_expression",
]);

/** Node types whose identifiers bind names when they are assignment or loop targets. */
const TARGET_CONTAINERS = new Set([
  "pattern_list",
  "tuple_pattern",
  "list_pattern",
  "tuple",
  "list",
  "parenthesized_expression",
  "list_splat_pattern",
  "list_splat",
  "expression_list",
]);

export interface ScopeOptions {
  /** Dotted module name of the file, used to resolve relative imports and local definitions. */
  moduleName?: string;
  /** True for `__init__.py`: `from . import x` then refers to the package itself. */
  isPackage?: boolean;
}

/**
 * Node types a shallow tree (the index pass) does not look into: it needs the names modules and
 * class bodies bind, not what functions do or what expressions read.
 */
const SHALLOW_SKIPPED = new Set([
  "lambda",
  "call",
  "decorator",
  "return_statement",
  "expression_list",
  ...COMPREHENSIONS,
]);

/**
 * Expression node types. An expression binds a name or opens a scope only through a lambda, a
 * comprehension or `:=`; one whose text holds none of those words is not walked into.
 */
const EXPRESSIONS = new Set([
  "call",
  "argument_list",
  "attribute",
  "subscript",
  "slice",
  "string",
  "concatenated_string",
  "binary_operator",
  "boolean_operator",
  "comparison_operator",
  "not_operator",
  "unary_operator",
  "conditional_expression",
  "await",
  "keyword_argument",
  "dictionary",
  "pair",
  "list",
  "set",
  "tuple",
  "parenthesized_expression",
  "list_splat",
  "dictionary_splat",
  "type",
  "generic_type",
  "union_type",
  "decorator",
]);

/** Where a lambda, a comprehension's `for` or a `:=` may be: a superset, from the text alone. */
const BINDING_WORDS = /lambda|:=|\bfor\b/g;

/** Resolves a relative import (`..models`) against the importing module's name. */
export function resolveRelativeModule(relative: string, options: ScopeOptions): string | undefined {
  const dots = relative.length - relative.replace(/^\.+/, "").length;
  const rest = relative.slice(dots);
  if (!options.moduleName) return undefined;
  const parts = options.moduleName.split(".");
  // A module's own package is its name minus the last part; a package's is itself.
  const packageParts = options.isPackage ? parts : parts.slice(0, -1);
  const up = dots - 1;
  if (up > packageParts.length) return undefined;
  const base = packageParts.slice(0, packageParts.length - up);
  if (rest) base.push(rest);
  return base.join(".") || undefined;
}

/** Builds every scope of a module and the bindings in each. */
export class ScopeTree {
  readonly module: Scope;
  private readonly byNode = new Map<number, Scope>();

  /**
   * @param shallow bind the names of modules and class bodies only, skipping function bodies and
   *   expressions (enough for the project index, at a fraction of the cost)
   */
  /** Sorted offsets of the words that may bind inside an expression (see EXPRESSIONS). */
  private readonly bindingWords: number[] = [];

  constructor(
    root: Node,
    readonly options: ScopeOptions = {},
    private readonly shallow = false,
    /** The module's text, when the caller has it (read from the tree otherwise). */
    source?: string,
  ) {
    for (const m of (source ?? root.text).matchAll(BINDING_WORDS)) this.bindingWords.push(m.index);
    this.module = this.newScope("module", root, undefined);
    this.walk(root, this.module);
    // Scopes are created in visiting order; the position lookup wants them in source order.
    for (const scope of this.allScopes()) {
      scope.children.sort((a, b) => a.region.start - b.region.start);
      scope.overlapping = scope.children.some((c) => c.kind === "comprehension");
    }
  }

  /** The scope a scope-creating node (def, lambda, class, comprehension, module) opened. */
  scopeOfDefinition(node: Node): Scope | undefined {
    return this.byNode.get(node.id);
  }

  /**
   * The scope in which `node` is evaluated. Decorators, default values, annotations and base
   * classes belong to the scope around the definition, not to the definition's own scope.
   */
  scopeAt(node: Node): Scope {
    // By position, down from the module: walking up through `parent` costs tree-sitter the
    // node's depth each step, which made deeply nested code cubic.
    const start = node.startIndex;
    const end = node.endIndex;
    let scope = this.module;
    for (;;) {
      const kids = scope.children;
      let lo = 0;
      let hi = kids.length - 1;
      let candidate = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (kids[mid]!.region.start <= start) {
          candidate = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      // Sibling regions are disjoint, except that a comprehension's region surrounds the scopes
      // of its first iterable (which belong to the outer scope): look back through those only.
      let kid: Scope | undefined;
      for (let i = candidate; i >= 0; i--) {
        const k = kids[i]!;
        if (k.contains(start, end)) {
          kid = k;
          break;
        }
        if (!scope.overlapping) break;
      }
      if (!kid) return scope;
      scope = kid;
    }
  }

  /** Bindings visible for `name` at `node`, following Python's LEGB rule. */
  lookup(name: string, node: Node): Binding[] | undefined {
    return this.lookupFrom(name, this.scopeAt(node));
  }

  lookupFrom(name: string, scope: Scope): Binding[] | undefined {
    if (scope.globals.has(name)) return this.module.bindings.get(name);
    let current: Scope | undefined = scope;
    let first = true;
    while (current) {
      // Class bodies are not visible to the functions nested in them.
      if (!(current.kind === "class" && !first)) {
        const found = current.bindings.get(name);
        if (found) return found;
      }
      first = false;
      current = current.parent;
    }
    return undefined;
  }

  /** True when `from x import *` could have bound `name` (it is unbound otherwise). */
  mayComeFromStarImport(scope: Scope): boolean {
    for (let s: Scope | undefined = scope; s; s = s.parent) if (s.hasStarImport) return true;
    return false;
  }

  /** Every scope, depth first. */
  *allScopes(scope: Scope = this.module): Generator<Scope> {
    const stack = [scope];
    while (stack.length) {
      const next = stack.pop()!;
      yield next;
      for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]!);
    }
  }

  // ---- building ---------------------------------------------------------------------------

  private newScope(kind: ScopeKind, node: Node, parent: Scope | undefined): Scope {
    const scope = new Scope(kind, node, parent);
    this.byNode.set(node.id, scope);
    return scope;
  }

  private bind(
    scope: Scope,
    name: string,
    kind: BindingKind,
    node: Node,
    statement: Node,
    extra: Partial<Binding> = {},
  ): void {
    let target = scope;
    if (kind === "walrus") {
      while (target.kind === "comprehension" && target.parent) target = target.parent;
    }
    if (target.globals.has(name)) target = this.module;
    else if (target.nonlocals.has(name)) {
      for (let s = target.parent; s; s = s.parent) {
        if ((s.kind === "function" || s.kind === "lambda") && s.bindings.has(name)) {
          target = s;
          break;
        }
      }
    }
    const binding: Binding = { name, kind, node, statement, scope: target, ...extra };
    const list = target.bindings.get(name);
    if (list) list.push(binding);
    else target.bindings.set(name, [binding]);
  }

  // The walk is iterative: a handler's `visit` calls are queued and run after it, in the order
  // it made them, so a 10,000-level nested expression does not exhaust the call stack.
  private readonly stack: Array<{ node: Node; scope: Scope }> = [];
  private queued: Array<{ node: Node; scope: Scope }> = [];

  private walk(root: Node, scope: Scope): void {
    this.visitChildren(root, scope);
    this.flush();
    while (this.stack.length) {
      const { node, scope: s } = this.stack.pop()!;
      this.handle(node, s);
      this.flush();
    }
  }

  private flush(): void {
    for (let i = this.queued.length - 1; i >= 0; i--) this.stack.push(this.queued[i]!);
    this.queued = [];
  }

  private visitChildren(node: Node, scope: Scope): void {
    for (const child of node.namedChildren) if (child) this.visit(child, scope);
  }

  private visit(node: Node, scope: Scope): void {
    this.queued.push({ node, scope });
  }

  /** True when one of the binding words lies inside the node. */
  private mayBind(node: Node): boolean {
    const words = this.bindingWords;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (words[mid]! < node.startIndex) lo = mid + 1;
      else hi = mid;
    }
    return lo < words.length && words[lo]! < node.endIndex;
  }

  private handle(node: Node, scope: Scope): void {
    const type = node.type;
    if (this.shallow && SHALLOW_SKIPPED.has(type)) return;
    if (EXPRESSIONS.has(type) && !this.mayBind(node)) return;
    switch (type) {
      case "comment":
      case "string_content":
      case "escape_sequence":
      case "integer":
      case "float":
        return;
      case "function_definition":
        return this.visitFunction(node, scope);
      case "class_definition":
        return this.visitClass(node, scope);
      case "lambda":
        return this.visitLambda(node, scope);
      case "import_statement":
        return this.visitImport(node, scope);
      case "import_from_statement":
        return this.visitImportFrom(node, scope);
      case "future_import_statement":
        return;
      case "global_statement":
        for (const id of node.namedChildren) if (id) scope.globals.add(id.text);
        return;
      case "nonlocal_statement":
        for (const id of node.namedChildren) if (id) scope.nonlocals.add(id.text);
        return;
      case "assignment": {
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        const type = node.childForFieldName("type");
        if (type) this.visit(type, scope);
        if (right) this.visit(right, scope);
        if (left) this.bindTarget(left, scope, "assignment", node);
        return;
      }
      case "augmented_assignment": {
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        if (right) this.visit(right, scope);
        if (left) this.bindTarget(left, scope, "assignment", node);
        return;
      }
      case "named_expression": {
        const value = node.childForFieldName("value");
        if (value) this.visit(value, scope);
        const name = node.childForFieldName("name");
        if (name) this.bind(scope, name.text, "walrus", name, node);
        return;
      }
      case "for_statement": {
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        if (right) this.visit(right, scope);
        if (left) this.bindTarget(left, scope, "loop", node);
        for (const field of ["body", "alternative"]) {
          const part = node.childForFieldName(field);
          if (part) this.visit(part, scope);
        }
        return;
      }
      case "as_pattern": {
        // `with x as y`, `except E as e`, `case P() as p`
        for (const child of node.namedChildren) {
          if (!child) continue;
          if (child.type === "as_pattern_target") {
            const kind = node.parent?.type === "with_item" ? "with" : "except";
            for (const target of child.namedChildren)
              if (target) this.bindTarget(target, scope, kind, node);
          } else if (node.parent?.type === "case_pattern" && child.type === "identifier") {
            this.bind(scope, child.text, "match", child, node);
          } else {
            this.visit(child, scope);
          }
        }
        return;
      }
      case "except_clause": {
        const alias = node.childForFieldName("alias");
        for (const child of node.namedChildren) {
          if (!child) continue;
          if (alias && child.equals(alias)) this.bindTarget(child, scope, "except", node);
          else this.visit(child, scope);
        }
        return;
      }
      case "case_pattern":
        return this.visitCasePattern(node, scope);
      case "type_alias_statement": {
        const left = node.childForFieldName("left");
        const id = left?.namedChildren[0];
        if (id?.type === "identifier") this.bind(scope, id.text, "type", id, node);
        const right = node.childForFieldName("right");
        if (right) this.visit(right, scope);
        return;
      }
      default:
        if (COMPREHENSIONS.has(node.type)) return this.visitComprehension(node, scope);
        return this.visitChildren(node, scope);
    }
  }

  private visitCasePattern(node: Node, scope: Scope): void {
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === "dotted_name" && child.namedChildCount === 1) {
        const id = child.namedChildren[0]!;
        if (id.text !== "_") this.bind(scope, id.text, "match", id, node);
      } else if (child.type === "splat_pattern") {
        const id = child.namedChildren[0];
        if (id?.type === "identifier") this.bind(scope, id.text, "match", id, node);
      } else if (child.type === "keyword_pattern") {
        // `x=name` captures into `name`; the keyword itself binds nothing.
        this.visitCasePattern(child, scope);
      } else if (child.type === "dict_pattern") {
        for (const part of child.namedChildren) {
          if (!part) continue;
          if (part.type === "splat_pattern") {
            const id = part.namedChildren[0];
            if (id?.type === "identifier") this.bind(scope, id.text, "match", id, node);
          } else this.visit(part, scope);
        }
      } else {
        this.visit(child, scope);
      }
    }
  }

  /** Binds every plain name in an assignment/loop target; attributes and subscripts only read. */
  private bindTarget(target: Node, scope: Scope, kind: BindingKind, statement: Node): void {
    if (target.type === "identifier") {
      this.bind(scope, target.text, kind, target, statement);
    } else if (TARGET_CONTAINERS.has(target.type)) {
      for (const child of target.namedChildren)
        if (child) this.bindTarget(child, scope, kind, statement);
    } else {
      this.visit(target, scope);
    }
  }

  private visitDecorators(definition: Node, scope: Scope): void {
    const parent = definition.parent;
    if (parent?.type !== "decorated_definition") return;
    for (const child of parent.namedChildren)
      if (child?.type === "decorator") this.visit(child, scope);
  }

  private visitFunction(node: Node, scope: Scope): void {
    this.visitDecorators(node, scope);
    const name = node.childForFieldName("name");
    if (name) this.bind(scope, name.text, "function", name, node);
    const params = node.childForFieldName("parameters");
    const returns = node.childForFieldName("return_type");
    if (returns) this.visit(returns, scope);
    const own = this.newScope("function", node, scope);
    if (this.shallow) return;
    if (params) this.visitParameters(params, scope, own, node);
    const body = node.childForFieldName("body");
    if (body) this.visitChildren(body, own);
  }

  private visitLambda(node: Node, scope: Scope): void {
    const own = this.newScope("lambda", node, scope);
    const params = node.childForFieldName("parameters");
    if (params) this.visitParameters(params, scope, own, node);
    const body = node.childForFieldName("body");
    if (body) this.visit(body, own);
  }

  /** Parameter names bind in the function's scope; defaults and annotations read the outer one. */
  private visitParameters(params: Node, outer: Scope, own: Scope, definition: Node): void {
    for (const param of params.namedChildren) {
      if (!param) continue;
      const bindName = (id: Node | null | undefined): void => {
        if (id?.type === "identifier") this.bind(own, id.text, "parameter", id, definition);
      };
      switch (param.type) {
        case "identifier":
          bindName(param);
          break;
        case "default_parameter":
        case "typed_default_parameter": {
          const value = param.childForFieldName("value");
          const type = param.childForFieldName("type");
          if (value) this.visit(value, outer);
          if (type) this.visit(type, outer);
          const name = param.childForFieldName("name");
          if (name?.type === "identifier") bindName(name);
          else if (name) this.bindTarget(name, own, "parameter", definition);
          break;
        }
        case "typed_parameter": {
          const type = param.childForFieldName("type");
          if (type) this.visit(type, outer);
          for (const child of param.namedChildren) {
            if (!child || child.equals(type!)) continue;
            if (child.type === "identifier") bindName(child);
            else bindName(child.namedChildren[0]);
          }
          break;
        }
        case "list_splat_pattern":
        case "dictionary_splat_pattern":
          bindName(param.namedChildren[0]);
          break;
        case "tuple_pattern":
          this.bindTarget(param, own, "parameter", definition);
          break;
        default:
          break; // `*`, `/` separators
      }
    }
  }

  private visitClass(node: Node, scope: Scope): void {
    this.visitDecorators(node, scope);
    const name = node.childForFieldName("name");
    if (name) this.bind(scope, name.text, "class", name, node);
    const bases = node.childForFieldName("superclasses");
    if (bases) this.visit(bases, scope);
    const own = this.newScope("class", node, scope);
    const body = node.childForFieldName("body");
    if (body) this.visitChildren(body, own);
  }

  private visitComprehension(node: Node, scope: Scope): void {
    const own = this.newScope("comprehension", node, scope);
    let first = true;
    const rest: Node[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === "for_in_clause") {
        const right = child.childForFieldName("right");
        const left = child.childForFieldName("left");
        // The first iterable is evaluated in the enclosing scope, the rest inside.
        if (right) this.visit(right, first ? scope : own);
        for (const extra of child.childrenForFieldName("right").slice(1))
          if (extra) this.visit(extra, first ? scope : own);
        if (left) this.bindTarget(left, own, "loop", child);
        first = false;
      } else {
        rest.push(child);
      }
    }
    for (const child of rest) this.visit(child, own);
  }

  private visitImport(node: Node, scope: Scope): void {
    for (const name of node.childrenForFieldName("name")) {
      if (!name) continue;
      if (name.type === "aliased_import") {
        const dotted = name.childForFieldName("name")!.text;
        const alias = name.childForFieldName("alias")!;
        this.bind(scope, alias.text, "import", name, node, { qualified: dotted });
      } else {
        const dotted = name.text;
        const head = dotted.split(".")[0]!;
        this.bind(scope, head, "import", name, node, { qualified: head, importPath: dotted });
      }
    }
  }

  /** The absolute module an import-from names, or undefined for an unresolvable relative one. */
  fromModule(node: Node): string | undefined {
    const moduleNode = node.childForFieldName("module_name");
    if (!moduleNode) return undefined;
    const text = moduleNode.text.replace(/\s+/g, "");
    if (moduleNode.type === "relative_import") return resolveRelativeModule(text, this.options);
    return text;
  }

  private visitImportFrom(node: Node, scope: Scope): void {
    const module = this.fromModule(node);
    if (node.namedChildren.some((c) => c?.type === "wildcard_import")) {
      scope.hasStarImport = true;
      return;
    }
    for (const name of node.childrenForFieldName("name")) {
      if (!name) continue;
      const [imported, local] =
        name.type === "aliased_import"
          ? [name.childForFieldName("name")!.text, name.childForFieldName("alias")!.text]
          : [name.text, name.text];
      const qualified = module ? `${module}.${imported}` : undefined;
      this.bind(scope, local, "from-import", name, node, { qualified });
    }
  }
}
