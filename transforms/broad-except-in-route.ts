// FF502: a route handler that catches every exception and answers as if nothing went wrong: the
// client gets a success response for a failure, and the error never reaches the exception
// handlers (or the logs that come with them).
import type { RuleContext } from "../src/knowledge/context.js";
import type { Node } from "../src/engine/parser.js";
import { keywordArguments, listItems, ownNodes, returnValue } from "../src/engine/syntax.js";
import type { Diagnostic } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";
import { RESPONSE_CLASSES } from "../src/project/fastapi-names.js";
import { HTTP_STATUS_NAMES } from "./data/status-codes.js";

const BROAD = new Set(["builtins.Exception", "builtins.BaseException"]);

/** Response classes whose second positional argument is the status code. */
const STATUS_SECOND =
  /(^|\.)(Response|JSONResponse|HTMLResponse|PlainTextResponse|ORJSONResponse|UJSONResponse)$/;

/** `http.HTTPStatus` member names to their codes (the `fastapi.status` names without the prefix). */
const HTTP_STATUS_MEMBERS = new Map(
  Object.entries(HTTP_STATUS_NAMES).map(([code, name]) => [
    name.replace(/^HTTP_\d{3}_/, ""),
    Number(code),
  ]),
);

const LOOPS = new Set(["for_statement", "while_statement"]);

/** What a path through an except block ends in. */
type Outcome =
  { kind: "raises" | "error" | "unknown" } | { kind: "success"; node: Node } | { kind: "falls" };

export const broadExceptInRoute: Rule = {
  name: "broad-except-in-route",
  code: "FF502",
  summary: "route handler catches Exception and answers with a success response",
  rule: "Use HTTPException for expected errors and let exception handlers answer the rest; never swallow exceptions in route handlers",
  gives: ["detect"],
  docs: {
    why: "`except Exception` in a handler that then returns a value (or logs and carries on) turns every failure, bugs included, into a success response: the client cannot tell it failed, and the app's exception handlers, error logging and 500 never see it. Catch the exceptions you expect and raise HTTPException with a 4xx/5xx status for them; let anything else reach the exception handlers.",
    bad: 'from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n@router.post("/orders")\nasync def create_order(order: OrderIn):\n    try:\n        return await orders.create(order)\n    except Exception as exc:\n        return {"error": str(exc)}\n',
    good: 'from fastapi import APIRouter, HTTPException, status\n\nrouter = APIRouter()\n\n\n@router.post("/orders")\nasync def create_order(order: OrderIn):\n    try:\n        return await orders.create(order)\n    except OutOfStock as exc:\n        raise HTTPException(status.HTTP_409_CONFLICT, detail=str(exc)) from exc\n',
  },
  scope: "routes",
  // `except Exception`, `except BaseException`, `except (…, Exception)` or a bare `except:`.
  prefilter: /\bexcept\b[^:]*Exception\b|\bexcept\s*:/,
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    const seen = new Set<number>();
    for (const route of ctx.routes()) {
      // A websocket has no response to get wrong.
      if (route.kind === "websocket") continue;
      const handler = route.handler;
      if (seen.has(handler.startIndex)) continue;
      seen.add(handler.startIndex);
      const name = handler.childForFieldName("name")!.text;
      const body = handler.childForFieldName("body")!;
      for (const tryNode of ownNodes(body, (n) => n.type === "try_statement")) {
        for (const clause of tryNode.namedChildren) {
          if (clause?.type !== "except_clause") continue;
          const caught = broadCatch(ctx, clause);
          if (!caught) continue;
          const block = clause.namedChildren.find((c) => c?.type === "block");
          if (!block) continue;
          // `response.status_code = 500` on the injected Response: the error status is set.
          if (setsStatus(block)) continue;
          const alias = aliasOf(clause);
          const outcomes = outcomesOf(ctx, block, alias);
          const success = outcomes.find((o) => o.kind === "success");
          let what: string | undefined;
          if (success) what = "returns a success value";
          else if (
            outcomes.some((o) => o.kind === "falls") &&
            fallsIntoSuccess(ctx, tryNode, handler)
          )
            what = "swallows the error and carries on";
          if (!what) continue;
          const value = clause.childForFieldName("value");
          const end = value ? value.endIndex : clause.startIndex + "except".length;
          out.push(
            ctx.diagnostic(
              this,
              { startIndex: clause.startIndex, endIndex: end },
              `\`${caught}\` in route handler \`${name}\` ${what}: the client gets a success response for a failure; catch the specific exception, or raise HTTPException (or let the exception handler answer)`,
            ),
          );
        }
      }
    }
    return out;
  },
};

