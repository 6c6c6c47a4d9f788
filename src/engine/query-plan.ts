// One walk of the tree for every query the selected transforms run. tree-sitter's query cursor
// walks the whole tree once per query run; with twenty-odd transforms that is twenty-odd walks of
// every file on every pass of the fix loop. Their patterns compiled into one query cost about one
// walk (measured over the corpus: 0.76 s instead of 5.0 s for one pass), and the matches are
// handed back to each query by the range of pattern indexes it occupies.
import { boundedMatches, query, type Node, type Query, type QueryMatch } from "./parser.js";
import type { Transform } from "./types.js";

/** The static queries of a set of transforms: each one's main query and the others it runs. */
export function transformQueries(transforms: Iterable<Transform<never>>): string[] {
  return [...transforms].flatMap((t) => [...(t.query ? [t.query] : []), ...(t.queries ?? [])]);
}

interface Compiled {
  query: Query;
  /** Per planned source, in order: the first pattern index it occupies in the combined query. */
  firsts: number[];
  /** Pattern index of the combined query -> position of its source. */
  owner: number[];
}

export class QueryPlan {
  private readonly known: Set<string>;
  private compiled?: Compiled;

  /** Compiles nothing yet: a thread whose files never ask for a planned query pays nothing. */
  constructor(sources: Iterable<string>) {
    this.known = new Set(sources);
  }

  has(source: string): boolean {
    return this.known.has(source);
  }

  private compile(): Compiled {
    const sources = [...this.known];
    const firsts: number[] = [];
    const owner: number[] = [];
    sources.forEach((source, k) => {
      firsts.push(owner.length);
      for (let n = query(source).patternCount(); n > 0; n--) owner.push(k);
    });
    return { query: query(sources.join("\n")), firsts, owner };
  }

  /** Runs every planned query over `root` at once; the matches of each, in tree order. */
  run(root: Node): Map<string, QueryMatch[]> {
    const { query: combined, firsts, owner } = (this.compiled ??= this.compile());
    const lists = firsts.map((): QueryMatch[] => []);
    for (const m of boundedMatches(combined, root)) {
      const k = owner[m.patternIndex]!;
      // Pattern indexes as the query alone would number them.
      m.patternIndex -= firsts[k]!;
      lists[k]!.push(m);
    }
    return new Map([...this.known].map((source, k) => [source, lists[k]!]));
  }
}
