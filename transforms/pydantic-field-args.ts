// FF104: Pydantic v1 keywords of Field() and of FastAPI's Query()/Body()/... rewritten to what
// Pydantic v2 accepts, and `pattern=` literals (of those calls and of StringConstraints()) that only
// Python's re reads as written. The v1 constrained types constr()/conint()/... are FF111's.
import { firstLine } from "../src/engine/source.js";
import type { RuleContext } from "../src/knowledge/context.js";
import type { EnsureResult } from "../src/engine/imports.js";
import type { Node } from "../src/engine/parser.js";
import {
  appendArgument,
  keywordArguments,
  listItems,
  removeListItems,
} from "../src/engine/syntax.js";
import type { Diagnostic, Edit, Fix, ImportRequirement } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";
import {
  FASTAPI_PARAM_KEYWORDS,
  FASTAPI_PARAMS,
  PARAM_NO_EFFECT,
  PYDANTIC_FIELD,
  PYDANTIC_FIELD_KEYWORDS,
  SQLMODEL_FIELD,
} from "./data/pydantic-fields.js";
import { ensureName } from "./shared/ensure-name.js";
import { REGEX_NOTE, v2Pattern } from "./shared/regex-pattern.js";

const STRING_CONSTRAINTS = new Set([
  "pydantic.StringConstraints",
  "pydantic.types.StringConstraints",
]);

const QUERY = `(call function: [(identifier) (attribute)] @fn arguments: (argument_list) @args) @call`;

export const pydanticFieldArgs: Rule = {
  name: "pydantic-field-args",
  code: "FF104",
  summary: "Pydantic v1 keywords of Field()/Query()/... -> their Pydantic v2 forms",
  rule: "Use Pydantic v2; use Field() for validation constraints (min_length, max_length, ge, le)",
  gives: ["safe", "detect"],
  docs: {
    why: "Pydantic v2 rejects `regex`, `const` and `unique_items` in Field() and deprecates `min_items`, `max_items`, `allow_mutation`, `example` and extra keywords; modern FastAPI's Query()/Body()/... reject the extra and v1-only keywords and deprecate `regex` and `example`; SQLModel's Field() on Pydantic v2 silently ignores `regex` and `allow_mutation`. A v1 `regex` matched at the start of the string only, a v2 `pattern` anywhere: the rewritten pattern is anchored with `^` so that it accepts what it accepted before. A literal pattern that the Rust regex engine of Pydantic v2 rejects or reads otherwise than Python's `re` (look-around, backreferences, `\\Z`, possessive quantifiers, `[[:alpha:]]`...) becomes `pattern=re.compile(...)`: Pydantic 2.7 and later validate such a field with Python's `re`, as v1 did, and its JSON schema keeps the same pattern string. In a BaseSettings class, v1's `env=\"X\"` named the environment variable; pydantic-settings 2 ignores `env` and reads `validation_alias` (`AliasChoices(...)` for a list), with the same case rule and, like v1's `env`, without the env prefix. `const=True` on a str field with a string default becomes the `Literal[...]` type that accepts what v1 accepted.",
    bad: 'from typing import List\n\nfrom pydantic import BaseModel, Field\n\n\nclass Item(BaseModel):\n    sku: str = Field(..., regex=r"[A-Z]{3}-\\d+", example="ABC-1")\n    tags: List[str] = Field([], max_items=5, unit="tag")\n',
    good: 'from typing import List\n\nfrom pydantic import BaseModel, Field\n\n\nclass Item(BaseModel):\n    sku: str = Field(..., pattern=r"^[A-Z]{3}-\\d+", examples=["ABC-1"])\n    tags: List[str] = Field([], max_length=5, json_schema_extra={"unit": "tag"})\n',
  },
  // The calls are Pydantic's, SQLModel's or FastAPI's: the module imports one of them.
  prefilter: [
    /\b(?:pydantic|sqlmodel|fastapi)\b/,
    /\b(?:Field|Query|Path|Body|Header|Cookie|Form|File|StringConstraints)\b/,
  ],
  query: QUERY,
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const m of ctx.captures(QUERY)) {
      const call = m.node("call");
      const fn = m.node("fn");
      const args = m.node("args");
      const q = ctx.qualifiedName(fn);
      if (!q) continue;
      if (PYDANTIC_FIELD.has(q)) out.push(...fieldCall(ctx, this, call, args, "pydantic", "Field"));
      else if (SQLMODEL_FIELD.has(q))
        out.push(...fieldCall(ctx, this, call, args, "sqlmodel", "Field"));
      else if (FASTAPI_PARAMS.has(q))
        out.push(...fieldCall(ctx, this, call, args, "fastapi", FASTAPI_PARAMS.get(q)!));
      else if (STRING_CONSTRAINTS.has(q)) out.push(...stringConstraints(ctx, this, call, args));
    }
    return out;
  },
};

