// Maps line numbers between two versions of a file, so that a diagnostic found in one version
// can be reported where it stands in the other.
import { lineChanges } from "./line-diff.js";

export class LineMap {
  private readonly map: number[] = [];

  /** Builds the map from lines of `from` to lines of `to` (both 1-based). */
  constructor(from: string, to: string) {
    let oldLine = 1;
    let newLine = 1;
    const changes = lineChanges(from, to);
    for (let c = 0; c < changes.length; c++) {
      const change = changes[c]!;
      const count = change.count ?? 0;
      if (change.added) newLine += count;
      else if (change.removed) {
        // Lines replaced by others map line for line onto the replacement, as far as it goes.
        const next = changes[c + 1];
        const replacement = next?.added ? (next.count ?? 0) : 0;
        for (let i = 0; i < count; i++) {
          this.map[oldLine + i] = newLine + Math.max(0, Math.min(i, replacement - 1));
        }
        oldLine += count;
      } else {
        for (let i = 0; i < count; i++) this.map[oldLine + i] = newLine + i;
        oldLine += count;
        newLine += count;
      }
    }
    this.map[oldLine] = newLine;
  }

  line(line: number): number {
    return this.map[line] ?? line;
  }
}
