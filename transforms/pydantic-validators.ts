// FF102: `@validator` / `@root_validator` are deprecated in Pydantic v2 in favour of
// `@field_validator` / `@model_validator`, which also changed what the function receives.
import type { RuleContext } from "../src/knowledge/context.js";
import type { EnsureResult } from "../src/engine/imports.js";
import type { Node } from "../src/engine/parser.js";
import type { Binding } from "../src/engine/scope.js";
import {
  decoratorExpression,
  decoratorsOf,
  keywordArguments,
  listItems,
  removeListItems,
} from "../src/engine/syntax.js";
import { fieldCall, modelFields, withFieldKeyword } from "./shared/field-keywords.js";
import type {
  Diagnostic,
  Edit,
  ImportRequirement,
  UnusedImportCheck,
} from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";

const FIELD_VALIDATORS = new Set(["pydantic.validator", "pydantic.class_validators.validator"]);
const ROOT_VALIDATORS = new Set([
  "pydantic.root_validator",
  "pydantic.class_validators.root_validator",
]);
const CLASSMETHOD = "builtins.classmethod";

const QUERY = `
(decorated_definition (decorator) @decorator definition: (function_definition) @function)
(class_definition body: (block (expression_statement (assignment left: (identifier)
   right: (call function: (_) @inner arguments: (argument_list) @args) @outer))))
`;

export const pydanticValidators: Rule = {
  name: "pydantic-validators",
  code: "FF102",
  summary:
    "@validator -> @field_validator, @root_validator -> @model_validator (with their v2 signatures)",
  rule: "Implement custom validators with @field_validator decorator",
  gives: ["safe", "unsafe", "detect"],
  docs: {
    why: "Pydantic v2 deprecates @validator and @root_validator. The new decorators need an explicit mode and @classmethod, and pass a ValidationInfo instead of `values`/`field`.",
    bad: '@validator("end", pre=True)\ndef check(cls, v, values):\n    return max(v, values["start"])\n',
    good: '@field_validator("end", mode="before")\n@classmethod\ndef check(cls, v, info: ValidationInfo):\n    return max(v, info.data["start"])\n',
  },
  scope: "models",
  prefilter: /validator/,
  query: QUERY,
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    const callForms: Array<{ site: CallSite; diagnostic: Diagnostic }> = [];
    for (const m of ctx.captures(QUERY)) {
      const get = m.node;
      if (m.pattern === 1) {
        const found = callSite(ctx, this, get("outer"), get("inner"), get("args"));
        if (found && "diagnostic" in found) out.push(found.diagnostic);
        else if (found) {
          const d = validatorAt(ctx, this, found);
          if (d) callForms.push({ site: found, diagnostic: d });
        }
        continue;
      }
      const decorator = get("decorator");
      const fn = get("function");
      const expr = decoratorExpression(decorator);
      if (!expr) continue;
      const callee = expr.type === "call" ? expr.childForFieldName("function")! : expr;
      const site: Site = {
        report: decorator,
        expr,
        callee,
        fn,
        cls: ctx.enclosingClass(fn),
        classmethod: () => (hasClassmethod(ctx, fn) ? [] : [classmethodLine(ctx, decorator)]),
      };
      const d = validatorAt(ctx, this, site);
      if (d) out.push(d);
    }
    out.push(...sharedFunctions(ctx, this, callForms));
    return out;
  },
};

/** Where a validator is declared: a decorator on its function, or a call in a class body. */
interface Site {
  /** What diagnostics point at. */
  report: Node;
  /** The `validator(...)` / `root_validator(...)` call, or the bare name. */
  expr: Node;
  callee: Node;
  /** The validator function. */
  fn: Node;
  /** The class the validator belongs to. */
  cls: Node | undefined;
  /** The edits that make the function a classmethod, as v2 wants it, or why they cannot be made. */
  classmethod(): Edit[] | string;
}

