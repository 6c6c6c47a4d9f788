// FF301: SQLAlchemy 2.0's declarative base is a class, `class Base(DeclarativeBase)`; the legacy
// `declarative_base()` function and `@as_declarative()` decorator build the same thing the old
// way, the `sqlalchemy.ext.declarative` names moved to `sqlalchemy.orm`, and `relation()` is gone.
import { firstLine } from "../src/engine/source.js";
import { blankLinesBefore } from "../src/engine/statements.js";
import { keywordArguments, listItems } from "../src/engine/syntax.js";
import type { Node } from "../src/engine/parser.js";
import type { Binding } from "../src/engine/scope.js";
import type { Diagnostic, Edit, Fix, ImportRequirement } from "../src/engine/types.js";
import type { RuleContext } from "../src/knowledge/context.js";
import type { Rule } from "../src/knowledge/rule.js";
import { asDeclarativeDecorator, declarativeBaseCall } from "../src/project/summary.js";

/** `sqlalchemy.ext.declarative` names that `sqlalchemy.orm` has (since 1.4, so on both versions). */
const MOVED = new Set([
  "declarative_base",
  "as_declarative",
  "has_inherited_table",
  "synonym_for",
  "declared_attr",
  "DeclarativeMeta",
]);

/** Keywords of declarative_base()/as_declarative() that become class attributes as they are. */
const ATTRIBUTES = new Set(["metadata", "type_annotation_map"]);

/** Keywords with no class-attribute form that keeps their meaning. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  bind: "bind= was removed in SQLAlchemy 2.0: pass the engine to the Session instead",
  metaclass: "a custom metaclass has no DeclarativeBase equivalent: port it by hand",
  constructor: "a custom constructor: define __init__ on the class by hand",
  mapper: "a custom mapper: set __mapper_cls__ by hand",
  class_registry: "a custom class registry: set registry = registry(class_registry=...) by hand",
  name: "name= names the class; the class statement uses the variable's name",
};

const MESSAGE = "declarative_base() is legacy in SQLAlchemy 2.0: subclass DeclarativeBase";
const DECORATOR_MESSAGE = "@as_declarative() is legacy in SQLAlchemy 2.0: subclass DeclarativeBase";

export const sqlalchemyDeclarativeBase: Rule = {
  name: "sqlalchemy-declarative-base",
  code: "FF301",
  summary:
    "declarative_base() / @as_declarative() -> class Base(DeclarativeBase); sqlalchemy.ext.declarative imports -> sqlalchemy.orm; relation() -> relationship()",
  rule: "Use DeclarativeBase as the base class for all models",
  gives: ["safe", "detect"],
  docs: {
    why: "SQLAlchemy 2.0 builds the declarative base as a class: `class Base(DeclarativeBase)`, with `metadata` and `type_annotation_map` as class attributes and a `cls=` mixin as a base. `declarative_base()` and `@as_declarative()` are legacy forms; imported from `sqlalchemy.ext.declarative` they warn (MovedIn20Warning), and `relation()` no longer exists in SQLAlchemy 2.1. The base class is written only when the project may run SQLAlchemy 2.0 (it does not exist in 1.4); the import moves and `relationship` are valid on both. `bind=`, `metaclass=`, `constructor=`, `mapper=`, `class_registry=` and `name=` have no class form and are reported.",
    bad: 'from sqlalchemy import MetaData\nfrom sqlalchemy.ext.declarative import declarative_base\n\nBase = declarative_base(metadata=MetaData(schema="app"))\n',
    good: 'from sqlalchemy import MetaData\nfrom sqlalchemy.orm import DeclarativeBase\n\n\nclass Base(DeclarativeBase):\n    metadata = MetaData(schema="app")\n',
  },
  prefilter: [/\bsqlalchemy\b/, /declarative|\brelation\b/],
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    const consumed = new Set<Binding>();
    for (const b of ctx.scopes.module.bindings.values()) {
      for (const binding of b) {
        if (binding.kind !== "assignment") continue;
        const call = declarativeBaseCall(binding.statement, ctx);
        if (call) out.push(baseAssignment(this, ctx, binding, call, consumed));
      }
    }
    for (const scope of ctx.scopes.allScopes()) {
      for (const list of scope.bindings.values()) {
        for (const b of list) {
          if (b.kind === "class") {
            const decorator = asDeclarativeDecorator(b.statement, ctx);
            if (decorator) out.push(decoratedBase(this, ctx, b.statement, decorator, consumed));
          }
        }
      }
    }
    for (const scope of ctx.scopes.allScopes()) {
      for (const list of scope.bindings.values()) {
        for (const b of list) {
          if (b.kind !== "from-import" || !b.qualified || list.length > 1) continue;
          if (b.qualified === "sqlalchemy.orm.relation") out.push(...relationImport(this, ctx, b));
          const name = b.qualified.replace(/^sqlalchemy\.ext\.declarative\./, "");
          if (name !== b.qualified && MOVED.has(name)) {
            const moved = movedImport(this, ctx, b, name, consumed);
            if (moved) out.push(moved);
          }
        }
      }
    }
    return out;
  },
};

/** Why the project cannot take DeclarativeBase, if it cannot. */
function versionProblem(ctx: RuleContext): string | undefined {
  return ctx.declares("sqlalchemy", "2.0") === "no"
    ? "the project declares SQLAlchemy < 2.0, which has no DeclarativeBase: raise it, or run with --declared sqlalchemy=2.0"
    : undefined;
}

