// FF406: a route's response model carries a password, a hash, a secret or a token: FastAPI
// serialises every field of the response model, so the client (and every log and cache on the
// way) receives it.
import type { RuleContext } from "../src/knowledge/context.js";
import { genericParts } from "../src/knowledge/inference.js";
import type { Node } from "../src/engine/parser.js";
import { keywordArguments, listItems } from "../src/engine/syntax.js";
import type { Diagnostic } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";
import { literalString, type Route } from "../src/knowledge/routes.js";
import type { FieldSummary } from "../src/project/fields.js";
import { PYDANTIC_FIELD, SQLMODEL_FIELD, typingName } from "./data/pydantic-fields.js";

const MAX_DEPTH = 8;

/** Types whose values serialise masked (`'**********'`). */
const MASKED = new Set([
  "pydantic.SecretStr",
  "pydantic.SecretBytes",
  "pydantic.Secret",
  "pydantic.types.SecretStr",
  "pydantic.types.SecretBytes",
  "pydantic.types.Secret",
  "pydantic.v1.SecretStr",
  "pydantic.v1.SecretBytes",
]);

/** Types that cannot hold a secret: `has_password: bool`, `password_changed_at: datetime`. */
const PLAIN_VALUES = new Set([
  "builtins.bool",
  "builtins.int",
  "builtins.float",
  "datetime.datetime",
  "datetime.date",
  "datetime.time",
  "datetime.timedelta",
  "decimal.Decimal",
]);

/** First words that make a name a question about the secret, not the secret itself. */
const QUESTION_WORDS = new Set([
  "has",
  "is",
  "needs",
  "need",
  "requires",
  "require",
  "must",
  "can",
  "should",
  "uses",
  "use",
  "show",
  "allow",
  "allows",
]);

/** Tokens that are not credentials: pagination cursors, CSRF tokens meant for the client. */
const PUBLIC_TOKENS = new Set([
  "page",
  "next",
  "prev",
  "previous",
  "continuation",
  "cursor",
  "sync",
  "csrf",
  "xsrf",
]);

/** What a credential key is called with `_key` (`public_key`, `sort_key` are no secrets). */
const SECRET_KEYS = new Set([
  "api",
  "private",
  "secret",
  "signing",
  "encryption",
  "access",
  "master",
]);

type Kind = "password" | "hash" | "salt" | "secret" | "token" | "key";

/** Words of a field name: `hashedPassword`, `hashed_password` -> ["hashed", "password"]. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[_\W]+/)
    .filter(Boolean);
}

/** What a field name says it holds, when it says it holds a credential. */
function sensitiveKind(name: string): Kind | undefined {
  const w = words(name);
  if (!w.length || QUESTION_WORDS.has(w[0]!)) return undefined;
  const last = w[w.length - 1]!;
  const before = w[w.length - 2];
  if (["password", "passwd", "passphrase"].includes(last)) return "password";
  if (
    ["hash", "digest", "hashed"].includes(last) &&
    w.some((x) => /^(password|passwd|pass|pwd|pin|secret|token)$/.test(x))
  )
    return "hash";
  if (last === "salt") return "salt";
  if (last === "secret" || last === "secrets") return "secret";
  if (last === "codes" && (before === "recovery" || before === "backup")) return "secret";
  if (last === "token" || last === "tokens")
    return before && PUBLIC_TOKENS.has(before) ? undefined : "token";
  if (["apikey", "secretkey", "privatekey"].includes(last)) return "key";
  if ((last === "key" || last === "keys") && before && SECRET_KEYS.has(before)) return "key";
  return undefined;
}

/** Class name words of a model made to hand a credential out (`Token`, `TokenPair`, `ApiKeyCreated`). */
const ISSUING_WORDS: Readonly<Record<string, readonly Kind[]>> = {
  token: ["token"],
  tokens: ["token"],
  login: ["token"],
  auth: ["token"],
  key: ["key"],
  keys: ["key"],
  apikey: ["key"],
  secret: ["secret"],
  secrets: ["secret"],
  credential: ["secret", "key", "token"],
  credentials: ["secret", "key", "token"],
};

