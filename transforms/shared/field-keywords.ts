// Giving one field of a Pydantic model a `Field()` keyword (`validate_default=True`,
// `union_mode="left_to_right"`) without touching how the rest of the field is written.
import type { RuleContext } from "../../src/knowledge/context.js";
import type { EnsureResult } from "../../src/engine/imports.js";
import { genericParts } from "../../src/knowledge/inference.js";
import type { Node } from "../../src/engine/parser.js";
import { appendArgument, keywordArguments, listItems } from "../../src/engine/syntax.js";
import type { Edit, ImportRequirement } from "../../src/engine/types.js";
import { PYDANTIC_FIELD, typingName } from "../data/pydantic-fields.js";

export interface FieldEdits {
  edits: Edit[];
  imports: ImportRequirement[];
}

/** `name: T [= value]` statements of a class body that declare fields (not private, not model_config). */
export function modelFields(cls: Node): Node[] {
  const out: Node[] = [];
  for (const statement of listItems(cls.childForFieldName("body")!)) {
    const assign = statement.type === "expression_statement" ? statement.namedChildren[0] : null;
    if (assign?.type !== "assignment" || !assign.childForFieldName("type")) continue;
    const name = assign.childForFieldName("left");
    if (name?.type !== "identifier" || name.text.startsWith("_") || name.text === "model_config")
      continue;
    out.push(assign);
  }
  return out;
}

/** True for a call of Pydantic's own `Field`. */
export function isPydanticField(ctx: RuleContext, node: Node | null | undefined): boolean {
  if (node?.type !== "call") return false;
  const q = ctx.qualifiedName(node.childForFieldName("function")!);
  return !!q && PYDANTIC_FIELD.has(q);
}

/**
 * The `Field(...)` call already attached to the field `name: T = value`: its default, or the
 * last `Field` of an `Annotated[T, ...]` annotation.
 */
export function fieldCall(ctx: RuleContext, assignment: Node): Node | undefined {
  const value = assignment.childForFieldName("right");
  if (isPydanticField(ctx, value)) return value!;
  const annotation = assignment.childForFieldName("type")?.namedChildren[0];
  return annotation ? annotatedField(ctx, annotation) : undefined;
}

/** The last `Field(...)` in the metadata of an `Annotated[T, ...]` node. */
export function annotatedField(ctx: RuleContext, node: Node): Node | undefined {
  const parts = subscriptParts(node);
  if (!parts || typingName(ctx.qualifiedName(parts.head)) !== "Annotated") return undefined;
  return parts.args
    .slice(1)
    .reverse()
    .find((a) => isPydanticField(ctx, a));
}

/**
 * Edits that make `type` (an annotation, or a type inside one) carry `keyword=value`: the keyword
 * joins a `Field(...)` already there (`existing`), else the type becomes
 * `Annotated[type, Field(keyword=value)]`. Nothing when the keyword is set; a reason when an
 * import cannot be had.
 */
export function withFieldKeyword(
  ctx: RuleContext,
  type: Node,
  existing: Node | undefined,
  keyword: string,
  value: string,
): FieldEdits | string {
  if (existing) {
    const args = existing.childForFieldName("arguments")!;
    if (keywordArguments(args).has(keyword)) return { edits: [], imports: [] };
    const edits = appendArgument(ctx.source, ctx.stylist.newline, args, `${keyword}=${value}`);
    return { edits, imports: [] };
  }
  const annotated = ctx.ensureImport(type, "typing", "Annotated");
  if (!annotated.ok) return annotated.reason;
  const field = ctx.ensureImport(type, "pydantic", "Field");
  if (!field.ok) return field.reason;
  return {
    edits: [
      { start: type.startIndex, end: type.startIndex, text: `${annotated.expr}[` },
      { start: type.endIndex, end: type.endIndex, text: `, ${field.expr}(${keyword}=${value})]` },
    ],
    imports: requirements(annotated, field),
  };
}

/**
 * The subscripted name and its arguments of `X[...]` (an annotation's `generic_type` or an
 * expression's `subscript`), through the engine's genericParts; undefined for anything else.
 */
export function subscriptParts(node: Node): { head: Node; args: Node[] } | undefined {
  if (node.type !== "generic_type" && node.type !== "subscript") return undefined;
  const [head, args] = genericParts(node);
  return head ? { head, args } : undefined;
}

function requirements(...results: EnsureResult[]): ImportRequirement[] {
  return results.flatMap((r) => (r.ok && r.requirement ? [r.requirement] : []));
}
