// FF207: routes outside /api/v<N> cannot change without breaking every client at once.
import type { RuleContext } from "../src/knowledge/context.js";
import type { Node } from "../src/engine/parser.js";
import { keywordArguments, listItems } from "../src/engine/syntax.js";
import { literalString } from "../src/knowledge/routes.js";
import { APP_CLASSES } from "../src/project/fastapi-names.js";
import type { Diagnostic } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";

const VERSIONED = /^\/api\/v\d+(\/|$)/;

const INCLUDES = `(call function: (attribute object: (identifier) @obj attribute: (identifier) @m (#eq? @m "include_router")) arguments: (argument_list) @args)`;
/** Operational endpoints that stay unversioned on purpose. */
const OPERATIONAL =
  /^\/(health|healthz|healthcheck|ping|ready|readyz|live|livez|status|metrics|favicon\.ico)?\/?$/;

const QUERY = `(assignment left: (identifier) @app right: (call function: (_) @fn) @build)`;

export const apiVersionPrefix: Rule = {
  name: "api-version-prefix",
  code: "FF207",
  summary: "routers and routes of an app not mounted under /api/v<N> (one report per app)",
  rule: "Version APIs with /api/v1/ prefix for backward compatibility",
  gives: ["detect"],
  docs: {
    why: "A version prefix lets a breaking change ship as /api/v2 while /api/v1 clients keep working.",
    bad: 'app.include_router(items.router, prefix="/items")\n',
    good: 'app.include_router(items.router, prefix="/api/v1/items")\n',
  },
  prefilter: /FastAPI\s*\(/,
  query: QUERY,
  queries: [INCLUDES],
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const m of ctx.captures(QUERY)) {
      const fn = m.node("fn");
      const q = ctx.qualifiedName(fn);
      if (q !== "fastapi.FastAPI" && q !== "fastapi.applications.FastAPI") continue;
      const app = m.node("app");
      if (ctx.scopeAt(app).kind !== "module") continue;
      const unversioned = unversionedPaths(ctx, app);
      if (!unversioned.length) continue;
      const shown = unversioned.slice(0, 3).join(", ") + (unversioned.length > 3 ? ", ..." : "");
      out.push(
        ctx.diagnostic(
          this,
          m.node("build"),
          `${unversioned.length} route${unversioned.length === 1 ? "" : "s or routers"} of ${app.text} not under /api/v<N>: ${shown}`,
        ),
      );
    }
    return out;
  },
};

function sameApp(ctx: RuleContext, node: Node, app: Node): boolean {
  if (node.type !== "identifier" || node.text !== app.text) return false;
  const found = ctx.bindings(node.text, node);
  return !!found?.length && found.every((b) => b.node.equals(app));
}

/** Paths of the app's own routes and included routers that are not versioned. */
function unversionedPaths(ctx: RuleContext, app: Node): string[] {
  const out: string[] = [];
  for (const route of ctx.routes()) {
    if (!sameApp(ctx, route.router, app) || route.path === undefined) continue;
    if (!VERSIONED.test(route.path) && !OPERATIONAL.test(route.path)) out.push(route.path || "/");
  }
  const includes = ctx.captures(INCLUDES);
  for (const inc of includes) {
    if (!sameApp(ctx, inc.node("obj"), app)) continue;
    const args = inc.node("args");
    const router = listItems(args).find((a) => a.type !== "keyword_argument");
    const prefixNode = keywordArguments(args).get("prefix")?.childForFieldName("value");
    const prefix = prefixNode ? literalString(prefixNode) : "";
    if (prefix === undefined) continue; // computed prefix: cannot tell
    const own = router ? routerPrefix(ctx, router) : undefined;
    if (own === undefined && !prefix) continue; // the router's own prefix is not known here
    const full = prefix + (own ?? "");
    if (!VERSIONED.test(full) && !OPERATIONAL.test(full))
      out.push(`${full || "/"} (${router?.text ?? "router"})`);
  }
  return out;
}

/** The literal `prefix=` of an APIRouter built in this module, "" when it has none. */
function routerPrefix(ctx: RuleContext, router: Node): string | undefined {
  // A router of another module: its prefix as the index recorded it.
  const imported = ctx.qualifiedName(router);
  if (imported && !imported.startsWith(`${ctx.module.moduleName}.`)) {
    return ctx.index.routerPrefix(imported);
  }
  if (router.type !== "identifier") return undefined;
  const found = ctx.bindings(router.text, router);
  if (found?.length !== 1 || found[0]!.statement.type !== "assignment") return undefined;
  const call = found[0]!.statement.childForFieldName("right");
  if (call?.type !== "call") return undefined;
  const q = ctx.qualifiedName(call.childForFieldName("function")!);
  if (!q || !APP_CLASSES.has(q)) return undefined;
  const prefix = keywordArguments(call.childForFieldName("arguments")!)
    .get("prefix")
    ?.childForFieldName("value");
  return prefix ? literalString(prefix) : "";
}
