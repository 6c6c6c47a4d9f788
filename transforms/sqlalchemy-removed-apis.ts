// FF304: what SQLAlchemy 2.0 removed, each rewritten to the form valid on 1.4 and 2.0 alike where
// the meaning is certain, and reported where it is not.
import { firstLine } from "../src/engine/source.js";
import { keywordArguments, listItems, removeListItems } from "../src/engine/syntax.js";
import type { Node } from "../src/engine/parser.js";
import type { Diagnostic, Edit, Fix } from "../src/engine/types.js";
import type { RuleContext } from "../src/knowledge/context.js";
import { inferClass } from "../src/knowledge/inference.js";
import type { Rule } from "../src/knowledge/rule.js";
import { moduleVariable } from "../src/project/summary.js";
import {
  COLUMN,
  CONNECTIONS,
  ENGINES,
  MAPPED_COLUMN,
  SELECT,
  SESSIONS,
} from "./data/sqlalchemy-names.js";

const CASE = new Set(["sqlalchemy.case", "sqlalchemy.sql.case", "sqlalchemy.sql.expression.case"]);
const SESSIONMAKER = new Set([
  "sqlalchemy.orm.sessionmaker",
  "sqlalchemy.orm.session.sessionmaker",
  "sqlalchemy.orm.Session",
  "sqlalchemy.orm.session.Session",
]);
const CREATE_ENGINE = new Set(["sqlalchemy.create_engine", "sqlalchemy.engine.create_engine"]);
const METADATA = new Set(["sqlalchemy.MetaData", "sqlalchemy.schema.MetaData"]);
const MAPPER = new Set(["sqlalchemy.orm.mapper"]);
const PG_UUID = new Set([
  "sqlalchemy.dialects.postgresql.UUID",
  "sqlalchemy.dialects.postgresql.base.UUID",
  "sqlalchemy.dialects.postgresql.types.UUID",
]);
/** Where a column type is given: Column() and mapped_column(). */
const COLUMNS = new Set([...COLUMN, ...MAPPED_COLUMN]);
/** Loader options that take attribute paths, which 2.0 no longer takes as strings. */
const LOADERS = new Set([
  "joinedload",
  "selectinload",
  "subqueryload",
  "lazyload",
  "noload",
  "raiseload",
  "defer",
  "undefer",
  "load_only",
  "immediateload",
]);
/** Where text() reads a bind parameter: `:name` not after a word character, colon or backslash. */
const BIND_PARAMETER = /(?<![:\w\\]):\w/;