interface Body {
  /** Class attributes from the keyword arguments, as `name = value` lines. */
  attributes: string[];
  /** Mixin bases from `cls=`. */
  bases: string[];
}

/** What the keyword arguments of declarative_base()/as_declarative() become, or why they cannot. */
function bodyOf(ctx: RuleContext, call: Node | undefined, decorated: boolean): Body | string {
  const out: Body = { attributes: [], bases: [] };
  const args = call?.childForFieldName("arguments");
  if (!args) return out;
  if (args.namedChildren.some((c) => c?.type === "comment"))
    return "the call has comments: convert it by hand";
  for (const arg of listItems(args)) {
    if (arg.type !== "keyword_argument") return `${firstLine(ctx.text(arg))}: convert it by hand`;
  }
  for (const [name, arg] of keywordArguments(args)) {
    const value = arg.childForFieldName("value")!;
    if (ATTRIBUTES.has(name)) {
      if (value.text.includes("\n")) return `${name}= spans lines: convert it by hand`;
      out.attributes.push(`${name} = ${ctx.text(value)}`);
    } else if (name === "cls" && !decorated) {
      const bases = value.type === "tuple" ? listItems(value) : [value];
      for (const base of bases) {
        const problem = mixinProblem(ctx, base);
        if (problem) return problem;
        out.bases.push(ctx.text(base));
      }
    } else {
      return UNSUPPORTED[name] ?? `${name}=: convert it by hand`;
    }
  }
  return out;
}

/**
 * Why a `cls=` mixin cannot simply come first among the bases: declarative_base() put its own
 * constructor in the class, which a mixin's `__init__` would now override.
 */
function mixinProblem(ctx: RuleContext, base: Node): string | undefined {
  if (base.type !== "identifier") return `cls=${firstLine(ctx.text(base))}: convert it by hand`;
  const found = ctx.bindings(base.text, base);
  const def = found?.length === 1 && found[0]!.kind === "class" ? found[0]!.statement : undefined;
  if (!def) return `cls=${base.text} is not a class of this module: convert it by hand`;
  const defines = (def.childForFieldName("body")?.namedChildren ?? []).some((s) => {
    const fn = s?.type === "decorated_definition" ? s.childForFieldName("definition") : s;
    return fn?.type === "function_definition" && fn.childForFieldName("name")?.text === "__init__";
  });
  return defines
    ? `cls=${base.text} defines __init__, which would replace the declarative constructor: convert it by hand`
    : undefined;
}

