// FF203: `@app.on_event(...)`, `app.add_event_handler(...)` and `FastAPI(on_startup=[...])` are
// deprecated in favour of one lifespan context manager. The handler functions stay where they are
// (minus their decorator) and a new `lifespan` function calls them, in registration order, around
// its `yield`; it is defined just above the app, which gets `lifespan=lifespan`.
import type { RuleContext } from "../src/knowledge/context.js";
import type { Node } from "../src/engine/parser.js";
import {
  appendArgument,
  decoratorsOf,
  isAsync,
  keywordArguments,
  listItems,
  removeListItems,
} from "../src/engine/syntax.js";
import {
  blankLinesBefore,
  removeStatement,
  trimTrailingBlankLines,
} from "../src/engine/statements.js";
import type { Diagnostic, Edit } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";
import { APP_CLASSES } from "../src/project/fastapi-names.js";
import { literalString } from "../src/knowledge/routes.js";

const FASTAPI_CLASSES = new Set([...APP_CLASSES].filter((q) => q.endsWith(".FastAPI")));
const ROUTER_CLASSES = new Set([...APP_CLASSES].filter((q) => q.endsWith(".APIRouter")));
const EVENTS = new Set(["startup", "shutdown"]);
/** What the parameter of the new function is called (as in FastAPI's documentation). */
const APP_PARAMETER = "app";

const QUERY = `
(call function: (attribute object: (_) @receiver attribute: (identifier) @method (#any-of? @method "on_event" "add_event_handler")) arguments: (argument_list) @args) @call
(call function: (_) @class arguments: (argument_list (keyword_argument name: (identifier) @kw (#any-of? @kw "on_startup" "on_shutdown")))) @build
(attribute object: (attribute object: (identifier) @app attribute: (identifier) @router (#eq? @router "router")) attribute: (identifier) @attr (#any-of? @attr "on_startup" "on_shutdown" "on_event" "add_event_handler" "lifespan_context" "startup" "shutdown")) @use
`;

type Event = "startup" | "shutdown";

interface Handler {
  event: Event;
  name: string;
  async: boolean;
}

interface Registration {
  /** Where it is reported: the decorator's call, the add_event_handler call, the keyword. */
  node: Node;
  what: string;
  handlers: Handler[];
  edits: Edit[];
  /** Why it cannot be moved, when it cannot. */
  problem?: string;
}

/** A FastAPI app built at module level of this file, and what registers handlers on it. */
interface App {
  name: string;
  /** The `app = FastAPI(...)` expression statement. */
  statement: Node;
  build: Node;
  registrations: Registration[];
  problems: Array<{ node: Node; message: string }>;
}