// ---- Field(), SQLModel's Field() and FastAPI's parameter functions ---------------------------

type Family = "pydantic" | "sqlmodel" | "fastapi";

interface Plan {
  replace: Map<Node, string>;
  remove: Set<Node>;
  /** Keywords that go into json_schema_extra (SQLModel: schema_extra). */
  moved: Array<{ node: Node; key: string; value: string; from: string }>;
  changes: string[];
  notes: NonNullable<Fix["notes"]>;
  problems: Diagnostic[];
  /** Patterns compiled with Python's re, by the keyword that carries them. */
  compiled: Array<{ node: Node; reason: string; imports: ImportRequirement[] }>;
  /** Imports the other rewrites need (AliasChoices, Literal). */
  imports: ImportRequirement[];
  /** `const=True` as a Literal[...] annotation: its edit, and the default the call keeps. */
  literal?: ConstLiteral;
}

function fieldCall(
  ctx: RuleContext,
  transform: Rule,
  call: Node,
  args: Node,
  family: Family,
  label: string,
): Diagnostic[] {
  const items = listItems(args);
  const keywords = keywordArguments(args);
  const plan: Plan = {
    replace: new Map(),
    remove: new Set(),
    moved: [],
    changes: [],
    notes: [],
    problems: [],
    compiled: [],
    imports: [],
  };
  const problem = (node: Node, message: string): void => {
    plan.problems.push(ctx.diagnostic(transform, node, message));
  };
  const has = (name: string): boolean => keywords.has(name);
  /** Renames `from` to `to` unless the call already has `to`. */
  const rename = (item: Node, from: string, to: string, value: string): boolean => {
    if (has(to)) {
      problem(item, `${label}() has both \`${from}\` and \`${to}\`: keep one by hand`);
      return false;
    }
    plan.replace.set(item, `${to}=${value}`);
    plan.changes.push(`${from} -> ${to}`);
    return true;
  };
  const extraKey = family === "sqlmodel" ? "schema_extra" : "json_schema_extra";

  for (const [name, item] of keywords) {
    const value = item.childForFieldName("value")!;
    const text = ctx.text(value);
    const noOp = value.type === "false" || value.type === "none";
    switch (name) {
      case "regex": {
        const pattern = v2Pattern(ctx, value, true);
        let done = true;
        if (family === "sqlmodel") {
          // SQLModel's Field() keeps `regex` but Pydantic v2 ignores it; `pattern` only reaches
          // the field through schema_extra.
          plan.moved.push({ node: item, key: "pattern", value: pattern.text, from: name });
          plan.changes.push(`regex -> ${extraKey} pattern`);
        } else done = rename(item, name, "pattern", pattern.text);
        if (!done) continue;
        if (!pattern.exact) plan.notes.push(ctx.note(value, REGEX_NOTE));
        // A `pattern=` keyword is checked again on the next pass; schema_extra is not.
        if (pattern.problem && family === "sqlmodel")
          plan.notes.push(ctx.note(value, pattern.problem));
        if (pattern.compiled) {
          plan.compiled.push({ node: item, reason: pattern.compiled, imports: pattern.imports });
        }
        continue;
      }
      case "pattern": {
        // A v2 pattern (written by hand or by an earlier run) that the Rust engine cannot read.
        if (family === "sqlmodel") break;
        const pattern = v2Pattern(ctx, value, false);
        if (pattern.problem) problem(value, pattern.problem);
        else if (pattern.compiled) {
          plan.replace.set(item, `pattern=${pattern.text}`);
          plan.compiled.push({ node: item, reason: pattern.compiled, imports: pattern.imports });
        }
        continue;
      }
      case "min_items":
      case "max_items":
        rename(item, name, name === "min_items" ? "min_length" : "max_length", text);
        continue;
      case "const":
      case "unique_items": {
        if (noOp) {
          plan.remove.add(item);
          plan.changes.push(`${name}=${text} dropped`);
          continue;
        }
        const literal =
          name === "const" && family === "pydantic" && value.type === "true"
            ? constLiteral(ctx, call, items, item)
            : undefined;
        if (literal && !("reason" in literal)) {
          plan.literal = literal;
          plan.remove.add(item);
          plan.imports.push(...literal.imports);
          plan.changes.push(`const=True -> ${literal.annotation}`);
        } else problem(item, removedMessage(name, family, label) + (literal?.reason ?? ""));
        continue;
      }
      case "env": {
        // pydantic-settings 2 reads a setting's environment variable from validation_alias; in a
        // plain model `env` was only a schema extra.
        if (family !== "pydantic") break;
        const cls = declaringClass(ctx, call);
        if (!cls || ctx.classKind(cls) !== "settings") break;
        const env = envAlias(ctx, call, cls, item, keywords);
        if ("problem" in env) problem(item, env.problem);
        else {
          plan.replace.set(item, `validation_alias=${env.text}`);
          plan.imports.push(...env.imports);
          plan.changes.push("env -> validation_alias");
          if (env.note) plan.notes.push(ctx.note(item, env.note));
        }
        continue;
      }
      case "allow_mutation":
        if (family === "fastapi") break;
        if (value.type === "true") {
          plan.remove.add(item);
          plan.changes.push("allow_mutation=True dropped");
        } else if (value.type === "false") {
          if (family === "sqlmodel") {
            plan.moved.push({ node: item, key: "frozen", value: "True", from: name });
            plan.changes.push(`allow_mutation=False -> ${extraKey} frozen=True`);
          } else if (has("frozen")) {
            problem(
              item,
              `${label}() has both \`allow_mutation\` and \`frozen\`: keep one by hand`,
            );
          } else {
            plan.replace.set(item, "frozen=True");
            plan.changes.push("allow_mutation=False -> frozen=True");
          }
        } else {
          problem(
            item,
            `allow_mutation=${firstLine(text, 40)} is deprecated in Pydantic v2: write frozen=... by hand`,
          );
        }
        continue;
      case "example":
        if (family === "sqlmodel") continue;
        if (has("examples") && !isDict(keywords.get("examples")!)) {
          problem(item, `${label}() has both \`example\` and \`examples\`: merge them by hand`);
          continue;
        }
        plan.replace.set(item, `examples=[${text}]`);
        plan.changes.push("example -> examples");
        continue;
      case "examples":
        // FastAPI before 0.99 took named OpenAPI examples here, a dict; now they are
        // `openapi_examples` and `examples` is a JSON Schema list.
        if (family === "fastapi" && value.type === "dictionary") {
          if (has("openapi_examples")) {
            problem(
              item,
              `${label}() has both a dict \`examples\` and \`openapi_examples\`: merge them by hand`,
            );
          } else {
            plan.replace.set(item, `openapi_examples=${text}`);
            plan.changes.push("examples -> openapi_examples");
          }
        }
        continue;
      case "include":
        if (family === "pydantic") {
          problem(
            item,
            "`include` does nothing in Pydantic v2: pass include=/exclude= to model_dump() instead",
          );
          continue;
        }
        break;
      case "exclude":
        if (family === "pydantic" && (value.type === "set" || value.type === "dictionary")) {
          problem(
            item,
            "`exclude` takes only a bool in Pydantic v2: pass exclude= to model_dump() instead",
          );
          continue;
        }
        break;
    }
    if (family === "fastapi") {
      if (PARAM_NO_EFFECT.has(name)) {
        plan.remove.add(item);
        plan.changes.push(`${name} dropped (no effect on a request parameter)`);
      } else if (!FASTAPI_PARAM_KEYWORDS[label]!.has(name)) {
        plan.moved.push({ node: item, key: name, value: text, from: name });
      }
    } else if (family === "pydantic" && !PYDANTIC_FIELD_KEYWORDS.has(name)) {
      plan.moved.push({ node: item, key: name, value: text, from: name });
    }
  }

  const extraEdits = planExtra(ctx, transform, plan, items, keywords, extraKey, label);
  const out = [...plan.problems];
  if (!plan.replace.size && !plan.remove.size && !extraEdits.length) return out;
  const literal = plan.literal;
  // `Field("dog", const=True)` with nothing else to keep is the default alone.
  const bare =
    literal &&
    !extraEdits.length &&
    !plan.replace.size &&
    items.every((i) => i.equals(literal.defaultItem) || plan.remove.has(i));
  const edits = bare
    ? [{ start: call.startIndex, end: call.endIndex, text: ctx.text(literal.defaultValue) }]
    : [...argumentEdits(args, items, plan.replace, plan.remove), ...extraEdits];
  if (literal) edits.push(literal.edit);
  // A pattern that went into json_schema_extra by hand (planExtra gave up) is not written.
  const compiled = plan.compiled.filter((c) => plan.replace.has(c.node) || plan.remove.has(c.node));
  const reason = compiled[0]?.reason;
  const message = plan.changes.length
    ? `Pydantic v1 keywords in ${label}(): ${plan.changes.join(", ")}${reason ? `; the pattern is compiled with Python's re (${reason})` : ""}`
    : `The pattern of ${label}() is compiled with Python's re (${reason})`;
  out.push(
    ctx.diagnostic(transform, call, message, {
      title: plan.changes.length
        ? `Rewrite the Pydantic v1 keywords of ${label}()`
        : `Compile the pattern of ${label}() with re`,
      safety: "safe",
      edits,
      imports: [...compiled.flatMap((c) => c.imports), ...plan.imports],
      notes: plan.notes,
    }),
  );
  return out;
}