/** `Base = declarative_base(...)` at module level -> `class Base(DeclarativeBase): ...`. */
function baseAssignment(
  rule: Rule,
  ctx: RuleContext,
  binding: Binding,
  call: Node,
  consumed: Set<Binding>,
): Diagnostic {
  const assignment = binding.statement;
  const statement = assignment.parent;
  const report = (why?: string, fix?: Fix): Diagnostic =>
    ctx.diagnostic(rule, assignment, why ? `${MESSAGE} (${why})` : MESSAGE, fix);
  if (statement?.type !== "expression_statement" || statement.parent?.type !== "module")
    return report("the assignment is not a plain module-level statement: convert it by hand");
  const left = assignment.childForFieldName("left");
  if (left?.type !== "identifier") return report("convert it by hand");
  if (assignment.childForFieldName("type"))
    return report("the name is annotated: convert it by hand");
  if (ctx.scopes.module.bindings.get(left.text)?.length !== 1)
    return report(`${left.text} is bound more than once in the module`);
  const version = versionProblem(ctx);
  if (version) return report(version);
  const body = bodyOf(ctx, call, false);
  if (typeof body === "string") return report(body);
  const base = ctx.ensureImport(assignment, "sqlalchemy.orm", "DeclarativeBase");
  if (!base.ok) return report(base.reason);

  const nl = ctx.stylist.newline;
  const indent = ctx.stylist.indent;
  const lines = body.attributes.length ? body.attributes : ["pass"];
  const bases = [...body.bases, base.expr].join(", ");
  let text = `class ${left.text}(${bases}):${lines.map((l) => nl + indent + l).join("")}`;
  const start = statement.startIndex;
  const end = ctx.endOf(statement);
  // A class keeps two blank lines around it, as the code around it expects of a class.
  text = spacingBefore(ctx, start) + text + blankLinesAfter(ctx, end);
  const fn = call.childForFieldName("function")!;
  const local = fn.type === "identifier" ? fn.text : undefined;
  const callee = local ? ctx.bindings(local, fn) : undefined;
  if (callee?.length === 1) consumed.add(callee[0]!);
  return report(undefined, {
    title: `Define ${left.text} as a DeclarativeBase subclass`,
    safety: "safe",
    edits: [{ start, end, text }],
    imports: base.requirement ? [base.requirement] : [],
    removeIfUnused:
      local && callee?.length === 1 && callee[0]!.qualified
        ? [{ local, qualified: callee[0]!.qualified }]
        : [],
  });
}

/** Blank lines to put before a new class at `start`, so that it has two (none after a comment). */
function spacingBefore(ctx: RuleContext, start: number): string {
  const blank = blankLinesBefore(ctx.source, start);
  if (blank.start === 0) return "";
  const previous = ctx.source.slice(ctx.source.lastIndexOf("\n", blank.start - 2) + 1, blank.start);
  // After a line that ends in a comment, the comment is taken to belong to the class.
  if (previous.includes("#")) return "";
  return ctx.stylist.newline.repeat(Math.max(0, 2 - blank.count));
}

/** Blank lines to put after a new class ending at `end`, so that two follow it. */
function blankLinesAfter(ctx: RuleContext, end: number): string {
  const after = ctx.source.slice(end);
  if (!after.trim()) return "";
  const blank = /^(?:[ \t]*\r?\n)*/.exec(after)![0];
  const count = (blank.match(/\n/g) ?? []).length - 1;
  return ctx.stylist.newline.repeat(Math.max(0, 2 - count));
}

