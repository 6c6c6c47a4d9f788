// Applying fixes with magic-string: in source order, a fix's edits all or none, overlapping fixes
// left for the next pass, identical edits written once.
import MagicString from "magic-string";
import type { Edit, Fix } from "./types.js";

export interface ApplyResult {
  text: string;
  /** The edits written, as offsets into the text given (for an incremental re-parse). */
  edits: Edit[];
  applied: Fix[];
  deferred: Fix[];
}

const key = (e: Edit): string => `${e.start}:${e.end}:${e.text}`;

/**
 * Edits of two fixes that cannot go in together: overlapping spans, two insertions at one point,
 * or an insertion inside or at either end of a replaced span (the text it was meant to stand
 * beside may be gone: a line added to a `class Config` that another fix replaces).
 */
function clashes(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start; // two insertions, one point
  if (a.start === a.end) return a.start >= b.start && a.start <= b.end;
  if (b.start === b.end) return b.start >= a.start && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

function firstOffset(fix: Fix): number {
  return Math.min(...fix.edits.map((e) => e.start));
}

/** Applies as many fixes as can go in together; the rest are returned as deferred. */
export function applyFixes(text: string, fixes: Fix[]): ApplyResult {
  const ordered = fixes
    .map((fix, order) => ({ fix, order }))
    .sort((a, b) => firstOffset(a.fix) - firstOffset(b.fix) || a.order - b.order);
  const taken: Edit[] = [];
  const takenKeys = new Set<string>();
  const applied: Fix[] = [];
  const deferred: Fix[] = [];
  for (const { fix } of ordered) {
    const fresh = fix.edits.filter((e) => !takenKeys.has(key(e)));
    const ok = fresh.every((e) => !taken.some((t) => clashes(e, t)));
    if (!ok) {
      deferred.push(fix);
      continue;
    }
    for (const e of fresh) {
      taken.push(e);
      takenKeys.add(key(e));
    }
    applied.push(fix);
  }
  return { text: applyEdits(text, taken), edits: taken, applied, deferred };
}

/** Writes non-overlapping edits into the text. */
export function applyEdits(text: string, edits: Edit[]): string {
  if (!edits.length) return text;
  const ms = new MagicString(text);
  // Insertions at one point keep the order they were given in.
  for (const e of edits) {
    if (e.start === e.end) {
      if (e.text) ms.appendLeft(e.start, e.text);
    } else if (e.text === "") ms.remove(e.start, e.end);
    else ms.update(e.start, e.end, e.text);
  }
  return ms.toString();
}
