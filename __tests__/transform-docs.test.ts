// Every transform's examples (`--explain`, README) are Python that compiles: no ERROR or MISSING
// node, and none of the syntax errors tree-sitter accepts, such as a parameter without a default
// after one with a default.
import { parse, type Node } from "../src/engine/parser.js";
import { TRANSFORMS } from "../transforms/index.js";
import { ready } from "./helpers.js";

beforeAll(ready);

/** `def f(a=1, b)` and `lambda a=1, b: ...`: a required parameter after an optional one. */
function requiredAfterOptional(root: Node): string[] {
  const out: string[] = [];
  for (const list of root.descendantsOfType(["parameters", "lambda_parameters"])) {
    let optional: Node | undefined;
    for (const param of list?.namedChildren ?? []) {
      if (!param) continue;
      if (param.type === "default_parameter" || param.type === "typed_default_parameter")
        optional = param;
      else if (
        param.type === "keyword_separator" ||
        param.type === "list_splat_pattern" ||
        param.type === "dictionary_splat_pattern"
      )
        break;
      else if (optional && (param.type === "identifier" || param.type === "typed_parameter"))
        out.push(`\`${param.text}\` after \`${optional.text}\``);
    }
  }
  return out;
}

function problems(code: string): string[] {
  const tree = parse(code);
  try {
    const found = requiredAfterOptional(tree.rootNode);
    if (tree.rootNode.hasError) found.unshift("a parse error (ERROR or MISSING node)");
    return found;
  } finally {
    tree.delete();
  }
}

test("the check itself finds a required parameter after an optional one", () => {
  expect(problems("def f(a=1, b: int):\n    ...\n")).toEqual(["`b: int` after `a=1`"]);
  expect(problems("def f(a=1, *, b):\n    ...\n")).toEqual([]);
  expect(problems("def f(:\n")).toContain("a parse error (ERROR or MISSING node)");
});

describe.each(TRANSFORMS.map((t) => [t.name, t] as const))("%s docs", (_name, t) => {
  test("the bad example parses", () => expect(problems(t.docs.bad)).toEqual([]));
  test("the good example parses", () => expect(problems(t.docs.good)).toEqual([]));
});
