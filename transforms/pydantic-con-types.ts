// FF111: the Pydantic v1 constrained types constr()/conint()/conlist()/... rewritten as the
// Annotated[T, StringConstraints(...)] / Annotated[T, Field(...)] types of Pydantic v2, or, for a
// route parameter whose default is Query()/Body()/..., as constraints of that call.
import type { RuleContext } from "../src/knowledge/context.js";
import type { EnsureResult } from "../src/engine/imports.js";
import type { Node } from "../src/engine/parser.js";
import { appendArgument, listItems } from "../src/engine/syntax.js";
import type {
  Diagnostic,
  Edit,
  Fix,
  ImportRequirement,
  UnusedImportCheck,
} from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";
import {
  CON_FUNCTIONS,
  CON_TYPES,
  FASTAPI_PARAM_KEYWORDS,
  FASTAPI_PARAMS,
  typingName,
} from "./data/pydantic-fields.js";
import { ensureName } from "./shared/ensure-name.js";
import { REGEX_NOTE, v2Pattern } from "./shared/regex-pattern.js";

const TYPE_ADAPTERS = new Set([
  "pydantic.TypeAdapter",
  "pydantic.type_adapter.TypeAdapter",
  "pydantic.parse_obj_as",
  "pydantic.tools.parse_obj_as",
]);

const QUERY = `(call function: [(identifier) (attribute)] @fn arguments: (argument_list) @args) @call`;

export const pydanticConTypes: Rule = {
  name: "pydantic-con-types",
  code: "FF111",
  summary:
    "Pydantic v1 constrained types constr()/conint()/conlist()/... -> Annotated[T, StringConstraints(...)/Field(...)]",
  rule: "Use Pydantic v2; use Field() for validation constraints (min_length, max_length, ge, le)",
  gives: ["safe", "detect"],
  docs: {
    why: "The v1 constrained types (`constr()`, `conint()`, `conlist()`, ...) are calls that type checkers cannot read; `Annotated[T, ...]` states the same constraints as a type. A v1 `regex` matched at the start of the string only, a v2 `pattern` anywhere: the rewritten pattern is anchored with `^` so that it accepts what it accepted before. A route parameter `x: conint(gt=0) = Query(...)` loses its constraints under Pydantic v2, so they move into the Query() call. A literal pattern that the Rust regex engine of Pydantic v2 rejects or reads otherwise than Python's `re` (look-around, backreferences, `\\Z`, possessive quantifiers, `[[:alpha:]]`...) becomes `pattern=re.compile(...)`: Pydantic 2.7 and later validate such a field with Python's `re`, as v1 did, and its JSON schema keeps the same pattern string.",
    bad: "from fastapi import Query\nfrom pydantic import BaseModel, conint, constr\n\n\nclass Item(BaseModel):\n    name: constr(min_length=1, max_length=50)\n    quantity: conint(gt=0) = 1\n\n\ndef search(page: conint(ge=1) = Query(1)):\n    ...\n",
    good: "from fastapi import Query\nfrom pydantic import BaseModel, StringConstraints, Field\nfrom typing import Annotated\n\n\nclass Item(BaseModel):\n    name: Annotated[str, StringConstraints(min_length=1, max_length=50)]\n    quantity: Annotated[int, Field(gt=0)] = 1\n\n\ndef search(page: int = Query(1, ge=1)):\n    ...\n",
  },
  // The con*() functions are Pydantic's: the module imports it.
  prefilter: [/\bpydantic\b/, /\bcon(?:str|int|float|decimal|bytes|list|set|frozenset)\b/],
  query: QUERY,
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const m of ctx.captures(QUERY)) {
      const call = m.node("call");
      const fn = m.node("fn");
      const args = m.node("args");
      const q = ctx.qualifiedName(fn);
      if (q && CON_FUNCTIONS.has(q))
        out.push(...conCall(ctx, this, call, fn, args, CON_FUNCTIONS.get(q)!));
    }
    return out;
  },
};

