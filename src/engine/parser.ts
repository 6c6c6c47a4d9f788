// One tree-sitter parser per thread, loaded from the WASM grammar that tree-sitter-python ships,
// so installing the tool never compiles native code.
import { createRequire } from "node:module";
import { Language, Parser, Query, type Node, type Tree } from "web-tree-sitter";

export type { Node, Tree, Query, QueryMatch, QueryCapture } from "web-tree-sitter";

let parser: Parser | undefined;
let language: Language | undefined;
const queries = new Map<string, Query>();

/** Loads the WASM runtime and the Python grammar once per thread. */
export async function initParser(): Promise<void> {
  if (parser) return;
  const require = createRequire(import.meta.url);
  await Parser.init();
  language = await Language.load(require.resolve("tree-sitter-python/tree-sitter-python.wasm"));
  parser = new Parser();
  parser.setLanguage(language);
}

function ready(): { parser: Parser; language: Language } {
  if (!parser || !language) throw new Error("initParser() must be awaited before parsing");
  return { parser, language };
}

/** Parses Python source; the caller owns the tree and must call `tree.delete()`. */
export function parse(source: string): Tree {
  const tree = ready().parser.parse(source);
  if (!tree) throw new Error("tree-sitter returned no tree");
  return tree;
}

/** Compiles a query once per thread and keeps it for the life of the thread. */
export function query(source: string): Query {
  let q = queries.get(source);
  if (!q) {
    q = new Query(ready().language, source);
    queries.set(source, q);
  }
  return q;
}

/** True when the tree holds an ERROR or MISSING node anywhere. */
export function hasSyntaxError(tree: Tree): boolean {
  return tree.rootNode.hasError;
}

/** The first ERROR or MISSING node, for a message that says where parsing failed. */
export function firstSyntaxError(root: Node): Node | undefined {
  if (!root.hasError) return undefined;
  // Iterative descent into the erroneous subtree: deep nesting must not exhaust the stack.
  let node = root;
  for (;;) {
    if (node.isError || node.isMissing) return node;
    const next = node.children.find((c) => c && (c.hasError || c.isError || c.isMissing));
    if (!next) return node;
    node = next;
  }
}

/**
 * The first statement whose indentation differs from the statements before it in the same block
 * (or at module level), which Python rejects and tree-sitter parses without complaint. Statements
 * that share a line with another (`a = 1; b = 2`, `if x: y`) are not compared.
 */
export function firstIndentationError(root: Node, text: string): Node | undefined {
  const indentOf = (node: Node): string | undefined => {
    const lineStart = text.lastIndexOf("\n", node.startIndex - 1) + 1;
    const indent = text.slice(lineStart, node.startIndex);
    return /^[ \t\f]*$/.test(indent) ? indent : undefined;
  };
  for (const block of [root, ...root.descendantsOfType("block")]) {
    let expected: string | undefined;
    for (const statement of block?.namedChildren ?? []) {
      if (!statement || statement.type === "comment") continue;
      const indent = indentOf(statement);
      if (indent === undefined) continue;
      if (expected === undefined) expected = indent;
      else if (indent !== expected) return statement;
    }
  }
  return undefined;
}
