// FF002: a blocking call inside `async def` stops the event loop for every request the worker
// serves until it returns.
import type { RuleContext } from "../src/knowledge/context.js";
import type { Node } from "../src/engine/parser.js";
import type { Binding } from "../src/engine/scope.js";
import type { Diagnostic } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";

const HTTP_VERBS = ["get", "post", "put", "patch", "delete", "head", "options", "request"];

/** Qualified functions that block, and whether `await asyncio.to_thread(...)` is a fix for them. */
const BLOCKING: ReadonlyMap<string, "thread" | "report"> = new Map<string, "thread" | "report">([
  ["urllib.request.urlopen", "thread"],
  ["subprocess.run", "thread"],
  ["subprocess.call", "thread"],
  ["subprocess.check_call", "thread"],
  ["subprocess.check_output", "thread"],
  ["subprocess.Popen", "report"],
  ["os.system", "thread"],
  ["builtins.open", "report"],
  ["io.open", "report"],
  ["builtins.input", "thread"],
  ["httpx.stream", "report"],
  ["requests.stream", "report"],
  ...HTTP_VERBS.flatMap((v): Array<[string, "thread"]> => [
    [`requests.${v}`, "thread"],
    [`httpx.${v}`, "thread"],
  ]),
]);

/** Classes whose instances' methods block. */
const BLOCKING_CLIENTS = new Set(["httpx.Client", "requests.Session", "requests.sessions.Session"]);
const CLIENT_METHODS = new Set([...HTTP_VERBS, "send", "stream"]);
const PATH_CLASSES = new Set([
  "pathlib.Path",
  "pathlib.PurePath",
  "pathlib.PosixPath",
  "pathlib.WindowsPath",
]);
const PATH_METHODS = new Set(["read_text", "write_text", "read_bytes", "write_bytes"]);

/** The last names of every callee blockingKind() may recognise. */
const CALLEE_NAMES: readonly string[] = [
  ...new Set([
    ...[...BLOCKING.keys()].map((q) => q.slice(q.lastIndexOf(".") + 1)),
    ...CLIENT_METHODS,
    ...PATH_METHODS,
  ]),
];

/** Positions where `await asyncio.to_thread(...)` can replace the call as it stands. */
function fixablePosition(call: Node): boolean {
  const parent = call.parent;
  if (!parent) return false;
  if (parent.type === "expression_statement" || parent.type === "return_statement") return true;
  return parent.type === "assignment" && !!parent.childForFieldName("right")?.equals(call);
}