interface Field {
  name: string;
  statement: Node;
  annotation: Node;
  value?: Node;
}

export const sensitiveFieldInResponse: Rule = {
  name: "sensitive-field-in-response",
  code: "FF406",
  summary: "response models exposing password, hash, secret or token fields",
  rule: "Never return passwords, password hashes, secrets or tokens in API responses; use a separate output model",
  gives: ["detect"],
  severity: "error",
  docs: {
    why: "FastAPI serialises every field of the response model, so a model shared with the database or the request (`hashed_password`, `api_key`, `otp_secret`) sends the secret to every client, and into every proxy log and cache on the way. Fields are followed into nested models, lists of them and bases, in this module or another one of the project. Models made to hand a token out (`access_token` with `token_type`, a class named `Token...`), fields marked `Field(exclude=True)`, `SecretStr` fields (serialised masked), boolean or date fields (`has_password`, `password_changed_at`) and routes with `response_model=None` are left alone.",
    bad: 'class UserOut(BaseModel):\n    id: int\n    email: str\n    hashed_password: str\n\n\n@router.get("/users/{user_id}", response_model=UserOut)\nasync def read_user(user_id: int) -> UserOut:\n    return await users.get(user_id)\n',
    good: 'class UserOut(BaseModel):\n    id: int\n    email: str\n\n\n@router.get("/users/{user_id}", response_model=UserOut)\nasync def read_user(user_id: int) -> UserOut:\n    return await users.get(user_id)\n',
  },
  scope: "routes",
  // A response model is declared by `response_model=` or a return annotation; its fields may
  // live in any module, so the words of the secret need not appear here.
  prefilter: /\bresponse_model\b|\)\s*->/,
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const route of ctx.routes()) {
      if (route.kind === "websocket") continue;
      const found = exposedFields(ctx, route);
      if (!found?.paths.length) continue;
      const shown = found.paths.slice(0, 3).join(", ") + (found.paths.length > 3 ? ", ..." : "");
      const at = route.keywords.get("response_model") ?? route.decorator ?? route.call;
      out.push(
        ctx.diagnostic(
          this,
          at,
          `${label(route)} returns ${found.model.text}, which exposes ${shown}: leave ${found.paths.length === 1 ? "it" : "them"} out of the response model (a separate output model, Field(exclude=True) or SecretStr)`,
        ),
      );
    }
    return out;
  },
};

/** A model the walk reaches: a class of this module (its node), or one the index knows. */
type ModelRef = { node: Node } | { qualified: string };

/** What the walk needs of a field, whether read from a class body here or from the index. */
interface FieldView {
  name: string;
  nested: ModelRef[];
  /** The type cannot carry the secret (a flag, a count, a date) or serialises masked. */
  plain: boolean;
  excluded: boolean;
}

interface ModelView {
  /** Identity, against cycles: the node's id or the qualified name. */
  key: string;
  name: string;
  serializer: boolean;
  fields: FieldView[];
}

/** The response model of a route and the paths of the sensitive fields it serialises. */
function exposedFields(
  ctx: RuleContext,
  route: Route,
): { model: Node; paths: string[] } | undefined {
  const declared = route.keywords.get("response_model")?.childForFieldName("value");
  const model = declared ?? route.handler.childForFieldName("return_type") ?? undefined;
  if (!model || model.type === "none") return undefined;
  const only = fieldFilter(route, "response_model_include");
  const skip = fieldFilter(route, "response_model_exclude");
  if (only === null || skip === null) return undefined;
  const paths: string[] = [];
  for (const ref of modelsOf(ctx, model, 0)) {
    const view = viewOf(ctx, ref);
    if (!view) continue;
    walk(
      ctx,
      view,
      view.name,
      new Set([view.key]),
      0,
      paths,
      (field) => (!only || only.has(field)) && !skip?.has(field),
    );
  }
  return { model, paths: [...new Set(paths)] };
}

