// FF105: names Pydantic v2 moved to other packages, renamed or folded into BaseModel.
import type { RuleContext } from "../src/knowledge/context.js";
import { REMOVED_CONFIG_KEYS, RENAMED_CONFIG_KEYS } from "./data/pydantic-config.js";
import { isReference } from "../src/engine/imports.js";
import { decoratorsOf, listItems } from "../src/engine/syntax.js";
import type { Node } from "../src/engine/parser.js";
import type { Binding } from "../src/engine/scope.js";
import type {
  Diagnostic,
  Edit,
  Fix,
  ImportRequirement,
  UnusedImportCheck,
} from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";
import { REDIRECTED_TO_V1, REMOVED_IN_V2 } from "./data/pydantic-removed.js";

interface Target {
  module: string;
  name: string;
  message: string;
}

const SETTINGS: Target = {
  module: "pydantic_settings",
  name: "BaseSettings",
  message: "BaseSettings moved to the pydantic-settings package in Pydantic v2",
};
const COLOR: Target = {
  module: "pydantic_extra_types.color",
  name: "Color",
  message: "Color moved to the pydantic-extra-types package in Pydantic v2",
};
const CARD: Target = {
  module: "pydantic_extra_types.payment",
  name: "PaymentCardNumber",
  message: "PaymentCardNumber moved to the pydantic-extra-types package in Pydantic v2",
};
const BRAND: Target = {
  module: "pydantic_extra_types.payment",
  name: "PaymentCardBrand",
  message: "PaymentCardBrand moved to the pydantic-extra-types package in Pydantic v2",
};
const VALIDATE_CALL: Target = {
  module: "pydantic",
  name: "validate_call",
  message: "validate_arguments is deprecated in Pydantic v2; use validate_call",
};
const VALIDATION_ERROR: Target = {
  module: "pydantic",
  name: "ValidationError",
  message:
    "pydantic.error_wrappers is deprecated in Pydantic v2; import ValidationError from pydantic",
};
const BASE_MODEL: Target = {
  module: "pydantic",
  name: "BaseModel",
  message:
    "GenericModel is deprecated in Pydantic v2: a generic model subclasses BaseModel and Generic[T]",
};
const IMPORT_STRING: Target = {
  module: "pydantic",
  name: "ImportString",
  message: "PyObject is deprecated in Pydantic v2; use ImportString",
};

/** v1 qualified name -> where v2 has it (checked against pydantic 2.14, pydantic-settings 2.16, pydantic-extra-types 2.11). */
const MOVED: ReadonlyMap<string, Target> = new Map([
  ["pydantic.BaseSettings", SETTINGS],
  ["pydantic.env_settings.BaseSettings", SETTINGS],
  ["pydantic.Color", COLOR],
  ["pydantic.color.Color", COLOR],
  ["pydantic.PaymentCardNumber", CARD],
  ["pydantic.types.PaymentCardNumber", CARD],
  ["pydantic.types.PaymentCardBrand", BRAND],
  ["pydantic.validate_arguments", VALIDATE_CALL],
  ["pydantic.decorator.validate_arguments", VALIDATE_CALL],
  ["pydantic.error_wrappers.ValidationError", VALIDATION_ERROR],
  ["pydantic.generics.GenericModel", BASE_MODEL],
  ["pydantic.PyObject", IMPORT_STRING],
  ["pydantic.types.PyObject", IMPORT_STRING],
]);

const BASE_MODELS = new Set(["pydantic.BaseModel", "pydantic.main.BaseModel"]);

/** Config keys v1 spelled otherwise or v2 dropped: a `validate_call(config=...)` with them needs a hand. */
const V1_CONFIG_KEYS = new Set([
  ...Object.keys(RENAMED_CONFIG_KEYS),
  "allow_mutation",
  ...REMOVED_CONFIG_KEYS,
]);

/** Attributes of a v1 `validate_arguments` function that v2's `validate_call` does not give. */
const V1_VALIDATED_ATTRIBUTES = new Set(["validate", "model"]);

const NAMES = [...new Set([...MOVED.keys()].map((q) => q.split(".").pop()!))];
const REMOVED_NAMES = [
  ...new Set([...REMOVED_IN_V2, ...REDIRECTED_TO_V1].map((q) => q.split(".").pop()!)),
];

/** The file mentions pydantic and one of the names this rule knows. */
const PREFILTER = [/\bpydantic\b/, new RegExp(`\\b(${[...NAMES, ...REMOVED_NAMES].join("|")})\\b`)];

const STRINGS = "(string_content) @s";
const CALLS = "(call function: [(identifier) (attribute)] @fn) @call";

const QUERY = `(attribute attribute: (identifier) @name
     (#match? @name "^(${NAMES.join("|")})$")) @attr`;

