// A little type inference: which class an expression is, or is an instance of, when the code says
// so plainly (an annotation, a constructor call, `self` in a method). Anything less certain is
// unknown: transforms that rename methods must not guess.
import type { Node } from "../engine/parser.js";
import type { Binding } from "../engine/scope.js";
import type { RuleContext } from "./context.js";

export interface InferredClass {
  /** Qualified name, for classes defined at module level or imported. */
  qualified?: string;
  /** The definition, for classes of this module (including ones local to a function). */
  definition?: Node;
  /** True for an instance of the class, false for the class itself. */
  instance: boolean;
  /** For a union annotation (`A | B`): every member, this one first. */
  union?: InferredClass[];
}

/** Class methods of Pydantic (v1 and v2) that build an instance. */
const CONSTRUCTORS = new Set([
  "parse_obj",
  "parse_raw",
  "parse_file",
  "from_orm",
  "construct",
  "validate",
  "model_validate",
  "model_validate_json",
  "model_validate_strings",
  "model_construct",
]);

/** Instance methods that return another instance of the same class. */
const COPIES = new Set(["copy", "model_copy"]);

const OPTIONAL_TYPES = new Set(["typing.Optional", "typing_extensions.Optional"]);
const UNION_TYPES = new Set(["typing.Union", "typing_extensions.Union"]);
const MAX_DEPTH = 8;

function same(a: InferredClass, b: InferredClass): boolean {
  if (a.instance !== b.instance) return false;
  if (a.definition && b.definition) return a.definition.equals(b.definition);
  return !!a.qualified && a.qualified === b.qualified;
}

