// What the index pass keeps of one module: its classes with their resolved bases, the names it
// re-exports, and the FastAPI apps and routers it defines.
import { qualifiedName, unsubscripted } from "../engine/names.js";
import { query, type Node } from "../engine/parser.js";
import { literalString } from "../engine/syntax.js";
import type { Scope, ScopeTree } from "../engine/scope.js";
import { APP_CLASSES, DEPENDS } from "./fastapi-names.js";
import { classFields, type FieldSummary } from "./fields.js";

export { APP_CLASSES } from "./fastapi-names.js";

export interface ClassSummary {
  qualified: string;
  /** Qualified names of the bases; "" for a base that cannot be resolved. */
  bases: string[];
  /** Configuration keys the class body sets to something other than False (v1 or v2 spelling). */
  config: string[];
  /** True when the class body assigns `model_config`: code written for Pydantic v2. */
  v2?: boolean;
  /** Pydantic v1 method names the class defines itself (`def from_orm(cls, obj)`). */
  overrides?: string[];
  /** The class is a SQLAlchemy declarative base itself (`@as_declarative()`). */
  declarative?: true;
  /** The class body sets `type_annotation_map` (SQLAlchemy: annotations map to other types). */
  typeMap?: true;
  /** Which of `created_at` / `updated_at` the class body defines. */
  timestamps?: string[];
  /** The annotated fields the class body declares (for rules that look into models elsewhere). */
  fields?: FieldSummary[];
  /** A `@model_serializer` decides what the class serialises to. */
  modelSerializer?: true;
}

const TIMESTAMPS = new Set(["created_at", "updated_at"]);

/** Which of the timestamp attributes a class body defines (assigned, annotated or a method). */
export function timestampsDefined(classNode: Node): string[] | undefined {
  const out = new Set<string>();
  for (const statement of classNode.childForFieldName("body")?.namedChildren ?? []) {
    const def =
      statement?.type === "decorated_definition"
        ? statement.childForFieldName("definition")
        : statement;
    let name: string | undefined;
    if (def?.type === "function_definition") name = def.childForFieldName("name")?.text;
    else if (def?.type === "expression_statement") {
      const assign = def.namedChildren[0];
      if (assign?.type === "assignment") name = assign.childForFieldName("left")?.text;
    }
    if (name && TIMESTAMPS.has(name)) out.add(name);
  }
  return out.size ? [...out].sort() : undefined;
}

/** The v1 model methods v2 renamed: a class that defines one keeps callers of that name. */
export const V1_MODEL_METHODS: ReadonlySet<string> = new Set([
  "dict",
  "json",
  "copy",
  "parse_obj",
  "parse_raw",
  "parse_file",
  "from_orm",
  "construct",
  "schema",
  "schema_json",
  "update_forward_refs",
  "validate",
]);

/** Which of the v1 model methods a class body defines. */
function v1MethodsDefined(classNode: Node): string[] | undefined {
  const out: string[] = [];
  for (const statement of classNode.childForFieldName("body")?.namedChildren ?? []) {
    const def =
      statement?.type === "decorated_definition"
        ? statement.childForFieldName("definition")
        : statement;
    const name = def?.type === "function_definition" ? def.childForFieldName("name")?.text : "";
    if (name && V1_MODEL_METHODS.has(name)) out.push(name);
  }
  return out.length ? out : undefined;
}

export interface ModuleSummary {
  module: string;
  classes: ClassSummary[];
  /** `<module>.<local>` -> what a module-level import binds it to (for re-exports). */
  aliases: Array<[string, string]>;
  /** Qualified names of module-level `FastAPI()` / `APIRouter()` objects. */
  routers: string[];
  /** Routers built here with a literal `prefix=` (or none: ""), for checks in other modules. */
  prefixes?: Array<[string, string]>;
  /**
   * Module-level functions -> the qualified name of the class they return (the yielded one for a
   * generator: `-> Iterator[Session]`), for typing `Depends(get_db)` parameters in other files.
   */
  functions: Array<[string, string]>;
  /** Qualified names of the functions this module passes to `Depends(...)` / `Security(...)`. */
  dependencies: string[];
  /**
   * Module-level names bound to a legacy SQLAlchemy declarative base (`Base = declarative_base()`),
   * with whether the call passes `type_annotation_map=`.
   */
  declaratives?: Array<[string, boolean]>;
  /** Module-level names bound to `sessionmaker(...)` / `scoped_session(...)` or `create_engine(...)`. */
  factories?: Array<[string, "session" | "engine"]>;
}

