// Reading and extending the argument list of a call (or the entries of a dict literal), as FF104
// and FF111 do it.
import type { RuleContext } from "../../src/knowledge/context.js";
import type { Node } from "../../src/engine/parser.js";
import type { Edit, Fix } from "../../src/engine/types.js";

/** A note of a fix: a span of the input and what to say about it. */
export type Note = NonNullable<Fix["notes"]>[number];

/** The arguments of an argument list (or the entries of a dict), comments left out. */
export function argumentItems(list: Node): Node[] {
  return list.namedChildren.filter((c): c is Node => !!c && c.type !== "comment");
}

/** An edit that adds entries after the last item of a call's arguments or a dict literal. */
export function appendItems(ctx: RuleContext, list: Node, entries: string[]): Edit {
  const items = argumentItems(list);
  const last = items[items.length - 1];
  if (!last) {
    const open = list.children.find((c) => c?.type === "(" || c?.type === "{")!;
    return { start: open.endIndex, end: open.endIndex, text: entries.join(", ") };
  }
  const close = list.children[list.childCount - 1]!;
  const multiline = /\n/.test(ctx.source.slice(list.startIndex, close.startIndex));
  const indent = ctx.lineIndent(last.startIndex);
  const ownLine = /^[ \t]*$/.test(
    ctx.source.slice(ctx.source.lastIndexOf("\n", last.startIndex - 1) + 1, last.startIndex),
  );
  const sep = multiline && ownLine ? `,${ctx.stylist.newline}${indent}` : ", ";
  return { start: last.endIndex, end: last.endIndex, text: entries.map((e) => sep + e).join("") };
}

/** A note on the span of `node`. */
export function noteAt(node: Node, message: string): Note {
  return { start: node.startIndex, end: node.endIndex, message };
}
