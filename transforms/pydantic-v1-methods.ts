// FF103: the Pydantic v1 method names are deprecated in v2 (`.dict()` -> `.model_dump()`, ...).
import type { RuleContext } from "../src/knowledge/context.js";
import {
  fromAnnotation,
  genericParts,
  inferClass,
  type InferredClass,
} from "../src/knowledge/inference.js";
import type { Node } from "../src/engine/parser.js";
import { listItems, ownNodes } from "../src/engine/syntax.js";
import { HTTP_EXCEPTIONS } from "../src/project/fastapi-names.js";
import { classBases } from "../src/project/summary.js";
import type { Diagnostic, Edit, Fix, ImportRequirement } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";

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
(call function: (attribute object: (identifier) @exc attribute: (identifier) @errors (#eq? @errors "errors")) arguments: (argument_list) @args) @errorsCall
`;

export const pydanticV1Methods: Rule = {
  name: "pydantic-v1-methods",
  code: "FF103",
  summary:
    "Pydantic v1 methods -> v2 names (.dict() -> .model_dump(), parse_obj -> model_validate, ...)",
  rule: "Apply model_dump(exclude_unset=True) for partial updates; use Pydantic v2",
  gives: ["safe", "unsafe", "detect"],
  docs: {
    why: "Pydantic v2 deprecates the v1 method names; they warn on every call and go in v3. Renaming needs to know the receiver is a model: response.json() of an HTTP client must stay.",
    bad: "def update(item: Item):\n    data = item.dict(exclude_unset=True)\n    return Item.parse_obj(data)\n",
    good: "def update(item: Item):\n    data = item.model_dump(exclude_unset=True)\n    return Item.model_validate(data)\n",
  },
  scope: "models",
  // Keywords only Pydantic's dict()/json() take (the unsafe fix for receivers of unknown type), and
  // a caught validation error's errors(), which need no model in the file.
  alsoWhen:
    /\b(exclude_unset|by_alias|exclude_none|exclude_defaults|skip_defaults)\s*=|\.errors\(\s*\)/,
  prefilter:
    /\.(dict|json|copy|parse_obj|parse_raw|parse_file|from_orm|construct|validate|schema|schema_json|update_forward_refs)\(|__fields(_set)?__|parse_(obj|raw)_as|\.errors\(\s*\)/,
  query: QUERY,
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const m of ctx.captures(QUERY)) {
      const get = m.get;
      if (m.pattern === 0) {
        const d = methodCall(ctx, this, get("obj")!, get("method")!, get("args")!);
        if (d) out.push(d);
      } else if (m.pattern === 1) {
        const d = dunderAttribute(ctx, this, get("attribute")!, get("obj")!, get("attr")!);
        if (d) out.push(d);
      } else if (m.pattern === 2) {
        const d = parseAs(ctx, this, get("parse")!, get("fn")!, get("args")!);
        if (d) out.push(d);
      } else {
        const d = errorsInResponse(ctx, this, get("errorsCall")!, get("exc")!, get("args")!);
        if (d) out.push(d);
      }
    }
    return out;
  },
};

/** The receiver's model class, if it is known to be a Pydantic model (class or instance). */
function modelReceiver(ctx: RuleContext, obj: Node): InferredClass | undefined {
  const cls = knownClass(ctx, obj);
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

/**
 * The project class whose own `name()` the call may run (mealie's Recipe defines from_orm()), so
 * that the v2 name would bypass it. A `super()` receiver runs its bases' methods only; any other
 * receiver may be an instance of a project subclass.
 */
function ownMethod(
  ctx: RuleContext,
  receiver: InferredClass,
  obj: Node,
  name: string,
): string | undefined {
  const viaSuper =
    obj.type === "call" &&
    ctx.qualifiedName(obj.childForFieldName("function")!) === "builtins.super";
  if (viaSuper) {
    const cls = ctx.enclosingClass(obj);
    for (const base of cls ? classBases(cls, ctx) : []) {
      const found = base ? ctx.index.definesMethod(base, name, false) : undefined;
      if (found) return found.split(".").pop();
    }
    return undefined;
  }
  for (const member of receiver.union ?? [receiver]) {
    const definition = member.definition;
    const q =
      member.qualified ??
      (definition?.parent?.type === "module"
        ? `${ctx.module.moduleName}.${definition.childForFieldName("name")!.text}`
        : undefined);
    const found = q ? ctx.index.definesMethod(q, name, true) : undefined;
    if (found) return found.split(".").pop();
  }
  return undefined;
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
  ctx: RuleContext,
  t: Rule,
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
    if (knownClass(ctx, obj)) return undefined;
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
  const own = ownMethod(ctx, receiver, obj, name);
  if (own)
    return ctx.diagnostic(
      t,
      method,
      `.${name}() may run ${own}'s own ${name}(), which v2's .${rename?.to ?? name}() would skip: rename the method and its callers by hand`,
    );
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
function hasOrmMode(ctx: RuleContext, cls: InferredClass): boolean {
  if (cls.definition) return !!ctx.configHas(cls.definition, ORM_KEYS);
  return !!(cls.qualified && ctx.index.hasConfig(cls.qualified, ORM_KEYS));
}

/** Receivers that are certainly not models: modules, functions, builtins, known library objects. */
function isKnownNonModel(ctx: RuleContext, obj: Node): boolean {
  const q = ctx.qualifiedName(obj);
  return !!q && !ctx.index.isClass(q);
}

function dunderAttribute(
  ctx: RuleContext,
  t: Rule,
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
  ctx: RuleContext,
  t: Rule,
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

// ---- errors() of a caught validation error, sent to the client ------------------------------

/** Exceptions whose errors() v1 gave JSON-ready and v2 does not (FastAPI's are Pydantic's own). */
const VALIDATION_ERRORS = new Set([
  "pydantic.ValidationError",
  "pydantic.error_wrappers.ValidationError",
  "pydantic_core.ValidationError",
  "fastapi.exceptions.RequestValidationError",
]);

/** Responses that serialise their content with a JSON encoder (no jsonable_encoder on the way). */
const JSON_RESPONSES = new Set([
  "fastapi.responses.JSONResponse",
  "starlette.responses.JSONResponse",
  "fastapi.responses.ORJSONResponse",
  "fastapi.responses.UJSONResponse",
]);

const ERRORS_NOTE =
  "v1's errors() was JSON-ready; v2's holds the input, a docs url and exception objects (a validator's ValueError) that the response cannot serialise, so they are sent as v1 sent them: without input and url, objects as their text. v2's types, messages and ctx keys still differ from v1's (less_than_equal / le for value_error.number.not_le / limit_value), and a validator's error has a ctx {\"error\": \"<message>\"} v1 did not give";

const SHARED_LIST_NOTE =
  "; the loop's list is the one sent, as v1's errors() returned the same list on every call and v2's builds a new one";

/**
 * `e.errors()` of an exception caught as a Pydantic (or FastAPI request) validation error, going
 * into `HTTPException(detail=...)`, a `JSONResponse(content=...)` (also inside a dict or list
 * written there) or a route's `return`: v2's errors carry the input, a url and exception objects,
 * and the response fails to serialise. They become what v1 gave, JSON-ready.
 */
function errorsInResponse(
  ctx: RuleContext,
  t: Rule,
  call: Node,
  exc: Node,
  args: Node,
): Diagnostic | undefined {
  if (listItems(args).length || args.namedChildren.some((c) => c?.type === "comment"))
    return undefined;
  if (!sentToClient(ctx, call)) return undefined;
  const clause = caughtValidationError(ctx, exc);
  if (!clause || ctx.isV2Module()) return undefined;
  const message =
    "errors() of a validation error in a response: Pydantic v2's errors hold the input, a url and exception objects the response cannot serialise";
  const encoder = ctx.ensureImport(call, "pydantic_core", "to_jsonable_python");
  if (!encoder.ok) return ctx.diagnostic(t, call, `${message} (${encoder.reason})`);
  const q = ctx.stylist.quote;
  const str = (s: string): string => `${q}${s}${q}`;
  const edits: Edit[] = [];
  let list = ctx.text(call);
  let note = ERRORS_NOTE;
  const loop = mutatingLoop(ctx, clause.block, call, exc.text);
  if (typeof loop === "string") {
    note += `; the loop above changes a list that v2 does not send (its errors() builds a new one on each call), and ${loop}: keep one list by hand`;
  } else if (loop) {
    // v1 returned one cached list: what the loop changed in it was sent. v2 builds a new list on
    // each call, so the loop's list is kept in a name and sent instead.
    if (loop.text)
      edits.push({
        start: loop.startIndex,
        end: loop.endIndex,
        text: `(${loop.name} := ${loop.text})`,
      });
    list = loop.name;
    note += SHARED_LIST_NOTE;
  }
  edits.push({
    start: call.startIndex,
    end: call.endIndex,
    text: `${encoder.expr}(${list}, exclude={${str("__all__")}: {${str("input")}, ${str("url")}}}, serialize_unknown=True)`,
  });
  return ctx.diagnostic(t, call, message, {
    title: "Send the errors as v1 did",
    safety: "safe",
    edits,
    imports: encoder.requirement ? [encoder.requirement] : [],
    notes: [{ start: call.startIndex, end: call.endIndex, message: note }],
  });
}

/** True when the value of `call` is sent to the client as JSON by FastAPI or Starlette. */
function sentToClient(ctx: RuleContext, call: Node): boolean {
  let node = call;
  for (;;) {
    const parent = node.parent;
    if (!parent) return false;
    if (parent.type === "pair" && parent.childForFieldName("value")?.equals(node)) {
      node = parent.parent!;
    } else if (parent.type === "list" || parent.type === "parenthesized_expression") {
      node = parent;
    } else {
      break;
    }
  }
  const parent = node.parent!;
  if (parent.type === "return_statement") {
    const fn = ctx.enclosingFunction(node);
    return !!fn && ctx.routes().some((r) => r.handler.equals(fn.node));
  }
  let argument = node;
  let keyword: string | undefined;
  if (parent.type === "keyword_argument") {
    if (!parent.childForFieldName("value")?.equals(node)) return false;
    keyword = parent.childForFieldName("name")!.text;
    argument = parent;
  }
  const list = argument.parent;
  if (list?.type !== "argument_list") return false;
  const q = ctx.qualifiedName(list.parent!.childForFieldName("function")!);
  if (!q) return false;
  const position = keyword
    ? undefined
    : listItems(list)
        .filter((a) => a.type !== "keyword_argument")
        .findIndex((a) => a.equals(argument));
  if (HTTP_EXCEPTIONS.has(q)) return keyword === "detail" || position === 1;
  if (JSON_RESPONSES.has(q)) return keyword === "content" || position === 0;
  return false;
}

/**
 * The `except` clause that binds `exc` where it is used, when it catches only Pydantic or FastAPI
 * validation errors and nothing else rebinds the name inside it.
 */
function caughtValidationError(ctx: RuleContext, exc: Node): { block: Node } | undefined {
  let clause: Node | null = exc.parent;
  while (clause && clause.type !== "except_clause") {
    if (clause.type === "function_definition" || clause.type === "lambda") return undefined;
    if (clause.type === "class_definition") return undefined;
    clause = clause.parent;
  }
  if (!clause) return undefined;
  const pattern = clause.childForFieldName("value");
  if (pattern?.type !== "as_pattern") return undefined;
  const alias = pattern.childForFieldName("alias")?.namedChildren[0];
  if (alias?.type !== "identifier" || alias.text !== exc.text) return undefined;
  const block = clause.namedChildren.find((c) => c?.type === "block");
  if (!block) return undefined;
  const found = ctx.bindings(exc.text, exc) ?? [];
  const own = found.filter((b) => b.node.equals(alias));
  if (own.length !== 1) return undefined;
  for (const b of found) {
    if (b.kind !== "except") return undefined;
    // Another handler inside this one would rebind the name (and unbind it after).
    if (b !== own[0] && b.node.startIndex >= block.startIndex && b.node.endIndex <= block.endIndex)
      return undefined;
  }
  let types = pattern.namedChildren[0]!;
  while (types.type === "parenthesized_expression") types = types.namedChildren[0]!;
  const classes = types.type === "tuple" ? listItems(types) : [types];
  const known = classes.every((c) => VALIDATION_ERRORS.has(ctx.qualifiedName(c) ?? ""));
  return known && classes.length ? { block } : undefined;
}

/**
 * A `for x in e.errors():` loop of the handler that runs before `call` whenever it runs: what it
 * changes in the items, v1 sent (one cached list). Its iterable and a free name for the list, or
 * why the list cannot be given one.
 */
function mutatingLoop(
  ctx: RuleContext,
  block: Node,
  call: Node,
  exc: string,
): { startIndex: number; endIndex: number; text: string; name: string } | string | undefined {
  const loops = ownNodes(block, (n) => n.type === "for_statement").filter((loop) => {
    const container = loop.parent;
    return (
      !!loopList(loop, exc) &&
      loop.endIndex <= call.startIndex &&
      !!container &&
      container.startIndex <= call.startIndex &&
      container.endIndex >= call.endIndex
    );
  });
  const loop = loops[loops.length - 1];
  if (!loop) return undefined;
  const list = loopList(loop, exc)!;
  // A loop an earlier pass already gave its name.
  if (list.name) return { startIndex: 0, endIndex: 0, text: "", name: list.name };
  if (ctx.declares("python", "3.8") === "no") return "the project's Python has no `:=`";
  const name = ["errors", "validation_errors"].find((n) => !ctx.bindings(n, call));
  if (!name) return "no free name for the list";
  const iterable = list.call;
  return {
    startIndex: iterable.startIndex,
    endIndex: iterable.endIndex,
    text: ctx.text(iterable),
    name,
  };
}

/** The `exc.errors()` call a `for` loop iterates over, and the name `(name := ...)` gives it. */
function loopList(loop: Node, exc: string): { call: Node; name?: string } | undefined {
  let iterable = loop.childForFieldName("right");
  let name: string | undefined;
  if (iterable?.type === "parenthesized_expression") {
    const inner = iterable.namedChildren[0];
    if (inner?.type !== "named_expression") return undefined;
    name = inner.childForFieldName("name")?.text;
    iterable = inner.childForFieldName("value");
  }
  if (
    iterable?.type !== "call" ||
    iterable.childForFieldName("function")?.text !== `${exc}.errors` ||
    listItems(iterable.childForFieldName("arguments")!).length
  )
    return undefined;
  return { call: iterable, name };
}

// ---- receivers typed through generics: `type[T]`, TypeVars, attributes of `self` -------------

const TYPE_OF = new Set(["builtins.type", "typing.Type", "typing_extensions.Type"]);
const TYPE_VAR = new Set(["typing.TypeVar", "typing_extensions.TypeVar"]);
const OPTIONAL = new Set(["typing.Optional", "typing_extensions.Optional"]);
const MAX_DEPTH = 20;

/**
 * What `node` is, from the engine's inference or, beyond it, from annotations that go through
 * generics: `cls: type[T]` with `T = TypeVar("T", bound=Model)` is the class Model (or one of its
 * subclasses, which share its methods), `self.schema` is whatever every assignment of
 * `self.schema` in the class (and its bases of this module) makes it.
 */
function knownClass(ctx: RuleContext, node: Node, depth = 0): InferredClass | undefined {
  return inferClass(ctx, node) ?? typedReceiver(ctx, node, depth);
}

/** Class methods that build an instance, and instance methods that copy one (v1 and v2 names). */
const BUILDS = new Set([
  ...["parse_obj", "parse_raw", "parse_file", "from_orm", "construct", "validate"],
  ...["model_validate", "model_validate_json", "model_validate_strings", "model_construct"],
]);
const COPIES = new Set(["copy", "model_copy"]);

function typedReceiver(ctx: RuleContext, node: Node, depth: number): InferredClass | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (node.type === "parenthesized_expression" || node.type === "await") {
    const inner = node.namedChildren.find((c) => c && c.type !== "comment");
    return inner ? knownClass(ctx, inner, depth + 1) : undefined;
  }
  if (node.type === "call") {
    // `self.schema.from_orm(row)`, `self.schema(**data)`, `item.copy()` on such receivers.
    const fn = node.childForFieldName("function")!;
    if (fn.type !== "attribute") return undefined;
    const method = fn.childForFieldName("attribute")!.text;
    const receiver = knownClass(ctx, fn.childForFieldName("object")!, depth + 1);
    if (receiver && !receiver.instance && BUILDS.has(method))
      return { ...receiver, instance: true };
    if (receiver?.instance && COPIES.has(method)) return receiver;
    const called = typedReceiver(ctx, fn, depth + 1);
    return called && !called.instance ? { ...called, instance: true } : undefined;
  }
  if (node.type === "identifier") {
    const found = ctx.bindings(node.text, node);
    if (!found?.length) return undefined;
    return agreed(
      found.map((b) => ctx.annotationNode(b)).map((t) => t && annotated(ctx, t, depth + 1)),
    );
  }
  if (node.type !== "attribute") return undefined;
  const owner = inferClass(ctx, node.childForFieldName("object")!);
  if (!owner?.instance || !owner.definition || owner.union) return undefined;
  const name = node.childForFieldName("attribute")!.text;
  return attributeClass(ctx, owner.definition, name, depth + 1, new Set());
}

/** The one class every answer names (none may be unknown), or undefined. */
function agreed(answers: Array<InferredClass | undefined>): InferredClass | undefined {
  const first = answers[0];
  if (!first) return undefined;
  const key = (c: InferredClass): string =>
    `${c.instance}:${c.definition?.id ?? ""}:${c.qualified ?? ""}:${c.union?.length ?? 0}`;
  return answers.every((a) => !!a && key(a) === key(first)) ? first : undefined;
}

/**
 * The class an annotation names, as an instance (`X`, `T`) or the class itself (`type[X]`,
 * `Type[T]`); a TypeVar stands for its bound; `Optional[...]` and `... | None` are looked through.
 */
function annotated(ctx: RuleContext, type: Node, depth: number): InferredClass | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expr = type.type === "type" ? type.namedChildren[0] : type;
  if (!expr) return undefined;
  if (expr.type === "binary_operator" && expr.children.some((c) => c?.type === "|")) {
    const parts = [expr.childForFieldName("left"), expr.childForFieldName("right")].filter(
      (p): p is Node => !!p && p.text !== "None",
    );
    return parts.length === 1 ? annotated(ctx, parts[0]!, depth + 1) : fromAnnotation(ctx, expr);
  }
  if (expr.type === "generic_type" || expr.type === "subscript") {
    const [head, args] = genericParts(expr);
    const q = head ? ctx.qualifiedName(head) : undefined;
    if (q && TYPE_OF.has(q) && args.length === 1) {
      const inner = annotated(ctx, args[0]!, depth + 1);
      return inner?.instance && !inner.union ? { ...inner, instance: false } : undefined;
    }
    if (q && OPTIONAL.has(q) && args.length === 1) return annotated(ctx, args[0]!, depth + 1);
    return fromAnnotation(ctx, expr);
  }
  if (expr.type === "identifier") {
    const bound = typeVarBound(ctx, expr);
    if (bound) return annotated(ctx, bound, depth + 1);
  }
  return fromAnnotation(ctx, expr);
}

/** The bound of a TypeVar (`T = TypeVar("T", bound=Model)`) that `name` stands for. */
function typeVarBound(ctx: RuleContext, name: Node): Node | undefined {
  const found = ctx.bindings(name.text, name);
  if (found?.length !== 1 || found[0]!.kind !== "assignment") return undefined;
  const statement = found[0]!.statement;
  if (
    statement.type !== "assignment" ||
    !statement.childForFieldName("left")?.equals(found[0]!.node)
  )
    return undefined;
  const call = statement.childForFieldName("right");
  if (call?.type !== "call") return undefined;
  const fn = ctx.qualifiedName(call.childForFieldName("function")!);
  if (!fn || !TYPE_VAR.has(fn)) return undefined;
  const args = listItems(call.childForFieldName("arguments")!);
  // Constrained TypeVars (`TypeVar("T", A, B)`) and splats are not followed.
  if (args.some((a) => a.type !== "keyword_argument" && a.type !== "string")) return undefined;
  const bound = args.find(
    (a) => a.type === "keyword_argument" && a.childForFieldName("name")!.text === "bound",
  );
  return bound?.childForFieldName("value") ?? undefined;
}

/**
 * The class of `self.<name>` in instances of `cls`: its annotation in the class body, or what
 * every `self.<name> = ...` of the class's methods assigns (an annotated parameter, a class);
 * when the class says nothing of it, its bases of this module.
 */
function attributeClass(
  ctx: RuleContext,
  cls: Node,
  name: string,
  depth: number,
  seen: Set<number>,
): InferredClass | undefined {
  if (depth > MAX_DEPTH || seen.has(cls.id)) return undefined;
  seen.add(cls.id);
  const answers: Array<InferredClass | undefined> = [];
  const body = cls.childForFieldName("body");
  for (const statement of body ? listItems(body) : []) {
    const assign = statement.type === "expression_statement" ? statement.namedChildren[0] : null;
    if (assign?.type === "assignment" && assign.childForFieldName("left")?.text === name) {
      const type = assign.childForFieldName("type");
      answers.push(type ? annotated(ctx, type, depth + 1) : undefined);
    }
    const fn =
      statement.type === "decorated_definition"
        ? statement.childForFieldName("definition")
        : statement;
    if (fn?.type !== "function_definition") continue;
    if (fn.childForFieldName("name")?.text === name) return undefined; // a method or property
    const self = listItems(fn.childForFieldName("parameters")!)[0];
    if (self?.type !== "identifier") continue;
    const writes = ownNodes(
      fn.childForFieldName("body")!,
      (n) =>
        (n.type === "assignment" || n.type === "augmented_assignment") &&
        isSelfAttribute(n.childForFieldName("left"), self.text, name),
    );
    for (const write of writes) answers.push(assignedClass(ctx, write, depth + 1));
  }
  if (answers.length) return agreed(answers);
  const bases = cls.childForFieldName("superclasses");
  for (const base of bases ? listItems(bases) : []) {
    if (base.type === "keyword_argument") continue;
    const head = base.type === "subscript" ? base.childForFieldName("value")! : base;
    const found = head.type === "identifier" ? ctx.bindings(head.text, head) : undefined;
    if (found?.length !== 1 || found[0]!.kind !== "class") continue;
    const inherited = attributeClass(ctx, found[0]!.statement, name, depth + 1, seen);
    if (inherited) return inherited;
  }
  return undefined;
}

function isSelfAttribute(node: Node | null, self: string, name: string): boolean {
  return (
    node?.type === "attribute" &&
    node.childForFieldName("object")?.type === "identifier" &&
    node.childForFieldName("object")!.text === self &&
    node.childForFieldName("attribute")!.text === name
  );
}

/** The class an assignment to `self.<name>` gives it. */
function assignedClass(ctx: RuleContext, write: Node, depth: number): InferredClass | undefined {
  if (write.type !== "assignment") return undefined;
  const type = write.childForFieldName("type");
  if (type) return annotated(ctx, type, depth);
  const right = write.childForFieldName("right");
  return right ? knownClass(ctx, right, depth) : undefined;
}