/** What calling these builds: a session factory, or an engine. */
const FACTORIES: ReadonlyMap<string, "session" | "engine"> = new Map([
  ["sqlalchemy.orm.sessionmaker", "session"],
  ["sqlalchemy.orm.session.sessionmaker", "session"],
  ["sqlalchemy.orm.scoped_session", "session"],
  ["sqlalchemy.orm.scoping.scoped_session", "session"],
  ["sqlalchemy.create_engine", "engine"],
  ["sqlalchemy.engine.create_engine", "engine"],
]);

/** A session factory or an engine that an assignment binds, if it binds one. */
export function factoryOf(assignment: Node, resolver: Resolver): "session" | "engine" | undefined {
  if (assignment.type !== "assignment") return undefined;
  const right = assignment.childForFieldName("right");
  if (right?.type !== "call") return undefined;
  const fn = right.childForFieldName("function");
  const q = fn ? qualifiedName(resolver.scopes, fn, resolver.module.moduleName) : undefined;
  return q ? FACTORIES.get(q) : undefined;
}

/** The legacy functions that build a declarative base class. */
export const DECLARATIVE_BASE_FUNCTIONS: ReadonlySet<string> = new Set([
  "sqlalchemy.orm.declarative_base",
  "sqlalchemy.orm.decl_api.declarative_base",
  "sqlalchemy.ext.declarative.declarative_base",
]);

/** The legacy class decorators that make a class a declarative base. */
export const AS_DECLARATIVE_FUNCTIONS: ReadonlySet<string> = new Set([
  "sqlalchemy.orm.as_declarative",
  "sqlalchemy.orm.decl_api.as_declarative",
  "sqlalchemy.ext.declarative.as_declarative",
]);

/** The call of `declarative_base(...)` an assignment binds, if it binds one. */
export function declarativeBaseCall(assignment: Node, resolver: Resolver): Node | undefined {
  if (assignment.type !== "assignment") return undefined;
  const right = assignment.childForFieldName("right");
  if (right?.type !== "call") return undefined;
  const fn = right.childForFieldName("function");
  const q = fn ? qualifiedName(resolver.scopes, fn, resolver.module.moduleName) : undefined;
  return q && DECLARATIVE_BASE_FUNCTIONS.has(q) ? right : undefined;
}

/** The `@as_declarative(...)` decorator of a class definition, if it has one. */
export function asDeclarativeDecorator(classNode: Node, resolver: Resolver): Node | undefined {
  const parent = classNode.parent;
  if (parent?.type !== "decorated_definition") return undefined;
  for (const d of parent.namedChildren) {
    if (d?.type !== "decorator") continue;
    const expr = d.namedChildren[0];
    const callee = expr?.type === "call" ? expr.childForFieldName("function") : expr;
    const q = callee
      ? qualifiedName(resolver.scopes, callee, resolver.module.moduleName)
      : undefined;
    if (q && AS_DECLARATIVE_FUNCTIONS.has(q)) return d;
  }
  return undefined;
}

/** Whether a call passes the keyword argument `name`. */
function passesKeyword(call: Node, name: string): boolean {
  return (call.childForFieldName("arguments")?.namedChildren ?? []).some(
    (a) => a?.type === "keyword_argument" && a.childForFieldName("name")?.text === name,
  );
}

/** True when a class body assigns `name` at its top level. */
export function bodyAssigns(classNode: Node, name: string): boolean {
  return (classNode.childForFieldName("body")?.namedChildren ?? []).some((s) => {
    const assign = s?.type === "expression_statement" ? s.namedChildren[0] : undefined;
    return assign?.type === "assignment" && assign.childForFieldName("left")?.text === name;
  });
}

export interface Resolver {
  scopes: ScopeTree;
  module: { moduleName?: string };
}

/** Qualified names of a class definition's bases (keywords such as `metaclass=` left out). */
export function classBases(classNode: Node, resolver: Resolver): string[] {
  const list = classNode.childForFieldName("superclasses");
  if (!list) return [];
  const out: string[] = [];
  for (const arg of list.namedChildren) {
    if (!arg || arg.type === "keyword_argument" || arg.type === "comment") continue;
    if (arg.type === "list_splat" || arg.type === "dictionary_splat") {
      out.push("");
      continue;
    }
    const base = unsubscripted(arg);
    out.push(
      qualifiedName(resolver.scopes, base, resolver.module.moduleName) ??
        moduleVariable(base, resolver) ??
        "",
    );
  }
  return out;
}

/**
 * `<module>.<name>` for a name bound once, by an assignment at module level: a base built by a
 * call (`Base = declarative_base()`) is known to the index by that name.
 */
