// FF504: debug mode or the auto-reloader switched on in code that runs in production: FastAPI's
// debug answers server errors with the traceback, uvicorn's reload watches the source tree.
import type { RuleContext } from "../src/knowledge/context.js";
import type { Node } from "../src/engine/parser.js";
import { keywordArguments } from "../src/engine/syntax.js";
import type { Diagnostic } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";
import { underMainGuard } from "./config-outside-settings.js";

const APPS = new Set([
  "fastapi.FastAPI",
  "fastapi.applications.FastAPI",
  "starlette.applications.Starlette",
]);

const UVICORN_RUN = new Set(["uvicorn.run", "uvicorn.main.run"]);

const DEBUG_ASSIGNMENT = `(assignment left: (attribute object: (identifier) @app attribute: (identifier) @attr (#eq? @attr "debug")) right: (true)) @assignment`;

export const debugInProduction: Rule = {
  name: "debug-in-production",
  code: "FF504",
  summary:
    "FastAPI(debug=True), app.debug = True or uvicorn.run(reload=True) outside a __main__ guard",
  rule: "Never enable debug mode or auto-reload in production; take them from settings",
  gives: ["detect"],
  docs: {
    why: 'With debug on, an unhandled error answers with the full traceback (source lines, local paths, sometimes values) to whoever sent the request. reload=True runs uvicorn\'s file watcher and restarts the worker on every change under the directory; the server is started by the process manager in production, not by this call. Both belong to a development entry point (`if __name__ == "__main__":`, `fastapi dev`) or come from settings that default to off.',
    bad: 'import uvicorn\nfrom fastapi import FastAPI\n\napp = FastAPI(debug=True)\n\nuvicorn.run("app.main:app", host="0.0.0.0", reload=True)\n',
    good: 'import uvicorn\nfrom fastapi import FastAPI\n\nfrom app.config import settings\n\napp = FastAPI(debug=settings.debug)\n\nif __name__ == "__main__":\n    uvicorn.run("app.main:app", reload=True)\n',
  },
  prefilter: /\b(debug|reload)\s*=\s*True\b/,
  queries: [DEBUG_ASSIGNMENT],
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    if (ctx.isTestFile) return out;
    const found: Array<{ node: Node; message: string }> = [];
    for (const { call, fn, args } of ctx.callsTo(["FastAPI", "Starlette"])) {
      const q = ctx.qualifiedName(fn);
      if (!q || !APPS.has(q)) continue;
      const debug = trueKeyword(args, "debug");
      if (!debug || developmentOnly(ctx, call)) continue;
      const cls = q.split(".").pop();
      found.push({
        node: debug,
        message: `${cls}(debug=True) answers server errors with the traceback: take debug from settings (off by default) so production never runs with it`,
      });
    }
    for (const { call, fn, args } of ctx.callsTo(["run"])) {
      if (!UVICORN_RUN.has(ctx.qualifiedName(fn) ?? "")) continue;
      if (developmentOnly(ctx, call)) continue;
      for (const option of ["reload", "debug"]) {
        const keyword = trueKeyword(args, option);
        if (!keyword) continue;
        found.push({
          node: keyword,
          message: `uvicorn.run(${option}=True) outside \`if __name__ == "__main__":\` turns on a development option wherever this code runs: put the call under the __main__ guard (or use \`fastapi dev\`), or take it from settings`,
        });
      }
    }
    for (const m of ctx.captures(DEBUG_ASSIGNMENT)) {
      const assignment = m.node("assignment");
      const app = m.node("app");
      if (!isApp(ctx, app) || developmentOnly(ctx, assignment)) continue;
      found.push({
        node: assignment,
        message: `\`${app.text}.debug = True\` answers server errors with the traceback: take debug from settings (off by default) so production never runs with it`,
      });
    }
    for (const f of found.sort((a, b) => a.node.startIndex - b.node.startIndex))
      out.push(ctx.diagnostic(this, f.node, f.message));
    return out;
  },
};

/** The `name=True` keyword argument (a literal True), if any. */
function trueKeyword(args: Node, name: string): Node | undefined {
  const keyword = keywordArguments(args).get(name);
  return keyword?.childForFieldName("value")?.type === "true" ? keyword : undefined;
}

/**
 * Under `if __name__ == "__main__":`, or in a module-level function called only from there
 * (`def main(): uvicorn.run(...)` with `if __name__ == "__main__": main()`).
 */
function developmentOnly(ctx: RuleContext, node: Node): boolean {
  if (underMainGuard(node)) return true;
  const scope = ctx.enclosingFunction(node);
  if (scope?.kind !== "function" || scope.parent?.kind !== "module") return false;
  const name = scope.node.childForFieldName("name");
  const binding = name
    ? scope.parent.bindings.get(name.text)?.find((b) => b.node.equals(name))
    : undefined;
  if (!binding) return false;
  const uses = ctx.references(binding);
  return typeof uses !== "string" && uses.length > 0 && uses.every((u) => underMainGuard(u));
}

/** The app object: built from FastAPI here or imported as one, not a parameter. */
function isApp(ctx: RuleContext, node: Node): boolean {
  const found = ctx.bindings(node.text, node);
  if (!found?.length || found.some((b) => b.kind === "parameter")) return false;
  return ctx.isAppOrRouter(node);
}
