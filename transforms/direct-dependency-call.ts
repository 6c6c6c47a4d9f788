// FF210: a dependency called by hand inside a route bypasses FastAPI's dependency injection: no
// cleanup after `yield`, no caching per request, no overrides in tests.
import type { RuleContext } from "../src/knowledge/context.js";
import { Spans } from "../src/engine/syntax.js";
import type { Diagnostic } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";

const QUERY = `(call function: (identifier) @fn) @call`;

export const directDependencyCall: Rule = {
  name: "direct-dependency-call",
  code: "FF210",
  summary: "a dependency function called directly inside a route instead of through Depends()",
  rule: "Never instantiate dependencies directly; always use Depends()",
  gives: ["detect"],
  docs: {
    why: "Called by hand, a dependency skips FastAPI's injection: a generator's cleanup after yield never runs, results are not shared within the request, and app.dependency_overrides cannot replace it in tests.",
    bad: '@app.get("/items")\ndef items():\n    db = next(get_db())\n    return db.all()\n',
    good: '@app.get("/items")\ndef items(db: Annotated[Session, Depends(get_db)]):\n    return db.all()\n',
  },
  scope: "routes",
  prefilter: /\b(Depends|Security)\b|@/,
  query: QUERY,
  check(ctx: RuleContext): Diagnostic[] {
    const routes = ctx.routes();
    if (!routes.length) return [];
    const bodies = new Spans(routes.map((r) => r.handler.childForFieldName("body")!));
    const out: Diagnostic[] = [];
    for (const m of ctx.captures(QUERY)) {
      const call = m.node("call");
      const fn = m.node("fn");
      if (!bodies.covers(call)) continue;
      const q = ctx.qualifiedName(fn);
      if (!q || !ctx.index.isDependency(q)) continue;
      out.push(
        ctx.diagnostic(
          this,
          call,
          `${fn.text}() is a dependency: declare it as a parameter with Depends(${fn.text}) instead of calling it`,
        ),
      );
    }
    return out;
  },
};
