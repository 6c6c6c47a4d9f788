// FF110: where Pydantic v2 changed what the same model does without a word, write the knob v2
// offers to keep what v1 did, so that a migrated app behaves as it did.
import { firstLine } from "../src/engine/source.js";
import type { RuleContext } from "../src/knowledge/context.js";
import type { Node } from "../src/engine/parser.js";
import { appendArgument, keywordArguments, listItems } from "../src/engine/syntax.js";
import type { Diagnostic, Edit, Fix, ImportRequirement } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";
import { typingName } from "./data/pydantic-fields.js";
import { modelValidator } from "./shared/model-validator.js";
import {
  annotatedField,
  fieldCall,
  isPydanticField,
  modelFields,
  subscriptParts,
  withFieldKeyword,
  type FieldEdits,
} from "./shared/field-keywords.js";

const ENUMS = new Set(["enum.Enum", "enum.IntEnum", "enum.StrEnum", "enum.Flag", "enum.IntFlag"]);
/** Bases that make a class a project root model: it configures every model built on it. */
const MODEL_ROOTS = new Set([
  "pydantic.BaseModel",
  "pydantic.main.BaseModel",
  "pydantic.generics.GenericModel",
]);

const ENUM_NOTE =
  "use_enum_values with an Enum default: v1 dumped the default as its value, v2 keeps the member unless the default is validated; validate_default=True keeps v1's output";
const UNION_NOTE =
  "v1 tried the members of a Union left to right; v2's smart mode can pick another one for the same input (a str for a UUID, a float for 1.0); union_mode=\"left_to_right\" keeps v1's choice";
const URL_NOTE =
  "v1's URL types were str subclasses and kept the string given; v2 gives a Url object (not a str, and normalised: a bare host gains a '/'); a wrap validator puts the given string back once validation is done";
/** v1 URL types whose values were the str they were given. */
const URL_TYPES = new Set(
  ["AnyUrl", "AnyHttpUrl", "HttpUrl", "FileUrl"].flatMap((n) => [
    `pydantic.${n}`,
    `pydantic.networks.${n}`,
  ]),
);
/** URL and DSN classes whose `build()` v1 spelled with `user=` and returned as a str. */
const BUILDERS = new Set(
  [
    "AnyUrl",
    "AnyHttpUrl",
    "HttpUrl",
    "FileUrl",
    "PostgresDsn",
    "CockroachDsn",
    "AmqpDsn",
    "RedisDsn",
    "MongoDsn",
    "KafkaDsn",
    "MySQLDsn",
    "MariaDBDsn",
  ].flatMap((n) => [`pydantic.${n}.build`, `pydantic.networks.${n}.build`]),
);
const BUILD_NOTE =
  "v1's URL build() took user= and returned the URL as a str; v2 takes username=, returns a Url object and puts a '/' before the path itself, so user= is renamed, the path loses its leading '/' and the result is turned into a str (a URL with no path at all still gains a trailing '/' in v2)";
const COERCE_NOTE =
  "v1 turned numbers into strings for str fields; v2 rejects them unless coerce_numbers_to_str=True, set here for every model built on this class";

const BUILD_QUERY = `(call function: (attribute attribute: (identifier) @m (#eq? @m "build"))) @call`;

const QUERY = `(class_definition body: (block)) @class`;

