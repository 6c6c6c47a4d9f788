// FF001: `time.sleep()` blocks the event loop when it runs inside `async def`.
import type { RuleContext } from "../src/knowledge/context.js";
import type { Node } from "../src/engine/parser.js";
import type { Scope } from "../src/engine/scope.js";
import type { Diagnostic } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";

/** Positions where `await x` must be parenthesised to keep applying to the call alone. */
const PRIMARY_PARENTS = new Set(["attribute", "subscript", "call"]);

export const asyncSleep: Rule = {
  name: "async-sleep",
  code: "FF001",
  summary: "time.sleep() inside async def -> await asyncio.sleep()",
  rule: "Never use blocking operations like time.sleep() in async code; use asyncio.sleep()",
  gives: ["safe", "detect"],
  docs: {
    why: "time.sleep() blocks the whole event loop: every other request served by the worker waits.",
    bad: "import time\n\nasync def poll():\n    time.sleep(1)\n",
    good: "import asyncio\n\nasync def poll():\n    await asyncio.sleep(1)\n",
  },
  // time.sleep is imported from time: the module spells it.
  prefilter: [/\bsleep\b/, /\basync\b/, /\btime\b/],
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { call, fn } of ctx.callsTo(["sleep"])) {
      if (ctx.qualifiedName(fn) !== "time.sleep") continue;
      const scope = ctx.enclosingFunction(call);
      const message =
        "time.sleep() blocks the event loop inside async def; use await asyncio.sleep()";
      if (scope?.isGenerator && insideAsync(scope)) {
        // `await` in a generator expression would make it an async generator: report only.
        out.push(
          ctx.diagnostic(this, call, `${message} (inside a generator expression: rewrite by hand)`),
        );
        continue;
      }
      if (!scope || scope.kind !== "function" || !scope.isAsync) continue;
      const sleep = ctx.ensureImport(call, "asyncio", "sleep", { onlyExisting: true });
      const target = sleep.ok ? sleep : ctx.ensureImport(call, "asyncio");
      if (!target.ok) {
        out.push(ctx.diagnostic(this, call, `${message} (${target.reason})`));
        continue;
      }
      const expr = sleep.ok ? sleep.expr : `${target.expr}.sleep`;
      const edits = [{ start: fn.startIndex, end: fn.endIndex, text: `await ${expr}` }];
      if (needsParentheses(call)) {
        edits.unshift({ start: call.startIndex, end: call.startIndex, text: "(" });
        edits.push({ start: call.endIndex, end: call.endIndex, text: ")" });
      }
      const local = fn.type === "identifier" ? fn.text : rootName(fn);
      const qualified = fn.type === "identifier" ? "time.sleep" : "time";
      out.push(
        ctx.diagnostic(this, call, message, {
          title: "Replace with await asyncio.sleep()",
          safety: "safe",
          edits,
          imports: target.requirement ? [target.requirement] : [],
          removeIfUnused: [{ local, qualified }],
        }),
      );
    }
    return out;
  },
};

function insideAsync(scope: Scope): boolean {
  let s: Scope | undefined = scope;
  while (s && s.kind === "comprehension") s = s.parent;
  return !!s && s.kind === "function" && s.isAsync;
}

function needsParentheses(call: Node): boolean {
  const parent = call.parent;
  if (!parent || !PRIMARY_PARENTS.has(parent.type)) return false;
  // Only when the call is the object being accessed/called, not an argument or index.
  const object = parent.childForFieldName(
    parent.type === "call" ? "function" : parent.type === "attribute" ? "object" : "value",
  );
  return !!object?.equals(call);
}

function rootName(node: Node): string {
  let n = node;
  while (n.type === "attribute") n = n.childForFieldName("object")!;
  return n.text;
}
