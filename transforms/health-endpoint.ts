// FF501: an app without a health-check route: load balancers and orchestrators have nothing
// cheap to probe, and fall back to a real endpoint (or to none).
import type { RuleContext } from "../src/knowledge/context.js";
import { keywordArguments, listItems } from "../src/engine/syntax.js";
import type { Diagnostic } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";

const FASTAPI = new Set(["fastapi.FastAPI", "fastapi.applications.FastAPI"]);

const CALLS = `(call function: (attribute object: (_) @obj attribute: (identifier) @m) arguments: (argument_list) @args (#eq? @m "mount")) @call`;

/** Modules of tests: their apps are fixtures, not deployments. */
const TEST_MODULE = /(^|\.)(tests?|conftest)(\.|$)|(^|\.)test_\w*$|_test$/;

const QUERY = `(assignment left: (identifier) @app right: (call function: (_) @fn arguments: (argument_list) @args) @build)`;

export const healthEndpoint: Rule = {
  name: "health-endpoint",
  code: "FF501",
  summary: "FastAPI apps without a /health (or /healthz, /ping, /livez, /readyz) route",
  rule: "Expose a health check endpoint (/health) for load balancers and orchestrators",
  gives: ["detect"],
  docs: {
    why: "Load balancers, Kubernetes probes and uptime monitors need a cheap route that answers while the app is up. Without one they probe a real endpoint (slow, authenticated, or with side effects) or nothing at all. The question is asked of the whole project: when no string anywhere in it is a health-check path, the first module (by name, tests aside) that builds a FastAPI app gets one report, at the app.",
    bad: 'app = FastAPI()\n\n\n@app.get("/items")\nasync def list_items() -> list[Item]:\n    return await items.all()\n',
    good: 'app = FastAPI()\n\n\n@app.get("/health")\nasync def health() -> dict[str, str]:\n    return {"status": "ok"}\n\n\n@app.get("/items")\nasync def list_items() -> list[Item]:\n    return await items.all()\n',
  },
  prefilter: /\bFastAPI\s*\(/,
  query: QUERY,
  queries: [CALLS],
  check(ctx: RuleContext): Diagnostic[] {
    // One report per project, and none when any module of it may serve a health check: the scan
    // saw every string of the project, so a route in a router module elsewhere counts too.
    if (ctx.isTestFile || ctx.index.mayServeHealthCheck) return [];
    const first = ctx.index.appModules.find((m) => !TEST_MODULE.test(m));
    if (first !== ctx.module.moduleName) return [];
    const mounted = mountedNames(ctx);
    for (const m of ctx.captures(QUERY)) {
      const get = m.node;
      const q = ctx.qualifiedName(get("fn"));
      if (!q || !FASTAPI.has(q)) continue;
      const name = get("app").text;
      // Starlette routes handed to the constructor, or an app mounted into another one here.
      if (keywordArguments(get("args")).has("routes") || mounted.has(name)) continue;
      return [
        ctx.diagnostic(
          this,
          get("build"),
          `no route of the project is a health check (/health, /healthz, /ping, /livez or /readyz): add one to ${name} for load balancers and orchestrators to probe`,
        ),
      ];
    }
    return [];
  },
};

/** Names of apps mounted into another app of this module (`app.mount("/v1", v1)`). */
function mountedNames(ctx: RuleContext): Set<string> {
  const out = new Set<string>();
  for (const m of ctx.captures(CALLS)) {
    const args = m.node("args");
    const positional = listItems(args).filter((a) => a.type !== "keyword_argument");
    const target = positional[1] ?? keywordArguments(args).get("app")?.childForFieldName("value");
    if (target?.type === "identifier") out.add(target.text);
  }
  return out;
}