/** `_check = validator("a", allow_reuse=True)(check)`: the function is defined elsewhere. */
interface CallSite extends Site {
  /** The binding of the function's name, whose other uses must not see a changed function. */
  binding: Binding;
}

function validatorAt(ctx: RuleContext, t: Rule, site: Site): Diagnostic | undefined {
  const q = ctx.qualifiedName(site.callee);
  if (!q) return undefined;
  if (FIELD_VALIDATORS.has(q)) return fieldValidator(ctx, t, site);
  if (ROOT_VALIDATORS.has(q)) return rootValidator(ctx, t, site);
  return undefined;
}

/**
 * A validator applied by a call in a class body (`_n = validator("name", allow_reuse=True)(f)`,
 * `_r = root_validator(pre=True)(f)`, `_r = root_validator(f)`) to a function of this module.
 */
function callSite(
  ctx: RuleContext,
  t: Rule,
  outer: Node,
  inner: Node,
  args: Node,
): CallSite | { diagnostic: Diagnostic } | undefined {
  const callee = inner.type === "call" ? inner.childForFieldName("function")! : inner;
  const q = ctx.qualifiedName(callee);
  if (!q) return undefined;
  const field = FIELD_VALIDATORS.has(q);
  if (!field && !ROOT_VALIDATORS.has(q)) return undefined;
  if (field && inner.type !== "call") return undefined; // validator(f) fails in v1 too
  const message = field
    ? "validator(...)(f) is deprecated in Pydantic v2; use field_validator(...)(f)"
    : "root_validator(...)(f) is deprecated in Pydantic v2; use model_validator(...)(f)";
  const items = listItems(args);
  const argument = items[0];
  const byHand = (why: string): { diagnostic: Diagnostic } => ({
    diagnostic: ctx.diagnostic(t, outer, `${message}; ${why}: migrate by hand`),
  });
  if (items.length !== 1 || argument!.type !== "identifier" || args.namedChildCount !== 1)
    return byHand("the validator is applied to more than a function's name");
  const binding = functionBinding(ctx, argument!);
  if (binding?.kind !== "function" || binding.scope.kind !== "module")
    return byHand(`\`${argument!.text}\` is not a function defined in this module`);
  const fn = binding.statement;
  if (decoratorsOf(fn).some((d) => ctx.decoratorName(d) !== CLASSMETHOD))
    return byHand(`\`${argument!.text}\` is decorated, which may change how it is called`);
  return {
    report: outer,
    expr: inner,
    callee,
    fn,
    cls: ctx.enclosingClass(outer),
    binding,
    classmethod: () => {
      if (hasClassmethod(ctx, fn)) return [];
      if (ctx.bindings("classmethod", outer)) return "`classmethod` is not the builtin here";
      return [
        { start: argument!.startIndex, end: argument!.startIndex, text: "classmethod(" },
        { start: argument!.endIndex, end: argument!.endIndex, text: ")" },
      ];
    },
  };
}

/**
 * Call forms whose fix changes the function itself (its signature, its body): every use of the
 * function's name must be such a call form making the same change, or none is fixed. A public
 * function may also be imported by other modules, which this run does not see: unsafe.
 */
