// FF101: Pydantic v2 reads configuration from `model_config`; an inner `class Config` is deprecated.
import { firstLine } from "../src/engine/source.js";
import type { RuleContext } from "../src/knowledge/context.js";
import {
  REMOVED_CONFIG_KEYS as REMOVED,
  RENAMED_CONFIG_KEYS as RENAMED,
} from "./data/pydantic-config.js";
import type { Node } from "../src/engine/parser.js";
import { modelValidator } from "./shared/model-validator.js";
import type {
  Diagnostic,
  Edit,
  Fix,
  ImportRequirement,
  UnusedImportCheck,
} from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";

const EXTRA_ENUMS = new Set(["pydantic.Extra", "pydantic.config.Extra"]);
const MAX_LINE = 88;

interface Entry {
  /** Comments on lines of their own above this entry. */
  leading: string[];
  key?: string;
  value?: string;
  trailing?: string;
  todo?: string;
}

const QUERY = `(class_definition
     body: (block (class_definition name: (identifier) @name) @config)
     (#eq? @name "Config")) @model`;

export const pydanticModelConfig: Rule = {
  name: "pydantic-model-config",
  code: "FF101",
  summary: "inner class Config of a pydantic model -> model_config = ConfigDict(...)",
  rule: "Use Pydantic v2 with model_config instead of the deprecated Config class",
  gives: ["safe", "detect"],
  docs: {
    why: "Pydantic v2 deprecates the inner Config class and renamed many of its keys; model_config = ConfigDict(...) is checked by type checkers and is what v2 documents.",
    bad: "class User(BaseModel):\n    name: str\n\n    class Config:\n        orm_mode = True\n",
    good: "class User(BaseModel):\n    name: str\n\n    model_config = ConfigDict(from_attributes=True)\n",
  },
  scope: "models",
  prefilter: /\bclass\s+Config\b/,
  query: QUERY,
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const m of ctx.captures(QUERY)) {
      const model = m.node("model");
      const config = m.node("config");
      const kind = ctx.classKind(model);
      if (!kind) continue;
      const result = convert(ctx, model, config, kind);
      if (typeof result === "string") out.push(ctx.diagnostic(this, config, result));
      else
        out.push(
          ctx.diagnostic(
            this,
            config,
            "class Config is deprecated in Pydantic v2; use model_config",
            result,
          ),
        );
    }
    return out;
  },
};

function convert(
  ctx: RuleContext,
  model: Node,
  config: Node,
  kind: "model" | "settings",
): Fix | string {
  if (config.childForFieldName("superclasses")) {
    return "class Config with base classes: merge its settings into model_config by hand";
  }
  if (config.parent?.type === "decorated_definition")
    return "decorated class Config: migrate by hand";
  const modelBody = model.childForFieldName("body")!;
  const hasModelConfig = modelBody.namedChildren.some(
    (s) =>
      s?.type === "expression_statement" &&
      s.namedChildren[0]?.type === "assignment" &&
      s.namedChildren[0].childForFieldName("left")?.text === "model_config",
  );
  if (hasModelConfig) return "class has both model_config and class Config: merge them by hand";

  const body = config.childForFieldName("body")!;
  const entries: Entry[] = [];
  const removeIfUnused: UnusedImportCheck[] = [];
  const notes: NonNullable<Fix["notes"]> = [];
  let leading: string[] = [];
  let last: { entry: Entry; row: number } | undefined;
  let getter: { value: Node; comments: string[]; row: number } | undefined;
  // Comments on the `class Config:` line itself sit before the block.
  const items = [
    ...config.namedChildren.filter((c) => c?.type === "comment"),
    ...body.namedChildren,
  ];
  for (const item of items) {
    if (!item) continue;
    if (item.type === "comment") {
      if (getter && item.startPosition.row === getter.row)
        getter.comments.push(item.text.trimEnd());
      else if (last && item.startPosition.row === last.row)
        last.entry.trailing = item.text.trimEnd();
      else leading.push(item.text.trimEnd());
      continue;
    }
    if (item.type === "pass_statement") continue;
    if (item.type === "function_definition" || item.type === "decorated_definition") {
      return "class Config defines methods: migrate it by hand";
    }
    const assignment = item.type === "expression_statement" ? item.namedChildren[0] : undefined;
    const left =
      assignment?.type === "assignment" ? assignment.childForFieldName("left") : undefined;
    const right = assignment?.childForFieldName("right");
    if (!assignment || left?.type !== "identifier" || !right || item.namedChildCount !== 1) {
      return `class Config holds \`${firstLine(ctx.text(item))}\`, which has no ConfigDict form: migrate it by hand`;
    }
    if (left.text === "getter_dict") {
      getter = { value: right, comments: leading, row: item.endPosition.row };
      notes.push({
        start: item.startIndex,
        end: item.endIndex,
        message: `Config key 'getter_dict' was removed in Pydantic v2; objects are now read through ${firstLine(ctx.text(right))} by a model_validator(mode="before")`,
      });
      leading = [];
      continue;
    }
    const entry = convertEntry(ctx, left.text, right, removeIfUnused);
    entry.leading = leading;
    leading = [];
    if (entry.todo) {
      notes.push({
        start: item.startIndex,
        end: item.endIndex,
        message: `Config key '${left.text}' was removed in Pydantic v2; kept with a TODO comment`,
      });
    }
    entries.push(entry);
    last = { entry, row: item.endPosition.row };
  }
  if (leading.length) entries.push({ leading });

  const [module, name] =
    kind === "settings" ? ["pydantic_settings", "SettingsConfigDict"] : ["pydantic", "ConfigDict"];
  const imported = ctx.ensureImport(config, module, name);
  if (!imported.ok) return imported.reason;
  const indent = ctx.lineIndent(config.startIndex);
  const entryIndent = bodyIndent(ctx, body) ?? indent + ctx.stylist.indent;
  let text = render(imported.expr, entries, indent, entryIndent, ctx.stylist.newline);
  const imports: ImportRequirement[] = imported.requirement ? [imported.requirement] : [];
  if (getter) {
    const reader = getterValidator(ctx, config, getter, indent);
    if (typeof reader === "string") return reader;
    text += reader.text;
    imports.push(...reader.imports);
  }
  const edits: Edit[] = [{ start: config.startIndex, end: ctx.endOf(config), text }];
  return {
    title: `Replace class Config with model_config = ${imported.expr}(...)`,
    safety: "safe",
    edits,
    imports,
    removeIfUnused,
    notes,
  };
}

