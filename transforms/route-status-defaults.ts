// FF204: a POST that creates something answers 201 Created, a DELETE that returns nothing answers
// 204 No Content. Both change what clients see: the fix is unsafe and the rule opt-in. A POST
// counts as a creation only on plain evidence (a collection path, model instances returned),
// since a wrong 201 breaks clients as surely as a missing one.
import type { RuleContext } from "../src/knowledge/context.js";
import { inferClass, type InferredClass } from "../src/knowledge/inference.js";
import type { Node } from "../src/engine/parser.js";
import {
  appendArgument,
  listItems,
  ownReturns,
  returnValue,
  yields,
} from "../src/engine/syntax.js";
import type { Diagnostic } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";
import { RESPONSE_CLASSES } from "../src/project/fastapi-names.js";
import { isResponseValue, type Route } from "../src/knowledge/routes.js";
import { ensureStatus } from "../src/knowledge/status-import.js";
import { classBases } from "../src/project/summary.js";

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
  // seen on real POST routes that create nothing
  "take",
  "claim",
  "release",
  "deploy",
  "undeploy",
  "invoke",
  "call",
  "acknowledge",
  "ack",
  "resolve",
  "escalate",
  "snooze",
  "dismiss",
  "mute",
  "unmute",
  "rerun",
  "rebuild",
  "reindex",
  "scan",
  "backup",
  "migrate",
  "ingest",
  "link",
  "unlink",
  "attach",
  "detach",
  "clean",
  "cleanup",
  "seed",
  "parse",
  "scrape",
  "crawl",
  "fetch",
  "reload",
  "rollback",
  "delete",
  "remove",
  "destroy",
  "drop",
]);

/** Words of a DELETE route's own method: `def delete_item` deletes, it is no action. */
const DELETE_WORDS: ReadonlySet<string> = new Set(["delete", "remove", "destroy", "drop"]);

/** Plurals without a final s, and plurals in -us. */
const IRREGULAR_PLURALS: ReadonlySet<string> = new Set([
  "people",
  "children",
  "men",
  "women",
  "mice",
  "geese",
  "criteria",
  "indices",
  "vertices",
  "matrices",
  "menus",
]);

/** Singular nouns in -s, and plurals that name a result or a setting rather than a collection. */
const NOT_COLLECTIONS: ReadonlySet<string> = new Set([
  "alias",
  "atlas",
  "bias",
  "canvas",
  "gas",
  "lens",
  "news",
  "series",
  "species",
  "settings",
  "preferences",
  "options",
  "credentials",
  "permissions",
  "details",
  "stats",
  "statistics",
  "metrics",
  "analytics",
  "results",
  "suggestions",
  "recommendations",
  "predictions",
  "completions",
  "embeddings",
  "moderations",
  "transcriptions",
  "translations",
]);