export const pydanticV1Behaviour: Rule = {
  name: "pydantic-v1-behaviour",
  code: "FF110",
  summary:
    "keep what v1 models did where v2 changed it silently: validate_default for enum defaults, left-to-right unions, numbers into str fields",
  rule: "Use Pydantic v2",
  gives: ["safe", "detect"],
  docs: {
    why: "Some v1 models run under v2 without an error but behave differently: an Enum default under use_enum_values is dumped as the member, a Union picks another member for the same input (UUID4 | str keeps the str), and a number passed to a str field is rejected. Pydantic v2 has a knob for each; writing it keeps the app's behaviour. Models already written for v2 (or in a project that declares pydantic >= 2) are left alone.",
    bad: "class Event(BaseModel):\n    id: UUID4 | str\n    kind: Kind = Kind.note\n    label: str\n\n    class Config:\n        use_enum_values = True\n",
    good: 'class Event(BaseModel):\n    id: Annotated[UUID4 | str, Field(union_mode="left_to_right")]\n    kind: Annotated[Kind, Field(validate_default=True)] = Kind.note\n    label: str\n\n    class Config:\n        use_enum_values = True\n        coerce_numbers_to_str = True\n',
  },
  // Models, route parameters (unions), or a URL class's build().
  scope: ["models", "routes"],
  alsoWhen: /\.build\s*\(/,
  prefilter: /\bclass\b|\bUnion\b|\|/,
  query: QUERY,
  queries: [BUILD_QUERY],
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const m of ctx.captures(QUERY)) {
      const cls = m.node("class");
      const kind = ctx.classKind(cls);
      if (!kind || ctx.isV2Model(cls)) continue;
      const fields = modelFields(cls);
      const enumValues = ctx.configHas(cls, ["use_enum_values"]) === true;
      const smartUnion = ctx.configHas(cls, ["smart_union"]) === true;
      for (const field of fields) {
        if (enumValues) out.push(...enumDefault(this, ctx, field));
        if (!smartUnion) out.push(...unions(this, ctx, field));
      }
      if (kind === "model") out.push(...coerceNumbers(this, ctx, cls, fields));
      out.push(...urlStrings(this, ctx, cls, fields));
    }
    if (!ctx.isV2Module()) {
      for (const route of ctx.routes()) out.push(...parameterUnions(this, ctx, route.handler));
      for (const m of ctx.captures(BUILD_QUERY)) out.push(...urlBuild(this, ctx, m.node("call")));
    }
    return out;
  },
};

function annotationOf(field: Node): Node | undefined {
  return field.childForFieldName("type")?.namedChildren[0] ?? undefined;
}

function fix(title: string, note: string, at: Node, found: FieldEdits): Fix {
  return {
    title,
    safety: "safe",
    edits: found.edits,
    imports: found.imports,
    notes: [{ start: at.startIndex, end: at.endIndex, message: note }],
  };
}

/** `kind: Kind = Kind.note` under use_enum_values. */
function enumDefault(t: Rule, ctx: RuleContext, field: Node): Diagnostic[] {
  const annotation = annotationOf(field);
  const value = field.childForFieldName("right");
  if (!annotation || !value) return [];
  let member: Node | null | undefined = value;
  if (isPydanticField(ctx, value)) {
    const args = value.childForFieldName("arguments")!;
    if (keywordArguments(args).get("validate_default")) return [];
    member =
      keywordArguments(args).get("default")?.childForFieldName("value") ??
      listItems(args).find((a) => a.type !== "keyword_argument");
  }
  if (member?.type !== "attribute") return [];
  const owner = ctx.qualifiedName(member.childForFieldName("object")!);
  if (!owner || !ctx.index.derivesFrom(owner, ENUMS)) return [];
  const found = withFieldKeyword(
    ctx,
    annotation,
    fieldCall(ctx, field),
    "validate_default",
    "True",
  );
  const message = "an Enum default under use_enum_values is dumped as the member in v2";
  if (typeof found === "string") return [ctx.diagnostic(t, field, `${message} (${found})`)];
  if (!found.edits.length) return [];
  return [ctx.diagnostic(t, field, message, fix("Validate the default", ENUM_NOTE, field, found))];
}

/** Every union of two or more members in the field's annotation gets union_mode="left_to_right". */
function unions(t: Rule, ctx: RuleContext, field: Node): Diagnostic[] {
  const annotation = annotationOf(field);
  if (!annotation) return [];
  const existing = fieldCall(ctx, field);
  if (existing && keywordArguments(existing.childForFieldName("arguments")!).has("discriminator"))
    return [];
  const out: Diagnostic[] = [];
  for (const union of unionNodes(ctx, annotation)) {
    // The whole annotation is the union: a Field() the field already has can take the keyword.
    out.push(...leftToRight(t, ctx, union, union.equals(annotation) ? existing : undefined));
  }
  return out;
}

