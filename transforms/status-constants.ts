// FF201: status codes as named constants (`status.HTTP_404_NOT_FOUND`) instead of bare numbers.
import type { RuleContext } from "../src/knowledge/context.js";
import type { Node } from "../src/engine/parser.js";
import type { Diagnostic } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";
import {
  APP_CLASSES,
  HTTP_EXCEPTIONS,
  RESPONSE_CLASSES,
  ROUTE_DECORATORS,
  WEBSOCKET_CLASSES,
  WEBSOCKET_ERRORS,
} from "../src/project/fastapi-names.js";
import { COMPATIBLE_HTTP_NAMES, HTTP_STATUS_NAMES, WS_CLOSE_NAMES } from "./data/status-codes.js";
import { ensureStatus } from "../src/knowledge/status-import.js";

const QUERY = `
(call function: (_) @fn
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (integer) @code)))
(call function: (_) @fn arguments: (argument_list . (integer) @code))
(call function: (_) @fn arguments: (argument_list . (_) . (integer) @code))
(call function: (_) @fn
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (dictionary (pair key: (integer) @code)))))
(assignment left: (attribute object: (identifier) @obj attribute: (identifier) @attr) right: (integer) @code)
(comparison_operator (attribute attribute: (identifier) @attr) (integer) @code)
(comparison_operator (integer) @code (attribute attribute: (identifier) @attr))
(comparison_operator (attribute attribute: (identifier) @attr) [(tuple (integer) @code) (list (integer) @code) (set (integer) @code)])
`;

type Kind = "http" | "ws";

export const statusConstants: Rule = {
  name: "status-constants",
  code: "FF201",
  summary: "integer status codes -> status.HTTP_<code>_<NAME> constants from fastapi.status",
  rule: "Use status.HTTP_*_* constants instead of magic numbers",
  gives: ["safe", "detect"],
  docs: {
    why: "Named constants say what a code means, are checked by the type checker, and cannot be mistyped as a neighbouring number.",
    bad: 'raise HTTPException(404, detail="Item not found")\n',
    good: 'raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Item not found")\n',
  },
  // A WebSocket close needs a parameter annotated WebSocket; a response class may take the code
  // positionally (`JSONResponse(body, 404)`).
  prefilter: /status_code|HTTPException|responses\s*=|WebSocket|Response/,
  query: QUERY,
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    const done = new Set<number>();
    for (const m of ctx.captures(QUERY)) {
      const get = m.get;
      const code = get("code")!;
      if (done.has(code.startIndex)) continue;
      const kind = classify(ctx, m.pattern, code, get("fn"), get("kw"), get("obj"), get("attr"));
      if (!kind) continue;
      if (!/^[1-9][0-9]*$/.test(code.text)) continue;
      const number = Number(code.text);
      // "auto": the new names only where the project's Starlette has them all (0.48 and later).
      const choice = ctx.option("status-names", "auto");
      const compatible =
        kind === "http" &&
        (choice === "compatible" ||
          (choice === "auto" && ctx.declares("starlette", "0.48") !== "yes"));
      const name =
        (compatible ? COMPATIBLE_HTTP_NAMES[number] : undefined) ??
        (kind === "http" ? HTTP_STATUS_NAMES : WS_CLOSE_NAMES)[number];
      if (!name) continue;
      done.add(code.startIndex);
      const message = `use status.${name} instead of ${code.text}`;
      const status = ensureStatus(ctx, code);
      if (!status.ok) {
        out.push(ctx.diagnostic(this, code, `${message} (${status.reason})`));
        continue;
      }
      out.push(
        ctx.diagnostic(this, code, message, {
          title: `Replace ${code.text} with ${status.expr}.${name}`,
          safety: "safe",
          edits: [{ start: code.startIndex, end: code.endIndex, text: `${status.expr}.${name}` }],
          imports: status.requirement ? [status.requirement] : [],
        }),
      );
    }
    return out;
  },
};

