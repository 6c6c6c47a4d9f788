// The file's own conventions, read once, so that every inserted line looks like its neighbours.
import type { Node } from "./parser.js";

export interface Stylist {
  /** "\n" or "\r\n": the first line ending in the file. */
  newline: string;
  /** One level of indentation, e.g. four spaces or a tab. */
  indent: string;
  /** The quote character of the file's first non-docstring string. */
  quote: '"' | "'";
}

/** Reads line ending, indent unit and quote style from the source and its tree. */
export function detectStylist(text: string, root: Node): Stylist {
  const nl = text.indexOf("\n");
  const newline = nl > 0 && text[nl - 1] === "\r" ? "\r\n" : "\n";
  return { newline, indent: detectIndent(root, text), quote: detectQuote(root) };
}

function detectIndent(root: Node, text: string): string {
  const block = firstOfType(root, "block");
  if (!block) return "    ";
  const first = block.namedChildren.find((c) => c && c.type !== "comment");
  if (!first) return "    ";
  const lineStart = text.lastIndexOf("\n", first.startIndex - 1) + 1;
  const own = text.slice(lineStart, first.startIndex);
  if (!/^[ \t]+$/.test(own)) return "    ";
  // The block's indent minus its parent's, so a nested first block still yields one unit.
  const parent = block.parent;
  const parentStart = parent ? text.lastIndexOf("\n", parent.startIndex - 1) + 1 : 0;
  const parentIndent = parent ? /^[ \t]*/.exec(text.slice(parentStart))![0] : "";
  return own.startsWith(parentIndent) && own.length > parentIndent.length
    ? own.slice(parentIndent.length)
    : own;
}

function detectQuote(root: Node): '"' | "'" {
  const found = firstOfType(root, "string_start", (node) => {
    const string = node.parent;
    if (string?.parent?.type === "expression_statement") return false; // docstrings say little
    const quote = node.text.replace(/^[a-zA-Z]+/, "")[0];
    return quote === "'" || quote === '"';
  });
  return found?.text.replace(/^[a-zA-Z]+/, "")[0] === "'" ? "'" : '"';
}

/** The first node of a type in document order, walking no further than needed. */
function firstOfType(
  root: Node,
  type: string,
  accept: (n: Node) => boolean = () => true,
): Node | undefined {
  const cursor = root.walk();
  try {
    for (;;) {
      if (cursor.nodeType === type) {
        const node = cursor.currentNode;
        if (accept(node)) return node;
      }
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return undefined;
      }
    }
  } finally {
    cursor.delete();
  }
}