/**
 * FastAPI validated a route's parameters with v1's left-to-right unions too (`item_id: UUID4 | str`
 * gave a UUID for a UUID string). Parameters declared with Query(), Depends() and the like are left
 * to a person: a second Field() beside them is not allowed.
 */
function parameterUnions(t: Rule, ctx: RuleContext, handler: Node): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const param of listItems(handler.childForFieldName("parameters")!)) {
    if (param.type !== "typed_parameter" && param.type !== "typed_default_parameter") continue;
    const value = param.childForFieldName("value");
    if (value?.type === "call") continue;
    const annotation = param.childForFieldName("type")?.namedChildren[0];
    if (!annotation) continue;
    const parts = subscriptParts(annotation);
    if (parts && typingName(ctx.qualifiedName(parts.head)) === "Annotated") continue;
    for (const union of unionNodes(ctx, annotation))
      out.push(...leftToRight(t, ctx, union, undefined));
  }
  return out;
}

/** `union_mode="left_to_right"` for one union: in `holder` (a Field() call), else Annotated. */
function leftToRight(
  t: Rule,
  ctx: RuleContext,
  union: Node,
  holder: Node | undefined,
): Diagnostic[] {
  const q = ctx.stylist.quote;
  const found = withFieldKeyword(ctx, union, holder, "union_mode", `${q}left_to_right${q}`);
  const message = `\`${firstLine(ctx.text(union))}\` may resolve to another member in v2's smart union mode`;
  if (typeof found === "string") return [ctx.diagnostic(t, union, `${message} (${found})`)];
  if (!found.edits.length) return [];
  const title = "Resolve the union left to right";
  return [ctx.diagnostic(t, union, message, fix(title, UNION_NOTE, union, found))];
}

/** The unions (two members or more besides None) in an annotation, outermost first. */
function unionNodes(ctx: RuleContext, annotation: Node): Node[] {
  const out: Node[] = [];
  const visit = (node: Node): void => {
    const members = unionMembers(ctx, node);
    if (members) {
      if (members.filter((m) => !isNone(m)).length >= 2) out.push(node);
      else members.forEach(visit);
      return;
    }
    if (node.type === "type" || node.type === "parenthesized_expression") {
      node.namedChildren.forEach((c) => c && visit(c));
      return;
    }
    const parts = subscriptParts(node);
    if (!parts) return;
    const name = typingName(ctx.qualifiedName(parts.head));
    if (name === "Literal") return;
    if (name === "Annotated") {
      // A union that already says how to resolve is left as it is.
      const field = annotatedField(ctx, node);
      if (field && keywordArguments(field.childForFieldName("arguments")!).has("union_mode"))
        return;
      if (parts.args[0]) visit(parts.args[0]);
      return;
    }
    parts.args.forEach(visit);
  };
  visit(annotation);
  return out;
}

/** The members of `A | B | ...` or `Union[A, B, ...]` (nested unions flattened); else undefined. */
function unionMembers(ctx: RuleContext, node: Node): Node[] | undefined {
  if (
    node.type === "union_type" ||
    (node.type === "binary_operator" && node.childForFieldName("operator")?.text === "|")
  ) {
    const sides =
      node.type === "union_type"
        ? node.namedChildren.filter((c): c is Node => !!c)
        : [node.childForFieldName("left")!, node.childForFieldName("right")!];
    return sides.flatMap((s) => {
      const inner = s.type === "type" ? (s.namedChildren[0] ?? s) : s;
      return unionMembers(ctx, inner) ?? [inner];
    });
  }
  const parts = subscriptParts(node);
  if (!parts || typingName(ctx.qualifiedName(parts.head)) !== "Union") return undefined;
  return parts.args.flatMap((a) => unionMembers(ctx, a) ?? [a]);
}

function isNone(node: Node): boolean {
  return (
    node.type === "none" ||
    node.text === "None" ||
    node.text === "NoneType" ||
    node.text === "type(None)"
  );
}

/**
 * A project's root models (built on BaseModel directly) that hold str fields, or none at all (a
 * base for others), get coerce_numbers_to_str=True in their configuration.
 */
