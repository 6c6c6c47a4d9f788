// FF109: Pydantic v2 refuses a model attribute without an annotation ("A non-annotated attribute
// was detected"); v1 made it a field typed by its default. The annotation v1 inferred is written
// where the default says it for certain.
import { firstLine } from "../src/engine/source.js";
import type { RuleContext } from "../src/knowledge/context.js";
import type { Node } from "../src/engine/parser.js";
import { listItems } from "../src/engine/syntax.js";
import type { Diagnostic, ImportRequirement } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";

export type Inferred =
  /** The annotation to write: its text and the builtin names it relies on. */
  | { type: string; builtins: string[] }
  /** Not a field in v1 nor in v2 (a function, a nested class...): nothing to do. */
  | { ignored: true }
  /** Why no annotation can be written. */
  | { reason: string };

const FIELD_FUNCTIONS = new Set([
  "pydantic.Field",
  "pydantic.fields.Field",
  "sqlmodel.Field",
  "sqlmodel.main.Field",
]);

/** Calls whose result Pydantic v2 leaves alone in a class body (not a field). */
const IGNORED_CALLS = new Set([
  "builtins.property",
  "builtins.classmethod",
  "builtins.staticmethod",
  "pydantic.PrivateAttr",
  "pydantic.fields.PrivateAttr",
  "pydantic.computed_field",
  "pydantic.fields.computed_field",
]);

/** Builtin constructors that always give an instance of that very class. */
const CONSTRUCTORS = new Set([
  "bool",
  "bytes",
  "complex",
  "dict",
  "float",
  "frozenset",
  "int",
  "list",
  "set",
  "str",
  "tuple",
]);

/** Standard-library classes whose constructor gives an instance of exactly that class. */
const EXACT_CLASSES = new Set([
  "datetime.date",
  "datetime.datetime",
  "datetime.time",
  "datetime.timedelta",
  "decimal.Decimal",
  "fractions.Fraction",
  "uuid.UUID",
]);

const ENUM_BASES = new Set([
  "enum.Enum",
  "enum.IntEnum",
  "enum.StrEnum",
  "enum.Flag",
  "enum.IntFlag",
]);

/** Bases that declare no fields. */
const FIELDLESS_BASES = new Set([
  "pydantic.BaseModel",
  "pydantic.main.BaseModel",
  "pydantic.generics.GenericModel",
  "pydantic.BaseSettings",
  "pydantic.env_settings.BaseSettings",
  "pydantic_settings.BaseSettings",
  "pydantic_settings.main.BaseSettings",
  "sqlmodel.SQLModel",
  "sqlmodel.main.SQLModel",
  "typing.Generic",
  "typing_extensions.Generic",
  "abc.ABC",
  "builtins.object",
]);

/** Builtins that are classes, besides the constructors. */
const BUILTIN_CLASSES = new Set([
  ...CONSTRUCTORS,
  "bytearray",
  "memoryview",
  "object",
  "range",
  "slice",
  "type",
]);

const CLASS_VAR = new Set(["typing.ClassVar", "typing_extensions.ClassVar"]);
const MAX_DEPTH = 6;

const QUERY = `(class_definition
     body: (block (expression_statement (assignment left: (identifier) @name !type) @assign))) @class`;

