// FF107: Pydantic v2 refuses a `__root__` field; a custom root type is a `RootModel[T]` subclass
// whose value is `.root`.
import { firstLine } from "../src/engine/source.js";
import { BUILTINS } from "../src/engine/builtins.js";
import type { RuleContext } from "../src/knowledge/context.js";
import { inferClass } from "../src/knowledge/inference.js";
import type { Node } from "../src/engine/parser.js";
import type { Binding } from "../src/engine/scope.js";
import { removeStatement } from "../src/engine/statements.js";
import { underTypeChecking } from "../src/engine/syntax.js";
import type { Diagnostic, Edit, Fix } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";
import { inferType } from "./pydantic-field-annotations.js";

const BASE_MODELS = new Set(["pydantic.BaseModel", "pydantic.main.BaseModel"]);
const ROOT_MODELS = new Set(["pydantic.RootModel", "pydantic.root_model.RootModel"]);
const CLASS_VAR = new Set(["typing.ClassVar", "typing_extensions.ClassVar"]);

const QUERY = `
(class_definition body: (block (expression_statement
   (assignment left: (identifier) @name (#eq? @name "__root__")) @assign) @statement)) @class
(attribute attribute: (identifier) @attr (#eq? @attr "__root__")) @use
(call function: (_) @fn arguments: (argument_list
   (keyword_argument name: (identifier) @kw (#eq? @kw "__root__"))))
`;

interface Plan {
  /** The root type, as written in `RootModel[...]`. */
  type: string;
  base: Node;
  statement: Node;
  assign: Node;
}

export const pydanticRootModel: Rule = {
  name: "pydantic-root-model",
  code: "FF107",
  summary: "models with a __root__ field -> RootModel[T] subclasses; .__root__ -> .root",
  rule: "Use Pydantic v2 APIs: custom root types are RootModel subclasses",
  gives: ["safe", "detect"],
  docs: {
    why: "Pydantic v2 raises at class creation for a `__root__` field. A custom root type subclasses RootModel[T], and its value is read and written as `.root` (a `__root__=` keyword becomes `root=`). Models that mix __root__ with other fields, configuration or another base, and `.__root__` on values whose class the tool cannot tell, are reported.",
    bad: "class Tags(BaseModel):\n    __root__: List[str]\n\n    def __iter__(self):\n        return iter(self.__root__)\n",
    good: "class Tags(RootModel[List[str]]):\n    def __iter__(self):\n        return iter(self.root)\n",
  },
  scope: "models",
  prefilter: /__root__/,
  query: QUERY,
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    const plans = new Map<number, Plan | string>();
    const planFor = (cls: Node): Plan | string | undefined => {
      if (!plans.has(cls.id)) {
        const statement = rootStatement(cls);
        if (!statement || ctx.classKind(cls) !== "model") return undefined;
        plans.set(cls.id, plan(ctx, cls, statement));
      }
      return plans.get(cls.id);
    };
    const related = relatesToPydantic(ctx);
    for (const m of ctx.captures(QUERY)) {
      const get = m.get;
      if (m.pattern === 0) {
        const cls = get("class")!;
        const result = planFor(cls);
        if (result === undefined) continue;
        const name = get("name")!;
        if (typeof result === "string") {
          out.push(ctx.diagnostic(this, name, `${MESSAGE} (${result})`));
          continue;
        }
        const fix = convert(ctx, result);
        if (typeof fix === "string") out.push(ctx.diagnostic(this, name, `${MESSAGE} (${fix})`));
        else out.push(ctx.diagnostic(this, name, MESSAGE, fix));
        continue;
      }
      const isUse = m.pattern === 1;
      const target = isUse ? get("use")!.childForFieldName("object")! : get("fn")!;
      const name = isUse ? get("attr")! : get("kw")!;
      const what = isUse ? ".__root__" : "__root__=";
      const verdict = rootClassOf(ctx, target, !isUse, planFor);
      if (verdict === "not-a-model") continue;
      if (verdict === "root") {
        out.push(
          ctx.diagnostic(this, name, `${what} is ${isUse ? ".root" : "root="} on a RootModel`, {
            title: `Use ${isUse ? ".root" : "root="}`,
            safety: "safe",
            edits: [{ start: name.startIndex, end: name.endIndex, text: "root" }],
          }),
        );
      } else if (typeof verdict === "string") {
        out.push(ctx.diagnostic(this, name, `${what}: ${verdict}`));
      } else if (related) {
        out.push(
          ctx.diagnostic(
            this,
            name,
            `${what} on ${firstLine(ctx.text(target))}: cannot tell whether it is a root model; on a RootModel it is ${isUse ? ".root" : "root="}`,
          ),
        );
      }
    }
    return out;
  },
};

