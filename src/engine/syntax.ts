// Edits on comma-separated lists (arguments, parameters) that keep the rest of the list as written.
import type { Node } from "./parser.js";
import type { Edit } from "./types.js";

/** The items of an argument or parameter list, comments left out. */
export function listItems(list: Node): Node[] {
  return list.namedChildren.filter((c): c is Node => !!c && c.type !== "comment");
}

/**
 * Removes the items at `indices`, each run of neighbours with one comma: up to the next kept
 * item, or back to the previous kept one when the run ends the list.
 */
export function removeListItems(items: Node[], indices: Iterable<number>): Edit[] {
  const gone = new Set(indices);
  const edits: Edit[] = [];
  for (let i = 0; i < items.length; i++) {
    if (!gone.has(i)) continue;
    let j = i;
    while (gone.has(j + 1)) j++;
    const next = items[j + 1];
    const prev = items[i - 1];
    if (next) edits.push({ start: items[i]!.startIndex, end: next.startIndex, text: "" });
    else if (prev) edits.push({ start: prev.endIndex, end: items[j]!.endIndex, text: "" });
    else edits.push({ start: items[i]!.startIndex, end: items[j]!.endIndex, text: "" });
    i = j;
  }
  return edits;
}

/** The keyword arguments of a call's argument list by name. */
export function keywordArguments(list: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const item of listItems(list)) {
    if (item.type === "keyword_argument") out.set(item.childForFieldName("name")!.text, item);
  }
  return out;
}