export const pydanticImports: Rule = {
  name: "pydantic-imports",
  code: "FF105",
  summary:
    "names Pydantic v2 moved: BaseSettings, Color, PaymentCardNumber, validate_arguments, GenericModel, PyObject...",
  rule: "Use Pydantic v2 APIs: import BaseSettings from pydantic_settings, not pydantic",
  gives: ["safe", "detect"],
  docs: {
    why: "Pydantic v2 moved BaseSettings to pydantic-settings and Color/PaymentCardNumber to pydantic-extra-types (importing BaseSettings from pydantic is an error), and deprecated validate_arguments, GenericModel, PyObject and pydantic.error_wrappers. Install pydantic-settings / pydantic-extra-types when the rewritten imports need them. Of the names v2 removed outright, NoneStr & co. become typing, Required becomes ..., helpers and v1 error classes come from pydantic.v1, and `raise ValidationError([ErrorWrapper(exc, loc=...)], model=M)`, which v2 cannot build, becomes `ValidationError.from_exception_data` with the errors v1 gave; the rest (ConstrainedStr...) is reported. Imports inside try/except shims are left alone.",
    bad: "from pydantic import BaseSettings, validate_arguments\nfrom pydantic.generics import GenericModel\n\n\nclass Page(GenericModel, Generic[T]):\n    items: list[T]\n\n\n@validate_arguments\ndef load(page: int): ...\n",
    good: "from pydantic import BaseModel, validate_call\nfrom pydantic_settings import BaseSettings\n\n\nclass Page(BaseModel, Generic[T]):\n    items: list[T]\n\n\n@validate_call\ndef load(page: int): ...\n",
  },
  prefilter: PREFILTER,
  query: QUERY,
  queries: [STRINGS, CALLS],
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    // What reports ErrorWrapper waits for the ValidationError(...) rewrites: they may take its uses.
    const later: Array<(consumed: ReadonlySet<number>) => Diagnostic[]> = [];
    for (const scope of ctx.scopes.allScopes()) {
      for (const list of scope.bindings.values()) {
        for (const b of list) {
          if (!b.qualified || insideTry(b.statement)) continue;
          if (b.kind === "import" && /^pydantic(\.|$)/.test(b.qualified)) {
            later.push((consumed) => removedThrough(this, ctx, b, consumed));
            continue;
          }
          if (b.kind !== "from-import") continue;
          if (b.qualified === ERROR_WRAPPER) {
            later.push((consumed) => errorWrapperImport(this, ctx, b, list, consumed));
            continue;
          }
          if (REMOVED_IN_V2.has(b.qualified) || REDIRECTED_TO_V1.has(b.qualified)) {
            out.push(...removedImport(this, ctx, b, list));
            continue;
          }
          const target = MOVED.get(b.qualified);
          if (!target) continue;
          out.push(...fromImport(this, ctx, b, target, list));
        }
      }
    }
    for (const m of ctx.captures(QUERY)) {
      const attr = m.node("attr");
      const q = ctx.qualifiedName(attr);
      const target = q ? MOVED.get(q) : undefined;
      if (!target) continue;
      const parent = attr.parent;
      if (parent?.type === "assignment" && parent.childForFieldName("left")?.equals(attr)) continue;
      out.push(...attributeUse(this, ctx, attr, target));
    }
    const raised = errorWrapperRaises(this, ctx, out);
    out.push(...raised.diagnostics);
    for (const run of later) out.push(...run(raised.consumed));
    return out;
  },
};

/** The v1 type aliases v2 dropped, spelled with `typing` names (the `{Name}` holes). */
const TYPE_ALIASES: ReadonlyMap<string, string> = new Map([
  ["NoneStr", "{Optional}[str]"],
  ["NoneBytes", "{Optional}[bytes]"],
  ["StrBytes", "{Union}[str, bytes]"],
  ["NoneStrBytes", "{Optional}[{Union}[str, bytes]]"],
]);

/**
 * Removed modules whose v1 code still works beside v2 models: helpers, type aliases and error
 * classes that never validate a model. `pydantic.v1` ships them unchanged, so importing them
 * from there keeps the behaviour exactly. Classes used as field types (ConstrainedStr...) and
 * functions that take models (parse_raw_as, validate_model) would meet v2 models: not these.
 */
const V1_NAMESPACE = /^pydantic\.(datetime_parse|typing|errors|error_wrappers|utils)\./;

/**
 * `from pydantic import NoneStr`, `from pydantic.datetime_parse import parse_datetime`: names v2
 * removed. Aliases become the type they stood for, `Required` becomes `...`, helpers come from
 * `pydantic.v1`; anything else is reported.
 */
function removedImport(
  transform: Rule,
  ctx: RuleContext,
  b: Binding,
  sameName: Binding[],
): Diagnostic[] {
  const qualified = b.qualified!;
  const name = qualified.split(".").pop()!;
  const alias = /^pydantic\.(types\.)?\w+$/.test(qualified) ? TYPE_ALIASES.get(name) : undefined;
  if (alias || qualified === "pydantic.Required")
    return replaceUses(transform, ctx, b, alias ?? "...", `${name} was removed in Pydantic v2`);
  if (
    V1_NAMESPACE.test(qualified) &&
    b.statement.childForFieldName("module_name")?.type !== "relative_import"
  ) {
    const module = qualified.replace(/^pydantic\./, "pydantic.v1.").replace(/\.\w+$/, "");
    const message =
      qualified === ERROR_WRAPPER
        ? `${name} was removed in Pydantic v2: imported from ${module}, but v2's ValidationError takes no ErrorWrappers (only pydantic.v1.ValidationError does): raise ${FROM_EXCEPTION_DATA} instead`
        : `${name} was removed in Pydantic v2: imported from ${module}, the v1 code Pydantic 2 ships (same behaviour; port it to the v2 API when convenient)`;
    return withNotes(fromImport(transform, ctx, b, { module, name, message }, sameName), message);
  }
  return [ctx.diagnostic(transform, b.node, removedMessage(qualified))];
}