/** What `node` is: a class, an instance of one, or undefined when the code does not say. */
export function inferClass(ctx: RuleContext, node: Node, depth = 0): InferredClass | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (node.type) {
    case "parenthesized_expression": {
      const inner = node.namedChildren.find((c) => c && c.type !== "comment");
      return inner ? inferClass(ctx, inner, depth + 1) : undefined;
    }
    case "identifier":
      return fromBindings(ctx, node, depth);
    case "attribute":
      return classByName(ctx, node);
    case "call":
      return fromCall(ctx, node, depth);
    case "await": {
      const inner = node.namedChildren[0];
      return inner ? inferClass(ctx, inner, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/** A class named by an expression (`User`, `models.User`), if the index or this module knows it. */
function classByName(ctx: RuleContext, node: Node): InferredClass | undefined {
  const q = ctx.qualifiedName(node);
  if (!q || !ctx.index.isClass(q)) return undefined;
  return { qualified: ctx.index.canonical(q), instance: false };
}

function fromBindings(ctx: RuleContext, node: Node, depth: number): InferredClass | undefined {
  const found = ctx.bindings(node.text, node);
  if (!found?.length) return undefined;
  let result: InferredClass | undefined;
  for (const b of found) {
    const one = fromBinding(ctx, b, depth);
    if (!one || (result && !same(result, one))) return undefined;
    result = one;
  }
  return result;
}

function fromBinding(ctx: RuleContext, b: Binding, depth: number): InferredClass | undefined {
  switch (b.kind) {
    case "class": {
      const qualified =
        b.scope.kind === "module" ? `${ctx.module.moduleName ?? "__main__"}.${b.name}` : undefined;
      return { qualified, definition: b.statement, instance: false };
    }
    case "import":
    case "from-import": {
      if (!b.qualified || !ctx.index.isClass(b.qualified)) return undefined;
      return { qualified: ctx.index.canonical(b.qualified), instance: false };
    }
    case "parameter":
      return fromParameter(ctx, b, depth);
    case "assignment": {
      const statement = b.statement;
      if (statement.type !== "assignment") return undefined;
      const left = statement.childForFieldName("left");
      if (!left?.equals(b.node)) return undefined; // tuple unpacking and the like
      const type = statement.childForFieldName("type");
      if (type) return fromAnnotation(ctx, type, depth);
      const right = statement.childForFieldName("right");
      return right ? inferClass(ctx, right, depth + 1) : undefined;
    }
    case "loop": {
      // `for x in <iterable of X>` (a statement or a comprehension clause).
      const statement = b.statement;
      if (!statement.childForFieldName("left")?.equals(b.node)) return undefined;
      const iterable = statement.childForFieldName("right");
      return iterable ? elementOf(ctx, iterable, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

const SEQUENCES = new Set([
  "builtins.list",
  "builtins.set",
  "builtins.frozenset",
  "typing.List",
  "typing.Set",
  "typing.FrozenSet",
  "typing.Sequence",
  "typing.Iterable",
  "typing.Iterator",
  "typing.Collection",
  "collections.abc.Sequence",
  "collections.abc.Iterable",
  "collections.abc.Iterator",
  "collections.abc.Collection",
]);

/** The class of the items of an iterable whose type says it: `list[X]`, `Sequence[X]`, ... */
function elementOf(ctx: RuleContext, iterable: Node, depth: number): InferredClass | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const type = declaredType(ctx, iterable, depth);
  if (!type) return undefined;
  const expr = type.type === "type" ? type.namedChildren[0] : type;
  if (!expr || (expr.type !== "generic_type" && expr.type !== "subscript")) return undefined;
  const [head, args] = genericParts(expr);
  const q = head ? ctx.qualifiedName(head) : undefined;
  if (!q || !SEQUENCES.has(q) || args.length !== 1) return undefined;
  const cls = annotatedClass(ctx, args[0]!, depth + 1);
  return cls ? { ...cls, instance: true } : undefined;
}

/**
 * The annotation that declares an expression's type: a parameter's or variable's, or a field's
 * of a model defined in this module (`order.items` where `items: list[Item]`).
 */
function declaredType(ctx: RuleContext, node: Node, depth: number): Node | undefined {
  if (node.type === "identifier") {
    const found = ctx.bindings(node.text, node);
    if (found?.length !== 1) return undefined;
    const b = found[0]!;
    const parent = b.node.parent;
    if (
      b.kind === "parameter" &&
      parent &&
      (parent.type === "typed_parameter" || parent.type === "typed_default_parameter")
    ) {
      return parent.childForFieldName("type") ?? undefined;
    }
    if (b.kind === "assignment" && b.statement.type === "assignment")
      return b.statement.childForFieldName("type") ?? undefined;
    return undefined;
  }
  if (node.type !== "attribute") return undefined;
  const owner = inferClass(ctx, node.childForFieldName("object")!, depth + 1);
  if (!owner?.instance || !owner.definition) return undefined;
  const field = node.childForFieldName("attribute")!.text;
  for (const statement of owner.definition.childForFieldName("body")?.namedChildren ?? []) {
    const assign =
      statement?.type === "expression_statement" ? statement.namedChildren[0] : undefined;
    if (assign?.type !== "assignment" || assign.childForFieldName("left")?.text !== field) continue;
    return assign.childForFieldName("type") ?? undefined;
  }
  return undefined;
}

function fromParameter(ctx: RuleContext, b: Binding, depth: number): InferredClass | undefined {
  const parent = b.node.parent;
  if (parent && (parent.type === "typed_parameter" || parent.type === "typed_default_parameter")) {
    const type = parent.childForFieldName("type");
    return type ? fromAnnotation(ctx, type, depth) : undefined;
  }
  // `self` / `cls`: the first parameter of a method defined directly in a class body.
  const fn = b.statement;
  if (fn.type !== "function_definition") return undefined;
  const params = fn.childForFieldName("parameters")?.namedChildren ?? [];
  if (!params[0]?.equals(b.node)) return undefined;
  const owner = b.scope.parent;
  if (owner?.kind !== "class") return undefined;
  const decorators = ctx.decoratorNames(fn);
  if (decorators.has("builtins.staticmethod")) return undefined;
  const definition = owner.node;
  const name = definition.childForFieldName("name")!.text;
  const qualified =
    owner.parent?.kind === "module" ? `${ctx.module.moduleName ?? "__main__"}.${name}` : undefined;
  return { qualified, definition, instance: !decorators.has("builtins.classmethod") };
}

/** The class an annotation names, looking through Optional[X], Union[X, None] and X | None. */
export function fromAnnotation(ctx: RuleContext, type: Node, depth = 0): InferredClass | undefined {
  const expr = type.type === "type" ? type.namedChildren[0] : type;
  if (!expr) return undefined;
  const cls = annotatedClass(ctx, expr, depth);
  return cls ? { ...cls, instance: true } : undefined;
}

function annotatedClass(ctx: RuleContext, expr: Node, depth: number): InferredClass | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (expr.type) {
    case "identifier":
    case "attribute": {
      const cls = inferClass(ctx, expr, depth + 1);
      return cls && !cls.instance ? cls : undefined;
    }
    case "binary_operator": {
      // X | None, A | B
      const parts = [expr.childForFieldName("left"), expr.childForFieldName("right")];
      return unionOf(
        ctx,
        parts.filter((p): p is Node => !!p && p.text !== "None"),
        depth,
      );
    }
    case "parenthesized_expression": {
      const inner = expr.namedChildren.find((c) => c && c.type !== "comment");
      return inner ? annotatedClass(ctx, inner, depth + 1) : undefined;
    }
    case "subscript":
    case "generic_type": {
      const [head, args] = genericParts(expr);
      const q = head ? ctx.qualifiedName(head) : undefined;
      if (!q || !(OPTIONAL_TYPES.has(q) || UNION_TYPES.has(q))) return undefined;
      return unionOf(
        ctx,
        args.filter((a) => a.text !== "None"),
        depth,
      );
    }
    case "string": {
      // A forward reference: "User" resolves like the name would at this point.
      const content = expr.namedChildren.find((c) => c?.type === "string_content");
      if (!content || !/^[A-Za-z_][\w.]*$/.test(content.text)) return undefined;
      const [head, ...rest] = content.text.split(".");
      const found = ctx.bindings(head!, expr);
      if (!found) return undefined;
      if (!rest.length && found.length === 1 && found[0]!.kind === "class") {
        const cls = fromBinding(ctx, found[0]!, depth + 1);
        return cls && !cls.instance ? cls : undefined;
      }
      const base = found.every((b) => b.qualified === found[0]!.qualified)
        ? found[0]!.qualified
        : undefined;
      const q = base ? [base, ...rest].join(".") : undefined;
      return q && ctx.index.isClass(q)
        ? { qualified: ctx.index.canonical(q), instance: false }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** One class, or a union whose every member is a class (the first stands for them all). */
function unionOf(ctx: RuleContext, members: Node[], depth: number): InferredClass | undefined {
  const classes = members.map((m) => annotatedClass(ctx, m, depth + 1));
  if (!classes.length || classes.some((c) => !c)) return undefined;
  const flat = classes.flatMap((c) => c!.union ?? [c!]);
  return flat.length === 1 ? flat[0] : { ...flat[0]!, union: flat };
}

function fromCall(ctx: RuleContext, call: Node, depth: number): InferredClass | undefined {
  const fn = call.childForFieldName("function");
  if (!fn) return undefined;
  if (fn.type === "attribute") {
    const method = fn.childForFieldName("attribute")!.text;
    const receiver = inferClass(ctx, fn.childForFieldName("object")!, depth + 1);
    if (receiver && !receiver.instance && CONSTRUCTORS.has(method))
      return { ...receiver, instance: true };
    if (receiver?.instance && COPIES.has(method)) return receiver;
    return undefined;
  }
  if (fn.type === "identifier" && ctx.qualifiedName(fn) === "builtins.super") {
    // super() in a method: the instance, seen as its own class (its bases share the methods).
    const owner = ctx.enclosingClass(call);
    if (!owner || ctx.scopeAt(call).kind !== "function") return undefined;
    const name = owner.childForFieldName("name")!.text;
    const atModule = ctx.scopes.scopeAt(owner).kind === "module";
    return {
      definition: owner,
      qualified: atModule ? `${ctx.module.moduleName ?? "__main__"}.${name}` : undefined,
      instance: true,
    };
  }
  const callee = inferClass(ctx, fn, depth + 1);
  if (callee && !callee.instance) return { ...callee, instance: true };
  // A function of this module whose return annotation names a class.
  if (fn.type !== "identifier") return undefined;
  const found = ctx.bindings(fn.text, fn);
  if (found?.length !== 1 || found[0]!.kind !== "function") return undefined;
  const returns = found[0]!.statement.childForFieldName("return_type");
  return returns ? fromAnnotation(ctx, returns, depth + 1) : undefined;
}

/** `Optional[X]` as an annotation (`generic_type`) or an expression (`subscript`): head and arguments. */
export function genericParts(node: Node): [Node | undefined, Node[]] {
  const unwrap = (n: Node): Node => (n.type === "type" ? (n.namedChildren[0] ?? n) : n);
  if (node.type === "generic_type") {
    const params = node.namedChildren.find((c) => c?.type === "type_parameter");
    const args = (params?.namedChildren ?? []).filter(
      (c): c is Node => !!c && c.type !== "comment",
    );
    return [node.namedChildren[0] ?? undefined, args.map(unwrap)];
  }
  const args = node.childrenForFieldName("subscript").filter((c): c is Node => !!c);
  return [node.childForFieldName("value") ?? undefined, args.map(unwrap)];
}