function sharedFunctions(
  ctx: RuleContext,
  t: Rule,
  found: Array<{ site: CallSite; diagnostic: Diagnostic }>,
): Diagnostic[] {
  const changes = (site: CallSite, d: Diagnostic): string => {
    const def = site.fn.parent?.type === "decorated_definition" ? site.fn.parent : site.fn;
    const inside = (d.fix?.edits ?? []).filter(
      (e) => e.start >= def.startIndex && e.end <= def.endIndex,
    );
    return JSON.stringify(inside.sort((a, b) => a.start - b.start));
  };
  return found.map(({ site, diagnostic }) => {
    const fix = diagnostic.fix;
    if (!fix) return diagnostic;
    const mine = changes(site, diagnostic);
    if (mine === "[]") return diagnostic;
    const name = site.binding.name;
    const uses = ctx.root
      .descendantsOfType("identifier")
      .filter(
        (id): id is Node =>
          !!id &&
          id.text === name &&
          !id.equals(site.binding.node) &&
          isUseOf(ctx, id, site.binding),
      );
    const same = found.filter(
      (other) =>
        other.site.binding === site.binding && changes(other.site, other.diagnostic) === mine,
    );
    const message = diagnostic.message;
    if (uses.length !== same.length)
      return ctx.diagnostic(
        t,
        site.report,
        `${message}; \`${name}\` is used elsewhere too, and the fix changes it: migrate by hand`,
      );
    if (name.startsWith("_")) return diagnostic;
    return {
      ...diagnostic,
      message: `${message} (\`${name}\` changes too: other modules importing it must use it the same way)`,
      fix: { ...fix, safety: "unsafe" },
    };
  });
}

function isUseOf(ctx: RuleContext, id: Node, binding: Binding): boolean {
  const parent = id.parent;
  if (parent?.type === "attribute" && parent.childForFieldName("attribute")?.equals(id))
    return false;
  if (parent?.type === "keyword_argument" && parent.childForFieldName("name")?.equals(id))
    return false;
  return functionBinding(ctx, id) === binding || !!ctx.bindings(id.text, id)?.includes(binding);
}

/**
 * The one binding a name has where it is read. In a class body, `_f = validator("a")(_f)` reads
 * the module's `_f`: the class's own name is bound only once the statement has run.
 */
function functionBinding(ctx: RuleContext, id: Node): Binding | undefined {
  let found = ctx.bindings(id.text, id) ?? [];
  const statement = id.parent?.parent?.parent; // name -> argument list -> call -> assignment
  if (
    found.length &&
    found.every((b) => b.kind === "assignment" && b.scope.kind === "class") &&
    found.length === 1 &&
    statement?.type === "assignment" &&
    found[0]!.statement.equals(statement) &&
    ctx.scopeAt(id).kind === "class"
  )
    found = ctx.scopes.module.bindings.get(id.text) ?? [];
  return found.length === 1 ? found[0] : undefined;
}

interface Parameters {
  items: Node[];
  names: string[];
}

function parameters(fn: Node): Parameters {
  const items = listItems(fn.childForFieldName("parameters")!);
  const names = items.map((p) => {
    if (p.type === "identifier") return p.text;
    const name =
      p.childForFieldName("name") ?? p.namedChildren.find((c) => c?.type === "identifier");
    return p.type.includes("splat") ? `*${p.text}` : (name?.text ?? p.text);
  });
  return { items, names };
}

/** The binding a parameter creates in the function's own scope. */
function parameterBinding(ctx: RuleContext, fn: Node, name: string): Binding | undefined {
  const scope = ctx.scopes.scopeOfDefinition(fn);
  return scope?.bindings.get(name)?.find((b) => b.kind === "parameter");
}

/** Every identifier in the function body that reads the given parameter. */
function uses(ctx: RuleContext, fn: Node, binding: Binding): Node[] {
  const body = fn.childForFieldName("body")!;
  return body
    .descendantsOfType("identifier")
    .filter((id): id is Node => !!id && id.text === binding.name)
    .filter((id) => {
      const parent = id.parent;
      if (parent?.type === "attribute" && parent.childForFieldName("attribute")?.equals(id))
        return false;
      if (parent?.type === "keyword_argument" && parent.childForFieldName("name")?.equals(id))
        return false;
      return !!ctx.bindings(binding.name, id)?.includes(binding);
    });
}

/** True when the identifier is assigned to, or deleted, rather than read. */
function isRebound(ctx: RuleContext, id: Node, binding: Binding): boolean {
  const found = ctx.bindings(binding.name, id) ?? [];
  return found.length > 1 || found.some((b) => b.node.equals(id) && b !== binding);
}