/** `StringConstraints(pattern="...")` whose pattern only Python's re reads as written. */
function stringConstraints(
  ctx: RuleContext,
  transform: Rule,
  call: Node,
  args: Node,
): Diagnostic[] {
  const item = listItems(args).find(
    (i) => i.type === "keyword_argument" && i.childForFieldName("name")!.text === "pattern",
  );
  const value = item?.childForFieldName("value");
  if (!value) return [];
  const pattern = v2Pattern(ctx, value, false);
  if (pattern.problem) return [ctx.diagnostic(transform, value, pattern.problem)];
  if (!pattern.compiled) return [];
  return [
    ctx.diagnostic(
      transform,
      call,
      `The pattern of StringConstraints() is compiled with Python's re (${pattern.compiled})`,
      {
        title: "Compile the pattern of StringConstraints() with re",
        safety: "safe",
        edits: [{ start: value.startIndex, end: value.endIndex, text: pattern.text }],
        imports: pattern.imports,
      },
    ),
  ];
}

function removedMessage(name: string, family: Family, label: string): string {
  const instead = name === "const" ? "use a Literal[...] type" : "use a set type";
  if (family === "sqlmodel") {
    return `SQLModel on Pydantic v2 ignores \`${name}\` (v1 enforced it): ${instead} instead`;
  }
  if (family === "fastapi") {
    return `\`${name}\` was removed in Pydantic v2 and modern FastAPI's ${label}() rejects it: ${instead} instead`;
  }
  return `\`${name}\` was removed in Pydantic v2 (an error when the class is defined): ${instead} instead`;
}