/**
 * The top-level field names of a literal `response_model_include` / `response_model_exclude`
 * (a set, or a dict whose keys count whatever their values say); undefined without one, null
 * when it is not a literal the rule can read.
 */
function fieldFilter(route: Route, key: string): Set<string> | undefined | null {
  const value = route.keywords.get(key)?.childForFieldName("value");
  if (!value) return undefined;
  if (value.type !== "set" && value.type !== "dictionary" && value.type !== "list") return null;
  const names = new Set<string>();
  for (const item of listItems(value)) {
    const k = item.type === "pair" ? item.childForFieldName("key") : item;
    const text = literalString(k);
    if (text === undefined) return null;
    names.add(text);
  }
  return names;
}

/** Follows the fields of a model (its own and those of its bases, here or in other modules). */
function walk(
  ctx: RuleContext,
  model: ModelView,
  path: string,
  seen: Set<string>,
  depth: number,
  out: string[],
  keep: (field: string) => boolean = () => true,
): void {
  if (depth > MAX_DEPTH || model.serializer) return;
  const issuing = issuedKinds(model);
  for (const field of model.fields) {
    if (!keep(field.name) || field.name.startsWith("_") || field.excluded) continue;
    if (field.nested.length) {
      for (const ref of field.nested) {
        const inner = viewOf(ctx, ref);
        if (!inner || seen.has(inner.key)) continue;
        walk(ctx, inner, `${path}.${field.name}`, new Set([...seen, inner.key]), depth + 1, out);
      }
      continue;
    }
    const kind = sensitiveKind(field.name);
    if (!kind || issuing.has(kind) || field.plain) continue;
    out.push(`${path}.${field.name}`);
  }
}

/**
 * The credentials a model exists to hand out: the token of `Token(access_token, token_type)` or
 * of a class named `...Token...`, the key of `ApiKeyCreated`. Passwords, hashes and salts never.
 */
function issuedKinds(model: ModelView): Set<Kind> {
  const out = new Set<Kind>();
  for (const w of words(model.name)) for (const k of ISSUING_WORDS[w] ?? []) out.add(k);
  if (model.fields.some((f) => f.name === "token_type" || f.name === "expires_in"))
    out.add("token");
  return out;
}

/** The view of a model: from its class body here, or from what the index keeps of it. */
function viewOf(ctx: RuleContext, ref: ModelRef): ModelView | undefined {
  if ("node" in ref) {
    const cls = ref.node;
    return {
      key: String(cls.id),
      name: cls.childForFieldName("name")!.text,
      serializer: hasModelSerializer(ctx, cls) || inheritedSerializer(ctx, cls),
      fields: fieldsOf(ctx, cls, new Set()),
    };
  }
  // A model of another module is the same for every route and file of the run: built once.
  let memo = INDEXED_VIEWS.get(ctx.index);
  if (!memo) INDEXED_VIEWS.set(ctx.index, (memo = new Map()));
  if (memo.has(ref.qualified)) return memo.get(ref.qualified) ?? undefined;
  const known = ctx.index.modelFields(ref.qualified);
  const view = known && {
    key: ref.qualified,
    name: ref.qualified.split(".").pop()!,
    serializer: known.modelSerializer,
    fields: known.fields.map((f) => indexedField(ctx, f)),
  };
  memo.set(ref.qualified, view ?? null);
  return view;
}

const INDEXED_VIEWS = new WeakMap<object, Map<string, ModelView | null>>();

/** Modules no class of the project lives in: their names are never models to look into. */
const OUTSIDE =
  /^(builtins|typing|typing_extensions|datetime|decimal|uuid|enum|collections|pathlib|ipaddress)\./;

/** A field the index keeps: its type's names decide what it nests and whether it is plain. */
function indexedField(ctx: RuleContext, f: FieldSummary): FieldView {
  const types = f.refs.filter((r) => !typingName(r) && r !== "builtins.None");
  const nested = types
    .filter((r) => mayBeModel(ctx, r) && ctx.index.classKind(r) === "model")
    .map((qualified) => ({ qualified }));
  return {
    name: f.name,
    nested,
    plain: !!types.length && types.every((t) => PLAIN_VALUES.has(t) || MASKED.has(t)),
    excluded:
      !!f.exclude ||
      !!f.serialized ||
      f.refs.some((r) => typingName(r) === "ClassVar") ||
      (f.calls ?? []).some((c) => NOT_SERIALISED.has(c)),
  };
}