export function moduleVariable(node: Node, resolver: Resolver): string | undefined {
  if (node.type !== "identifier") return undefined;
  const found = resolver.scopes.lookup(node.text, node);
  const only = found?.length === 1 ? found[0]! : undefined;
  if (only?.kind !== "assignment" || only.scope.kind !== "module") return undefined;
  return `${resolver.module.moduleName ?? "__main__"}.${node.text}`;
}

/** Extracts the summary of a module from its scope tree. */
export function summarize(scopes: ScopeTree, moduleName: string): ModuleSummary {
  const resolver: Resolver = { scopes, module: { moduleName } };
  const summary: ModuleSummary = {
    module: moduleName,
    classes: [],
    aliases: [],
    routers: [],
    functions: [],
    dependencies: dependenciesOf(scopes, moduleName),
  };
  const visitClasses = (scope: Scope, prefix: string): void => {
    for (const [name, list] of scope.bindings) {
      for (const b of list) {
        if (b.kind !== "class") continue;
        const qualified = `${prefix}.${name}`;
        const fields = classFields(b.statement, scopes, moduleName);
        summary.classes.push({
          qualified,
          bases: classBases(b.statement, resolver),
          config: configKeys(b.statement),
          v2: assignsModelConfig(b.statement),
          overrides: v1MethodsDefined(b.statement),
          ...(asDeclarativeDecorator(b.statement, resolver) ? { declarative: true as const } : {}),
          ...(bodyAssigns(b.statement, "type_annotation_map") ? { typeMap: true as const } : {}),
          ...(timestampsDefined(b.statement) ? { timestamps: timestampsDefined(b.statement) } : {}),
          ...(fields?.fields.length ? { fields: fields.fields } : {}),
          ...(fields?.modelSerializer ? { modelSerializer: true as const } : {}),
        });
        const own = scopes.scopeOfDefinition(b.statement);
        if (own) visitClasses(own, qualified);
      }
    }
  };
  visitClasses(scopes.module, moduleName);
  for (const [name, list] of scopes.module.bindings) {
    if (list.length !== 1) continue;
    const b = list[0]!;
    if ((b.kind === "import" || b.kind === "from-import") && b.qualified && !b.importPath) {
      summary.aliases.push([`${moduleName}.${name}`, b.qualified]);
    }
    if (b.kind === "assignment" && isAppConstruction(b.statement, resolver)) {
      summary.routers.push(`${moduleName}.${name}`);
      const prefix = literalPrefix(b.statement);
      if (prefix !== undefined) (summary.prefixes ??= []).push([`${moduleName}.${name}`, prefix]);
    }
    const declarative =
      b.kind === "assignment" ? declarativeBaseCall(b.statement, resolver) : undefined;
    const factory = b.kind === "assignment" ? factoryOf(b.statement, resolver) : undefined;
    if (factory) (summary.factories ??= []).push([`${moduleName}.${name}`, factory]);
    if (declarative) {
      (summary.declaratives ??= []).push([
        `${moduleName}.${name}`,
        passesKeyword(declarative, "type_annotation_map"),
      ]);
    }
    if (b.kind === "function") {
      const returns = returnedClass(b.statement, resolver);
      if (returns) summary.functions.push([`${moduleName}.${name}`, returns]);
    }
  }
  return summary;
}

/** `x = FastAPI(...)` / `x: APIRouter = APIRouter(...)`. */
export function isAppConstruction(assignment: Node, resolver: Resolver): boolean {
  if (assignment.type !== "assignment") return false;
  const right = assignment.childForFieldName("right");
  if (right?.type !== "call") return false;
  const fn = right.childForFieldName("function");
  const q = fn ? qualifiedName(resolver.scopes, fn, resolver.module.moduleName) : undefined;
  return !!q && APP_CLASSES.has(q);
}

/**
 * Keys a class body sets in its configuration, through an inner `class Config` or
 * `model_config = ConfigDict(...)` / `{...}`; keys set to False are left out.
 */
