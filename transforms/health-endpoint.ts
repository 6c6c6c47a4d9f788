// FF501: an app without a health-check route: load balancers and orchestrators have nothing
// cheap to probe, and fall back to a real endpoint (or to none).
import type { RuleContext } from "../src/knowledge/context.js";
import type { Node } from "../src/engine/parser.js";
import { keywordArguments, listItems } from "../src/engine/syntax.js";
import type { Diagnostic } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";
import { literalString } from "../src/knowledge/routes.js";
import { APP_CLASSES } from "../src/project/fastapi-names.js";

const FASTAPI = new Set(["fastapi.FastAPI", "fastapi.applications.FastAPI"]);

/** Path segments a probe is served under: `/health`, `/api/v1/healthz`, `/health/live`. */
const HEALTH_SEGMENT =
  /^(?:_?health|healthz|healthcheck|health[-_]check|ping|livez|readyz|liveness|readiness)$/i;

/** Methods whose first argument (or `path=`) is a path something is served under. */
const REGISTRARS = new Set([
  "get",
  "head",
  "api_route",
  "add_api_route",
  "route",
  "add_route",
  "mount",
]);

const CALLS = `(call function: (attribute object: (_) @obj attribute: (identifier) @m) arguments: (argument_list) @args (#match? @m "^(get|head|api_route|add_api_route|route|add_route|mount|include_router)$")) @call`;

function isHealthPath(path: string): boolean {
  return path.split("/").some((segment) => HEALTH_SEGMENT.test(segment));
}