export const blockingCallInAsync: Rule = {
  name: "blocking-call-in-async",
  code: "FF002",
  summary: "blocking calls (requests, sync httpx, subprocess, open, ...) inside async def",
  rule: "Never use synchronous I/O in async routes; use await for all I/O operations",
  gives: ["unsafe", "detect"],
  docs: {
    why: "An async handler runs on the event loop: a blocking call there freezes every other request of the worker until it returns.",
    bad: 'async def fetch():\n    return requests.get("https://example.org").json()\n',
    good: 'async def fetch():\n    async with httpx.AsyncClient() as client:\n        return (await client.get("https://example.org")).json()\n',
  },
  prefilter: [
    /\basync\b/,
    /requests|httpx|urlopen|subprocess|os\.system|system\(|open\(|input\(|read_text|write_text|read_bytes|write_bytes/,
  ],
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { call, fn, args } of ctx.callsTo(CALLEE_NAMES)) {
      const kind = blockingKind(ctx, fn);
      if (!kind) continue;
      const scope = ctx.enclosingFunction(call);
      const inGenerator = scope?.isGenerator;
      let owner = scope;
      while (owner && owner.kind === "comprehension") owner = owner.parent;
      if (!owner || owner.kind !== "function" || !owner.isAsync) continue;
      if (call.parent?.type === "await") continue;
      const name = fn.text;
      const message = `${name}() blocks the event loop inside async def`;
      if (kind === "report" || inGenerator || inWithItem(call) || !fixablePosition(call)) {
        const hint =
          kind === "report" || inWithItem(call)
            ? "use an async library (anyio, aiofiles, httpx.AsyncClient)"
            : "run it with await asyncio.to_thread(...)";
        out.push(ctx.diagnostic(this, call, `${message}: ${hint}`));
        continue;
      }
      const asyncio = ctx.ensureImport(call, "asyncio");
      if (!asyncio.ok) {
        out.push(ctx.diagnostic(this, call, `${message} (${asyncio.reason})`));
        continue;
      }
      const inside = ctx.source.slice(args.startIndex + 1, args.endIndex - 1);
      // One argument a line stays so: the function becomes the first of those lines.
      const firstArg = args.namedChildren.find((c) => c && c.type !== "comment");
      const multiline = /^[ \t]*\r?\n/.test(inside) && firstArg;
      const lead = multiline
        ? `${ctx.stylist.newline}${ctx.lineIndent(firstArg.startIndex)}${name},`
        : `${name}${inside.trim() ? ", " : ""}`;
      const edits = [
        { start: call.startIndex, end: fn.endIndex, text: `await ${asyncio.expr}.to_thread` },
        { start: args.startIndex + 1, end: args.startIndex + 1, text: lead },
      ];
      out.push(
        ctx.diagnostic(this, call, `${message}: run it with await asyncio.to_thread(...)`, {
          title: "Run it in a worker thread",
          safety: "unsafe",
          edits,
          imports: asyncio.requirement ? [asyncio.requirement] : [],
        }),
      );
    }
    return out;
  },
};

function inWithItem(call: Node): boolean {
  let n: Node | null = call.parent;
  while (n && (n.type === "as_pattern" || n.type === "parenthesized_expression")) n = n.parent;
  return n?.type === "with_item";
}

function blockingKind(ctx: RuleContext, fn: Node): "thread" | "report" | undefined {
  const q = ctx.qualifiedName(fn);
  const known = q ? BLOCKING.get(q) : undefined;
  if (known) return known;
  if (fn.type !== "attribute") return undefined;
  const method = fn.childForFieldName("attribute")!.text;
  const receiver = fn.childForFieldName("object")!;
  if (CLIENT_METHODS.has(method) && instanceOf(ctx, receiver, BLOCKING_CLIENTS)) {
    return method === "stream" ? "report" : "thread"; // stream() hands back a context manager
  }
  if (PATH_METHODS.has(method) && instanceOf(ctx, receiver, PATH_CLASSES)) return "thread";
  return undefined;
}

/** True when `node` is built by, bound to, or annotated as one of `classes`. */
function instanceOf(ctx: RuleContext, node: Node, classes: ReadonlySet<string>): boolean {
  if (node.type === "call") {
    const q = ctx.qualifiedName(node.childForFieldName("function")!);
    return !!q && classes.has(q);
  }
  if (node.type === "parenthesized_expression") {
    const inner = node.namedChildren.find((c) => c && c.type !== "comment");
    return !!inner && instanceOf(ctx, inner, classes);
  }
  if (node.type !== "identifier") return false;
  const found = ctx.bindings(node.text, node);
  return !!found?.length && found.every((b) => boundTo(ctx, b, classes));
}

function boundTo(ctx: RuleContext, b: Binding, classes: ReadonlySet<string>): boolean {
  const annotation = ctx.annotationOf(b);
  if (annotation) return classes.has(annotation);
  if (b.kind === "assignment" && b.statement.type === "assignment") {
    const right = b.statement.childForFieldName("right");
    return !!right && right.type === "call" && instanceOf(ctx, right, classes);
  }
  if (b.kind === "with" && b.statement.type === "as_pattern") {
    const value = b.statement.namedChildren.find((c) => c && c.type !== "as_pattern_target");
    return !!value && instanceOf(ctx, value, classes);
  }
  return false;
}
