// The index pass for one file: parse, resolve, summarise, free the tree.
import { parse, type Tree } from "../engine/parser.js";
import { ScopeTree, type ScopeOptions } from "../engine/scope.js";
import { summarize, type ModuleSummary } from "./summary.js";

/** Summarises one module's source for the project index (undefined if it does not parse). */
export function summarizeSource(text: string, module: ScopeOptions): ModuleSummary | undefined {
  const tree = parse(text);
  try {
    return summarizeTree(tree, module);
  } finally {
    tree.delete();
  }
}

/** Summarises an already parsed module; the caller keeps the tree. */
export function summarizeTree(tree: Tree, module: ScopeOptions): ModuleSummary | undefined {
  if (tree.rootNode.hasError) return undefined;
  return summarize(new ScopeTree(tree.rootNode, module, true), module.moduleName ?? "__main__");
}
