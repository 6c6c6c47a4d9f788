// FF003: route handlers declared with plain `def` run in a thread pool; the rules ask for
// `async def`, which is only safe to switch to when the body cannot block.
import { isOptionalOrUnion, typingName } from "./data/pydantic-fields.js";
import { firstLine } from "../src/engine/source.js";
import type { RuleContext } from "../src/knowledge/context.js";
import { genericParts, inferClass } from "../src/knowledge/inference.js";
import type { Node } from "../src/engine/parser.js";
import { isAsync } from "../src/engine/syntax.js";
import type { Diagnostic } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";
import { DEPENDS, HTTP_EXCEPTIONS } from "../src/project/fastapi-names.js";
import { classBases } from "../src/project/summary.js";

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

export const asyncRouteHandler: Rule = {
  name: "async-route-handler",
  code: "FF003",
  summary: "route handlers declared with plain def (async def when the body cannot block)",
  rule: "Use async def for all route handlers and I/O operations",
  gives: ["unsafe", "detect"],
  docs: {
    why: "The rules ask for async handlers. FastAPI runs a plain def handler in a thread pool, so turning it into async def is only safe when nothing in it can block the event loop.",
    bad: '@app.get("/items/{item_id}")\ndef read_item(item_id: int):\n    return Item(id=item_id)\n',
    good: '@app.get("/items/{item_id}")\nasync def read_item(item_id: int):\n    return Item(id=item_id)\n',
  },
  scope: "routes",
  prefilter: /\bdef\b/,
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    const seen = new Set<number>();
    for (const route of ctx.routes()) {
      const handler = route.handler;
      if (route.kind === "websocket" || seen.has(handler.id)) continue;
      seen.add(handler.id);
      if (isAsync(handler)) continue;
      const name = handler.childForFieldName("name")!;
      const blocker = firstBlockingCall(ctx, handler);
      const database = firstDatabaseUse(ctx, handler);
      const message = `route handler ${name.text}() is a plain def`;
      if (database && (!blocker || database.node.startIndex < blocker.startIndex)) {
        const what = firstLine(database.node.text, 50);
        const used = `\`${database.name}\``;
        const subject = database.node.type === "identifier" ? "it" : `\`${what}\``;
        const why = {
          session: `${subject} uses the database session ${used}, whose SQL would block the event loop`,
          orm: `${subject} reads ${used}, maybe an ORM object, whose lazy attributes would run SQL on the event loop`,
          dependency: `${subject} reads ${used}, which a dependency gives without naming its class (a database session or an ORM object, maybe)`,
        }[database.kind];
        out.push(ctx.diagnostic(this, name, `${message}; ${why}, so it stays def`));
        continue;
      }
      if (blocker) {
        out.push(
          ctx.diagnostic(
            this,
            name,
            `${message}; \`${firstLine(blocker.text, 50)}\` may block, so it stays def (make its I/O async first)`,
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

/**
 * The first call in the handler that could block: anything but a pure builtin, a Pydantic model
 * (its constructor, class methods and instance methods) or a value-building FastAPI class.
 * Iterating with `for` or `with` over anything also counts, as do `yield` and nested defs.
 */
function firstBlockingCall(ctx: RuleContext, handler: Node): Node | undefined {
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

function isModel(ctx: RuleContext, node: Node): boolean {
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
function isModelCall(ctx: RuleContext, fn: Node): boolean {
  if (isModel(ctx, fn)) return true;
  return fn.type === "attribute" && isModel(ctx, fn.childForFieldName("object")!);
}

const VALUE_TYPES = new Set(
  ["str", "int", "float", "bool", "bytes", "list", "dict", "set", "tuple", "frozenset"].map(
    (t) => `builtins.${t}`,
  ),
);

/** A parameter or variable annotated with a builtin value type: its methods cannot block. */
function isPlainValue(ctx: RuleContext, node: Node): boolean {
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

/** SQLAlchemy (and SQLModel) sessions: everything they do is SQL. */
const SESSION_CLASSES = new Set([
  "sqlalchemy.orm.Session",
  "sqlalchemy.orm.session.Session",
  "sqlalchemy.orm.scoped_session",
  "sqlalchemy.orm.scoping.scoped_session",
  "sqlmodel.Session",
  "sqlmodel.orm.session.Session",
]);
/** Modules whose classes are plain values or framework objects, never ORM rows. */
const VALUE_MODULES =
  /^(builtins|typing|typing_extensions|collections|uuid|datetime|decimal|enum|pathlib|ipaddress|fastapi|starlette|pydantic|pydantic_settings|email_validator)\./;

type DatabaseKind = "session" | "orm" | "dependency";

/**
 * The first place the handler's body uses a parameter that is, or may be, a database session or
 * an ORM object: `db.query(...)` and any other use of a session, `current_user.items` (a lazy
 * relationship runs SQL when read) and any other use of a possible ORM object, which FastAPI's
 * response validation may read as well (it runs on the event loop for async handlers).
 */
function firstDatabaseUse(
  ctx: RuleContext,
  handler: Node,
): { node: Node; name: string; kind: DatabaseKind } | undefined {
  const params = new Map<number, DatabaseKind>();
  for (const param of handler.childForFieldName("parameters")!.namedChildren) {
    if (!param) continue;
    const name =
      param.type === "identifier"
        ? param
        : (param.childForFieldName("name") ??
          param.namedChildren.find((c) => c?.type === "identifier"));
    if (!name || name.type !== "identifier") continue;
    const kind = parameterKind(ctx, param);
    if (kind) params.set(name.startIndex, kind);
  }
  if (!params.size) return undefined;
  const body = handler.childForFieldName("body")!;
  for (const id of body.descendantsOfType("identifier")) {
    if (!id || !isReadName(id)) continue;
    const found = ctx.bindings(id.text, id);
    const param = found?.find((b) => b.kind === "parameter" && params.has(b.node.startIndex));
    if (!param) continue;
    const kind = params.get(param.node.startIndex)!;
    const parent = id.parent;
    const read =
      parent?.type === "attribute" && parent.childForFieldName("object")?.equals(id) ? parent : id;
    return { node: read, name: id.text, kind };
  }
  return undefined;
}

/** A name that is read, not the attribute part of `a.b` or a keyword argument's name. */
function isReadName(id: Node): boolean {
  const parent = id.parent;
  if (parent?.type === "attribute" && parent.childForFieldName("attribute")?.equals(id))
    return false;
  return !(parent?.type === "keyword_argument" && parent.childForFieldName("name")?.equals(id));
}

/**
 * What a parameter may be: a session (annotated so, or given by a dependency that returns one), a
 * possible ORM object (annotated with a class that is neither a Pydantic model, nor a builtin,
 * nor a framework or standard value class), or either when a `Depends(get_db)`-style dependency
 * does not say what it gives.
 */
function parameterKind(ctx: RuleContext, param: Node): DatabaseKind | undefined {
  const type = param.childForFieldName("type");
  let dependency: Node | undefined;
  let annotated: Node | undefined;
  if (type) {
    const [expr, metadata] = unwrapAnnotated(ctx, type);
    annotated = expr;
    dependency = metadata.find((m) => isDepends(ctx, m));
  }
  const value = param.childForFieldName("value");
  if (!dependency && value && isDepends(ctx, value)) dependency = value;
  const fromAnnotation = annotated ? classKindOf(ctx, annotated) : undefined;
  if (fromAnnotation !== undefined) return fromAnnotation || undefined;
  if (!dependency) return undefined;
  const args = dependency.childForFieldName("arguments")!;
  const dep = args.namedChildren.find(
    (c) => c && c.type !== "comment" && c.type !== "keyword_argument",
  );
  if (!dep) return undefined;
  // `Depends(SomeClass)`: an instance of that class.
  const cls = inferClass(ctx, dep);
  if (cls && !cls.instance) return classKindOf(ctx, dep) || undefined;
  const q = ctx.qualifiedName(dep);
  const returned = q ? ctx.index.returnTypeOf(q) : undefined;
  // No annotation, or one that says nothing of the value (`-> Generator`, `-> Any`).
  if (!returned || /^(typing|typing_extensions|collections\.abc)\./.test(returned))
    return "dependency";
  return qualifiedKind(ctx, returned) || undefined;
}

/** `Annotated[T, meta...]` -> T and its metadata; `Optional[T]` -> T; anything else as it is. */
function unwrapAnnotated(ctx: RuleContext, type: Node): [Node | undefined, Node[]] {
  let expr: Node | undefined = type.type === "type" ? (type.namedChildren[0] ?? undefined) : type;
  const metadata: Node[] = [];
  for (let i = 0; expr && i < 4; i++) {
    if (expr.type !== "generic_type" && expr.type !== "subscript") break;
    const [head, args] = genericParts(expr);
    const q = head ? ctx.qualifiedName(head) : undefined;
    if (typingName(q) === "Annotated") {
      metadata.push(...args.slice(1));
      expr = args[0];
    } else if (isOptionalOrUnion(q)) {
      const members = args.filter((a) => a.text !== "None");
      expr = members.length === 1 ? members[0] : undefined;
    } else break;
  }
  return [expr, metadata];
}

function isDepends(ctx: RuleContext, node: Node): boolean {
  if (node.type !== "call") return false;
  const q = ctx.qualifiedName(node.childForFieldName("function")!);
  return !!q && DEPENDS.has(q);
}

/**
 * What an annotation's class makes a parameter: "session", "orm" (possibly), false for a value
 * that is neither, undefined when the annotation names no class (a union, a string).
 */
function classKindOf(ctx: RuleContext, expr: Node): DatabaseKind | false | undefined {
  if (expr.type === "binary_operator") {
    const parts = [expr.childForFieldName("left"), expr.childForFieldName("right")].filter(
      (p): p is Node => !!p && p.text !== "None",
    );
    return parts.length === 1 ? classKindOf(ctx, parts[0]!) : undefined;
  }
  if (expr.type === "generic_type" || expr.type === "subscript") {
    // `list[models.User]`: what its items are; `Page[Item]`: the class, or what it holds.
    const [head, args] = genericParts(expr);
    const outer = head ? classKindOf(ctx, head) : undefined;
    if (outer) return outer;
    for (const arg of args) {
      const inner = classKindOf(ctx, arg);
      if (inner) return inner;
    }
    return outer;
  }
  const head = expr;
  if (head.type !== "identifier" && head.type !== "attribute") return undefined;
  const cls = inferClass(ctx, head);
  if (cls?.definition && !cls.instance) {
    if (ctx.classKind(cls.definition)) return mayBeTable(ctx) ? "orm" : false;
    return isLocalEnum(ctx, cls.definition) ? false : "orm";
  }
  const q = ctx.qualifiedName(head);
  return q ? qualifiedKind(ctx, q) : "orm";
}

function qualifiedKind(ctx: RuleContext, q: string): DatabaseKind | false {
  if (SESSION_CLASSES.has(q)) return "session";
  if (VALUE_MODULES.test(q)) return false;
  if (ctx.kindOfClassName(q)) return mayBeTable(ctx) ? "orm" : false;
  return "orm";
}

/** A module that uses SQLModel: its models may be tables (`table=True`), whose rows load lazily. */
function mayBeTable(ctx: RuleContext): boolean {
  return /\bsqlmodel\b/.test(ctx.source);
}

function isLocalEnum(ctx: RuleContext, definition: Node): boolean {
  return classBases(definition, ctx).some((b) => b.startsWith("enum."));
}
