// FF108: Pydantic v2 builds validation from `__get_pydantic_core_schema__`; the v1 hooks
// `__get_validators__` (deprecated) and `__modify_schema__` (an error) are reported, and
// `__modify_schema__` is rewritten where the class already has a v2 core schema.
import type { RuleContext } from "../src/knowledge/context.js";
import type { Node } from "../src/engine/parser.js";
import { decoratorsOf, isAsync, listItems, ownReturns } from "../src/engine/syntax.js";
import type { Diagnostic, Edit, Fix } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";

const QUERY = `(class_definition body: (block [
      (function_definition name: (identifier) @name)
      (decorated_definition definition: (function_definition name: (identifier) @name))
    ]) (#match? @name "^__(get_validators|modify_schema)__$")) @class`;

export const pydanticCustomTypes: Rule = {
  name: "pydantic-custom-types",
  code: "FF108",
  summary:
    "__modify_schema__ -> __get_pydantic_json_schema__; __get_validators__ reported (needs __get_pydantic_core_schema__)",
  rule: "Use Pydantic v2 APIs: custom types implement __get_pydantic_core_schema__",
  gives: ["safe", "detect"],
  docs: {
    why: "Pydantic v2 validates through pydantic-core schemas: __get_validators__ only works through a deprecated shim that calls each validator as (value, info), and __modify_schema__ makes schema generation fail. __get_validators__ needs a core schema written by hand, so it is reported; __modify_schema__ is rewritten to __get_pydantic_json_schema__ when the class already has a v2 core schema, and reported otherwise.",
    bad: "class Slug(str):\n    @classmethod\n    def __get_pydantic_core_schema__(cls, source_type, handler):\n        return core_schema.no_info_after_validator_function(cls, handler(str))\n\n    @classmethod\n    def __modify_schema__(cls, field_schema):\n        field_schema.update(pattern='^[a-z-]+$')\n",
    good: "class Slug(str):\n    @classmethod\n    def __get_pydantic_core_schema__(cls, source_type, handler):\n        return core_schema.no_info_after_validator_function(cls, handler(str))\n\n    @classmethod\n    def __get_pydantic_json_schema__(cls, core_schema, handler):\n        field_schema = handler(core_schema)\n        field_schema.update(pattern='^[a-z-]+$')\n        return field_schema\n",
  },
  prefilter: /__(?:get_validators|modify_schema)__/,
  query: QUERY,
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const m of ctx.captures(QUERY)) {
      const cls = m.node("class");
      const name = m.node("name");
      const methods = definedMethods(cls);
      if (name.text === "__get_validators__") {
        if (methods.has("__get_pydantic_core_schema__")) continue;
        out.push(ctx.diagnostic(this, name, GET_VALIDATORS));
        continue;
      }
      if (methods.has("__get_pydantic_json_schema__")) continue;
      const fix = modifySchemaFix(ctx, cls, name.parent!, methods);
      if (typeof fix === "string")
        out.push(ctx.diagnostic(this, name, `${MODIFY_SCHEMA} (${fix})`));
      else out.push(ctx.diagnostic(this, name, MODIFY_SCHEMA, fix));
    }
    return out;
  },
};

const GET_VALIDATORS =
  "__get_validators__ is deprecated in Pydantic v2 and its validators are called as (value, info); " +
  "define __get_pydantic_core_schema__(cls, source_type, handler) instead, e.g. returning " +
  "core_schema.no_info_plain_validator_function(cls.validate)";

const MODIFY_SCHEMA =
  "__modify_schema__ is an error in Pydantic v2; define __get_pydantic_json_schema__(cls, " +
  "core_schema, handler) that updates and returns the dict handler(core_schema) gives";

/**
 * `@classmethod def __modify_schema__(cls, field_schema): <body>` ->
 * `@classmethod def __get_pydantic_json_schema__(cls, core_schema, handler):
 *      field_schema = handler(core_schema); <body>; return field_schema`.
 * Only where handler(core_schema) has a v2 schema to give: the class defines
 * __get_pydantic_core_schema__ itself and is not a pydantic model (whose schema is a $ref).
 */