export const sqlalchemyRemovedApis: Rule = {
  name: "sqlalchemy-removed-apis",
  code: "FF304",
  summary:
    "APIs SQLAlchemy 2.0 removed: select([..]), case([..]), string SQL in execute(), keyword execute parameters, engine.table_names(), string loader paths, postgresql.UUID's default...",
  rule: "Use SQLAlchemy 2.0 APIs",
  gives: ["safe", "detect"],
  docs: {
    why: 'SQLAlchemy 2.0 raises on APIs 1.x accepted. The rewrites give the form 1.4 and 2.0 both take: `select([a, b], cond)` -> `select(a, b).where(cond)`, `case([(c, v)])` -> `case((c, v))`, `insert(t, values=v)` / `update(t, cond, v)` / `t.delete(cond)` -> `insert(t).values(v)` / `update(t).where(cond).values(v)` / `t.delete().where(cond)`, a plain SQL string given to a Session or Connection `execute()` -> `text(...)` (only when the SQL has no `:name`, which text() would read as a parameter, and no DB-API parameters follow), `conn.execute(stmt, x=1)` -> `conn.execute(stmt, {"x": 1})`, `engine.table_names()` / `engine.has_table(t)` -> `inspect(engine)...`, `engine.execute(x)` (or `engine.scalar(x)`) as a statement, or with its result consumed in the same statement, -> that statement in `with engine.begin() as conn:` (which commits DML, as engine.execute() did), `row[\"name\"]` / `row.keys()` / `dict(row)` on rows of a result -> through `row._mapping`, `joinedload("items")` -> `joinedload(User.items)` when the query\'s entity is known. `postgresql.UUID` without `as_uuid` gets `as_uuid=False` on projects not yet on 2.0: 2.0 flipped the default, and values would come back as `uuid.UUID` instead of `str`. On projects that declare SQLAlchemy >= 2.0, `sessionmaker(autocommit=False)` and `create_engine(future=True)` lose the keyword, a no-op there. `autocommit=True`, `subtransactions=`, `MetaData(bind=)`, `from_self()`, `mapper()` and an `engine.execute()` whose result outlives the statement are reported.',
    bad: 'rows = conn.execute(select([users.c.id], users.c.active == True), limit=10)\ndb.execute("SELECT 1")\n',
    good: 'rows = conn.execute(select(users.c.id).where(users.c.active == True), {"limit": 10})\ndb.execute(text("SELECT 1"))\n',
  },
  prefilter: [
    /\bsqlalchemy\b|\.execute\(|\.query\(|\.transaction\b/,
    /\b(select|case)\(\s*\[|\.execute\(|\.scalar\(|\.transaction\b|\b(insert|update|delete)\(|table_names|has_table|\b(joinedload|selectinload|subqueryload|lazyload|noload|raiseload|defer|undefer|load_only|immediateload|join|outerjoin)\(\s*["']|\bUUID\b|autocommit|future\s*=|subtransactions|bind\s*=|from_self|\bmapper\(/,
  ],
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    const push = (d: Diagnostic | undefined): void => {
      if (d) out.push(d);
    };
    for (const site of ctx.callsTo(["insert", "update", "delete"]))
      push(dmlKeywords(this, ctx, site.call));
    for (const site of ctx.callsTo(["select", "case"])) {
      const q = ctx.qualifiedName(site.fn) ?? "";
      if (SELECT.has(q)) push(listSelect(this, ctx, site.call));
      else if (CASE.has(q)) push(listCase(this, ctx, site.call));
    }
    for (const site of ctx.callsTo(["execute"])) push(execute(this, ctx, site.call));
    for (const site of ctx.callsTo(["scalar"])) {
      const fn = site.call.childForFieldName("function")!;
      if (fn.type !== "attribute") continue;
      const engine = fn.childForFieldName("object")!;
      if (receiverKind(ctx, engine) === "engine") push(engineExecute(this, ctx, site.call, engine));
    }
    for (const site of ctx.callsTo(["table_names", "has_table"]))
      push(inspection(this, ctx, site.call));
    for (const site of ctx.callsTo([...LOADERS])) push(loaderPath(this, ctx, site.call));
    for (const site of ctx.callsTo(["join", "outerjoin"])) push(joinPath(this, ctx, site.call));
    for (const site of ctx.callsTo(["sessionmaker", "Session", "create_engine", "MetaData"]))
      out.push(...keywordChecks(this, ctx, site.call));
    for (const site of ctx.callsTo(["begin"])) push(subtransactions(this, ctx, site.call));
    for (const site of ctx.callsTo(["from_self", "mapper"])) push(removed(this, ctx, site.call));
    out.push(...uuidDefaults(this, ctx));
    out.push(...rowMappings(this, ctx));
    out.push(...sessionTransactions(this, ctx));
    return out;
  },
};

// ---- shared ------------------------------------------------------------------------------------

type Receiver = "session" | "connection" | "engine" | undefined;

/** The qualified name of a name, a module-level variable included (`engine` -> app.db.engine). */
function nameOf(ctx: RuleContext, node: Node): string | undefined {
  return ctx.qualifiedName(node) ?? moduleVariable(node, ctx);
}

/** What a call's result is: a session from a factory, a connection from an engine... */
function madeBy(ctx: RuleContext, call: Node): Receiver {
  const fn = call.childForFieldName("function");
  if (!fn) return undefined;
  const q = nameOf(ctx, fn);
  if (q && SESSIONS.has(q)) return "session";
  if (q === "alembic.op.get_bind") return "connection";
  if (q && ctx.index.factoryKind(q) === "session") return "session";
  if (fn.type === "attribute" && /^(connect|begin)$/.test(fn.childForFieldName("attribute")!.text))
    return receiverKind(ctx, fn.childForFieldName("object")!) === "engine"
      ? "connection"
      : undefined;
  return undefined;
}

/** What an expression is, when the code says so plainly; undefined when it does not. */
function receiverKind(ctx: RuleContext, node: Node): Receiver {
  if (ctx.annotatedAs(node, SESSIONS)) return "session";
  if (ctx.annotatedAs(node, CONNECTIONS)) return "connection";
  if (ctx.annotatedAs(node, ENGINES)) return "engine";
  const inferred = inferClass(ctx, node);
  if (inferred?.instance && inferred.qualified) {
    if (SESSIONS.has(inferred.qualified)) return "session";
    if (CONNECTIONS.has(inferred.qualified)) return "connection";
    if (ENGINES.has(inferred.qualified)) return "engine";
  }
  if (node.type === "call") return madeBy(ctx, node);
  if (node.type !== "identifier" && node.type !== "attribute") return undefined;
  const q = nameOf(ctx, node);
  if (q && ctx.index.factoryKind(q) === "engine") return "engine";
  if (node.type !== "identifier") return undefined;
  const found = ctx.bindings(node.text, node);
  if (found?.length !== 1) return undefined;
  const b = found[0]!;
  const value =
    b.kind === "assignment"
      ? b.statement.childForFieldName("right")
      : b.kind === "with"
        ? b.statement.namedChildren[0]
        : undefined;
  return value?.type === "call" ? madeBy(ctx, value) : undefined;
}

/**
 * Edits that drop the brackets of a list literal, keeping its items as they are written; a
 * bracket alone on its line goes with its line.
 */
function unbracket(source: string, list: Node): Edit[] {
  const drop = (bracket: Node): Edit => {
    const lineStart = source.lastIndexOf("\n", bracket.startIndex - 1) + 1;
    const newline = source.indexOf("\n", bracket.endIndex);
    const lineEnd = newline < 0 ? source.length : newline + 1;
    const alone =
      !source.slice(lineStart, bracket.startIndex).trim() &&
      !source.slice(bracket.endIndex, lineEnd).trim();
    return alone && newline >= 0
      ? { start: lineStart, end: lineEnd, text: "" }
      : { start: bracket.startIndex, end: bracket.endIndex, text: "" };
  };
  // `[a, b,]` -> `a, b,`: a trailing comma is fine in a call.
  return [
    drop(list.children.find((c) => c?.type === "[")!),
    drop(list.children.find((c) => c?.type === "]")!),
  ];
}

function hasComment(node: Node): boolean {
  return node.descendantsOfType("comment").length > 0;
}

// ---- select([...]) and case([...]) ---------------------------------------------------------------

/** Legacy keyword arguments of select() and the method each became. */
const SELECT_KEYWORDS: Readonly<Record<string, string>> = {
  whereclause: "where",
  order_by: "order_by",
  group_by: "group_by",
  having: "having",
  limit: "limit",
  offset: "offset",
};

function listSelect(rule: Rule, ctx: RuleContext, call: Node): Diagnostic | undefined {
  const args = call.childForFieldName("arguments");
  if (args?.type !== "argument_list") return undefined;
  const items = listItems(args);
  const first = items[0];
  if (first?.type !== "list") return undefined;
  const message = "select([...]) was removed in SQLAlchemy 2.0: columns are positional";
  const report = (why?: string, fix?: Fix): Diagnostic =>
    ctx.diagnostic(rule, first, why ? `${message} (${why})` : message, fix);
  const methods: string[] = [];
  for (const [i, arg] of items.entries()) {
    if (i === 0) continue;
    if (arg.type === "keyword_argument") {
      const name = arg.childForFieldName("name")!.text;
      const method = SELECT_KEYWORDS[name];
      if (!method) return report(`${name}= has no counterpart here: convert it by hand`);
      const value = arg.childForFieldName("value")!;
      const list = method === "order_by" || method === "group_by";
      const text =
        list && value.type === "list"
          ? listItems(value)
              .map((v) => ctx.text(v))
              .join(", ")
          : ctx.text(value);
      methods.push(`.${method}(${text})`);
    } else if (i === 1) {
      methods.push(`.where(${ctx.text(arg)})`);
    } else {
      return report("more than a where clause follows the columns: convert it by hand");
    }
  }
  if (items.length > 1 && hasComment(args)) return report("convert it by hand");
  const edits = unbracket(ctx.source, first);
  if (items.length > 1) {
    edits.push({ start: first.endIndex, end: items[items.length - 1]!.endIndex, text: "" });
    edits.push({ start: call.endIndex, end: call.endIndex, text: methods.join("") });
  }
  return report(undefined, { title: "Pass the columns positionally", safety: "safe", edits });
}

function listCase(rule: Rule, ctx: RuleContext, call: Node): Diagnostic | undefined {
  const args = call.childForFieldName("arguments");
  if (args?.type !== "argument_list") return undefined;
  const first = listItems(args)[0];
  if (first?.type !== "list") return undefined;
  const message = "case([...]) was removed in SQLAlchemy 2.0: the whens are positional";
  if (!listItems(first).length || listItems(first).some((w) => w.type !== "tuple"))
    return ctx.diagnostic(rule, first, `${message} (convert it by hand)`);
  return ctx.diagnostic(rule, first, message, {
    title: "Pass the whens positionally",
    safety: "safe",
    edits: unbracket(ctx.source, first),
  });
}

// ---- execute() -----------------------------------------------------------------------------------

/** A plain string literal (implicit concatenation included), or undefined. */
function plainSql(node: Node): string | undefined {
  const parts = node.type === "concatenated_string" ? listItems(node) : [node];
  let out = "";
  for (const part of parts) {
    if (part.type !== "string" || !/^[rRuU]?["']/.test(part.text)) return undefined;
    if (part.namedChildren.some((c) => c?.type === "interpolation")) return undefined;
    out += part.namedChildren
      .filter((c) => c?.type === "string_content" || c?.type === "escape_sequence")
      .map((c) => c!.text)
      .join("");
  }
  return out;
}

function execute(rule: Rule, ctx: RuleContext, call: Node): Diagnostic | undefined {
  const fn = call.childForFieldName("function")!;
  if (fn.type !== "attribute") return undefined;
  const receiver = fn.childForFieldName("object")!;
  const kind = receiverKind(ctx, receiver);
  if (kind === "engine") return engineExecute(rule, ctx, call, receiver);
  if (!kind) return undefined;
  const args = call.childForFieldName("arguments")!;
  if (args.type !== "argument_list") return undefined;
  const items = listItems(args);
  const first = items[0];
  if (!first) return undefined;
  if (first.type === "string" || first.type === "concatenated_string")
    return stringSql(rule, ctx, first, items, kind);
  const keywords = items.filter((i) => i.type === "keyword_argument");
  if (kind !== "connection" || !keywords.length) return undefined;
  // Connection.execute(stmt, x=1): 1.x read keywords as parameters; 2.0 takes one dict.
  const message = "keyword parameters to execute() were removed in SQLAlchemy 2.0: pass a dict";
  if (items.length !== keywords.length + 1 || items.some((i) => i.type === "dictionary_splat"))
    return ctx.diagnostic(rule, keywords[0]!, `${message} (convert it by hand)`);
  const entries = keywords.map(
    (k) =>
      `${JSON.stringify(k.childForFieldName("name")!.text)}: ${ctx.text(k.childForFieldName("value")!)}`,
  );
  return ctx.diagnostic(rule, keywords[0]!, message, {
    title: "Pass the parameters as a dict",
    safety: "safe",
    edits: [
      {
        start: keywords[0]!.startIndex,
        end: keywords[keywords.length - 1]!.endIndex,
        text: `{${entries.join(", ")}}`,
      },
    ],
  });
}

/**
 * A SQL string given to execute(). A 1.4 Session read it as text() already, parameters and all:
 * wrapping it is exact. A Connection passed it to the driver, whose placeholders and colons
 * text() reads otherwise: only a plain literal without `:name` and without parameters is sure.
 */
function stringSql(
  rule: Rule,
  ctx: RuleContext,
  sql: Node,
  items: Node[],
  kind: "session" | "connection",
): Diagnostic {
  const message = "execute() of a SQL string was removed in SQLAlchemy 2.0: wrap it in text()";
  const report = (why?: string, fix?: Fix): Diagnostic =>
    ctx.diagnostic(rule, sql, why ? `${message} (${why})` : message, fix);
  if (kind === "connection") {
    const content = plainSql(sql);
    if (content === undefined)
      return report("the SQL is built at run time: make it a text() with bound parameters by hand");
    if (items.length > 1)
      return report(
        "DB-API parameters follow: rewrite the placeholders as :name for text(), or use exec_driver_sql()",
      );
    if (BIND_PARAMETER.test(content))
      return report(
        "text() would read its `:name` as a bound parameter: escape it as `\\:` by hand",
      );
  }
  const text = ctx.ensureImport(sql, "sqlalchemy", "text", { throughModule: true });
  if (!text.ok) return report(text.reason);
  return report(undefined, {
    title: "Wrap the SQL in text()",
    safety: "safe",
    edits: [
      { start: sql.startIndex, end: sql.startIndex, text: `${text.expr}(` },
      { start: sql.endIndex, end: sql.endIndex, text: ")" },
    ],
    imports: text.requirement ? [text.requirement] : [],
  });
}

/** What a statement may do with an engine.execute() result and still hold it inside a block. */
const CONSUMERS = new Set([
  "fetchall",
  "fetchone",
  "first",
  "one",
  "one_or_none",
  "scalar",
  "scalar_one",
  "scalar_one_or_none",
  "all",
]);

/**
 * `engine.execute(x)` ran x on a connection of its own and committed DML by itself. As a
 * statement of its own, or with its result consumed in the same statement (`.fetchall()`,
 * `.scalar()`...), it becomes that statement inside `with engine.begin() as conn:`, which commits
 * at the end of the block; otherwise the result would outlive its connection: reported.
 */
function engineExecute(rule: Rule, ctx: RuleContext, call: Node, engine: Node): Diagnostic {
  const attr = call.childForFieldName("function")!.childForFieldName("attribute")!;
  const method = attr.text;
  const message = `engine.${method}() was removed in SQLAlchemy 2.0: run it on a connection, \`with engine.begin() as conn:\``;
  const report = (why?: string, fix?: Fix): Diagnostic =>
    ctx.diagnostic(rule, attr, why ? `${message} (${why})` : message, fix);
  // The call, its consumer if any (engine.scalar() consumes its own result), then the statement
  // that holds them.
  let top: Node = call;
  let consumed = method === "scalar";
  const consumer = call.parent?.type === "attribute" ? call.parent.parent : undefined;
  if (
    !consumed &&
    consumer?.type === "call" &&
    CONSUMERS.has(call.parent!.childForFieldName("attribute")!.text)
  ) {
    top = consumer;
    consumed = true;
  }
  const holder = top.parent;
  let statement: Node | undefined;
  if (holder?.type === "expression_statement" && (top === call || consumed)) statement = holder;
  else if (
    holder?.type === "assignment" &&
    consumed &&
    holder.childForFieldName("right")?.equals(top) &&
    holder.parent?.type === "expression_statement"
  )
    statement = holder.parent;
  else if (holder?.type === "return_statement" && consumed) statement = holder;
  if (!statement) return report("its result is used beyond the statement: convert it by hand");
  const block = statement.parent;
  if (block?.type !== "block" && block?.type !== "module") return report("convert it by hand");
  const lineStart = ctx.source.lastIndexOf("\n", statement.startIndex - 1) + 1;
  if (ctx.source.slice(lineStart, statement.startIndex).trim())
    return report("the statement shares its line: convert it by hand");
  if (ctx.bindings("conn", statement))
    return report("the name conn is taken here: convert it by hand");
  if (engine.type !== "identifier" && engine.type !== "attribute")
    return report("convert it by hand");
  const indent = ctx.lineIndent(statement.startIndex);
  const nl = ctx.stylist.newline;
  const text = ctx.text(statement);
  if (text.includes("\n")) return report("the statement spans lines: convert it by hand");
  const inner =
    text.slice(0, engine.startIndex - statement.startIndex) +
    "conn" +
    text.slice(engine.endIndex - statement.startIndex);
  return report(undefined, {
    title: "Run it in with engine.begin() as conn:",
    safety: "safe",
    edits: [
      {
        start: statement.startIndex,
        end: ctx.endOf(statement),
        text: `with ${ctx.text(engine)}.begin() as conn:${nl}${indent}${ctx.stylist.indent}${inner}`,
      },
    ],
  });
}

/** `engine.table_names()` / `engine.has_table(t)` -> `inspect(engine).get_table_names()` / ... */
function inspection(rule: Rule, ctx: RuleContext, call: Node): Diagnostic | undefined {
  const fn = call.childForFieldName("function")!;
  if (fn.type !== "attribute") return undefined;
  const receiver = fn.childForFieldName("object")!;
  const kind = receiverKind(ctx, receiver);
  if (kind !== "engine" && kind !== "connection") return undefined;
  const name = fn.childForFieldName("attribute")!.text;
  const message = `${kind}.${name}() was removed in SQLAlchemy 2.0: ask inspect(${kind})`;
  const inspect = ctx.ensureImport(call, "sqlalchemy", "inspect", { throughModule: true });
  if (!inspect.ok) return ctx.diagnostic(rule, fn, `${message} (${inspect.reason})`);
  const method = name === "table_names" ? "get_table_names" : "has_table";
  return ctx.diagnostic(rule, fn, message, {
    title: `Use inspect(...).${method}()`,
    safety: "safe",
    edits: [
      {
        start: receiver.startIndex,
        end: fn.endIndex,
        text: `${inspect.expr}(${ctx.text(receiver)}).${method}`,
      },
    ],
    imports: inspect.requirement ? [inspect.requirement] : [],
  });
}

// ---- loader options ------------------------------------------------------------------------------

/** The entity of the query whose `.options(...)` holds `call`, when it is one mapped class. */
function queryEntity(ctx: RuleContext, call: Node): Node | undefined {
  const options = call.parent?.parent;
  if (options?.type !== "call") return undefined;
  const fn = options.childForFieldName("function");
  if (fn?.type !== "attribute" || fn.childForFieldName("attribute")!.text !== "options")
    return undefined;
  return chainRoot(ctx, fn.childForFieldName("object"))?.entity;
}

/**
 * Down a chain to its `x.query(M)` or `select(M)`: M when it is one mapped class, and whether the
 * chain joins on the way.
 */
function chainRoot(
  ctx: RuleContext,
  start: Node | null,
): { entity: Node; joined: boolean } | undefined {
  let node = start;
  let joined = false;
  while (node?.type === "call") {
    const f = node.childForFieldName("function")!;
    const args = listItems(node.childForFieldName("arguments")!);
    const method = f.type === "attribute" ? f.childForFieldName("attribute")!.text : "";
    if (method === "query" || SELECT.has(ctx.qualifiedName(f) ?? "")) {
      const q = args.length === 1 ? ctx.qualifiedName(args[0]!) : undefined;
      return q && ctx.index.isMappedClass(q) ? { entity: args[0]!, joined } : undefined;
    }
    if (/^(join|outerjoin|select_from)$/.test(method)) joined = true;
    node = f.type === "attribute" ? f.childForFieldName("object") : null;
  }
  return undefined;
}

/** `query(User).join("items")` -> `.join(User.items)`: a name joins from the query's entity. */
function joinPath(rule: Rule, ctx: RuleContext, call: Node): Diagnostic | undefined {
  const fn = call.childForFieldName("function")!;
  if (fn.type !== "attribute") return undefined;
  const args = call.childForFieldName("arguments");
  const first = args?.type === "argument_list" ? listItems(args)[0] : undefined;
  if (first?.type !== "string") return undefined;
  const root = chainRoot(ctx, fn.childForFieldName("object"));
  if (!root) return undefined;
  const name = plainSql(first);
  const message = `.${fn.childForFieldName("attribute")!.text}(${first.text}): SQLAlchemy 2.0 joins along attributes, not names`;
  // After another join, a name is relative to the entity joined last.
  if (root.joined || name === undefined || !/^\w+$/.test(name))
    return ctx.diagnostic(rule, first, `${message} (name the relationship by hand)`);
  return ctx.diagnostic(rule, first, message, {
    title: "Join along the relationship attribute",
    safety: "safe",
    edits: [
      { start: first.startIndex, end: first.endIndex, text: `${ctx.text(root.entity)}.${name}` },
    ],
  });
}

function loaderPath(rule: Rule, ctx: RuleContext, call: Node): Diagnostic | undefined {
  const fn = call.childForFieldName("function")!;
  const q = ctx.qualifiedName(fn) ?? "";
  if (!/^sqlalchemy\.orm\.(strategy_options\.)?\w+$/.test(q)) return undefined;
  const args = listItems(call.childForFieldName("arguments")!);
  const strings = args.filter((a) => a.type === "string");
  if (!strings.length) return undefined;
  const message = `${firstLine(ctx.text(call))}: SQLAlchemy 2.0 takes attributes, not strings`;
  const entity = queryEntity(ctx, call);
  const names = strings.map((s) => plainSql(s));
  if (!entity || names.some((n) => n === undefined || !/^\w+$/.test(n)))
    return ctx.diagnostic(rule, strings[0]!, `${message} (name the attribute by hand)`);
  return ctx.diagnostic(rule, strings[0]!, message, {
    title: "Name the attributes",
    safety: "safe",
    edits: strings.map((s, i) => ({
      start: s.startIndex,
      end: s.endIndex,
      text: `${ctx.text(entity)}.${names[i]!}`,
    })),
  });
}

// ---- keywords 2.0 dropped --------------------------------------------------------------------------

function keywordChecks(rule: Rule, ctx: RuleContext, call: Node): Diagnostic[] {
  const fn = call.childForFieldName("function")!;
  const q = ctx.qualifiedName(fn) ?? "";
  const args = call.childForFieldName("arguments")!;
  if (args.type !== "argument_list") return [];
  const items = listItems(args);
  const kw = keywordArguments(args);
  const out: Diagnostic[] = [];
  const onTwo = ctx.declares("sqlalchemy", "2.0") === "yes";
  const drop = (name: string, message: string): void => {
    const arg = kw.get(name)!;
    out.push(
      ctx.diagnostic(rule, arg, message, {
        title: `Drop ${name}=`,
        safety: "safe",
        edits: removeListItems(items, [items.indexOf(arg)], args),
      }),
    );
  };
  if (SESSIONMAKER.has(q) && kw.has("autocommit")) {
    const value = kw.get("autocommit")!.childForFieldName("value")!;
    if (value.type === "false") {
      if (onTwo) drop("autocommit", "autocommit=False is the only mode SQLAlchemy 2.0 has");
    } else {
      out.push(
        ctx.diagnostic(
          rule,
          kw.get("autocommit")!,
          "autocommit mode was removed in SQLAlchemy 2.0: begin and commit transactions explicitly",
        ),
      );
    }
  }
  if (CREATE_ENGINE.has(q) && kw.has("future") && onTwo) {
    if (kw.get("future")!.childForFieldName("value")!.type === "true")
      drop("future", "future=True is what every engine is in SQLAlchemy 2.0");
  }
  if (METADATA.has(q) && kw.has("bind"))
    out.push(
      ctx.diagnostic(
        rule,
        kw.get("bind")!,
        "MetaData(bind=) was removed in SQLAlchemy 2.0: pass the engine to create_all() and to each execution",
      ),
    );
  return out;
}

function subtransactions(rule: Rule, ctx: RuleContext, call: Node): Diagnostic | undefined {
  const args = call.childForFieldName("arguments");
  if (args?.type !== "argument_list") return undefined;
  const arg = keywordArguments(args).get("subtransactions");
  if (!arg) return undefined;
  const fn = call.childForFieldName("function")!;
  if (fn.type !== "attribute" || receiverKind(ctx, fn.childForFieldName("object")!) !== "session")
    return undefined;
  return ctx.diagnostic(
    rule,
    arg,
    "subtransactions were removed in SQLAlchemy 2.0: use begin_nested() or one outer transaction",
  );
}

function removed(rule: Rule, ctx: RuleContext, call: Node): Diagnostic | undefined {
  const fn = call.childForFieldName("function")!;
  if (MAPPER.has(ctx.qualifiedName(fn) ?? ""))
    return ctx.diagnostic(
      rule,
      fn,
      "mapper() was removed in SQLAlchemy 2.0: map imperatively with registry().map_imperatively()",
    );
  if (fn.type === "attribute" && fn.childForFieldName("attribute")!.text === "from_self") {
    // Only on a Query: the chain goes down to `.query(`.
    if (!/\.query\(/.test(fn.childForFieldName("object")!.text)) return undefined;
    return ctx.diagnostic(
      rule,
      fn.childForFieldName("attribute")!,
      "Query.from_self() was removed in SQLAlchemy 2.0: select from a subquery() or aliased() entity",
    );
  }
  return undefined;
}

// ---- postgresql.UUID -----------------------------------------------------------------------------

/** `postgresql.UUID` column types without `as_uuid=`: 2.0 returns uuid.UUID where 1.4 gave str. */
function uuidDefaults(rule: Rule, ctx: RuleContext): Diagnostic[] {
  if (ctx.declares("sqlalchemy", "2.0") === "yes") return [];
  const out: Diagnostic[] = [];
  for (const site of ctx.callsTo(["Column", "mapped_column"])) {
    if (!COLUMNS.has(ctx.qualifiedName(site.fn) ?? "")) continue;
    const items = listItems(site.args);
    const type = items.find((a) => {
      const head = a.type === "call" ? a.childForFieldName("function")! : a;
      return PG_UUID.has(ctx.qualifiedName(head) ?? "");
    });
    if (!type) continue;
    const typeArgs = type.type === "call" ? type.childForFieldName("arguments")! : undefined;
    if (typeArgs && keywordArguments(typeArgs).has("as_uuid")) continue;
    const message =
      "postgresql.UUID without as_uuid returns uuid.UUID in SQLAlchemy 2.0, where 1.4 returned str";
    const kw = keywordArguments(site.args);
    const defaults = ["default", "insert_default", "onupdate"]
      .map((k) => kw.get(k)?.text ?? "")
      .join(" ");
    if (/uuid/i.test(defaults)) {
      out.push(
        ctx.diagnostic(
          rule,
          type,
          `${message} (its default makes UUID objects: set as_uuid=True or as_uuid=False by hand)`,
        ),
      );
      continue;
    }
    const edit: Edit =
      typeArgs?.type === "argument_list"
        ? listItems(typeArgs).length
          ? {
              start: listItems(typeArgs).at(-1)!.endIndex,
              end: listItems(typeArgs).at(-1)!.endIndex,
              text: ", as_uuid=False",
            }
          : { start: typeArgs.startIndex + 1, end: typeArgs.startIndex + 1, text: "as_uuid=False" }
        : { start: type.endIndex, end: type.endIndex, text: "(as_uuid=False)" };
    out.push(
      ctx.diagnostic(rule, type, message, {
        title: "Keep str values: as_uuid=False",
        safety: "safe",
        edits: [edit],
      }),
    );
  }
  return out;
}

// ---- rows read by column name ----------------------------------------------------------------------

/** Methods of a result that give rows, and those that give one row. */
const ROWS = new Set(["fetchall", "all", "fetchmany", "partitions"]);
const ROW = new Set(["fetchone", "first", "one", "one_or_none"]);

/** An `x.execute(...)` call on a session or connection, or a name bound once to one. */
function isResult(ctx: RuleContext, node: Node): boolean {
  if (node.type === "identifier") {
    const found = ctx.bindings(node.text, node);
    const b = found?.length === 1 ? found[0] : undefined;
    const right = b?.kind === "assignment" ? b.statement.childForFieldName("right") : undefined;
    return !!right && right.type === "call" && isExecute(ctx, right);
  }
  return node.type === "call" && isExecute(ctx, node);
}

function isExecute(ctx: RuleContext, call: Node): boolean {
  const fn = call.childForFieldName("function");
  if (fn?.type !== "attribute" || fn.childForFieldName("attribute")!.text !== "execute")
    return false;
  const kind = receiverKind(ctx, fn.childForFieldName("object")!);
  return kind === "session" || kind === "connection";
}

/** `result.method()` on a result, with the method in `methods`. */
function resultCall(ctx: RuleContext, node: Node, methods: ReadonlySet<string>): boolean {
  if (node.type !== "call") return false;
  const fn = node.childForFieldName("function");
  return (
    fn?.type === "attribute" &&
    methods.has(fn.childForFieldName("attribute")!.text) &&
    isResult(ctx, fn.childForFieldName("object")!)
  );
}

/**
 * `row["name"]`, `row.keys()`, `dict(row)` on rows of a result: 2.0's rows are tuples, and read
 * by name through `row._mapping` (which 1.4's rows have too).
 */
function rowMappings(rule: Rule, ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const scope of ctx.scopes.allScopes()) {
    for (const list of scope.bindings.values()) {
      if (list.length !== 1) continue;
      const b = list[0]!;
      let isRow = false;
      if (b.kind === "loop" && b.statement.type === "for_statement") {
        const right = b.statement.childForFieldName("right")!;
        isRow =
          b.statement.childForFieldName("left")?.equals(b.node) === true &&
          (isResult(ctx, right) || resultCall(ctx, right, ROWS));
      } else if (b.kind === "assignment" && b.statement.type === "assignment") {
        const right = b.statement.childForFieldName("right");
        isRow =
          b.statement.childForFieldName("left")?.equals(b.node) === true &&
          !!right &&
          resultCall(ctx, right, ROW);
      }
      if (!isRow) continue;
      const refs = ctx.references(b);
      if (typeof refs === "string") continue;
      for (const ref of refs) {
        const parent = ref.parent;
        let by: string | undefined;
        if (parent?.type === "subscript" && parent.childForFieldName("value")?.equals(ref)) {
          const key = parent.childrenForFieldName("subscript")[0];
          if (key?.type === "string") by = `row[${key.text}]`;
        } else if (
          parent?.type === "attribute" &&
          parent.childForFieldName("attribute")?.text === "keys"
        ) {
          by = "row.keys()";
        } else if (
          parent?.type === "argument_list" &&
          listItems(parent).length === 1 &&
          ctx.qualifiedName(parent.parent!.childForFieldName("function")!) === "builtins.dict"
        ) {
          by = "dict(row)";
        }
        if (!by) continue;
        out.push(
          ctx.diagnostic(
            rule,
            ref,
            `${by} was removed in SQLAlchemy 2.0: rows are tuples, read by name through row._mapping`,
            {
              title: "Read it through row._mapping",
              safety: "safe",
              edits: [{ start: ref.endIndex, end: ref.endIndex, text: "._mapping" }],
            },
          ),
        );
      }
    }
  }
  return out;
}

// ---- DML keyword forms ---------------------------------------------------------------------------

const DML: Readonly<Record<string, string>> = {
  "sqlalchemy.insert": "insert",
  "sqlalchemy.sql.insert": "insert",
  "sqlalchemy.sql.expression.insert": "insert",
  "sqlalchemy.update": "update",
  "sqlalchemy.sql.update": "update",
  "sqlalchemy.sql.expression.update": "update",
  "sqlalchemy.delete": "delete",
  "sqlalchemy.sql.delete": "delete",
  "sqlalchemy.sql.expression.delete": "delete",
};
const TABLE = new Set([
  "sqlalchemy.Table",
  "sqlalchemy.schema.Table",
  "sqlalchemy.sql.schema.Table",
]);

/** Which positional argument after the table each statement took, and the method it became. */
const DML_POSITIONAL: Readonly<Record<string, string[]>> = {
  insert: ["values"],
  update: ["where", "values"],
  delete: ["where"],
};
const DML_KEYWORDS: Readonly<Record<string, string>> = {
  whereclause: "where",
  values: "values",
};

/** A name bound once to `Table(...)`. */
function isTable(ctx: RuleContext, node: Node): boolean {
  if (node.type !== "identifier") return false;
  const found = ctx.bindings(node.text, node);
  const b = found?.length === 1 ? found[0] : undefined;
  const right = b?.kind === "assignment" ? b.statement.childForFieldName("right") : undefined;
  const fn = right?.type === "call" ? right.childForFieldName("function") : undefined;
  return !!fn && TABLE.has(ctx.qualifiedName(fn) ?? "");
}

/**
 * `insert(t, values={...})`, `update(t, cond, values)`, `delete(t, cond)` and the same as Table
 * methods (`t.update(cond, values)`): 2.0 takes only the table, the rest as methods.
 */
function dmlKeywords(rule: Rule, ctx: RuleContext, call: Node): Diagnostic | undefined {
  const fn = call.childForFieldName("function")!;
  const args = call.childForFieldName("arguments");
  if (args?.type !== "argument_list") return undefined;
  const items = listItems(args);
  let kind = DML[ctx.qualifiedName(fn) ?? ""];
  let rest: Node[];
  if (kind) {
    rest = items.slice(1);
  } else if (fn.type === "attribute" && isTable(ctx, fn.childForFieldName("object")!)) {
    kind = fn.childForFieldName("attribute")!.text;
    rest = items;
  } else {
    return undefined;
  }
  if (!rest.length) return undefined;
  const message = `${kind}() with the statement's clauses as arguments was removed in SQLAlchemy 2.0: chain them`;
  const report = (why?: string, fix?: Fix): Diagnostic =>
    ctx.diagnostic(rule, rest[0]!, why ? `${message} (${why})` : message, fix);
  const methods: string[] = [];
  const positional = DML_POSITIONAL[kind]!;
  let index = 0;
  for (const arg of rest) {
    if (arg.type === "keyword_argument") {
      const method = DML_KEYWORDS[arg.childForFieldName("name")!.text];
      if (!method || (method === "values" && kind === "delete"))
        return report(
          `${arg.childForFieldName("name")!.text}= has no counterpart here: convert it by hand`,
        );
      methods.push(`.${method}(${ctx.text(arg.childForFieldName("value")!)})`);
    } else {
      const method = positional[index++];
      if (!method || arg.type === "list_splat") return report("convert it by hand");
      methods.push(`.${method}(${ctx.text(arg)})`);
    }
  }
  if (hasComment(args)) return report("convert it by hand");
  const from =
    items.length > rest.length
      ? items[items.length - rest.length - 1]!.endIndex
      : args.startIndex + 1;
  const close = args.children.find((c) => c?.type === ")")!;
  return report(undefined, {
    title: "Chain the clauses",
    safety: "safe",
    edits: [
      { start: from, end: close.startIndex, text: "" },
      { start: call.endIndex, end: call.endIndex, text: methods.join("") },
    ],
  });
}

// ---- session.transaction -------------------------------------------------------------------------

/** `session.transaction` -> `session.get_transaction()` (1.4 has both; 2.0 only the method). */
function sessionTransactions(rule: Rule, ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const id of ctx.identifiers("transaction")) {
    const attr = id.parent;
    if (attr?.type !== "attribute" || !attr.childForFieldName("attribute")?.equals(id)) continue;
    const parent = attr.parent;
    if (parent?.type === "call" && parent.childForFieldName("function")?.equals(attr)) continue;
    if (parent?.type === "assignment" && parent.childForFieldName("left")?.equals(attr)) continue;
    if (receiverKind(ctx, attr.childForFieldName("object")!) !== "session") continue;
    out.push(
      ctx.diagnostic(
        rule,
        id,
        "Session.transaction was removed in SQLAlchemy 2.0: call get_transaction()",
        {
          title: "Use get_transaction()",
          safety: "safe",
          edits: [{ start: id.startIndex, end: id.endIndex, text: "get_transaction()" }],
        },
      ),
    );
  }
  return out;
}
