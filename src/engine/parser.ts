// One tree-sitter parser per thread, loaded from the WASM grammar that tree-sitter-python ships,
// so installing the tool never compiles native code.
import { createRequire } from "node:module";
import { Edit as TreeEdit, Language, Parser, Query, type Node, type Tree } from "web-tree-sitter";
import type { Edit } from "./types.js";

import type { QueryMatch } from "web-tree-sitter";

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

/**
 * How much work a query run may do. tree-sitter reports progress about every hundred steps of its
 * cursor; ordinary code costs one to five reports per kilobyte (measured over the corpus and the
 * standard library), a third of this budget at most. A pattern that waits on a field after a deep child (`(call function: (_)
 * arguments: ...)` over `a.b().c()...`, ten thousand links long) keeps a state alive for every
 * enclosing node, so its cost grows with the square of the depth. Runs are stopped past this
 * budget: counted in steps, so the outcome does not depend on the machine.
 */
const REPORTS_PER_BYTE = 1 / 64;
const REPORTS_FLOOR = 64;

/** Thrown when a query run would take more steps than the size of what it searches allows. */
export class QueryTooCostly extends Error {
  constructor(readonly bytes: number) {
    super(`a search over ${bytes} bytes stopped`);
  }
}

/** The matches of `q` over `node`, or QueryTooCostly when the run outgrows its budget. */
export function boundedMatches(q: Query, node: Node): QueryMatch[] {
  const found = budgeted(q, node, node.startIndex, node.endIndex);
  if (!found) throw new QueryTooCostly(node.endIndex - node.startIndex);
  return found;
}

/** The matches of `q` over `root` within [start, end), or undefined past the budget. */
function budgeted(q: Query, root: Node, start: number, end: number): QueryMatch[] | undefined {
  const budget = REPORTS_FLOOR + (end - start) * REPORTS_PER_BYTE;
  let reports = 0;
  const found = q.matches(root, {
    startIndex: start,
    endIndex: end,
    progressCallback: () => ++reports > budget,
  });
  return reports > budget ? undefined : found;
}

/**
 * The matches of `q` over a module, searched one top-level statement at a time when the whole is
 * too costly: only the statements that are too costly on their own are left out, and returned.
 */
export function matchesByStatement(
  q: Query,
  root: Node,
): { matches: QueryMatch[]; skipped: Node[] } {
  const whole = budgeted(q, root, root.startIndex, root.endIndex);
  if (whole) return { matches: whole, skipped: [] };
  const matches: QueryMatch[] = [];
  const skipped: Node[] = [];
  // A match may reach over two statements (a pattern on the module itself): kept once.
  const seen = new Set<string>();
  for (const statement of root.namedChildren) {
    if (!statement) continue;
    const found = budgeted(q, root, statement.startIndex, statement.endIndex);
    if (!found) {
      skipped.push(statement);
      continue;
    }
    for (const m of found) {
      const key = `${m.patternIndex}:${m.captures.map((c) => `${c.name}@${c.node.id}`).join(",")}`;
      if (seen.has(key)) continue;
      seen.add(key);
      matches.push(m);
    }
  }
  return { matches, skipped };
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