function hasClassmethod(ctx: RuleContext, fn: Node): boolean {
  return ctx.decoratorNames(fn).has(CLASSMETHOD);
}

/** `@classmethod` on the line below the decorator, indented like it. */
function classmethodLine(ctx: RuleContext, decorator: Node): Edit {
  const lineEnd = ctx.source.indexOf("\n", decorator.endIndex);
  const at = lineEnd === -1 ? ctx.source.length : lineEnd + 1;
  const nl = lineEnd === -1 ? ctx.stylist.newline : "";
  return {
    start: at,
    end: at,
    text: `${nl}${ctx.lineIndent(decorator.startIndex)}@classmethod${ctx.stylist.newline}`,
  };
}

function isDecorator(site: Site): boolean {
  return site.report.type === "decorator";
}

function rootCheck(callee: Node, ctx: RuleContext): UnusedImportCheck[] {
  let root = callee;
  while (root.type === "attribute") root = root.childForFieldName("object")!;
  const q = ctx.qualifiedName(root);
  return q ? [{ local: root.text, qualified: q }] : [];
}

function requirementsOf(...results: EnsureResult[]): ImportRequirement[] {
  return results.flatMap((r) => (r.ok && r.requirement ? [r.requirement] : []));
}

function fieldValidator(ctx: RuleContext, t: Rule, site: Site): Diagnostic | undefined {
  const { report: decorator, expr, callee, fn } = site;
  const message = isDecorator(site)
    ? "@validator is deprecated in Pydantic v2; use @field_validator"
    : "validator(...)(f) is deprecated in Pydantic v2; use field_validator(...)(f)";
  if (expr.type !== "call")
    return ctx.diagnostic(
      t,
      decorator,
      `${message}; @validator needs field names: migrate by hand`,
    );
  const args = expr.childForFieldName("arguments")!;
  if (args.namedChildren.some((c) => c?.type === "comment"))
    return ctx.diagnostic(t, decorator, `${message}; the arguments hold comments: migrate by hand`);
  const keywords = keywordArguments(args);
  if (keywords.get("each_item")?.childForFieldName("value")?.text === "True") {
    return ctx.diagnostic(
      t,
      decorator,
      `${message}; each_item=True has no v2 form: validate the items with an Annotated type instead`,
    );
  }
  const always = keywords.get("always")?.childForFieldName("value")?.text;
  if (always !== undefined && always !== "True" && always !== "False")
    return ctx.diagnostic(
      t,
      decorator,
      `${message}; always=${always} is not a literal: migrate by hand`,
    );
  const unknown = [...keywords.keys()].filter(
    (k) => !["pre", "allow_reuse", "check_fields", "always", "each_item"].includes(k),
  );
  if (unknown.length)
    return ctx.diagnostic(t, decorator, `${message}; unknown argument ${unknown.join(", ")}`);
  const pre = keywords.get("pre")?.childForFieldName("value")?.text;
  if (pre !== undefined && pre !== "True" && pre !== "False") {
    return ctx.diagnostic(t, decorator, `${message}; pre=${pre} is not a literal: migrate by hand`);
  }

  // v1 passed the class first only to a validator whose first parameter is `cls`; any other
  // name is the value (v2 calls such a plain function the same way).
  const params = parameters(fn);
  if (params.names[0] === "self" || params.names[0]?.startsWith("*"))
    return ctx.diagnostic(
      t,
      decorator,
      `${message}; the validator does not take cls or the value first: migrate by hand`,
    );
  const valueAt = params.names[0] === "cls" ? 1 : 0;
  const extra = params.names.slice(valueAt + 1);
  if (extra.some((n) => !["values", "field", "config"].includes(n))) {
    return ctx.diagnostic(
      t,
      decorator,
      `${message}; the signature (${params.names.join(", ")}) has no v2 form: migrate by hand`,
    );
  }
  const edits: Edit[] = [];
  const imports: EnsureResult[] = [];
  const fieldImports: ImportRequirement[] = [];
  if (always === "True") {
    // v1 ran an `always` validator on the default too; v2 does that for validate_default fields.
    const fields = validateDefault(ctx, expr, site.cls);
    if (typeof fields === "string") return ctx.diagnostic(t, decorator, `${message}; ${fields}`);
    edits.push(...fields.edits);
    fieldImports.push(...fields.imports);
  }

  const decoratorName = ctx.ensureImport(callee, "pydantic", "field_validator");
  if (!decoratorName.ok)
    return ctx.diagnostic(t, decorator, `${message} (${decoratorName.reason})`);
  edits.push({ start: callee.startIndex, end: callee.endIndex, text: decoratorName.expr });
  imports.push(decoratorName);
  const items = listItems(args);
  const dropped: number[] = [];
  items.forEach((item, i) => {
    if (item.type !== "keyword_argument") return;
    const key = item.childForFieldName("name")!.text;
    const value = item.childForFieldName("value")!.text;
    if (
      key === "allow_reuse" ||
      key === "always" ||
      key === "each_item" ||
      (key === "pre" && value === "False")
    )
      dropped.push(i);
    else if (key === "pre")
      edits.push({
        start: item.startIndex,
        end: item.endIndex,
        text: `mode=${ctx.stylist.quote}before${ctx.stylist.quote}`,
      });
  });
  edits.push(...removeListItems(items, dropped));

  // values / field -> one ValidationInfo parameter; an unused config goes.
  if (extra.length) {
    const info = infoParameter(ctx, t, fn, params, message, decorator);
    if ("diagnostic" in info) return info.diagnostic;
    edits.push(...info.edits);
    if (info.import) imports.push(info.import);
  }
  if (params.names[0] === "cls") {
    const classmethod = site.classmethod();
    if (typeof classmethod === "string")
      return ctx.diagnostic(t, decorator, `${message} (${classmethod})`);
    edits.push(...classmethod);
  }
  return ctx.diagnostic(t, decorator, message, {
    title: isDecorator(site) ? "Use @field_validator" : "Use field_validator(...)(f)",
    safety: "safe",
    edits,
    imports: [...requirementsOf(...imports), ...fieldImports],
    removeIfUnused: rootCheck(callee, ctx),
  });
}

