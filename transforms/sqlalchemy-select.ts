// FF303: the legacy Query API (`session.query(M).filter(...).all()`) becomes a 2.0 `select()`
// statement run by the session, keeping every clause and what the call returned: one entity gives
// objects (`scalars`), several columns give rows, and a single entity is made unique where the
// Query made it so (it always deduplicated a single full entity; a select does not).
import { firstLine } from "../src/engine/source.js";
import { isReference } from "../src/engine/imports.js";
import { keywordArguments, listItems } from "../src/engine/syntax.js";
import type { Node } from "../src/engine/parser.js";
import type { Binding } from "../src/engine/scope.js";
import type { Diagnostic, Edit, Fix, ImportRequirement } from "../src/engine/types.js";
import type { RuleContext } from "../src/knowledge/context.js";
import { inferClass } from "../src/knowledge/inference.js";
import type { Rule } from "../src/knowledge/rule.js";
import { SESSIONS } from "./data/sqlalchemy-names.js";

/** Query methods that a Select has with the same meaning. */
const CHAIN = new Set([
  "filter",
  "filter_by",
  "where",
  "order_by",
  "offset",
  "limit",
  "join",
  "outerjoin",
  "options",
  "distinct",
  "group_by",
  "having",
  "select_from",
  "with_for_update",
  "execution_options",
]);

/** The methods that end a chain and run it. */
const TERMINALS = new Set([
  "all",
  "first",
  "one",
  "one_or_none",
  "scalar",
  "count",
  "get",
  "delete",
  "update",
]);

/** Of the chain, what a bulk delete or update may carry (the Query raised on anything else). */
const DML_CHAIN = new Set(["filter", "filter_by", "where", "execution_options"]);

/** Chain methods that can repeat a row's entity: a Query deduplicated it, a select does not. */
const JOINS = new Set(["join", "outerjoin", "select_from"]);

const MESSAGE = "legacy Query API: SQLAlchemy 2.0 runs select() statements";

const QUERY = `(call function: (attribute attribute: (identifier) @name (#eq? @name "query"))) @query`;

export const sqlalchemySelect: Rule = {
  name: "sqlalchemy-select",
  code: "FF303",
  summary:
    "session.query(M)...all()/first()/one()/scalar()/count()/get()/delete()/update() -> select(), delete(), update() run by the session, every clause kept",
  rule: "Use select() statements instead of legacy Query API",
  gives: ["safe", "detect"],
  docs: {
    why: 'SQLAlchemy 2.0 builds queries with `select()` and runs them with the session; the Query API is legacy. Every clause of the chain is kept as written (`filter`, `filter_by`, `order_by`, `offset`, `limit`, joins, `options`, `distinct`, `group_by`, `having` are Select methods too), and the result keeps its shape: one entity gives objects through `scalars()`, columns or several entities give rows through `execute()`. A Query deduplicated a single entity, which matters once a join repeats it: chains that join or eager-load by join get `.unique()`, and so does every single-entity query of a project that maps a relationship with `lazy=\"joined\"` (2.0 raises without it). `.first()` keeps its LIMIT 1, `.scalar()` still raises on several rows (`scalar_one_or_none`), `.count()` counts the same subquery, `.get(pk)` is `session.get(M, pk)`, and bulk `.delete()`/`.update()` keep their `synchronize_session` (1.4\'s default was "evaluate"). The receiver must be a Session, by annotation or because the query names a mapped class. A Query kept in a variable, returned or passed on is reported.',
    bad: "def list_users(db: Session, skip: int, limit: int):\n    return db.query(User).filter(User.active).order_by(User.id).offset(skip).limit(limit).all()\n",
    good: "def list_users(db: Session, skip: int, limit: int):\n    return db.scalars(select(User).filter(User.active).order_by(User.id).offset(skip).limit(limit)).all()\n",
  },
  // Not /sqlalchemy/: a service module often imports only its models and gets the session passed.
  prefilter: /\.query\(/,
  query: QUERY,
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    if (ctx.declares("sqlalchemy", "1.4.24") === "no") return out;
    for (const m of ctx.captures(QUERY)) {
      const call = m.node("query");
      const d = convert(this, ctx, call);
      if (d) out.push(d);
    }
    return out;
  },
};

type Shape = "entity" | "rows";

interface Chain extends Walk {
  /** The `.query(...)` call and its receiver. */
  query: Node;
  receiver: Node;
}

