// Helpers for the engine unit tests: a module context over a source text, a way to point at a
// node by its text, and a small test-only transform that drives the import manager.
import { ModuleContext, type ModuleInfo } from "../src/engine/context.js";
import type { EnsureOptions } from "../src/engine/imports.js";
import { parse, type Node, type Tree } from "../src/engine/parser.js";
import type { Diagnostic, Fix, Transform, UnusedImportCheck } from "../src/engine/types.js";

export interface Parsed {
  ctx: ModuleContext;
  tree: Tree;
  /** The innermost named node spanning exactly the `occurrence`-th match of `needle`. */
  node(needle: string, occurrence?: number): Node;
  /** The qualified name of the expression at the `occurrence`-th match of `needle`. */
  qn(needle: string, occurrence?: number): string | undefined;
}

const open: Tree[] = [];

/** Deletes every tree made by `context` (call from afterAll/afterEach). */
export function freeTrees(): void {
  for (const tree of open.splice(0)) tree.delete();
}

export function context(source: string, module: Partial<ModuleInfo> = {}): Parsed {
  const tree = parse(source);
  open.push(tree);
  const info: ModuleInfo = { path: "app/main.py", moduleName: "app.main", ...module };
  const ctx = new ModuleContext(source, tree, info);
  const node = (needle: string, occurrence = 0): Node => {
    let at = -1;
    for (let i = 0; i <= occurrence; i++) {
      at = source.indexOf(needle, at + 1);
      if (at === -1) throw new Error(`${JSON.stringify(needle)} #${occurrence} not in source`);
    }
    const found = innermostSpanning(tree.rootNode, at, at + needle.length);
    if (!found) throw new Error(`no node spans exactly ${JSON.stringify(needle)} #${occurrence}`);
    return found;
  };
  return {
    ctx,
    tree,
    node,
    qn: (needle, occurrence) => ctx.qualifiedName(node(needle, occurrence)),
  };
}

function innermostSpanning(root: Node, start: number, end: number): Node | undefined {
  let best: Node | undefined;
  const visit = (n: Node): void => {
    if (n.startIndex > start || n.endIndex < end) return;
    if (n.startIndex === start && n.endIndex === end && n.isNamed) best = n;
    for (const c of n.namedChildren) if (c) visit(c);
  };
  visit(root);
  return best;
}

export interface ImportingOptions {
  /** Literal text to replace, every occurrence. */
  find: string;
  /** Leave out to make a fix that needs no import. */
  module?: string;
  name?: string;
  ensure?: EnsureOptions;
  /** What to write, given the expression the import manager returned (default: the expression). */
  replace?: (expr: string) => string;
  removeIfUnused?: UnusedImportCheck[];
}

/**
 * A transform for tests: every occurrence of `find` becomes the name `ensureImport` hands back for
 * `module.name`, and the fix carries the requirement and the unused-import checks.
 */
export function importing(options: ImportingOptions, name = "test-import"): Transform {
  return {
    name,
    code: "TST001",
    summary: "test transform",
    rule: "test",
    gives: ["safe", "detect"],
    docs: { why: "", bad: "", good: "" },
    prefilter: /(?:)/,
    query: "(module) @m",
    check(ctx: ModuleContext): Diagnostic[] {
      const out: Diagnostic[] = [];
      let at = ctx.source.indexOf(options.find);
      while (at !== -1) {
        const end = at + options.find.length;
        const node = ctx.root.descendantForIndex(at, end)!;
        const result =
          options.module === undefined
            ? ({ ok: true, expr: "" } as const)
            : ctx.ensureImport(node, options.module, options.name, options.ensure);
        const span = { startIndex: at, endIndex: end };
        if (!result.ok) {
          out.push(ctx.diagnostic(this, span, result.reason));
        } else {
          const fix: Fix = {
            title: "test",
            safety: "safe",
            edits: [{ start: at, end, text: (options.replace ?? ((e) => e))(result.expr) }],
            imports: "requirement" in result && result.requirement ? [result.requirement] : [],
            removeIfUnused: options.removeIfUnused,
          };
          out.push(ctx.diagnostic(this, span, "test", fix));
        }
        at = ctx.source.indexOf(options.find, end);
      }
      return out;
    },
  };
}

/**
 * A transform for tests that appends `USED = <expr>` to the end of the file once, asking the import
 * manager for `module.name` at the module level (so it works on an empty file).
 */
export function appending(module: string, name?: string): Transform {
  return {
    ...importing({ find: "", module, name }, "test-append"),
    check(ctx: ModuleContext): Diagnostic[] {
      if (ctx.source.includes("USED = ")) return [];
      const result = ctx.ensureImport(ctx.root, module, name);
      if (!result.ok) return [ctx.diagnostic(this, ctx.root, result.reason)];
      const end = ctx.source.length;
      const fix: Fix = {
        title: "test",
        safety: "safe",
        edits: [{ start: end, end, text: `USED = ${result.expr}${ctx.stylist.newline}` }],
        imports: result.requirement ? [result.requirement] : [],
      };
      return [ctx.diagnostic(this, { startIndex: end, endIndex: end }, "test", fix)];
    },
  };
}