export const pydanticFieldAnnotations: Rule = {
  name: "pydantic-field-annotations",
  code: "FF109",
  summary:
    "un-annotated model attributes (is_sale = True) -> annotated fields (is_sale: bool = True)",
  rule: "Use Pydantic v2: every model field needs a type annotation",
  gives: ["safe", "unsafe", "detect"],
  docs: {
    why: 'Pydantic v1 turned an un-annotated class attribute into a field typed by its default; Pydantic v2 refuses the class at import time ("A non-annotated attribute was detected"). The annotation is added where the default makes the type certain (True -> bool, a list of strings -> list[str], Field(default=1) -> int, an enum member -> the enum); anything else is reported. A class as the default (`correct = bool`) was no field in v1 but a plain class attribute, which `ClassVar[type[bool]]` keeps; a typing object (`matches = Optional[List[Match]]`) was a field holding that very object, which `Any` keeps while accepting more (unsafe). When a base class the tool cannot see might declare the same name, the fix is unsafe.',
    bad: 'class Product(BaseModel):\n    name: str\n    is_sale = True\n    tags = ["new"]\n    stock = Field(default=0, ge=0)\n',
    good: 'class Product(BaseModel):\n    name: str\n    is_sale: bool = True\n    tags: list[str] = ["new"]\n    stock: int = Field(default=0, ge=0)\n',
  },
  scope: "models",
  prefilter: /^[ \t]*class\s+\w+\s*\(/m,
  query: QUERY,
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    const kinds = new Map<number, boolean>();
    for (const m of ctx.captures(QUERY)) {
      const cls = m.node("class");
      const name = m.node("name");
      const assign = m.node("assign");
      if (!kinds.has(cls.id)) kinds.set(cls.id, !!ctx.classKind(cls));
      if (!kinds.get(cls.id)) continue;
      if (name.text.startsWith("_") || name.text === "model_config" || name.text === "Config")
        continue;
      if (annotationIn(cls, name.text)) continue;
      const message = `\`${name.text}\` has no annotation: Pydantic v2 refuses un-annotated fields`;
      const right = assign.childForFieldName("right")!;
      if (right.type === "assignment") {
        out.push(ctx.diagnostic(this, name, `${message} (annotate each name of the chain)`));
        continue;
      }
      const inferred = inferType(ctx, right, name);
      if ("ignored" in inferred) continue;
      const base = inheritedDeclaration(ctx, cls, name.text, 0);
      if (base.kind === "classvar") continue;
      const special = "reason" in inferred ? typeDefault(ctx, right) : undefined;
      if (special) {
        out.push(typeDefaultFix(ctx, this, cls, name, special, base, message));
        continue;
      }
      if ("reason" in inferred) {
        const hint =
          base.kind === "annotated" ? `; a base class declares it as ${base.declared}` : "";
        out.push(ctx.diagnostic(this, name, `${message} (${inferred.reason}${hint})`));
        continue;
      }
      // v1 typed an override by its own default too (and refused one its base's type did not
      // admit), so a base class's annotation changes nothing; a base ClassVar would.
      const type = inferred.type;
      let safety: "safe" | "unsafe" = "safe";
      let note = "";
      if (base.kind === "unseen") {
        safety = "unsafe";
        note = ` (unsafe: base ${base.base} is not in this file and may declare \`${name.text}\` a ClassVar)`;
      }
      out.push(
        ctx.diagnostic(this, name, message + note, {
          title: `Annotate ${name.text}: ${type}`,
          safety,
          edits: [{ start: name.endIndex, end: name.endIndex, text: `: ${type}` }],
        }),
      );
    }
    return out;
  },
};

/**
 * A default that is itself a type. A class (`correct = bool`, `kind = Color`, a model class) is
 * no field in v1: its metaclass left values that are classes alone, as plain class attributes.
 * A typing form (`matches = Optional[List[Match]]`) is not a class, so v1 made it a field whose
 * type is the typing object's own class (accepted only with `arbitrary_types_allowed`).
 */
type TypeDefault = { kind: "class" | "typing"; text: string };

function typeDefault(ctx: RuleContext, value: Node): TypeDefault | undefined {
  if (value.type === "identifier" || value.type === "attribute") {
    const q = ctx.qualifiedName(value);
    const found = value.type === "identifier" ? ctx.bindings(value.text, value) : undefined;
    const isClass =
      (q?.startsWith("builtins.") && BUILTIN_CLASSES.has(q.slice(9))) ||
      (found?.length && found.every((b) => b.kind === "class")) ||
      (q && (ctx.index.isClass(q) || !!ctx.kindOfClassName(q) || EXACT_CLASSES.has(q)));
    return isClass ? { kind: "class", text: ctx.text(value) } : undefined;
  }
  if (value.type === "subscript") {
    const q = ctx.qualifiedName(value.childForFieldName("value")!) ?? "";
    const m = /^(?:typing|typing_extensions)\.(\w+)$/.exec(q);
    if (m && !["ClassVar", "Final", "InitVar"].includes(m[1]!))
      return { kind: "typing", text: ctx.text(value) };
  }
  return undefined;
}