function coerceNumbers(t: Rule, ctx: RuleContext, cls: Node, fields: Node[]): Diagnostic[] {
  const supers = cls.childForFieldName("superclasses");
  const bases = supers ? listItems(supers).filter((b) => b.type !== "keyword_argument") : [];
  const rootBases = bases.filter((b) => {
    const q = ctx.qualifiedName(b.type === "subscript" ? b.childForFieldName("value")! : b);
    return !!q && (MODEL_ROOTS.has(q) || /^typing\.Generic$/.test(q));
  });
  if (!bases.length || rootBases.length !== bases.length) return [];
  const stringy = fields.some((f) => /\b(str|constr)\b/.test(annotationOf(f)?.text ?? ""));
  if (fields.length && !stringy) return [];
  if (ctx.configHas(cls, ["coerce_numbers_to_str"])) return [];
  const found = configEntry(ctx, cls, "coerce_numbers_to_str", "True");
  const name = cls.childForFieldName("name")!;
  const message = `${name.text} takes no numbers for its str fields in v2`;
  if (typeof found === "string") return [ctx.diagnostic(t, name, `${message} (${found})`)];
  return [ctx.diagnostic(t, name, message, fix("Coerce numbers to str", COERCE_NOTE, name, found))];
}

/**
 * Sets a configuration key on a class: a line in its `class Config`, a keyword of its
 * `model_config = ConfigDict(...)`, or a new `model_config` as the first statement of its body.
 */
function configEntry(ctx: RuleContext, cls: Node, key: string, value: string): FieldEdits | string {
  const body = cls.childForFieldName("body")!;
  const statements = listItems(body);
  const nl = ctx.stylist.newline;
  for (const s of statements) {
    if (s.type === "class_definition" && s.childForFieldName("name")?.text === "Config") {
      const inner = listItems(s.childForFieldName("body")!);
      const last = inner[inner.length - 1]!;
      const end = ctx.endOf(last);
      return {
        edits: [
          { start: end, end, text: `${nl}${ctx.lineIndent(last.startIndex)}${key} = ${value}` },
        ],
        imports: [],
      };
    }
    const assign = s.type === "expression_statement" ? s.namedChildren[0] : null;
    if (
      assign?.type === "assignment" &&
      assign.childForFieldName("left")?.text === "model_config"
    ) {
      const call = assign.childForFieldName("right");
      if (call?.type !== "call") return "model_config is not a ConfigDict(...) call";
      return {
        edits: appendArgument(
          ctx.source,
          nl,
          call.childForFieldName("arguments")!,
          `${key}=${value}`,
        ),
        imports: [],
      };
    }
  }
  const first = statements[0]!;
  if (first.startPosition.row === cls.startPosition.row)
    return "the class body is on the class line";
  const configDict = ctx.ensureImport(cls, "pydantic", "ConfigDict");
  if (!configDict.ok) return configDict.reason;
  const imports: ImportRequirement[] = configDict.requirement ? [configDict.requirement] : [];
  // After the docstring, if the class has one.
  const docstring =
    first.type === "expression_statement" && first.namedChildren[0]?.type === "string";
  const indent = ctx.lineIndent(first.startIndex);
  const line = `model_config = ${configDict.expr}(${key}=${value})`;
  const edit: Edit = docstring
    ? { start: ctx.endOf(first), end: ctx.endOf(first), text: `${nl}${nl}${indent}${line}` }
    : { start: first.startIndex, end: first.startIndex, text: `${line}${nl}${nl}${indent}` };
  return { edits: [edit], imports };
}

/**
 * A class with fields of v1 URL types gets a wrap validator that, after v2 has validated the URLs
 * (so validators still see URL objects), stores each one as the string it was given, as v1 did.
 */
