// FastAPI routes of a module: functions decorated with `<app or router>.<method>(...)` or
// registered with `<app or router>.add_api_route(path, endpoint, ...)`, the app or router being
// resolved through the project index (never guessed from its name).
import type { RuleContext } from "./context.js";
import type { Node } from "../engine/parser.js";
import { keywordArguments, listItems, literalString } from "../engine/syntax.js";

// Transforms read literal strings through this module; the helper itself is syntax.
export { literalString };
import { RESPONSE_CLASSES, ROUTE_DECORATORS } from "../project/fastapi-names.js";

export interface Route {
  /** The handler's `function_definition`. */
  handler: Node;
  /** The `<router>.<method>(...)` call (the decorator's, or `add_api_route`'s). */
  call: Node;
  /** The decorator node, absent for `add_api_route`. */
  decorator?: Node;
  /** The app or router object expression. */
  router: Node;
  /** The decorator or method name: get, post, ..., api_route, websocket, add_api_route. */
  kind: string;
  /** HTTP methods in upper case (from the decorator name, or a literal `methods=[...]`). */
  methods: string[];
  /** The path, when it is a plain string literal. */
  path?: string;
  keywords: Map<string, Node>;
}

export const ROUTES_QUERY = `
(decorated_definition
  (decorator (call function: (attribute object: (_) @router attribute: (identifier) @kind) arguments: (argument_list) @args) @call) @decorator
  definition: (function_definition) @handler)
(call function: (attribute object: (_) @router attribute: (identifier) @kind (#eq? @kind "add_api_route")) arguments: (argument_list) @args) @call
`;

function methodsOf(kind: string, keywords: Map<string, Node>): string[] {
  if (kind !== "api_route" && kind !== "add_api_route")
    return kind === "websocket" ? [] : [kind.toUpperCase()];
  const list = keywords.get("methods")?.childForFieldName("value");
  if (!list) return ["GET"];
  return listItems(list)
    .map((m) => literalString(m)?.toUpperCase())
    .filter((m): m is string => !!m);
}

/** Every route of the module, in source order. */
export function findRoutes(ctx: RuleContext): Route[] {
  const out: Route[] = [];
  for (const m of ctx.captures(ROUTES_QUERY)) {
    const get = m.get;
    const router = get("router")!;
    const kind = get("kind")!.text;
    const args = get("args")!;
    if (m.pattern === 0 && !ROUTE_DECORATORS.has(kind)) continue;
    if (!ctx.isAppOrRouter(router)) continue;
    const keywords = keywordArguments(args);
    const positional = listItems(args).filter((a) => a.type !== "keyword_argument");
    let handler = get("handler");
    let pathNode = positional[0] ?? keywords.get("path")?.childForFieldName("value");
    if (m.pattern === 1) {
      const endpoint = positional[1] ?? keywords.get("endpoint")?.childForFieldName("value");
      const found =
        endpoint?.type === "identifier" ? ctx.bindings(endpoint.text, endpoint) : undefined;
      if (found?.length !== 1 || found[0]!.kind !== "function") continue;
      handler = found[0]!.statement;
      pathNode = positional[0] ?? keywords.get("path")?.childForFieldName("value");
    }
    out.push({
      handler: handler!,
      call: get("call")!,
      decorator: get("decorator"),
      router,
      kind,
      methods: methodsOf(kind, keywords),
      path: literalString(pathNode),
      keywords,
    });
  }
  return out.sort((a, b) => a.call.startIndex - b.call.startIndex);
}

/** `X(...)` with X a Response class, or a name assigned one. */
export function isResponseValue(ctx: RuleContext, value: Node | null | undefined): boolean {
  if (!value) return false;
  if (value.type === "call") {
    const q = ctx.qualifiedName(value.childForFieldName("function")!);
    return !!q && RESPONSE_CLASSES.has(q);
  }
  if (value.type !== "identifier") return false;
  const found = ctx.bindings(value.text, value) ?? [];
  return found.some((b) => {
    if (b.statement.type !== "assignment") return false;
    const right = b.statement.childForFieldName("right");
    return right?.type === "call" && isResponseValue(ctx, right);
  });
}
