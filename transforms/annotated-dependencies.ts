// FF202: FastAPI parameters declared through their default value (`db: Session = Depends(get_db)`,
// `q: str = Query(None)`) -> `Annotated[T, ...]`, the form FastAPI documents since 0.95.
import { BUILTINS } from "../src/engine/builtins.js";
import type { RuleContext } from "../src/knowledge/context.js";
import { isReference, type RelativeImport } from "../src/engine/imports.js";
import { genericParts, inferClass } from "../src/knowledge/inference.js";
import type { Node } from "../src/engine/parser.js";
import type { Suppressions } from "../src/engine/suppression.js";
import {
  keywordArguments,
  listItems,
  removeListItems,
  underTypeChecking,
} from "../src/engine/syntax.js";
import type { Diagnostic, Edit, ImportRequirement } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";

/** Markers whose first argument is the dependency: they move into the annotation unchanged. */
const DEPENDENCY_MARKERS = ["Depends", "Security"];
/** Markers whose first argument is the parameter's default: it moves out, after `=`. */
const PARAM_MARKERS = ["Query", "Path", "Body", "Header", "Cookie", "Form", "File"];

const MARKERS: ReadonlyMap<string, string> = new Map(
  [...DEPENDENCY_MARKERS, ...PARAM_MARKERS].flatMap((name) =>
    ["fastapi", "fastapi.params", "fastapi.param_functions"].map(
      (module) => [`${module}.${name}`, name] as [string, string],
    ),
  ),
);

const ANNOTATED = new Set(["typing.Annotated", "typing_extensions.Annotated"]);
/** Default values that mean "required" to FastAPI (`Query(...)`). */
const REQUIRED = new Set(["builtins.Ellipsis", "pydantic.Required", "pydantic.fields.Required"]);
/** The line length black and ruff format to by default. */
const LINE_LENGTH = 88;

const QUERY = `
(function_definition
  parameters: (parameters [
    (default_parameter value: (call))
    (typed_default_parameter value: (call))
  ])) @fn
`;

export const annotatedDependencies: Rule = {
  name: "annotated-dependencies",
  code: "FF202",
  summary:
    "Depends()/Query()/Body()/... as parameter defaults -> Annotated[T, ...] (types of un-annotated dependencies from the project)",
  rule: "Use Annotated for dependencies and parameters (Depends, Query, Path, Body, ...)",
  gives: ["unsafe", "detect"],
  docs: {
    why: "FastAPI recommends Annotated since 0.95: the function keeps its real defaults and can be called directly, the declaration can be reused as an alias, and type checkers see the real types. Unsafe because a direct call that relied on the old default (a Depends or Query object) now needs the argument.",
    bad: '@app.get("/items")\ndef read_items(db=Depends(get_db), q: str = Query("", max_length=50)):\n    ...\n',
    good: '@app.get("/items")\ndef read_items(\n    db: Annotated[Session, Depends(get_db)],\n    q: Annotated[str, Query(max_length=50)] = "",\n):\n    ...\n',
  },
  // The markers are FastAPI's: the module imports them from it.
  prefilter: [/\bfastapi\b/, /\b(Depends|Security|Query|Path|Body|Header|Cookie|Form|File)\b/],
  query: QUERY,
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    const seen = new Set<number>();
    let suppressions: Suppressions | undefined;
    for (const m of ctx.captures(QUERY)) {
      const fn = m.node("fn");
      if (seen.has(fn.id)) continue;
      seen.add(fn.id);
      suppressions ??= ctx.suppressions;
      out.push(...checkFunction(ctx, this, fn, suppressions));
    }
    return out;
  },
};

// ---- the parameters of a function ----------------------------------------------------------

interface Param {
  node: Node;
  /** The parameter's name; "" for `*`, `/`. */
  name: string;
  /** Filled by position: before `*` / `*args` (positional-only ones included). */
  positional: boolean;
  hasDefault: boolean;
  type?: Node;
  value?: Node;
}

