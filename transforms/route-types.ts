// FF205: a route says what it returns. `response_model=X` without a return annotation gets
// `-> X`; a handler that returns nothing gets `-> None`; a route that declares neither, or that
// returns a dict literal, is reported.
import { isOptionalOrUnion, typingName } from "./data/pydantic-fields.js";
import type { ClassKind, RuleContext } from "../src/knowledge/context.js";
import { genericParts, inferClass } from "../src/knowledge/inference.js";
import type { Node } from "../src/engine/parser.js";
import type { Binding } from "../src/engine/scope.js";
import {
  keywordArguments,
  listItems,
  ownReturns,
  returnValue,
  yields,
} from "../src/engine/syntax.js";
import type { Diagnostic } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";
import { DEPENDS } from "../src/project/fastapi-names.js";
import { isResponseValue, type Route } from "../src/knowledge/routes.js";
import { classBases } from "../src/project/summary.js";

/** Statuses whose response has no body (FastAPI refuses a response model on them). */
const NO_BODY = /(^|\D)(204|304)(\D|$)|NO_CONTENT|NOT_MODIFIED/;

export const routeTypes: Rule = {
  name: "route-types",
  code: "FF205",
  summary:
    "response_model=X without a return annotation -> `-> X`; routes declaring neither, or returning dict literals, reported",
  rule: "Use response_model and type hints for all function signatures, including return types",
  gives: ["safe", "detect"],
  docs: {
    why: "The response model is what FastAPI validates, filters and documents; the return annotation is what type checkers see. Declaring both keeps them in step, and a route that declares neither, or returns a raw dict, has an undocumented, unchecked response.",
    bad: '@router.get("/items/{item_id}", response_model=Item)\nasync def read_item(item_id: int):\n    return await repo.get(item_id)\n',
    good: '@router.get("/items/{item_id}", response_model=Item)\nasync def read_item(item_id: int) -> Item:\n    return await repo.get(item_id)\n',
  },
  scope: "routes",
  prefilter: /\.(get|post|put|patch|delete|options|head|trace|api_route|add_api_route)\b/,
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    // A handler can serve several routes: all of them decide together.
    const groups = new Map<number, Route[]>();
    for (const route of ctx.routes()) {
      if (route.kind === "websocket") continue;
      const list = groups.get(route.handler.id) ?? [];
      list.push(route);
      groups.set(route.handler.id, list);
    }
    for (const routes of groups.values()) {
      const d = checkHandler(ctx, this, routes);
      if (d) out.push(d);
    }
    return out;
  },
};

function checkHandler(ctx: RuleContext, t: Rule, routes: Route[]): Diagnostic | undefined {
  const handler = routes[0]!.handler;
  const body = handler.childForFieldName("body")!;
  const values = ownReturns(body).map(returnValue);
  const dict = values.find((v): v is Node => !!v && isDictLiteral(ctx, v));
  const hidden = routes.every((r) => keywordText(r, "include_in_schema") === "False");
  const declared = declaration(ctx, t, routes, values, !!dict, hidden);
  if (declared !== undefined) return declared ?? undefined;
  return dict && !hidden
    ? ctx.diagnostic(
        t,
        dict,
        `${label(routes[0]!)} returns a dict literal: return a Pydantic model instead`,
      )
    : undefined;
}

/**
 * The annotation fix or the report of a route that declares nothing; undefined when there is
 * neither (the dict literal check then has its say), null when nothing at all is to be said.
 */