function urlStrings(t: Rule, ctx: RuleContext, cls: Node, fields: Node[]): Diagnostic[] {
  const name = "keep_url_strings";
  const body = cls.childForFieldName("body")!;
  const urlField = fields.find((f) =>
    (annotationOf(f)?.descendantsOfType(["identifier", "attribute"]) ?? []).some(
      (n) => !!n && URL_TYPES.has(ctx.qualifiedName(n) ?? ""),
    ),
  );
  // Once written, the method is the sign that the class keeps its URL strings.
  if (!urlField || ctx.text(body).includes(name)) return [];
  const message = "v1's URL fields held the string they were given; v2 holds a Url object";
  const statements = listItems(body);
  const last = statements[statements.length - 1]!;
  if (last.startPosition.row === cls.startPosition.row) return [];
  const method = modelValidator(ctx, {
    cls,
    mode: "wrap",
    name,
    parameters: "data: {Any}, handler: {Any}",
    returns: "{Any}",
    body: [
      "model = handler(data)",
      "for name, field in cls.model_fields.items():",
      "\tif isinstance(data, dict):",
      "\t\tgiven = data.get(field.alias or name, data.get(name))",
      "\telse:",
      "\t\tgiven = getattr(data, name, None)",
      "\tif isinstance(given, str) and isinstance(getattr(model, name, None), {AnyUrl}):",
      "\t\tobject.__setattr__(model, name, given)",
      "return model",
    ],
    uses: [
      ["pydantic", "AnyUrl"],
      ["typing", "Any"],
    ],
    indent: ctx.lineIndent(statements[0]!.startIndex),
  });
  if (typeof method === "string") return [ctx.diagnostic(t, urlField, `${message} (${method})`)];
  const end = ctx.endOf(last);
  const found: FieldEdits = {
    edits: [{ start: end, end, text: method.text }],
    imports: method.imports,
  };
  return [ctx.diagnostic(t, urlField, message, fix("Keep URL strings", URL_NOTE, urlField, found))];
}

/** `PostgresDsn.build(user=..., path="/db")` -> `str(PostgresDsn.build(username=..., path="db"))`. */
function urlBuild(t: Rule, ctx: RuleContext, call: Node): Diagnostic[] {
  const q = ctx.qualifiedName(call.childForFieldName("function")!);
  if (!q || !BUILDERS.has(q)) return [];
  const args = call.childForFieldName("arguments")!;
  const keywords = keywordArguments(args);
  const message = "v1's URL build() took user= and returned a str";
  if (listItems(args).some((a) => a.type !== "keyword_argument"))
    return [ctx.diagnostic(t, call, `${message} (positional arguments: migrate by hand)`)];
  const user = keywords.get("user");
  const parent = call.parent;
  const inStr =
    parent?.type === "argument_list" &&
    listItems(parent).length === 1 &&
    parent.parent?.type === "call" &&
    ctx.qualifiedName(parent.parent.childForFieldName("function")!) === "builtins.str";
  // v2's keyword: written for v2 (or by an earlier run).
  if (keywords.has("username")) return [];
  const edits: Edit[] = [];
  if (user) {
    const name = user.childForFieldName("name")!;
    edits.push({ start: name.startIndex, end: name.endIndex, text: "username" });
  }
  const path = keywords.get("path")?.childForFieldName("value");
  if (path && path.type !== "none") {
    const slash = leadingSlash(path);
    if (slash === undefined && path.type !== "string")
      return [
        ctx.diagnostic(
          t,
          call,
          `${message} (v2 adds the '/' before path=: drop the one it starts with by hand)`,
        ),
      ];
    if (slash !== undefined) edits.push({ start: slash, end: slash + 1, text: "" });
  }
  if (!inStr) {
    if (ctx.bindings("str", call))
      return [ctx.diagnostic(t, call, `${message} (str is shadowed here)`)];
    edits.push({ start: call.startIndex, end: call.startIndex, text: "str(" });
    edits.push({ start: call.endIndex, end: call.endIndex, text: ")" });
  }
  if (!edits.length) return [];
  return [
    ctx.diagnostic(
      t,
      call,
      message,
      fix("Build the URL as v1 did", BUILD_NOTE, call, { edits, imports: [] }),
    ),
  ];
}

/** Where the leading '/' of a path literal (plain or f-string) sits; undefined if it has none. */
function leadingSlash(path: Node): number | undefined {
  const first = path.namedChildren.find((c) => c?.type !== "string_start");
  if (first?.type !== "string_content" || !first.text.startsWith("/")) return undefined;
  return first.startIndex;
}