// ---- env= of a settings field, const=True ---------------------------------------------------

/** The class whose body evaluates `node` (a field declaration's Field() call), if any. */
function declaringClass(ctx: RuleContext, node: Node): Node | undefined {
  const scope = ctx.scopeAt(node);
  return scope.kind === "class" ? scope.node : undefined;
}

/** The assignment statement of a class body that `node` is part of (`name: T = ...`). */
function fieldAssignment(node: Node): Node | undefined {
  for (let n: Node | null = node.parent; n; n = n.parent) {
    if (n.type === "assignment") {
      return n.parent?.type === "expression_statement" &&
        n.parent.parent?.type === "block" &&
        n.parent.parent.parent?.type === "class_definition"
        ? n
        : undefined;
    }
    if (n.type === "block" || n.type === "lambda") return undefined;
  }
  return undefined;
}

const POPULATE_BY_NAME = ["populate_by_name", "allow_population_by_field_name", "validate_by_name"];

/**
 * `env="X"` of a BaseSettings field -> `validation_alias="X"`, `env=["A", "B"]` ->
 * `validation_alias=AliasChoices("A", "B")`: what pydantic-settings 2 reads the environment (and
 * .env files) from, case-insensitively unless case_sensitive is set, without the env prefix, first
 * name first: as v1 read `env`. It is also the keyword the constructor takes then.
 */