const MESSAGE = "__root__ fields are an error in Pydantic v2; subclass RootModel[T]";

/** The `__root__ ...` statement of a class body, if it has one. */
function rootStatement(cls: Node): Node | undefined {
  for (const stmt of cls.childForFieldName("body")?.namedChildren ?? []) {
    const assign = stmt?.type === "expression_statement" ? stmt.namedChildren[0] : undefined;
    if (assign?.type === "assignment" && assign.childForFieldName("left")?.text === "__root__")
      return stmt!;
  }
  return undefined;
}

/** What converting `cls` takes, or why it cannot be done safely. */
function plan(ctx: RuleContext, cls: Node, statement: Node): Plan | string {
  const args = (cls.childForFieldName("superclasses")?.namedChildren ?? []).filter(
    (a): a is Node => !!a && a.type !== "comment",
  );
  const base = args[0];
  if (
    args.length !== 1 ||
    base!.type === "keyword_argument" ||
    !BASE_MODELS.has(ctx.qualifiedName(base!) ?? "")
  )
    return "its bases are not just BaseModel: convert it by hand";
  if (cls.parent?.type === "decorated_definition") return "the class is decorated";

  const body = cls.childForFieldName("body")!;
  const statements = body.namedChildren.filter((c): c is Node => !!c && c.type !== "comment");
  for (const [i, s] of statements.entries()) {
    if (s.equals(statement)) continue;
    if (s.type === "pass_statement") continue;
    if (s.type === "function_definition" || s.type === "decorated_definition") continue;
    if (i === 0 && s.type === "expression_statement" && s.namedChildren[0]?.type === "string")
      continue;
    if (s.type === "class_definition" && s.childForFieldName("name")?.text === "Config")
      return "it has a Config class: RootModel takes only some settings, move them by hand";
    const assign = s.type === "expression_statement" ? s.namedChildren[0] : undefined;
    const left = assign?.type === "assignment" ? assign.childForFieldName("left") : undefined;
    if (left?.type === "identifier") {
      if (left.text === "model_config") return "it has model_config: check it suits RootModel";
      if (left.text === "__root__") return "it sets __root__ twice";
      if (left.text.startsWith("_")) continue;
      const type = assign!.childForFieldName("type")?.namedChildren[0];
      const head = type?.type === "generic_type" ? type.namedChildren[0] : type;
      if (head && CLASS_VAR.has(ctx.qualifiedName(head) ?? "")) continue;
      return `it has other fields besides __root__ (\`${left.text}\`), which Pydantic v1 refused too`;
    }
    return `its body holds \`${firstLine(ctx.text(s))}\`: convert it by hand`;
  }
  if (mentionsRootString(body))
    return "its body names '__root__' in a string, as validators do: convert it by hand";

  const assign = statement.namedChildren[0]!;
  if (statement.namedChildCount !== 1) return "the __root__ line holds more than one statement";
  const typeNode = assign.childForFieldName("type");
  const value = assign.childForFieldName("right");
  let type: string;
  if (typeNode) {
    const problem = unavailableAtClass(ctx, cls, base!, typeNode);
    if (problem) return problem;
    type = ctx.text(typeNode);
  } else {
    // v1 read an un-annotated `__root__ = value` as a root of the value's own class (`[]` is a
    // `list` of anything, not a `list[str]`), with the value as its default.
    const typed = typeAsDefault(ctx, value!);
    if (typed) return typed;
    const inferred = inferType(ctx, value!, assign.childForFieldName("left")!);
    if ("ignored" in inferred)
      return "v1 took no root from this value (a function or class is no field), and v2 refuses the name: rename it";
    if (!("type" in inferred))
      return `cannot tell the root type from its default: ${inferred.reason}`;
    type = inferred.type.replace(/\[.*$/s, "");
  }
  if (value?.type === "assignment") return "__root__ is assigned in a chain";
  return { type, base: base!, statement, assign };
}

const BUILTIN_CLASSES = new Set(
  ["str", "int", "float", "bool", "bytes", "complex", "list", "dict", "set", "frozenset", "tuple"]
    .concat(["type", "object", "bytearray"])
    .map((n) => `builtins.${n}`),
);

/**
 * Why `__root__ = T` with a type for a value is no root to convert: v1 left a class alone (a
 * plain class attribute, no root at all) and refused a typing form as a default.
 */
function typeAsDefault(ctx: RuleContext, value: Node): string | undefined {
  const text = firstLine(ctx.text(value));
  if (value.type === "subscript") {
    const q = ctx.qualifiedName(value.childForFieldName("value")!) ?? "";
    if (/^(typing|typing_extensions)\./.test(q) || BUILTIN_CLASSES.has(q))
      return `\`${text}\` is the default here, not the type, which v1 refused too: for a root of that type write \`__root__: ${text}\``;
    return undefined;
  }
  if (value.type !== "identifier" && value.type !== "attribute") return undefined;
  const q = ctx.qualifiedName(value);
  const found = value.type === "identifier" ? ctx.bindings(value.text, value) : undefined;
  const isClass =
    (!!q && (BUILTIN_CLASSES.has(q) || ctx.index.isClass(q))) ||
    (!!found?.length && found.every((b) => b.kind === "class"));
  if (!isClass) return undefined;
  return `v1 left a class in \`__root__ = ${text}\` alone (a plain class attribute, no root), and v2 refuses the name: rename it, or write \`__root__: ${text}\` if a root of that type was meant`;
}

/**
 * Why the annotation cannot move into the class's bases: the bases are evaluated before the class
 * body, in the enclosing scope, so every name must be bound there already.
 */
function unavailableAtClass(
  ctx: RuleContext,
  cls: Node,
  base: Node,
  type: Node,
): string | undefined {
  const stack: Node[] = [type];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === "string") continue; // a forward reference stays a string in RootModel["X"]
    if (n.type === "identifier") {
      const parent = n.parent;
      if (parent?.type === "attribute" && parent.childForFieldName("attribute")?.equals(n))
        continue;
      const inBody = ctx.bindings(n.text, n);
      const atBase = ctx.bindings(n.text, base);
      if (!inBody && !atBase) {
        if (BUILTINS.has(n.text) && !ctx.scopes.mayComeFromStarImport(ctx.scopeAt(base))) continue;
        return `\`${n.text}\` in the root type is not defined`;
      }
      if (!sameBindings(inBody, atBase))
        return `\`${n.text}\` in the root type is local to the class`;
      for (const b of atBase!) {
        if (b.statement.startIndex > cls.startIndex)
          return `\`${n.text}\` is defined after the class: quote it as a forward reference`;
        if (underTypeChecking(b.statement))
          return `\`${n.text}\` is imported only for type checkers`;
      }
      continue;
    }
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return undefined;
}

