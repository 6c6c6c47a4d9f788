// An import manager request that remembers, per module context, the names a fix of this pass
// already plans to import. FF104 and FF111 share the one cache, as they did when they were one rule.
import type { RuleContext } from "../../src/knowledge/context.js";
import type { EnsureOptions, EnsureResult } from "../../src/engine/imports.js";
import type { Node } from "../../src/engine/parser.js";

/** New imports planned in this pass, per module context: `module.name` -> the planned result. */
const planned = new WeakMap<RuleContext, Map<string, EnsureResult>>();

/**
 * ctx.ensureImport, except that a name a fix of this pass already plans to import is reused
 * where nothing shadows it: the import manager would otherwise answer `pydantic.X` through an
 * `import pydantic` for the second fix, `X` for the first.
 */
export function ensureName(
  ctx: RuleContext,
  at: Node,
  module: string,
  name: string,
  options?: EnsureOptions,
): EnsureResult {
  let cache = planned.get(ctx);
  if (!cache) planned.set(ctx, (cache = new Map()));
  const key = `${module}.${name}`;
  const previous = cache.get(key);
  if (previous?.ok && previous.requirement && !ctx.bindings(previous.expr, at)) return previous;
  const result = ctx.ensureImport(at, module, name, options);
  if (result.ok && result.requirement) cache.set(key, result);
  return result;
}