export function configKeys(classNode: Node): string[] {
  const keys: string[] = [];
  const body = classNode.childForFieldName("body");
  for (const statement of body?.namedChildren ?? []) {
    if (
      statement?.type === "class_definition" &&
      statement.childForFieldName("name")?.text === "Config"
    ) {
      for (const inner of statement.childForFieldName("body")?.namedChildren ?? []) {
        const assign = inner?.type === "expression_statement" ? inner.namedChildren[0] : undefined;
        const left = assign?.type === "assignment" ? assign.childForFieldName("left") : undefined;
        if (left?.type === "identifier" && assign!.childForFieldName("right")?.text !== "False")
          keys.push(left.text);
      }
    }
    const assign =
      statement?.type === "expression_statement" ? statement.namedChildren[0] : undefined;
    if (assign?.type !== "assignment" || assign.childForFieldName("left")?.text !== "model_config")
      continue;
    const right = assign.childForFieldName("right");
    if (right?.type === "call") {
      for (const arg of right.childForFieldName("arguments")?.namedChildren ?? []) {
        if (arg?.type === "keyword_argument" && arg.childForFieldName("value")?.text !== "False") {
          keys.push(arg.childForFieldName("name")!.text);
        }
      }
    } else if (right?.type === "dictionary") {
      for (const pair of right.namedChildren) {
        const key = pair?.type === "pair" ? pair.childForFieldName("key") : undefined;
        const content =
          key?.type === "string"
            ? key.namedChildren.find((c) => c?.type === "string_content")
            : undefined;
        if (content && pair!.childForFieldName("value")?.text !== "False") keys.push(content.text);
      }
    }
  }
  return keys;
}

const GENERATORS = new Set([
  "typing.Generator",
  "typing.Iterator",
  "typing.Iterable",
  "typing.AsyncGenerator",
  "typing.AsyncIterator",
  "typing.AsyncIterable",
  "collections.abc.Generator",
  "collections.abc.Iterator",
  "collections.abc.Iterable",
  "collections.abc.AsyncGenerator",
  "collections.abc.AsyncIterator",
  "collections.abc.AsyncIterable",
]);

/**
 * The qualified name of the class a function's return annotation names, looking into the
 * generator types a yielding dependency is annotated with; undefined for anything else.
 */
export function returnedClass(fn: Node, resolver: Resolver): string | undefined {
  const type = fn.childForFieldName("return_type");
  let expr = type?.namedChildren[0];
  if (!expr) return undefined;
  if (expr.type === "generic_type" || expr.type === "subscript") {
    const head =
      expr.type === "generic_type" ? expr.namedChildren[0] : expr.childForFieldName("value");
    const q = head ? qualifiedName(resolver.scopes, head, resolver.module.moduleName) : undefined;
    if (!q || !GENERATORS.has(q)) return undefined;
    const first =
      expr.type === "generic_type"
        ? expr.namedChildren.find((c) => c?.type === "type_parameter")?.namedChildren[0]
            ?.namedChildren[0]
        : expr.childrenForFieldName("subscript")[0];
    if (!first) return undefined;
    expr = first;
  }
  if (expr.type !== "identifier" && expr.type !== "attribute") return undefined;
  return qualifiedName(resolver.scopes, expr, resolver.module.moduleName);
}

/** Functions handed to Depends()/Security() anywhere in the module (first argument or dependency=). */
function dependenciesOf(scopes: ScopeTree, moduleName: string): string[] {
  const root = scopes.module.node;
  if (!/\b(Depends|Security)\b/.test(root.text)) return [];
  const out = new Set<string>();
  // The arguments are read from the call, not matched after the callee: a pattern that waits for
  // them keeps a state alive for every call around a long chain (`a.b().c()...`).
  const matches = query(
    `(call function: [(identifier) (attribute)] @fn (#match? @fn "(Depends|Security)$")) @call`,
  ).matches(root);
  for (const m of matches) {
    const fn = m.captures.find((c) => c.name === "fn")!.node;
    const args = m.captures.find((c) => c.name === "call")!.node.childForFieldName("arguments");
    if (args?.type !== "argument_list") continue;
    const q = qualifiedName(scopes, fn, moduleName);
    if (!q || !DEPENDS.has(q)) continue;
    const first = args.namedChildren.find((c) => c && c.type !== "comment");
    const dep =
      first?.type === "keyword_argument"
        ? first.childForFieldName("name")?.text === "dependency"
          ? first.childForFieldName("value")
          : undefined
        : first;
    const target = dep ? qualifiedName(scopes, dep, moduleName) : undefined;
    if (target) out.add(target);
  }
  return [...out];
}

/** The literal `prefix=` of an `APIRouter(...)` assignment: "" without one, undefined if computed. */
export function literalPrefix(assignment: Node): string | undefined {
  const call = assignment.childForFieldName("right");
  const args = call?.type === "call" ? call.childForFieldName("arguments") : undefined;
  if (!args) return undefined;
  for (const arg of args.namedChildren) {
    if (arg?.type !== "keyword_argument" || arg.childForFieldName("name")?.text !== "prefix")
      continue;
    return literalString(arg.childForFieldName("value"));
  }
  return "";
}

/** True when a class body assigns `model_config` (Pydantic v2's configuration). */
export function assignsModelConfig(classNode: Node): boolean {
  return bodyAssigns(classNode, "model_config");
}
