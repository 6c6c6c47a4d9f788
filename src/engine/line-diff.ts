// Line diffs whose cost stays linear in the size of the file. The `diff` package's Myers diff costs
// O(N·D), D the number of differing lines, so a large file with changes all through it costs the
// square of its size. It runs here with a bound on D (its output, for every ordinary change, is
// what it always was); past the bound, the lines found once on each side anchor the two texts
// (patience diff) and only the stretches between anchors are diffed, each under the same bound.
// A stretch with no anchor that still exceeds the bound is replaced as a whole: a correct diff,
// only not the smallest.
import { diffArrays, diffLines, formatPatch, type StructuredPatch } from "diff";

/** A run of lines: kept, removed from the old text or added in the new one. */
export interface LineChange {
  count: number;
  added: boolean;
  removed: boolean;
  /** The lines, each with its line ending (the last may have none). */
  lines: string[];
}

/** The most differing lines one Myers run may look for before anchors take over. */
const MAX_EDITS = 400;

/** The changes that turn `before` into `after`, line by line. */
export function lineChanges(before: string, after: string): LineChange[] {
  const quick = diffLines(before, after, { maxEditLength: MAX_EDITS });
  if (quick) {
    return quick.map((c) => ({
      count: c.count,
      added: c.added,
      removed: c.removed,
      lines: splitLines(c.value),
    }));
  }
  const out = new Changes();
  anchored(splitLines(before), splitLines(after), out);
  return out.list;
}

/** Lines with their endings, as the `diff` package cuts them (`\r\n` stays one ending). */
function splitLines(text: string): string[] {
  const lines = text.split("\n").map((l) => `${l}\n`);
  const last = lines.pop()!;
  if (last !== "\n") lines.push(last.slice(0, -1));
  return lines;
}

/** Builds the change list: runs of one kind merge, and removals come before additions. */
class Changes {
  readonly list: LineChange[] = [];

  push(kind: "same" | "removed" | "added", lines: readonly string[]): void {
    if (!lines.length) return;
    const last = this.list.at(-1);
    const added = kind === "added";
    const removed = kind === "removed";
    if (last && last.added === added && last.removed === removed) {
      last.lines.push(...lines);
      last.count += lines.length;
    } else if (removed && last?.added) {
      // A removal after an addition in the same stretch of changes goes before it.
      const before = this.list.at(-2);
      if (before?.removed) {
        before.lines.push(...lines);
        before.count += lines.length;
      } else {
        this.list.splice(this.list.length - 1, 0, change(lines, false, true));
      }
    } else {
      this.list.push(change(lines, added, removed));
    }
  }
}

function change(lines: readonly string[], added: boolean, removed: boolean): LineChange {
  return { count: lines.length, added, removed, lines: [...lines] };
}

/** Diffs a stretch of lines: shared ends, then anchors, then a bounded Myers run or a swap. */
function anchored(a: readonly string[], b: readonly string[], out: Changes): void {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  out.push("same", a.slice(0, start));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const anchors = uniqueAnchors(midA, midB);
  if (anchors.length) {
    let i = 0;
    let j = 0;
    for (const [ai, bj] of anchors) {
      anchored(midA.slice(i, ai), midB.slice(j, bj), out);
      out.push("same", [midA[ai]!]);
      i = ai + 1;
      j = bj + 1;
    }
    anchored(midA.slice(i), midB.slice(j), out);
  } else if (midA.length && midB.length) {
    const found = diffArrays(midA, midB, { maxEditLength: MAX_EDITS });
    if (found) {
      for (const c of found) out.push(c.added ? "added" : c.removed ? "removed" : "same", c.value);
    } else {
      out.push("removed", midA);
      out.push("added", midB);
    }
  } else {
    out.push("removed", midA);
    out.push("added", midB);
  }
  out.push("same", a.slice(endA));
}

/**
 * The lines found exactly once in `a` and once in `b`, as index pairs, keeping the longest run
 * whose order agrees on both sides (patience sorting, O(n log n)).
 */
function uniqueAnchors(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const counts = new Map<string, { a: number; b: number; at: number }>();
  a.forEach((line, i) => {
    const c = counts.get(line);
    if (c) c.a++;
    else counts.set(line, { a: 1, b: 0, at: i });
  });
  const pairs: Array<[number, number]> = [];
  const inB = new Map<string, number>();
  b.forEach((line, j) => {
    const c = counts.get(line);
    if (c) {
      c.b++;
      inB.set(line, j);
    }
  });
  for (const [line, c] of counts) if (c.a === 1 && c.b === 1) pairs.push([c.at, inB.get(line)!]);
  pairs.sort((x, y) => x[0] - y[0]);
  // Longest increasing subsequence of the b indexes.
  const tails: number[] = [];
  const previous: number[] = new Array(pairs.length).fill(-1);
  pairs.forEach(([, j], k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const chain: Array<[number, number]> = [];
  for (let k = tails.at(-1) ?? -1; k >= 0; k = previous[k]!) chain.push(pairs[k]!);
  return chain.reverse();
}

/** Hunks with `context` lines around each change, as `diff -u` prints them. */
export function hunksOf(changes: readonly LineChange[], context: number): StructuredPatch["hunks"] {
  const hunks: StructuredPatch["hunks"] = [];
  let oldLine = 1;
  let newLine = 1;
  let open: { oldStart: number; newStart: number; lines: string[] } | undefined;
  changes.forEach((c, k) => {
    if (c.added || c.removed) {
      if (!open) {
        const lead = k > 0 && context > 0 ? changes[k - 1]!.lines.slice(-context) : [];
        open = {
          oldStart: oldLine - lead.length,
          newStart: newLine - lead.length,
          lines: lead.map((l) => ` ${l}`),
        };
      }
      for (const l of c.lines) open.lines.push(`${c.added ? "+" : "-"}${l}`);
      if (c.added) newLine += c.count;
      else oldLine += c.count;
      return;
    }
    if (open) {
      // Changes this close share a hunk; otherwise the hunk closes after `context` lines.
      const last = k === changes.length - 1;
      if (c.count <= 2 * context && !last) {
        for (const l of c.lines) open.lines.push(` ${l}`);
      } else {
        const tail = c.lines.slice(0, context);
        for (const l of tail) open.lines.push(` ${l}`);
        hunks.push({
          oldStart: open.oldStart,
          oldLines: oldLine - open.oldStart + tail.length,
          newStart: open.newStart,
          newLines: newLine - open.newStart + tail.length,
          lines: open.lines,
        });
        open = undefined;
      }
    }
    oldLine += c.count;
    newLine += c.count;
  });
  if (open) {
    hunks.push({
      oldStart: open.oldStart,
      oldLines: oldLine - open.oldStart,
      newStart: open.newStart,
      newLines: newLine - open.newStart,
      lines: open.lines,
    });
  }
  for (const hunk of hunks) {
    const lines: string[] = [];
    for (const l of hunk.lines) {
      if (l.endsWith("\n")) lines.push(l.slice(0, -1));
      else lines.push(l, "\\ No newline at end of file");
    }
    hunk.lines = lines;
  }
  return hunks;
}

/** The unified diff of two texts (`--- a` / `+++ b` headers, `context` lines around changes). */
export function unifiedPatch(
  oldName: string,
  newName: string,
  before: string,
  after: string,
  context = 3,
): string {
  const hunks = hunksOf(lineChanges(before, after), context);
  return formatPatch({
    oldFileName: oldName,
    newFileName: newName,
    oldHeader: undefined,
    newHeader: undefined,
    hunks,
  });
}
