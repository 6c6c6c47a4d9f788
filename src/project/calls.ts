// Direct calls of functions, found across the project: a rule that changes a function's signature
// (a parameter losing its default) must know who calls it by hand and with what.
import { qualifiedName } from "../engine/names.js";
import { query, type Node, type Tree } from "../engine/parser.js";
import { ScopeTree, type ScopeOptions } from "../engine/scope.js";

export interface CallSite {
  /** The callee as the calling module resolves it (`app.api.users.read_user`). */
  callee: string;
  module: string;
  /** 1-based line of the call. */
  line: number;
  /** How many arguments are given by position (before any `*args`). */
  positional: number;
  /** Names given as keyword arguments. */
  keywords: string[];
  /** The call unpacks `*args` or `**kwargs`: what it passes cannot be told. */
  unpacks: boolean;
}

const CALLS = `(call function: [(identifier) (attribute)] @fn) @call`;

/** A name that may call a function by hand: `name(` or `module.name(`, not `def name(` or `class Name(`. */
export const CALLED_NAME = /(?<!\b(?:def|class)\s+)\b([A-Za-z_]\w*)[ \t]*\(/g;

/**
 * The calls in a parsed module whose callee ends in one of `names`, resolved through the
 * module's imports and scopes. Calls of names the module does not bind to an import or a
 * definition (a local variable, a parameter) are left out.
 */
export function callSitesIn(
  tree: Tree,
  module: ScopeOptions,
  names: ReadonlySet<string>,
): CallSite[] {
  if (tree.rootNode.hasError) return [];
  const moduleName = module.moduleName ?? "__main__";
  const scopes = new ScopeTree(tree.rootNode, module, true);
  const out: CallSite[] = [];
  for (const m of query(CALLS).matches(tree.rootNode)) {
    const fn = m.captures.find((c) => c.name === "fn")!.node;
    const last = fn.type === "attribute" ? fn.childForFieldName("attribute")?.text : fn.text;
    if (!last || !names.has(last)) continue;
    const callee = qualifiedName(scopes, fn, moduleName);
    if (!callee) continue;
    const call = m.captures.find((c) => c.name === "call")!.node;
    out.push({
      callee,
      module: moduleName,
      line: call.startPosition.row + 1,
      ...argumentsOf(call),
    });
  }
  return out;
}

function argumentsOf(call: Node): Pick<CallSite, "positional" | "keywords" | "unpacks"> {
  let positional = 0;
  const keywords: string[] = [];
  let unpacks = false;
  for (const arg of call.childForFieldName("arguments")?.namedChildren ?? []) {
    if (!arg || arg.type === "comment") continue;
    if (arg.type === "keyword_argument") {
      const name = arg.childForFieldName("name")?.text;
      if (name) keywords.push(name);
    } else if (arg.type === "list_splat" || arg.type === "dictionary_splat") unpacks = true;
    else if (!unpacks) positional++;
  }
  return { positional, keywords, unpacks };
}
