// FF403: SQL built from strings (f-strings, % formatting, .format(), + concatenation) and run by
// SQLAlchemy (text(), a Session/Connection/Engine's execute()) or by a DB-API cursor: values
// become bound parameters where each sits in a value position and the placeholder style is
// certain; identifiers and SQL fragments are reported.
import type { Node } from "../src/engine/parser.js";
import type { Binding } from "../src/engine/scope.js";
import { listItems } from "../src/engine/syntax.js";
import type { Diagnostic, Edit } from "../src/engine/types.js";
import type { RuleContext } from "../src/knowledge/context.js";
import { inferClass } from "../src/knowledge/inference.js";
import type { Rule } from "../src/knowledge/rule.js";
import { moduleVariable } from "../src/project/summary.js";
import { CONNECTIONS, ENGINES, SESSIONS } from "./data/sqlalchemy-names.js";
import { ensureName } from "./shared/ensure-name.js";

const TEXT = new Set([
  "sqlalchemy.text",
  "sqlalchemy.sql.text",
  "sqlalchemy.sql.expression.text",
  "sqlmodel.text",
]);

/** What runs SQL like a Session, Connection or Engine (the async and SQLModel ones included). */
const SA_CLASSES: ReadonlySet<string> = new Set([
  ...SESSIONS,
  ...CONNECTIONS,
  ...ENGINES,
  "sqlalchemy.ext.asyncio.AsyncSession",
  "sqlalchemy.ext.asyncio.session.AsyncSession",
  "sqlalchemy.ext.asyncio.AsyncConnection",
  "sqlalchemy.ext.asyncio.engine.AsyncConnection",
  "sqlalchemy.ext.asyncio.AsyncEngine",
  "sqlalchemy.ext.asyncio.engine.AsyncEngine",
  "sqlalchemy.ext.asyncio.async_scoped_session",
  "sqlmodel.Session",
  "sqlmodel.orm.session.Session",
  "sqlmodel.ext.asyncio.session.AsyncSession",
]);

/** Calls that build an engine, or a factory whose call gives a session. */
const ENGINE_MAKERS = new Set([
  "sqlalchemy.create_engine",
  "sqlalchemy.engine.create_engine",
  "sqlalchemy.ext.asyncio.create_async_engine",
  "sqlmodel.create_engine",
]);
const SESSION_MAKERS = new Set([
  "sqlalchemy.orm.sessionmaker",
  "sqlalchemy.orm.session.sessionmaker",
  "sqlalchemy.orm.scoped_session",
  "sqlalchemy.ext.asyncio.async_sessionmaker",
  "sqlalchemy.ext.asyncio.session.async_sessionmaker",
]);

/** DB-API drivers and their paramstyle (the one the fix writes). */
const DRIVERS: Readonly<Record<string, "qmark" | "format">> = {
  sqlite3: "qmark",
  aiosqlite: "qmark",
  psycopg2: "format",
  psycopg: "format",
  pymysql: "format",
  MySQLdb: "format",
  aiomysql: "format",
};

/** `connect()` of drivers whose connections have execute() themselves. */
const EXECUTING_CONNECTS = new Set(["sqlite3.connect", "aiosqlite.connect", "psycopg.connect"]);

const SA_METHODS = new Set(["execute", "scalar", "scalars", "exec_driver_sql"]);
const DBAPI_METHODS = new Set(["execute", "executemany"]);
/** Where a text() statement is run with a dict of parameters as the second argument. */
const TEXT_RUNNERS = new Set(["execute", "scalar", "scalars"]);