function parameterList(params: Node): Param[] {
  const out: Param[] = [];
  let positional = true;
  for (const node of listItems(params)) {
    const inner = node.type === "typed_parameter" ? node.namedChildren[0] : node;
    switch (inner?.type) {
      case "keyword_separator":
      case "list_splat_pattern":
        positional = false;
        out.push({ node, name: "", positional: false, hasDefault: false });
        continue;
      case "dictionary_splat_pattern":
      case "positional_separator":
        out.push({ node, name: "", positional: false, hasDefault: false });
        continue;
    }
    const hasDefault = node.type === "default_parameter" || node.type === "typed_default_parameter";
    const name = hasDefault
      ? (node.childForFieldName("name")?.text ?? "")
      : node.type === "identifier"
        ? node.text
        : (node.namedChildren.find((c) => c?.type === "identifier")?.text ?? "");
    out.push({
      node,
      name,
      positional,
      hasDefault,
      type: node.childForFieldName("type") ?? undefined,
      value: hasDefault ? (node.childForFieldName("value") ?? undefined) : undefined,
    });
  }
  return out;
}

/** What one parameter becomes, or why it stays. */
interface Plan {
  param: Param;
  index: number;
  marker: string;
  /** Why there is no fix. */
  reason?: string;
  /** The parameter's new text. */
  text?: string;
  /** True when the new parameter still has a default value. */
  keepsDefault?: boolean;
  imports: ImportRequirement[];
  /** Edits outside the signature the new text needs (an import the import manager cannot write). */
  edits: Edit[];
  /** New relative imports the new text needs: `from <module> import <name>`. */
  fresh: RelativeImport[];
}

function checkFunction(
  ctx: RuleContext,
  t: Rule,
  fn: Node,
  suppressions: Suppressions,
): Diagnostic[] {
  const paramsNode = fn.childForFieldName("parameters")!;
  const params = parameterList(paramsNode);
  const plans: Plan[] = [];
  params.forEach((param, index) => {
    if (param.value?.type !== "call") return;
    const callee = param.value.childForFieldName("function")!;
    const q = ctx.qualifiedName(callee);
    const marker = q ? MARKERS.get(q) : undefined;
    if (!marker) return;
    const silenced = suppressions.covers({
      code: t.code,
      name: t.name,
      message: "",
      start: param.node.startIndex,
      end: param.node.endIndex,
    });
    // A silenced parameter stays as it is, and counts as such for the ones after it.
    if (!silenced) plans.push({ param, index, marker, imports: [], edits: [], fresh: [] });
  });
  if (!plans.length) return [];

  const annotated = ctx.ensureImport(paramsNode, "typing", "Annotated", {
    equivalents: ["typing_extensions.Annotated"],
  });
  for (const plan of plans) {
    if (!annotated.ok) plan.reason = annotated.reason;
    else planParameter(ctx, fn, plan, annotated.expr);
    if (!plan.reason && annotated.ok && annotated.requirement)
      plan.imports.push(annotated.requirement);
  }
  checkOrder(params, plans);
  const called = calledWithout(
    ctx,
    fn,
    params,
    plans.filter((p) => !p.reason && !p.keepsDefault),
  );
  if (called) for (const plan of plans) plan.reason ??= called;

  const fixed = plans.filter((p) => !p.reason);
  const edits: Edit[] = [];
  const imports: ImportRequirement[] = [];
  if (fixed.length) {
    const texts = params.map((p) => ctx.text(p.node));
    for (const plan of fixed) {
      texts[plan.index] = plan.text!;
      imports.push(...plan.imports);
      for (const e of plan.edits)
        if (!edits.some((o) => o.start === e.start && o.text === e.text)) edits.push(e);
    }
    const fresh = ctx.imports.relativeImportsEdit(fixed.flatMap((p) => p.fresh));
    if (fresh) edits.push(fresh);
    edits.push(
      ...signatureEdits(ctx, fn, paramsNode, params, texts, new Set(fixed.map((p) => p.index))),
    );
  }
  return plans.map((plan) => {
    const message = `\`${plan.param.name}\` has ${plan.marker}() as its default value: declare it with Annotated`;
    if (plan.reason)
      return ctx.diagnostic(t, plan.param.node, `${message} (no fix: ${plan.reason})`);
    // Every fix of the function carries all its edits: they go in together or not at all (the
    // engine writes identical edits once), so the parameter order stays valid.
    return ctx.diagnostic(t, plan.param.node, message, {
      title: `Move ${plan.marker}() into Annotated`,
      safety: "unsafe",
      edits: [...edits],
      imports: [...imports],
    });
  });
}