export const lifespan: Rule = {
  name: "lifespan",
  code: "FF203",
  summary:
    'on_event("startup"/"shutdown") handlers, add_event_handler() and on_startup/on_shutdown -> one lifespan context manager',
  rule: "Use lifespan context managers instead of startup/shutdown events",
  gives: ["safe", "detect"],
  docs: {
    why: "on_event() and on_startup/on_shutdown are deprecated (they warn on FastAPI 0.116) and app.add_event_handler() is gone with Starlette 1.0; an app that also gets a lifespan silently skips them all. A lifespan function keeps setup and teardown together.",
    bad: 'app = FastAPI()\n\n\n@app.on_event("startup")\nasync def connect():\n    await db.connect()\n\n\n@app.on_event("shutdown")\nasync def disconnect():\n    await db.disconnect()\n',
    good: "@asynccontextmanager\nasync def lifespan(app: FastAPI):\n    await connect()\n    try:\n        yield\n    finally:\n        await disconnect()\n\n\napp = FastAPI(lifespan=lifespan)\n\n\nasync def connect():\n    await db.connect()\n\n\nasync def disconnect():\n    await db.disconnect()\n",
  },
  prefilter: /on_event|add_event_handler|on_startup|on_shutdown/,
  query: QUERY,
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    const apps = new Map<number, App>();
    const appFor = (found: { statement: Node; build: Node; name: string }): App => {
      let app = apps.get(found.statement.id);
      if (!app) {
        app = { ...found, registrations: [], problems: [] };
        apps.set(found.statement.id, app);
      }
      return app;
    };
    // Handlers of other routers (and apps) here: an app with a lifespan runs those included into
    // it after its own (FastAPI 0.116 and later) or not at all (before), so they must move too.
    const others: string[] = [];
    for (const m of ctx.captures(QUERY)) {
      const get = m.get;
      if (m.pattern === 0) {
        const receiver = get("receiver")!;
        const call = get("call")!;
        const method = get("method")!.text;
        if (isRouterAttribute(receiver)) continue; // `app.router.on_event`: the third pattern
        const found = moduleApp(ctx, receiver);
        if (found) {
          appFor(found).registrations.push(registration(ctx, call, method, get("args")!));
        } else if (ctx.isAppOrRouter(receiver)) {
          others.push(`${receiver.text}.${method}()`);
          out.push(
            ctx.diagnostic(
              this,
              call,
              `${method}() is deprecated; move the handlers into a lifespan by hand: ${receiver.text} is ${describe(ctx, receiver)}`,
            ),
          );
        } else {
          const factory = builtBy(ctx, receiver);
          if (factory)
            out.push(
              ctx.diagnostic(
                this,
                call,
                `${method}() is deprecated; move the handlers into a lifespan by hand: ${receiver.text} is built by ${factory}(), which should pass lifespan= to FastAPI()`,
              ),
            );
        }
      } else if (m.pattern === 1) {
        const build = get("build")!;
        const q = ctx.qualifiedName(get("class")!);
        const keyword = get("kw")!.parent!;
        if (q && FASTAPI_CLASSES.has(q)) {
          const found = builtApp(ctx, build);
          if (found) appFor(found);
          else
            out.push(
              ctx.diagnostic(
                this,
                keyword,
                `${get("kw")!.text} is deprecated; move the handlers into a lifespan by hand: the app is not built at module level`,
              ),
            );
        } else if (q && ROUTER_CLASSES.has(q)) {
          others.push(`APIRouter(${get("kw")!.text}=...)`);
          out.push(
            ctx.diagnostic(
              this,
              keyword,
              `${get("kw")!.text} is deprecated; move the handlers into a lifespan by hand: this is an APIRouter`,
            ),
          );
        }
      } else {
        const use = get("use")!;
        const found = moduleApp(ctx, get("app")!);
        if (found)
          appFor(found).problems.push({
            node: use,
            message: `${use.text} is used directly`,
          });
        else if (ctx.isAppOrRouter(get("app")!)) {
          others.push(use.text);
          out.push(
            ctx.diagnostic(
              this,
              use,
              `${use.text}: event handlers are deprecated; move them into a lifespan by hand`,
            ),
          );
        }
      }
    }
    const taken = new Set<string>();
    const ordered = [...apps.values()].sort(
      (a, b) => a.statement.startIndex - b.statement.startIndex,
    );
    for (const app of ordered) {
      if (others.length)
        app.problems.push({
          node: app.build,
          message: `this module also registers handlers elsewhere (${others[0]}), and FastAPI runs those differently (or not at all) once the app has a lifespan`,
        });
      out.push(...migrate(ctx, this, app, taken));
    }
    return out;
  },
};

// ---- finding the app ---------------------------------------------------------------------

/** `app.router`. */
function isRouterAttribute(node: Node): boolean {
  return node.type === "attribute" && node.childForFieldName("attribute")?.text === "router";
}