/**
 * The v1 meaning of a type as a default, written for v2: a class stays a class attribute
 * (`correct: ClassVar[type[bool]] = bool`); a typing form stays a field holding that object
 * (`matches: Any = Optional[List[Match]]`, unsafe: `Any` also takes the values v1 refused).
 */
function typeDefaultFix(
  ctx: RuleContext,
  transform: Rule,
  cls: Node,
  name: Node,
  value: TypeDefault,
  base: BaseDeclaration,
  message: string,
): Diagnostic {
  const shown = firstLine(value.text, 40);
  const fieldHint = `for a field of that type write \`: ${shown}\` instead of \`= ${shown}\``;
  if (base.kind === "annotated") {
    const why =
      value.kind === "class"
        ? `its default is a class, which Pydantic v1 dropped: the base class's \`${name.text}: ${base.declared}\` stays the field; delete the line`
        : `its default is a typing object, which Pydantic v1 refused as an override of the base class's ${base.declared}`;
    return ctx.diagnostic(transform, name, `${message} (${why})`);
  }
  if (value.kind === "typing" && ctx.configHas(cls, ["arbitrary_types_allowed"]) === false) {
    return ctx.diagnostic(
      transform,
      name,
      `${message} (its default is a typing object, which Pydantic v1 refused without arbitrary_types_allowed: ${fieldHint})`,
    );
  }
  const imports: ImportRequirement[] = [];
  const failures: string[] = [];
  const need = (module: string, id: string): string => {
    const r = ctx.ensureImport(name, module, id, { equivalents: [`typing_extensions.${id}`] });
    if (!r.ok) {
      failures.push(r.reason);
      return id;
    }
    if (r.requirement) imports.push(r.requirement);
    return r.expr;
  };
  let type: string;
  let safety: "safe" | "unsafe";
  let why: string;
  if (value.kind === "class") {
    // `type[X]` needs Python 3.9 at class creation.
    const typeOf = ctx.declares("python", "3.9") === "no" ? need("typing", "Type") : "type";
    type = `${need("typing", "ClassVar")}[${typeOf}[${value.text}]]`;
    safety = "safe";
    why = `its default is a class, which Pydantic v1 kept as a class attribute, not a field; ClassVar keeps it one (${fieldHint})`;
  } else {
    type = need("typing", "Any");
    safety = "unsafe";
    why = `its default is a typing object: Pydantic v1 made it a field holding that object, as Any does, but Any also takes the values v1 refused, hence unsafe; ${fieldHint}`;
  }
  if (failures.length) return ctx.diagnostic(transform, name, `${message} (${failures[0]})`);
  if (base.kind === "unseen") {
    safety = "unsafe";
    why += `; unsafe: base ${base.base} is not in this file and may declare \`${name.text}\``;
  }
  return ctx.diagnostic(transform, name, `${message} (${why})`, {
    title: `Annotate ${name.text}: ${type}`,
    safety,
    edits: [{ start: name.endIndex, end: name.endIndex, text: `: ${type}` }],
    imports,
  });
}

/** The annotation the class body gives `name` (`name: T` or `name: T = v`), if any. */
function annotationIn(cls: Node, name: string): Node | undefined {
  for (const stmt of cls.childForFieldName("body")?.namedChildren ?? []) {
    const assign = stmt?.type === "expression_statement" ? stmt.namedChildren[0] : undefined;
    if (assign?.type !== "assignment") continue;
    const type = assign.childForFieldName("type");
    if (type && assign.childForFieldName("left")?.text === name) return type;
  }
  return undefined;
}

function unannotatedValueIn(cls: Node, name: string): Node | undefined {
  for (const stmt of cls.childForFieldName("body")?.namedChildren ?? []) {
    const assign = stmt?.type === "expression_statement" ? stmt.namedChildren[0] : undefined;
    if (assign?.type !== "assignment" || assign.childForFieldName("type")) continue;
    if (assign.childForFieldName("left")?.text === name) return assign.childForFieldName("right")!;
  }
  return undefined;
}

