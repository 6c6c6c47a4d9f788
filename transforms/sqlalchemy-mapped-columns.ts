// FF302: SQLAlchemy 2.0 declares mapped attributes with `Mapped[...]` annotations and
// `mapped_column()`. The rewrite keeps the table exactly: 2.0 reads a column's nullability from
// the annotation when `nullable=` is not given, so the annotation says `Optional` exactly where the
// legacy Column was NULL, and a type argument is dropped only where the annotation gives it back.
import { firstLine } from "../src/engine/source.js";
import { keywordArguments, listItems, removeListItems } from "../src/engine/syntax.js";
import type { Node } from "../src/engine/parser.js";
import type {
  Diagnostic,
  Edit,
  Fix,
  ImportRequirement,
  UnusedImportCheck,
} from "../src/engine/types.js";
import type { RuleContext } from "../src/knowledge/context.js";
import type { Rule } from "../src/knowledge/rule.js";
import { literalString } from "../src/knowledge/routes.js";
import {
  COLUMN_TYPES,
  DEFAULT_FOR_ANNOTATION,
  FLOAT_TYPES,
  GENERIC_TYPE_MODULES,
  TYPE_MODULES,
  type PythonType,
} from "./data/sqlalchemy-types.js";
import {
  COLUMN,
  FOREIGN_KEY,
  MAPPED,
  MAPPED_COLUMN,
  RELATIONSHIP,
} from "./data/sqlalchemy-names.js";

const OPTIONAL = new Set(["typing.Optional", "typing_extensions.Optional"]);
const UNION = new Set(["typing.Union", "typing_extensions.Union"]);
const ENUM_ROOTS = new Set([
  "enum.Enum",
  "enum.IntEnum",
  "enum.StrEnum",
  "enum.Flag",
  "enum.IntFlag",
]);

/** Column keywords that mapped_column() takes with the same meaning. */
const COLUMN_KEYWORDS = new Set([
  "name",
  "type_",
  "autoincrement",
  "default",
  "insert_default",
  "doc",
  "key",
  "index",
  "unique",
  "info",
  "nullable",
  "onupdate",
  "primary_key",
  "server_default",
  "server_onupdate",
  "quote",
  "system",
  "comment",
]);

/** Dialect-specific keywords (`postgresql_using=`), passed through by both. */
const DIALECT_KEYWORD = /^[a-z]+_\w+$/;

const MESSAGE =
  "Column() in a mapped class: SQLAlchemy 2.0 declares it as Mapped[...] = mapped_column()";
const RELATIONSHIP_MESSAGE = "relationship() without a Mapped[...] annotation";