/** `@as_declarative(...) class Base: ...` -> `class Base(DeclarativeBase): ...`. */
function decoratedBase(
  rule: Rule,
  ctx: RuleContext,
  cls: Node,
  decorator: Node,
  consumed: Set<Binding>,
): Diagnostic {
  const report = (why?: string, fix?: Fix): Diagnostic =>
    ctx.diagnostic(rule, decorator, why ? `${DECORATOR_MESSAGE} (${why})` : DECORATOR_MESSAGE, fix);
  const decorated = cls.parent!;
  const decorators = decorated.namedChildren.filter((d) => d?.type === "decorator");
  if (decorators.length !== 1) return report("the class has other decorators: convert it by hand");
  const version = versionProblem(ctx);
  if (version) return report(version);
  const expr = decorator.namedChildren[0]!;
  const call = expr.type === "call" ? expr : undefined;
  const body = bodyOf(ctx, call, true);
  if (typeof body === "string") return report(body);
  const base = ctx.ensureImport(cls, "sqlalchemy.orm", "DeclarativeBase");
  if (!base.ok) return report(base.reason);

  const edits: Edit[] = [{ start: decorated.startIndex, end: cls.startIndex, text: "" }];
  const supers = cls.childForFieldName("superclasses");
  const name = cls.childForFieldName("name")!;
  if (!supers) {
    edits.push({ start: name.endIndex, end: name.endIndex, text: `(${base.expr})` });
  } else {
    const items = listItems(supers);
    const keyword = items.find((i) => i.type === "keyword_argument");
    if (keyword) return report("the class passes keywords to its metaclass: convert it by hand");
    const last = items[items.length - 1];
    if (last) edits.push({ start: last.endIndex, end: last.endIndex, text: `, ${base.expr}` });
    else edits.push({ start: supers.startIndex + 1, end: supers.startIndex + 1, text: base.expr });
  }
  if (body.attributes.length) {
    const block = cls.childForFieldName("body")!;
    const statements = block.namedChildren.filter((c): c is Node => !!c && c.type !== "comment");
    const first = statements[0];
    if (!first || first.startPosition.row === cls.startPosition.row)
      return report("the class body is on one line: convert it by hand");
    const docstring =
      first.type === "expression_statement" && first.namedChildren[0]?.type === "string";
    const indent = ctx.lineIndent(first.startIndex);
    const nl = ctx.stylist.newline;
    const lines = body.attributes.map((a) => indent + a + nl).join("");
    if (docstring) {
      const end = ctx.endOf(first);
      edits.push({ start: end, end, text: nl + lines.replace(new RegExp(`${nl}$`), "") });
    } else {
      const lineStart = ctx.source.lastIndexOf("\n", first.startIndex - 1) + 1;
      edits.push({ start: lineStart, end: lineStart, text: lines });
    }
  }
  const callee = call?.childForFieldName("function") ?? expr;
  const found = callee.type === "identifier" ? ctx.bindings(callee.text, callee) : undefined;
  if (found?.length === 1) consumed.add(found[0]!);
  const imports: ImportRequirement[] = base.requirement ? [base.requirement] : [];
  return report(undefined, {
    title: `Make ${name.text} a DeclarativeBase subclass`,
    safety: "safe",
    edits,
    imports,
    removeIfUnused:
      found?.length === 1 && found[0]!.qualified
        ? [{ local: callee.text, qualified: found[0]!.qualified }]
        : [],
  });
}

/**
 * `from sqlalchemy.ext.declarative import declared_attr` -> `from sqlalchemy.orm import ...`
 * (a name only used by conversions of this pass goes with them instead).
 */