function infoParameter(
  ctx: RuleContext,
  t: Rule,
  fn: Node,
  params: Parameters,
  message: string,
  decorator: Node,
): { edits: Edit[]; import?: EnsureResult } | { diagnostic: Diagnostic } {
  const edits: Edit[] = [];
  const removed: number[] = [];
  const config = params.names.indexOf("config");
  if (config !== -1) {
    const binding = parameterBinding(ctx, fn, "config");
    if (!binding || uses(ctx, fn, binding).length)
      return {
        diagnostic: ctx.diagnostic(
          t,
          decorator,
          `${message}; the body reads \`config\` (the model's configuration is \`cls.model_config\`, a dict, in v2): migrate by hand`,
        ),
      };
    removed.push(config);
  }
  const replaced =
    params.names.indexOf("values") !== -1
      ? params.names.indexOf("values")
      : params.names.indexOf("field");
  if (replaced === -1) return { edits: removeListItems(params.items, removed) };
  const scope = ctx.scopes.scopeOfDefinition(fn)!;
  const infoName = ["info", "validation_info"].find(
    (n) => !scope.bindings.has(n) && !ctx.bindings(n, fn.childForFieldName("body")!),
  );
  if (!infoName)
    return {
      diagnostic: ctx.diagnostic(
        t,
        decorator,
        `${message}; no free name for the ValidationInfo parameter`,
      ),
    };
  const infoType = ctx.ensureImport(fn, "pydantic", "ValidationInfo");
  if (!infoType.ok)
    return { diagnostic: ctx.diagnostic(t, decorator, `${message} (${infoType.reason})`) };
  for (const name of ["values", "field"]) {
    const index = params.names.indexOf(name);
    if (index === -1) continue;
    const binding = parameterBinding(ctx, fn, name);
    if (!binding)
      return { diagnostic: ctx.diagnostic(t, decorator, `${message}; cannot resolve ${name}`) };
    for (const id of uses(ctx, fn, binding)) {
      if (isRebound(ctx, id, binding)) {
        return {
          diagnostic: ctx.diagnostic(
            t,
            decorator,
            `${message}; \`${name}\` is reassigned in the validator: migrate by hand`,
          ),
        };
      }
      if (name === "values") {
        edits.push({ start: id.startIndex, end: id.endIndex, text: `${infoName}.data` });
        continue;
      }
      const parent = id.parent;
      if (parent?.type === "attribute" && parent.childForFieldName("attribute")?.text === "name") {
        edits.push({
          start: parent.startIndex,
          end: parent.endIndex,
          text: `${infoName}.field_name`,
        });
      } else {
        return {
          diagnostic: ctx.diagnostic(
            t,
            decorator,
            `${message}; \`field\` is used for more than its name: migrate by hand`,
          ),
        };
      }
    }
    if (index !== replaced) removed.push(index);
  }
  const target = params.items[replaced]!;
  edits.push({
    start: target.startIndex,
    end: target.endIndex,
    text: `${infoName}: ${infoType.expr}`,
  });
  edits.push(...removeListItems(params.items, removed));
  return { edits, import: infoType };
}