function modifySchemaFix(
  ctx: RuleContext,
  cls: Node,
  def: Node,
  methods: Set<string>,
): Fix | string {
  if (!methods.has("__get_pydantic_core_schema__"))
    return "the class has no __get_pydantic_core_schema__ yet: migrate its validation first";
  if (methods.has("__get_validators__")) return "the class still defines __get_validators__";
  if (ctx.classKind(cls)) return "on a pydantic model, use model_config json_schema_extra";
  const decorators = decoratorsOf(def);
  const isClassmethod =
    decorators.length === 1 && ctx.decoratorName(decorators[0]!) === "builtins.classmethod";
  if (!isClassmethod) return "it is not a plain @classmethod";
  if (isAsync(def)) return "it is async";
  const paramList = def.childForFieldName("parameters")!;
  const params = listItems(paramList);
  const plain = (p: Node): boolean =>
    p.type === "identifier" ||
    (p.type === "typed_parameter" && p.namedChildren[0]?.type === "identifier");
  if (params.length !== 2 || !params.every(plain))
    return "it does not take exactly (cls, field_schema)";
  const param = params[1]!;
  const schema = param.type === "identifier" ? param.text : param.namedChildren[0]!.text;
  const paramType = param.type === "typed_parameter" ? param.childForFieldName("type") : null;
  const returns = def.childForFieldName("return_type");
  if (returns && returns.text !== "None") return "it is annotated to return something";
  const body = def.childForFieldName("body")!;
  const used = identifiers(body);
  for (const taken of ["core_schema", "handler"])
    if (used.has(taken) || schema === taken) return `its body uses the name ${taken}`;
  if (ownReturns(body).length) return "it returns early";
  if (body.startPosition.row === def.startPosition.row) return "its body is on the def line";

  const statements = body.namedChildren.filter((c): c is Node => !!c && c.type !== "comment");
  const first = statements[0]!;
  const last = statements[statements.length - 1]!;
  const docstring =
    first.type === "expression_statement" && first.namedChildren[0]?.type === "string";
  const indent = ctx.lineIndent(first.startIndex);
  const nl = ctx.stylist.newline;
  const nameNode = def.childForFieldName("name")!;
  const assign = `${schema} = handler(core_schema)`;
  const edits: Edit[] = [
    { start: nameNode.startIndex, end: nameNode.endIndex, text: "__get_pydantic_json_schema__" },
    { start: param.startIndex, end: param.endIndex, text: "core_schema, handler" },
    docstring
      ? { start: ctx.endOf(first), end: ctx.endOf(first), text: `${nl}${indent}${assign}` }
      : { start: first.startIndex, end: first.startIndex, text: `${assign}${nl}${indent}` },
    { start: ctx.endOf(last), end: ctx.endOf(last), text: `${nl}${indent}return ${schema}` },
  ];
  if (returns) {
    // `-> None` becomes the type of the dict now returned, or goes.
    edits.push(
      paramType
        ? { start: returns.startIndex, end: returns.endIndex, text: ctx.text(paramType) }
        : { start: paramList.endIndex, end: returns.endIndex, text: "" },
    );
  }
  return {
    title: "Rewrite __modify_schema__ as __get_pydantic_json_schema__",
    safety: "safe",
    edits,
  };
}

/** The identifiers a subtree mentions. */
function identifiers(root: Node): Set<string> {
  const out = new Set<string>();
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === "identifier") out.add(n.text);
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return out;
}

/** Names of the methods a class body defines directly. */
function definedMethods(cls: Node): Set<string> {
  const names = new Set<string>();
  for (const stmt of cls.childForFieldName("body")?.namedChildren ?? []) {
    const def = stmt?.type === "decorated_definition" ? stmt.childForFieldName("definition") : stmt;
    if (def?.type === "function_definition") {
      const name = def.childForFieldName("name");
      if (name) names.add(name.text);
    }
  }
  return names;
}