function envAlias(
  ctx: RuleContext,
  call: Node,
  cls: Node,
  item: Node,
  keywords: Map<string, Node>,
): { text: string; imports: ImportRequirement[]; note?: string } | { problem: string } {
  const value = item.childForFieldName("value")!;
  if (ctx.isV2Model(cls)) {
    return {
      problem: `pydantic-settings 2 ignores \`env\` (the setting is read under its own name): write validation_alias=${firstLine(ctx.text(value), 40)} if it must be read from there`,
    };
  }
  for (const other of ["alias", "validation_alias"]) {
    if (keywords.has(other)) {
      return {
        problem: `Field() has both \`env\` and \`${other}\`: pydantic-settings 2 reads the environment and the keyword arguments from validation_alias alone; write it by hand`,
      };
    }
  }
  const byHand = "write validation_alias=... (AliasChoices(...) for several names) by hand";
  const isName = (n: Node): boolean =>
    (n.type === "string" &&
      !n.children.some((c) => c?.type === "interpolation") &&
      !/[bB]/.test(n.children.find((c) => c?.type === "string_start")?.text ?? "b")) ||
    (n.type === "concatenated_string" && n.namedChildren.every((c) => !c || isName(c)));
  let text: string;
  const imports: ImportRequirement[] = [];
  if (isName(value)) text = ctx.text(value);
  else if (value.type === "list" || value.type === "tuple" || value.type === "set") {
    const names = listItems(value);
    if (!names.length) {
      return {
        problem: `\`env=${ctx.text(value)}\` kept the setting out of the environment, which validation_alias cannot say: rewrite it by hand`,
      };
    }
    if (!names.every(isName)) {
      return { problem: `\`env\` is not a list of string literals: ${byHand}` };
    }
    if (value.type === "set" && names.length > 1) {
      return {
        problem: `\`env\` is a set, whose order (the order v1 tried the names in) is not defined: ${byHand}`,
      };
    }
    const choices = ensureName(ctx, call, "pydantic", "AliasChoices", {
      equivalents: ["pydantic.aliases.AliasChoices"],
    });
    if (!choices.ok)
      return { problem: `\`env\` needs AliasChoices (${choices.reason}): ${byHand}` };
    if (choices.requirement) imports.push(choices.requirement);
    const open = value.children[0]!;
    const close = value.children[value.childCount - 1]!;
    let inner = ctx.source.slice(open.endIndex, close.startIndex);
    // A one-name tuple's comma: `("A",)` -> `AliasChoices("A")`.
    if (!/[\r\n]/.test(inner)) inner = inner.replace(/,\s*$/, "");
    text = `${choices.expr}(${inner})`;
  } else return { problem: `\`env\` is not a string literal: ${byHand}` };
  if (ctx.configHas(cls, POPULATE_BY_NAME)) return { text, imports };
  const field = fieldAssignment(call)?.childForFieldName("left");
  const name = field?.type === "identifier" ? field.text : "<field>";
  const owner = cls.childForFieldName("name")!.text;
  return {
    text,
    imports,
    note: `${owner}(${name}=...) no longer sets this setting: pydantic-settings 2 takes its validation_alias there too. If code passes ${name}=, add populate_by_name=True to the configuration (pydantic-settings 2.6 and later then also read ${name}, after the env prefix, from the environment)`,
  };
}

interface ConstLiteral {
  /** The new annotation, `Literal["dog"]`. */
  annotation: string;
  edit: Edit;
  imports: ImportRequirement[];
  /** The argument that gives the default (positional or `default=`), and its value. */
  defaultItem: Node;
  defaultValue: Node;
}