/** Which table applies to the integer a query pattern caught, or undefined when none does. */
function classify(
  ctx: RuleContext,
  pattern: number,
  code: Node,
  fn: Node | undefined,
  kw: Node | undefined,
  obj: Node | undefined,
  attr: Node | undefined,
): Kind | undefined {
  switch (pattern) {
    case 0: {
      if (kw?.text === "code") return isWebSocketClose(ctx, fn!) ? "ws" : undefined;
      if (kw?.text !== "status_code") return undefined;
      return isRouteCall(ctx, fn!) || isHttpException(ctx, fn!) || isResponse(ctx, fn!)
        ? "http"
        : undefined;
    }
    case 1:
      if (isHttpException(ctx, fn!)) return "http";
      return isWebSocketClose(ctx, fn!) ? "ws" : undefined;
    case 2:
      return isResponse(ctx, fn!) ? "http" : undefined;
    case 3: {
      if (kw?.text !== "responses") return undefined;
      if (isRouteCall(ctx, fn!)) return "http";
      const q = ctx.qualifiedName(fn!);
      if (q && APP_CLASSES.has(q)) return "http";
      if (
        fn!.type === "attribute" &&
        fn!.childForFieldName("attribute")?.text === "include_router"
      ) {
        return ctx.isAppOrRouter(fn!.childForFieldName("object")!) ? "http" : undefined;
      }
      return undefined;
    }
    case 4:
      return attr?.text === "status_code" && isResponseValue(ctx, obj!) ? "http" : undefined;
    case 5:
    case 6:
    case 7: {
      if (attr?.text !== "status_code" || !ctx.isTestFile) return undefined;
      let comparison = code.parent!;
      while (comparison.type !== "comparison_operator") comparison = comparison.parent!;
      const operators = comparison.childrenForFieldName("operators").map((o) => o?.text);
      if (operators.length !== 1) return undefined;
      const allowed = pattern === 7 ? ["in", "not in"] : ["==", "!="];
      return allowed.includes(operators[0]!.replace(/\s+/g, " ")) ? "http" : undefined;
    }
    default:
      return undefined;
  }
}

function isRouteCall(ctx: RuleContext, fn: Node): boolean {
  if (fn.type !== "attribute") return false;
  const method = fn.childForFieldName("attribute")!.text;
  return (
    (ROUTE_DECORATORS.has(method) || method === "add_api_route") &&
    ctx.isAppOrRouter(fn.childForFieldName("object")!)
  );
}

function isHttpException(ctx: RuleContext, fn: Node): boolean {
  const q = ctx.qualifiedName(fn);
  return !!q && HTTP_EXCEPTIONS.has(q);
}

function isResponse(ctx: RuleContext, fn: Node): boolean {
  const q = ctx.qualifiedName(fn);
  return !!q && RESPONSE_CLASSES.has(q);
}

/** `websocket.close(code=...)` on a WebSocket parameter, or a WebSocket error class. */
function isWebSocketClose(ctx: RuleContext, fn: Node): boolean {
  const q = ctx.qualifiedName(fn);
  if (q && WEBSOCKET_ERRORS.has(q)) return true;
  if (fn.type !== "attribute" || fn.childForFieldName("attribute")?.text !== "close") return false;
  const receiver = fn.childForFieldName("object")!;
  return receiver.type === "identifier" && ctx.annotatedAs(receiver, WEBSOCKET_CLASSES);
}

/** A name bound to a Response: an annotated parameter or the result of a Response class call. */
function isResponseValue(ctx: RuleContext, node: Node): boolean {
  if (ctx.annotatedAs(node, RESPONSE_CLASSES)) return true;
  const found = ctx.bindings(node.text, node);
  return (
    !!found?.length &&
    found.every((b) => {
      if (b.kind !== "assignment" || b.statement.type !== "assignment") return false;
      const right = b.statement.childForFieldName("right");
      return right?.type === "call" && isResponse(ctx, right.childForFieldName("function")!);
    })
  );
}