/**
 * `from pydantic.error_wrappers import ErrorWrapper`: nothing when the ValidationError(...)
 * rewrites take every use (the import goes with them), else moved to `pydantic.v1`.
 */
function errorWrapperImport(
  transform: Rule,
  ctx: RuleContext,
  b: Binding,
  sameName: Binding[],
  consumed: ReadonlySet<number>,
): Diagnostic[] {
  const refs = ctx.references(b);
  if (typeof refs !== "string" && refs.length && refs.every((r) => consumed.has(r.startIndex)))
    return [];
  return removedImport(transform, ctx, b, sameName);
}

/** Reports the message of applied fixes too: what moved to `pydantic.v1` should be seen. */
function withNotes(found: Diagnostic[], message: string): Diagnostic[] {
  for (const d of found)
    if (d.fix) (d.fix.notes ??= []).push({ start: d.start, end: d.end, message });
  return found;
}

/**
 * Every use of the imported name becomes `template` (its `{Optional}` holes filled with the
 * `typing` names the module has or gets); the import goes once nothing uses it.
 */
function replaceUses(
  transform: Rule,
  ctx: RuleContext,
  b: Binding,
  template: string,
  message: string,
): Diagnostic[] {
  const report = (why?: string, fix?: Fix): Diagnostic[] => [
    ctx.diagnostic(transform, b.node, why ? `${message} (${why})` : message, fix),
  ];
  if (b.statement.childForFieldName("module_name")?.type === "relative_import") return report();
  const mention = mentionedOutsideCode(ctx, b.name);
  if (mention) return report(`${b.name} is named in ${mention}`);
  const refs = ctx.references(b);
  if (typeof refs === "string") return report(refs);
  const edits: Edit[] = [];
  const imports: ImportRequirement[] = [];
  for (const ref of refs) {
    let failure: string | undefined;
    const text = template.replace(/\{(\w+)\}/g, (_, hole: string) => {
      const ensured = ctx.ensureImport(ref, "typing", hole);
      if (!ensured.ok) {
        failure ??= ensured.reason;
        return hole;
      }
      if (ensured.requirement) imports.push(ensured.requirement);
      return ensured.expr;
    });
    if (failure) return report(failure);
    edits.push({ start: ref.startIndex, end: ref.endIndex, text });
  }
  const spelled = template.replace(/\{(\w+)\}/g, "$1");
  return report(undefined, {
    title: `Write ${spelled} for ${b.name}`,
    safety: "safe",
    edits,
    imports,
    removeIfUnused: [{ local: b.name, qualified: b.qualified! }],
    notes: [
      {
        start: b.node.startIndex,
        end: b.node.endIndex,
        message: `${message}: written as ${spelled}`,
      },
    ],
  });
}

function removedMessage(qualified: string): string {
  const name = qualified.split(".").pop()!;
  return `${name} was removed in Pydantic v2 (${qualified} fails to import): rewrite this code by hand`;
}

/**
 * `pydantic.error_wrappers.ErrorWrapper` through `import pydantic`: names v2 removed (but not
 * the ErrorWrappers a ValidationError(...) rewrite takes, listed in `consumed` by position).
 */
function removedThrough(
  transform: Rule,
  ctx: RuleContext,
  b: Binding,
  consumed: ReadonlySet<number>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ref of ctx.identifiers(b.name)) {
    // Reported once, through the first of the bindings the name has there.
    if (!isReference(ref) || ctx.bindings(b.name, ref)?.[0] !== b) continue;
    let chain = ref;
    while (
      chain.parent?.type === "attribute" &&
      chain.parent.childForFieldName("object")?.equals(chain)
    ) {
      chain = chain.parent;
      const q = ctx.qualifiedName(chain);
      if (q && REMOVED_IN_V2.has(q)) {
        if (!consumed.has(chain.startIndex))
          out.push(ctx.diagnostic(transform, chain, removedMessage(q)));
        break;
      }
    }
  }
  return out;
}

/** `pydantic.BaseSettings` through `import pydantic`: the expression is replaced. */
function attributeUse(transform: Rule, ctx: RuleContext, attr: Node, target: Target): Diagnostic[] {
  const problems = useProblems(ctx, attr, target);
  if (problems.length) return problems.map((p) => problemDiagnostic(transform, ctx, p, target));
  const ensured = ctx.ensureImport(attr, target.module, target.name);
  if (!ensured.ok)
    return [ctx.diagnostic(transform, attr, `${target.message} (${ensured.reason})`)];
  let root = attr;
  while (root.type === "attribute") root = root.childForFieldName("object")!;
  const rootQualified = ctx.qualifiedName(root);
  return [
    ctx.diagnostic(transform, attr, target.message, {
      title: `Use ${ensured.expr}`,
      safety: "safe",
      edits: [{ start: attr.startIndex, end: attr.endIndex, text: ensured.expr }],
      imports: ensured.requirement ? [ensured.requirement] : [],
      removeIfUnused: rootQualified ? [{ local: root.text, qualified: rootQualified }] : [],
    }),
  ];
}

interface Problem {
  node: Node;
  message: string;
}