/**
 * v1 validated an object (`from_orm`, or a nested value in orm_mode) through `Config.getter_dict`,
 * a mapping view of it. v2 has no such hook: a before-validator reads every field through the same
 * getter (by alias, then by name, as v1 did) and hands v2 a dict. Dicts and instances pass as they
 * are, because v1 never put them through the getter either.
 */
function getterValidator(
  ctx: RuleContext,
  config: Node,
  getter: { value: Node; comments: string[] },
  indent: string,
): { text: string; imports: ImportRequirement[] } | string {
  const value = ctx.text(getter.value);
  if (/\n/.test(value)) return "getter_dict spans lines: migrate it by hand";
  const method = modelValidator(ctx, {
    cls: config.parent!.parent!,
    mode: "before",
    name: "read_with_getter_dict",
    parameters: "data: {Any}",
    returns: "{Any}",
    body: [
      "if isinstance(data, (dict, cls)):",
      "\treturn data",
      `getter, missing, values = ${value}(data), object(), {}`,
      "for name, field in cls.model_fields.items():",
      "\tfor key in filter(None, (field.alias, name)):",
      "\t\tfound = getter.get(key, missing)",
      "\t\tif found is not missing:",
      "\t\t\tvalues[field.alias or name] = found",
      "\t\t\tbreak",
      "return values",
    ],
    uses: [["typing", "Any"]],
    indent,
    comments: getter.comments,
  });
  return typeof method === "string" ? `getter_dict: ${method}` : method;
}

function convertEntry(
  ctx: RuleContext,
  key: string,
  value: Node,
  removeIfUnused: UnusedImportCheck[],
): Entry {
  const text = ctx.text(value);
  if (key === "allow_mutation") {
    if (text === "False") return { leading: [], key: "frozen", value: "True" };
    if (text === "True") return { leading: [], key: "frozen", value: "False" };
    return { leading: [], key: "frozen", value: `not (${text})` };
  }
  if (key === "extra" && value.type === "attribute") {
    const object = value.childForFieldName("object")!;
    const qualified = ctx.qualifiedName(object);
    if (qualified && EXTRA_ENUMS.has(qualified)) {
      const member = value.childForFieldName("attribute")!.text;
      const q = ctx.stylist.quote;
      let root = object;
      while (root.type === "attribute") root = root.childForFieldName("object")!;
      const rootQualified = ctx.qualifiedName(root);
      if (rootQualified) removeIfUnused.push({ local: root.text, qualified: rootQualified });
      return { leading: [], key, value: `${q}${member}${q}` };
    }
  }
  if (REMOVED.has(key)) {
    return {
      leading: [],
      key,
      value: text,
      todo: `TODO(fastapi-fix): '${key}' was removed in Pydantic v2`,
    };
  }
  return { leading: [], key: RENAMED[key] ?? key, value: text };
}

function bodyIndent(ctx: RuleContext, body: Node): string | undefined {
  const first = body.namedChildren.find((c) => c && c.type !== "comment");
  return first ? ctx.lineIndent(first.startIndex) : undefined;
}

function render(
  callee: string,
  entries: Entry[],
  indent: string,
  entryIndent: string,
  nl: string,
): string {
  const pairs = entries.filter((e) => e.key !== undefined);
  const plain = entries.every(
    (e) => !e.leading.length && !e.trailing && !e.todo && !/\n/.test(e.value ?? ""),
  );
  if (plain) {
    const line = `model_config = ${callee}(${pairs.map((e) => `${e.key}=${e.value}`).join(", ")})`;
    if (indent.length + line.length <= MAX_LINE) return line;
  }
  const lines = [`model_config = ${callee}(`];
  for (const e of entries) {
    for (const c of e.leading) lines.push(`${entryIndent}${c}`);
    if (e.key === undefined) continue;
    const comments = [e.trailing, e.todo ? `# ${e.todo}` : undefined].filter(Boolean);
    // A value spanning lines keeps its own line breaks; make them the file's.
    const value = e.value!.replace(/\r?\n/g, nl);
    lines.push(
      `${entryIndent}${e.key}=${value},${comments.length ? `  ${comments.join("  ")}` : ""}`,
    );
  }
  lines.push(`${indent})`);
  return lines.join(nl);
}
