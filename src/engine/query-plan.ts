// One walk of the tree for every query the selected transforms run. tree-sitter's query cursor
// walks the whole tree once per query run; with twenty-odd transforms that is twenty-odd walks of
// every file on every pass of the fix loop. Their patterns compiled into one query cost about one
// walk (measured over the corpus: 0.76 s instead of 5.0 s for one pass), and the matches are
// handed back to each query by the range of pattern indexes it occupies.
import { query, type Node, type Query, type QueryMatch } from "./parser.js";
import type { Transform } from "./types.js";

/** The static queries of a set of transforms: each one's main query and the others it runs. */
export function transformQueries(transforms: Iterable<Transform<never>>): string[] {
  return [...transforms].flatMap((t) => [...(t.query ? [t.query] : []), ...(t.queries ?? [])]);
}

export class QueryPlan {
  private compiled?: Query;
  /** For each source, the first pattern index it occupies in the combined query. */
  private ranges?: Array<{ source: string; first: number; end: number }>;
  private readonly known: Set<string>;

  /** Compiles nothing yet: a thread whose files never ask for a planned query pays nothing. */
  constructor(sources: Iterable<string>) {
    this.known = new Set(sources);
  }

  has(source: string): boolean {
    return this.known.has(source);
  }

  /** Runs every planned query over `root` at once; the matches of each, in tree order. */
  run(root: Node): Map<string, QueryMatch[]> {
    if (!this.ranges) {
      let next = 0;
      this.ranges = [...this.known].map((source) => {
        const first = next;
        next += query(source).patternCount();
        return { source, first, end: next };
      });
      this.compiled = query(this.ranges.map((r) => r.source).join("\n"));
    }
    const ranges = this.ranges;
    const lists = ranges.map((): QueryMatch[] => []);
    const owner: number[] = [];
    ranges.forEach((r, k) => {
      for (let i = r.first; i < r.end; i++) owner[i] = k;
    });
    for (const m of this.compiled!.matches(root)) {
      const k = owner[m.patternIndex]!;
      // Pattern indexes as the query alone would number them.
      m.patternIndex -= ranges[k]!.first;
      lists[k]!.push(m);
    }
    return new Map(ranges.map((r, k) => [r.source, lists[k]!]));
  }
}
