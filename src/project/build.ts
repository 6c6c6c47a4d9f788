// A module's summary for the project index, from its parsed tree.
import type { Tree } from "../engine/parser.js";
import { ScopeTree, type ScopeOptions } from "../engine/scope.js";
import { summarize, type ModuleSummary } from "./summary.js";

/** Summarises an already parsed module; the caller keeps the tree. */
export function summarizeTree(tree: Tree, module: ScopeOptions): ModuleSummary | undefined {
  if (tree.rootNode.hasError) return undefined;
  return summarize(new ScopeTree(tree.rootNode, module, true), module.moduleName ?? "__main__");
}