function conCall(
  ctx: RuleContext,
  transform: Rule,
  call: Node,
  fn: Node,
  args: Node,
  name: string,
): Diagnostic[] {
  const spec = CON_TYPES[name]!;
  const items = listItems(args);
  if (items.some((i) => i.type === "list_splat" || i.type === "dictionary_splat")) return [];
  const positional = items.filter((i) => i.type !== "keyword_argument");
  let item: Node | undefined;
  if (spec.collection) {
    const keyword = items.find(
      (i) => i.type === "keyword_argument" && i.childForFieldName("name")!.text === "item_type",
    );
    item = keyword?.childForFieldName("value") ?? positional[0];
    if (!item || positional.length > (keyword ? 0 : 1)) return [];
  } else if (positional.length) return [];

  const problems: Diagnostic[] = [];
  const notes: NonNullable<Fix["notes"]> = [];
  const constraints: Array<{ key: string; value: string }> = [];
  const patternImports: ImportRequirement[] = [];
  let compiled: string | undefined;
  for (const kw of items) {
    if (kw.type !== "keyword_argument") continue;
    const key = kw.childForFieldName("name")!.text;
    if (key === "item_type") continue;
    const value = kw.childForFieldName("value")!;
    const target = spec.keywords[key];
    if (!target) {
      if (value.type === "false" || value.type === "none") continue; // the v1 default: no effect
      problems.push(ctx.diagnostic(transform, kw, removedConMessage(name, key)));
      continue;
    }
    if (constraints.some((c) => c.key === target)) {
      problems.push(
        ctx.diagnostic(transform, kw, `${name}() sets \`${target}\` twice: keep one by hand`),
      );
      continue;
    }
    let text = ctx.text(value);
    if (key === "regex" || key === "pattern") {
      const pattern = v2Pattern(ctx, value, key === "regex");
      text = pattern.text;
      // A problem is FF104's to report, on the next pass, from StringConstraints() or Query().
      if (!pattern.exact) notes.push(ctx.note(value, REGEX_NOTE));
      patternImports.push(...pattern.imports);
      compiled ??= pattern.compiled;
    }
    constraints.push({ key: target, value: text });
  }
  // v1 changed the case before it matched the regex, v2 matches the pattern first.
  const caseChange = constraints.find(
    (c) =>
      (c.key === "to_upper" || c.key === "to_lower") && c.value !== "False" && c.value !== "None",
  );
  const regex = items.find(
    (i) => i.type === "keyword_argument" && i.childForFieldName("name")!.text === "regex",
  );
  if (caseChange && regex) {
    problems.push(
      ctx.diagnostic(
        transform,
        regex,
        `${name}(${caseChange.key}=..., regex=...): Pydantic v1 changed the case before matching the regex, v2 matches the pattern first; rewrite it by hand`,
      ),
    );
  }
  if (problems.length) return problems;

  const where = typeContext(ctx, call);
  const message = `${name}() is a Pydantic v1 constrained type`;
  if (!where) {
    return [
      ctx.diagnostic(
        transform,
        call,
        call.parent?.parent?.type === "class_definition"
          ? `${message}: in Pydantic v2 it is Annotated[...], which a class cannot inherit from; rewrite the class by hand`
          : `${message} used as a value, not as a type: rewrite it by hand`,
      ),
    ];
  }
  const builtin = spec.builtin;
  if (builtin && ctx.bindings(builtin, call)) {
    return [
      ctx.diagnostic(
        transform,
        call,
        `${message}, but \`${builtin}\` is redefined here: rewrite it by hand`,
      ),
    ];
  }
  const imports: ImportRequirement[] = [...patternImports];
  const compiledNote = compiled ? `; the pattern is compiled with Python's re (${compiled})` : "";
  const need = (result: EnsureResult): string | undefined => {
    if (!result.ok) return undefined;
    if (result.requirement) imports.push(result.requirement);
    return result.expr;
  };
  const failures: string[] = [];
  const ensure = (result: EnsureResult): string => {
    const expr = need(result);
    if (expr === undefined) failures.push((result as { reason: string }).reason);
    return expr ?? "";
  };
  let base = spec.base;
  if (name === "condecimal") base = ensure(ensureName(ctx, call, "decimal", "Decimal"));
  if (item) base = base.replace("{}", ctx.text(item));
  const removeIfUnused: UnusedImportCheck[] = [unusedCheck(ctx, fn)];

  if (where.param) {
    const moved = moveIntoParam(ctx, transform, call, where.param, constraints, base, name);
    if ("problem" in moved) return [moved.problem];
    if (failures.length) return [ctx.diagnostic(transform, call, `${message} (${failures[0]})`)];
    return [
      ctx.diagnostic(transform, call, moved.message + compiledNote, {
        title: `Move the constraints of ${name}() into ${moved.label}()`,
        safety: "safe",
        edits: moved.edits,
        imports,
        removeIfUnused,
        notes,
      }),
    ];
  }

  const annotated = ensure(ensureAnnotated(ctx, call));
  const carrier = ensure(
    spec.carrier === "StringConstraints"
      ? ensureName(ctx, call, "pydantic", "StringConstraints", {
          equivalents: ["pydantic.types.StringConstraints"],
        })
      : ensureName(ctx, call, "pydantic", "Field", {
          equivalents: ["pydantic.fields.Field"],
          aliases: ["PydanticField"],
        }),
  );
  if (failures.length) return [ctx.diagnostic(transform, call, `${message} (${failures[0]})`)];
  const kwargs = constraints.map((c) => `${c.key}=${c.value}`).join(", ");
  const text = `${annotated}[${base}, ${carrier}(${kwargs})]`;
  return [
    ctx.diagnostic(
      transform,
      call,
      `${message}: use ${annotated}[${spec.base.replace("{}", "...")}, ${spec.carrier}(...)]${compiledNote}`,
      {
        title: `Replace ${name}() with ${annotated}[...]`,
        safety: "safe",
        edits: [{ start: call.startIndex, end: call.endIndex, text }],
        imports,
        removeIfUnused,
        notes,
      },
    ),
  ];
}