export const sqlalchemyMappedColumns: Rule = {
  name: "sqlalchemy-mapped-columns",
  code: "FF302",
  summary:
    'x = Column(...) in mapped classes -> x: Mapped[T] = mapped_column(...) with the same nullability and type; relationship() -> Mapped[list["X"]] / Mapped["X"]',
  rule: "Define models with Mapped type hints and mapped_column()",
  gives: ["safe", "detect"],
  docs: {
    why: 'SQLAlchemy 2.0 declares mapped attributes with `Mapped[...]` annotations, which type checkers read, and `mapped_column()`. The table must not change: without `nullable=`, 2.0 makes a column NULL exactly when its annotation is `Optional`, while a legacy `Column` was NULL unless it was a primary key, so `Column(String)` becomes `Mapped[Optional[str]]`. The type argument goes only where the annotation gives the same type back (`Integer`, bare `String`, `DateTime`... and only when no base sets `type_annotation_map`); `String(50)`, `Text`, `Numeric(10, 2)`, `Enum(E)` and dialect types stay. Columns whose Python type is unknown (custom types, a type taken from a foreign key, `postgresql.UUID` without `as_uuid`) are reported and left as they are, which 2.0 still accepts. Columns of a mixin that some class lists among several bases are converted too (2.0 copies the mapped_column() of a mixin into each class, as it did a Column), keeping their type arguments since the bases of the classes using them are not known there. A `relationship()` is annotated when its direction is certain from `uselist=`, `secondary=` or the foreign keys of both classes in the module; `backref=` and `lazy="dynamic"` are reported.',
    bad: 'class User(Base):\n    __tablename__ = "users"\n\n    id = Column(Integer, primary_key=True)\n    name = Column(String(50), nullable=False)\n    bio = Column(Text)\n',
    good: 'class User(Base):\n    __tablename__ = "users"\n\n    id: Mapped[int] = mapped_column(primary_key=True)\n    name: Mapped[str] = mapped_column(String(50), nullable=False)\n    bio: Mapped[Optional[str]] = mapped_column(Text)\n',
  },
  prefilter: [/\bsqlalchemy\b/, /\b(Column|relationship)\s*\(/],
  check(ctx: RuleContext): Diagnostic[] {
    const out: Array<Diagnostic | undefined> = [];
    for (const scope of ctx.scopes.allScopes()) {
      if (scope.kind !== "class") continue;
      const cls = scope.node;
      const attributes = mappedAttributes(ctx, cls);
      if (!attributes.length) continue;
      const mapping = ctx.mapping(cls);
      // A mixin of mapped classes: its columns are copied into each of them. Which bases the
      // classes using it have is not known here, so no type argument is dropped.
      const mixin =
        mapping.mapped === "no" &&
        ctx.index.isMixinName(cls.childForFieldName("name")!.text) &&
        attributes.some((a) => a.kind === "column");
      if ((mapping.mapped !== "yes" && !mixin) || isDeclarativeBase(ctx, cls)) continue;
      if (ctx.declares("sqlalchemy", "2.0") === "no") {
        out.push(
          ctx.diagnostic(
            this,
            cls.childForFieldName("name")!,
            `${MESSAGE} (the project declares SQLAlchemy < 2.0, which has no mapped_column: raise it, or run with --declared sqlalchemy=2.0)`,
          ),
        );
        continue;
      }
      const tables = new ModuleTables(ctx);
      for (const a of attributes) {
        if (mixin && a.kind !== "column") continue;
        out.push(
          a.kind === "column"
            ? column(this, ctx, cls, a, mapping.typeMap || mixin)
            : relationship(this, ctx, cls, a, tables),
        );
      }
    }
    return out.filter((d): d is Diagnostic => !!d);
  },
};

interface Attribute {
  kind: "column" | "relationship";
  statement: Node;
  assignment: Node;
  target: Node;
  call: Node;
  callee: Node;
}

/** The `x = Column(...)` and `x = relationship(...)` statements of a class body. */
function mappedAttributes(ctx: RuleContext, cls: Node): Attribute[] {
  const out: Attribute[] = [];
  for (const statement of cls.childForFieldName("body")?.namedChildren ?? []) {
    const assignment =
      statement?.type === "expression_statement" ? statement.namedChildren[0] : undefined;
    if (assignment?.type !== "assignment") continue;
    const target = assignment.childForFieldName("left");
    const call = assignment.childForFieldName("right");
    if (target?.type !== "identifier" || call?.type !== "call") continue;
    const callee = call.childForFieldName("function")!;
    if (!/^(Column|relationship)$|\.(Column|relationship)$/.test(callee.text)) continue;
    const q = ctx.qualifiedName(callee) ?? "";
    const kind = COLUMN.has(q) ? "column" : RELATIONSHIP.has(q) ? "relationship" : undefined;
    if (kind) out.push({ kind, statement: statement!, assignment, target, call, callee });
  }
  return out;
}

/** `class Base(DeclarativeBase)`: the base itself, whose columns are not one table's. */
function isDeclarativeBase(ctx: RuleContext, cls: Node): boolean {
  const supers = cls.childForFieldName("superclasses");
  return listItems(supers ?? cls).some((b) =>
    /^sqlalchemy\.orm\.(decl_api\.)?DeclarativeBase(NoMeta)?$/.test(ctx.qualifiedName(b) ?? ""),
  );
}

// ---- columns ------------------------------------------------------------------------------------

/** A boolean literal's value, or undefined for anything else. */
function literalBool(node: Node | null | undefined): boolean | undefined {
  return node?.type === "true" ? true : node?.type === "false" ? false : undefined;
}

interface Parts {
  /** The type argument, if the column has one. */
  type?: Node;
  typeIndex: number;
  items: Node[];
  keywords: Map<string, Node>;
}

/** The column's arguments, or why mapped_column() cannot take them as they are. */
function columnParts(ctx: RuleContext, call: Node): Parts | string {
  const args = call.childForFieldName("arguments")!;
  if (args.type !== "argument_list") return "convert it by hand";
  const items = listItems(args);
  const keywords = keywordArguments(args);
  for (const item of items) {
    if (item.type === "list_splat" || item.type === "dictionary_splat")
      return `${firstLine(ctx.text(item))}: convert it by hand`;
  }
  for (const name of keywords.keys()) {
    if (!COLUMN_KEYWORDS.has(name) && !DIALECT_KEYWORD.test(name))
      return `mapped_column() has no ${name}=`;
  }
  if (keywords.has("type_")) return "type_= given by keyword: convert it by hand";
  const positional = items.filter((i) => i.type !== "keyword_argument");
  let typeIndex = 0;
  if (positional[0]?.type === "string") typeIndex = 1;
  const candidate = positional[typeIndex];
  const type = candidate && !isSchemaItem(ctx, candidate) ? candidate : undefined;
  return { type, typeIndex: type ? items.indexOf(type) : -1, items, keywords };
}

/** ForeignKey(...), Sequence(...), Identity(), Computed(...), constraints: not a type. */
function isSchemaItem(ctx: RuleContext, node: Node): boolean {
  const head = node.type === "call" ? node.childForFieldName("function")! : node;
  const q = ctx.qualifiedName(head) ?? head.text;
  return /(^|\.)(ForeignKey|Sequence|Identity|Computed|CheckConstraint|FetchedValue|DefaultClause)$/.test(
    q,
  );
}

interface PythonTypeOf {
  /** The annotation's inner type, built by `write(ensure)`. */
  type: PythonType | { expr: Node } | { list: PythonTypeOf };
  /** The type class name as SQLAlchemy spells it (`String`). */
  typeName: string;
  /** The qualified name of the type class. */
  qualified: string;
  /** The annotation alone gives this type back: the argument can go. */
  droppable: boolean;
}

/** The Python type of a column type expression, or why it is not known. */
function pythonTypeOf(ctx: RuleContext, type: Node, typeMap: boolean): PythonTypeOf | string {
  const call = type.type === "call" ? type : undefined;
  const head = call ? call.childForFieldName("function")! : type;
  const qualified = ctx.qualifiedName(head);
  const m = qualified ? TYPE_MODULES.exec(qualified) : null;
  if (!qualified || !m)
    return `no Python type is known for ${firstLine(ctx.text(type))}: annotate it by hand`;
  const name = m[3]!;
  const args = call ? listItems(call.childForFieldName("arguments")!) : [];
  const keywords = call
    ? keywordArguments(call.childForFieldName("arguments")!)
    : new Map<string, Node>();
  const generic = GENERIC_TYPE_MODULES.test(qualified);
  const base = { typeName: name, qualified };
  if (name === "Enum") {
    const positional = args.filter((a) => a.type !== "keyword_argument");
    if (positional.length && positional.every((a) => a.type === "string"))
      return { ...base, type: { builtin: "str" }, droppable: false };
    const only = positional.length === 1 ? positional[0]! : undefined;
    const enumClass = only ? ctx.qualifiedName(only) : undefined;
    if (only && enumClass && ctx.index.derivesFrom(enumClass, ENUM_ROOTS))
      return { ...base, type: { expr: only }, droppable: false };
    return `cannot tell the Python type of ${firstLine(ctx.text(type))}: annotate it by hand`;
  }
  if (name === "ARRAY") {
    const positional = args.filter((a) => a.type !== "keyword_argument");
    if (positional.length !== 1 || keywords.has("dimensions"))
      return `cannot tell the Python type of ${firstLine(ctx.text(type))}: annotate it by hand`;
    const item = pythonTypeOf(ctx, positional[0]!, typeMap);
    if (typeof item === "string") return item;
    return { ...base, type: { list: item }, droppable: false };
  }
  if (name === "UUID") {
    const asUuid = keywords.get("as_uuid")?.childForFieldName("value");
    const value = literalBool(asUuid);
    if (value === undefined && (!generic || asUuid))
      return `${firstLine(ctx.text(type))} without a literal as_uuid= returns uuid.UUID in SQLAlchemy 2.0 but str in 1.4: set as_uuid, then annotate`;
    return {
      ...base,
      type: value === false ? { builtin: "str" } : { module: "uuid", name: "UUID" },
      droppable: false,
    };
  }
  let py = COLUMN_TYPES.get(name);
  if (!py) return `no Python type is known for ${firstLine(ctx.text(type))}: annotate it by hand`;
  const asDecimal = literalBool(keywords.get("asdecimal")?.childForFieldName("value"));
  if (keywords.has("asdecimal") && asDecimal === undefined)
    return `asdecimal= is not a literal: annotate it by hand`;
  if (FLOAT_TYPES.has(name) && asDecimal === true) py = { module: "decimal", name: "Decimal" };
  if (/^(Numeric|NUMERIC|DECIMAL)$/.test(name) && asDecimal === false) py = { builtin: "float" };
  const bare = !call || args.length === 0;
  return {
    ...base,
    type: py,
    droppable: bare && generic && !typeMap && DEFAULT_FOR_ANNOTATION.has(name),
  };
}

/** The names an annotation needs, resolved at `at` (imports planned where needed). */
class AnnotationWriter {
  readonly imports: ImportRequirement[] = [];
  problem?: string;

  constructor(
    private readonly ctx: RuleContext,
    private readonly at: Node,
    private readonly cls: Node,
  ) {}

  name(module: string, name: string): string {
    // `UUID` taken by the column type's own import: `uuid.UUID` through the module.
    const ensured = this.ctx.ensureImport(this.at, module, name, { throughModule: true });
    if (!ensured.ok) {
      this.problem ??= ensured.reason;
      return name;
    }
    if (ensured.requirement) this.imports.push(ensured.requirement);
    const head = ensured.expr.split(".")[0]!;
    if (this.shadowedInClass(head))
      this.problem ??= `the class body binds ${head} before this line: annotate it by hand`;
    return ensured.expr;
  }

  /** A name the class body binds in a statement before `at` would stand for that binding. */
  private shadowedInClass(head: string): boolean {
    const scope = this.ctx.scopes.scopeOfDefinition(this.cls);
    return (scope?.bindings.get(head) ?? []).some(
      (b) => b.statement.startIndex < this.at.startIndex,
    );
  }

  type(t: PythonTypeOf["type"]): string {
    if ("builtin" in t) return t.builtin;
    if ("module" in t) return this.name(t.module, t.name);
    if ("expr" in t) return this.ctx.text(t.expr);
    const list = this.ctx.declares("python", "3.9") === "no" ? this.name("typing", "List") : "list";
    return `${list}[${this.type(t.list.type)}]`;
  }

  optional(inner: string): string {
    return `${this.name("typing", "Optional")}[${inner}]`;
  }
}

/** Whether an annotation says None is allowed: `Optional[X]`, `Union[X, None]`, `X | None`. */
function annotationIsOptional(ctx: RuleContext, type: Node): boolean | undefined {
  const expr = type.type === "type" ? type.namedChildren[0] : type;
  if (!expr) return undefined;
  if (expr.type === "binary_operator") return /\|\s*None\b|\bNone\s*\|/.test(expr.text);
  if (expr.type === "none") return true;
  if (expr.type !== "generic_type" && expr.type !== "subscript") return false;
  const head =
    expr.type === "generic_type" ? expr.namedChildren[0] : expr.childForFieldName("value");
  const q = head ? ctx.qualifiedName(head) : undefined;
  if (q && OPTIONAL.has(q)) return true;
  if (q && UNION.has(q)) return /\bNone\b/.test(expr.text);
  return false;
}

/** The inner node of `Mapped[X]` when the annotation is one. */
function mappedInner(ctx: RuleContext, annotation: Node): Node | undefined {
  const expr = annotation.type === "type" ? annotation.namedChildren[0] : annotation;
  if (expr?.type === "generic_type") {
    const q = ctx.qualifiedName(expr.namedChildren[0]!);
    const param = expr.namedChildren.find((c) => c?.type === "type_parameter");
    return q && MAPPED.has(q) ? (param?.namedChildren[0] ?? undefined) : undefined;
  }
  if (expr?.type === "subscript") {
    const q = ctx.qualifiedName(expr.childForFieldName("value")!);
    return q && MAPPED.has(q)
      ? (expr.childrenForFieldName("subscript")[0] ?? undefined)
      : undefined;
  }
  return undefined;
}

function column(
  rule: Rule,
  ctx: RuleContext,
  cls: Node,
  a: Attribute,
  typeMap: boolean,
): Diagnostic {
  const report = (why?: string, fix?: Fix): Diagnostic =>
    ctx.diagnostic(rule, a.target, why ? `${MESSAGE} (${why})` : MESSAGE, fix);
  const parts = columnParts(ctx, a.call);
  if (typeof parts === "string") return report(parts);
  const { keywords } = parts;

  // Legacy nullability: `nullable=` as given, else NULL unless a primary key.
  const nullableArg = keywords.get("nullable")?.childForFieldName("value");
  const primaryArg = keywords.get("primary_key")?.childForFieldName("value");
  const primary = primaryArg ? literalBool(primaryArg) : false;
  if (primary === undefined && !nullableArg)
    return report("primary_key= is not a literal, so neither is the column's nullability");
  const explicit = nullableArg ? literalBool(nullableArg) : undefined;
  const nullable = nullableArg ? (explicit ?? "given") : !primary;

  const writer = new AnnotationWriter(ctx, a.statement, cls);
  const mappedName = writer.name("sqlalchemy.orm", "Mapped");
  const mappedColumn = writer.name("sqlalchemy.orm", "mapped_column");
  const edits: Edit[] = [];
  const removeIfUnused: UnusedImportCheck[] = [];
  const annotation = a.assignment.childForFieldName("type");
  const existing = annotation ? mappedInner(ctx, annotation) : undefined;

  if (existing) {
    // Already annotated with Mapped[...]: the annotation stays, and says the nullability unless
    // `nullable=` does; where it would say otherwise than the legacy column, `nullable=` is added.
    const optional = annotationIsOptional(ctx, existing);
    if (typeof nullable === "boolean" && !nullableArg && optional !== nullable)
      edits.push(...addKeyword(a.call, `nullable=${nullable ? "True" : "False"}`));
  } else {
    if (!parts.type)
      return report("its type comes from a foreign key or is not given: annotate it by hand");
    const py = pythonTypeOf(ctx, parts.type, typeMap);
    if (typeof py === "string") return report(py);
    const inner = writer.type(py.type);
    const text = nullable === false ? inner : writer.optional(inner);
    const typeText = `: ${mappedName}[${text}]`;
    if (annotation)
      edits.push({ start: a.target.endIndex, end: annotation.endIndex, text: typeText });
    else edits.push({ start: a.target.endIndex, end: a.target.endIndex, text: typeText });
    // With a ForeignKey and no type, SQLAlchemy takes the type from the referenced column, not
    // from the annotation: the type stays.
    const foreignKey = parts.items.some((i) => i.type === "call" && isSchemaItem(ctx, i));
    if (py.droppable && typeof nullable === "boolean" && !foreignKey) {
      edits.push(
        ...removeListItems(parts.items, [parts.typeIndex], a.call.childForFieldName("arguments")!),
      );
      const head =
        parts.type.type === "call" ? parts.type.childForFieldName("function")! : parts.type;
      if (head.type === "identifier")
        removeIfUnused.push({ local: head.text, qualified: py.qualified });
    }
  }
  if (writer.problem) return report(writer.problem);
  edits.push({ start: a.callee.startIndex, end: a.callee.endIndex, text: mappedColumn });
  const columnHead = a.callee.type === "identifier" ? a.callee.text : undefined;
  if (columnHead)
    removeIfUnused.push({ local: columnHead, qualified: ctx.qualifiedName(a.callee)! });
  return report(undefined, {
    title: "Use Mapped[...] and mapped_column()",
    safety: "safe",
    edits,
    imports: writer.imports,
    removeIfUnused,
  });
}

/** Adds a keyword argument at the end of a call's arguments. */
function addKeyword(call: Node, text: string): Edit[] {
  const args = call.childForFieldName("arguments")!;
  const items = listItems(args);
  const last = items[items.length - 1];
  if (!last) return [{ start: args.startIndex + 1, end: args.startIndex + 1, text }];
  return [{ start: last.endIndex, end: last.endIndex, text: `, ${text}` }];
}

// ---- relationships ------------------------------------------------------------------------------

interface TableFacts {
  table?: string;
  /** Column attribute -> the tables its foreign keys point to, and whether it is NULL. */
  columns: Map<string, { tables: string[]; nullable: boolean | undefined }>;
}

/** What the module's mapped classes say about their tables and foreign keys, read once. */
class ModuleTables {
  private readonly classes = new Map<string, TableFacts>();

  constructor(private readonly ctx: RuleContext) {
    for (const scope of ctx.scopes.allScopes()) {
      if (scope.kind !== "class" || scope.parent?.kind !== "module") continue;
      const name = scope.node.childForFieldName("name")!.text;
      this.classes.set(name, this.facts(scope.node));
    }
  }

  get(name: string): TableFacts | undefined {
    return this.classes.get(name);
  }

  private facts(cls: Node): TableFacts {
    const facts: TableFacts = { columns: new Map() };
    for (const statement of cls.childForFieldName("body")?.namedChildren ?? []) {
      const assignment =
        statement?.type === "expression_statement" ? statement.namedChildren[0] : undefined;
      if (assignment?.type !== "assignment") continue;
      const left = assignment.childForFieldName("left");
      const right = assignment.childForFieldName("right");
      if (left?.text === "__tablename__" && right?.type === "string") {
        facts.table = literalString(right) || undefined;
        continue;
      }
      if (left?.type !== "identifier" || right?.type !== "call") continue;
      const fn = this.ctx.qualifiedName(right.childForFieldName("function")!) ?? "";
      if (!COLUMN.has(fn) && !MAPPED_COLUMN.has(fn)) continue;
      const args = listItems(right.childForFieldName("arguments")!);
      const tables: string[] = [];
      for (const arg of args) {
        if (
          arg.type !== "call" ||
          !FOREIGN_KEY.has(this.ctx.qualifiedName(arg.childForFieldName("function")!) ?? "")
        )
          continue;
        const target = listItems(arg.childForFieldName("arguments")!)[0];
        const text = target?.type === "string" ? target.text.slice(1, -1) : target?.text;
        // "users.id" names the table; User.id names the class.
        const [head] = (text ?? "").split(".");
        if (head) tables.push(target?.type === "string" ? head : `class:${head}`);
      }
      const kw = keywordArguments(right.childForFieldName("arguments")!);
      const nullableArg = kw.get("nullable")?.childForFieldName("value");
      const primary = literalBool(kw.get("primary_key")?.childForFieldName("value")) ?? false;
      const nullable = nullableArg ? literalBool(nullableArg) : !primary;
      facts.columns.set(left.text, { tables, nullable });
    }
    return facts;
  }

  /** The foreign-key columns of `from` that point at class `to`. */
  keysTo(from: TableFacts, to: string): Array<{ nullable: boolean | undefined }> {
    const table = this.classes.get(to)?.table;
    return [...from.columns.values()].filter((c) =>
      c.tables.some((t) => t === `class:${to}` || (table !== undefined && t === table)),
    );
  }
}

function relationship(
  rule: Rule,
  ctx: RuleContext,
  cls: Node,
  a: Attribute,
  tables: ModuleTables,
): Diagnostic | undefined {
  const report = (why: string, fix?: Fix): Diagnostic =>
    ctx.diagnostic(rule, a.target, `${RELATIONSHIP_MESSAGE} (${why})`, fix);
  if (a.assignment.childForFieldName("type")) return undefined;
  const args = a.call.childForFieldName("arguments")!;
  const items = listItems(args);
  const kw = keywordArguments(args);
  const value = (name: string): Node | undefined =>
    kw.get(name)?.childForFieldName("value") ?? undefined;
  if (kw.has("backref"))
    return report(
      "backref= creates the other side unseen: declare both sides with back_populates, then annotate",
    );
  const lazy = value("lazy");
  if (lazy?.type === "string" && /^["']dynamic["']$/.test(lazy.text))
    return report(
      'lazy="dynamic" needs DynamicMapped[...] or a WriteOnlyMapped collection: convert it by hand',
    );
  const first = items[0];
  const target =
    first?.type === "string" && /^["']\w+["']$/.test(first.text)
      ? first.text.slice(1, -1)
      : first?.type === "identifier"
        ? first.text
        : undefined;
  if (!target) return report("the target class is not a plain name: annotate it by hand");
  if (
    kw.has("collection_class") ||
    kw.has("primaryjoin") ||
    kw.has("foreign_keys") ||
    kw.has("remote_side")
  )
    return report("its join or collection is configured: annotate it by hand");

  let scalar: boolean | undefined;
  let optional = true;
  const uselist = value("uselist");
  if (uselist) {
    scalar =
      literalBool(uselist) === false ? true : literalBool(uselist) === true ? false : undefined;
  } else if (kw.has("secondary")) {
    scalar = false;
  } else {
    const self = tables.get(cls.childForFieldName("name")!.text);
    const other = tables.get(target);
    const name = cls.childForFieldName("name")!.text;
    if (self && other && target !== name) {
      const outgoing = tables.keysTo(self, target);
      const incoming = tables.keysTo(other, name);
      if (outgoing.length === 1 && !incoming.length) {
        scalar = true;
        optional = outgoing[0]!.nullable !== false;
      } else if (incoming.length && !outgoing.length) {
        scalar = false;
      }
    }
  }
  if (scalar === undefined)
    return report("its direction is not certain from this module: annotate it by hand");
  const writer = new AnnotationWriter(ctx, a.statement, cls);
  const mappedName = writer.name("sqlalchemy.orm", "Mapped");
  const quoted = `"${target}"`;
  const inner = scalar
    ? optional
      ? writer.optional(quoted)
      : quoted
    : `${ctx.declares("python", "3.9") === "no" ? writer.name("typing", "List") : "list"}[${quoted}]`;
  if (writer.problem) return report(writer.problem);
  return ctx.diagnostic(rule, a.target, `${RELATIONSHIP_MESSAGE}: annotate it`, {
    title: "Annotate the relationship with Mapped[...]",
    safety: "safe",
    edits: [
      { start: a.target.endIndex, end: a.target.endIndex, text: `: ${mappedName}[${inner}]` },
    ],
    imports: writer.imports,
  });
}
