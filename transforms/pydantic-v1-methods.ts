// FF103: the Pydantic v1 method names are deprecated in v2 (`.dict()` -> `.model_dump()`, ...).
import type { ModuleContext } from "../src/engine/context.js";
import { inferClass, type InferredClass } from "../src/engine/inference.js";
import type { Node } from "../src/engine/parser.js";
import type { Diagnostic, Edit, Fix, ImportRequirement, Transform } from "../src/engine/types.js";

interface Rename {
  to: string;
  /** Whether the v1 method is called on an instance or on the class. */
  on: "instance" | "class" | "either";
  /** Keyword arguments the v2 method accepts; others stop the fix. */
  keywords?: readonly string[];
  /** Positional arguments the v2 method accepts at most. */
  positional?: number;
}

const DUMP_KEYWORDS = [
  "include",
  "exclude",
  "by_alias",
  "exclude_unset",
  "exclude_defaults",
  "exclude_none",
  "skip_defaults",
];

/** v1 spellings that v1 itself had deprecated, renamed on the way. */
const KEYWORD_RENAMES: Readonly<Record<string, string>> = { skip_defaults: "exclude_unset" };

const METHODS: Readonly<Record<string, Rename>> = {
  dict: { to: "model_dump", on: "instance", keywords: DUMP_KEYWORDS, positional: 0 },
  json: {
    to: "model_dump_json",
    on: "instance",
    keywords: [...DUMP_KEYWORDS, "indent"],
    positional: 0,
  },
  copy: { to: "model_copy", on: "instance", keywords: ["update", "deep"], positional: 0 },
  parse_obj: { to: "model_validate", on: "class", keywords: [], positional: 1 },
  parse_raw: { to: "model_validate_json", on: "class", keywords: [], positional: 1 },
  from_orm: { to: "model_validate", on: "class", keywords: [], positional: 1 },
  construct: { to: "model_construct", on: "class" },
  validate: { to: "model_validate", on: "class", keywords: [], positional: 1 },
  schema: {
    to: "model_json_schema",
    on: "class",
    keywords: ["by_alias", "ref_template"],
    positional: 2,
  },
  update_forward_refs: { to: "model_rebuild", on: "class", keywords: [], positional: 0 },
};

/** Methods with no one-to-one v2 form: reported with what to use instead. */
const NO_EQUIVALENT: Readonly<Record<string, string>> = {
  parse_file: "read the file and call model_validate_json()",
  schema_json: "use json.dumps(Model.model_json_schema())",
};

/** Keywords only Pydantic's dict()/json() take: an unknown receiver passing them is likely a model. */
const PYDANTIC_ONLY = new Set([
  "exclude_unset",
  "by_alias",
  "exclude_none",
  "exclude_defaults",
  "skip_defaults",
]);

const PARSE_AS: Readonly<Record<string, string>> = {
  "pydantic.parse_obj_as": "validate_python",
  "pydantic.tools.parse_obj_as": "validate_python",
  "pydantic.parse_raw_as": "validate_json",
  "pydantic.tools.parse_raw_as": "validate_json",
};

const ORM_KEYS = ["orm_mode", "from_attributes"];

const QUERY = `
(call function: (attribute object: (_) @obj attribute: (identifier) @method) arguments: (argument_list) @args
  (#any-of? @method ${[...Object.keys(METHODS), ...Object.keys(NO_EQUIVALENT)].map((m) => `"${m}"`).join(" ")})) @call
(attribute object: (_) @obj attribute: (identifier) @attr (#any-of? @attr "__fields__" "__fields_set__")) @attribute
(call function: [(identifier) (attribute)] @fn arguments: (argument_list) @args (#match? @fn "parse_(obj|raw)_as$")) @parse
`;

export const pydanticV1Methods: Transform = {
  name: "pydantic-v1-methods",
  code: "FF103",
  summary:
    "Pydantic v1 methods -> v2 names (.dict() -> .model_dump(), parse_obj -> model_validate, ...)",
  rule: "Apply model_dump(exclude_unset=True) for partial updates; use Pydantic v2",
  safety: "safe",
  levels: ["safe", "unsafe", "detect"],
  docs: {
    why: "Pydantic v2 deprecates the v1 method names; they warn on every call and go in v3. Renaming needs to know the receiver is a model: response.json() of an HTTP client must stay.",
    bad: "def update(item: Item):\n    data = item.dict(exclude_unset=True)\n    return Item.parse_obj(data)\n",
    good: "def update(item: Item):\n    data = item.model_dump(exclude_unset=True)\n    return Item.model_validate(data)\n",
  },
  scope: "models",
  // Keywords only Pydantic's dict()/json() take: the unsafe fix for receivers of unknown type.
  alsoWhen: /\b(exclude_unset|by_alias|exclude_none|exclude_defaults|skip_defaults)\s*=/,
  prefilter:
    /\.(dict|json|copy|parse_obj|parse_raw|parse_file|from_orm|construct|validate|schema|schema_json|update_forward_refs)\(|__fields(_set)?__|parse_(obj|raw)_as/,
  query: QUERY,
  check(ctx: ModuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const m of ctx.matches(this.query)) {
      const get = (name: string): Node | undefined => m.captures.find((c) => c.name === name)?.node;
      if (m.patternIndex === 0) {
        const d = methodCall(ctx, this, get("obj")!, get("method")!, get("args")!);
        if (d) out.push(d);
      } else if (m.patternIndex === 1) {
        const d = dunderAttribute(ctx, this, get("attribute")!, get("obj")!, get("attr")!);
        if (d) out.push(d);
      } else {
        const d = parseAs(ctx, this, get("parse")!, get("fn")!, get("args")!);
        if (d) out.push(d);
      }
    }
    return out;
  },
};