function declaration(
  ctx: RuleContext,
  t: Rule,
  routes: Route[],
  values: Array<Node | undefined>,
  dict: boolean,
  hidden: boolean,
): Diagnostic | null | undefined {
  const handler = routes[0]!.handler;
  const params = handler.childForFieldName("parameters")!;
  const name = handler.childForFieldName("name")!;
  if (handler.childForFieldName("return_type")) return undefined;
  // Streaming handlers (`yield`) and splatted route arguments are beyond a plain annotation.
  if (yields(handler.childForFieldName("body")!)) return null;
  if (routes.some((r) => hasSplat(r))) return undefined;
  const returnsNothing = values.every((v) => !v || v.type === "none");
  const response = values.some((v) => isResponseValue(ctx, v));
  const models = routes.map((r) => r.keywords.get("response_model")?.childForFieldName("value"));

  if (models.every((m): m is Node => !!m)) {
    const model = models[0]!;
    if (models.some((m) => m.type === "none" || m.text !== model.text)) return undefined;
    // A handler returning something else than its model (a dict, a Response, nothing) would be
    // annotated wrongly.
    if (dict || response || returnsNothing) return undefined;
    if (!isAnnotation(model, true) || /#/.test(model.text)) return undefined;
    if (values.some((v) => !!v && returnsOtherClass(ctx, v, model))) return undefined;
    if (!routes.every((r) => sameMeaningAtDefinition(ctx, r, model, handler))) return undefined;
    return ctx.diagnostic(
      t,
      name,
      `${label(routes[0]!)} has response_model=${model.text}: annotate the handler -> ${model.text}`,
      {
        title: `Annotate -> ${model.text}`,
        safety: "safe",
        edits: [{ start: params.endIndex, end: params.endIndex, text: ` -> ${model.text}` }],
      },
    );
  }
  // Some route infers its response model from the annotation: only `-> None` keeps it as it is.
  if (models.some((m) => !!m)) return undefined;
  if (returnsNothing) {
    return ctx.diagnostic(
      t,
      name,
      `${label(routes[0]!)} returns nothing: annotate the handler -> None`,
      {
        title: "Annotate -> None",
        safety: "safe",
        edits: [{ start: params.endIndex, end: params.endIndex, text: " -> None" }],
      },
    );
  }
  if (hidden || response) return undefined;
  if (routes.every((r) => NO_BODY.test(keywordText(r, "status_code") ?? ""))) return undefined;
  if (routes.every((r) => !returnsJson(ctx, r))) return undefined;
  const what = dict ? ", and returns a dict literal" : "";
  return ctx.diagnostic(
    t,
    name,
    `${label(routes[0]!)} declares neither a response_model nor a return annotation${what}: declare a Pydantic response model`,
  );
}

/**
 * A type as far as the code says it: a class, a container (`list[X]`, `dict[K, V]`, by family), or
 * a union; undefined for what it does not say (Any, unresolvable names, untyped values).
 */
type TypeInfo =
  | { kind: "class"; qualified?: string; definition?: Node }
  | { kind: "container"; family: string; args: Array<TypeInfo | undefined> }
  | { kind: "union"; members: Array<TypeInfo | undefined> };
type ClassInfo = Extract<TypeInfo, { kind: "class" }>;

const CONTAINER_FAMILIES: ReadonlyMap<string, string> = new Map([
  ...["builtins.list", "typing.List", "typing.Sequence", "typing.MutableSequence"].map(
    (q) => [q, "sequence"] as const,
  ),
  ...["collections.abc.Sequence", "collections.abc.MutableSequence"].map(
    (q) => [q, "sequence"] as const,
  ),
  ...["builtins.set", "builtins.frozenset", "typing.Set", "typing.FrozenSet"].map(
    (q) => [q, "set"] as const,
  ),
  ...["builtins.dict", "typing.Dict", "typing.Mapping", "collections.abc.Mapping"].map(
    (q) => [q, "mapping"] as const,
  ),
  ...["builtins.tuple", "typing.Tuple"].map((q) => [q, "tuple"] as const),
]);
const ANY_TYPES = new Set(["typing.Any", "typing_extensions.Any", "builtins.object"]);
const LITERAL_CLASSES: Readonly<Record<string, string>> = {
  string: "builtins.str",
  concatenated_string: "builtins.str",
  integer: "builtins.int",
  float: "builtins.float",
  true: "builtins.bool",
  false: "builtins.bool",
};
const MAX_DEPTH = 8;

/**
 * True when a returned value is provably of another class than the response model, so that
 * `-> X` would be wrong: an ORM row returned where X is a Pydantic model (`current_user` annotated
 * `models.User`, or given by a dependency the index knows returns one), a constructor call of
 * another class, a plain value where X is a class. Values of X, of unknown classes, or of classes
 * that may be subclasses of X keep the fix.
 */
function returnsOtherClass(ctx: RuleContext, value: Node, model: Node): boolean {
  const declared = annotationType(ctx, model, 0);
  return valueTypes(ctx, value, 0, new Set()).some((t) => !compatible(ctx, t, declared, 0));
}

/** The type an annotation (or a response_model expression) names. */
function annotationType(ctx: RuleContext, expr: Node, depth: number): TypeInfo | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (expr.type) {
    case "type":
    case "parenthesized_expression": {
      const inner = expr.namedChildren.find((c) => c && c.type !== "comment");
      return inner ? annotationType(ctx, inner, depth + 1) : undefined;
    }
    case "identifier":
      return aliasedType(ctx, expr, depth) ?? namedType(ctx, expr);
    case "attribute":
      return namedType(ctx, expr);
    case "binary_operator": {
      if (expr.childForFieldName("operator")?.text !== "|") return undefined;
      const parts = [expr.childForFieldName("left")!, expr.childForFieldName("right")!];
      return unionType(ctx, parts, depth);
    }
    case "subscript":
    case "generic_type": {
      const [head, args] = genericParts(expr);
      const q = head ? ctx.qualifiedName(head) : undefined;
      if (!q) return undefined;
      if (typingName(q) === "Annotated")
        return args[0] ? annotationType(ctx, args[0], depth + 1) : undefined;
      if (isOptionalOrUnion(q)) return unionType(ctx, args, depth);
      const family = CONTAINER_FAMILIES.get(q);
      if (family)
        return {
          kind: "container",
          family,
          args: args.map((a) => annotationType(ctx, a, depth + 1)),
        };
      // A generic class of the project (`Page[Item]`) is that class.
      return head ? namedType(ctx, head) : undefined;
    }
    default:
      return undefined;
  }
}

