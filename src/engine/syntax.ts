// Edits on comma-separated lists (arguments, parameters) that keep the rest of the list as written,
// and small questions about single nodes (is a def async, what decorates it).
import type { Node } from "./parser.js";
import type { Edit } from "./types.js";

/** The items of an argument or parameter list, or of a list or dict literal, comments left out. */
export function listItems(list: Node): Node[] {
  return list.namedChildren.filter((c): c is Node => !!c && c.type !== "comment");
}

/**
 * Removes the items at `indices`, each run of neighbours with one comma: up to the next kept
 * item, or back to the previous kept one when the run ends the list. Given the list (arguments
 * or a dict literal), removing every item empties it between its brackets, comments and all.
 */
export function removeListItems(items: Node[], indices: Iterable<number>, list?: Node): Edit[] {
  const gone = new Set(indices);
  if (list && items.length && items.every((_, i) => gone.has(i))) {
    const open = list.children.find((c) => c?.type === "(" || c?.type === "{")!;
    const close = list.children.find((c) => c?.type === ")" || c?.type === "}")!;
    return [{ start: open.endIndex, end: close.startIndex, text: "" }];
  }
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

/**
 * Adds items after the last one of an argument list or a dict literal (`entries` are their
 * texts). When the last item has its line to itself, `ownLine` says where they go:
 * - `after-line` (the default): on lines of their own below it, after a comment that ends its
 *   line, the last one with a trailing comma when the list has one; when other code (the closing
 *   bracket) follows it on its line, after `, ` as below.
 * - `after-item`: right after it, each as `,` and a new line indented like it (a comment that
 *   ended its line then ends the last new item's line).
 * Otherwise each goes after `, `; into an empty list, joined by `, `.
 */
export function appendArgument(
  source: string,
  newline: string,
  list: Node,
  entries: string | string[],
  options: { ownLine?: "after-line" | "after-item" } = {},
): Edit[] {
  const texts = typeof entries === "string" ? [entries] : entries;
  const items = listItems(list);
  const last = items[items.length - 1];
  if (!last) {
    const open = list.children.find((c) => c?.type === "(" || c?.type === "{")!;
    return [{ start: open.endIndex, end: open.endIndex, text: texts.join(", ") }];
  }
  const after = (text: string): Edit[] => [{ start: last.endIndex, end: last.endIndex, text }];
  const inline = after(texts.map((t) => `, ${t}`).join(""));
  const lineStart = source.lastIndexOf("\n", last.startIndex - 1) + 1;
  const before = source.slice(lineStart, last.startIndex);
  if (!/^[ \t]*$/.test(before)) return inline;
  if (options.ownLine === "after-item")
    return after(texts.map((t) => `,${newline}${before}${t}`).join(""));
  const lineEnd = source.indexOf("\n", last.endIndex);
  const rest = lineEnd === -1 ? "" : source.slice(last.endIndex, lineEnd).replace(/\r$/, "");
  const tail = /^[ \t]*(,)?[ \t]*(#.*)?$/.exec(rest);
  if (!tail) return inline;
  const lines = texts
    .map((t, i) => `${before}${t}${i < texts.length - 1 ? "," : (tail[1] ?? "")}${newline}`)
    .join("");
  const edits: Edit[] = [{ start: lineEnd + 1, end: lineEnd + 1, text: lines }];
  if (!tail[1]) edits.unshift({ start: last.endIndex, end: last.endIndex, text: "," });
  return edits;
}

/** Nodes of a function body that belong to it, not to functions, lambdas or classes nested in it. */
export function ownNodes(body: Node, keep: (n: Node) => boolean): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [body];
  while (stack.length) {
    const n = stack.pop()!;
    if (keep(n)) out.push(n);
    const nested =
      n.type === "function_definition" || n.type === "lambda" || n.type === "class_definition";
    if (n !== body && nested) continue;
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return out.sort((a, b) => a.startIndex - b.startIndex);
}

/** `return` statements of the function itself (not of functions nested in it). */
export function ownReturns(body: Node): Node[] {
  return ownNodes(body, (n) => n.type === "return_statement");
}

/** True when the function itself yields (it is a generator). */
export function yields(body: Node): boolean {
  return ownNodes(body, (n) => n.type === "yield").length > 0;
}

/** The value a `return` statement returns, if any. */
export function returnValue(statement: Node): Node | undefined {
  return statement.namedChildren.find((c) => c && c.type !== "comment") ?? undefined;
}

/**
 * The identifier nodes spelled `name`, in source order: where the text spells it, the node there
 * (a string or comment that spells it holds no identifier). No query per name: a query compiled
 * for each name a transform looks up cost more than the lookups.
 */
export function identifiersNamed(
  root: Node,
  source: string,
  name: string,
  words?: WordIndex,
  within?: Node,
): Node[] {
  const out: Node[] = [];
  if (!name) return out;
  const from = within?.startIndex ?? 0;
  const to = within?.endIndex ?? source.length;
  const at = (i: number): void => {
    const node = root.namedDescendantForIndex(i, i + name.length);
    if (node?.type === "identifier" && node.startIndex === i && node.endIndex === i + name.length)
      out.push(node);
  };
  const known = words?.positions(name);
  if (known) {
    for (let k = firstAtOrAfter(known, from); k < known.length && known[k]! < to; k++)
      at(known[k]!);
  } else {
    for (let i = source.indexOf(name, from); i >= 0 && i + name.length <= to;) {
      at(i);
      i = source.indexOf(name, i + name.length);
    }
  }
  return out;
}

/** The first index of the sorted `list` whose value is `value` or more. */
function firstAtOrAfter(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A word as identifiers spell it (Python allows a few more characters; those are searched). */
const WORD = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/gu;
const WHOLE_WORD = new RegExp(`^(?:${WORD.source})$`, "u");
/** Searches of one text after which indexing its words costs less than searching on. */
const SEARCHES_BEFORE_INDEX = 8;

/**
 * Where each word of a text starts. A transform may look up a name per class or field, and each
 * search reads the whole text: in one large module that is the square of its size. After a few
 * searches the words are indexed in one read, and a lookup costs its hits.
 */
export class WordIndex {
  private searches = 0;
  private index?: Map<string, number[]>;

  constructor(private readonly source: string) {}

  /** Where `name` starts as a whole word; undefined while searching the text is cheaper. */
  positions(name: string): readonly number[] | undefined {
    if (!this.index && ++this.searches <= SEARCHES_BEFORE_INDEX) return undefined;
    if (!WHOLE_WORD.test(name)) return undefined;
    if (!this.index) {
      this.index = new Map();
      for (const m of this.source.matchAll(WORD)) {
        const list = this.index.get(m[0]);
        if (list) list.push(m.index);
        else this.index.set(m[0], [m.index]);
      }
    }
    return this.index.get(name) ?? [];
  }
}

// ---- definitions ---------------------------------------------------------------------------

/** True for an `async def`. */
export function isAsync(def: Node): boolean {
  return def.children.some((c) => c?.type === "async");
}

/** The decorators of a function or class definition, top one first. */
export function decoratorsOf(def: Node): Node[] {
  const parent = def.parent;
  if (parent?.type !== "decorated_definition") return [];
  return parent.namedChildren.filter((c): c is Node => c?.type === "decorator");
}

/** What a decorator applies: `@app.get("/")` -> the call `app.get("/")`. */
export function decoratorExpression(decorator: Node): Node | undefined {
  return decorator.namedChildren.find((c) => !!c && c.type !== "comment") ?? undefined;
}

/**
 * True when `node` sits inside an `if` whose condition mentions TYPE_CHECKING (in either branch
 * of it: the condition is only read, not evaluated).
 */
export function underTypeChecking(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (
      n.type === "if_statement" &&
      /TYPE_CHECKING/.test(n.childForFieldName("condition")?.text ?? "")
    )
      return true;
  }
  return false;
}

/** The plain text of a string literal without prefix or interpolation. */
export function literalString(node: Node | null | undefined): string | undefined {
  if (node?.type !== "string" || !/^["']/.test(node.text)) return undefined;
  const parts = node.namedChildren.filter(
    (c) => c && c.type !== "string_start" && c.type !== "string_end",
  );
  if (parts.length > 1 || (parts[0] && parts[0].type !== "string_content")) return undefined;
  return parts[0]?.text ?? "";
}

/**
 * The stretches of text some nodes cover, for "is this node inside one of them" asked many times:
 * a binary search, where a loop over the nodes would cost every question the number of nodes.
 */
export class Spans {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(nodes: Iterable<Node>) {
    const spans = [...nodes].map((n) => [n.startIndex, n.endIndex] as const);
    spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    // Syntax nodes nest or keep apart: the outermost ones say it all.
    for (const [start, end] of spans) {
      if (this.ends.length && start < this.ends.at(-1)!) continue;
      this.starts.push(start);
      this.ends.push(end);
    }
  }

  /** True when `node` lies within one of the nodes. */
  covers(node: Node): boolean {
    // The last span starting at or before the node is the only one that can hold it.
    const k = firstAtOrAfter(this.starts, node.startIndex + 1) - 1;
    return k >= 0 && node.endIndex <= this.ends[k]!;
  }
}