function movedImport(
  rule: Rule,
  ctx: RuleContext,
  b: Binding,
  name: string,
  consumed: ReadonlySet<Binding>,
): Diagnostic | undefined {
  if (goesWithConversion(ctx, b, consumed)) return undefined;
  const message = `${name} moved to sqlalchemy.orm (sqlalchemy.ext.declarative warns in SQLAlchemy 2.0)`;
  const statement = b.statement;
  const moduleNode = statement.childForFieldName("module_name");
  if (moduleNode?.type !== "dotted_name") return undefined;
  const names = statement.childrenForFieldName("name").filter((n): n is Node => !!n);
  const staying = names
    .map((n) => bindingOf(b, n))
    .filter((other) => !other || !goesWithConversion(ctx, other, consumed));
  const allMove = staying.every((other) => other && MOVED.has(importedName(other)));
  const target = ctx.root.namedChildren.some(
    (c) =>
      c?.type === "import_from_statement" &&
      c.childForFieldName("module_name")?.text === "sqlalchemy.orm" &&
      !c.namedChildren.some((n) => n?.type === "wildcard_import"),
  );
  if (allMove && !target && staying.length === names.length) {
    // Every name that stays moves: the module name changes once, by the first of them.
    if (staying[0] !== b) return undefined;
    return ctx.diagnostic(rule, b.node, message, {
      title: "Import from sqlalchemy.orm",
      safety: "safe",
      edits: [{ start: moduleNode.startIndex, end: moduleNode.endIndex, text: "sqlalchemy.orm" }],
    });
  }
  const moved = ctx.imports.move(b, "sqlalchemy.orm", name);
  return ctx.diagnostic(rule, b.node, message, {
    title: `Import ${name} from sqlalchemy.orm`,
    safety: "safe",
    edits: moved.edits,
    imports: [moved.requirement],
  });
}

/** The binding an imported name node of `b`'s statement creates. */
function bindingOf(b: Binding, node: Node): Binding | undefined {
  const local = node.type === "aliased_import" ? node.childForFieldName("alias")?.text : node.text;
  return b.scope.bindings.get(local ?? "")?.find((x) => x.node.equals(node));
}

function importedName(b: Binding): string {
  return b.node.type === "aliased_import" ? b.node.childForFieldName("name")!.text : b.node.text;
}

/** A name whose every use is a conversion of this pass: its import goes with them. */
function goesWithConversion(ctx: RuleContext, b: Binding, consumed: ReadonlySet<Binding>): boolean {
  if (!consumed.has(b)) return false;
  const refs = ctx.references(b);
  return typeof refs !== "string" && refs.every((r) => isConverted(ctx, r));
}

/** Whether a use of declarative_base/as_declarative is one this rule converts. */
function isConverted(ctx: RuleContext, ref: Node): boolean {
  const call = ref.parent;
  if (call?.type === "call" && call.parent?.type === "assignment")
    return declarativeBaseCall(call.parent, ctx) !== undefined;
  const decorator = call?.type === "call" ? call.parent : ref.parent;
  return decorator?.type === "decorator";
}

/** `from sqlalchemy.orm import relation` -> `relationship`, with every use renamed. */
function relationImport(rule: Rule, ctx: RuleContext, b: Binding): Diagnostic[] {
  const message = "relation() was removed in SQLAlchemy 2.1: it is relationship()";
  const report = (why?: string, fix?: Fix): Diagnostic[] => [
    ctx.diagnostic(rule, b.node, why ? `${message} (${why})` : message, fix),
  ];
  if (b.node.type === "aliased_import") {
    // `relation as rel`: only the imported name changes.
    const imported = b.node.childForFieldName("name")!;
    return report(undefined, {
      title: "Import relationship",
      safety: "safe",
      edits: [{ start: imported.startIndex, end: imported.endIndex, text: "relationship" }],
    });
  }
  const refs = ctx.references(b);
  if (typeof refs === "string") return report(refs);
  const taken = ctx.identifiers("relationship").length > 0;
  const existing = taken
    ? ctx.ensureImport(b.statement, "sqlalchemy.orm", "relationship", { onlyExisting: true })
    : undefined;
  if (taken && (!existing?.ok || existing.expr !== "relationship"))
    return report("the name relationship is taken: rename the uses by hand");
  const edits: Edit[] = refs.map((r) => ({
    start: r.startIndex,
    end: r.endIndex,
    text: "relationship",
  }));
  if (!taken) edits.push({ start: b.node.startIndex, end: b.node.endIndex, text: "relationship" });
  return report(undefined, {
    title: "Use relationship()",
    safety: "safe",
    edits,
    removeIfUnused: taken ? [{ local: "relation", qualified: "sqlalchemy.orm.relation" }] : [],
  });
}
