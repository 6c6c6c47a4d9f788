// The index pass for one file: parse, resolve, summarise, free the tree.
import { parse } from "../engine/parser.js";
import { ScopeTree, type ScopeOptions } from "../engine/scope.js";
import { summarize, type ModuleSummary } from "./summary.js";

/** Summarises one module's source for the project index (undefined if it does not parse). */
export function summarizeSource(text: string, module: ScopeOptions): ModuleSummary | undefined {
  const tree = parse(text);
  try {
    if (tree.rootNode.hasError) return undefined;
    const scopes = new ScopeTree(tree.rootNode, module, true);
    return summarize(scopes, module.moduleName ?? "__main__");
  } finally {
    tree.delete();
  }
}
