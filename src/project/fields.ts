// What the index keeps of a class's annotated fields, so that a rule can look into a model of
// another module (which the index does not parse for it): each field's name, the names its
// annotation refers to (resolved where the class lives) and whether Pydantic leaves it out of
// the output.
import { qualifiedName } from "../engine/names.js";
import type { Node } from "../engine/parser.js";
import { literalString } from "../engine/syntax.js";
import type { ScopeTree } from "../engine/scope.js";

export interface FieldSummary {
  name: string;
  /** Qualified names the annotation refers to (not called), in order: `typing.Optional`, `app.schemas.Item`. */
  refs: string[];
  /** Qualified names of what the annotation or the default calls: `pydantic.Field`. */
  calls?: string[];
  /** A call of the field passes `exclude=` something other than False. */
  exclude?: true;
  /** A `@field_serializer` of the class names the field (or "*"). */
  serialized?: true;
}

const FIELD_SERIALIZERS = new Set([
  "pydantic.field_serializer",
  "pydantic.functional_serializers.field_serializer",
]);
const MODEL_SERIALIZERS = new Set([
  "pydantic.model_serializer",
  "pydantic.functional_serializers.model_serializer",
]);

interface Where {
  scopes: ScopeTree;
  moduleName: string;
}

const nameOf = (node: Node, where: Where): string | undefined =>
  qualifiedName(where.scopes, node, where.moduleName);

/** The names an annotation refers to, and the calls in it and in the default. */
function walkField(annotation: Node, value: Node | undefined, where: Where): FieldSummary {
  const refs: string[] = [];
  const calls: string[] = [];
  let exclude = false;
  const stack: Node[] = [annotation, ...(value ? [value] : [])];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === "call") {
      const fn = n.childForFieldName("function");
      const q = fn ? nameOf(fn, where) : undefined;
      if (q) calls.push(q);
      for (const arg of n.childForFieldName("arguments")?.namedChildren ?? []) {
        if (arg?.type !== "keyword_argument") continue;
        if (arg.childForFieldName("name")?.text !== "exclude") continue;
        if (arg.childForFieldName("value")?.text !== "False") exclude = true;
      }
      for (const arg of n.childForFieldName("arguments")?.namedChildren ?? [])
        if (arg) stack.push(arg);
      continue;
    }
    // Only the annotation's names are types; the default's are values.
    const inAnnotation = n.startIndex >= annotation.startIndex && n.endIndex <= annotation.endIndex;
    if (inAnnotation && (n.type === "identifier" || n.type === "attribute")) {
      const q = nameOf(n, where);
      if (q) refs.push(q);
      continue;
    }
    if (inAnnotation && n.type === "string") {
      // A forward reference to a class of this module: "UserOut".
      const text = literalString(n);
      const found =
        text && /^[A-Za-z_]\w*$/.test(text) ? where.scopes.module.bindings.get(text) : undefined;
      if (found?.length === 1 && found[0]!.kind === "class")
        refs.push(`${where.moduleName}.${text}`);
      continue;
    }
    for (let i = n.namedChildCount - 1; i >= 0; i--) {
      const c = n.namedChild(i);
      if (c) stack.push(c);
    }
  }
  // The stack visits right to left; the annotation's order reads better in the summary.
  refs.reverse();
  return {
    name: "",
    refs,
    ...(calls.length ? { calls } : {}),
    ...(exclude ? { exclude: true as const } : {}),
  };
}

/** Names a decorator of the class's methods serialises by hand, and whether one does all. */
function serializers(classNode: Node, where: Where): { fields: Set<string>; model: boolean } {
  const fields = new Set<string>();
  let model = false;
  for (const statement of classNode.childForFieldName("body")?.namedChildren ?? []) {
    if (statement?.type !== "decorated_definition") continue;
    for (const d of statement.namedChildren) {
      if (d?.type !== "decorator") continue;
      const expr = d.namedChildren[0];
      const callee = expr?.type === "call" ? expr.childForFieldName("function") : expr;
      const q = callee ? nameOf(callee, where) : undefined;
      if (q && MODEL_SERIALIZERS.has(q)) model = true;
      if (!q || !FIELD_SERIALIZERS.has(q) || expr?.type !== "call") continue;
      for (const arg of expr.childForFieldName("arguments")?.namedChildren ?? []) {
        const text = arg ? literalString(arg) : undefined;
        if (text) fields.add(text);
      }
    }
  }
  return { fields, model };
}

/** The annotated fields a class body declares, and whether a model serializer decides its output. */
export function classFields(
  classNode: Node,
  scopes: ScopeTree,
  moduleName: string,
): { fields: FieldSummary[]; modelSerializer: boolean } | undefined {
  const where = { scopes, moduleName };
  const fields: FieldSummary[] = [];
  const bySerializer = serializers(classNode, where);
  for (const statement of classNode.childForFieldName("body")?.namedChildren ?? []) {
    const assign =
      statement?.type === "expression_statement" ? statement.namedChildren[0] : undefined;
    if (assign?.type !== "assignment") continue;
    const left = assign.childForFieldName("left");
    const annotation = assign.childForFieldName("type");
    if (left?.type !== "identifier" || !annotation) continue;
    const field = walkField(annotation, assign.childForFieldName("right") ?? undefined, where);
    field.name = left.text;
    if (bySerializer.fields.has(left.text) || bySerializer.fields.has("*")) field.serialized = true;
    fields.push(field);
  }
  if (!fields.length && !bySerializer.model) return undefined;
  return { fields, modelSerializer: bySerializer.model };
}