/** Config keys that change a str before v1 compared it with the const default. */
const STR_CONFIG = [
  "anystr_strip_whitespace",
  "anystr_lower",
  "anystr_upper",
  "min_anystr_length",
  "max_anystr_length",
  "str_strip_whitespace",
  "str_to_lower",
  "str_to_upper",
  "str_min_length",
  "str_max_length",
];

/**
 * `kind: str = Field("dog", const=True)` -> `kind: Literal["dog"] = Field("dog")`. v1 validated
 * the value as a str, then required it to equal the default; Literal["dog"] accepts the same
 * strings and rejects the rest. Only for a str annotation and a plain string default: an int or
 * bool Literal rejects the strings ("1", "true") that v1 converted first, an enum member Literal
 * rejects the values of a plain Enum, and v1 turned numbers into str ("1" accepted 1).
 * `reason` says why not, where that helps.
 */
function constLiteral(
  ctx: RuleContext,
  call: Node,
  items: Node[],
  item: Node,
): ConstLiteral | { reason: string } | undefined {
  const assignment = fieldAssignment(call);
  if (!assignment?.childForFieldName("right")?.equals(call)) return undefined;
  const cls = declaringClass(ctx, call);
  if (!cls || !ctx.classKind(cls)) return undefined;
  if (items.some((i) => i.type === "list_splat" || i.type === "dictionary_splat")) return undefined;
  const first = items[0];
  const defaultItem =
    first && first.type !== "keyword_argument"
      ? first
      : items.find(
          (i) => i.type === "keyword_argument" && i.childForFieldName("name")!.text === "default",
        );
  const defaultValue =
    defaultItem?.type === "keyword_argument"
      ? defaultItem.childForFieldName("value")!
      : defaultItem;
  if (!defaultItem || !defaultValue || defaultItem.equals(item)) return undefined;
  if (["integer", "true", "false"].includes(defaultValue.type)) {
    return {
      reason: `; unlike v1's field, Literal[${firstLine(ctx.text(defaultValue), 40)}] rejects the strings (of the environment, a query, a form) that v1 converted`,
    };
  }
  const type = assignment.childForFieldName("type")?.namedChildren[0];
  if (!type || type.type !== "identifier" || ctx.qualifiedName(type) !== "builtins.str")
    return undefined;
  const open = defaultValue.children.find((c) => c?.type === "string_start");
  if (
    defaultValue.type !== "string" ||
    !open ||
    /[bBfFtT]/.test(open.text) ||
    defaultValue.children.some((c) => c?.type === "interpolation")
  )
    return undefined;
  const close = defaultValue.children.find((c) => c?.type === "string_end")!;
  // v1 turned a number into a str before comparing: "1" accepted 1, Literal["1"] does not.
  if (/^\s*[-+]?(?:\d|\.\d|inf|nan)/i.test(ctx.source.slice(open.endIndex, close.startIndex)))
    return undefined;
  // v1 stripped or changed the case of the str before comparing (and checked its length).
  if (ctx.configHas(cls, STR_CONFIG) !== false) return undefined;
  const literal = ensureLiteral(ctx, call);
  if (!literal.ok) return undefined;
  const annotation = `${literal.expr}[${ctx.text(defaultValue)}]`;
  return {
    annotation: `${literal.expr}[...]`,
    edit: { start: type.startIndex, end: type.endIndex, text: annotation },
    imports: literal.requirement ? [literal.requirement] : [],
    defaultItem,
    defaultValue,
  };
}

function ensureLiteral(ctx: RuleContext, at: Node): EnsureResult {
  const existing = ctx.ensureImport(at, "typing", "Literal", {
    equivalents: ["typing_extensions.Literal"],
    onlyExisting: true,
  });
  if (existing.ok) return existing;
  // typing has Literal from Python 3.8 on; a file that imports from typing_extensions keeps doing so.
  const backport =
    ctx.declares("python", "3.8") === "no" ||
    [...ctx.scopes.module.bindings.values()].some((list) =>
      list.some(
        (b) => b.qualified === "typing_extensions" || b.qualified?.startsWith("typing_extensions."),
      ),
    );
  return backport
    ? ensureName(ctx, at, "typing_extensions", "Literal", { equivalents: ["typing.Literal"] })
    : ensureName(ctx, at, "typing", "Literal", { equivalents: ["typing_extensions.Literal"] });
}