function problemDiagnostic(
  transform: Rule,
  ctx: RuleContext,
  p: Problem,
  target: Target,
): Diagnostic {
  return ctx.diagnostic(transform, p.node, `${target.message} (${p.message})`);
}

/** `from pydantic import BaseSettings [as X]`: the import moves, and the uses follow a new name. */
function fromImport(
  transform: Rule,
  ctx: RuleContext,
  b: Binding,
  target: Target,
  sameName: Binding[],
): Diagnostic[] {
  const statement = b.statement;
  const report = (message: string, fix?: Fix): Diagnostic[] => [
    ctx.diagnostic(transform, b.node, message, fix),
  ];
  // Compatibility shims (`try: from pydantic import BaseSettings / except ImportError: ...`,
  // or the name bound twice in one scope) already pick what the installed version has.
  if (insideTry(statement) || sameName.length > 1) return [];
  const moduleNode = statement.childForFieldName("module_name")!;
  if (moduleNode.type === "relative_import") return [];

  const aliased = b.node.type === "aliased_import";
  const importedNode = aliased ? b.node.childForFieldName("name")! : b.node;
  const newLocal = aliased ? b.name : target.name;
  const names = statement.childrenForFieldName("name").filter((n): n is Node => !!n);
  const alone = names.length === 1;
  const clause = aliased && b.name !== target.name ? `${target.name} as ${b.name}` : target.name;
  const inPlace = (): Edit[] => {
    const edits: Edit[] = [];
    if (moduleNode.text !== target.module)
      edits.push({ start: moduleNode.startIndex, end: moduleNode.endIndex, text: target.module });
    if (ctx.text(b.node) !== clause)
      edits.push({ start: b.node.startIndex, end: b.node.endIndex, text: clause });
    return edits;
  };

  const refs = ctx.references(b);
  if (typeof refs === "string") return report(`${target.message} (${refs})`);
  const problems = refs.flatMap((ref) => useProblems(ctx, ref, target));
  if (problems.length) return problems.map((p) => problemDiagnostic(transform, ctx, p, target));

  if (newLocal === b.name) {
    // The local name stays: only the import statement changes.
    const moduleLevel = statement.parent?.type === "module";
    const other = moduleLevel ? fromImportOf(ctx, target.module) : undefined;
    if (moduleNode.text === target.module || (alone && !other)) {
      return report(target.message, {
        title: `Import ${target.name} from ${target.module}`,
        safety: "safe",
        edits: inPlace(),
      });
    }
    const moved = ctx.imports.move(b, target.module, target.name);
    return report(target.message, {
      title: `Import ${target.name} from ${target.module}`,
      safety: "safe",
      edits: moved.edits,
      imports: [moved.requirement],
    });
  }

  // The local name changes (`validate_arguments` -> `validate_call`): every use follows.
  const mention = mentionedOutsideCode(ctx, b.name);
  if (mention) return report(`${target.message} (${b.name} is named in ${mention})`);
  const exprs = new Set<string>();
  let requirement: ImportRequirement | undefined;
  for (const at of [statement, ...refs]) {
    const ensured = ctx.ensureImport(at, target.module, target.name);
    if (!ensured.ok) return report(`${target.message} (${ensured.reason})`);
    exprs.add(ensured.expr);
    requirement ??= ensured.requirement;
  }
  if (exprs.size !== 1)
    return report(`${target.message} (${target.name} means different things here)`);
  const expr = [...exprs][0]!;
  const edits: Edit[] = refs.map((r) => ({ start: r.startIndex, end: r.endIndex, text: expr }));
  const title = `Use ${expr}`;
  const removeIfUnused: UnusedImportCheck[] = [{ local: b.name, qualified: b.qualified! }];
  if (requirement && expr === target.name) {
    // A new name: rewrite the statement itself when it can hold it.
    if (alone || moduleNode.text === target.module) {
      if (alone) edits.push(...inPlace());
      else
        edits.push({
          start: importedNode.startIndex,
          end: importedNode.endIndex,
          text: target.name,
        });
      return report(target.message, { title, safety: "safe", edits });
    }
  }
  return report(target.message, {
    title,
    safety: "safe",
    edits,
    imports: requirement ? [requirement] : [],
    removeIfUnused,
  });
}

/** Why a use of the old name cannot simply take the new one. */
function useProblems(ctx: RuleContext, use: Node, target: Target): Problem[] {
  if (target === VALIDATE_CALL) return validateCallProblems(ctx, use);
  if (target === BASE_MODEL) {
    const list = use.parent;
    if (list?.type === "argument_list" && list.parent?.type === "class_definition") {
      const twice = list.namedChildren.some(
        (arg) => arg && !arg.equals(use) && BASE_MODELS.has(ctx.qualifiedName(arg) ?? ""),
      );
      if (twice)
        return [
          {
            node: use,
            message: "the class would list BaseModel twice; drop GenericModel from its bases",
          },
        ];
    }
  }
  return [];
}

/**
 * `validate_call` only wraps functions (not builtins, classes, classmethod objects or other
 * callables), takes `config` as a ConfigDict (v1 took a class too), and the function it returns
 * has no `.validate` / `.model`.
 */
