// Maps line numbers between two versions of a file, so that a diagnostic found in one version
// can be reported where it stands in the other.
import { diffLines } from "diff";

export class LineMap {
  private readonly map: number[] = [];

  /** Builds the map from lines of `from` to lines of `to` (both 1-based). */
  constructor(from: string, to: string) {
    let oldLine = 1;
    let newLine = 1;
    for (const change of diffLines(from, to)) {
      const count = change.count ?? 0;
      if (change.added) newLine += count;
      else if (change.removed) {
        for (let i = 0; i < count; i++) this.map[oldLine + i] = newLine;
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