const SQL_START =
  /^\s*\(?\s*(select|insert|update|delete|with|replace|merge|upsert|create|drop|alter|truncate|pragma|explain|show|call|exec|grant|revoke|copy|vacuum|analyze)\b/i;
/**
 * Statements a server does not bind parameters in (`SET x = $1` is a syntax error in
 * PostgreSQL): a value there must stay text, checked by hand.
 */
const UTILITY_START =
  /^\s*(set|show|reset|create|drop|alter|truncate|pragma|grant|revoke|copy|vacuum|analyze|comment|lock|listen|notify|declare)\b/i;
const SQL_CLAUSE = /\b(from|where|values|into|set|limit|order\s+by|group\s+by|join)\b/i;
/** Where text() reads a bound parameter. */
const BIND_PARAMETER = /(?<![:\w\\]):\w/;
const BIND_NAMES = /(?<![:\w\\]):(\w+)/g;

export const sqlStringBuilding: Rule = {
  name: "sql-string-building",
  code: "FF403",
  severity: "error",
  summary:
    "SQL built with f-strings, %, .format() or + and run by text(), execute() or a DB-API cursor -> bound parameters",
  rule: "Never build SQL by string interpolation; use bound parameters",
  gives: ["safe", "detect"],
  docs: {
    why: "A value pasted into SQL text is read as SQL: a quote in it ends the literal and the rest runs as a statement of its own (SQL injection). Bound parameters travel apart from the SQL and are never parsed. The fix rewrites each value that sits where a value belongs (after `=`, `<`, `>`, `LIKE`, `BETWEEN`, `LIMIT`/`OFFSET`, in `VALUES (...)` or a quoted item of `IN (...)`) as a placeholder, drops the quotes around it, and passes the values: `text()` gets `:name` parameters and the `execute()` that runs it a dict; a Session or Connection `execute()` given a string gets `text()` too; a DB-API cursor gets the placeholders of the one driver the module imports (`?` for sqlite3, `%s` for psycopg2, psycopg, PyMySQL) and a tuple. `LIKE '%{q}%'` binds the pattern, `f\"%{q}%\"`. A quoted value is bound as the same string the query held. Table and column names cannot be parameters: they are reported, to be checked against a fixed list of allowed names. So is anything the rule cannot rewrite exactly: an `IN ({ids})` list, a cursor whose driver the module does not say, a text() not run where parameters can be added.",
    bad: "from sqlalchemy import text\n\n\ndef find_user(db, name: str):\n    return db.execute(text(f\"SELECT * FROM users WHERE name = '{name}'\")).first()\n",
    good: 'from sqlalchemy import text\n\n\ndef find_user(db, name: str):\n    return db.execute(text("SELECT * FROM users WHERE name = :name"), {"name": name}).first()\n',
  },
  // The rules of FastAPI development: a project that builds no app or router is a library.
  scope: "app",
  prefilter: [
    /\b(text|execute|executemany|exec_driver_sql|scalars?)\s*\(/,
    /\b(select|insert|update|delete|where|values|from)\b/i,
  ],
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    const seen = new Set<number>();
    const push = (d: Diagnostic | undefined): void => {
      if (!d) return;
      out.push(ctx.isTestFile ? { ...d, severity: "note" } : d);
    };
    for (const site of ctx.callsTo(["text"])) {
      if (!TEXT.has(ctx.qualifiedName(site.fn) ?? "")) continue;
      const items = listItems(site.args);
      if (items.length !== 1 || items[0]!.type === "keyword_argument") continue;
      const found = resolve(ctx, items[0]!);
      if (!found || seen.has(found.built.node.id)) continue;
      seen.add(found.built.node.id);
      push(textSink(this, ctx, site.call, found));
    }
    for (const site of ctx.callsTo([...new Set([...SA_METHODS, ...DBAPI_METHODS])])) {
      if (site.fn.type !== "attribute") continue;
      const method = site.fn.childForFieldName("attribute")!.text;
      const receiver = site.fn.childForFieldName("object")!;
      const items = listItems(site.args);
      const first = items[0];
      if (!first || first.type === "keyword_argument") continue;
      if (isTextStatement(ctx, first)) continue;
      let kind: "sqlalchemy" | "dbapi" | undefined;
      if (SA_METHODS.has(method) && saKind(ctx, receiver)) kind = "sqlalchemy";
      else if (DBAPI_METHODS.has(method) && isDbapi(ctx, receiver)) kind = "dbapi";
      if (!kind) continue;
      const found = resolve(ctx, first);
      if (!found || seen.has(found.built.node.id)) continue;
      seen.add(found.built.node.id);
      push(executeSink(this, ctx, site.call, method, kind, found));
    }
    return out;
  },
};

// ---- what the SQL is built from ----------------------------------------------------------------

type How = "f-string" | "%" | "format" | "+";
const HOW: Record<How, string> = {
  "f-string": "an f-string",
  "%": "% formatting",
  format: ".format()",
  "+": "+ concatenation",
};

/** How the source of a stretch of text reads: `%%` is `%` in a %-template, `{{` in f/format. */
type Mode = "plain" | "f" | "percent" | "format";

interface Part {
  node: Node;
  /** The prefix letters, e.g. "f", "rb". */
  prefix: string;
  /** The quotes: `"`, `'`, `"""` or `'''`. */
  quote: string;
}

interface Text {
  kind: "text";
  /** What it is at run time. */
  value: string;
  /** How it is written. */
  source: string;
  mode: Mode;
  part?: Part;
  /** An escape whose run-time text the rewrite cannot be sure of (`\x25`, `\N{...}`). */
  exotic: boolean;
}

/** How the original turned a value into text. */
type Conv = "format" | "str" | "int" | "none";

interface Hole {
  kind: "hole";
  expr?: Node;
  conv: Conv;
  /** Why the value cannot be bound as it is (a format spec, `%r`...). */
  bad?: string;
  part?: Part;
  /** The source of an f-string interpolation, kept as it is for a constant. */
  interpolation?: string;
  constant: boolean;
}

type Piece = Text | Hole;

interface Built {
  node: Node;
  how: How;
  pieces: Piece[];
  parts: Part[];
  /** Where the template ends (for % and .format(): what follows it goes). */
  template?: Node;
  /** Why the string cannot be rewritten at all. */
  problem?: string;
  /** The template is a name bound to a string literal (`QUERY % (a,)`): it cannot be edited. */
  namedTemplate?: boolean;
}

interface Resolved {
  built: Built;
  /** The built string reached through a local variable: its binding and the use. */
  via?: { binding: Binding; use: Node; single: boolean };
}

function unparen(node: Node): Node {
  let n = node;
  while (n.type === "parenthesized_expression") {
    const inner = n.namedChildren.filter((c): c is Node => !!c && c.type !== "comment");
    if (inner.length !== 1) break;
    n = inner[0]!;
  }
  return n;
}

/** The uses of a binding (its own target left out), or undefined when they cannot all be known. */
function usesOf(ctx: RuleContext, b: Binding): Node[] | undefined {
  const refs = ctx.references(b);
  return typeof refs === "string" ? undefined : refs.filter((r) => !r.equals(b.node));
}

/** The single plain assignment `name = value` in the same scope, before the use. */
function singleAssignment(
  ctx: RuleContext,
  id: Node,
): { binding: Binding; value: Node; single: boolean } | undefined {
  const found = ctx.bindings(id.text, id);
  if (found?.length !== 1) return undefined;
  const b = found[0]!;
  if (b.kind !== "assignment" || b.statement.type !== "assignment") return undefined;
  if (!b.statement.childForFieldName("left")?.equals(b.node)) return undefined;
  if (b.statement.parent?.type !== "expression_statement") return undefined;
  if (b.statement.endIndex > id.startIndex) return undefined;
  if (ctx.scopeAt(b.statement) !== ctx.scopeAt(id)) return undefined;
  const value = b.statement.childForFieldName("right");
  if (!value) return undefined;
  const refs = usesOf(ctx, b);
  const single = !!refs && refs.length === 1 && refs[0]!.equals(id);
  return { binding: b, value, single };
}

function resolve(ctx: RuleContext, node: Node): Resolved | undefined {
  const n = unparen(node);
  const direct = builtFrom(ctx, n);
  if (direct) return { built: direct };
  if (n.type !== "identifier") return undefined;
  const assigned = singleAssignment(ctx, n);
  if (!assigned) return undefined;
  const built = builtFrom(ctx, unparen(assigned.value));
  if (!built) return undefined;
  return { built, via: { binding: assigned.binding, use: n, single: assigned.single } };
}

/** Whether an argument is a text() statement (handled where text() is called). */
function isTextStatement(ctx: RuleContext, node: Node): boolean {
  let n = unparen(node);
  if (n.type === "identifier") {
    const assigned = singleAssignment(ctx, n);
    if (!assigned) return false;
    n = unparen(assigned.value);
  }
  if (n.type !== "call") return false;
  return TEXT.has(ctx.qualifiedName(n.childForFieldName("function")!) ?? "");
}

/** The string literal parts of a string or an implicit concatenation. */
function partsOf(node: Node): Part[] | undefined {
  const strings = node.type === "concatenated_string" ? listItems(node) : [node];
  const parts: Part[] = [];
  for (const s of strings) {
    if (s.type !== "string") return undefined;
    const start = s.children.find((c) => c?.type === "string_start");
    if (!start) return undefined;
    const m = /^([a-zA-Z]*)(.*)$/s.exec(start.text)!;
    if (/b/i.test(m[1]!)) return undefined;
    parts.push({ node: s, prefix: m[1]!, quote: m[2]! });
  }
  return parts;
}

const isF = (p: Part): boolean => /f/i.test(p.prefix);
const isRaw = (p: Part): boolean => /r/i.test(p.prefix);

/** The source between a part's quotes. */
function contentSpan(part: Part): { start: number; end: number } {
  const start = part.node.children.find((c) => c?.type === "string_start")!;
  const end = part.node.children.find((c) => c?.type === "string_end");
  return { start: start.endIndex, end: end ? end.startIndex : part.node.endIndex };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  n: "\n",
  t: "\t",
  r: "\r",
  "\n": "",
};

/** The run-time text of a stretch of string source (braces still doubled). */
function decode(source: string, raw: boolean): { value: string; exotic: boolean } {
  if (raw) return { value: source, exotic: false };
  let value = "";
  let exotic = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c !== "\\") {
      value += c;
      continue;
    }
    let next = source[i + 1] ?? "";
    if (next === "\r" && source[i + 2] === "\n") {
      i++;
      next = "\n";
    }
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      value += simple;
      i++;
    } else {
      exotic = true;
      value += c;
    }
  }
  return { value, exotic };
}