function validateCallProblems(ctx: RuleContext, use: Node): Problem[] {
  const out: Problem[] = [];
  const parent = use.parent;
  let decorator: Node | null = null;
  if (parent?.type === "call" && parent.childForFieldName("function")?.equals(use)) {
    const list = parent.childForFieldName("arguments");
    const args = list ? listItems(list) : [];
    for (const arg of args) {
      if (arg.type === "keyword_argument") {
        if (arg.childForFieldName("name")?.text !== "config") continue;
        const value = arg.childForFieldName("value")!;
        const keys = configKeys(ctx, value);
        const old = keys?.find((k) => V1_CONFIG_KEYS.has(k));
        if (!keys) out.push({ node: value, message: "config= must become a ConfigDict" });
        else if (old)
          out.push({ node: value, message: `config key '${old}' has another name or none in v2` });
      } else if (!isPlainFunction(ctx, arg)) {
        out.push({ node: arg, message: "validate_call only wraps functions defined in Python" });
      }
    }
    if (!args.some((a) => a.type !== "keyword_argument")) decorator = parent.parent;
  } else if (parent?.type === "decorator") {
    decorator = parent;
  } else {
    out.push({ node: use, message: "passed on as a value: check it only wraps functions" });
  }
  if (decorator?.type !== "decorator") return out;
  const decorated = decorator.parent!;
  const def = decorated.childForFieldName("definition");
  const decorators = def ? decoratorsOf(def) : [];
  if (def?.type !== "function_definition") {
    out.push({ node: use, message: "validate_call only wraps functions" });
    return out;
  }
  if (!decorators[decorators.length - 1]!.equals(decorator)) {
    out.push({
      node: use,
      message: "validate_call must be the decorator right above the def",
    });
  }
  const name = def.childForFieldName("name")!;
  const fnBinding = ctx.bindings(name.text, name)?.find((x) => x.node.equals(name));
  if (!fnBinding) return out;
  for (const id of ctx.identifiers(name.text)) {
    const attr = id.parent;
    if (attr?.type !== "attribute" || !attr.childForFieldName("object")?.equals(id)) continue;
    const member = attr.childForFieldName("attribute")!.text;
    if (!V1_VALIDATED_ATTRIBUTES.has(member)) continue;
    if (!ctx.bindings(name.text, id)?.includes(fnBinding)) continue;
    out.push({ node: attr, message: `${name.text}.${member} does not exist with validate_call` });
  }
  return out;
}

/** A lambda, or a name bound only by undecorated `def`s. */
function isPlainFunction(ctx: RuleContext, node: Node): boolean {
  if (node.type === "lambda") return true;
  if (node.type !== "identifier") return false;
  const found = ctx.bindings(node.text, node);
  return (
    !!found?.length &&
    found.every((b) => b.kind === "function" && b.statement.parent?.type !== "decorated_definition")
  );
}

/** The keys of a `dict(...)`, `{...}` or `ConfigDict(...)` literal; undefined for anything else. */
function configKeys(ctx: RuleContext, value: Node): string[] | undefined {
  if (value.type === "dictionary") {
    const keys: string[] = [];
    for (const pair of value.namedChildren) {
      if (!pair || pair.type === "comment") continue;
      const key = pair.type === "pair" ? pair.childForFieldName("key") : undefined;
      const content =
        key?.type === "string"
          ? key.namedChildren.find((c) => c?.type === "string_content")
          : undefined;
      if (!content) return undefined;
      keys.push(content.text);
    }
    return keys;
  }
  if (value.type !== "call") return undefined;
  const q = ctx.qualifiedName(value.childForFieldName("function")!);
  if (q !== "builtins.dict" && q !== "pydantic.ConfigDict" && q !== "pydantic.config.ConfigDict")
    return undefined;
  const keys: string[] = [];
  for (const arg of value.childForFieldName("arguments")?.namedChildren ?? []) {
    if (!arg || arg.type === "comment") continue;
    if (arg.type !== "keyword_argument") return undefined;
    keys.push(arg.childForFieldName("name")!.text);
  }
  return keys;
}

function insideTry(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) if (n.type === "try_statement") return true;
  return false;
}

/** The first top-level `from module import ...` (without `*`). */
function fromImportOf(ctx: RuleContext, module: string): Node | undefined {
  return (
    ctx.root.namedChildren.find(
      (c) =>
        c?.type === "import_from_statement" &&
        c.childForFieldName("module_name")?.text === module &&
        !c.namedChildren.some((n) => n?.type === "wildcard_import"),
    ) ?? undefined
  );
}

/** Where a name is used that renaming its uses cannot reach: `__all__` or a string annotation. */
function mentionedOutsideCode(ctx: RuleContext, name: string): string | undefined {
  const mention = new RegExp(`(^|[^\\w.])${name}($|[^\\w])`);
  for (const m of ctx.captures(STRINGS)) {
    const s = m.node("s");
    if (!mention.test(s.text)) continue;
    let n: Node | null = s;
    while (n && n.type !== "assignment") n = n.parent;
    if (n?.childForFieldName("left")?.text === "__all__") return "__all__";
    return `a string (line ${s.startPosition.row + 1})`;
  }
  return undefined;
}

// ---- ValidationError(<ErrorWrappers>, model=M) -------------------------------------------------

