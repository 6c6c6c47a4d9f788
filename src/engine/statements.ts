// Removing a statement (or a decorator) with its line, and what happens to the blank lines and the
// comment around it. One remover for the import manager and the transforms; what differs between
// their callers is spelled out in the options.
import type { Node } from "./parser.js";
import type { Edit } from "./types.js";

/** A removal; `lineEnd`, on a removed line, is where it would end without the blank lines it takes. */
export type Removal = Edit & { lineEnd?: number };

/**
 * What happens to the blank lines around a removed line:
 * - `none`: they stay.
 * - `collapse`: at the top of the file or of a block every blank line below goes; after a blank
 *   line (or the top), one blank line below goes. Never a blank line opening a block, never two
 *   blank lines made one more.
 * - `balance`: as many blank lines below go as there are above, so the two sides do not add up.
 * - `block-edges`: the first statement of its block takes the blank lines below it, the last
 *   those above it; one in the middle leaves them.
 */
export type BlankLines = "none" | "collapse" | "balance" | "block-edges";

export interface RemoveStatementOptions {
  /** A comment that ends the line: dropped with it (the default), or kept where it is. */
  comment?: "drop" | "keep";
  /** With `comment: "keep"`: the kept comment's line is written anew, ending in this newline. */
  rewriteNewline?: string;
  /** The blank lines around a removed line; `none` unless given. */
  blankLines?: BlankLines;
  /** A statement that is the only one of its block becomes `pass` (the block cannot be empty). */
  passWhenAlone?: boolean;
  /**
   * A statement that shares its line with other code: `refuse` (the default) gives undefined;
   * `cut` takes it out with its `;`, or writes `pass` in its place when it has none.
   */
  sharedLine?: "refuse" | "cut";
}

/**
 * Removes `node`, a statement or a decorator (from its `@` to the end of its expression), with the
 * line it fills. Undefined when other code shares that line and `sharedLine` is `refuse`.
 */