/**
 * Why the function must keep its defaults: the project calls it by hand (a route that other code
 * also calls, `await read_user(user_id=1, db=db)`) and some call leaves out a parameter whose
 * default the rewrite drops, which would then be missing. Module-level functions only: a
 * method's calls go through objects the index cannot follow.
 */
function calledWithout(
  ctx: RuleContext,
  fn: Node,
  params: Param[],
  losing: Plan[],
): string | undefined {
  if (!losing.length) return undefined;
  const def = fn.parent?.type === "decorated_definition" ? fn.parent : fn;
  if (def.parent?.type !== "module") return undefined;
  const name = fn.childForFieldName("name")!.text;
  const broken: string[] = [];
  const left = new Set<string>();
  for (const site of ctx.index.directCalls(`${ctx.module.moduleName}.${name}`)) {
    const missing = losing.filter((plan) => {
      if (site.keywords.includes(plan.param.name)) return false;
      // Its place among the parameters filled by position (`/` and `*` take none).
      const at = params.slice(0, plan.index).filter((p) => p.positional && p.name).length;
      return !(plan.param.positional && site.positional > at);
    });
    if (!site.unpacks && !missing.length) continue;
    broken.push(`${site.module}:${site.line}`);
    for (const plan of missing) left.add(`\`${plan.param.name}\``);
  }
  if (!broken.length) return undefined;
  const where = broken.slice(0, 3).join(", ") + (broken.length > 3 ? ", ..." : "");
  const what = left.size ? `without ${[...left].join(", ")}` : "with unpacked arguments";
  return `${name}() is also called by hand (${where}) ${what}: those calls would miss the argument once its default goes; pass it there, or keep the default`;
}

/**
 * Python wants no parameter without a default after a positional one with a default (keyword-only
 * ones, after `*` or `*args`, may come in any order). A fix that drops a default there is refused.
 */
function checkOrder(params: Param[], plans: Plan[]): void {
  let optional: Param | undefined;
  for (const param of params) {
    if (!param.positional) continue;
    const plan = plans.find((p) => p.param === param);
    let keeps = param.hasDefault;
    if (plan && !plan.reason) {
      if (!plan.keepsDefault && optional) {
        plan.reason =
          `without a default value \`${param.name}\` would be a required parameter after the ` +
          `optional \`${optional.name}\`; move it before \`${optional.name}\`, or after \`*\``;
      } else keeps = !!plan.keepsDefault;
    }
    if (keeps && !optional) optional = param;
  }
}

