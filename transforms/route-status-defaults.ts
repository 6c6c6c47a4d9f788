// FF204: a POST that creates something answers 201 Created, a DELETE that returns nothing answers
// 204 No Content. Both change what clients see, so the fix is unsafe.
import type { ModuleContext } from "../src/engine/context.js";
import type { Node } from "../src/engine/parser.js";
import {
  appendArgument,
  listItems,
  ownReturns,
  returnValue,
  yields,
} from "../src/engine/syntax.js";
import type { Diagnostic, Transform } from "../src/engine/types.js";
import { RESPONSE_CLASSES } from "../src/project/fastapi-names.js";
import { isResponseValue, type Route } from "../src/project/routes.js";
import { ensureStatus } from "../src/project/status-import.js";

/**
 * Verbs that make a path (its last segment) or a handler (the first word of its name) an action
 * rather than the creation or deletion of a resource: `/login`, `/token`, `/items/search`,
 * `/reset-password`, `def send_invoice`. Plural nouns (`/tokens`, `/searches`) are collections.
 */
const ACTION_WORDS: ReadonlySet<string> = new Set([
  // authentication and sessions
  "login",
  "logout",
  "logon",
  "logoff",
  "signin",
  "signout",
  "signup",
  "register",
  "token",
  "refresh",
  "revoke",
  "authorize",
  "authenticate",
  "auth",
  "oauth",
  "callback",
  "verify",
  "confirm",
  "validate",
  "reset",
  "forgot",
  "change",
  "activate",
  "deactivate",
  "enable",
  "disable",
  "impersonate",
  "mfa",
  "otp",
  "totp",
  "2fa",
  // reading through a POST
  "search",
  "query",
  "filter",
  "find",
  "lookup",
  "count",
  "check",
  "exists",
  "preview",
  "export",
  "download",
  "graphql",
  "rpc",
  "batch",
  "bulk",
  // doing something to what exists
  "update",
  "edit",
  "modify",
  "set",
  "mark",
  "unmark",
  "favorite",
  "unfavorite",
  "sum",
  "action",
  "actions",
  "command",
  "commands",
  "interaction",
  "interactions",
  "hook",
  "hooks",
  "webhooks",
  "send",
  "resend",
  "notify",
  "publish",
  "unpublish",
  "subscribe",
  "unsubscribe",
  "approve",
  "reject",
  "cancel",
  "accept",
  "decline",
  "archive",
  "unarchive",
  "restore",
  "retry",
  "run",
  "execute",
  "start",
  "stop",
  "restart",
  "pause",
  "resume",
  "trigger",
  "process",
  "sync",
  "import",
  "upload",
  "calculate",
  "compute",
  "convert",
  "render",
  "generate",
  "predict",
  "estimate",
  "analyze",
  "analyse",
  "classify",
  "summarize",
  "translate",
  "transcribe",
  "evaluate",
  "test",
  "ping",
  "echo",
  "webhook",
  "invite",
  "join",
  "leave",
  "follow",
  "unfollow",
  "like",
  "unlike",
  "vote",
  "share",
  "lock",
  "unlock",
  "close",
  "open",
  "reopen",
  "merge",
  "checkout",
  "pay",
  "charge",
  "refund",
  "clone",
  "copy",
  "move",
  "rename",
  "reorder",
  "sort",
  "assign",
  "unassign",
  "apply",
  "submit",
  "complete",
  "clear",
  "flush",
  "purge",
]);

export const routeStatusDefaults: Transform = {
  name: "route-status-defaults",
  code: "FF204",
  summary:
    "POST routes that create -> status_code=201 Created, DELETE routes returning nothing -> 204 No Content",
  rule: "Return 201 Created for successful POST requests and 204 No Content for successful DELETE requests",
  safety: "unsafe",
  // 201 and 204 are what clients see: an API decision, never part of a default migration.
  optIn: true,
  docs: {
    why: "Without status_code every route answers 200 OK. 201 tells the client that something was created, 204 that a deletion succeeded and there is no body to read. Clients and tests that expect 200 must follow, so the fix is unsafe.",
    bad: '@router.post("/items", response_model=Item)\nasync def create_item(item: ItemIn): ...\n\n\n@router.delete("/items/{item_id}")\nasync def delete_item(item_id: int):\n    await repo.delete(item_id)\n',
    good: '@router.post("/items", response_model=Item, status_code=status.HTTP_201_CREATED)\nasync def create_item(item: ItemIn): ...\n\n\n@router.delete("/items/{item_id}", status_code=status.HTTP_204_NO_CONTENT)\nasync def delete_item(item_id: int):\n    await repo.delete(item_id)\n',
  },
  scope: "routes",
  prefilter: /\b(post|delete|api_route|add_api_route)\b/,
  query: "(module) @module",
  check(ctx: ModuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const route of ctx.routes()) {
      const method = singleMethod(route);
      if (method !== "POST" && method !== "DELETE") continue;
      const args = route.call.childForFieldName("arguments")!;
      if (!plainArguments(route, args) || isAction(ctx, route)) continue;
      if (route.keywords.has("response_class") || mayShapeResponse(ctx, route.handler)) continue;
      const returns = ownReturns(route.handler.childForFieldName("body")!);
      if (returns.some((r) => isResponseValue(ctx, returnValue(r)))) continue;
      let code: string;
      let message: string;
      if (method === "POST") {
        // A create endpoint gives back what it created; a POST that returns nothing does something.
        if (returnsNothing(returns)) continue;
        code = "HTTP_201_CREATED";
        message = `POST ${route.path || "/"} creates a resource: answer 201 Created (status_code=status.${code})`;
      } else {
        if (!returnsNothing(returns)) continue;
        // FastAPI refuses a response model on a status that has no body.
        const model = route.keywords.get("response_model")?.childForFieldName("value");
        if (model && model.type !== "none") continue;
        const annotation = route.handler.childForFieldName("return_type");
        if (annotation && annotation.text !== "None") continue;
        code = "HTTP_204_NO_CONTENT";
        message = `DELETE ${route.path || "/"} returns nothing: answer 204 No Content (status_code=status.${code})`;
      }
      const status = ensureStatus(ctx, route.call);
      if (!status.ok) {
        out.push(ctx.diagnostic(this, route.call, `${message} (${status.reason})`));
        continue;
      }
      out.push(
        ctx.diagnostic(this, route.call, message, {
          title: `Add status_code=${status.expr}.${code}`,
          safety: "unsafe",
          edits: appendArgument(
            ctx.source,
            ctx.stylist.newline,
            args,
            `status_code=${status.expr}.${code}`,
          ),
          imports: status.requirement ? [status.requirement] : [],
        }),
      );
    }
    return out;
  },
};