type BaseDeclaration =
  | { kind: "none" }
  | { kind: "classvar" }
  | { kind: "annotated"; declared: string }
  | { kind: "unseen"; base: string };

/** What the bases of `cls` declare for `name`, as far as this module shows. */
function inheritedDeclaration(
  ctx: RuleContext,
  cls: Node,
  name: string,
  depth: number,
): BaseDeclaration {
  const list = cls.childForFieldName("superclasses");
  let unseen: string | undefined;
  for (const arg of list?.namedChildren ?? []) {
    if (!arg || arg.type === "keyword_argument" || arg.type === "comment") continue;
    const expr = arg.type === "subscript" ? (arg.childForFieldName("value") ?? arg) : arg;
    const q = ctx.qualifiedName(expr);
    if (q && FIELDLESS_BASES.has(q)) continue;
    const local = q ? moduleClass(ctx, q) : undefined;
    if (!local || depth > MAX_DEPTH) {
      unseen ??= ctx.text(expr);
      continue;
    }
    const type = annotationIn(local, name);
    if (type) {
      const head = type.namedChildren[0];
      const headName = head?.type === "generic_type" ? head.namedChildren[0] : head;
      if (headName && CLASS_VAR.has(ctx.qualifiedName(headName) ?? "")) return { kind: "classvar" };
      return { kind: "annotated", declared: ctx.text(type) };
    }
    if (unannotatedValueIn(local, name)) return { kind: "none" };
    const deeper = inheritedDeclaration(ctx, local, name, depth + 1);
    if (deeper.kind === "unseen") unseen ??= deeper.base;
    else if (deeper.kind !== "none") return deeper;
  }
  return unseen ? { kind: "unseen", base: unseen } : { kind: "none" };
}

/** The definition of a module-level class of this module, by qualified name. */
function moduleClass(ctx: RuleContext, qualified: string): Node | undefined {
  const prefix = `${ctx.module.moduleName ?? "__main__"}.`;
  if (!qualified.startsWith(prefix)) return undefined;
  const name = qualified.slice(prefix.length);
  if (name.includes(".")) return undefined;
  const found = ctx.scopes.module.bindings.get(name);
  if (found?.length !== 1 || found[0]!.kind !== "class") return undefined;
  return found[0]!.statement;
}

/** True when `name` is the builtin at `at` (not rebound in the class, the module...). */
function builtinAt(ctx: RuleContext, name: string, at: Node): boolean {
  return !ctx.bindings(name, at) && !ctx.scopes.mayComeFromStarImport(ctx.scopeAt(at));
}

/**
 * The annotation Pydantic v1 would have inferred for a class attribute with this value
 * (`value.__class__`), with the item types of literal containers spelled out.
 */
export function inferType(ctx: RuleContext, value: Node, at: Node, depth = 0): Inferred {
  const result = infer(ctx, value, at, depth);
  if ("type" in result) {
    const shadowed = result.builtins.find((b) => !builtinAt(ctx, b, at));
    if (shadowed) return { reason: `\`${shadowed}\` is not the builtin here` };
  }
  return result;
}