function textPiece(source: string, mode: Mode, part: Part | undefined): Text {
  const { value: decoded, exotic } = decode(source, part ? isRaw(part) : false);
  let value = decoded;
  if (mode === "percent") value = value.replace(/%%/g, "%");
  if (mode === "f" || mode === "format") value = value.replace(/\{\{/g, "{").replace(/\}\}/g, "}");
  return { kind: "text", value, source, mode, part, exotic };
}

/** The pieces of string literal parts: text, and the interpolations of f-strings. */
function literalPieces(ctx: RuleContext, parts: Part[]): Piece[] {
  const out: Piece[] = [];
  for (const part of parts) {
    const mode: Mode = isF(part) ? "f" : "plain";
    const span = contentSpan(part);
    let at = span.start;
    for (const child of part.node.children) {
      if (child?.type !== "interpolation") continue;
      if (child.startIndex > at)
        out.push(textPiece(ctx.source.slice(at, child.startIndex), mode, part));
      out.push(interpolationHole(ctx, child, part));
      at = child.endIndex;
    }
    if (span.end > at) out.push(textPiece(ctx.source.slice(at, span.end), mode, part));
  }
  return out;
}

function interpolationHole(ctx: RuleContext, node: Node, part: Part): Hole {
  const expr = node.namedChildren.find(
    (c): c is Node =>
      !!c && c.type !== "type_conversion" && c.type !== "format_specifier" && c.type !== "comment",
  );
  let bad: string | undefined;
  if (node.children.some((c) => c?.type === "type_conversion" || c?.type === "format_specifier"))
    bad = "a conversion or format spec shapes the value";
  else if (node.children.some((c) => c?.type === "=")) bad = "a `{x=}` debug field";
  const constant = !!expr && !bad && isConstant(ctx, expr);
  return { kind: "hole", expr, conv: "format", bad, part, interpolation: node.text, constant };
}

/** A literal, or a module-level UPPER_CASE name bound once to one. */
function isConstant(ctx: RuleContext, expr: Node): boolean {
  const n = unparen(expr);
  if (n.type === "integer" || n.type === "float") return true;
  if (n.type === "string" || n.type === "concatenated_string")
    return !n.descendantsOfType("interpolation").length;
  if (n.type !== "identifier" || !/^[A-Z][A-Z0-9_]*$/.test(n.text)) return false;
  const found = ctx.bindings(n.text, n);
  if (found?.length !== 1) return false;
  const b = found[0]!;
  if (b.kind !== "assignment" || b.scope.kind !== "module" || b.statement.type !== "assignment")
    return false;
  if (!b.statement.childForFieldName("left")?.equals(b.node)) return false;
  const value = b.statement.childForFieldName("right");
  if (!value) return false;
  const v = unparen(value);
  if (v.type === "integer" || v.type === "float") return true;
  return (
    (v.type === "string" || v.type === "concatenated_string") &&
    !v.descendantsOfType("interpolation").length
  );
}

/** The run-time text of a constant, when the SQL reads better with it (else undefined). */
function constantText(ctx: RuleContext, expr: Node): string | undefined {
  let n = unparen(expr);
  if (n.type === "identifier") {
    const b = ctx.bindings(n.text, n)?.[0];
    const value = b?.statement.childForFieldName("right");
    if (!value) return undefined;
    n = unparen(value);
  }
  if (n.type === "integer" || n.type === "float") return n.text;
  const parts = partsOf(n);
  if (!parts) return undefined;
  return literalPieces(ctx, parts)
    .map((p) => (p.kind === "text" ? p.value : ""))
    .join("");
}

function builtFrom(ctx: RuleContext, node: Node): Built | undefined {
  if (node.type === "string" || node.type === "concatenated_string") {
    if (!node.descendantsOfType("interpolation").length) return undefined;
    const parts = partsOf(node);
    if (!parts) return undefined;
    return finish({ node, how: "f-string", parts, pieces: literalPieces(ctx, parts) });
  }
  if (node.type === "binary_operator") {
    const op = node.childForFieldName("operator")?.type;
    if (op === "%") return percent(ctx, node);
    if (op === "+") return concatenation(ctx, node);
    return undefined;
  }
  if (node.type === "call") {
    const fn = node.childForFieldName("function")!;
    if (fn.type !== "attribute" || fn.childForFieldName("attribute")!.text !== "format")
      return undefined;
    return formatCall(ctx, node, fn.childForFieldName("object")!);
  }
  return undefined;
}

/** Keeps a string only when it holds a value that is not a constant and its text reads as SQL. */
function finish(built: Built): Built | undefined {
  const holes = built.pieces.filter((p): p is Hole => p.kind === "hole");
  if (!holes.some((h) => !h.constant)) return undefined;
  const first = built.pieces[0];
  const texts = built.pieces.map((p) => (p.kind === "text" ? p.value : " "));
  const sqlish =
    (first?.kind === "text" && SQL_START.test(first.value)) || SQL_CLAUSE.test(texts.join(""));
  if (!sqlish) return undefined;
  const utility = first?.kind === "text" ? UTILITY_START.exec(first.value) : null;
  if (utility && !built.problem)
    built.problem = `not here: a ${utility[1]!.toUpperCase()} statement takes no bound parameters in PostgreSQL, which binds values only in queries and DML; check the value by hand`;
  if (built.parts.some((p) => isRaw(p)) && !built.problem)
    built.problem = "a raw string: rewrite it by hand";
  if (built.pieces.some((p) => p.kind === "text" && p.exotic) && !built.problem)
    built.problem = "an escape sequence the rewrite cannot keep: rewrite it by hand";
  return built;
}