/** The one method a route answers, from `post`/`delete` or a literal `methods=[...]` of one. */
function singleMethod(route: Route): string | undefined {
  if (route.kind === "post" || route.kind === "delete") return route.kind.toUpperCase();
  if (route.kind !== "api_route" && route.kind !== "add_api_route") return undefined;
  const list = route.keywords.get("methods")?.childForFieldName("value");
  if (!list || (list.type !== "list" && list.type !== "tuple" && list.type !== "set"))
    return undefined;
  const items = listItems(list);
  return items.length === 1 && route.methods.length === 1 ? route.methods[0] : undefined;
}

/** No status_code yet, a literal path, and no `*args` / `**kwargs` that could carry either. */
function plainArguments(route: Route, args: Node): boolean {
  if (route.keywords.has("status_code") || route.path === undefined) return false;
  return !listItems(args).some((a) => a.type === "list_splat" || a.type === "dictionary_splat");
}

/** Splits `resetPassword`, `reset-password`, `reset_password` into lower-case words. */
function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * An action endpoint: its last path segment (or the router's prefix, for a route at the router's
 * root) holds an action word or an `:action` suffix, or the handler's name starts with one. A
 * POST whose last segment is a path parameter acts on an existing resource and counts as one.
 */
function isAction(ctx: ModuleContext, route: Route): boolean {
  const name = route.handler.childForFieldName("name")!.text;
  if (ACTION_WORDS.has(words(name)[0] ?? "")) return true;
  let segments = route.path!.split("/").filter(Boolean);
  if (!segments.length)
    segments = (routerPrefix(ctx, route.router) ?? "").split("/").filter(Boolean);
  const last = segments[segments.length - 1];
  if (!last) return false;
  if (last.includes(":")) return true;
  if (/^\{.*\}$/.test(last)) return route.methods.includes("POST");
  return words(last).some((w) => ACTION_WORDS.has(w));
}

/** The literal `prefix=` of a router built in this module, if that is what `router` is. */
function routerPrefix(ctx: ModuleContext, router: Node): string | undefined {
  if (router.type !== "identifier") return undefined;
  const found = ctx.bindings(router.text, router);
  if (found?.length !== 1 || found[0]!.statement.type !== "assignment") return undefined;
  const build = found[0]!.statement.childForFieldName("right");
  if (build?.type !== "call") return undefined;
  for (const arg of listItems(build.childForFieldName("arguments")!)) {
    if (arg.type !== "keyword_argument" || arg.childForFieldName("name")!.text !== "prefix")
      continue;
    const value = arg.childForFieldName("value")!;
    const content = value.namedChildren.filter((c) => c?.type === "string_content");
    return value.type === "string" && content.length <= 1 ? (content[0]?.text ?? "") : undefined;
  }
  return undefined;
}

/** A Response class by its qualified name (`fastapi.Response`, `fastapi.responses.JSONResponse`, ...). */
function isResponseClass(q: string | undefined): boolean {
  return !!q && RESPONSE_CLASSES.has(q);
}

/**
 * A handler that takes a Response (to set its status) or a Request-level object that can, or that
 * is a generator: its status is not the decorator's to decide.
 */
function mayShapeResponse(ctx: ModuleContext, handler: Node): boolean {
  for (const param of listItems(handler.childForFieldName("parameters")!)) {
    const type = param.childForFieldName("type");
    const expr = type?.namedChildren[0];
    if (expr && isResponseClass(ctx.qualifiedName(expr))) return true;
  }
  return yields(handler.childForFieldName("body")!);
}

/** Only bare `return` / `return None`, or none at all. */
function returnsNothing(returns: Node[]): boolean {
  return returns.every((r) => {
    const value = returnValue(r);
    return !value || value.type === "none";
  });
}
