// Trees parsed by the index pass, kept for the fix pass of the same thread so that a file the
// transforms will look at is parsed once, not twice. Bounded by the size of the sources kept
// (trees live in WebAssembly memory, which is never given back).
import type { Tree } from "../engine/parser.js";

export class TreeCache {
  private readonly entries = new Map<string, { text: string; tree: Tree }>();
  private bytes = 0;

  constructor(private readonly budget = 4 * 1024 * 1024) {}

  /** Keeps the tree if it fits the budget; the cache then owns it. */
  put(path: string, text: string, tree: Tree): boolean {
    if (this.entries.has(path) || this.bytes + text.length > this.budget) return false;
    this.entries.set(path, { text, tree });
    this.bytes += text.length;
    return true;
  }

  /** Hands over the tree of `path` if it was parsed from exactly `text`; the caller owns it then. */
  take(path: string, text: string): Tree | undefined {
    const entry = this.entries.get(path);
    if (!entry) return undefined;
    this.entries.delete(path);
    this.bytes -= entry.text.length;
    if (entry.text === text) return entry.tree;
    entry.tree.delete(); // the file changed between the passes
    return undefined;
  }

  clear(): void {
    for (const { tree } of this.entries.values()) tree.delete();
    this.entries.clear();
    this.bytes = 0;
  }
}