export const routeStatusDefaults: Rule = {
  name: "route-status-defaults",
  code: "FF204",
  summary:
    "POST routes that create -> status_code=201 Created, DELETE routes returning nothing -> 204 No Content",
  rule: "Return 201 Created for successful POST requests and 204 No Content for successful DELETE requests",
  gives: ["unsafe", "detect"],
  // 201 and 204 are what clients see: an API decision, never part of a default migration.
  optIn: true,
  docs: {
    why: "Without status_code every route answers 200 OK. 201 tells the client that something was created, 204 that a deletion succeeded and there is no body to read. Clients and tests that expect 200 must follow, so the fix is unsafe, and the rule runs only when named (-t route-status-defaults).",
    bad: '@router.post("/items", response_model=Item)\nasync def create_item(item: ItemIn):\n    return Item(**item.model_dump())\n\n\n@router.delete("/items/{item_id}")\nasync def delete_item(item_id: int):\n    await repo.delete(item_id)\n',
    good: '@router.post("/items", response_model=Item, status_code=status.HTTP_201_CREATED)\nasync def create_item(item: ItemIn):\n    return Item(**item.model_dump())\n\n\n@router.delete("/items/{item_id}", status_code=status.HTTP_204_NO_CONTENT)\nasync def delete_item(item_id: int):\n    await repo.delete(item_id)\n',
  },
  scope: "routes",
  prefilter: /\b(post|delete|api_route|add_api_route)\b/,
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const route of ctx.routes()) {
      const method = singleMethod(route);
      if (method !== "POST" && method !== "DELETE") continue;
      const args = route.call.childForFieldName("arguments")!;
      if (!plainArguments(route, args) || statusIsSettled(ctx, route)) continue;
      const segments = pathSegments(ctx, route);
      if (isAction(route, method, segments)) continue;
      const values = ownReturns(route.handler.childForFieldName("body")!).map(returnValue);
      if (values.some((v) => !!v && isResponse(ctx, v))) continue;
      let code: string;
      let message: string;
      if (method === "POST") {
        if (!endsInCollection(segments) || !returnsModels(ctx, route, values)) continue;
        code = "HTTP_201_CREATED";
        message = `POST ${route.path || "/"} creates a resource: answer 201 Created (status_code=status.${code})`;
      } else {
        if (!values.every((v) => !v || v.type === "none")) continue;
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

/**
 * The status is someone else's to decide: a `response_class`, a handler that takes a `Response`
 * (to set the status itself) or streams (`yield`), or a route that documents its 200 answer
 * (`responses={200: ...}`, or "200" in its description or docstring).
 */
function statusIsSettled(ctx: RuleContext, route: Route): boolean {
  if (route.keywords.has("response_class")) return true;
  const handler = route.handler;
  for (const param of listItems(handler.childForFieldName("parameters")!)) {
    const expr = param.childForFieldName("type")?.namedChildren[0];
    if (expr && RESPONSE_CLASSES.has(ctx.qualifiedName(expr) ?? "")) return true;
  }
  const body = handler.childForFieldName("body")!;
  if (yields(body)) return true;
  const responses = route.keywords.get("responses")?.childForFieldName("value");
  if (responses?.type === "dictionary") {
    for (const pair of responses.namedChildren) {
      const key = pair?.type === "pair" ? pair.childForFieldName("key") : undefined;
      if (key && /^(["']?)200\1$|HTTP_200_/.test(key.text)) return true;
    }
  }
  const description = route.keywords.get("description")?.childForFieldName("value");
  const first = body.namedChildren.find((c) => c?.type !== "comment");
  const docstring =
    first?.type === "expression_statement" && first.namedChildren[0]?.type === "string"
      ? first.namedChildren[0]
      : undefined;
  return [description, docstring].some((n) => !!n && /\b200\b/.test(n.text));
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
 * The route's path as segments, behind its router's literal `prefix=` when that is known (a
 * router built in this module, or imported from one the index read).
 */
function pathSegments(ctx: RuleContext, route: Route): string[] {
  const split = (path: string): string[] => path.split("/").filter(Boolean);
  const prefix = routerPrefix(ctx, route.router);
  return [...split(prefix ?? ""), ...split(route.path!)];
}

const isParameter = (segment: string): boolean => /^\{.*\}$/.test(segment);

/**
 * An action endpoint: a literal segment after the last path parameter holds an action word or an
 * `:action` suffix (`/users/{id}/reset-password`, `/clean/images`, `/items:batchGet`), or the
 * handler's name starts with an action word (`def send_invoice`). A POST whose last segment is a
 * path parameter acts on an existing resource and counts as one. Words that name a DELETE's own
 * method (`def delete_item`) are no action on a DELETE route.
 */
function isAction(route: Route, method: string, segments: string[]): boolean {
  const isActionWord = (w: string): boolean =>
    ACTION_WORDS.has(w) && !(method === "DELETE" && DELETE_WORDS.has(w));
  const name = route.handler.childForFieldName("name")!.text;
  if (isActionWord(words(name)[0] ?? "")) return true;
  const last = segments[segments.length - 1];
  if (last && isParameter(last)) return method === "POST";
  let from = segments.length;
  while (from > 0 && !isParameter(segments[from - 1]!)) from--;
  const tail = segments.slice(from);
  return tail.some((s) => s.includes(":") || words(s).some(isActionWord));
}

/**
 * A POST to a collection: the path (behind the router's prefix) is the root `/`, or its last
 * segment ends in a plural noun (`/items`, `/recipe-folders`, `/people`) that names a
 * collection (not `/settings`, `/stats`, `/completions`). `/status/function`, `/random` or
 * `/email` are something else.
 */
function endsInCollection(segments: string[]): boolean {
  const last = segments[segments.length - 1];
  if (last === undefined) return true;
  const word = words(last).pop() ?? "";
  if (NOT_COLLECTIONS.has(word)) return false;
  if (IRREGULAR_PLURALS.has(word)) return true;
  return word.length >= 3 && /[^s]s$/.test(word) && !/(us|is)$/.test(word);
}

/** The literal `prefix=` of the router: built in this module, or imported from the project. */
function routerPrefix(ctx: RuleContext, router: Node): string | undefined {
  if (router.type !== "identifier") return undefined;
  const found = ctx.bindings(router.text, router);
  if (found?.length !== 1) return undefined;
  const b = found[0]!;
  if ((b.kind === "import" || b.kind === "from-import") && b.qualified)
    return ctx.index.routerPrefix(b.qualified);
  if (b.statement.type !== "assignment") return undefined;
  const build = b.statement.childForFieldName("right");
  if (build?.type !== "call") return undefined;
  for (const arg of listItems(build.childForFieldName("arguments")!)) {
    if (arg.type !== "keyword_argument" || arg.childForFieldName("name")!.text !== "prefix")
      continue;
    const value = arg.childForFieldName("value")!;
    const content = value.namedChildren.filter((c) => c?.type === "string_content");
    return value.type === "string" && content.length <= 1 ? (content[0]?.text ?? "") : undefined;
  }
  return "";
}

/**
 * The class a value is plainly an instance of: what `inferClass` says (a constructor call, an
 * annotated name, `Model.model_validate(...)`), a project class built through its module
 * (`models.Item(...)`), or what a project function returns by its annotation
 * (`crud.create_user(...)` declared `-> User`), through `await` and plain assignments.
 */
function instanceOf(ctx: RuleContext, value: Node, depth = 0): InferredClass | undefined {
  if (depth > 8) return undefined;
  const inferred = inferClass(ctx, value);
  if (inferred) return inferred.instance ? inferred : undefined;
  const inner = value.namedChildren.find((c) => c && c.type !== "comment");
  if ((value.type === "await" || value.type === "parenthesized_expression") && inner)
    return instanceOf(ctx, inner, depth + 1);
  if (value.type === "call") {
    // `models.Item(...)` builds a project class; `crud.create_item(...)` returns what it declares.
    const q = ctx.qualifiedName(value.childForFieldName("function")!);
    const built = q && ctx.index.isClass(q) ? q : undefined;
    const returned = built ?? (q ? ctx.index.returnTypeOf(q) : undefined);
    return returned ? { qualified: ctx.index.canonical(returned), instance: true } : undefined;
  }
  if (value.type !== "identifier") return undefined;
  let result: InferredClass | undefined;
  for (const b of ctx.bindings(value.text, value) ?? []) {
    const statement = b.statement;
    if (b.kind !== "assignment" || statement.type !== "assignment") return undefined;
    const right = statement.childForFieldName("right");
    if (!statement.childForFieldName("left")?.equals(b.node) || !right) return undefined;
    const one = instanceOf(ctx, right, depth + 1);
    if (!one?.qualified || (result && result.qualified !== one.qualified)) return undefined;
    result = one;
  }
  return result;
}

/** A Response class: Starlette's or FastAPI's, or a class of this module built on one. */
function isResponseClass(ctx: RuleContext, cls: InferredClass, depth = 0): boolean {
  const q = cls.qualified ?? "";
  if (RESPONSE_CLASSES.has(q) || /^(starlette|fastapi)\.(responses|templating)\./.test(q))
    return true;
  const kind = cls.definition ? ctx.classKind(cls.definition) : ctx.kindOfClassName(q);
  const name = cls.definition?.childForFieldName("name")?.text ?? q.split(".").pop() ?? "";
  if (!kind && /Response$/.test(name)) return true;
  if (!cls.definition || depth > 8) return false;
  return classBases(cls.definition, ctx).some((base) => {
    if (!base) return false;
    const local = ctx.scopes.module.bindings.get(base.split(".").pop()!);
    const definition =
      base.startsWith(`${ctx.module.moduleName ?? "__main__"}.`) && local?.length === 1
        ? local[0]!.statement
        : undefined;
    return isResponseClass(ctx, { qualified: base, definition, instance: false }, depth + 1);
  });
}

/** A returned Response (any class built on one, or a name assigned one): it sets the status. */
function isResponse(ctx: RuleContext, value: Node): boolean {
  if (isResponseValue(ctx, value)) return true;
  const cls = instanceOf(ctx, value);
  return !!cls && isResponseClass(ctx, cls);
}

/**
 * Every value the handler returns is a model instance: of a Pydantic model, or of another class
 * of the project (an ORM row) when the route declares the model its response goes through
 * (`response_model=` or a return annotation). A handler returning nothing, a dict, or values
 * whose class the code does not say, proves no creation.
 */
function returnsModels(ctx: RuleContext, route: Route, values: Array<Node | undefined>): boolean {
  const returned = values.filter((v): v is Node => !!v && v.type !== "none");
  if (!returned.length) return false;
  const model = route.keywords.get("response_model")?.childForFieldName("value");
  const declared =
    (!!model && model.type !== "none") || !!route.handler.childForFieldName("return_type");
  return returned.every((value) => {
    const cls = instanceOf(ctx, value);
    if (!cls || isResponseClass(ctx, cls)) return false;
    const kind = cls.definition
      ? ctx.classKind(cls.definition)
      : ctx.kindOfClassName(cls.qualified!);
    if (kind) return kind === "model";
    const projectClass = !!cls.definition || ctx.index.isClass(cls.qualified!);
    return declared && projectClass;
  });
}
