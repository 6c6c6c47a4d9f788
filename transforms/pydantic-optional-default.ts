// FF106: Pydantic v1 gave a field annotated Optional[X] (or Any) a default of None; Pydantic v2
// makes it required. Writing the default keeps the v1 meaning.
import { firstLine } from "../src/engine/source.js";
import type { RuleContext } from "../src/knowledge/context.js";
import type { Node } from "../src/engine/parser.js";
import { listItems } from "../src/engine/syntax.js";
import { BUILTINS } from "../src/engine/builtins.js";
import { isReference } from "../src/engine/imports.js";
import { qualifiedOfBindings } from "../src/engine/names.js";
import type { Diagnostic, Edit, ImportRequirement } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";
import { PYDANTIC_FIELD, SQLMODEL_FIELD, typingName } from "./data/pydantic-fields.js";
import { subscriptParts } from "./shared/field-keywords.js";

const QUERY = `(class_definition
     body: (block (expression_statement
       (assignment left: (identifier) @name type: (type) @type) @assign))) @class`;

export const pydanticOptionalDefault: Rule = {
  name: "pydantic-optional-default",
  code: "FF106",
  summary: "Optional/Any fields of pydantic models without a default -> = None (their v1 meaning)",
  rule: "Use Pydantic v2",
  gives: ["safe", "detect"],
  docs: {
    why: "Pydantic v1 made a field annotated Optional[X], Union[X, None], X | None or Any default to None. Pydantic v2 makes it required, so requests and settings that used to omit it start failing validation. Writing `= None` (or `Field(None, ...)`) keeps the v1 behaviour; `= ...` and `Field(...)` stay required.",
    bad: 'from typing import Optional\n\nfrom pydantic import BaseModel, Field\n\n\nclass User(BaseModel):\n    nickname: Optional[str]\n    bio: Optional[str] = Field(description="About me")\n',
    good: 'from typing import Optional\n\nfrom pydantic import BaseModel, Field\n\n\nclass User(BaseModel):\n    nickname: Optional[str] = None\n    bio: Optional[str] = Field(None, description="About me")\n',
  },
  scope: "models",
  prefilter: /\b(?:Optional|Union|Any|None)\b/,
  query: QUERY,
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    const kinds = new Map<number, boolean>();
    for (const m of ctx.captures(QUERY)) {
      const get = m.node;
      const cls = get("class");
      const name = get("name").text;
      const type = get("type");
      const assign = get("assign");
      // A model configured with model_config is v2 code: there, no default means required.
      if (!kinds.has(cls.id)) kinds.set(cls.id, !!ctx.classKind(cls) && !ctx.isV2Model(cls));
      if (!kinds.get(cls.id)) continue;
      if (name.startsWith("_") || name === "model_config") continue;
      const annotation = type.namedChildren[0];
      if (!annotation || isClassVariable(ctx, annotation) || !admitsNone(ctx, annotation)) continue;
      const right = assign.childForFieldName("right");
      const shown = firstLine(ctx.text(type));
      if (!right) {
        const message = `\`${name}: ${shown}\` has no default: Pydantic v1 made it None, v2 makes it required`;
        const qualified = qualifyShadowed(ctx, cls, assign, name);
        if (typeof qualified === "string") {
          out.push(ctx.diagnostic(this, assign, `${message} (no fix: ${qualified})`));
          continue;
        }
        out.push(
          ctx.diagnostic(this, assign, message, {
            title: "Add the default None",
            safety: "safe",
            edits: [
              ...qualified.edits,
              { start: type.endIndex, end: type.endIndex, text: " = None" },
            ],
            imports: qualified.imports,
          }),
        );
        continue;
      }
      const edit = right.type === "call" ? fieldWithoutDefault(ctx, right) : undefined;
      if (!edit) continue;
      out.push(
        ctx.diagnostic(
          this,
          right,
          `Field() of \`${name}: ${shown}\` has no default: Pydantic v1 made it None, v2 makes it required`,
          { title: "Pass the default None to Field()", safety: "safe", edits: [edit] },
        ),
      );
    }
    return out;
  },
};