/** Fills in the plan's new text, or the reason there is none. */
function planParameter(ctx: RuleContext, fn: Node, plan: Plan, annotated: string): void {
  const { param, marker } = plan;
  const call = param.value!;
  const args = call.childForFieldName("arguments");
  if (args?.type !== "argument_list") {
    plan.reason = "unusual arguments";
    return;
  }
  const items = listItems(args);
  if (items.some((a) => a.type === "list_splat" || a.type === "dictionary_splat")) {
    plan.reason = `${marker}() unpacks its arguments`;
    return;
  }
  let type: string;
  if (param.type) {
    if (isAnnotated(ctx, param.type)) {
      plan.reason = "the annotation is already Annotated: merge the two by hand";
      return;
    }
    type = oneLine(ctx, param.type);
  } else if (DEPENDENCY_MARKERS.includes(marker)) {
    const inferred = dependencyType(ctx, fn, args);
    if ("reason" in inferred) {
      plan.reason = inferred.reason;
      return;
    }
    type = inferred.expr;
    plan.imports.push(...inferred.imports);
    plan.edits.push(...inferred.edits);
    if (inferred.fresh) plan.fresh.push(inferred.fresh);
  } else {
    plan.reason = "the parameter has no annotation to keep";
    return;
  }

  const unreadable = hasFutureAnnotations(ctx)
    ? unreadableName(ctx, [call, ...(param.type ? [param.type] : [])])
    : undefined;
  if (unreadable) {
    plan.reason = `with \`from __future__ import annotations\` FastAPI evaluates the annotation in the module's namespace, where ${unreadable}`;
    return;
  }
  if (DEPENDENCY_MARKERS.includes(marker)) {
    plan.text = `${param.name}: ${annotated}[${type}, ${ctx.text(call)}]`;
    plan.keepsDefault = false;
    return;
  }
  // Query(default, ...): the default leaves the call, FastAPI refuses one inside Annotated.
  const positional = items.filter((a) => a.type !== "keyword_argument");
  const keyword = keywordArguments(args).get("default");
  if (positional.length > 1 || (positional.length && keyword)) {
    plan.reason = `${marker}() takes one default value`;
    return;
  }
  const defaultItem = positional[0] ?? keyword;
  const value =
    defaultItem?.type === "keyword_argument"
      ? (defaultItem.childForFieldName("value") ?? undefined)
      : defaultItem;
  let callText = ctx.text(call);
  if (defaultItem) {
    if (items.length === 1) {
      if (args.namedChildren.some((c) => c?.type === "comment")) {
        plan.reason = `the arguments of ${marker}() hold comments`;
        return;
      }
      callText = `${ctx.text(call.childForFieldName("function")!)}()`;
    } else {
      callText = applyWithin(
        ctx.source,
        call.startIndex,
        call.endIndex,
        removeListItems(items, [items.indexOf(defaultItem)]),
      );
    }
  }
  const required =
    !value || value.type === "ellipsis" || REQUIRED.has(ctx.qualifiedName(value) ?? "");
  let text = `${param.name}: ${annotated}[${type}, ${callText}]`;
  if (!required) {
    const valueText = ctx.text(value);
    text += ` = ${value.type === "named_expression" ? `(${valueText})` : valueText}`;
  }
  plan.text = text;
  plan.keepsDefault = !required;
}

/**
 * A name the new annotation reads that its string form (postponed evaluation) cannot find in the
 * module's globals, with why: FastAPI would then see a plain query parameter.
 */
function unreadableName(ctx: RuleContext, nodes: Node[]): string | undefined {
  for (const node of nodes) {
    const inside = (n: Node): boolean =>
      n.startIndex >= node.startIndex && n.endIndex <= node.endIndex;
    for (const id of node.descendantsOfType("identifier")) {
      if (!id || !isReference(id)) continue;
      const found = ctx.bindings(id.text, id);
      if (!found) {
        if (BUILTINS.has(id.text) || ctx.scopes.mayComeFromStarImport(ctx.scopeAt(id))) continue;
        return `\`${id.text}\` is not defined`;
      }
      if (found.some((b) => b.scope.kind !== "module" && !inside(b.scope.node)))
        return `\`${id.text}\` (a local name) is not defined`;
      if (found.every((b) => underTypeChecking(b.statement)))
        return `\`${id.text}\` (imported for type checking only) is not defined`;
    }
  }
  return undefined;
}

/**
 * An annotation written over several lines (`str\n    | None`, legal inside the parentheses of
 * the parameter list) joined into one for its place inside `Annotated[...]`; kept as it is when
 * it holds a comment or a string.
 */
function oneLine(ctx: RuleContext, type: Node): string {
  const text = ctx.text(type);
  if (!text.includes("\n")) return text;
  if (type.descendantsOfType(["comment", "string"]).some((n) => !!n)) return text;
  return text.replace(/[ \t]*\r?\n[ \t]*/g, (_, offset: number) => {
    const before = text[offset - 1] ?? "";
    const after = text[offset + _.length] ?? "";
    return "([{".includes(before) || ")]}".includes(after) ? "" : " ";
  });
}