function unionType(ctx: RuleContext, parts: Node[], depth: number): TypeInfo | undefined {
  const members = parts
    .filter((p) => p.type !== "none" && p.text !== "None")
    .map((p) => annotationType(ctx, p, depth + 1));
  return members.length === 1 ? members[0] : { kind: "union", members };
}

/** What a type alias of this module stands for: `CurrentUser = Annotated[User, Depends(...)]`. */
function aliasedType(ctx: RuleContext, name: Node, depth: number): TypeInfo | undefined {
  const found = ctx.bindings(name.text, name);
  const b = found?.length === 1 ? found[0]! : undefined;
  if (b?.kind !== "assignment" || b.statement.type !== "assignment") return undefined;
  if (!b.statement.childForFieldName("left")?.equals(b.node)) return undefined;
  const right = b.statement.childForFieldName("right");
  const shaped = right?.type === "subscript" || right?.type === "binary_operator";
  return shaped ? annotationType(ctx, right, depth + 1) : undefined;
}

/** A class named by a name or attribute (a container family for `list`, `dict`, ...). */
function namedType(ctx: RuleContext, node: Node): TypeInfo | undefined {
  const q = ctx.qualifiedName(node);
  if (q && ANY_TYPES.has(q)) return undefined;
  const family = q ? CONTAINER_FAMILIES.get(q) : undefined;
  if (family) return { kind: "container", family, args: [] };
  const inferred = inferClass(ctx, node);
  if (inferred && !inferred.instance)
    return { kind: "class", qualified: inferred.qualified, definition: inferred.definition };
  if (!q || /^typing(_extensions)?\./.test(q)) return undefined;
  return { kind: "class", qualified: ctx.index.canonical(q) };
}

/** The types a returned value may have, one per way the code gives it (undefined: unknown). */
function valueTypes(
  ctx: RuleContext,
  value: Node,
  depth: number,
  seen: Set<number>,
): Array<TypeInfo | undefined> {
  if (depth > MAX_DEPTH) return [undefined];
  const literal = LITERAL_CLASSES[value.type];
  if (literal) return [{ kind: "class", qualified: literal }];
  switch (value.type) {
    case "await":
    case "parenthesized_expression": {
      const inner = value.namedChildren.find((c) => c && c.type !== "comment");
      return inner ? valueTypes(ctx, inner, depth + 1, seen) : [undefined];
    }
    case "list":
    case "list_comprehension":
      return [{ kind: "container", family: "sequence", args: [] }];
    case "call":
      return [callType(ctx, value, depth)];
    case "identifier":
      return (ctx.bindings(value.text, value) ?? [undefined]).flatMap((b) =>
        b ? bindingTypes(ctx, b, depth, seen) : [undefined],
      );
    default:
      return [undefined];
  }
}

