// One tree-sitter parser per thread, loaded from the WASM grammar that tree-sitter-python ships,
// so installing the tool never compiles native code.
import { createRequire } from "node:module";
import { Edit as TreeEdit, Language, Parser, Query, type Node, type Tree } from "web-tree-sitter";
import type { Edit } from "./types.js";

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

/**
 * Parses `text`, the result of writing `edits` (offsets into `oldText`) into the text `tree` was
 * parsed from, reusing the parts of `tree` the edits did not touch. `tree` is changed (edited)
 * and still belongs to the caller; the new tree does too.
 */
export function reparse(tree: Tree, oldText: string, edits: readonly Edit[], text: string): Tree {
  // From the last edit to the first: every offset is then still one of oldText's.
  const ordered = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  const lines = new LineStarts(oldText);
  for (const e of ordered) {
    const startPosition = lines.point(e.start);
    tree.edit(
      new TreeEdit({
        startIndex: e.start,
        oldEndIndex: e.end,
        newEndIndex: e.start + e.text.length,
        startPosition,
        oldEndPosition: lines.point(e.end),
        newEndPosition: advance(startPosition, e.text),
      }),
    );
  }
  const next = ready().parser.parse(text, tree);
  if (!next) throw new Error("tree-sitter returned no tree");
  return next;
}

/** Row and column (in UTF-16 code units, as the parser counts for a JavaScript string). */
class LineStarts {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  point(offset: number): { row: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { row: lo, column: offset - this.starts[lo]! };
  }
}

function advance(
  from: { row: number; column: number },
  text: string,
): { row: number; column: number } {
  const last = text.lastIndexOf("\n");
  if (last < 0) return { row: from.row, column: from.column + text.length };
  let rows = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) rows++;
  return { row: from.row + rows, column: text.length - last - 1 };
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