/** Annotated fields of a class body, in order. */
function ownFields(cls: Node): Field[] {
  const out: Field[] = [];
  for (const statement of cls.childForFieldName("body")?.namedChildren ?? []) {
    const assign =
      statement?.type === "expression_statement" ? statement.namedChildren[0] : undefined;
    if (assign?.type !== "assignment") continue;
    const left = assign.childForFieldName("left");
    const annotation = assign.childForFieldName("type");
    if (left?.type !== "identifier" || !annotation) continue;
    out.push({
      name: left.text,
      statement: assign,
      annotation,
      value: assign.childForFieldName("right") ?? undefined,
    });
  }
  return out;
}

/** The bases of a class: its own class nodes here, qualified names for the others. */
function basesOf(ctx: RuleContext, cls: Node): ModelRef[] {
  const out: ModelRef[] = [];
  for (const base of cls.childForFieldName("superclasses")?.namedChildren ?? []) {
    if (!base || base.type === "keyword_argument" || base.type === "comment") continue;
    const head = base.type === "subscript" ? base.childForFieldName("value")! : base;
    const def = localClass(ctx, head);
    if (def) out.push({ node: def });
    else {
      const q =
        head.type === "identifier" || head.type === "attribute"
          ? ctx.qualifiedName(head)
          : undefined;
      if (q) out.push({ qualified: q });
    }
  }
  return out;
}

/** A base of another module whose own serializer decides the output. */
function inheritedSerializer(ctx: RuleContext, cls: Node, seen = new Set<number>()): boolean {
  if (seen.has(cls.id)) return false;
  seen.add(cls.id);
  return basesOf(ctx, cls).some((b) =>
    "node" in b
      ? hasModelSerializer(ctx, b.node) || inheritedSerializer(ctx, b.node, seen)
      : !!ctx.index.modelFields(b.qualified)?.modelSerializer,
  );
}

/** The fields of a model: its own, then those it inherits (bases here, then the index's). */
function fieldsOf(ctx: RuleContext, cls: Node, seen: Set<number>): FieldView[] {
  if (seen.has(cls.id)) return [];
  seen.add(cls.id);
  const out = new Map<string, FieldView>();
  for (const f of ownFields(cls))
    out.set(f.name, {
      name: f.name,
      nested: modelsOf(ctx, f.annotation, 0),
      plain: plainValue(ctx, f.annotation),
      excluded: excluded(ctx, f),
    });
  // Python's order: a name set by the class wins over its bases, the first base over the next.
  for (const base of basesOf(ctx, cls)) {
    const inherited =
      "node" in base
        ? fieldsOf(ctx, base.node, seen)
        : (ctx.index.modelFields(base.qualified)?.fields ?? []).map((f) => indexedField(ctx, f));
    for (const f of inherited) if (!out.has(f.name)) out.set(f.name, f);
  }
  return [...out.values()];
}

/** A class defined in this module, named by `node`. */
function localClass(ctx: RuleContext, node: Node): Node | undefined {
  if (node.type !== "identifier") return undefined;
  const found = ctx.bindings(node.text, node);
  return found?.length === 1 && found[0]!.kind === "class" ? found[0]!.statement : undefined;
}