/** A constructor call, or a call of a function whose return annotation says what it gives. */
function callType(ctx: RuleContext, call: Node, depth: number): TypeInfo | undefined {
  const inferred = inferClass(ctx, call);
  if (inferred?.instance)
    return { kind: "class", qualified: inferred.qualified, definition: inferred.definition };
  const fn = call.childForFieldName("function")!;
  const q = ctx.qualifiedName(fn);
  if (!q) return undefined;
  const family = CONTAINER_FAMILIES.get(q);
  if (family) return { kind: "container", family, args: [] };
  if (q.startsWith("builtins.") && /^builtins\.(str|int|float|bool|bytes)$/.test(q))
    return { kind: "class", qualified: q };
  if (ctx.index.isClass(q)) return { kind: "class", qualified: ctx.index.canonical(q) };
  // A function of this module: its return annotation, containers included.
  const found = fn.type === "identifier" ? ctx.bindings(fn.text, fn) : undefined;
  const returns =
    found?.length === 1 && found[0]!.kind === "function"
      ? found[0]!.statement.childForFieldName("return_type")
      : undefined;
  if (returns) return annotationType(ctx, returns, depth + 1);
  const returned = ctx.index.returnTypeOf(q);
  return returned ? { kind: "class", qualified: ctx.index.canonical(returned) } : undefined;
}

/** What a binding of a returned name holds: its annotation, its dependency, its value. */
function bindingTypes(
  ctx: RuleContext,
  b: Binding,
  depth: number,
  seen: Set<number>,
): Array<TypeInfo | undefined> {
  if (b.kind === "parameter") {
    const param = b.node.parent;
    const type = param?.childForFieldName("type");
    if (type) return [annotationType(ctx, type, depth + 1)];
    const value = param?.type === "default_parameter" ? param.childForFieldName("value") : null;
    return [value ? dependencyType(ctx, value) : undefined];
  }
  if (b.kind === "assignment" && b.statement.type === "assignment") {
    if (!b.statement.childForFieldName("left")?.equals(b.node)) return [undefined];
    const type = b.statement.childForFieldName("type");
    if (type) return [annotationType(ctx, type, depth + 1)];
    const right = b.statement.childForFieldName("right");
    // Each assignment is followed once: `x = y; y = x` and long reassignment chains stay cheap.
    if (!right || seen.has(b.statement.id)) return [undefined];
    seen.add(b.statement.id);
    return valueTypes(ctx, right, depth + 1, seen);
  }
  return [undefined];
}

/** `Depends(get_current_user)`: what the dependency returns, by the project index. */
function dependencyType(ctx: RuleContext, value: Node): TypeInfo | undefined {
  if (value.type !== "call") return undefined;
  const q = ctx.qualifiedName(value.childForFieldName("function")!);
  if (!q || !DEPENDS.has(q)) return undefined;
  const args = value.childForFieldName("arguments")!;
  const dep =
    listItems(args).find((a) => a.type !== "keyword_argument") ??
    keywordArguments(args).get("dependency")?.childForFieldName("value");
  if (!dep || (dep.type !== "identifier" && dep.type !== "attribute")) return undefined;
  const cls = inferClass(ctx, dep);
  if (cls && !cls.instance)
    return { kind: "class", qualified: cls.qualified, definition: cls.definition };
  const target = ctx.qualifiedName(dep);
  const returned = target ? ctx.index.returnTypeOf(target) : undefined;
  return returned ? { kind: "class", qualified: ctx.index.canonical(returned) } : undefined;
}