const DIRECTIVE = /%%|%(\(([^)]*)\))?([#0 +-]*)(\*|\d+)?(?:\.(\*|\d+))?([a-zA-Z])?/g;

/** The string literal a name is bound to once (a module constant, or a local of this scope). */
function namedLiteral(ctx: RuleContext, id: Node): Node | undefined {
  if (id.type !== "identifier") return undefined;
  const found = ctx.bindings(id.text, id);
  const b = found?.length === 1 ? found[0]! : undefined;
  if (b?.kind !== "assignment" || b.statement.type !== "assignment") return undefined;
  if (!b.statement.childForFieldName("left")?.equals(b.node)) return undefined;
  if (b.scope.kind !== "module" && ctx.scopeAt(b.statement) !== ctx.scopeAt(id)) return undefined;
  const value = b.statement.childForFieldName("right");
  const v = value ? unparen(value) : undefined;
  if (v?.type !== "string" && v?.type !== "concatenated_string") return undefined;
  return v.descendantsOfType("interpolation").length ? undefined : v;
}

function percent(ctx: RuleContext, node: Node): Built | undefined {
  const left = node.childForFieldName("left")!;
  const named = namedLiteral(ctx, unparen(left));
  const template = named ?? unparen(left);
  const parts = partsOf(template);
  if (!parts || parts.some(isF)) return undefined;
  const right = unparen(node.childForFieldName("right")!);
  const pieces: Piece[] = [];
  const keys: Array<string | undefined> = [];
  let problem: string | undefined;
  for (const part of parts) {
    const span = contentSpan(part);
    const source = ctx.source.slice(span.start, span.end);
    let at = 0;
    for (const m of source.matchAll(DIRECTIVE)) {
      if (m[0] === "%%") continue;
      if (!m[6]) return undefined; // an incomplete directive: a ValueError at run time
      if (m.index > at) pieces.push(textPiece(source.slice(at, m.index), "percent", part));
      const hole: Hole = { kind: "hole", conv: "str", part, constant: false };
      if (m[3] || m[4] || m[5]) hole.bad = "a width or flag formats the value";
      else if (m[6] === "d" || m[6] === "i" || m[6] === "u") hole.conv = "int";
      else if (m[6] !== "s") hole.bad = `a %${m[6]} directive formats the value`;
      keys.push(m[2]);
      pieces.push(hole);
      at = m.index + m[0].length;
    }
    if (source.length > at) pieces.push(textPiece(source.slice(at), "percent", part));
  }
  const holes = pieces.filter((p): p is Hole => p.kind === "hole");
  if (!holes.length) return undefined;
  if (keys.some((k) => k !== undefined)) {
    if (keys.some((k) => k === undefined) || right.type !== "dictionary") return undefined;
    const byKey = new Map<string, Node>();
    for (const pair of listItems(right)) {
      if (pair.type !== "pair") {
        problem = "the values come from a mapping the rule cannot read: bind them by hand";
        continue;
      }
      const key = pair.childForFieldName("key")!;
      const text = key.type === "string" ? constantText(ctx, key) : undefined;
      if (text === undefined) problem = "a key the rule cannot read: bind them by hand";
      else byKey.set(text, pair.childForFieldName("value")!);
    }
    holes.forEach((h, i) => (h.expr = byKey.get(keys[i]!)));
    if (holes.some((h) => !h.expr) && !problem) problem = "a key is missing from the mapping";
  } else if (right.type === "tuple") {
    const items = listItems(right);
    if (items.some((i) => i.type === "list_splat")) {
      problem = "the values are unpacked from a sequence: bind them by hand";
    } else {
      if (items.length !== holes.length) return undefined;
      holes.forEach((h, i) => (h.expr = items[i]));
    }
  } else if (holes.length === 1) {
    holes[0]!.expr = right;
  } else {
    problem = "the values come from a sequence the rule cannot read: bind them by hand";
  }
  for (const h of holes) h.constant = !!h.expr && !h.bad && isConstant(ctx, h.expr);
  return finish({ node, how: "%", parts, pieces, template: left, problem, namedTemplate: !!named });
}

const FIELD = /\{\{|\}\}|\{([^{}]*)\}/g;

function formatCall(ctx: RuleContext, node: Node, object: Node): Built | undefined {
  const named = namedLiteral(ctx, unparen(object));
  const template = named ?? unparen(object);
  const parts = partsOf(template);
  if (!parts || parts.some(isF)) return undefined;
  const args = node.childForFieldName("arguments");
  if (args?.type !== "argument_list") return undefined;
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  let problem: string | undefined;
  for (const item of listItems(args)) {
    if (item.type === "keyword_argument")
      keywords.set(item.childForFieldName("name")!.text, item.childForFieldName("value")!);
    else if (item.type === "list_splat" || item.type === "dictionary_splat")
      problem = "the values are unpacked: bind them by hand";
    else positional.push(item);
  }
  const pieces: Piece[] = [];
  let auto = 0;
  let manual = false;
  for (const part of parts) {
    const span = contentSpan(part);
    const source = ctx.source.slice(span.start, span.end);
    let at = 0;
    for (const m of source.matchAll(FIELD)) {
      if (m[1] === undefined) continue;
      if (m.index > at) pieces.push(textPiece(source.slice(at, m.index), "format", part));
      at = m.index + m[0].length;
      const field = /^([^!:]*)(![rsa])?(:.*)?$/s.exec(m[1])!;
      const name = field[1]!;
      const hole: Hole = { kind: "hole", conv: "format", part, constant: false };
      if (field[2] === "!s") hole.conv = "str";
      else if (field[2] || field[3]) hole.bad = "a conversion or format spec shapes the value";
      if (name === "") {
        if (manual) return undefined;
        hole.expr = positional[auto++];
      } else if (/^\d+$/.test(name)) {
        manual = true;
        hole.expr = positional[Number(name)];
      } else if (/^[A-Za-z_]\w*$/.test(name)) {
        hole.expr = keywords.get(name);
      } else {
        hole.bad = "a field reads an attribute or an item";
      }
      if (!hole.expr && !hole.bad && !problem) return undefined;
      pieces.push(hole);
    }
    if (source.length > at) pieces.push(textPiece(source.slice(at), "format", part));
  }
  for (const p of pieces)
    if (p.kind === "hole") p.constant = !!p.expr && !p.bad && isConstant(ctx, p.expr);
  if (named && !problem) problem = "the template is a named string: rewrite it by hand";
  return finish({ node, how: "format", parts, pieces, template: object, problem });
}

function concatenation(ctx: RuleContext, node: Node): Built | undefined {
  const operands: Node[] = [];
  const flatten = (n: Node): void => {
    const u = unparen(n);
    if (u.type === "binary_operator" && u.childForFieldName("operator")?.type === "+") {
      flatten(u.childForFieldName("left")!);
      flatten(u.childForFieldName("right")!);
    } else operands.push(u);
  };
  flatten(node);
  const pieces: Piece[] = [];
  const parts: Part[] = [];
  for (const operand of operands) {
    if (operand.type === "string" || operand.type === "concatenated_string") {
      const own = partsOf(operand);
      if (!own) return undefined;
      parts.push(...own);
      pieces.push(...literalPieces(ctx, own));
      continue;
    }
    const hole: Hole = { kind: "hole", expr: operand, conv: "none", constant: false };
    if (operand.type === "call") {
      const fn = operand.childForFieldName("function")!;
      const args = listItems(operand.childForFieldName("arguments")!);
      if (
        ctx.qualifiedName(fn) === "builtins.str" &&
        args.length === 1 &&
        args[0]!.type !== "keyword_argument" &&
        args[0]!.type !== "list_splat" &&
        args[0]!.type !== "dictionary_splat"
      ) {
        hole.expr = args[0];
        hole.conv = "str";
      }
    }
    hole.constant = isConstant(ctx, hole.expr!);
    pieces.push(hole);
  }
  if (!parts.length) return undefined;
  let problem: string | undefined;
  const first = parts[0]!;
  const base = (p: Part): string => p.prefix.replace(/f/gi, "").toLowerCase();
  if (parts.some((p) => p.quote !== first.quote || base(p) !== base(first)))
    problem = "the strings are quoted differently: rewrite it by hand";
  return finish({ node, how: "+", parts, pieces, problem });
}

// ---- where each value sits in the SQL ----------------------------------------------------------

type Place =
  | { kind: "value"; quoted: false }
  | { kind: "value"; quoted: true; pre: string; post: string; problem?: string }
  | { kind: "identifier" }
  | { kind: "fragment" }
  | { kind: "list" }
  | { kind: "quoted-elsewhere" };

const HOLE = "\u0000";

/** The SQL as it runs, each value a HOLE (a constant as its text, where known). */
function sqlOf(ctx: RuleContext, pieces: Piece[]): { sql: string; at: Map<Hole, number> } {
  let sql = "";
  const at = new Map<Hole, number>();
  for (const p of pieces) {
    if (p.kind === "text") sql += p.value;
    else if (p.constant) sql += (p.expr && constantText(ctx, p.expr)) ?? "\u0001";
    else {
      at.set(p, sql.length);
      sql += HOLE;
    }
  }
  return { sql, at };
}

/** Where the opening single quote is when `before` ends inside a quoted literal, else -1. */
function openQuote(before: string): { single: number; double: boolean } {
  let single = -1;
  let double = false;
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (single < 0 && !double && c === "'") single = i;
    else if (single >= 0 && c === "'") single = -1;
    else if (single < 0 && c === '"') double = !double;
  }
  return { single, double };
}

/** The innermost unclosed `(` of a text, quoted literals skipped, or -1. */
function innermostParen(text: string): number {
  const stack: number[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (c === "(") stack.push(i);
    else if (c === ")") stack.pop();
  }
  return stack.length ? stack[stack.length - 1]! : -1;
}

const VALUE_AFTER = /(=|<|>|\b(not\s+)?i?like|\blimit|\boffset|\bbetween|\bescape)$/i;
const BETWEEN_AND = /\bbetween\s+('[^']*'|[^\s']+)\s+and$/i;
const IDENTIFIER_AFTER = /(\b(from|join|into|update|table|by|select|distinct|as)|\.)$/i;
const CLAUSE_KEYWORD =
  /\b(select|from|where|join|by|set|values|into|having|on|limit|offset|and|or)\b/gi;