function sameBindings(a: Binding[] | undefined, b: Binding[] | undefined): boolean {
  return !!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]);
}

function mentionsRootString(body: Node): boolean {
  const stack: Node[] = [body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === "string_content" && n.text === "__root__") return true;
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return false;
}

/** The edits: `BaseModel` -> `RootModel[T]`, and the `__root__` line goes (or becomes `root`). */
function convert(ctx: RuleContext, p: Plan): Fix | string {
  const imported = ctx.ensureImport(p.base, "pydantic", "RootModel");
  if (!imported.ok) return imported.reason;
  const edits: Edit[] = [
    { start: p.base.startIndex, end: p.base.endIndex, text: `${imported.expr}[${p.type}]` },
  ];
  const statement = imported.requirement ? fromPydantic(ctx) : undefined;
  if (statement) {
    // Written here rather than left to the import manager: when BaseModel was the statement's
    // only name, dropping it and appending RootModel to the same statement collide.
    const first = statement.childrenForFieldName("name")[0]!;
    edits.push({ start: first.startIndex, end: first.startIndex, text: "RootModel, " });
  }
  const left = p.assign.childForFieldName("left")!;
  const typeNode = p.assign.childForFieldName("type");
  if (p.assign.childForFieldName("right")) {
    // A default stays, on the field RootModel calls `root`.
    edits.push({
      start: left.startIndex,
      end: left.endIndex,
      text: typeNode ? "root" : `root: ${p.type}`,
    });
  } else {
    // A comment after it stays; `pass` keeps a body that would be empty.
    const removal = removeStatement(ctx.source, p.statement, {
      comment: "keep",
      blankLines: "block-edges",
      passWhenAlone: true,
    });
    if (!removal) return "the __root__ line holds more than one statement";
    edits.push(removal);
  }
  let root = p.base;
  while (root.type === "attribute") root = root.childForFieldName("object")!;
  const rootQualified = ctx.qualifiedName(root);
  return {
    title: `Subclass ${imported.expr}[${p.type}]`,
    safety: "safe",
    edits,
    imports: imported.requirement ? [imported.requirement] : [],
    removeIfUnused: rootQualified ? [{ local: root.text, qualified: rootQualified }] : [],
  };
}