/** The app a name stands for, when it is bound once, at module level, to `FastAPI(...)`. */
function moduleApp(
  ctx: RuleContext,
  receiver: Node,
): { statement: Node; build: Node; name: string } | undefined {
  if (receiver.type !== "identifier") return undefined;
  const found = ctx.bindings(receiver.text, receiver);
  if (found?.length !== 1 || found[0]!.kind !== "assignment") return undefined;
  const assignment = found[0]!.statement;
  if (assignment.type !== "assignment") return undefined;
  const right = assignment.childForFieldName("right");
  if (right?.type !== "call") return undefined;
  const result = builtApp(ctx, right);
  return result?.name === receiver.text ? result : undefined;
}

/** `name = FastAPI(...)` (annotated or not) as a statement of its own at module level. */
function builtApp(
  ctx: RuleContext,
  build: Node,
): { statement: Node; build: Node; name: string } | undefined {
  const assignment = build.parent;
  if (assignment?.type !== "assignment" || !assignment.childForFieldName("right")?.equals(build))
    return undefined;
  const left = assignment.childForFieldName("left");
  const statement = assignment.parent;
  if (left?.type !== "identifier" || statement?.type !== "expression_statement") return undefined;
  if (statement.parent?.type !== "module" || statement.namedChildCount !== 1) return undefined;
  const q = ctx.qualifiedName(build.childForFieldName("function")!);
  if (!q || !FASTAPI_CLASSES.has(q)) return undefined;
  const found = ctx.scopes.module.bindings.get(left.text);
  if (found?.length !== 1) return undefined;
  return { statement, build, name: left.text };
}

/** The function that returns the app, when `app = make_app()` and make_app is annotated `-> FastAPI`. */
function builtBy(ctx: RuleContext, receiver: Node): string | undefined {
  if (receiver.type !== "identifier") return undefined;
  const found = ctx.bindings(receiver.text, receiver);
  if (found?.length !== 1 || found[0]!.statement.type !== "assignment") return undefined;
  const right = found[0]!.statement.childForFieldName("right");
  const fn = right?.type === "call" ? right.childForFieldName("function") : undefined;
  if (!fn) return undefined;
  let returns: string | undefined;
  const local = fn.type === "identifier" ? ctx.bindings(fn.text, fn) : undefined;
  if (local?.length === 1 && local[0]!.kind === "function") {
    const type = local[0]!.statement.childForFieldName("return_type")?.namedChildren[0];
    returns = type ? ctx.qualifiedName(type) : undefined;
  } else {
    const q = ctx.qualifiedName(fn);
    returns = q ? ctx.index.returnTypeOf(q) : undefined;
  }
  return returns && FASTAPI_CLASSES.has(returns) ? ctx.text(fn) : undefined;
}

function describe(ctx: RuleContext, receiver: Node): string {
  if (receiver.type === "identifier") {
    const found = ctx.bindings(receiver.text, receiver) ?? [];
    if (found.some((b) => b.kind === "import" || b.kind === "from-import"))
      return "imported from another module";
    if (found.length > 1) return "bound more than once";
    const b = found[0];
    if (b?.kind === "assignment" && b.statement.type === "assignment") {
      const fn = b.statement.childForFieldName("right")?.childForFieldName("function");
      const q = fn ? ctx.qualifiedName(fn) : undefined;
      if (q && ROUTER_CLASSES.has(q)) return "an APIRouter";
      if (b.scope.kind !== "module") return "not built at module level";
    }
    if (b?.kind === "parameter") return "a parameter";
  }
  return "not an app built at module level in this file";
}

// ---- what each registration adds -----------------------------------------------------------