/** What follows a Query expression: its chain of Select-like methods, and how it ends. */
interface Walk {
  links: Array<{ name: string; call: Node }>;
  /** The terminal call (`.all()`), if the chain ends in one. */
  terminal?: { name: string; call: Node };
  /** The chain is iterated (`for x in session.query(M)...:`). */
  iterated?: Node;
  /** A method the chain ends with that a Select does not have (`with_entities`). */
  other?: string;
  /** The last node of the chain (the terminal call, or the last link, or the start). */
  top: Node;
}

/** Walks up from a Query expression (the `.query()` call, or a name holding one) to its end. */
function walk(start: Node): Walk {
  const out: Walk = { links: [], top: start };
  let node = start;
  for (;;) {
    out.top = node;
    const attr = node.parent;
    const call = attr?.parent;
    if (
      attr?.type !== "attribute" ||
      call?.type !== "call" ||
      !attr.childForFieldName("object")!.equals(node)
    ) {
      const loop = node.parent;
      if (loop?.type === "for_statement" && loop.childForFieldName("right")?.equals(node))
        out.iterated = node;
      return out;
    }
    const name = attr.childForFieldName("attribute")!.text;
    if (TERMINALS.has(name)) {
      out.terminal = { name, call };
      out.top = call;
      return out;
    }
    if (!CHAIN.has(name)) {
      out.other = name;
      return out;
    }
    out.links.push({ name, call });
    node = call;
  }
}

function chainOf(query: Node): Chain {
  const receiver = query.childForFieldName("function")!.childForFieldName("object")!;
  return { query, receiver, ...walk(query) };
}

/** What a query argument is: an entity, a column expression, or unknown. */
function argumentKind(ctx: RuleContext, arg: Node): "entity" | "column" | undefined {
  if (arg.type === "identifier" || arg.type === "attribute") {
    const q = ctx.qualifiedName(arg);
    if (q && ctx.index.isMappedClass(q)) return "entity";
    if (arg.type === "attribute") {
      const owner = ctx.qualifiedName(arg.childForFieldName("object")!);
      if (owner && ctx.index.isMappedClass(owner)) return "column";
    }
    return undefined;
  }
  if (arg.type === "call") {
    const fn = arg.childForFieldName("function")!;
    const q = ctx.qualifiedName(fn) ?? "";
    if (/^sqlalchemy\./.test(q)) return "column";
    // `User.name.label("n")`, `func.count(User.id).label("n")`
    if (fn.type === "attribute") {
      const inner = fn.childForFieldName("object")!;
      if (/^(label|distinct|desc|asc)$/.test(fn.childForFieldName("attribute")!.text))
        return argumentKind(ctx, inner) === "column" ? "column" : undefined;
    }
  }
  return undefined;
}

/** Whether the receiver may be a Session: not when it is known to be something else. */
function receiverProblem(ctx: RuleContext, receiver: Node): string | undefined {
  const inferred = inferClass(ctx, receiver);
  if (!inferred?.qualified || !inferred.instance) return undefined;
  if (SESSIONS.has(inferred.qualified)) return undefined;
  if (/AsyncSession$/.test(inferred.qualified)) return "an AsyncSession has no query()";
  return `${firstLine(ctx.text(receiver))} is a ${inferred.qualified}`;
}

/** What each argument of `query(...)` is (undefined for a keyword or an unknown expression). */
function argumentKinds(ctx: RuleContext, items: Node[]): Array<"entity" | "column" | undefined> {
  return items.map((a) => (a.type === "keyword_argument" ? undefined : argumentKind(ctx, a)));
}

/** One entity gives objects; anything else gives rows. */
function shapeOf(kinds: ReadonlyArray<"entity" | "column" | undefined>): Shape {
  return kinds.length === 1 && kinds[0] === "entity" ? "entity" : "rows";
}

/** The same bindings, in the same order: a name that means the same thing at both places. */
function sameBindings(a: Binding[] | undefined, b: Binding[] | undefined): boolean {
  return !!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]);
}