const ERROR_WRAPPER = "pydantic.error_wrappers.ErrorWrapper";
/** ErrorWrapper as v1 code imports it, and as this rule moves it when a use stays. */
const ERROR_WRAPPERS = new Set([ERROR_WRAPPER, "pydantic.v1.error_wrappers.ErrorWrapper"]);
/** The names v1 code raised its own validation errors with. */
const V1_VALIDATION_ERRORS = new Set([
  "pydantic.ValidationError",
  "pydantic.error_wrappers.ValidationError",
]);
const FROM_EXCEPTION_DATA = `ValidationError.from_exception_data(M.__name__, [{"type": PydanticCustomError(type, msg), "loc": loc, "input": None}, ...])`;
const CANNOT_BUILD = `Pydantic v2's ValidationError cannot be built from ErrorWrappers and a model (TypeError at run time): raise ${FROM_EXCEPTION_DATA}`;
const REWRITTEN =
  "ValidationError(<ErrorWrappers>, model=M) does not exist in Pydantic v2: raised as ValidationError.from_exception_data, each error with the type, msg and ctx v1 gave it (errors() also has input=None)";

interface Rewrite {
  call: Node;
  edit: Edit;
  imports: ImportRequirement[];
  /** The `ErrorWrapper` names the rewrite drops. */
  wrappers: Node[];
}

interface Refusal {
  call: Node;
  reason: string;
}

/**
 * `raise ValidationError([ErrorWrapper(exc, loc="x")], model=M)`: v2's ValidationError takes
 * neither. Each such call becomes `ValidationError.from_exception_data`, whose errors v1 would
 * have given: the type (`get_exc_type`, v1's own function, on the exception's class), the message
 * and the context (`str(exc)`, `exc.__dict__`), all JSON as before. The ErrorWrappers of a
 * statement go all together or not at all; what cannot be rewritten is reported.
 */
function errorWrapperRaises(
  transform: Rule,
  ctx: RuleContext,
  found: Diagnostic[],
): { diagnostics: Diagnostic[]; consumed: Set<number> } {
  const diagnostics: Diagnostic[] = [];
  const consumed = new Set<number>();
  if (!ctx.source.includes("ValidationError")) return { diagnostics, consumed };
  const locals = new Set(["ValidationError"]);
  for (const scope of ctx.scopes.allScopes())
    for (const list of scope.bindings.values())
      for (const b of list)
        if (b.qualified && V1_VALIDATION_ERRORS.has(b.qualified)) locals.add(b.name);

  const groups = new Map<number, { statement: Node; results: Array<Rewrite | Refusal> }>();
  for (const m of ctx.captures(CALLS)) {
    const call = m.node("call");
    const callee = call.childForFieldName("function")!;
    const last = callee.type === "attribute" ? callee.childForFieldName("attribute")! : callee;
    if (!locals.has(last.text)) continue;
    const q = ctx.qualifiedName(callee);
    if (!q || !V1_VALIDATION_ERRORS.has(q)) continue;
    const ready = becomesV2(ctx, callee, found);
    if (ready === "shim") continue;
    const result = ready === true ? rewriteCall(ctx, call) : { call, reason: ready };
    const statement = statementOf(call);
    const group = groups.get(statement.startIndex) ?? { statement, results: [] };
    group.results.push(result);
    groups.set(statement.startIndex, group);
  }

  for (const { statement, results } of groups.values()) {
    const rewrites = results.filter((r): r is Rewrite => "edit" in r);
    const taken = new Set(rewrites.flatMap((r) => r.wrappers.map((w) => w.startIndex)));
    const stray = errorWrappersIn(ctx, statement).find((w) => !taken.has(w.startIndex));
    if (rewrites.length === results.length && !stray) {
      const calleeOf = (r: Rewrite): Node => r.call.childForFieldName("function")!;
      const checks = new Map<string, UnusedImportCheck>();
      for (const w of rewrites.flatMap((r) => r.wrappers)) {
        let root = w;
        while (root.type === "attribute") root = root.childForFieldName("object")!;
        const qualified = ctx.qualifiedName(root);
        if (qualified) checks.set(`${root.text}:${qualified}`, { local: root.text, qualified });
      }
      const d = ctx.diagnostic(transform, calleeOf(rewrites[0]!), REWRITTEN, {
        title: "Raise ValidationError.from_exception_data",
        safety: "safe",
        edits: rewrites.map((r) => r.edit),
        imports: rewrites.flatMap((r) => r.imports),
        removeIfUnused: [...checks.values()],
        notes: rewrites.map((r) => {
          const callee = calleeOf(r);
          return { start: callee.startIndex, end: callee.endIndex, message: REWRITTEN };
        }),
      });
      if (!ctx.suppressions.covers(d)) for (const key of taken) consumed.add(key);
      diagnostics.push(d);
      continue;
    }
    for (const r of results) {
      const reason =
        "reason" in r
          ? r.reason
          : stray
            ? `the ErrorWrapper at line ${stray.startPosition.row + 1} is not an item of the errors list`
            : "another ValidationError(...) of this statement cannot be rewritten";
      const callee = r.call.childForFieldName("function")!;
      diagnostics.push(ctx.diagnostic(transform, callee, `${CANNOT_BUILD} (${reason})`));
    }
  }
  return { diagnostics, consumed };
}

/**
 * Whether the ValidationError a call names is v2's once this rule's fixes are in: `pydantic`'s
 * is; `pydantic.error_wrappers`' is when its import or attribute gets a fix. "shim" for an import
 * inside a try statement, which picks what the installed version has.
 */
