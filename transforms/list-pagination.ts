// FF208: a GET route that returns a list without pagination parameters returns everything.
import type { RuleContext } from "../src/knowledge/context.js";
import { genericParts } from "../src/knowledge/inference.js";
import type { Node } from "../src/engine/parser.js";
import { listItems } from "../src/engine/syntax.js";
import type { Diagnostic } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";

const LIST_TYPES = new Set([
  "builtins.list",
  "typing.List",
  "typing.Sequence",
  "typing.Iterable",
  "collections.abc.Sequence",
  "collections.abc.Iterable",
]);

/** Parameter names that page through a collection. */
const PAGING = new Set([
  "skip",
  "limit",
  "offset",
  "page",
  "page_size",
  "per_page",
  "cursor",
  "size",
]);

export const listPagination: Rule = {
  name: "list-pagination",
  code: "FF208",
  summary: "GET routes returning a list without skip/limit (or offset/limit, page) parameters",
  rule: "Implement pagination with skip and limit parameters",
  gives: ["detect"],
  docs: {
    why: "An unpaginated list endpoint returns every row: fine with ten, an outage with a million.",
    bad: '@router.get("/items", response_model=list[Item])\ndef list_items(db: DB):\n    return db.all()\n',
    good: '@router.get("/items", response_model=list[Item])\ndef list_items(db: DB, skip: int = 0, limit: int = 100):\n    return db.offset(skip).limit(limit).all()\n',
  },
  scope: "routes",
  prefilter: /\b(List|list|Sequence|Iterable)\[/,
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const route of ctx.routes()) {
      if (!route.methods.includes("GET")) continue;
      const model = route.keywords.get("response_model")?.childForFieldName("value");
      const returns = route.handler.childForFieldName("return_type")?.namedChildren[0];
      const listed = [model, returns].some((t) => !!t && isListType(ctx, t));
      if (!listed || paginated(route.handler)) continue;
      const name = route.handler.childForFieldName("name")!;
      out.push(
        ctx.diagnostic(
          this,
          name,
          `GET ${route.path ?? "route"} returns a list without pagination: add skip/limit (or offset/limit) parameters`,
        ),
      );
    }
    return out;
  },
};

function isListType(ctx: RuleContext, node: Node): boolean {
  const expr = node.type === "type" ? node.namedChildren[0] : node;
  if (!expr || (expr.type !== "subscript" && expr.type !== "generic_type")) return false;
  const [head] = genericParts(expr);
  const q = head ? ctx.qualifiedName(head) : undefined;
  return !!q && LIST_TYPES.has(q);
}

/** True when a parameter pages, or a dependency that may carry paging is injected. */
function paginated(handler: Node): boolean {
  for (const param of listItems(handler.childForFieldName("parameters")!)) {
    const name =
      param.type === "identifier"
        ? param
        : (param.childForFieldName("name") ??
          param.namedChildren.find((c) => c?.type === "identifier"));
    if (name && PAGING.has(name.text)) return true;
    if (/Depends\([^)]*pag/i.test(param.text)) return true;
  }
  return false;
}