function rootValidator(ctx: RuleContext, t: Rule, site: Site): Diagnostic | undefined {
  const { report: decorator, expr, callee, fn } = site;
  const message = isDecorator(site)
    ? "@root_validator is deprecated in Pydantic v2; use @model_validator"
    : `root_validator${expr.type === "call" ? "(...)" : ""}(f) is deprecated in Pydantic v2; use model_validator(...)(f)`;
  const args = expr.type === "call" ? expr.childForFieldName("arguments")! : undefined;
  if (args?.namedChildren.some((c) => c?.type === "comment"))
    return ctx.diagnostic(t, decorator, `${message}; the arguments hold comments: migrate by hand`);
  const keywords = args ? keywordArguments(args) : new Map<string, Node>();
  if (args && listItems(args).some((a) => a.type !== "keyword_argument")) {
    return ctx.diagnostic(t, decorator, `${message}; positional arguments: migrate by hand`);
  }
  const unknown = [...keywords.keys()].filter(
    (k) => !["pre", "allow_reuse", "skip_on_failure"].includes(k),
  );
  if (unknown.length)
    return ctx.diagnostic(t, decorator, `${message}; unknown argument ${unknown.join(", ")}`);
  const pre = keywords.get("pre")?.childForFieldName("value")?.text ?? "False";
  if (pre !== "True" && pre !== "False")
    return ctx.diagnostic(t, decorator, `${message}; pre=${pre} is not a literal: migrate by hand`);
  const params = parameters(fn);
  if (params.names.length !== 2 || params.names[0] !== "cls") {
    return ctx.diagnostic(
      t,
      decorator,
      `${message}; the signature (${params.names.join(", ")}) has no v2 form: migrate by hand`,
    );
  }
  const decoratorName = ctx.ensureImport(callee, "pydantic", "model_validator");
  if (!decoratorName.ok)
    return ctx.diagnostic(t, decorator, `${message} (${decoratorName.reason})`);
  const q = ctx.stylist.quote;
  if (pre === "True") {
    const edits: Edit[] = [
      {
        start: expr.startIndex,
        end: expr.endIndex,
        text: `${decoratorName.expr}(mode=${q}before${q})`,
      },
    ];
    const classmethod = site.classmethod();
    if (typeof classmethod === "string")
      return ctx.diagnostic(t, decorator, `${message} (${classmethod})`);
    edits.push(...classmethod);
    return ctx.diagnostic(t, decorator, message, {
      title: 'Use @model_validator(mode="before")',
      safety: "safe",
      edits,
      imports: requirementsOf(decoratorName),
      removeIfUnused: rootCheck(callee, ctx),
    });
  }
  return afterValidator(ctx, t, site, params, decoratorName, message);
}

