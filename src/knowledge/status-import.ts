// Where status constants come from in a module: `fastapi.status`, or Starlette's own module in a
// file that uses Starlette but not FastAPI; `http_status` when the name `status` is taken.
import type { RuleContext } from "./context.js";
import type { EnsureResult } from "../engine/imports.js";
import type { Node } from "../engine/parser.js";

export function ensureStatus(ctx: RuleContext, at: Node): EnsureResult {
  let fastapi = false;
  let starlette = false;
  for (const list of ctx.scopes.module.bindings.values()) {
    for (const b of list) {
      if (!b.qualified) continue;
      if (b.qualified === "fastapi" || b.qualified.startsWith("fastapi.")) fastapi = true;
      if (b.qualified === "starlette" || b.qualified.startsWith("starlette.")) starlette = true;
    }
  }
  // A Starlette-only module gets Starlette's status module rather than a new dependency on FastAPI.
  const [module, equivalent] =
    starlette && !fastapi ? ["starlette", "fastapi.status"] : ["fastapi", "starlette.status"];
  return ctx.ensureImport(at, module, "status", {
    aliases: ["http_status"],
    equivalents: [equivalent],
  });
}