function becomesV2(ctx: RuleContext, callee: Node, found: Diagnostic[]): true | "shim" | string {
  const fixed = (node: Node): boolean =>
    found.some(
      (d) =>
        d.start === node.startIndex &&
        d.end === node.endIndex &&
        !!d.fix &&
        !ctx.suppressions.covers(d),
    );
  if (callee.type === "attribute") {
    if (ctx.qualifiedName(callee) === "pydantic.ValidationError" || fixed(callee)) return true;
    return `${callee.text} stays v1's ValidationError`;
  }
  for (const b of ctx.bindings(callee.text, callee) ?? []) {
    if (insideTry(b.statement)) return "shim";
    if (b.qualified !== "pydantic.ValidationError" && !fixed(b.node))
      return `the import of ${callee.text} at line ${b.node.startPosition.row + 1} does not move to pydantic`;
  }
  return true;
}

/**
 * The call written as `ValidationError.from_exception_data(...)`, or why it cannot be. Each
 * error is `PydanticCustomError(get_exc_type(exc.__class__), str(exc), exc.__dict__ or None)`:
 * v1's type string, message and ctx (none when empty, as v1 left it out), JSON as before.
 * pydantic-core fills `{key}` holes of the message from the ctx once more, which only matters
 * for a message that spells one of its own ctx keys in braces. The exceptions are evaluated
 * once each, in their order, in the outermost iterable of a comprehension (so in the enclosing
 * scope); `hide_input=True` keeps the made-up `input` out of `str(e)`, as v1 had none.
 */
function rewriteCall(ctx: RuleContext, call: Node): Rewrite | Refusal {
  const refuse = (reason: string): Refusal => ({ call, reason });
  const args = call.childForFieldName("arguments");
  if (args?.type !== "argument_list") return refuse("its arguments are not a plain list");
  const parsed = callArguments(args, ["errors", "model"]);
  if (typeof parsed === "string") return refuse(parsed);
  const [errors, model] = parsed.values;
  if (!errors || !model) return refuse("it does not pass both the errors and the model");
  if (parsed.reversed && hasCall(model)) return refuse("model= comes before the errors");
  if (errors.type !== "list" && errors.type !== "tuple")
    return refuse(`its errors \`${brief(errors)}\` are not a list of ErrorWrapper(...) calls`);
  const items = listItems(errors);
  if (!items.length) return refuse("its errors list is empty");

  const pairs: Array<{ exc: Node; loc: string }> = [];
  const wrappers: Node[] = [];
  for (const item of items) {
    const fn = item.type === "call" ? item.childForFieldName("function") : null;
    const itemArgs = item.childForFieldName("arguments");
    if (
      !fn ||
      !ERROR_WRAPPERS.has(ctx.qualifiedName(fn) ?? "") ||
      itemArgs?.type !== "argument_list"
    )
      return refuse(`\`${brief(item)}\` is not an ErrorWrapper(...) call`);
    const wrapped = callArguments(itemArgs, ["exc", "loc"]);
    if (typeof wrapped === "string") return refuse(`ErrorWrapper: ${wrapped}`);
    const [exc, loc] = wrapped.values;
    if (!exc || !loc) return refuse("an ErrorWrapper(...) lacks its exception or its loc");
    if (exc.type !== "call")
      return refuse(
        `the exception \`${brief(exc)}\` is not constructed here: were it a ValidationError, v1 would nest its errors`,
      );
    const nested = exc.descendantsOfType("call").some((c) => {
      const q = c && ctx.qualifiedName(c.childForFieldName("function")!);
      return !!q && V1_VALIDATION_ERRORS.has(q);
    });
    if (
      nested ||
      V1_VALIDATION_ERRORS.has(ctx.qualifiedName(exc.childForFieldName("function")!) ?? "")
    )
      return refuse("an ErrorWrapper holds a ValidationError, whose errors v1 nested");
    const locText = locTuple(ctx, loc);
    if (!locText) return refuse(`the loc \`${brief(loc)}\` is not a string, tuple or list literal`);
    if (wrapped.reversed && hasCall(loc)) return refuse("an ErrorWrapper's loc= comes before exc=");
    pairs.push({ exc, loc: locText });
    wrappers.push(fn);
  }
  const excs = pairs.map((p) => p.exc);
  const lost = args
    .descendantsOfType("comment")
    .some(
      (c) => !!c && !excs.some((e) => e.startIndex <= c.startIndex && c.endIndex <= e.endIndex),
    );
  if (lost) return refuse("a comment in it would be lost");
  if (ctx.bindings("str", call)?.length) return refuse("str is not the builtin here");
  if (ctx.scopeAt(call).kind === "class") return refuse("it is in a class body");
  const custom = ctx.ensureImport(call, "pydantic_core", "PydanticCustomError");
  if (!custom.ok) return refuse(custom.reason);
  const getType = ctx.ensureImport(call, "pydantic.v1.error_wrappers", "get_exc_type");
  if (!getType.ok) return refuse(getType.reason);

  const { newline: nl, indent: unit, quote: q } = ctx.stylist;
  const i0 = ctx.lineIndent(call.startIndex);
  const [i1, i2, i3, i4] = [1, 2, 3, 4].map((n) => i0 + unit.repeat(n)) as [
    string,
    string,
    string,
    string,
  ];
  const key = (k: string): string => `${q}${k}${q}`;
  const lines = [
    ".from_exception_data(",
    `${i1}line_errors=[`,
    `${i2}{`,
    ...fitted(
      `${i3}${key("type")}: ${custom.expr}(`,
      `${getType.expr}(exc.__class__), str(exc), exc.__dict__ or None`,
      `${i3}),`,
      i4,
    ),
    `${i3}${key("loc")}: loc,`,
    `${i3}${key("input")}: None,`,
    `${i2}}`,
    `${i2}for exc, loc in [`,
  ];
  for (const { exc, loc } of pairs) {
    const one = `${i3}(${ctx.text(exc)}, ${loc}),`;
    if (!one.includes("\n") && one.length <= MAX_LINE) lines.push(one);
    else lines.push(`${i3}(`, `${i4}${moved(ctx, exc, i4)},`, `${i4}${loc},`, `${i3}),`);
  }
  const title = PRIMARY.has(model.type) ? ctx.text(model) : `(${ctx.text(model)})`;
  lines.push(
    `${i2}]`,
    `${i1}],`,
    `${i1}title=${title}.__name__,`,
    `${i1}hide_input=True,`,
    `${i0})`,
  );
  const callee = call.childForFieldName("function")!;
  return {
    call,
    edit: { start: callee.endIndex, end: call.endIndex, text: lines.join(nl) },
    imports: [custom.requirement, getType.requirement].filter((r): r is ImportRequirement => !!r),
    wrappers,
  };
}