function convert(rule: Rule, ctx: RuleContext, query: Node): Diagnostic | undefined {
  const args = query.childForFieldName("arguments");
  if (args?.type !== "argument_list") return undefined;
  const items = listItems(args);
  if (!items.length) return undefined;
  const kinds = argumentKinds(ctx, items);
  // Only a query that names a mapped class is known to be SQLAlchemy's.
  if (!kinds.includes("entity") && !kinds.includes("column")) return undefined;
  const chain = chainOf(query);
  const report = (why?: string, fix?: Fix): Diagnostic =>
    ctx.diagnostic(rule, query, why ? `${MESSAGE} (${why})` : MESSAGE, fix);
  const receiverIssue = receiverProblem(ctx, chain.receiver);
  if (receiverIssue) return undefined;
  if (chain.other)
    return report(`.${chain.other}() has no select() counterpart here: convert it by hand`);
  const unknown = items.findIndex((_, i) => kinds[i] === undefined);
  if (unknown >= 0)
    return report(
      `cannot tell whether ${firstLine(ctx.text(items[unknown]!))} is an entity or a column`,
    );
  for (const link of chain.links) {
    const problem = linkProblem(link);
    if (problem) return report(problem);
  }
  const shape = shapeOf(kinds);
  const fix = (edit: TerminalEdit | string): Diagnostic =>
    typeof edit === "string"
      ? report(edit)
      : report(undefined, {
          title: `Use ${edit.uses}`,
          safety: "safe",
          edits: edit.edits,
          imports: edit.imports,
        });
  if (!chain.terminal && !chain.iterated) {
    const flow = variableFlow(ctx, chain, shape, items[0]!);
    if (flow === "covered") return undefined;
    return flow
      ? fix(flow)
      : report("the Query is kept, returned or passed on: build a select() by hand");
  }
  const names = new Names(ctx, query);
  const queryName = query.childForFieldName("function")!.childForFieldName("attribute")!;
  const o: Opening = { kind: "chain", queryName };
  const unique = uniqueFor(ctx, chain.links, shape);
  if (chain.iterated) return fix(iterationEdit(names, chain, o, shape, unique));
  const terminal = chain.terminal!;
  const dml = terminal.name === "delete" || terminal.name === "update";
  if (dml || terminal.name === "get") {
    if (shape !== "entity") return report(`.${terminal.name}() needs one entity`);
    const allowed = terminal.name === "get" ? new Set(["options"]) : DML_CHAIN;
    const extra = chain.links.find((l) => !allowed.has(l.name));
    if (extra) return report(`.${extra.name}() before .${terminal.name}(): convert it by hand`);
  }
  return fix(terminalEdit(ctx, names, chain, o, shape, items[0]!, unique));
}