/** `source[start, end)` with edits made inside it. */
function applyWithin(source: string, start: number, end: number, edits: Edit[]): string {
  let text = source.slice(start, end);
  for (const e of [...edits].sort((a, b) => b.start - a.start))
    text = text.slice(0, e.start - start) + e.text + text.slice(e.end - start);
  return text;
}

/** `Annotated[...]`, or a name bound to one (`CurrentUser = Annotated[User, Depends(...)]`). */
function isAnnotated(ctx: RuleContext, type: Node): boolean {
  const expr = type.type === "type" ? type.namedChildren[0] : type;
  if (!expr) return false;
  if (expr.type === "generic_type" || expr.type === "subscript") {
    const [head] = genericParts(expr);
    const q = head ? ctx.qualifiedName(head) : undefined;
    return !!q && ANNOTATED.has(q);
  }
  if (expr.type !== "identifier") return false;
  return (ctx.bindings(expr.text, expr) ?? []).some((b) => {
    if (b.kind !== "assignment" && b.kind !== "type") return false;
    const right = b.statement.childForFieldName("right");
    return !!right && right.type !== "identifier" && isAnnotated(ctx, right);
  });
}

// ---- the type of an un-annotated dependency ---------------------------------------------------

type TypeResult =
  | { expr: string; imports: ImportRequirement[]; edits: Edit[]; fresh?: RelativeImport }
  | { reason: string };

function hasFutureAnnotations(ctx: RuleContext): boolean {
  return ctx.root.namedChildren.some(
    (c) =>
      c?.type === "future_import_statement" &&
      c.namedChildren.some((n) => n?.text === "annotations"),
  );
}

function dependencyType(ctx: RuleContext, fn: Node, args: Node): TypeResult {
  const dep =
    listItems(args).find((a) => a.type !== "keyword_argument") ??
    keywordArguments(args).get("dependency")?.childForFieldName("value") ??
    undefined;
  if (!dep) return { reason: "Depends() without a dependency needs the annotation it lacks" };
  if (dep.type !== "identifier" && dep.type !== "attribute")
    return { reason: "the parameter has no annotation to take its type from" };
  const unknown = {
    reason: `the parameter has no annotation, and no return annotation of ${dep.text} names a class: annotate one of them`,
  };
  // A class is its own dependency: `Depends(CommonParams)` gives a CommonParams.
  const cls = inferClass(ctx, dep);
  if (cls && !cls.instance) {
    if (!cls.qualified && hasFutureAnnotations(ctx))
      return { reason: `${dep.text} is a local class that a string annotation cannot name` };
    return { expr: dep.text, imports: [], edits: [] };
  }
  const q = ctx.qualifiedName(dep);
  const returned = q ? ctx.index.returnTypeOf(q) : undefined;
  if (!returned) return unknown;
  return typeExpression(ctx, fn, returned, dep.text);
}

/** How the function's annotation can name the class `qualified`, importing it if need be. */
function typeExpression(
  ctx: RuleContext,
  fn: Node,
  qualified: string,
  dependency: string,
): TypeResult {
  const at = fn.childForFieldName("parameters")!;
  const dot = qualified.lastIndexOf(".");
  const module = qualified.slice(0, dot);
  const name = qualified.slice(dot + 1);
  const what = `${name} (what ${dependency} gives)`;
  if (dot <= 0) return { reason: `cannot name ${what}` };
  if (module === "builtins") {
    return ctx.bindings(name, at) || ctx.scopes.mayComeFromStarImport(ctx.scopeAt(at))
      ? { reason: `\`${name}\` is shadowed here` }
      : { expr: name, imports: [], edits: [] };
  }
  if (module === (ctx.module.moduleName ?? "__main__")) {
    const found = ctx.bindings(name, at);
    const b = found?.length === 1 ? found[0]! : undefined;
    const before = !!b && (b.statement.endIndex <= fn.startIndex || hasFutureAnnotations(ctx));
    return b?.kind === "class" && b.scope.kind === "module" && before
      ? { expr: name, imports: [], edits: [] }
      : { reason: `${what} is not defined before the function` };
  }
  // An import of it (or of what it re-exports) the file has already.
  const equivalents = moduleImports(ctx)
    .filter((b) => b.qualified !== qualified && sameName(ctx, b.qualified, qualified))
    .map((b) => b.qualified);
  const existing = ctx.ensureImport(at, module, name, { equivalents, onlyExisting: true });
  if (existing.ok) {
    const root = existing.expr.split(".")[0]!;
    if ((ctx.bindings(root, at) ?? []).some((b) => underTypeChecking(b.statement)))
      return { reason: `${what} is imported for type checking only` };
    return { expr: existing.expr, imports: [], edits: [] };
  }
  if (!ctx.index.isClass(qualified)) {
    // Outside the project: its module name is the one to import.
    const r = ctx.ensureImport(at, module, name);
    return r.ok
      ? { expr: r.expr, imports: r.requirement ? [r.requirement] : [], edits: [] }
      : { reason: r.reason };
  }
  const r = ctx.imports.ensureProjectImport(at, module, name, what);
  if ("reason" in r) return r;
  return {
    expr: r.expr,
    imports: r.requirement ? [r.requirement] : [],
    edits: r.edits,
    ...(r.relative ? { fresh: r.relative } : {}),
  };
}