/** The text to name a broad catch by (`except Exception`, `except:`), or undefined. */
function broadCatch(ctx: RuleContext, clause: Node): string | undefined {
  // `except* Exception` splits exception groups; leave it to people.
  if (clause.children.some((c) => c?.type === "*")) return undefined;
  let value = clause.childForFieldName("value");
  if (!value) return "except:";
  if (value.type === "as_pattern") value = value.namedChildren[0] ?? value;
  const types =
    value.type === "tuple" || value.type === "parenthesized_expression"
      ? value.namedChildren.filter((c): c is Node => !!c && c.type !== "comment")
      : [value];
  const broad = types.find((t) => BROAD.has(ctx.qualifiedName(t) ?? ""));
  return broad ? `except ${broad.text}` : undefined;
}

/** The name the clause binds the exception to (`except Exception as exc`). */
function aliasOf(clause: Node): string | undefined {
  const value = clause.childForFieldName("value");
  if (value?.type !== "as_pattern") return undefined;
  const target = value.childForFieldName("alias");
  return target?.namedChildren[0]?.type === "identifier" ? target.namedChildren[0].text : undefined;
}

/** `x.status_code = ...` somewhere in the block. */
function setsStatus(block: Node): boolean {
  return (
    ownNodes(block, (n) => {
      if (n.type !== "assignment") return false;
      const left = n.childForFieldName("left");
      return (
        left?.type === "attribute" && left.childForFieldName("attribute")?.text === "status_code"
      );
    }).length > 0
  );
}

/** How the paths through a block end: a raise, a return (by what it returns), or falling off. */
function outcomesOf(ctx: RuleContext, block: Node, alias: string | undefined): Outcome[] {
  const out: Outcome[] = [];
  for (const statement of block.namedChildren) {
    if (!statement || statement.type === "comment") continue;
    if (statement.type === "raise_statement" || alwaysRaises(ctx, statement))
      return [...out, { kind: "raises" }];
    if (statement.type === "return_statement") return [...out, returned(ctx, statement, alias)];
    if (statement.type === "if_statement") {
      const branches = [
        statement.childForFieldName("consequence"),
        ...statement.namedChildren
          .filter((c) => c?.type === "elif_clause" || c?.type === "else_clause")
          .map((c) => c!.childForFieldName("consequence") ?? c!.childForFieldName("body")),
      ].filter((b): b is Node => !!b);
      const hasElse = statement.namedChildren.some((c) => c?.type === "else_clause");
      const inner = branches.flatMap((b) => outcomesOf(ctx, b, alias));
      out.push(...inner.filter((o) => o.kind !== "falls"));
      if (hasElse && !inner.some((o) => o.kind === "falls")) return out;
      continue;
    }
    if (statement.type === "with_statement") {
      const inner = outcomesOf(ctx, statement.childForFieldName("body")!, alias);
      out.push(...inner.filter((o) => o.kind !== "falls"));
      if (!inner.some((o) => o.kind === "falls")) return out;
      continue;
    }
    // Loops, nested try and match: their returns count, and they may fall through.
    for (const r of ownNodes(statement, (n) => n.type === "return_statement"))
      out.push(returned(ctx, r, alias));
    // `continue` / `break` hand control back to a loop around the try: like falling off.
  }
  return [...out, { kind: "falls" }];
}

/** How deep alwaysRaises() is looking through helpers calling helpers. */
let helperDepth = 0;

/**
 * `raise_api_error(exc)`: a call to a function of this module whose every path raises (the
 * helper some apps raise their HTTPException through).
 */
function alwaysRaises(ctx: RuleContext, statement: Node): boolean {
  if (statement.type !== "expression_statement") return false;
  let call = statement.namedChildren[0];
  if (call?.type === "await") call = call.namedChildren[0];
  if (call?.type !== "call") return false;
  const fn = call.childForFieldName("function");
  if (fn?.type !== "identifier") return false;
  const found = ctx.bindings(fn.text, fn);
  if (found?.length !== 1 || found[0]!.kind !== "function") return false;
  const body = found[0]!.statement.childForFieldName("body");
  if (!body || (body.startIndex <= statement.startIndex && statement.endIndex <= body.endIndex))
    return false;
  if (helperDepth >= 3) return false;
  helperDepth++;
  try {
    return outcomesOf(ctx, body, undefined).every((o) => o.kind === "raises");
  } finally {
    helperDepth--;
  }
}