/** The receiver's model class, if it is known to be a Pydantic model (class or instance). */
function modelReceiver(ctx: ModuleContext, obj: Node): InferredClass | undefined {
  const cls = inferClass(ctx, obj);
  if (!cls) return undefined;
  const isModel = (c: InferredClass): boolean =>
    !!(c.definition
      ? ctx.classKind(c.definition)
      : c.qualified
        ? ctx.kindOfClassName(c.qualified)
        : undefined);
  // A union annotation (`A | B`) counts when every member is a model.
  return (cls.union ?? [cls]).every(isModel) ? cls : undefined;
}

function argumentsOf(args: Node): {
  positional: Node[];
  keywords: Map<string, Node>;
  splat: boolean;
} {
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  let splat = false;
  for (const a of args.namedChildren) {
    if (!a || a.type === "comment") continue;
    if (a.type === "keyword_argument") keywords.set(a.childForFieldName("name")!.text, a);
    else if (a.type === "list_splat" || a.type === "dictionary_splat") splat = true;
    else positional.push(a);
  }
  return { positional, keywords, splat };
}

function methodCall(
  ctx: ModuleContext,
  t: Transform,
  obj: Node,
  method: Node,
  args: Node,
): Diagnostic | undefined {
  const name = method.text;
  const rename = METHODS[name];
  const missing = NO_EQUIVALENT[name];
  if (!rename && !missing) return undefined;
  const receiver = modelReceiver(ctx, obj);
  const { positional, keywords, splat } = argumentsOf(args);
  if (!receiver) {
    // A receiver of a known class that is not a model keeps its own methods.
    if (inferClass(ctx, obj)) return undefined;
    // An unknown receiver: only dict()/json() with keywords that only Pydantic takes.
    if (
      (name !== "dict" && name !== "json") ||
      ![...keywords.keys()].some((k) => PYDANTIC_ONLY.has(k))
    )
      return undefined;
    if (
      ![...keywords.keys()].every((k) => rename!.keywords!.includes(k)) ||
      positional.length ||
      isKnownNonModel(ctx, obj)
    ) {
      return undefined;
    }
    return ctx.diagnostic(
      t,
      method,
      `.${name}() is deprecated in Pydantic v2; use .${rename!.to}() (the receiver's type is not known)`,
      {
        title: `Rename .${name}() to .${rename!.to}()`,
        safety: "unsafe",
        edits: [{ start: method.startIndex, end: method.endIndex, text: rename!.to }],
      },
    );
  }
  if (missing)
    return ctx.diagnostic(t, method, `.${name}() was removed in Pydantic v2: ${missing}`);
  if (rename!.on === "instance" && !receiver.instance) return undefined; // e.g. Model.copy is not the v1 method
  const message = `.${name}() is deprecated in Pydantic v2; use .${rename!.to}()`;
  const unsupported = rename!.keywords
    ? [...keywords.keys()].filter((k) => !rename!.keywords!.includes(k))
    : [];
  if (unsupported.length) {
    return ctx.diagnostic(
      t,
      method,
      `${message}; ${unsupported.map((k) => `\`${k}\``).join(", ")} has no v2 equivalent: migrate by hand`,
    );
  }
  if (rename!.positional !== undefined && positional.length > rename!.positional) {
    return ctx.diagnostic(
      t,
      method,
      `${message}; the positional arguments do not carry over: migrate by hand`,
    );
  }
  if (name === "update_forward_refs" && (keywords.size || splat)) {
    return ctx.diagnostic(t, method, `${message}; pass the namespace as _types_namespace by hand`);
  }
  const edits: Edit[] = [{ start: method.startIndex, end: method.endIndex, text: rename!.to }];
  for (const [key, arg] of keywords) {
    const renamed = KEYWORD_RENAMES[key];
    if (!renamed) continue;
    if (keywords.has(renamed)) {
      return ctx.diagnostic(
        t,
        method,
        `${message}; both ${key} and ${renamed} are passed: migrate by hand`,
      );
    }
    const keyNode = arg.childForFieldName("name")!;
    edits.push({ start: keyNode.startIndex, end: keyNode.endIndex, text: renamed });
  }
  if (name === "from_orm" && !splat && !hasOrmMode(ctx, receiver)) {
    // Without from_attributes in the model's config, v2 would not read attributes: say so in the call.
    edits.push({
      start: positional[0]!.endIndex,
      end: positional[0]!.endIndex,
      text: ", from_attributes=True",
    });
  }
  return ctx.diagnostic(t, method, message, {
    title: `Rename .${name}() to .${rename!.to}()`,
    safety: "safe",
    edits,
  });
}

/** True when the model's configuration (or a base's) sets orm_mode / from_attributes. */
function hasOrmMode(ctx: ModuleContext, cls: InferredClass): boolean {
  if (cls.definition) return !!ctx.configHas(cls.definition, ORM_KEYS);
  return !!(cls.qualified && ctx.index.hasConfig(cls.qualified, ORM_KEYS));
}

/** Receivers that are certainly not models: modules, functions, builtins, known library objects. */
function isKnownNonModel(ctx: ModuleContext, obj: Node): boolean {
  const q = ctx.qualifiedName(obj);
  return !!q && !ctx.index.isClass(q);
}

function dunderAttribute(
  ctx: ModuleContext,
  t: Transform,
  attribute: Node,
  obj: Node,
  attr: Node,
): Diagnostic | undefined {
  const receiver = modelReceiver(ctx, obj);
  if (!receiver) return undefined;
  if (attr.text === "__fields_set__") {
    if (!receiver.instance) return undefined;
    return ctx.diagnostic(
      t,
      attr,
      "__fields_set__ is deprecated in Pydantic v2; use model_fields_set",
      {
        title: "Rename __fields_set__ to model_fields_set",
        safety: "safe",
        edits: [{ start: attr.startIndex, end: attr.endIndex, text: "model_fields_set" }],
      },
    );
  }
  const message = "__fields__ is deprecated in Pydantic v2; use model_fields";
  if (!receiver.instance) {
    return ctx.diagnostic(t, attr, message, {
      title: "Rename __fields__ to model_fields",
      safety: "safe",
      edits: [{ start: attr.startIndex, end: attr.endIndex, text: "model_fields" }],
    });
  }
  // Pydantic 2.11 deprecates model_fields on instances: read it from the class.
  if (ctx.bindings("type", attribute))
    return ctx.diagnostic(t, attr, `${message} on the class (\`type\` is shadowed here)`);
  return ctx.diagnostic(t, attr, message, {
    title: "Use type(x).model_fields",
    safety: "safe",
    edits: [
      { start: obj.startIndex, end: obj.startIndex, text: "type(" },
      { start: obj.endIndex, end: attr.endIndex, text: ").model_fields" },
    ],
  });
}