/**
 * A post root validator becomes `@model_validator(mode="after")` on `self`, when its body only
 * reads fields (`values["a"]`, `values.get("a")`) and returns `values`.
 */
function afterValidator(
  ctx: RuleContext,
  t: Rule,
  site: Site,
  params: Parameters,
  decoratorName: EnsureResult & { ok: true },
  message: string,
): Diagnostic {
  const { report: decorator, expr, callee, fn } = site;
  const after = isDecorator(site)
    ? `${message}(mode="after")`
    : `root_validator${site.expr.type === "call" ? "(...)" : ""}(f) is deprecated in Pydantic v2; use model_validator(mode="after")(f)`;
  const valuesName = params.names[1]!;
  const values = parameterBinding(ctx, fn, valuesName);
  const cls = parameterBinding(ctx, fn, "cls");
  const byHand = (why: string): Diagnostic =>
    ctx.diagnostic(t, decorator, `${after}; ${why}: migrate by hand`);
  if (!values || !cls) return byHand("cannot resolve its parameters");
  if (uses(ctx, fn, cls).length) return byHand("the body uses cls");
  if (ctx.bindings("self", fn.childForFieldName("body")!)?.some((b) => b.scope.node.equals(fn)))
    return byHand("the body binds self");
  const edits: Edit[] = [];
  for (const id of uses(ctx, fn, values)) {
    const parent = id.parent!;
    if (isRebound(ctx, id, values)) return byHand(`\`${valuesName}\` is reassigned`);
    if (parent.type === "subscript" && parent.childForFieldName("value")?.equals(id)) {
      const field = stringLiteral(parent.childForFieldName("subscript"));
      const grand = parent.parent;
      const written =
        (grand?.type === "assignment" || grand?.type === "augmented_assignment") &&
        grand.childForFieldName("left")?.equals(parent);
      if (!field || written || grand?.type === "delete_statement")
        return byHand(`\`${parent.text}\` is more than a field read`);
      edits.push({ start: parent.startIndex, end: parent.endIndex, text: `self.${field}` });
      continue;
    }
    if (parent.type === "attribute" && parent.childForFieldName("attribute")?.text === "get") {
      const call = parent.parent;
      const callArgs = call?.type === "call" ? listItems(call.childForFieldName("arguments")!) : [];
      const field = callArgs.length === 1 ? stringLiteral(callArgs[0]) : undefined;
      if (!field) return byHand(`\`${call?.text ?? parent.text}\` is more than a field read`);
      edits.push({ start: call!.startIndex, end: call!.endIndex, text: `self.${field}` });
      continue;
    }
    if (parent.type === "return_statement") {
      edits.push({ start: id.startIndex, end: id.endIndex, text: "self" });
      continue;
    }
    return byHand(`\`${valuesName}\` is used as a whole`);
  }
  // Every path must still return the instance: the last statement must be `return values`.
  const body = listItems(fn.childForFieldName("body")!);
  const last = body[body.length - 1];
  if (last?.type !== "return_statement" || last.namedChildren[0]?.text !== valuesName)
    return byHand(`it does not end with \`return ${valuesName}\``);

  const q = ctx.stylist.quote;
  edits.push({
    start: expr.startIndex,
    end: expr.endIndex,
    text: `${decoratorName.expr}(mode=${q}after${q})`,
  });
  edits.push({ start: params.items[0]!.startIndex, end: params.items[0]!.endIndex, text: "self" });
  edits.push(...removeListItems(params.items, [1]));
  const returns = fn.childForFieldName("return_type");
  if (returns) {
    const name = site.cls?.childForFieldName("name")?.text;
    edits.push({
      start: returns.startIndex,
      end: returns.endIndex,
      text: name ? `${q}${name}${q}` : "object",
    });
  }
  // The function becomes an instance method: a @classmethod decorator goes.
  for (const d of decoratorsOf(fn)) {
    if (ctx.decoratorName(d) !== CLASSMETHOD) continue;
    const lineStart = ctx.source.lastIndexOf("\n", d.startIndex - 1) + 1;
    const lineEnd = ctx.source.indexOf("\n", d.endIndex);
    edits.push({
      start: lineStart,
      end: lineEnd === -1 ? ctx.source.length : lineEnd + 1,
      text: "",
    });
  }
  return ctx.diagnostic(t, decorator, after, {
    title: isDecorator(site)
      ? 'Use @model_validator(mode="after") on self'
      : 'Use model_validator(mode="after")(f) on self',
    safety: "unsafe",
    edits,
    imports: requirementsOf(decoratorName),
    removeIfUnused: rootCheck(callee, ctx),
  });
}