export const healthEndpoint: Rule = {
  name: "health-endpoint",
  code: "FF501",
  summary: "FastAPI apps without a /health (or /healthz, /ping, /livez, /readyz) route",
  rule: "Expose a health check endpoint (/health) for load balancers and orchestrators",
  gives: ["detect"],
  docs: {
    why: "Load balancers, Kubernetes probes and uptime monitors need a cheap route that answers while the app is up. Without one they probe a real endpoint (slow, authenticated, or with side effects) or nothing at all. An app is reported when the module that builds it declares routes, none of them is a health check, and every router it includes is visible there; an app that includes routers from other modules is left alone, since their routes are out of sight.",
    bad: 'app = FastAPI()\n\n\n@app.get("/items")\nasync def list_items() -> list[Item]:\n    return await items.all()\n',
    good: 'app = FastAPI()\n\n\n@app.get("/health")\nasync def health() -> dict[str, str]:\n    return {"status": "ok"}\n\n\n@app.get("/items")\nasync def list_items() -> list[Item]:\n    return await items.all()\n',
  },
  prefilter: /\bFastAPI\s*\(/,
  query: `(assignment left: (identifier) @app right: (call function: (_) @fn arguments: (argument_list) @args) @build)`,
  queries: [CALLS],
  check(ctx: RuleContext): Diagnostic[] {
    if (ctx.isTestFile) return [];
    const apps: Array<{ name: Node; build: Node; args: Node }> = [];
    for (const m of ctx.matches(this.query)) {
      const get = (n: string): Node => m.captures.find((c) => c.name === n)!.node;
      const q = ctx.qualifiedName(get("fn"));
      if (q && FASTAPI.has(q))
        apps.push({ name: get("app"), build: get("build"), args: get("args") });
    }
    if (!apps.length || moduleHealth(ctx) !== "no") return [];
    const mounted = mountedNames(ctx);
    const out: Diagnostic[] = [];
    for (const app of apps) {
      // Starlette routes handed to the constructor, or an app mounted into another one here.
      if (keywordArguments(app.args).has("routes") || mounted.has(app.name.text)) continue;
      out.push(
        ctx.diagnostic(
          this,
          app.build,
          `${app.name.text} has no health-check route (/health, /healthz, /ping, /livez or /readyz): add one for load balancers and orchestrators to probe`,
        ),
      );
    }
    return out;
  },
};

/**
 * Whether the module serves a health check: "yes" when some route, router prefix or mount of the
 * module is one, "unknown" when a path or an included router is out of sight (a computed path,
 * a router of another module), "no" when it declares routes and every one is in sight; a module
 * that declares none gets its routes elsewhere and is "unknown" too.
 */
function moduleHealth(ctx: RuleContext): "yes" | "no" | "unknown" {
  let unknown = false;
  let routes = 0;
  const prefixes = localPrefixes(ctx);
  for (const route of ctx.routes()) {
    if (route.kind === "websocket") continue;
    routes++;
    if (route.path === undefined) {
      unknown = true;
      continue;
    }
    const prefix = route.router.type === "identifier" ? prefixes.get(route.router.text) : "";
    if (isHealthPath(`${prefix ?? ""}${route.path}`)) return "yes";
  }
  // Routers built here with a health prefix: `APIRouter(prefix="/health")`.
  for (const prefix of prefixes.values()) if (prefix && isHealthPath(prefix)) return "yes";
  for (const m of ctx.matches(CALLS)) {
    const method = m.captures.find((c) => c.name === "m")!.node.text;
    const args = m.captures.find((c) => c.name === "args")!.node;
    const positional = listItems(args).filter((a) => a.type !== "keyword_argument");
    const keywords = keywordArguments(args);
    if (method === "include_router") {
      routes++;
      const prefix = keywords.get("prefix")?.childForFieldName("value");
      const text = prefix ? literalString(prefix) : "";
      if (text && isHealthPath(text)) return "yes";
      const router = positional[0] ?? keywords.get("router")?.childForFieldName("value");
      if (!router) {
        unknown = true;
        continue;
      }
      // A router of another module: the index does not know its routes.
      if (!(router.type === "identifier" && prefixes.has(router.text))) unknown = true;
      continue;
    }
    if (!REGISTRARS.has(method)) continue;
    const pathNode = positional[0] ?? keywords.get("path")?.childForFieldName("value");
    const path = pathNode ? literalString(pathNode) : undefined;
    if (path !== undefined && isHealthPath(path)) return "yes";
    if (method === "mount") {
      // An app of another module mounted here serves routes out of sight.
      const target = positional[1] ?? keywords.get("app")?.childForFieldName("value");
      const q = target ? ctx.qualifiedName(target) : undefined;
      if (q && !q.startsWith(`${ctx.module.moduleName}.`) && ctx.index.isRouter(q)) unknown = true;
    }
  }
  if (unknown || !routes) return "unknown";
  return "no";
}

/** Routers built in this module by name -> their literal prefix ("" for none or a computed one). */
function localPrefixes(ctx: RuleContext): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, list] of ctx.scopes.module.bindings) {
    if (list.length !== 1 || list[0]!.statement.type !== "assignment") continue;
    const call = list[0]!.statement.childForFieldName("right");
    if (call?.type !== "call") continue;
    const q = ctx.qualifiedName(call.childForFieldName("function")!);
    if (!q || !APP_CLASSES.has(q)) continue;
    const prefix = keywordArguments(call.childForFieldName("arguments")!)
      .get("prefix")
      ?.childForFieldName("value");
    out.set(name, prefix ? (literalString(prefix) ?? "") : "");
  }
  return out;
}

/** Names of apps mounted into another app of this module (`app.mount("/v1", v1)`). */
function mountedNames(ctx: RuleContext): Set<string> {
  const out = new Set<string>();
  for (const m of ctx.matches(CALLS)) {
    if (m.captures.find((c) => c.name === "m")!.node.text !== "mount") continue;
    const args = m.captures.find((c) => c.name === "args")!.node;
    const positional = listItems(args).filter((a) => a.type !== "keyword_argument");
    const target = positional[1] ?? keywordArguments(args).get("app")?.childForFieldName("value");
    if (target?.type === "identifier") out.add(target.text);
  }
  return out;
}