/** The models a type names, through containers, unions and generic models. */
function modelsOf(ctx: RuleContext, expr: Node, depth: number): ModelRef[] {
  if (depth > MAX_DEPTH) return [];
  switch (expr.type) {
    case "type":
    case "parenthesized_expression": {
      const inner = expr.namedChildren.find((c) => c && c.type !== "comment");
      return inner ? modelsOf(ctx, inner, depth + 1) : [];
    }
    case "string": {
      // A forward reference: "UserOut".
      const content = expr.namedChildren.find((c) => c?.type === "string_content");
      if (!content || !/^[A-Za-z_]\w*$/.test(content.text)) return [];
      const found = ctx.scopes.module.bindings.get(content.text);
      const def =
        found?.length === 1 && found[0]!.kind === "class" ? found[0]!.statement : undefined;
      return def && ctx.classKind(def) === "model" ? [{ node: def }] : [];
    }
    case "identifier": {
      const found = ctx.bindings(expr.text, expr);
      if (found?.length !== 1) return [];
      const b = found[0]!;
      if (b.kind === "class")
        return ctx.classKind(b.statement) === "model" ? [{ node: b.statement }] : [];
      // A type alias: `UserList = list[UserOut]`.
      if (b.kind === "assignment" && b.statement.type === "assignment") {
        const right = b.statement.childForFieldName("right");
        if (b.statement.childForFieldName("left")?.equals(b.node) && right)
          return modelsOf(ctx, right, depth + 1);
      }
      if (b.kind === "import" || b.kind === "from-import") return indexedModel(ctx, expr);
      return [];
    }
    case "attribute":
      // `schemas.UserOut`: a model of another module.
      return indexedModel(ctx, expr);
    case "binary_operator":
      if (expr.childForFieldName("operator")?.text !== "|") return [];
      return [expr.childForFieldName("left")!, expr.childForFieldName("right")!].flatMap((p) =>
        modelsOf(ctx, p, depth + 1),
      );
    case "subscript":
    case "generic_type": {
      const [head, args] = genericParts(expr);
      if (!head) return [];
      const name = typingName(ctx.qualifiedName(head));
      if (name === "Literal" || name === "ClassVar" || name === "Type") return [];
      if (name === "Annotated") return args[0] ? modelsOf(ctx, args[0], depth + 1) : [];
      // list[X], Optional[X], dict[str, X], and generic models: Page[X] serialises X too.
      const own = modelsOf(ctx, head, depth + 1);
      return [...own, ...args.flatMap((a) => modelsOf(ctx, a, depth + 1))];
    }
    default:
      return [];
  }
}

/** A model of another module, which the index knows the fields of. */
function indexedModel(ctx: RuleContext, expr: Node): ModelRef[] {
  const q = ctx.qualifiedName(expr);
  return q && mayBeModel(ctx, q) && ctx.index.classKind(q) === "model" ? [{ qualified: q }] : [];
}

/**
 * Whether a name may stand for a model at all: not a builtin or typing name, and one the scan of
 * the project saw a model go by. Asking the index about any other name would parse modules for
 * nothing (an enum, a custom column type).
 */
function mayBeModel(ctx: RuleContext, qualified: string): boolean {
  return !OUTSIDE.test(qualified) && ctx.index.mentionsModel(qualified.split(".").pop()!);
}

/** Leaves the annotation's wrappers (`Optional[X]`, `Annotated[X, ...]`, `X | None`) behind. */
function core(ctx: RuleContext, expr: Node, depth = 0): Node[] {
  if (depth > MAX_DEPTH) return [expr];
  if (expr.type === "type" || expr.type === "parenthesized_expression") {
    const inner = expr.namedChildren.find((c) => c && c.type !== "comment");
    return inner ? core(ctx, inner, depth + 1) : [];
  }
  if (expr.type === "binary_operator" && expr.childForFieldName("operator")?.text === "|")
    return [expr.childForFieldName("left")!, expr.childForFieldName("right")!]
      .filter((p) => p.type !== "none")
      .flatMap((p) => core(ctx, p, depth + 1));
  if (expr.type === "subscript" || expr.type === "generic_type") {
    const [head, args] = genericParts(expr);
    const name = typingName(head ? ctx.qualifiedName(head) : undefined);
    if (name === "Annotated") return args[0] ? core(ctx, args[0], depth + 1) : [];
    if (name === "Optional" || name === "Union")
      return args.filter((a) => a.type !== "none").flatMap((a) => core(ctx, a, depth + 1));
  }
  return [expr];
}