/** False only when a value of type `r` is plainly no `x`. */
function compatible(
  ctx: RuleContext,
  r: TypeInfo | undefined,
  x: TypeInfo | undefined,
  depth: number,
): boolean {
  if (!r || !x || depth > MAX_DEPTH) return true;
  if (x.kind === "union") return x.members.some((m) => compatible(ctx, r, m, depth + 1));
  if (r.kind === "union") return r.members.every((m) => compatible(ctx, m, x, depth + 1));
  if (r.kind === "container" && x.kind === "container") {
    if (r.family !== x.family) return true;
    return r.args.every((a, i) => compatible(ctx, a, x.args[i], depth + 1));
  }
  // A class against a container: a class the code knows is not a list or a dict.
  if (r.kind === "container") return !knownClass(ctx, x as ClassInfo);
  if (x.kind === "container") return !knownClass(ctx, r);
  return compatibleClasses(ctx, r, x);
}

const isBuiltin = (c: ClassInfo): boolean => !!c.qualified?.startsWith("builtins.");
const isProjectClass = (ctx: RuleContext, c: ClassInfo): boolean =>
  !!c.definition || (!!c.qualified && ctx.index.isClass(c.qualified));
const knownClass = (ctx: RuleContext, c: ClassInfo): boolean =>
  isBuiltin(c) || isProjectClass(ctx, c);

function sameClass(ctx: RuleContext, a: ClassInfo, b: ClassInfo): boolean {
  if (a.definition && b.definition) return a.definition.equals(b.definition);
  return (
    !!a.qualified &&
    !!b.qualified &&
    ctx.index.canonical(a.qualified) === ctx.index.canonical(b.qualified)
  );
}

function kindOf(ctx: RuleContext, c: ClassInfo): ClassKind | undefined {
  if (c.definition) return ctx.classKind(c.definition);
  return c.qualified ? ctx.kindOfClassName(c.qualified) : undefined;
}

/** Numbers a builtin class stands in for: an int is a float to type checkers, a bool an int. */
const NUMERIC: Readonly<Record<string, readonly string[]>> = {
  "builtins.bool": ["builtins.int", "builtins.float"],
  "builtins.int": ["builtins.float"],
};

/**
 * False when `r` cannot be `x` or a subclass of it: a builtin against another class, a class of
 * the project that is not a Pydantic model against a model (an ORM row against its schema), a
 * library class against a class of the project, or a class of this module whose bases, followed
 * here, never reach `x`.
 */
function compatibleClasses(ctx: RuleContext, r: ClassInfo, x: ClassInfo): boolean {
  if (sameClass(ctx, r, x)) return true;
  if (isBuiltin(r) || isBuiltin(x)) {
    if (isBuiltin(r) && isBuiltin(x)) return !!NUMERIC[r.qualified!]?.includes(x.qualified!);
    return !knownClass(ctx, isBuiltin(r) ? x : r);
  }
  if (!isProjectClass(ctx, x)) return true;
  if (!isProjectClass(ctx, r)) {
    // A library's class cannot derive from the project's; a module the index did not read might.
    const root = (c: ClassInfo): string => c.qualified?.split(".")[0] ?? "";
    return !r.qualified || root(r) === root(x);
  }
  if (kindOf(ctx, x) === "model" && !kindOf(ctx, r)) return false;
  return r.definition ? reachesLocally(ctx, r.definition, x, 0) !== false : true;
}

/**
 * Whether a class of this module derives from `x`, following bases defined in this module: true,
 * false when every base is known and none leads to `x`, undefined when a base is out of sight.
 */
function reachesLocally(
  ctx: RuleContext,
  definition: Node,
  x: ClassInfo,
  depth: number,
): boolean | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const module = `${ctx.module.moduleName ?? "__main__"}.`;
  let unknown = false;
  for (const base of classBases(definition, ctx)) {
    if (!base) {
      unknown = true;
      continue;
    }
    if (sameClass(ctx, { kind: "class", qualified: base }, x)) return true;
    const local = base.startsWith(module)
      ? ctx.scopes.module.bindings.get(base.slice(module.length))
      : undefined;
    if (local?.length === 1 && local[0]!.kind === "class") {
      const r = reachesLocally(ctx, local[0]!.statement, x, depth + 1);
      if (r) return true;
      if (r === undefined) unknown = true;
    } else if ([module, x.qualified ?? ""].some((m) => m.split(".")[0] === base.split(".")[0])) {
      // A class of the project defined elsewhere: its own bases are not in sight. A library's
      // class (pydantic.BaseModel) cannot derive from the project's.
      unknown = true;
    }
  }
  return unknown ? undefined : false;
}