function removedConMessage(name: string, key: string): string {
  if (key === "unique_items") {
    return `${name}(unique_items=...) was removed in Pydantic v2: use a set type instead`;
  }
  return `${name}(${key}=...) has no Pydantic v2 form: rewrite it by hand`;
}

interface TypeContext {
  /** Set when the constrained type is the whole annotation of a parameter whose default is a
   * FastAPI parameter call: FastAPI on Pydantic v2 ignores the annotation's constraints there. */
  param?: { call: Node; label: string };
}

/**
 * Whether a con*() call stands where a type is read: inside an annotation, a type alias, the type
 * argument of TypeAdapter()/parse_obj_as() or of another con*(). Undefined elsewhere (a base
 * class, a call, `Annotated` metadata, `Literal[...]`).
 */
function typeContext(ctx: RuleContext, call: Node): TypeContext | undefined {
  let child = call;
  let parent = call.parent;
  while (parent) {
    switch (parent.type) {
      case "type": {
        const grand = parent.parent;
        if (!grand) return undefined;
        if (grand.type === "type_parameter") {
          const generic = grand.parent!;
          const types = grand.namedChildren.filter((c): c is Node => c?.type === "type");
          if (
            !typeArgumentAllowed(
              ctx,
              generic.namedChildren[0]!,
              types.findIndex((t) => t.equals(parent!)),
            )
          )
            return undefined;
          child = generic;
          parent = generic.parent;
          continue;
        }
        if (grand.type === "typed_default_parameter" && child.equals(call)) {
          const value = grand.childForFieldName("value");
          const fn = value?.type === "call" ? value.childForFieldName("function") : undefined;
          const q = fn ? ctx.qualifiedName(fn) : undefined;
          if (q && FASTAPI_PARAMS.has(q)) {
            return { param: { call: value!, label: FASTAPI_PARAMS.get(q)! } };
          }
          return {};
        }
        const roots = [
          "assignment",
          "typed_parameter",
          "typed_default_parameter",
          "function_definition",
          "type_alias_statement",
        ];
        return roots.includes(grand.type) ? {} : undefined;
      }
      case "subscript": {
        if (parent.childForFieldName("value")?.equals(child)) return undefined;
        const elements = parent.childrenForFieldName("subscript").filter((c): c is Node => !!c);
        const index = elements.findIndex((e) => e.equals(child));
        if (!typeArgumentAllowed(ctx, parent.childForFieldName("value")!, index)) return undefined;
        break;
      }
      case "binary_operator":
        if (parent.childForFieldName("operator")?.text !== "|") return undefined;
        break;
      case "tuple":
      case "list":
      case "parenthesized_expression":
      case "expression_list":
        break;
      case "keyword_argument": {
        if (parent.childForFieldName("name")?.text !== "item_type") return undefined;
        const owner = parent.parent?.parent;
        const q = owner?.type === "call" ? calleeName(ctx, owner) : undefined;
        if (!q || !CON_FUNCTIONS.has(q)) return undefined;
        child = owner!;
        parent = owner!.parent;
        continue;
      }
      case "argument_list": {
        const owner = parent.parent!;
        const q = calleeName(ctx, owner);
        const first = parent.namedChildren.find((c) => c?.type !== "comment");
        if (!q || !first?.equals(child)) return undefined;
        if (CON_FUNCTIONS.has(q) && CON_TYPES[CON_FUNCTIONS.get(q)!]!.collection) {
          child = owner;
          parent = owner.parent;
          continue;
        }
        return TYPE_ADAPTERS.has(q) ? {} : undefined;
      }
      case "assignment":
        // A type alias: `Name = constr(...)`.
        return parent.childForFieldName("right")?.equals(child) &&
          parent.childForFieldName("left")?.type === "identifier"
          ? {}
          : undefined;
      case "type_alias_statement":
        return {};
      default:
        return undefined;
    }
    child = parent;
    parent = parent.parent;
  }
  return undefined;
}