function parseAs(
  ctx: ModuleContext,
  t: Transform,
  call: Node,
  fn: Node,
  args: Node,
): Diagnostic | undefined {
  const q = ctx.qualifiedName(fn);
  const method = q ? PARSE_AS[q] : undefined;
  if (!method) return undefined;
  const v1 = q!.split(".").pop()!;
  const message = `${v1}() is deprecated in Pydantic v2; use TypeAdapter(T).${method}()`;
  const { positional, keywords, splat } = argumentsOf(args);
  if (positional.length !== 2 || keywords.size || splat) {
    return ctx.diagnostic(t, call, `${message}; these arguments need migrating by hand`);
  }
  const adapter = ctx.ensureImport(call, "pydantic", "TypeAdapter");
  if (!adapter.ok) return ctx.diagnostic(t, call, `${message} (${adapter.reason})`);
  const [type, value] = positional as [Node, Node];
  const edits: Edit[] = [
    { start: fn.startIndex, end: type.startIndex, text: `${adapter.expr}(` },
    { start: type.endIndex, end: value.startIndex, text: `).${method}(` },
  ];
  let root = fn;
  while (root.type === "attribute") root = root.childForFieldName("object")!;
  const rootQualified = ctx.qualifiedName(root);
  const fix: Fix = {
    title: `Use ${adapter.expr}(T).${method}()`,
    safety: "safe",
    edits,
    imports: adapter.requirement ? [adapter.requirement as ImportRequirement] : [],
    removeIfUnused: rootQualified ? [{ local: root.text, qualified: rootQualified }] : [],
  };
  return ctx.diagnostic(t, call, message, fix);
}