/**
 * A default binds the field's name in the class body before its annotation is evaluated:
 * `date: date | None = None` then reads `None | None`, and so does every later annotation or
 * default of the class that says `date`. Those uses are written qualified (`datetime.date`), or
 * the reason they cannot be is returned.
 */
function qualifyShadowed(
  ctx: RuleContext,
  cls: Node,
  assign: Node,
  name: string,
): { edits: Edit[]; imports: ImportRequirement[] } | string {
  const edits: Edit[] = [];
  const imports: ImportRequirement[] = [];
  const body = cls.childForFieldName("body")!;
  for (const id of ctx.identifiers(name, body)) {
    if (id.startIndex < assign.startIndex) continue;
    if (!isReference(id) || !ctx.scopeAt(id).node.equals(cls)) continue;
    if (assign.childForFieldName("left")?.equals(id)) continue;
    // What the name means outside the class body, where the field does not bind it yet.
    const outside = ctx.bindings(name, cls);
    const q = outside
      ? qualifiedOfBindings(outside, ctx.module.moduleName)
      : BUILTINS.has(name)
        ? `builtins.${name}`
        : undefined;
    const dot = q?.lastIndexOf(".") ?? -1;
    const module = q?.slice(0, dot);
    if (!q || dot < 0 || q.slice(dot + 1) !== name || module === ctx.module.moduleName)
      return `\`${name}\` names the field and a type it uses; qualify that type`;
    const last = module!.split(".").pop()!;
    const ensured = ctx.ensureImport(id, module!, undefined, { aliases: [`${last}_module`] });
    if (!ensured.ok) return ensured.reason;
    if (ensured.expr.split(".")[0] === name) return `\`${name}\` would still shadow ${module}`;
    if (ensured.requirement) imports.push(ensured.requirement);
    edits.push({ start: id.startIndex, end: id.endIndex, text: `${ensured.expr}.${name}` });
  }
  return { edits, imports };
}

/** True when the annotation lets the field be None: Optional, a Union with None, `| None`, Any. */
function admitsNone(ctx: RuleContext, node: Node): boolean {
  switch (node.type) {
    case "none":
      return true;
    case "type":
    case "parenthesized_expression": {
      const inner = node.namedChildren.find((c) => c?.type !== "comment");
      return !!inner && admitsNone(ctx, inner);
    }
    case "identifier":
    case "attribute":
      return typingName(ctx.qualifiedName(node)) === "Any";
    case "string": {
      // A forward reference, `"Optional[Node]"`: Pydantic evaluates it in the module.
      const parts = node.namedChildren;
      if (parts.length !== 3 || parts[1]?.type !== "string_content") return false;
      if (/[bBfFtT]/.test(parts[0]!.text)) return false;
      return stringAdmitsNone(ctx, parts[1].text, node, 0);
    }
    case "union_type":
      // `list[str] | None`: the grammar's union of type nodes.
      return node.namedChildren.some((c) => !!c && admitsNone(ctx, c));
    case "binary_operator": {
      if (node.childForFieldName("operator")?.text !== "|") return false;
      const left = node.childForFieldName("left");
      const right = node.childForFieldName("right");
      return (!!left && admitsNone(ctx, left)) || (!!right && admitsNone(ctx, right));
    }
    case "generic_type":
    case "subscript": {
      const generic = subscriptParts(node);
      if (!generic) return false;
      const name = typingName(ctx.qualifiedName(generic.head));
      if (name === "Optional") return generic.args.length === 1;
      if (name === "Union") return generic.args.some((a) => admitsNone(ctx, a));
      if (name === "Annotated") {
        const [inner, ...metadata] = generic.args;
        // A v2-style Annotated[..., Field(default=...)] already has its default.
        if (metadata.some((m) => m.type === "call" && fieldCallHasDefault(ctx, m))) return false;
        return !!inner && admitsNone(ctx, inner);
      }
      return false;
    }
    default:
      return false;
  }
}