/** `GET /items/{item_id}`, for messages. */
function label(route: Route): string {
  const methods = route.methods.length ? route.methods.join("/") : route.kind;
  return route.path === undefined ? `${methods} route` : `${methods} ${route.path || "/"}`;
}

function keywordText(route: Route, key: string): string | undefined {
  return route.keywords.get(key)?.childForFieldName("value")?.text;
}

function hasSplat(route: Route): boolean {
  const args = route.call.childForFieldName("arguments")!;
  return listItems(args).some((a) => a.type === "list_splat" || a.type === "dictionary_splat");
}

/** A JSON response: no response_class, or one of the JSON response classes. */
function returnsJson(ctx: RuleContext, route: Route): boolean {
  const cls = route.keywords.get("response_class")?.childForFieldName("value");
  if (!cls) return true;
  const q = ctx.qualifiedName(cls);
  return !!q && /JSONResponse$/.test(q);
}

/**
 * An expression that reads the same as an annotation: a name, an attribute, or a subscript of
 * those (`list[Item]`, `Optional[schemas.User]`, `dict[str, Item]`, `Literal["a"]`).
 */
function isAnnotation(node: Node, top: boolean): boolean {
  switch (node.type) {
    case "identifier":
      return true;
    case "attribute": {
      const object = node.childForFieldName("object")!;
      return object.type === "identifier" || object.type === "attribute"
        ? isAnnotation(object, true)
        : false;
    }
    case "subscript": {
      const value = node.childForFieldName("value")!;
      if (value.type !== "identifier" && value.type !== "attribute") return false;
      const args = node.childrenForFieldName("subscript").filter((c): c is Node => !!c);
      return isAnnotation(value, true) && args.every((a) => isAnnotation(a, false));
    }
    default:
      if (top) return false;
      switch (node.type) {
        case "none":
        case "string":
        case "integer":
        case "true":
        case "false":
        case "ellipsis":
          return !node.descendantsOfType("interpolation").length;
        case "list":
          return listItems(node).every((c) => isAnnotation(c, false));
        case "binary_operator":
          return (
            node.childForFieldName("operator")?.text === "|" &&
            isAnnotation(node.childForFieldName("left")!, false) &&
            isAnnotation(node.childForFieldName("right")!, false)
          );
        default:
          return false;
      }
  }
}

/**
 * The model's names mean the same at the `def` as where the route names them. A decorator is
 * evaluated in the def's own scope, just before it; `add_api_route(...)` may come later, after
 * names the def cannot see yet.
 */
function sameMeaningAtDefinition(
  ctx: RuleContext,
  route: Route,
  model: Node,
  handler: Node,
): boolean {
  if (route.decorator) return true;
  const names = [model, ...model.descendantsOfType("identifier")].filter(
    (n): n is Node => !!n && n.type === "identifier" && isReadName(n),
  );
  return names.every((id) => {
    const here = ctx.bindings(id.text, id);
    const there = ctx.scopes.lookup(id.text, handler);
    if (!here && !there) return !!ctx.qualifiedName(id)?.startsWith("builtins.");
    if (!here || !there || here.length !== there.length) return false;
    return here.every((b, i) => b === there[i] && b.statement.endIndex <= handler.startIndex);
  });
}

/** A name that is read, not the attribute part of `a.b`. */
function isReadName(id: Node): boolean {
  const parent = id.parent;
  return !(parent?.type === "attribute" && parent.childForFieldName("attribute")?.equals(id));
}

function isDictLiteral(ctx: RuleContext, value: Node): boolean {
  if (value.type === "dictionary" || value.type === "dictionary_comprehension") return true;
  return (
    value.type === "call" &&
    ctx.qualifiedName(value.childForFieldName("function")!) === "builtins.dict"
  );
}