/** False for the metadata of Annotated[...] and for Literal[...]: values, not types. */
function typeArgumentAllowed(ctx: RuleContext, head: Node, index: number): boolean {
  const name = typingName(ctx.qualifiedName(head));
  if (name === "Literal") return false;
  if (name === "Annotated") return index === 0;
  return index >= 0;
}

function calleeName(ctx: RuleContext, call: Node): string | undefined {
  const fn = call.childForFieldName("function");
  return fn ? ctx.qualifiedName(fn) : undefined;
}

/**
 * `n: conint(gt=0) = Query(1)` -> `n: int = Query(1, gt=0)`: FastAPI on Pydantic v2 drops the
 * constraints of the annotation when the default is a parameter function, so they move into it.
 */
function moveIntoParam(
  ctx: RuleContext,
  transform: Rule,
  call: Node,
  param: { call: Node; label: string },
  constraints: Array<{ key: string; value: string }>,
  base: string,
  name: string,
): { edits: Edit[]; message: string; label: string } | { problem: Diagnostic } {
  const { label } = param;
  const accepted = FASTAPI_PARAM_KEYWORDS[label]!;
  const why = `FastAPI on Pydantic v2 ignores the constraints of ${name}() when the default is ${label}()`;
  const missing = constraints.filter((c) => !accepted.has(c.key));
  if (missing.length) {
    return {
      problem: ctx.diagnostic(
        transform,
        call,
        `${why}, and ${label}() has no \`${missing[0]!.key}\`: rewrite it by hand`,
      ),
    };
  }
  const args = param.call.childForFieldName("arguments")!;
  const items = listItems(args);
  if (items.some((i) => i.type === "dictionary_splat")) {
    return {
      problem: ctx.diagnostic(transform, call, `${why}: move them into ${label}() by hand`),
    };
  }
  const given = new Set(
    items
      .filter((i) => i.type === "keyword_argument")
      .map((i) => i.childForFieldName("name")!.text),
  );
  const clash = constraints.find((c) => given.has(c.key));
  if (clash) {
    return {
      problem: ctx.diagnostic(
        transform,
        call,
        `${why}, and both set \`${clash.key}\`: merge them by hand`,
      ),
    };
  }
  const edits: Edit[] = [{ start: call.startIndex, end: call.endIndex, text: base }];
  if (constraints.length) {
    edits.push(
      ...appendArgument(
        ctx.source,
        ctx.stylist.newline,
        args,
        constraints.map((c) => `${c.key}=${c.value}`),
        { ownLine: "after-item" },
      ),
    );
  }
  return { edits, message: `${why}: moved into ${label}()`, label };
}

function ensureAnnotated(ctx: RuleContext, at: Node): EnsureResult {
  const existing = ctx.ensureImport(at, "typing", "Annotated", {
    equivalents: ["typing_extensions.Annotated"],
    onlyExisting: true,
  });
  if (existing.ok) return existing;
  // A file that imports from typing_extensions keeps doing so (older Pythons, or by choice).
  const backport = [...ctx.scopes.module.bindings.values()].some((list) =>
    list.some(
      (b) => b.qualified === "typing_extensions" || b.qualified?.startsWith("typing_extensions."),
    ),
  );
  return backport
    ? ensureName(ctx, at, "typing_extensions", "Annotated", { equivalents: ["typing.Annotated"] })
    : ensureName(ctx, at, "typing", "Annotated", { equivalents: ["typing_extensions.Annotated"] });
}

function unusedCheck(ctx: RuleContext, fn: Node): UnusedImportCheck {
  let root = fn;
  while (root.type === "attribute") root = root.childForFieldName("object")!;
  return { local: root.text, qualified: ctx.qualifiedName(root)! };
}
