// Suppression comments: `# fastapi-fix: ignore[FF201]` at the end of a line, or alone on the line
// above, silences that rule there; `# fastapi-fix: ignore-file[FF201, async-sleep]` anywhere
// silences it in the whole file. Without brackets, every rule is silenced.
import { query, type Node } from "./parser.js";
import { LineIndex } from "./source.js";
import type { Diagnostic } from "./types.js";

const DIRECTIVE = /#\s*fastapi-fix:\s*(ignore-file|ignore)\b(?:\[([^\]]*)\])?/;

/** `undefined` stands for every rule. */
type Rules = Set<string> | undefined;

export class Suppressions {
  private readonly lines = new Map<number, Rules>();
  private file: Rules | null = null;
  private index?: LineIndex;

  constructor(source: string, root: Node) {
    if (!source.includes("fastapi-fix:")) return;
    const index = new LineIndex(source);
    for (const capture of query("(comment) @c").captures(root)) {
      const match = DIRECTIVE.exec(capture.node.text);
      if (!match) continue;
      const rules: Rules =
        match[2] === undefined
          ? undefined
          : new Set(
              match[2]
                .split(",")
                .map((r) => r.trim().toLowerCase())
                .filter(Boolean),
            );
      if (match[1] === "ignore-file") {
        this.file = merge(this.file, rules);
        continue;
      }
      const { line } = index.position(capture.node.startIndex);
      const lineStart = index.lineStart(line);
      const alone = /^[ \t]*$/.test(source.slice(lineStart, capture.node.startIndex));
      // Alone on its line it covers the next line; at the end of a line, that line.
      const target = alone ? line + 1 : line;
      this.lines.set(target, merge(this.lines.get(target) ?? null, rules));
    }
    this.index = index;
  }

  /** True when a comment silences this diagnostic. */
  covers(d: Diagnostic): boolean {
    if (this.file !== null && matches(this.file, d)) return true;
    if (!this.index || !this.lines.size) return false;
    const line = this.index.position(d.start).line;
    return this.lines.has(line) && matches(this.lines.get(line), d);
  }
}

function merge(a: Rules | null, b: Rules): Rules {
  if (a === null) return b;
  if (a === undefined || b === undefined) return undefined;
  return new Set([...a, ...b]);
}

function matches(rules: Rules, d: Diagnostic): boolean {
  return rules === undefined || rules.has(d.code.toLowerCase()) || rules.has(d.name.toLowerCase());
}