/** admitsNone for the text of a string annotation, names resolved at `at`. */
function stringAdmitsNone(ctx: RuleContext, text: string, at: Node, depth: number): boolean {
  const expr = text.trim();
  if (depth > 8 || !expr) return false;
  const union = splitTopLevel(expr, "|");
  if (union.length > 1) return union.some((part) => stringAdmitsNone(ctx, part, at, depth + 1));
  if (expr === "None") return true;
  const generic = /^([A-Za-z_][\w.]*)\s*\[([^]*)\]$/.exec(expr);
  if (!generic)
    return /^[A-Za-z_][\w.]*$/.test(expr) && typingName(resolveText(ctx, expr, at)) === "Any";
  const name = typingName(resolveText(ctx, generic[1]!, at));
  const args = splitTopLevel(generic[2]!, ",");
  if (name === "Optional") return args.length === 1;
  if (name === "Union") return args.some((a) => stringAdmitsNone(ctx, a, at, depth + 1));
  if (name === "Annotated") return stringAdmitsNone(ctx, args[0]!, at, depth + 1);
  return false;
}

/** Splits at `separator` outside brackets and strings; one part when the brackets do not balance. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"') return [text];
    if (c === "[" || c === "(") depth++;
    else if (c === "]" || c === ")") depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) return [text];
  }
  if (depth !== 0) return [text];
  parts.push(text.slice(start));
  return parts;
}

/** The qualified name of a dotted name written in a string, resolved as if it stood at `at`. */
function resolveText(ctx: RuleContext, dotted: string, at: Node): string | undefined {
  const [head, ...rest] = dotted.split(".");
  const found = ctx.bindings(head!, at);
  if (!found?.length) return undefined;
  const qualified = new Set(
    found.map((b) => (b.kind === "import" || b.kind === "from-import" ? b.qualified : undefined)),
  );
  if (qualified.size !== 1) return undefined;
  const [q] = qualified;
  return q ? [q, ...rest].join(".") : undefined;
}

/** `ClassVar[...]` and `Final[...]` declare class attributes, not fields. */
function isClassVariable(ctx: RuleContext, node: Node): boolean {
  const head = subscriptParts(node)?.head ?? node;
  const name = typingName(ctx.qualifiedName(head));
  return name === "ClassVar" || name === "Final";
}

function isFieldCall(ctx: RuleContext, call: Node): boolean {
  const fn = call.childForFieldName("function");
  const q = fn ? ctx.qualifiedName(fn) : undefined;
  return !!q && (PYDANTIC_FIELD.has(q) || SQLMODEL_FIELD.has(q));
}

/** True for a Field() call that sets a default (or may, through `*args`/`**kwargs`). */
function fieldCallHasDefault(ctx: RuleContext, call: Node): boolean {
  if (!isFieldCall(ctx, call)) return false;
  return arguments_(call).some(
    (a) =>
      a.type !== "keyword_argument" ||
      ["default", "default_factory"].includes(a.childForFieldName("name")!.text),
  );
}

/** The edit that passes None as the default of a Field() call that has none. */
function fieldWithoutDefault(ctx: RuleContext, call: Node): Edit | undefined {
  if (!isFieldCall(ctx, call) || fieldCallHasDefault(ctx, call)) return undefined;
  const list = call.childForFieldName("arguments")!;
  const items = arguments_(call);
  const first = items[0];
  if (!first) {
    const open = list.children.find((c) => c?.type === "(")!;
    return { start: open.endIndex, end: open.endIndex, text: "None" };
  }
  const lineStart = ctx.source.lastIndexOf("\n", first.startIndex - 1) + 1;
  const ownLine =
    lineStart > list.startIndex && /^[ \t]*$/.test(ctx.source.slice(lineStart, first.startIndex));
  const text = ownLine
    ? `None,${ctx.stylist.newline}${ctx.lineIndent(first.startIndex)}`
    : "None, ";
  return { start: first.startIndex, end: first.startIndex, text };
}

function arguments_(call: Node): Node[] {
  const list = call.childForFieldName("arguments");
  return list ? listItems(list) : [];
}