/** The first top-level `from pydantic import ...` (the one the import manager would extend). */
function fromPydantic(ctx: RuleContext): Node | undefined {
  for (const child of ctx.root.namedChildren) {
    if (child?.type !== "import_from_statement") continue;
    if (child.childForFieldName("module_name")?.text !== "pydantic") continue;
    if (child.namedChildren.some((c) => c?.type === "wildcard_import")) continue;
    return child;
  }
  return undefined;
}

type Verdict = "root" | "not-a-model" | string | undefined;

/**
 * Whether `node` is a root model (instance, or the class when `wantClass`): "root",
 * "not-a-model" for a class known not to be a pydantic model, a reason it is a root model that
 * is not converted, or undefined when the code does not say.
 */
function rootClassOf(
  ctx: RuleContext,
  node: Node,
  wantClass: boolean,
  planFor: (cls: Node) => Plan | string | undefined,
): Verdict {
  const inferred = inferClass(ctx, node);
  if (!inferred || (wantClass && inferred.instance)) return undefined;
  if (inferred.definition) {
    if (!ctx.classKind(inferred.definition)) return "not-a-model";
    return localRoot(ctx, inferred.definition, planFor, 0);
  }
  const q = inferred.qualified;
  if (q && ROOT_MODELS.has(q)) return "root";
  if (q && ctx.index.isClass(q) && !ctx.kindOfClassName(q)) return "not-a-model";
  // A class of another module: `.__root__` only exists on a v1 custom root model, which v2 makes
  // a RootModel (this transform does, in its own file).
  if (
    q &&
    !/^(pydantic|pydantic_settings|sqlmodel)\./.test(q) &&
    ctx.kindOfClassName(q) === "model"
  )
    return "root";
  return undefined;
}

function localRoot(
  ctx: RuleContext,
  cls: Node,
  planFor: (cls: Node) => Plan | string | undefined,
  depth: number,
): Verdict {
  if (depth > 8) return undefined;
  const name = cls.childForFieldName("name")!.text;
  const own = planFor(cls);
  if (own !== undefined)
    return typeof own === "string" ? `${name} is not converted to RootModel (${own})` : "root";
  for (const arg of cls.childForFieldName("superclasses")?.namedChildren ?? []) {
    if (!arg || arg.type === "keyword_argument" || arg.type === "comment") continue;
    const expr = arg.type === "subscript" ? (arg.childForFieldName("value") ?? arg) : arg;
    if (ROOT_MODELS.has(ctx.qualifiedName(expr) ?? "")) return "root";
    const base = inferClass(ctx, expr);
    if (base?.definition && !base.instance) {
      const verdict = localRoot(ctx, base.definition, planFor, depth + 1);
      if (verdict) return verdict;
    } else if (
      base?.qualified &&
      !base.instance &&
      !/^(pydantic|pydantic_settings|sqlmodel)\./.test(base.qualified) &&
      ctx.kindOfClassName(base.qualified) === "model"
    ) {
      // A model of another module (the same reasoning as for receivers typed with one).
      return "root";
    }
  }
  return undefined;
}

/** True when the module imports from Pydantic or SQLModel, or uses a model of the project. */
function relatesToPydantic(ctx: RuleContext): boolean {
  for (const list of ctx.scopes.module.bindings.values()) {
    for (const b of list) {
      if (b.kind !== "import" && b.kind !== "from-import") continue;
      const q = b.qualified ?? "";
      if (/^(pydantic|sqlmodel)(\.|$)/.test(q) || ctx.kindOfClassName(q)) return true;
    }
  }
  return false;
}
