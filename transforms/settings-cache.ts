// FF206: a `get_settings()` that builds a BaseSettings object on every call reads the environment
// and the .env file again each time FastAPI resolves the dependency: cache it with @lru_cache.
import type { RuleContext } from "../src/knowledge/context.js";
import { inferClass } from "../src/knowledge/inference.js";
import type { Node } from "../src/engine/parser.js";
import { decoratorExpression, decoratorsOf, isAsync, listItems } from "../src/engine/syntax.js";
import type { Diagnostic } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";

const DECORATORS = "(decorator) @d";

const CACHES = new Set(["functools.lru_cache", "functools.cache"]);

/** Node types whose body is another function's (or class's): their returns are not ours. */
const BOUNDARIES = new Set(["function_definition", "lambda", "class_definition"]);

const QUERY = `(function_definition parameters: (parameters) @params) @fn`;

export const settingsCache: Rule = {
  name: "settings-cache",
  code: "FF206",
  summary:
    "a module-level get_settings() that builds a BaseSettings object on every call -> @lru_cache",
  rule: "Cache the settings object with @lru_cache on a get_settings() dependency",
  gives: ["safe", "detect"],
  docs: {
    why: "Each Settings() reads the environment and the .env file again; as a dependency that happens on every request. Cached, it is built once. Tests that change the environment afterwards call get_settings.cache_clear().",
    bad: "def get_settings() -> Settings:\n    return Settings()\n",
    good: "@lru_cache\ndef get_settings() -> Settings:\n    return Settings()\n",
  },
  // A settings class is a model by its bases: the file must name one.
  scope: "models",
  prefilter: /def\s+\w+\s*\(\s*\)/,
  query: QUERY,
  queries: [DECORATORS],
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    // Tests build their settings (and dependency overrides) per test on purpose.
    if (ctx.isTestFile) return out;
    let style: string | undefined;
    for (const m of ctx.captures(QUERY)) {
      const fn = m.node("fn");
      const params = m.node("params");
      // Module-level functions without parameters (arguments would be cache keys).
      if (listItems(params).length || ctx.scopeAt(fn).kind !== "module") continue;
      const settings = returnedSettings(ctx, fn);
      if (!settings) continue;
      const name = fn.childForFieldName("name")!;
      const decorators = decoratorsOf(fn);
      if (decorators.some((d) => CACHES.has(ctx.decoratorName(d, { callee: true }) ?? "")))
        continue;
      const message = `\`${name.text}()\` builds a new ${settings} on every call, reading the environment again: cache it with @lru_cache`;
      if (isAsync(fn)) {
        out.push(
          ctx.diagnostic(
            this,
            name,
            `${message} (no fix: on an async function @lru_cache would cache the coroutine, which can be awaited only once; make it a plain def)`,
          ),
        );
        continue;
      }
      if (decorators.length) {
        out.push(
          ctx.diagnostic(
            this,
            name,
            `${message} (no fix: it has other decorators; put @lru_cache where it belongs among them)`,
          ),
        );
        continue;
      }
      // `lru_cache` taken: `functools.lru_cache` through `import functools`.
      const named = ctx.ensureImport(fn, "functools", "lru_cache");
      const cache = named.ok ? named : ctx.ensureImport(fn, "functools");
      if (!cache.ok) {
        out.push(ctx.diagnostic(this, name, `${message} (${named.ok || named.reason})`));
        continue;
      }
      const expr = named.ok ? cache.expr : `${cache.expr}.lru_cache`;
      style ??= callStyle(ctx);
      const lineStart = ctx.source.lastIndexOf("\n", fn.startIndex - 1) + 1;
      const text = `${ctx.lineIndent(fn.startIndex)}@${expr}${style}${ctx.stylist.newline}`;
      out.push(
        ctx.diagnostic(this, name, message, {
          title: "Add @lru_cache",
          safety: "safe",
          edits: [{ start: lineStart, end: lineStart, text }],
          imports: cache.requirement ? [cache.requirement] : [],
        }),
      );
    }
    return out;
  },
};

/**
 * The name of the settings class every `return` of the function builds (`return Settings()`, or a
 * local assigned from such a call), or undefined. A generator, a bare `return` or a value that is
 * not certainly a new settings object leaves the function alone.
 */
function returnedSettings(ctx: RuleContext, fn: Node): string | undefined {
  const body = fn.childForFieldName("body")!;
  const own = (n: Node): boolean => {
    for (let p = n.parent; p; p = p.parent) {
      if (p.equals(fn)) return true;
      if (BOUNDARIES.has(p.type)) return false;
    }
    return false;
  };
  if (body.descendantsOfType("yield").some((y) => !!y && own(y))) return undefined;
  const returns = body
    .descendantsOfType("return_statement")
    .filter((r): r is Node => !!r && own(r));
  if (!returns.length) return undefined;
  let name: string | undefined;
  for (const r of returns) {
    const value = r.namedChildren.find((c) => c && c.type !== "comment");
    if (!value || !builtHere(ctx, fn, value)) return undefined;
    const cls = inferClass(ctx, value);
    if (!cls?.instance || cls.union) return undefined;
    const kind = cls.definition
      ? ctx.classKind(cls.definition)
      : cls.qualified
        ? ctx.kindOfClassName(cls.qualified)
        : undefined;
    if (kind !== "settings") return undefined;
    name ??= (cls.qualified ?? cls.definition?.childForFieldName("name")?.text ?? "")
      .split(".")
      .pop();
  }
  return name || "settings object";
}

/** A call, or a name only the function itself binds: not a module-level object handed out. */
function builtHere(ctx: RuleContext, fn: Node, value: Node): boolean {
  if (value.type === "call") return true;
  if (value.type !== "identifier") return false;
  const found = ctx.bindings(value.text, value);
  return !!found?.length && found.every((b) => b.scope.node.equals(fn) && b.kind === "assignment");
}

/** `()` when the file already writes `@lru_cache()`, else nothing (`@lru_cache`, Python 3.8+). */
function callStyle(ctx: RuleContext): string {
  for (const m of ctx.captures(DECORATORS)) {
    const decorator = m.node("d");
    if (ctx.decoratorName(decorator, { callee: true }) !== "functools.lru_cache") continue;
    const expr = decoratorExpression(decorator)!;
    if (expr.type !== "call") return "";
    const args = expr.childForFieldName("arguments");
    if (args && !listItems(args).length) return "()";
  }
  return "";
}
