// FF305: a synchronous SQLAlchemy Session in an async route or dependency blocks the event loop
// on every query.
import type { Node } from "../src/engine/parser.js";
import type { Binding } from "../src/engine/scope.js";
import { isAsync } from "../src/engine/syntax.js";
import type { Diagnostic } from "../src/engine/types.js";
import type { RuleContext } from "../src/knowledge/context.js";
import type { Rule } from "../src/knowledge/rule.js";
import { SYNC_SESSIONS } from "./data/sqlalchemy-names.js";

export const syncSessionInAsync: Rule = {
  name: "sync-session-in-async",
  code: "FF305",
  summary: "a sync SQLAlchemy Session used in an async route or dependency (use AsyncSession)",
  rule: "Use SQLAlchemy 2.0 with async support via sqlalchemy.ext.asyncio",
  gives: ["detect"],
  docs: {
    why: "Every query of a synchronous Session waits for the database on the event loop's thread: in an `async def` route or dependency it stalls every other request meanwhile. Use an `AsyncSession` from `sqlalchemy.ext.asyncio` (and `await` its calls), or make the handler a plain `def`, which FastAPI runs in a thread pool. A parameter counts when it is annotated as a Session or comes from a dependency the project annotates as returning one.",
    bad: '@router.get("/users")\nasync def list_users(db: Session = Depends(get_db)):\n    return db.scalars(select(User)).all()\n',
    good: '@router.get("/users")\nasync def list_users(db: AsyncSession = Depends(get_db)):\n    return (await db.scalars(select(User))).all()\n',
  },
  prefilter: [/\basync\s+def\b/, /\bSession\b|\bDepends\(/],
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    const routes = new Set(ctx.routes().map((r) => r.handler.id));
    for (const scope of ctx.scopes.allScopes()) {
      if (scope.kind !== "function" || !isAsync(scope.node)) continue;
      const fn = scope.node;
      const name = fn.childForFieldName("name")!.text;
      const qualified =
        scope.parent?.kind === "module"
          ? `${ctx.module.moduleName ?? "__main__"}.${name}`
          : undefined;
      const role = routes.has(fn.id)
        ? "route"
        : qualified && ctx.index.isDependency(qualified)
          ? "dependency"
          : undefined;
      if (!role) continue;
      for (const list of scope.bindings.values()) {
        for (const b of list) {
          if (b.kind !== "parameter" || !isSession(ctx, b) || !used(ctx, b)) continue;
          out.push(
            ctx.diagnostic(
              this,
              b.node,
              `async ${role} ${name}() queries through a sync Session, blocking the event loop: use AsyncSession, or make it a plain def`,
            ),
          );
        }
      }
    }
    return out;
  },
};

/** The parameter is a Session: by annotation, or by the dependency it is given. */
function isSession(ctx: RuleContext, b: Binding): boolean {
  const annotation = ctx.annotationOf(b);
  if (annotation && SYNC_SESSIONS.has(annotation)) return true;
  const parameter = b.node.parent;
  const annotated = parameter ? ctx.annotationNode(b) : undefined;
  const texts = [annotated, parameter?.childForFieldName("value")].filter((n): n is Node => !!n);
  for (const node of texts) {
    for (const call of node.descendantsOfType("call")) {
      if (!call) continue;
      const fn = call.childForFieldName("function")!;
      if (!/^(Depends|Security)$/.test(ctx.qualifiedName(fn)?.split(".").pop() ?? "")) continue;
      const dep = call
        .childForFieldName("arguments")
        ?.namedChildren.find((c) => c?.type !== "comment");
      const q = dep ? ctx.qualifiedName(dep) : undefined;
      const returned = q ? ctx.index.returnTypeOf(q) : undefined;
      if (returned && SYNC_SESSIONS.has(returned)) return true;
    }
    if (node.type === "type" || node.type === "generic_type") {
      // Annotated[Session, Depends(get_db)]
      if (/\bSession\b/.test(node.text) && !/AsyncSession/.test(node.text)) {
        const head = node.descendantsOfType("identifier").find((i) => i?.text === "Session");
        if (head && SYNC_SESSIONS.has(ctx.qualifiedName(head) ?? "")) return true;
      }
    }
  }
  return false;
}

/** The function uses the parameter. */
function used(ctx: RuleContext, b: Binding): boolean {
  const refs = ctx.references(b);
  return typeof refs === "string" || refs.length > 0;
}