function simple(type: string): Inferred {
  return { type, builtins: [type.replace(/\[.*$/, "")] };
}

function infer(ctx: RuleContext, value: Node, at: Node, depth: number): Inferred {
  if (depth > MAX_DEPTH) return { reason: "the default is nested too deeply" };
  switch (value.type) {
    case "true":
    case "false":
    case "not_operator":
      return simple("bool");
    case "integer":
      return simple(/[jJ]$/.test(value.text) ? "complex" : "int");
    case "float":
      return simple(/[jJ]$/.test(value.text) ? "complex" : "float");
    case "string":
    case "concatenated_string": {
      const parts = value.type === "string" ? [value] : value.namedChildren.filter((c) => !!c);
      const kinds = new Set(parts.map((p) => (/b/i.test(stringPrefix(p!)) ? "bytes" : "str")));
      return kinds.size === 1 ? simple([...kinds][0]!) : { reason: "mixed str and bytes" };
    }
    case "unary_operator": {
      const operand = value.childForFieldName("argument");
      const inner = operand ? infer(ctx, operand, at, depth + 1) : undefined;
      if (inner && "type" in inner && ["int", "float", "complex"].includes(inner.type))
        return inner;
      return { reason: "cannot tell the type of this expression" };
    }
    case "parenthesized_expression": {
      const inner = value.namedChildren.find((c) => c && c.type !== "comment");
      return inner ? infer(ctx, inner, at, depth + 1) : { reason: "empty parentheses" };
    }
    case "list":
    case "set":
    case "tuple":
      return container(ctx, value, at, depth);
    case "dictionary":
      return dictionary(ctx, value, at, depth);
    case "none":
      return { reason: "a None default does not say the type; Pydantic v1 refused it too" };
    case "ellipsis":
      return { reason: "`...` does not say the type" };
    case "lambda":
      return { ignored: true };
    case "call":
      return call(ctx, value, at, depth);
    case "identifier":
      return named(ctx, value, at, depth);
    case "attribute":
      return enumMember(ctx, value);
    case "subscript": {
      const head = value.childForFieldName("value")!;
      const q = ctx.qualifiedName(head) ?? "";
      if (
        /^(typing|typing_extensions)\./.test(q) ||
        (q.startsWith("builtins.") && CONSTRUCTORS.has(q.slice(9)))
      )
        return {
          reason: `the default is a type: for a field of that type write \`: ${firstLine(value.text, 40)}\` instead of \`= ...\``,
        };
      return { reason: "cannot tell the type of this default" };
    }
    default:
      return { reason: "cannot tell the type of this default" };
  }
}

function stringPrefix(node: Node): string {
  const start = node.namedChildren.find((c) => c?.type === "string_start")?.text ?? "";
  return start.replace(/["']+$/, "");
}

function container(ctx: RuleContext, value: Node, at: Node, depth: number): Inferred {
  const kind = value.type === "list" ? "list" : value.type === "set" ? "set" : "tuple";
  const items = listItems(value);
  const bare = simple(kind);
  if (!items.length || items.some((i) => i.type === "list_splat" || i.type === "yield"))
    return bare;
  const inner = common(items.map((i) => infer(ctx, i, at, depth + 1)));
  if (!inner) return bare;
  const args = kind === "tuple" ? `${inner.type}, ...` : inner.type;
  return { type: `${kind}[${args}]`, builtins: [kind, ...inner.builtins] };
}

function dictionary(ctx: RuleContext, value: Node, at: Node, depth: number): Inferred {
  const pairs = listItems(value);
  const bare = simple("dict");
  if (!pairs.length || pairs.some((p) => p.type !== "pair")) return bare;
  const keys = common(pairs.map((p) => infer(ctx, p.childForFieldName("key")!, at, depth + 1)));
  const values = common(pairs.map((p) => infer(ctx, p.childForFieldName("value")!, at, depth + 1)));
  if (!keys || !values) return bare;
  return {
    type: `dict[${keys.type}, ${values.type}]`,
    builtins: ["dict", ...keys.builtins, ...values.builtins],
  };
}

/** The one type all items share, if they do. */
function common(items: Inferred[]): { type: string; builtins: string[] } | undefined {
  let first: { type: string; builtins: string[] } | undefined;
  for (const i of items) {
    if (!("type" in i)) return undefined;
    if (first && first.type !== i.type) return undefined;
    first ??= i;
  }
  return first;
}

function call(ctx: RuleContext, value: Node, at: Node, depth: number): Inferred {
  const fn = value.childForFieldName("function")!;
  const q = ctx.qualifiedName(fn);
  if (!q) return { reason: "cannot tell what this call returns" };
  if (IGNORED_CALLS.has(q) || q.startsWith("functools.")) return { ignored: true };
  if (FIELD_FUNCTIONS.has(q)) {
    const args = value.childForFieldName("arguments")?.namedChildren ?? [];
    let dflt: Node | undefined;
    for (const arg of args) {
      if (!arg || arg.type === "comment") continue;
      if (arg.type === "keyword_argument") {
        const key = arg.childForFieldName("name")!.text;
        if (key === "default") dflt = arg.childForFieldName("value")!;
        if (key === "default_factory")
          return { reason: "Field(default_factory=...) does not say the type" };
      } else if (arg.type === "list_splat" || arg.type === "dictionary_splat") {
        return { reason: "cannot see the Field() arguments" };
      } else {
        dflt ??= arg;
      }
    }
    if (!dflt || dflt.type === "ellipsis")
      return { reason: "Field() without a default does not say the type" };
    const inner = infer(ctx, dflt, at, depth + 1);
    return "ignored" in inner ? { reason: "cannot tell the type of this default" } : inner;
  }
  const [module, name] = [q.slice(0, q.lastIndexOf(".")), q.slice(q.lastIndexOf(".") + 1)];
  if (module === "builtins" && CONSTRUCTORS.has(name)) return simple(name);
  if (fn.type === "identifier" || fn.type === "attribute") {
    if (ctx.kindOfClassName(q) || EXACT_CLASSES.has(q)) return { type: ctx.text(fn), builtins: [] };
  }
  return { reason: "cannot tell what this call returns" };
}

/** A name as a default: a function or a nested class is no field; a class is an error in v2. */
function named(ctx: RuleContext, value: Node, at: Node, depth: number): Inferred {
  const found = ctx.bindings(value.text, value);
  if (found?.length && found.every((b) => b.kind === "function")) {
    if (found.some((b) => b.statement.parent?.type === "decorated_definition"))
      return { reason: "cannot tell what the decorated function gives" };
    return { ignored: true };
  }
  if (found?.length && found.every((b) => b.kind === "class" && b.scope.kind === "class"))
    return { ignored: true };
  const q = ctx.qualifiedName(value);
  const isClass =
    (q?.startsWith("builtins.") && CONSTRUCTORS.has(q.slice(9))) ||
    (found?.length && found.every((b) => b.kind === "class")) ||
    (q && ctx.kindOfClassName(q));
  if (isClass)
    return {
      reason: `the default is a class, a plain class attribute in v1: for a field of that type write \`: ${value.text}\` instead of \`= ${value.text}\`; ClassVar[type[${value.text}]] keeps the v1 meaning`,
    };
  // A module constant assigned once, before the class, from a literal (`DEFAULT_LIMIT = 10`).
  const only = found?.length === 1 ? found[0]! : undefined;
  const statement = only?.statement;
  if (
    only?.kind === "assignment" &&
    only.scope.kind === "module" &&
    statement?.type === "assignment" &&
    statement.childForFieldName("left")?.equals(only.node) &&
    statement.endIndex < value.startIndex
  ) {
    const right = statement.childForFieldName("right");
    const inner = right ? infer(ctx, right, at, depth + 1) : undefined;
    if (inner && "type" in inner) return inner;
  }
  return { reason: "cannot tell the type of this default" };
}

/** `Color.RED` where `Color` is an enum of this module: the annotation is `Color`. */
function enumMember(ctx: RuleContext, value: Node): Inferred {
  const object = value.childForFieldName("object")!;
  const member = value.childForFieldName("attribute")!.text;
  const q = object.type === "identifier" ? ctx.qualifiedName(object) : undefined;
  const cls = q ? moduleClass(ctx, q) : undefined;
  if (!cls) return { reason: "cannot tell the type of this default" };
  const bases = (cls.childForFieldName("superclasses")?.namedChildren ?? []).filter(
    (b): b is Node => !!b && b.type !== "keyword_argument" && b.type !== "comment",
  );
  const isEnum = bases.some((b) => ENUM_BASES.has(ctx.qualifiedName(b) ?? ""));
  if (!isEnum || member.startsWith("_") || !unannotatedValueIn(cls, member))
    return { reason: "cannot tell the type of this default" };
  return { type: object.text, builtins: [] };
}