/** What a `return` in the except block answers with. */
function returned(ctx: RuleContext, statement: Node, alias: string | undefined): Outcome {
  const value = returnValue(statement);
  if (!value) return { kind: "success", node: statement };
  const kind = answer(ctx, value, alias, 0);
  return kind === "success" ? { kind, node: statement } : { kind };
}

/**
 * What a returned expression answers with: a success value, an error response (status >= 400),
 * or unknown (a status that is not a constant, a redirect, a helper handed the exception).
 */
function answer(
  ctx: RuleContext,
  expr: Node,
  alias: string | undefined,
  depth: number,
): "success" | "error" | "unknown" {
  let value = expr;
  while (value.type === "await" || value.type === "parenthesized_expression") {
    const inner: Node | undefined =
      value.namedChildren.find((c) => !!c && c.type !== "comment") ?? undefined;
    if (!inner) break;
    value = inner;
  }
  if (value.type === "identifier") {
    // `response = JSONResponse(..., status_code=500)` ... `return response`.
    const found = ctx.bindings(value.text, value) ?? [];
    const built = found.map((b) =>
      b.statement.type === "assignment" &&
      b.statement.childForFieldName("left")?.equals(b.node) &&
      depth < 3
        ? b.statement.childForFieldName("right")
        : null,
    );
    if (!built.length || built.some((r) => !r)) return "success";
    const kinds = new Set(built.map((r) => answer(ctx, r!, alias, depth + 1)));
    return kinds.size === 1 ? [...kinds][0]! : "unknown";
  }
  if (value.type !== "call") return "success";
  const fn = value.childForFieldName("function")!;
  const args = value.childForFieldName("arguments");
  const items = args?.type === "argument_list" ? listItems(args) : [];
  const keywords =
    args?.type === "argument_list" ? keywordArguments(args) : new Map<string, Node>();
  const q = ctx.qualifiedName(fn);
  let status = keywords.get("status_code")?.childForFieldName("value");
  if (!status && q && RESPONSE_CLASSES.has(q) && STATUS_SECOND.test(q))
    status = items.filter((a) => a.type !== "keyword_argument")[1];
  if (status) {
    const code = statusCode(ctx, status);
    if (code === undefined || (code >= 300 && code < 400)) return "unknown";
    return code >= 400 ? "error" : "success";
  }
  if (items.some((a) => a.type === "dictionary_splat" || a.type === "list_splat")) return "unknown";
  // A redirect (307 by default) sends the browser elsewhere, not a success answer.
  if (q && RESPONSE_CLASSES.has(q)) return /RedirectResponse$/.test(q) ? "unknown" : "success";
  // A helper handed the exception (`return error_response(exc)`) may well build an error answer.
  if (alias && mentions(value, alias)) return "unknown";
  return "success";
}

/** The status code an expression certainly stands for: a literal or a resolved constant. */
function statusCode(ctx: RuleContext, node: Node): number | undefined {
  if (node.type === "integer") return /^\d+$/.test(node.text) ? Number(node.text) : undefined;
  if (node.type !== "attribute" && node.type !== "identifier") return undefined;
  const q = ctx.qualifiedName(node) ?? "";
  const constant = /^(?:fastapi|starlette)\.status\.HTTP_(\d{3})_\w+$/.exec(q);
  if (constant) return Number(constant[1]);
  const member = /^http\.HTTPStatus\.(\w+)$/.exec(q);
  return member ? HTTP_STATUS_MEMBERS.get(member[1]!) : undefined;
}

function mentions(node: Node, name: string): boolean {
  return ownNodes(node, (n) => n.type === "identifier" && n.text === name).length > 0;
}

/**
 * True when falling off the except block leads to a success answer: not inside a loop (a retry
 * or a batch that keeps going), and not followed by a `raise` or an error return.
 */
function fallsIntoSuccess(ctx: RuleContext, tryNode: Node, handler: Node): boolean {
  for (let p = tryNode.parent; p && !p.equals(handler); p = p.parent) {
    if (LOOPS.has(p.type)) return false;
  }
  let next = tryNode.nextNamedSibling;
  while (next?.type === "comment") next = next.nextNamedSibling;
  if (!next) return true;
  if (next.type === "raise_statement") return false;
  if (next.type === "return_statement") {
    const kind = returned(ctx, next, undefined).kind;
    return kind === "success";
  }
  return true;
}