function registration(ctx: RuleContext, call: Node, method: string, args: Node): Registration {
  const reg: Registration = { node: call, what: `${method}()`, handlers: [], edits: [] };
  const items = listItems(args);
  const keywords = keywordArguments(args);
  const positional = items.filter((i) => i.type !== "keyword_argument");
  const allowed = method === "on_event" ? ["event_type"] : ["event_type", "func"];
  if (
    items.some(
      (i) =>
        i.type === "list_splat" ||
        i.type === "dictionary_splat" ||
        (i.type === "keyword_argument" && !allowed.includes(i.childForFieldName("name")!.text)),
    ) ||
    positional.length + keywords.size !== allowed.length
  ) {
    reg.problem = "its arguments are not the usual ones";
    return reg;
  }
  const eventNode = positional[0] ?? keywords.get("event_type")?.childForFieldName("value");
  const event = literalString(eventNode);
  if (event === undefined || !EVENTS.has(event)) {
    reg.problem =
      event === undefined ? "the event name is not a string literal" : `unknown event "${event}"`;
    return reg;
  }
  if (method === "on_event") {
    const decorator = call.parent;
    const decorated = decorator?.parent;
    if (decorator?.type !== "decorator" || decorated?.type !== "decorated_definition") {
      reg.problem = "on_event() is not used as a decorator";
      return reg;
    }
    if (decorated.parent?.type !== "module") {
      reg.problem = "the handler is not defined at module level";
      return reg;
    }
    const fn = decorated.childForFieldName("definition")!;
    if (decoratorsOf(fn).length !== 1) {
      reg.problem = "the handler has other decorators";
      return reg;
    }
    if (fn.type !== "function_definition") {
      reg.problem = "the decorated object is not a function";
      return reg;
    }
    const name = fn.childForFieldName("name")!.text;
    const bound = ctx.scopes.module.bindings.get(name);
    if (bound?.length !== 1 || !bound[0]!.statement.equals(fn)) {
      reg.problem = `${name} is bound more than once in this module`;
      return reg;
    }
    const removal = removeLines(ctx, decorator);
    if (!removal) {
      reg.problem = "the decorator shares its line with other code";
      return reg;
    }
    reg.edits.push(removal);
    reg.handlers.push({ event: event as Event, name, async: isAsync(fn) });
    return reg;
  }
  const statement = call.parent;
  if (statement?.type !== "expression_statement" || statement.parent?.type !== "module") {
    reg.problem = "add_event_handler() is not a statement at module level";
    return reg;
  }
  const funcNode = positional[1] ?? keywords.get("func")?.childForFieldName("value");
  const handler = moduleFunction(ctx, funcNode!);
  if (typeof handler === "string") {
    reg.problem = handler;
    return reg;
  }
  const removal = statement.namedChildCount === 1 ? removeLines(ctx, statement) : undefined;
  if (!removal) {
    reg.problem = "the call shares its line with other code";
    return reg;
  }
  reg.edits.push(removal);
  reg.handlers.push({ event: event as Event, ...handler });
  return reg;
}

/** The `on_startup=[...]` / `on_shutdown=[...]` arguments of the app's construction. */
function constructorRegistrations(ctx: RuleContext, app: App): Registration[] {
  const out: Registration[] = [];
  for (const [key, keyword] of keywordArguments(app.build.childForFieldName("arguments")!)) {
    if (key !== "on_startup" && key !== "on_shutdown") continue;
    const reg: Registration = { node: keyword, what: key, handlers: [], edits: [] };
    out.push(reg);
    const value = keyword.childForFieldName("value")!;
    if (value.type === "none") continue;
    if (value.type !== "list" && value.type !== "tuple") {
      reg.problem = `${key} is not a list of functions`;
      continue;
    }
    if (value.namedChildren.some((c) => c?.type === "comment")) {
      reg.problem = `${key} holds comments`;
      continue;
    }
    for (const item of listItems(value)) {
      const handler = moduleFunction(ctx, item);
      if (typeof handler === "string") {
        reg.problem = handler;
        break;
      }
      reg.handlers.push({ event: key === "on_startup" ? "startup" : "shutdown", ...handler });
    }
  }
  return out;
}