/** Module-level imports of a name (not `import a.b`, which binds `a`). */
function moduleImports(ctx: RuleContext): Array<{ name: string; qualified: string }> {
  const out: Array<{ name: string; qualified: string }> = [];
  for (const list of ctx.scopes.module.bindings.values())
    for (const b of list)
      if ((b.kind === "from-import" || b.kind === "import") && b.qualified && !b.importPath)
        out.push({ name: b.name, qualified: b.qualified });
  return out;
}

/** True when two qualified names name one class (through re-exports and module suffixes). */
function sameName(ctx: RuleContext, a: string, b: string): boolean {
  return a === b || ctx.index.canonical(a) === ctx.index.canonical(b);
}

// ---- the new signature -----------------------------------------------------------------------

/**
 * Edits that put the new parameter texts in place. When the signature then passes 88 columns,
 * the parameters go one per line with a trailing comma, as black and ruff format them.
 */
function signatureEdits(
  ctx: RuleContext,
  fn: Node,
  paramsNode: Node,
  params: Param[],
  texts: string[],
  changed: Set<number>,
): Edit[] {
  const perItem: Edit[] = params.flatMap((p, i) =>
    changed.has(i) ? [{ start: p.node.startIndex, end: p.node.endIndex, text: texts[i]! }] : [],
  );
  if (!tooLong(ctx, fn, paramsNode, params, texts, perItem)) return perItem;
  const nl = ctx.stylist.newline;
  const indent = ctx.lineIndent(fn.startIndex);
  const inner = indent + ctx.stylist.indent;
  const body = texts.map((t) => `${inner}${t},${nl}`).join("");
  return [
    { start: paramsNode.startIndex, end: paramsNode.endIndex, text: `(${nl}${body}${indent})` },
  ];
}

function tooLong(
  ctx: RuleContext,
  fn: Node,
  paramsNode: Node,
  params: Param[],
  texts: string[],
  perItem: Edit[],
): boolean {
  if (paramsNode.namedChildren.some((c) => c?.type === "comment")) return false;
  if (texts.some((t) => t.includes("\n"))) return false;
  // Already one parameter a line: keep the layout.
  const gaps = [paramsNode.startIndex + 1, ...params.map((p) => p.node.endIndex)].map((from, i) =>
    ctx.source.slice(from, params[i]?.node.startIndex ?? paramsNode.endIndex - 1),
  );
  if (gaps.every((g) => g.includes("\n"))) return false;
  const colon = fn.children.find((c) => c?.type === ":");
  if (!colon) return false;
  const start = ctx.source.lastIndexOf("\n", fn.startIndex - 1) + 1;
  const lineEnd = ctx.source.indexOf("\n", colon.endIndex);
  const end = lineEnd === -1 ? ctx.source.length : lineEnd;
  const text = applyWithin(ctx.source, start, end, perItem);
  return text.split("\n").some((line) => [...line.replace(/\r$/, "")].length > LINE_LENGTH);
}