function placeOf(sql: string, at: number): Place {
  const before = sql.slice(0, at);
  const after = sql.slice(at + 1);
  const open = openQuote(before);
  if (open.double) return { kind: "fragment" };
  let ctxBefore = before;
  let ctxAfter = after;
  let quoted: { pre: string; post: string; problem?: string } | undefined;
  if (open.single >= 0) {
    const close = after.indexOf("'");
    if (close < 0) return { kind: "fragment" };
    const pre = before.slice(open.single + 1);
    const post = after.slice(0, close);
    quoted = { pre, post };
    if (after[close + 1] === "'" || /[\0\u0001]/.test(pre + post))
      quoted.problem = "the quoted SQL literal holds more than the value: bind it by hand";
    ctxBefore = before.slice(0, open.single);
    ctxAfter = after.slice(close + 1);
  }
  const head = ctxBefore.trimEnd();
  const tail = ctxAfter.trimStart();
  const value = (): Place =>
    quoted ? { kind: "value", quoted: true, ...quoted } : { kind: "value", quoted: false };
  if (/^\./.test(ctxAfter) || (!quoted && IDENTIFIER_AFTER.test(head)))
    return { kind: "identifier" };
  if (!/^(\s|$|[),;])/.test(ctxAfter)) return { kind: "fragment" };
  if (VALUE_AFTER.test(head) || BETWEEN_AND.test(head)) return value();
  if (/[(,]$/.test(head)) {
    const paren = innermostParen(head);
    if (paren >= 0) {
      const outer = head.slice(0, paren).trimEnd();
      if (/\bvalues(\s*\([^()]*\)\s*,)*$/i.test(outer) && /^[,)]/.test(tail)) return value();
      if (/\bin$/i.test(outer) && /^[,)]/.test(tail)) {
        if (quoted) return value();
        return head.endsWith("(") && tail.startsWith(")") ? { kind: "list" } : value();
      }
      if (/\binto\s+\S+$/i.test(outer)) return { kind: "identifier" };
      if (quoted && /\w$/.test(outer) && /^[,)]/.test(tail)) return value();
    }
    if (head.endsWith(",")) {
      const keywords = [...head.matchAll(CLAUSE_KEYWORD)];
      const last = keywords[keywords.length - 1]?.[1]?.toLowerCase();
      if (last === "select" || last === "by" || last === "from") return { kind: "identifier" };
    }
  }
  if (quoted) return { kind: "quoted-elsewhere" };
  if (/\b(where|and|or|set|on)$/i.test(head) && /^(=|<|>|!|\bin\b|\blike\b|\bis\b)/i.test(tail))
    return { kind: "identifier" };
  return { kind: "fragment" };
}

// ---- the fix -----------------------------------------------------------------------------------

type Style = "named" | "qmark" | "format";

interface NamedParam {
  name: string;
  value: string;
}

const describe = (h: Hole): string => (h.expr ? `\`${h.expr.text}\`` : "a value");