/**
 * Moves the planned keywords into json_schema_extra: into an existing dict literal, or as a new
 * keyword where the first of them stood. Returns the edits that touch the existing dict.
 */
function planExtra(
  ctx: RuleContext,
  transform: Rule,
  plan: Plan,
  items: Node[],
  keywords: Map<string, Node>,
  extraKey: string,
  label: string,
): Edit[] {
  if (!plan.moved.length) return [];
  const names = plan.moved
    .map((m) => (m.from === m.key ? `\`${m.key}\`` : `\`${m.from}\` (as \`${m.key}\`)`))
    .join(", ");
  const giveUp = (node: Node, message: string): Edit[] => {
    plan.problems.push(ctx.diagnostic(transform, node, message));
    // The keywords stay where they are; changes that only moved them are dropped.
    plan.changes = plan.changes.filter((c) => !c.includes(`-> ${extraKey}`));
    plan.notes = plan.notes.filter((n) => !plan.moved.some((m) => within(n, m.node)));
    plan.moved = [];
    return [];
  };
  if (items.some((i) => i.type === "dictionary_splat")) {
    return giveUp(
      plan.moved[0]!.node,
      `${label}() takes **kwargs: move ${names} into ${extraKey} by hand`,
    );
  }
  const q = ctx.stylist.quote;
  const entries = plan.moved.map((m) => `${q}${m.key}${q}: ${m.value}`);
  const movedKeys = plan.moved.filter((m) => m.from === m.key); // the others are listed already
  if (movedKeys.length)
    plan.changes.push(`${movedKeys.map((m) => m.key).join(", ")} -> ${extraKey}`);
  const existing = keywords.get(extraKey);
  if (existing) {
    const dict = existing.childForFieldName("value")!;
    if (dict.type !== "dictionary") {
      return giveUp(existing, `${extraKey} is not a dict literal: move ${names} into it by hand`);
    }
    const present = new Set(
      dict.namedChildren
        .filter((p): p is Node => p?.type === "pair")
        .map((p) => stringValue(ctx, p.childForFieldName("key")!))
        .filter((k): k is string => k !== undefined),
    );
    const clash = plan.moved.find((m) => present.has(m.key));
    if (clash) {
      return giveUp(existing, `${extraKey} already has \`${clash.key}\`: merge it by hand`);
    }
    for (const m of plan.moved) plan.remove.add(m.node);
    return appendArgument(ctx.source, ctx.stylist.newline, dict, entries, {
      ownLine: "after-item",
    });
  }
  const [first, ...rest] = plan.moved;
  plan.replace.set(first!.node, `${extraKey}={${entries.join(", ")}}`);
  for (const m of rest) plan.remove.add(m.node);
  return [];
}

function within(note: { start: number; end: number }, node: Node): boolean {
  return note.start >= node.startIndex && note.end <= node.endIndex;
}

// ---- argument lists --------------------------------------------------------------------------

/** Edits that replace and remove arguments, keeping the commas and layout of the rest. */
function argumentEdits(
  list: Node,
  items: Node[],
  replace: Map<Node, string>,
  remove: Set<Node>,
): Edit[] {
  const edits: Edit[] = [];
  for (const [node, text] of replace) {
    if (!remove.has(node)) edits.push({ start: node.startIndex, end: node.endIndex, text });
  }
  const gone = items.flatMap((item, i) => (remove.has(item) ? [i] : []));
  edits.push(...removeListItems(items, gone, list));
  return edits;
}

// ---- small helpers ---------------------------------------------------------------------------

function isDict(keyword: Node): boolean {
  return keyword.childForFieldName("value")?.type === "dictionary";
}

/** The value of a plain string literal, or undefined. */
function stringValue(ctx: RuleContext, node: Node): string | undefined {
  if (node.type !== "string") return undefined;
  if (node.children.some((c) => c?.type === "interpolation" || c?.type === "escape_sequence"))
    return undefined;
  const open = node.children.find((c) => c?.type === "string_start");
  const close = node.children.find((c) => c?.type === "string_end");
  if (!open || !close) return undefined;
  return ctx.source.slice(open.endIndex, close.startIndex);
}