/** The text of a plain string literal (no prefix, no interpolation) that is a valid identifier. */
function stringLiteral(node: Node | null | undefined): string | undefined {
  if (node?.type !== "string") return undefined;
  const parts = node.namedChildren.filter(
    (c) => c && c.type !== "string_start" && c.type !== "string_end",
  );
  if (parts.length !== 1 || parts[0]!.type !== "string_content") return undefined;
  if (!/^["']/.test(node.text)) return undefined; // f-strings, bytes, raw strings
  const text = parts[0]!.text;
  return /^[A-Za-z_]\w*$/.test(text) ? text : undefined;
}

/**
 * The edits that give each field an `always=True` validator names `validate_default=True`: a
 * keyword in its `Field(...)` default, else `Annotated[T, Field(validate_default=True)]`. The field
 * must be declared in the validator's class or a base class of the same module.
 */
function validateDefault(
  ctx: RuleContext,
  decoratorCall: Node,
  cls: Node | undefined,
): { edits: Edit[]; imports: ImportRequirement[] } | string {
  if (!cls) return "always=True outside a class: migrate by hand";
  const names = listItems(decoratorCall.childForFieldName("arguments")!)
    .filter((a) => a.type !== "keyword_argument")
    .map((a) => stringLiteral(a));
  if (!names.length || names.some((n) => !n))
    return "always=True needs validate_default=True on fields named by literals: migrate by hand";
  const edits: Edit[] = [];
  const imports: ImportRequirement[] = [];
  for (const name of names as string[]) {
    const field = fieldDeclaration(ctx, cls, name, new Set());
    if (!field)
      return `always=True: \`${name}\` is not declared in this module, give it Field(validate_default=True) by hand`;
    const type = field.childForFieldName("type")!.namedChildren[0]!;
    const found = withFieldKeyword(ctx, type, fieldCall(ctx, field), "validate_default", "True");
    if (typeof found === "string") return found;
    edits.push(...found.edits);
    imports.push(...found.imports);
  }
  return { edits, imports };
}

/** The `name: T [= v]` statement declaring a field in the class or its same-module bases. */
function fieldDeclaration(
  ctx: RuleContext,
  cls: Node,
  name: string,
  seen: Set<number>,
): Node | undefined {
  if (seen.has(cls.id)) return undefined;
  seen.add(cls.id);
  const own = modelFields(cls).find((f) => f.childForFieldName("left")!.text === name);
  if (own) return own;
  const bases = cls.childForFieldName("superclasses");
  for (const base of bases ? listItems(bases) : []) {
    if (base.type !== "identifier") continue;
    const b = ctx.bindings(base.text, cls);
    if (b?.length !== 1 || b[0]!.kind !== "class") continue;
    const found = fieldDeclaration(ctx, b[0]!.statement, name, seen);
    if (found) return found;
  }
  return undefined;
}