/** A field whose type cannot carry the secret: a flag, a count, a date; or masked (SecretStr). */
function plainValue(ctx: RuleContext, annotation: Node): boolean {
  const types = core(ctx, annotation);
  return (
    !!types.length &&
    types.every((t) => {
      const q =
        t.type === "identifier" || t.type === "attribute" ? ctx.qualifiedName(t) : undefined;
      return !!q && (PLAIN_VALUES.has(q) || MASKED.has(q));
    })
  );
}

/** `Field(exclude=True)` as the default or in `Annotated[...]`, or a serializer of its own. */
function excluded(ctx: RuleContext, field: Field): boolean {
  const top = core(ctx, field.annotation)[0];
  if (
    top &&
    (top.type === "subscript" || top.type === "generic_type" || top.type === "identifier")
  ) {
    const head = top.type === "identifier" ? top : genericParts(top)[0];
    if (typingName(head ? ctx.qualifiedName(head) : undefined) === "ClassVar") return true;
  }
  const calls: Node[] = [];
  if (field.value?.type === "call") calls.push(field.value);
  const stack: Node[] = [field.annotation];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === "call") calls.push(n);
    else for (const c of n.namedChildren) if (c) stack.push(c);
  }
  for (const call of calls) {
    const q = ctx.qualifiedName(call.childForFieldName("function")!);
    if (!q) continue;
    // Private attributes and SQLModel relationships are not serialised.
    if (NOT_SERIALISED.has(q)) return true;
    if (!PYDANTIC_FIELD.has(q) && !SQLMODEL_FIELD.has(q)) continue;
    const exclude = keywordArguments(call.childForFieldName("arguments")!).get("exclude");
    if (exclude && exclude.childForFieldName("value")?.text !== "False") return true;
  }
  return serializedBy(ctx, field);
}

const NOT_SERIALISED = new Set([
  "pydantic.PrivateAttr",
  "pydantic.fields.PrivateAttr",
  "sqlmodel.Relationship",
  "sqlmodel.main.Relationship",
]);
const SERIALIZERS = new Set([
  "pydantic.field_serializer",
  "pydantic.functional_serializers.field_serializer",
]);
const MODEL_SERIALIZERS = new Set([
  "pydantic.model_serializer",
  "pydantic.functional_serializers.model_serializer",
]);

/** A `@field_serializer("name")` of the field's class decides what it serialises to. */
function serializedBy(ctx: RuleContext, field: Field): boolean {
  const body = field.statement.parent?.parent;
  for (const statement of body?.namedChildren ?? []) {
    if (statement?.type !== "decorated_definition") continue;
    for (const d of statement.namedChildren) {
      if (d?.type !== "decorator") continue;
      const call = d.namedChildren[0];
      if (call?.type !== "call") continue;
      if (!SERIALIZERS.has(ctx.qualifiedName(call.childForFieldName("function")!) ?? "")) continue;
      const args = listItems(call.childForFieldName("arguments")!);
      if (args.some((a) => literalString(a) === field.name || literalString(a) === "*"))
        return true;
    }
  }
  return false;
}

/** A `@model_serializer` decides the whole output: what it leaves out cannot be told. */
function hasModelSerializer(ctx: RuleContext, cls: Node): boolean {
  for (const statement of cls.childForFieldName("body")?.namedChildren ?? []) {
    if (statement?.type !== "decorated_definition") continue;
    for (const d of statement.namedChildren) {
      if (d?.type !== "decorator") continue;
      const expr = d.namedChildren[0];
      const callee = expr?.type === "call" ? expr.childForFieldName("function") : expr;
      if (callee && MODEL_SERIALIZERS.has(ctx.qualifiedName(callee) ?? "")) return true;
    }
  }
  return false;
}

/** `GET /users/{user_id}`, for messages. */
function label(route: Route): string {
  const methods = route.methods.length ? route.methods.join("/") : route.kind;
  return route.path === undefined ? `${methods} route` : `${methods} ${route.path || "/"}`;
}
