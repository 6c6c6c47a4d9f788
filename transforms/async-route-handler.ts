// FF003: route handlers declared with plain `def` run in a thread pool; the rules ask for
// `async def`, which is only safe to switch to when the body cannot block.
import type { ModuleContext } from "../src/engine/context.js";
import { inferClass } from "../src/engine/inference.js";
import type { Node } from "../src/engine/parser.js";
import type { Diagnostic, Transform } from "../src/engine/types.js";
import { HTTP_EXCEPTIONS } from "../src/project/fastapi-names.js";

/** Builtins that do I/O or wait: a body calling them is not safe on the event loop. */
const BLOCKING_BUILTINS = new Set([
  "builtins.open",
  "builtins.input",
  "builtins.breakpoint",
  "builtins.exec",
  "builtins.eval",
]);
/** FastAPI/Starlette names that only build values. */
const PURE_CALLS = new Set([
  ...HTTP_EXCEPTIONS,
  "fastapi.responses.JSONResponse",
  "fastapi.responses.PlainTextResponse",
  "fastapi.responses.HTMLResponse",
  "fastapi.responses.RedirectResponse",
  "fastapi.Response",
  "fastapi.encoders.jsonable_encoder",
]);

export const asyncRouteHandler: Transform = {
  name: "async-route-handler",
  code: "FF003",
  summary: "route handlers declared with plain def (async def when the body cannot block)",
  rule: "Use async def for all route handlers and I/O operations",
  safety: "unsafe",
  levels: ["unsafe", "detect"],
  docs: {
    why: "The rules ask for async handlers. FastAPI runs a plain def handler in a thread pool, so turning it into async def is only safe when nothing in it can block the event loop.",
    bad: '@app.get("/items/{item_id}")\ndef read_item(item_id: int):\n    return Item(id=item_id)\n',
    good: '@app.get("/items/{item_id}")\nasync def read_item(item_id: int):\n    return Item(id=item_id)\n',
  },
  scope: "routes",
  prefilter: /\bdef\b/,
  query: "(module) @m",
  check(ctx: ModuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    const seen = new Set<number>();
    for (const route of ctx.routes()) {
      const handler = route.handler;
      if (route.kind === "websocket" || seen.has(handler.id)) continue;
      seen.add(handler.id);
      if (handler.children.some((c) => c?.type === "async")) continue;
      const name = handler.childForFieldName("name")!;
      const blocker = firstBlockingCall(ctx, handler);
      const message = `route handler ${name.text}() is a plain def`;
      if (blocker) {
        out.push(
          ctx.diagnostic(
            this,
            name,
            `${message}; \`${firstLine(blocker.text)}\` may block, so it stays def (make its I/O async first)`,
          ),
        );
        continue;
      }
      const def = handler.children.find((c) => c?.type === "def")!;
      out.push(
        ctx.diagnostic(this, name, `${message}; its body cannot block: make it async def`, {
          title: "Make it async def",
          safety: "unsafe",
          edits: [{ start: def.startIndex, end: def.startIndex, text: "async " }],
        }),
      );
    }
    return out;
  },
};

function firstLine(text: string): string {
  const line = text.split(/\r?\n/)[0]!;
  return line.length > 50 ? `${line.slice(0, 47)}...` : line;
}

/**
 * The first call in the handler that could block: anything but a pure builtin, a Pydantic model
 * (its constructor, class methods and instance methods) or a value-building FastAPI class.
 * Iterating with `for` or `with` over anything also counts, as do `yield` and nested defs.
 */
function firstBlockingCall(ctx: ModuleContext, handler: Node): Node | undefined {
  const body = handler.childForFieldName("body")!;
  for (const node of body.descendantsOfType([
    "call",
    "with_statement",
    "yield",
    "function_definition",
    "lambda",
  ])) {
    if (!node) continue;
    if (node.type !== "call") return node;
    const fn = node.childForFieldName("function")!;
    const q = ctx.qualifiedName(fn);
    if (q?.startsWith("builtins.") && !BLOCKING_BUILTINS.has(q)) continue;
    if (q && PURE_CALLS.has(q)) continue;
    if (isModelCall(ctx, fn)) continue;
    if (fn.type === "attribute" && isPlainValue(ctx, fn.childForFieldName("object")!)) continue;
    return node;
  }
  return undefined;
}

function isModel(ctx: ModuleContext, node: Node): boolean {
  const cls = inferClass(ctx, node);
  if (!cls) return false;
  const members = cls.union ?? [cls];
  return members.every(
    (c) =>
      !!(c.definition
        ? ctx.classKind(c.definition)
        : c.qualified && ctx.kindOfClassName(c.qualified)),
  );
}

/** `Model(...)`, `Model.model_validate(...)`, `instance.model_dump()`. */
function isModelCall(ctx: ModuleContext, fn: Node): boolean {
  if (isModel(ctx, fn)) return true;
  return fn.type === "attribute" && isModel(ctx, fn.childForFieldName("object")!);
}

const VALUE_TYPES = new Set(
  ["str", "int", "float", "bool", "bytes", "list", "dict", "set", "tuple", "frozenset"].map(
    (t) => `builtins.${t}`,
  ),
);

/** A parameter or variable annotated with a builtin value type: its methods cannot block. */
function isPlainValue(ctx: ModuleContext, node: Node): boolean {
  // A method chain on such a value (`sort.lstrip("-").lower()`) stays on plain values.
  while (node.type === "call") {
    const fn = node.childForFieldName("function")!;
    if (fn.type !== "attribute") return false;
    node = fn.childForFieldName("object")!;
  }
  if (node.type !== "identifier") return false;
  const found = ctx.bindings(node.text, node);
  return (
    !!found?.length &&
    found.every((b) => {
      const q = ctx.annotationOf(b);
      return !!q && VALUE_TYPES.has(q);
    })
  );
}