/** A function defined once, undecorated, at module level of this file; or why it is not one. */
function moduleFunction(ctx: RuleContext, node: Node): Omit<Handler, "event"> | string {
  if (node.type !== "identifier")
    return `${node.text} is not the name of a function defined in this module`;
  const found = ctx.scopes.module.bindings.get(node.text);
  const lookedUp = ctx.bindings(node.text, node);
  const fn = found?.length === 1 ? found[0]!.statement : undefined;
  if (
    !fn ||
    found![0]!.kind !== "function" ||
    lookedUp?.length !== 1 ||
    lookedUp[0] !== found![0] ||
    fn.parent?.type !== "module"
  ) {
    if (found?.some((b) => b.kind === "import" || b.kind === "from-import"))
      return `${node.text} comes from another module, which may define it async or not`;
    if (fn?.parent?.type === "decorated_definition")
      return `${node.text} is decorated, so it may be async or not`;
    return `${node.text} is not a function defined once at module level of this module`;
  }
  return { name: node.text, async: isAsync(fn) };
}

// ---- the fix ------------------------------------------------------------------------------

function migrate(ctx: RuleContext, t: Rule, app: App, taken: Set<string>): Diagnostic[] {
  // The constructor's lists run first, then what registers later, in the order it runs.
  const registrations = [...constructorRegistrations(ctx, app), ...app.registrations];
  const handlers = registrations.flatMap((r) => r.handlers);
  if (!handlers.length && !registrations.some((r) => r.problem)) return [];
  const reports = [...registrations.map((r) => r.node), ...app.problems.map((p) => p.node)];
  // Everything moves together or nothing does: a suppressed registration keeps them all.
  const suppressions = ctx.suppressions;
  if (reports.some((node) => suppressions.covers(ctx.diagnostic(t, node, "")))) return [];

  const args = app.build.childForFieldName("arguments")!;
  const items = listItems(args);
  const keywords = keywordArguments(args);
  let problem: { node: Node; message: string } | undefined = app.problems[0];
  problem ??= registrations
    .filter((r) => r.problem)
    .map((r) => ({ node: r.node, message: `${r.what}: ${r.problem!}` }))[0];
  const existing = keywords.get("lifespan")?.childForFieldName("value");
  if (existing && existing.type !== "none")
    problem ??= {
      node: existing,
      message: `${app.name} has a lifespan already, so FastAPI never runs these handlers`,
    };
  if (items.some((i) => i.type === "dictionary_splat" || i.type === "list_splat"))
    problem ??= { node: args, message: `FastAPI(...) takes ** arguments that may set a lifespan` };
  // The constructor: on_startup/on_shutdown go, lifespan= comes in (in the first one's place).
  const gone = items
    .map((item, i) => ({ item, i }))
    .filter(
      ({ item }) =>
        item.type === "keyword_argument" &&
        ["on_startup", "on_shutdown", "lifespan"].includes(item.childForFieldName("name")!.text),
    );
  const removals = gone.length
    ? [
        { start: gone[0]!.item.startIndex, end: gone[0]!.item.endIndex, text: "" },
        ...removeListItems(
          items,
          gone.slice(1).map((g) => g.i),
        ),
      ]
    : [];
  const comments = args.namedChildren.filter((c): c is Node => c?.type === "comment");
  if (comments.some((c) => removals.some((r) => r.start <= c.startIndex && c.endIndex <= r.end)))
    problem ??= { node: args, message: `comments sit among the arguments to remove` };

  if (!problem && handlers.some((h) => h.name === APP_PARAMETER))
    problem = { node: app.build, message: `a handler is called ${APP_PARAMETER}` };
  const name = problem ? undefined : freeName(ctx, app, taken);
  if (!problem && !name)
    problem = { node: app.build, message: "no free name for the lifespan function" };
  const decorator = problem
    ? undefined
    : ctx.ensureImport(app.statement, "contextlib", "asynccontextmanager");
  if (decorator && !decorator.ok) problem = { node: app.build, message: decorator.reason };

  const first = registrations[0]!;
  if (problem || !decorator?.ok || !name) {
    return registrations.map((r) =>
      ctx.diagnostic(
        t,
        r.node,
        `${r.what} is deprecated; move the handlers into a lifespan by hand: ${r.problem ?? problem?.message ?? ""}`,
      ),
    );
  }
  taken.add(name);

  const edits: Edit[] = [];
  edits.push(definition(ctx, app, name, decorator.expr, handlers));
  const keyword = `lifespan=${name}`;
  if (removals.length) edits.push({ ...removals[0]!, text: keyword }, ...removals.slice(1));
  else edits.push(...appendArgument(ctx.source, ctx.stylist.newline, args, keyword));
  edits.push(
    ...trimTrailingBlankLines(
      ctx.source,
      app.registrations.flatMap((r) => r.edits),
    ),
  );
  return [
    ctx.diagnostic(t, first.node, `${first.what} is deprecated; use a lifespan function`, {
      title: `Move the event handlers of ${app.name} into ${name}()`,
      safety: "safe",
      edits,
      imports: decorator.requirement ? [decorator.requirement] : [],
    }),
  ];
}