const MAX_LINE = 88;

/** `head` + `body` + `tail` on one line when it fits, else each on a line (`tail` indented). */
function fitted(head: string, body: string, tail: string, indent: string): string[] {
  const one = `${head}${body}${tail.trimStart()}`;
  return one.length <= MAX_LINE ? [one] : [head, `${indent}${body}`, tail];
}

/** Expressions that take `.__name__` without parentheses. */
const PRIMARY = new Set([
  "identifier",
  "attribute",
  "call",
  "subscript",
  "parenthesized_expression",
]);

/**
 * The arguments of a call by parameter (positional or keyword), with `reversed` when keywords
 * come in another order than the parameters; a reason for splats or unknown keywords.
 */
function callArguments(
  args: Node,
  params: readonly string[],
): { values: Array<Node | undefined>; reversed: boolean } | string {
  const values: Array<Node | undefined> = params.map(() => undefined);
  const order: number[] = [];
  let positional = 0;
  for (const arg of listItems(args)) {
    if (arg.type === "list_splat" || arg.type === "dictionary_splat")
      return `it unpacks \`${brief(arg)}\``;
    let index: number;
    let value: Node;
    if (arg.type === "keyword_argument") {
      index = params.indexOf(arg.childForFieldName("name")!.text);
      value = arg.childForFieldName("value")!;
      if (index < 0) return `it takes no ${arg.childForFieldName("name")!.text}=`;
    } else {
      index = positional++;
      value = arg;
      if (index >= params.length) return "it has too many arguments";
    }
    if (values[index]) return `${params[index]} is given twice`;
    values[index] = value;
    order.push(index);
  }
  return { values, reversed: order.some((v, i) => i > 0 && v < order[i - 1]!) };
}

function hasCall(node: Node): boolean {
  return node.type === "call" || node.descendantsOfType("call").length > 0;
}

/** v1's `loc_tuple()`: a tuple stays, anything else is the one item of a tuple. */
function locTuple(ctx: RuleContext, loc: Node): string | undefined {
  let inner = loc;
  while (inner.type === "parenthesized_expression" && inner.namedChildren.length === 1)
    inner = inner.namedChildren[0]!;
  if (inner.type === "tuple") return ctx.text(loc);
  if (["string", "concatenated_string", "integer", "list"].includes(inner.type))
    return `(${ctx.text(loc)},)`;
  return undefined;
}

/** A node's text for a line indented with `indent`, its own later lines shifted along. */
function moved(ctx: RuleContext, node: Node, indent: string): string {
  const text = ctx.text(node);
  if (!text.includes("\n")) return text;
  const multiline = node
    .descendantsOfType("string")
    .some((s) => !!s && s.startPosition.row !== s.endPosition.row);
  if (multiline) return text;
  const old = ctx.lineIndent(node.startIndex);
  return text
    .split("\n")
    .map((line, i) => (i > 0 && line.startsWith(old) ? indent + line.slice(old.length) : line))
    .join("\n");
}

/** The ErrorWrapper names a statement reads. */
function errorWrappersIn(ctx: RuleContext, statement: Node): Node[] {
  const out: Node[] = [];
  for (const n of statement.descendantsOfType(["identifier", "attribute"])) {
    if (!n || (n.type === "identifier" && !isReference(n))) continue;
    if (ERROR_WRAPPERS.has(ctx.qualifiedName(n) ?? "")) out.push(n);
  }
  return out;
}

/** The statement a node belongs to: the child of a block or of the module. */
function statementOf(node: Node): Node {
  let n = node;
  while (n.parent && n.parent.type !== "block" && n.parent.type !== "module") n = n.parent;
  return n;
}

/** A short quote of a node for a message. */
function brief(node: Node): string {
  const text = node.text.replace(/\s+/g, " ");
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