export function removeStatement(
  text: string,
  node: Node,
  options: RemoveStatementOptions = {},
): Removal | undefined {
  const decorator = node.type === "decorator";
  const expr = decorator
    ? (node.namedChildren.find((c) => !!c && c.type !== "comment") ?? node)
    : node;
  const end = expr.endIndex;
  const lineStart = text.lastIndexOf("\n", node.startIndex - 1) + 1;
  const newline = text.indexOf("\n", end);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  const lead = text.slice(lineStart, expr.startIndex);
  const tail = /^([ \t]*)(#.*)?\r?\n?$/.exec(text.slice(end, lineEnd));
  const ownLine = !!tail && (decorator ? /^[ \t]*@[ \t]*$/ : /^[ \t]*$/).test(lead);
  if (!ownLine && options.sharedLine !== "cut") return undefined;

  const block = node.parent;
  if (
    options.passWhenAlone &&
    block?.type === "block" &&
    block.namedChildren.filter((c) => c && c.type !== "comment").length === 1
  )
    return { start: node.startIndex, end: node.endIndex, text: "pass" };

  if (!ownLine) return cutFromLine(text, node, lineStart);

  if (tail![2] && options.comment === "keep") {
    const indent = /^[ \t]*/.exec(lead)![0];
    if (options.rewriteNewline === undefined)
      return { start: lineStart + indent.length, end: end + tail![1]!.length, text: "" };
    // `@decorator  # note` -> `# note`, on a line written anew.
    const eol = newline === -1 ? "" : options.rewriteNewline;
    return { start: lineStart, end: lineEnd, text: `${indent}${tail![2]}${eol}` };
  }
  const removal = { start: lineStart, end: lineEnd, text: "", lineEnd };
  switch (options.blankLines ?? "none") {
    case "none":
      return removal;
    case "collapse":
      return { ...removal, end: lineEnd + collapsedBlankText(text, lineStart, lineEnd) };
    case "balance":
      return { ...removal, end: lineEnd + balancedBlankText(text, lineStart, lineEnd) };
    case "block-edges":
      return blockEdges(text, node, removal);
  }
}

/** A statement that shares its line: out with its `;`, else `pass` in its place. */
function cutFromLine(text: string, node: Node, lineStart: number): Removal {
  const newline = text.indexOf("\n", node.endIndex);
  const after = text.slice(node.endIndex, newline === -1 ? text.length : newline);
  const semi = /^[ \t]*;[ \t]*/.exec(after);
  if (semi) return { start: node.startIndex, end: node.endIndex + semi[0].length, text: "" };
  const prevSemi = /;[ \t]*$/.exec(text.slice(lineStart, node.startIndex));
  if (prevSemi) return { start: lineStart + prevSemi.index, end: node.endIndex, text: "" };
  return { start: node.startIndex, end: node.endIndex, text: "pass" };
}

/** How much of the blank text after `lineEnd` the `collapse` policy takes. */
function collapsedBlankText(text: string, lineStart: number, lineEnd: number): number {
  // Do not leave a blank line at the top of the file or of a block, or a doubled blank line.
  const above = text.slice(0, lineStart);
  const opening = lineStart === 0 || /:[ \t]*(#.*)?\r?\n$/.test(above);
  const prevBlank = opening || /\n[ \t]*\r?\n$/.test(above);
  // At the top of the file or of a block every blank line below goes; after a blank, one.
  const blank = (opening ? /^([ \t]*\r?\n)+/ : /^[ \t]*\r?\n/).exec(text.slice(lineEnd));
  return prevBlank && blank ? blank[0].length : 0;
}

/** How much of the blank text after `lineEnd` the `balance` policy takes. */
function balancedBlankText(text: string, lineStart: number, lineEnd: number): number {
  // Blank lines on both sides would add up: keep as many as the larger side had.
  const above = blankLinesBefore(text, lineStart).count;
  let below = 0;
  let probe = lineEnd;
  while (below < above) {
    const m = /^[ \t]*\r?\n/.exec(text.slice(probe, probe + 200));
    if (!m) break;
    probe += m[0].length;
    below++;
  }
  return probe - lineEnd;
}

function blockEdges(text: string, node: Node, removal: Removal): Removal {
  const block = node.parent;
  if (!block) return removal;
  const first = block.namedChildren.find((c) => !!c);
  if (first?.equals(node)) {
    // First in its block: the blank lines below it go too, so the body does not open with one.
    const blank = /^([ \t]*\r?\n)+/.exec(text.slice(removal.end));
    return blank ? { ...removal, end: removal.end + blank[0].length } : removal;
  }
  if (block.namedChildren.some((c) => !!c && c.startIndex > node.endIndex)) return removal;
  // Last in its block: the blank lines above it go too, so the body does not end with one.
  return { ...removal, start: blankLinesBefore(text, removal.start).start };
}

/** The blank lines right before `at` (a line start): how many, and where the first one starts. */
export function blankLinesBefore(text: string, at: number): { count: number; start: number } {
  let count = 0;
  let probe = at;
  while (probe > 0) {
    const prev = text.lastIndexOf("\n", probe - 2) + 1;
    if (!/^[ \t]*\r?\n$/.test(text.slice(prev, probe))) break;
    count++;
    probe = prev;
  }
  return { count, start: probe };
}

/**
 * Removals that leave only blank lines at the end of the file take those blank lines with them
 * (from the last kept line to the end). Returns the removals sorted by start.
 */
export function trimTrailingBlankLines(text: string, removals: Edit[]): Edit[] {
  const sorted = [...removals].sort((a, b) => a.start - b.start);
  let tail = text.length;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const r = sorted[i]!;
    if (r.text || text.slice(r.end, tail).trim()) break;
    const floor = i > 0 ? sorted[i - 1]!.end : 0;
    sorted[i] = { ...r, start: Math.max(floor, blankLinesBefore(text, r.start).start) };
    tail = sorted[i]!.start;
  }
  return sorted;
}