/** A parameter name from the value's expression, or undefined. */
function baseName(expr: Node): string | undefined {
  const n = unparen(expr);
  if (n.type === "identifier") return n.text;
  if (n.type === "attribute") {
    const names: string[] = [];
    let a: Node = n;
    while (a.type === "attribute") {
      names.unshift(a.childForFieldName("attribute")!.text);
      a = a.childForFieldName("object")!;
    }
    if (a.type !== "identifier") return undefined;
    if (a.text !== "self" && a.text !== "cls") names.unshift(a.text);
    return names.join("_");
  }
  if (n.type === "subscript") {
    const key = n.childForFieldName("subscript");
    const m = key?.type === "string" ? /^["']([A-Za-z_]\w*)["']$/.exec(key.text) : null;
    return m?.[1];
  }
  if (n.type === "call") {
    const args = listItems(n.childForFieldName("arguments")!);
    const fn = n.childForFieldName("function")!;
    if (fn.type === "identifier" && /^(str|int|float)$/.test(fn.text) && args.length === 1)
      return baseName(args[0]!);
  }
  return undefined;
}

/** "str" or "int" when the code says the value is one (a literal, an annotated parameter). */
function knownType(ctx: RuleContext, expr: Node): "str" | "int" | undefined {
  const n = unparen(expr);
  if (n.type === "string" && !n.descendantsOfType("interpolation").length) return "str";
  if (n.type === "integer") return "int";
  if (n.type !== "identifier") return undefined;
  const found = ctx.bindings(n.text, n);
  if (!found?.length) return undefined;
  let kind: "str" | "int" | undefined;
  for (const b of found) {
    if (b.kind !== "parameter") return undefined;
    const parameter = b.node.parent;
    if (parameter?.type === "typed_default_parameter") {
      const d = parameter.childForFieldName("value");
      if (!d || (d.type !== "string" && d.type !== "integer")) return undefined;
    } else if (parameter?.type !== "typed_parameter") return undefined;
    const q = ctx.annotationOf(b);
    const k = q === "builtins.str" ? "str" : q === "builtins.int" ? "int" : undefined;
    if (!k || (kind && kind !== k)) return undefined;
    kind = k;
  }
  return kind;
}

const builtinFree = (ctx: RuleContext, name: string, at: Node): boolean => !ctx.bindings(name, at);

/** `f"{x}"`-like source for a string, or undefined when no quote fits. */
function fString(inner: string, exprTexts: string[]): string | undefined {
  const all = inner + exprTexts.join("");
  if (/[\\\n\r]/.test(all)) return undefined;
  const quote = !all.includes('"') ? '"' : !all.includes("'") ? "'" : undefined;
  return quote && `f${quote}${inner}${quote}`;
}

const escapeBraces = (s: string): string => s.replace(/[{}]/g, "$&$&");

/** The Python expression a hole is bound as, or why it cannot be. */
function boundValue(ctx: RuleContext, hole: Hole, place: Place): string | { why: string } {
  const expr = hole.expr!;
  const text = ctx.text(expr);
  const wrapped = /^(named_expression|yield|lambda|conditional_expression)$/.test(
    unparen(expr).type,
  )
    ? `(${text})`
    : text;
  if (place.kind !== "value") return { why: "not a value" };
  if (!place.quoted) {
    if (hole.conv === "int" && knownType(ctx, expr) !== "int") {
      if (!builtinFree(ctx, "int", expr)) return { why: "int is shadowed here" };
      return `int(${text})`;
    }
    return wrapped;
  }
  if (hole.conv === "int") return { why: "a %d value inside quotes" };
  const field = hole.conv === "str" ? `{${text}!s}` : `{${text}}`;
  if (!place.pre && !place.post) {
    if (hole.conv === "none" || knownType(ctx, expr) === "str") return wrapped;
    if (hole.conv === "str") {
      if (!builtinFree(ctx, "str", expr)) return { why: "str is shadowed here" };
      return `str(${text})`;
    }
    return fString(field, [text]) ?? { why: "the value cannot be written as an f-string" };
  }
  const inner = escapeBraces(place.pre) + (hole.conv === "none" ? `{${text}}` : field);
  return (
    fString(inner + escapeBraces(place.post), [text]) ?? {
      why: "the quoted pattern cannot be written as an f-string",
    }
  );
}

/** The source of a text piece in the rewritten literal. */
function renderText(t: Text, trimStart: number, trimEnd: number, toF: boolean, pct: boolean) {
  let s = t.source.slice(trimStart, t.source.length - trimEnd);
  if (t.mode === "percent") s = s.replace(/%%/g, "%");
  if ((t.mode === "f" || t.mode === "format") && !toF)
    s = s.replace(/\{\{/g, "{").replace(/\}\}/g, "}");
  if ((t.mode === "plain" || t.mode === "percent") && toF) s = escapeBraces(s);
  if (pct) s = s.replace(/%/g, "%%");
  return s;
}

/** How a run-time text is written in a piece's source (`%` doubled in a %-template...). */
function sourceForm(value: string, mode: Mode): string {
  if (mode === "percent") return value.replace(/%/g, "%%");
  if (mode === "f" || mode === "format") return escapeBraces(value);
  return value;
}

/**
 * The rewritten string and its parameters: every value that is not a constant becomes a
 * placeholder of `style`, the quotes around it go.
 */
function plan(
  ctx: RuleContext,
  built: Built,
  places: Map<Hole, Place>,
  style: Style,
): { text: string; params: string } | { why: string } {
  if (built.problem) return { why: built.problem };
  const pct = style === "format";
  const trims = new Map<Text, { start: number; end: number }>();
  const placeholders = new Map<Hole, string>();
  const named: NamedParam[] = [];
  const positional: string[] = [];
  const taken = new Set<string>();
  const literal = built.pieces.map((p) => (p.kind === "text" ? p.value : "")).join("");
  for (const m of literal.matchAll(BIND_NAMES)) taken.add(m[1]!);
  let counter = 0;
  const pieces = built.pieces;
  for (const [i, p] of pieces.entries()) {
    if (p.kind !== "hole" || p.constant) continue;
    const place = places.get(p)!;
    if (place.kind !== "value") return { why: "not a value" };
    if (p.bad) return { why: `${p.bad}: bind it by hand` };
    if (place.quoted && place.problem) return { why: place.problem };
    const value = boundValue(ctx, p, place);
    if (typeof value !== "string") return { why: `${value.why}: bind it by hand` };
    if (place.quoted) {
      const prev = pieces[i - 1];
      const next = pieces[i + 1];
      if (prev?.kind !== "text" || next?.kind !== "text")
        return { why: "the quotes are not next to the value: bind it by hand" };
      const pre = sourceForm(place.pre, prev.mode);
      const post = sourceForm(place.post, next.mode);
      const startTrim = trims.get(prev)?.start ?? 0;
      const endTrim = trims.get(next)?.end ?? 0;
      let cut: number | undefined;
      for (const q of ["'", "\\'"]) if (prev.source.endsWith(q + pre)) cut = (q + pre).length;
      let lead: number | undefined;
      for (const q of ["'", "\\'"]) if (next.source.startsWith(post + q)) lead = (post + q).length;
      if (cut === undefined || lead === undefined || /[\\]/.test(pre + post))
        return { why: "the quotes around the value are written oddly: bind it by hand" };
      trims.set(prev, { start: startTrim, end: cut });
      trims.set(next, { start: lead, end: endTrim });
    }
    if (style === "named") {
      const existing = named.find((n) => n.value === value);
      let name = existing?.name;
      if (!name) {
        const base = baseName(p.expr!) ?? `p${++counter}`;
        name = base;
        for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
        taken.add(name);
        named.push({ name, value });
      }
      placeholders.set(p, `:${name}`);
    } else {
      positional.push(value);
      placeholders.set(p, style === "qmark" ? "?" : "%s");
    }
  }
  // What stays of the SQL must not read as placeholders of the style.
  const kept = pieces.map((p) => (p.kind === "text" ? p.value : " ")).join("");
  if (style === "named" && BIND_PARAMETER.test(kept))
    return { why: "the SQL already has a `:name` that text() reads as a parameter" };
  if (style === "qmark" && pieces.some((p) => p.kind === "text" && p.value.includes("?")))
    return { why: "the SQL already holds a `?`" };
  const render = (p: Piece, toF: boolean): string => {
    if (p.kind === "text") {
      const t = trims.get(p);
      return renderText(p, t?.start ?? 0, t?.end ?? 0, toF, pct);
    }
    if (!p.constant) return placeholders.get(p)!;
    return p.interpolation ?? `{${ctx.text(p.expr!)}}`;
  };
  const params =
    style === "named"
      ? `{${named.map((n) => `"${n.name}": ${n.value}`).join(", ")}}`
      : `(${positional.join(", ")}${positional.length === 1 ? "," : ""})`;
  if (built.namedTemplate) {
    // `cursor.execute(QUERY % (a,))` -> `cursor.execute(QUERY, (a,))`: only where the template's
    // `%s` are already the driver's placeholders, bare, and its `%%` the driver's `%`.
    const asIs =
      style === "format" &&
      !trims.size &&
      pieces.every((p) => p.kind === "text" || (!p.constant && p.conv === "str"));
    if (!asIs) return { why: "the template is a named string: rewrite it by hand" };
    return { text: ctx.text(built.template!), params };
  }
  const keepsF = (own: Piece[]): boolean => own.some((p) => p.kind === "hole" && p.constant);
  if (built.how === "+") {
    const first = built.parts[0]!;
    const toF = keepsF(pieces);
    const prefix = first.prefix.replace(/f/gi, "") + (toF ? "f" : "");
    return {
      text: `${prefix}${first.quote}${pieces.map((p) => render(p, toF)).join("")}${first.quote}`,
      params,
    };
  }
  const start = built.node.startIndex;
  let text = ctx.source.slice(
    start,
    built.template ? built.template.endIndex : built.node.endIndex,
  );
  // Parts from the last: offsets before them stay valid.
  for (const part of [...built.parts].reverse()) {
    const own = pieces.filter((p) => p.part === part);
    if (!own.length) continue;
    const toF = keepsF(own);
    const prefix = part.prefix.replace(/f/gi, "") + (toF ? "f" : "");
    const replaced = `${prefix}${part.quote}${own.map((p) => render(p, toF)).join("")}${part.quote}`;
    text =
      text.slice(0, part.node.startIndex - start) +
      replaced +
      text.slice(part.node.endIndex - start);
  }
  return { text, params };
}

// ---- sinks -------------------------------------------------------------------------------------

function nameOf(ctx: RuleContext, node: Node): string | undefined {
  return ctx.qualifiedName(node) ?? moduleVariable(node, ctx);
}

/** The call a module-level variable was bound to, e.g. `SessionLocal = sessionmaker(...)`. */
function moduleCallOf(ctx: RuleContext, node: Node): string | undefined {
  if (node.type !== "identifier") return undefined;
  const found = ctx.bindings(node.text, node);
  const b = found?.length === 1 ? found[0]! : undefined;
  if (b?.kind !== "assignment" || b.scope.kind !== "module") return undefined;
  const value = b.statement.childForFieldName("right");
  if (value?.type !== "call") return undefined;
  return ctx.qualifiedName(value.childForFieldName("function")!);
}

type SaKind = "session" | "connection" | "engine";

/** What a call builds: a session from a factory, a connection from an engine... */
function saMadeBy(ctx: RuleContext, call: Node, depth: number): SaKind | undefined {
  const fn = call.childForFieldName("function");
  if (!fn) return undefined;
  const q = nameOf(ctx, fn);
  if (q && SA_CLASSES.has(q)) return /Engine$/.test(q) ? "engine" : "session";
  if (q && ENGINE_MAKERS.has(q)) return "engine";
  if (q && ctx.index.factoryKind(q) === "session") return "session";
  const made = moduleCallOf(ctx, fn);
  if (made && SESSION_MAKERS.has(made)) return "session";
  if (fn.type !== "attribute") return undefined;
  const method = fn.childForFieldName("attribute")!.text;
  const owner = /^(connect|begin|connection)$/.test(method)
    ? saKind(ctx, fn.childForFieldName("object")!, depth + 1)
    : undefined;
  if (owner === "engine" && method !== "connection") return "connection";
  if (owner === "session" && method === "connection") return "connection";
  return undefined;
}

/**
 * A SQLAlchemy Session, Connection or Engine, when the code says so plainly (annotation,
 * construction, factory). sqlalchemy-removed-apis has the same question answered by a helper it
 * does not export; this is the minimal local version, with the async classes added.
 */
function saKind(ctx: RuleContext, node: Node, depth = 0): SaKind | undefined {
  if (depth > 4) return undefined;
  let n = unparen(node);
  if (n.type === "await") n = n.namedChildren[0] ? unparen(n.namedChildren[0]) : n;
  if (ctx.annotatedAs(n, SA_CLASSES)) {
    const q = ctx.bindings(n.text, n)!.map((b) => ctx.annotationOf(b))[0] ?? "";
    return /Engine$/.test(q) ? "engine" : /Connection$/.test(q) ? "connection" : "session";
  }
  const inferred = inferClass(ctx, n);
  if (inferred?.instance && inferred.qualified && SA_CLASSES.has(inferred.qualified))
    return /Engine$/.test(inferred.qualified) ? "engine" : "session";
  if (n.type === "call") return saMadeBy(ctx, n, depth);
  if (n.type !== "identifier" && n.type !== "attribute") return undefined;
  const q = nameOf(ctx, n);
  if (q && ctx.index.factoryKind(q) === "engine") return "engine";
  if (n.type !== "identifier") return undefined;
  const made = moduleCallOf(ctx, n);
  if (made && ENGINE_MAKERS.has(made)) return "engine";
  const found = ctx.bindings(n.text, n);
  if (found?.length !== 1) return undefined;
  const b = found[0]!;
  let value =
    b.kind === "assignment"
      ? b.statement.childForFieldName("right")
      : b.kind === "with"
        ? b.statement.namedChildren[0]
        : undefined;
  if (value?.type === "await") value = value.namedChildren[0] ?? undefined;
  return value?.type === "call" ? saMadeBy(ctx, value, depth + 1) : undefined;
}

/** A DB-API cursor (or a connection that executes, like sqlite3's). */
function isDbapi(ctx: RuleContext, node: Node): boolean {
  const n = unparen(node);
  const cursorCall = (v: Node | null | undefined): boolean => {
    let c = v;
    if (c?.type === "await") c = c.namedChildren[0];
    if (c?.type !== "call") return false;
    const fn = c.childForFieldName("function")!;
    if (fn.type === "attribute" && fn.childForFieldName("attribute")!.text === "cursor")
      return true;
    return EXECUTING_CONNECTS.has(ctx.qualifiedName(fn) ?? "");
  };
  if (n.type === "call") return cursorCall(n);
  if (n.type !== "identifier") return false;
  const found = ctx.bindings(n.text, n);
  if (!found?.length) return false;
  if (found.length === 1) {
    const b = found[0]!;
    const value =
      b.kind === "assignment"
        ? b.statement.childForFieldName("right")
        : b.kind === "with"
          ? b.statement.namedChildren[0]
          : undefined;
    if (cursorCall(value)) return true;
  }
  return (
    /^(cursor|cur)$/.test(n.text) &&
    found.every((b) => b.kind === "parameter" || b.kind === "assignment" || b.kind === "with")
  );
}

/** The one driver module the file imports, or why there is not one. */
function driverStyle(ctx: RuleContext): { style: "qmark" | "format"; driver: string } | string {
  const roots = new Set<string>();
  for (const scope of ctx.scopes.allScopes())
    for (const list of scope.bindings.values())
      for (const b of list)
        if ((b.kind === "import" || b.kind === "from-import") && b.qualified) {
          const root = b.qualified.split(".")[0]!;
          if (root in DRIVERS) roots.add(root);
        }
  if (roots.size === 1) {
    const driver = [...roots][0]!;
    return { style: DRIVERS[driver]!, driver };
  }
  return roots.size
    ? `the module imports several drivers (${[...roots].join(", ")}), whose placeholders differ`
    : "the module imports no database driver to tell the placeholder style";
}

interface Finding {
  built: Built;
  places: Map<Hole, Place>;
  /** A message when some value cannot be a parameter at all (identifiers, fragments). */
  unbindable?: string;
  /** A reason when the values are values but not all can be rewritten. */
  blocked?: string;
}

function analyse(ctx: RuleContext, built: Built, sink: string): Finding {
  const { sql, at } = sqlOf(ctx, built.pieces);
  const places = new Map<Hole, Place>();
  for (const [hole, offset] of at) places.set(hole, placeOf(sql, offset));
  const wrong = [...places].filter(([, p]) => p.kind === "identifier" || p.kind === "fragment");
  const base = `SQL built with ${HOW[built.how]} is run by ${sink}`;
  if (wrong.length) {
    const names = wrong.map(([h]) => describe(h)).join(", ");
    const plural = wrong.length > 1;
    const identifiers = wrong.filter(([, p]) => p.kind === "identifier").length;
    const what =
      identifiers === wrong.length
        ? `as ${plural ? "identifiers (table or column names)" : "an identifier (a table or column name)"}, which a bound parameter cannot replace; check ${plural ? "them" : "it"} against a fixed list of allowed names`
        : identifiers
          ? "as identifiers or SQL text, which bound parameters cannot replace; allow only names and SQL from a fixed list"
          : "as SQL text, which a bound parameter cannot replace; build that SQL from fixed pieces";
    return {
      built,
      places,
      unbindable: `${base}: ${names} ${plural ? "are" : "is"} interpolated ${what}`,
    };
  }
  const list = [...places].find(([, p]) => p.kind === "list");
  if (list)
    return {
      built,
      places,
      blocked: `${describe(list[0])} fills an IN (...) list: bind each item, or use an expanding parameter, by hand`,
    };
  const elsewhere = [...places].find(([, p]) => p.kind === "quoted-elsewhere");
  if (elsewhere)
    return {
      built,
      places,
      blocked: `${describe(elsewhere[0])} is a quoted literal where a parameter may not be accepted: bind it by hand`,
    };
  return { built, places };
}

const messageFor = (built: Built, sink: string): string =>
  `SQL built with ${HOW[built.how]} is run by ${sink}: the interpolated values can inject SQL; bind them as parameters`;

/** The edits of a fix: the built string rewritten, and the argument at the call. */
function fixEdits(
  ctx: RuleContext,
  built: Built,
  newText: string,
  arg: Node,
  argText: (inner: string) => string,
): Edit[] {
  const edits: Edit[] = [];
  const start = built.node.startIndex;
  const end = built.node.endIndex;
  if (start >= arg.startIndex && end <= arg.endIndex) {
    const inner =
      ctx.source.slice(arg.startIndex, start) + newText + ctx.source.slice(end, arg.endIndex);
    edits.push({ start: arg.startIndex, end: arg.endIndex, text: argText(inner) });
  } else {
    edits.push({ start, end, text: newText });
    edits.push({ start: arg.startIndex, end: arg.endIndex, text: argText(ctx.text(arg)) });
  }
  return edits;
}

/** The only argument of a call that runs text() statements, if `arg` is one. */
function runnerOf(arg: Node): Node | undefined {
  const list = arg.parent;
  if (list?.type !== "argument_list") return undefined;
  const call = list.parent;
  const fn = call?.childForFieldName("function");
  if (fn?.type !== "attribute" || !TEXT_RUNNERS.has(fn.childForFieldName("attribute")!.text))
    return undefined;
  const items = listItems(list);
  return items.length === 1 && items[0]!.equals(arg) ? call! : undefined;
}

function textSink(rule: Rule, ctx: RuleContext, textCall: Node, found: Resolved): Diagnostic {
  const { built, via } = found;
  const sink = "text()";
  const finding = analyse(ctx, built, sink);
  if (finding.unbindable) return ctx.diagnostic(rule, built.node, finding.unbindable);
  const message = messageFor(built, sink);
  const report = (why: string): Diagnostic =>
    ctx.diagnostic(rule, built.node, `${message} (${why})`);
  if (finding.blocked) return report(finding.blocked);
  if (via && !via.single)
    return report(`${via.binding.name} is used elsewhere too: bind them by hand`);
  // The statement is run right here, or through a variable used once.
  let arg: Node = textCall;
  let runner = runnerOf(textCall);
  if (!runner) {
    const assignment = textCall.parent;
    if (
      assignment?.type === "assignment" &&
      assignment.childForFieldName("right")?.equals(textCall) &&
      assignment.childForFieldName("left")?.type === "identifier"
    ) {
      const name = assignment.childForFieldName("left")!;
      const b = ctx.bindings(name.text, name);
      const binding = b?.length === 1 ? b[0]! : undefined;
      const refs = binding ? usesOf(ctx, binding) : undefined;
      if (
        binding?.statement.equals(assignment) &&
        refs?.length === 1 &&
        refs[0]!.startIndex > assignment.endIndex &&
        ctx.scopeAt(refs[0]!) === ctx.scopeAt(assignment)
      ) {
        runner = runnerOf(refs[0]!);
        if (runner) arg = refs[0]!;
      }
    }
  }
  if (!runner)
    return report(
      "the text() is not run here by an execute() that parameters can be added to: bind them by hand",
    );
  const planned = plan(ctx, built, finding.places, "named");
  if ("why" in planned) return report(planned.why);
  return ctx.diagnostic(rule, built.node, message, {
    title: "Bind the values as parameters",
    safety: "safe",
    edits: fixEdits(ctx, built, planned.text, arg, (inner) => `${inner}, ${planned.params}`),
  });
}

function executeSink(
  rule: Rule,
  ctx: RuleContext,
  call: Node,
  method: string,
  kind: "sqlalchemy" | "dbapi",
  found: Resolved,
): Diagnostic {
  const { built, via } = found;
  const receiver = call.childForFieldName("function")!.childForFieldName("object")!;
  const sink =
    kind === "dbapi"
      ? `${receiver.type === "identifier" ? receiver.text : "cursor"}.${method}()`
      : `${method}()`;
  const finding = analyse(ctx, built, sink);
  if (finding.unbindable) return ctx.diagnostic(rule, built.node, finding.unbindable);
  const message = messageFor(built, sink);
  const report = (why: string): Diagnostic =>
    ctx.diagnostic(rule, built.node, `${message} (${why})`);
  if (finding.blocked) return report(finding.blocked);
  if (via && !via.single)
    return report(`${via.binding.name} is used elsewhere too: bind them by hand`);
  if (method === "exec_driver_sql")
    return report("exec_driver_sql() takes the driver's own placeholders: bind them by hand");
  if (method === "executemany")
    return report("executemany() runs the one SQL for every row: bind them by hand");
  const items = listItems(call.childForFieldName("arguments")!);
  if (items.length !== 1) return report("parameters are passed already: bind the rest by hand");
  const arg = items[0]!;
  if (kind === "sqlalchemy") {
    const planned = plan(ctx, built, finding.places, "named");
    if ("why" in planned) return report(planned.why);
    const text = ensureName(ctx, call, "sqlalchemy", "text", { throughModule: true });
    if (!text.ok) return report(text.reason);
    return ctx.diagnostic(rule, built.node, message, {
      title: "Bind the values as parameters of text()",
      safety: "safe",
      edits: fixEdits(
        ctx,
        built,
        planned.text,
        arg,
        (inner) => `${text.expr}(${inner}), ${planned.params}`,
      ),
      imports: text.requirement ? [text.requirement] : [],
    });
  }
  const driver = driverStyle(ctx);
  if (typeof driver === "string") return report(`${driver}: bind them by hand`);
  const planned = plan(ctx, built, finding.places, driver.style);
  if ("why" in planned) return report(planned.why);
  return ctx.diagnostic(rule, built.node, message, {
    title: `Bind the values as ${driver.driver} parameters`,
    safety: "safe",
    edits: fixEdits(ctx, built, planned.text, arg, (inner) => `${inner}, ${planned.params}`),
  });
}