/** `lifespan`, or another name nothing in the module uses. */
function freeName(ctx: RuleContext, app: App, taken: Set<string>): string | undefined {
  const used = new Set(ctx.root.descendantsOfType("identifier").map((id) => id?.text));
  const candidates = ["lifespan", `${app.name}_lifespan`];
  for (let i = 2; i < 10; i++) candidates.push(`lifespan_${i}`);
  return candidates.find(
    (c) => !used.has(c) && !taken.has(c) && !ctx.scopes.module.bindings.has(c),
  );
}

/** The new function, above the app's statement and the comments attached to it. */
function definition(
  ctx: RuleContext,
  app: App,
  name: string,
  decorator: string,
  handlers: Handler[],
): Edit {
  const nl = ctx.stylist.newline;
  const unit = ctx.stylist.indent;
  const call = (h: Handler): string => `${h.async ? "await " : ""}${h.name}()`;
  const appClass = ctx.text(app.build.childForFieldName("function")!);
  const lines = [`@${decorator}`, `async def ${name}(${APP_PARAMETER}: ${appClass}):`];
  for (const h of handlers.filter((h) => h.event === "startup")) lines.push(unit + call(h));
  const shutdown = handlers.filter((h) => h.event === "shutdown");
  if (shutdown.length) {
    // Starlette ran the shutdown handlers whatever ended the app's run: so does `finally`.
    lines.push(`${unit}try:`, `${unit}${unit}yield`, `${unit}finally:`);
    for (const h of shutdown) lines.push(unit + unit + call(h));
  } else {
    lines.push(`${unit}yield`);
  }
  const source = ctx.source;
  let at = source.lastIndexOf("\n", app.statement.startIndex - 1) + 1;
  // Comments right above the app belong to it.
  for (;;) {
    if (at === 0) break;
    const prev = source.lastIndexOf("\n", at - 2) + 1;
    if (!/^[ \t]*#/.test(source.slice(prev, at))) break;
    at = prev;
  }
  // Two blank lines above the new function (PEP 8), counting those already there.
  const blanks = blankLinesBefore(source, at);
  const before = at > 0 && blanks.start > 0 ? nl.repeat(Math.max(0, 2 - blanks.count)) : "";
  return { start: at, end: at, text: before + lines.join(nl) + nl + nl + nl };
}

/**
 * Removes the lines of a decorator or a statement, keeping a comment that ends them, and the blank
 * lines a removed statement leaves doubled; undefined when other code shares those lines.
 */
function removeLines(ctx: RuleContext, node: Node): Edit | undefined {
  const source = ctx.source;
  // A last line that ends in a lone "\r" counts as shared (as it always has here).
  if (source.endsWith("\r") && source.indexOf("\n", node.endIndex) === -1) return undefined;
  return removeStatement(source, node, {
    comment: "keep",
    rewriteNewline: ctx.stylist.newline,
    blankLines: node.type === "decorator" ? "none" : "balance",
  });
}
