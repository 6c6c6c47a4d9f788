// FF205: a route says what it returns. `response_model=X` without a return annotation gets
// `-> X`; a handler that returns nothing gets `-> None`; a route that declares neither, or that
// returns a dict literal, is reported.
import type { ModuleContext } from "../src/engine/context.js";
import { inferClass } from "../src/engine/inference.js";
import type { Node } from "../src/engine/parser.js";
import { listItems, ownReturns, returnValue, yields } from "../src/engine/syntax.js";
import type { Diagnostic, Transform } from "../src/engine/types.js";
import { isResponseValue, type Route } from "../src/project/routes.js";

/** Statuses whose response has no body (FastAPI refuses a response model on them). */
const NO_BODY = /(^|\D)(204|304)(\D|$)|NO_CONTENT|NOT_MODIFIED/;

export const routeTypes: Transform = {
  name: "route-types",
  code: "FF205",
  summary:
    "response_model=X without a return annotation -> `-> X`; routes declaring neither, or returning dict literals, reported",
  rule: "Use response_model and type hints for all function signatures, including return types",
  safety: "safe",
  levels: ["safe", "detect"],
  docs: {
    why: "The response model is what FastAPI validates, filters and documents; the return annotation is what type checkers see. Declaring both keeps them in step, and a route that declares neither, or returns a raw dict, has an undocumented, unchecked response.",
    bad: '@router.get("/items/{item_id}", response_model=Item)\nasync def read_item(item_id: int):\n    return await repo.get(item_id)\n',
    good: '@router.get("/items/{item_id}", response_model=Item)\nasync def read_item(item_id: int) -> Item:\n    return await repo.get(item_id)\n',
  },
  scope: "routes",
  prefilter: /\.(get|post|put|patch|delete|options|head|trace|api_route|add_api_route)\b/,
  query: "(module) @module",
  check(ctx: ModuleContext): Diagnostic[] {
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

function checkHandler(ctx: ModuleContext, t: Transform, routes: Route[]): Diagnostic | undefined {
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
  ctx: ModuleContext,
  t: Transform,
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
    if (values.some((v) => returnsOtherClass(ctx, v!, model))) return undefined;
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

/** A value that is plainly an instance of another class than the model (an ORM row, say). */
function returnsOtherClass(ctx: ModuleContext, value: Node, model: Node): boolean {
  const returned = inferClass(ctx, value);
  if (!returned?.instance) return false;
  const declared = inferClass(ctx, model);
  if (!declared || declared.instance) return true;
  if (returned.definition && declared.definition)
    return !returned.definition.equals(declared.definition);
  return !returned.qualified || returned.qualified !== declared.qualified;
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
function returnsJson(ctx: ModuleContext, route: Route): boolean {
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
  ctx: ModuleContext,
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

function isDictLiteral(ctx: ModuleContext, value: Node): boolean {
  if (value.type === "dictionary" || value.type === "dictionary_comprehension") return true;
  return (
    value.type === "call" &&
    ctx.qualifiedName(value.childForFieldName("function")!) === "builtins.dict"
  );
}