/** Why a chain method's arguments cannot go into a select() as they are. */
function linkProblem(link: { name: string; call: Node }): string | undefined {
  const args = link.call.childForFieldName("arguments");
  if (args?.type !== "argument_list") return `.${link.name}: convert it by hand`;
  for (const arg of listItems(args)) {
    if (arg.type === "string" && (link.name === "join" || link.name === "outerjoin"))
      return `.${link.name}(${firstLine(arg.text)}) joins by name, which SQLAlchemy 2.0 removed: use the relationship attribute`;
    if (link.name === "options" && /\b\w*load\(\s*["']/.test(arg.text))
      return `loader options name attributes by string, which SQLAlchemy 2.0 removed: use the relationship attribute`;
  }
  if (
    (link.name === "join" || link.name === "outerjoin") &&
    listItems(args).filter((a) => a.type !== "keyword_argument").length > 2
  )
    return `.${link.name}() with several targets: join them one by one`;
  return undefined;
}

interface TerminalEdit {
  edits: Edit[];
  imports: ImportRequirement[];
  uses: string;
}

/**
 * A single entity needs .unique() where a join or a joined eager load can repeat it: a join or
 * joinedload in the chain, or a relationship the project maps with lazy="joined" (2.0 raises
 * without it, where the Query deduplicated).
 */
function uniqueFor(ctx: RuleContext, links: Walk["links"], shape: Shape): string {
  const joined =
    shape === "entity" &&
    (ctx.index.mapsJoinedEagerLoads ||
      links.some(
        (l) =>
          JOINS.has(l.name) ||
          (l.name === "options" && /\b(joinedload|contains_eager)\b/.test(l.call.text)),
      ));
  return joined ? ".unique()" : "";
}

/**
 * Where the statement opens: at the `.query` name of a chain (the select's arguments follow
 * it), or before a name that holds a select (`q` -> `db.scalars(q`).
 */
type Opening = { kind: "chain"; queryName: Node } | { kind: "name"; ref: Node; receiver: string };

function opening(o: Opening, runner: string, select: string): Edit {
  return o.kind === "chain"
    ? { start: o.queryName.startIndex, end: o.queryName.endIndex, text: `${runner}${select}` }
    : { start: o.ref.startIndex, end: o.ref.startIndex, text: `${o.receiver}.${runner}` };
}

interface TerminalEdit {
  edits: Edit[];
  imports: ImportRequirement[];
  uses: string;
}

/** Imports planned at `anchor`, reached through the module when the name is taken. */
class Names {
  readonly imports: ImportRequirement[] = [];
  constructor(
    private readonly ctx: RuleContext,
    private readonly anchor: Node,
  ) {}
  get(module: string, name: string): string | undefined {
    const ensured = this.ctx.ensureImport(this.anchor, module, name, { throughModule: true });
    if (!ensured.ok) return undefined;
    if (ensured.requirement && !this.imports.includes(ensured.requirement))
      this.imports.push(ensured.requirement);
    return ensured.expr;
  }
}

/** `for x in session.query(M)...:` -> `for x in session.scalars(select(M)...):`. */
function iterationEdit(
  names: Names,
  w: Walk,
  o: Opening,
  shape: Shape,
  unique: string,
): TerminalEdit | string {
  const select = o.kind === "chain" ? names.get("sqlalchemy", "select") : "";
  if (select === undefined) return "cannot import select";
  const runner = shape === "entity" ? "scalars(" : "execute(";
  const end = w.iterated!.endIndex;
  return {
    edits: [opening(o, runner, select), { start: end, end, text: `)${unique}` }],
    imports: names.imports,
    uses: `${runner}select(...))`,
  };
}

function terminalEdit(
  ctx: RuleContext,
  names: Names,
  w: Walk,
  o: Opening,
  shape: Shape,
  first: Node,
  unique: string,
): TerminalEdit | string {
  const terminal = w.terminal!;
  const terminalAttr = terminal.call.childForFieldName("function")!;
  // From the terminal's dot: whitespace before it stays where it is.
  const dot = terminalAttr.children.find((c) => c?.type === ".")!;
  const tail = { start: dot.startIndex, end: terminal.call.endIndex };
  const targs = terminal.call.childForFieldName("arguments")!;
  const targItems = targs.type === "argument_list" ? listItems(targs) : [];
  const chained = o.kind === "chain";
  const needsSelect =
    chained && terminal.name !== "get" && terminal.name !== "delete" && terminal.name !== "update";
  const select = needsSelect ? names.get("sqlalchemy", "select") : "";
  if (select === undefined) return "cannot import select";
  const end = (text: string): Edit => ({ ...tail, text });
  const noArgs = (): string | undefined =>
    targItems.length ? `.${terminal.name}() with arguments: convert it by hand` : undefined;
  const result = (edits: Edit[], uses: string): TerminalEdit => ({
    edits,
    imports: names.imports,
    uses,
  });

  switch (terminal.name) {
    case "all":
    case "one":
    case "one_or_none":
    case "first": {
      const problem = noArgs();
      if (problem) return problem;
      const limit = terminal.name === "first" ? ".limit(1)" : "";
      const runner = shape === "entity" ? "scalars(" : "execute(";
      return result(
        [opening(o, runner, select), end(`${limit})${unique}.${terminal.name}()`)],
        `${runner}select(...))${unique}.${terminal.name}()`,
      );
    }
    case "scalar": {
      const problem = noArgs();
      if (problem) return problem;
      // Query.scalar() ran one(): several rows raised, none gave None.
      return result(
        [opening(o, "execute(", select), end(`)${unique}.scalar_one_or_none()`)],
        "execute(select(...)).scalar_one_or_none()",
      );
    }
    case "count": {
      const problem = noArgs();
      if (problem) return problem;
      const func = names.get("sqlalchemy", "func");
      const countSelect = names.get("sqlalchemy", "select");
      if (!func || !countSelect) return "cannot import func and select";
      return result(
        [
          opening(o, `scalar(${countSelect}(${func}.count()).select_from(`, select),
          end(".subquery()))"),
        ],
        "a count over the statement's subquery",
      );
    }
    case "get": {
      if (!chained) return ".get() on a statement built across lines: convert it by hand";
      if (targItems.length !== 1 || targItems[0]!.type === "keyword_argument")
        return ".get() with other than one key: convert it by hand";
      const options = w.links.map((l) =>
        listItems(l.call.childForFieldName("arguments")!)
          .map((a) => ctx.text(a))
          .join(", "),
      );
      const opts = options.length ? `, options=[${options.join(", ")}]` : "";
      const queryName = (o as { queryName: Node }).queryName;
      return result(
        [
          {
            start: queryName.startIndex,
            end: terminal.call.endIndex,
            text: `get(${ctx.text(first)}, ${ctx.text(targItems[0]!)}${opts})`,
          },
        ],
        "session.get()",
      );
    }
    case "delete":
    case "update": {
      if (!chained)
        return `.${terminal.name}() on a statement built across lines: convert it by hand`;
      const dml = names.get("sqlalchemy", terminal.name);
      if (!dml) return `cannot import ${terminal.name}`;
      const kw = keywordArguments(targs);
      const positional = targItems.filter((a) => a.type !== "keyword_argument");
      const known = new Set([
        "synchronize_session",
        ...(terminal.name === "update" ? ["values"] : []),
      ]);
      const other = [...kw.keys()].find((k) => !known.has(k));
      if (other) return `.${terminal.name}(${other}=...): convert it by hand`;
      let values = "";
      if (terminal.name === "update") {
        const v = positional[0] ?? kw.get("values")?.childForFieldName("value");
        if (!v || positional.length > 1)
          return ".update() without one values argument: convert it by hand";
        values = `.values(${ctx.text(v)})`;
      } else if (positional.length) {
        return ".delete() with positional arguments: convert it by hand";
      }
      // 1.4's Query default ("evaluate") and 2.0's statement default ("auto") leave the session
      // the same wherever "evaluate" worked: only a value the code gives is carried.
      const sync = kw.get("synchronize_session")?.childForFieldName("value");
      const options = sync ? `.execution_options(synchronize_session=${ctx.text(sync)})` : "";
      const used = terminal.call.parent?.type !== "expression_statement";
      return result(
        [opening(o, "execute(", dml), end(`${values}${options})${used ? ".rowcount" : ""}`)],
        `session.execute(${terminal.name}(...))`,
      );
    }
  }
  return "convert it by hand";
}

// ---- a statement built across lines -------------------------------------------------------------

/** The chain from a name that holds a query: `q.filter(...)` -> the `q` identifier. */
function chainHead(expr: Node): Node | undefined {
  let node = expr;
  while (node.type === "call" || node.type === "attribute") {
    const next =
      node.type === "call" ? node.childForFieldName("function") : node.childForFieldName("object");
    if (!next) return undefined;
    node = next;
  }
  return node.type === "identifier" ? node : undefined;
}

/** The Query chain an assignment's value is, when it is `<session>.query(...)` and Select methods. */
function queryAssigned(right: Node): Chain | undefined {
  let node: Node | null = right;
  while (node?.type === "call") {
    const fn = node.childForFieldName("function");
    if (fn?.type !== "attribute") return undefined;
    if (fn.childForFieldName("attribute")!.text === "query") {
      const chain = chainOf(node);
      return chain.top.equals(right) && !chain.terminal && !chain.other ? chain : undefined;
    }
    node = fn.childForFieldName("object");
  }
  return undefined;
}

/** Why another query assigned to the flow's name is not like the first one, if it is not. */
function sameStart(
  ctx: RuleContext,
  start: Chain,
  first: Chain,
  shape: Shape,
  sessionAt: Binding[] | undefined,
): string | undefined {
  if (start.receiver.type !== "identifier" || start.receiver.text !== first.receiver.text)
    return "another session";
  if (!sameBindings(ctx.bindings(start.receiver.text, start.query), sessionAt))
    return "another session";
  const kinds = argumentKinds(ctx, listItems(start.query.childForFieldName("arguments")!));
  if (kinds.includes(undefined)) return "a query of unknown entities";
  if (shapeOf(kinds) !== shape) return "a query of another shape";
  for (const l of start.links) {
    const problem = linkProblem(l);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * `q = db.query(M)`, then `q = q.filter(...)` (in branches too), then `q...all()`, `q.count()`,
 * `for x in q:` in the same function: `q` holds a select and each use runs it. Undefined when the
 * chain is not assigned to a plain local name; a string says why the flow cannot be converted.
 */
function variableFlow(
  ctx: RuleContext,
  chain: Chain,
  shape: Shape,
  first: Node,
): TerminalEdit | string | "covered" | undefined {
  const assign = chain.top.parent;
  if (assign?.type !== "assignment" || !assign.childForFieldName("right")?.equals(chain.top))
    return undefined;
  const left = assign.childForFieldName("left");
  if (left?.type !== "identifier" || assign.parent?.type !== "expression_statement")
    return undefined;
  const fn = ctx.enclosingFunction(assign);
  if (fn?.kind !== "function") return undefined;
  const name = left.text;
  if (fn.globals.has(name) || fn.nonlocals.has(name)) return `${name} is global`;
  if (chain.receiver.type !== "identifier") return "the session is not a plain name";
  const receiver = chain.receiver.text;
  const sessionAt = ctx.bindings(receiver, chain.query);
  const bindings = fn.bindings.get(name) ?? [];
  const line = (n: Node): number => n.startPosition.row + 1;

  // Every assignment of the name: a query of the same session and shape (`if ...: q = db.query(M)
  // .filter(a)` / `else: q = db.query(M).filter(b)`), or the name's own select refined.
  const refinements = new Set<number>();
  const starts: Chain[] = [];
  const links: Walk["links"] = [];
  for (const b of bindings) {
    const right = b.statement.type === "assignment" ? b.statement.childForFieldName("right") : null;
    const target = b.statement.type === "assignment" ? b.statement.childForFieldName("left") : null;
    if (target?.type !== "identifier" || !right)
      return `${name} is assigned something else at line ${line(b.node)}`;
    const start = queryAssigned(right);
    if (start) {
      const problem = sameStart(ctx, start, chain, shape, sessionAt);
      if (problem) return `${problem} at line ${line(b.node)}`;
      starts.push(start);
      links.push(...start.links);
      continue;
    }
    const head = chainHead(right);
    if (head?.text !== name) return `${name} is assigned something else at line ${line(b.node)}`;
    const w = walk(head);
    if (w.terminal || w.other || !w.top.equals(right!))
      return `${name} is assigned something else at line ${line(b.node)}`;
    for (const l of w.links) {
      const problem = linkProblem(l);
      if (problem) return problem;
    }
    links.push(...w.links);
    refinements.add(head.startIndex);
  }

  // Every use: a refinement, or a chain that runs the select.
  const uses: Array<{ ref: Node; w: Walk }> = [];
  for (const id of ctx.identifiers(name)) {
    if (!isReference(id)) continue;
    const parent = id.parent;
    if (parent?.type === "assignment" && parent.childForFieldName("left")?.equals(id)) continue;
    const found = ctx.bindings(name, id);
    if (!found?.some((b) => bindings.includes(b))) continue;
    if (ctx.enclosingFunction(id) !== fn)
      return `${name} is used in a nested scope at line ${line(id)}`;
    if (refinements.has(id.startIndex)) continue;
    const w = walk(id);
    if (w.other) return `.${w.other}() on ${name} at line ${line(id)} has no select() counterpart`;
    if (!w.terminal && !w.iterated)
      return `${name} is returned or passed on at line ${line(id)}: convert it by hand`;
    if (!sameBindings(ctx.bindings(receiver, id), sessionAt))
      return `${receiver} is not the same session at line ${line(id)}`;
    for (const l of w.links) {
      const problem = linkProblem(l);
      if (problem) return problem;
    }
    links.push(...w.links);
    uses.push({ ref: id, w });
  }
  if (!uses.length) return undefined;
  // The first query of the flow converts it all; the others are part of its fix.
  starts.sort((a, b) => a.query.startIndex - b.query.startIndex);
  if (!starts[0]!.query.equals(chain.query)) return "covered";

  const names = new Names(ctx, chain.query);
  const select = names.get("sqlalchemy", "select");
  if (!select) return "cannot import select";
  const edits: Edit[] = starts.map((start) => {
    const queryName = start.query.childForFieldName("function")!.childForFieldName("attribute")!;
    return { start: start.receiver.startIndex, end: queryName.endIndex, text: select };
  });
  const unique = uniqueFor(ctx, links, shape);
  for (const use of uses) {
    const o: Opening = { kind: "name", ref: use.ref, receiver };
    const edit = use.w.iterated
      ? iterationEdit(names, use.w, o, shape, unique)
      : terminalEdit(ctx, names, use.w, o, shape, first, unique);
    if (typeof edit === "string") return edit;
    edits.push(...edit.edits);
  }
  return { edits, imports: names.imports, uses: `a select() statement in ${name}` };
}
