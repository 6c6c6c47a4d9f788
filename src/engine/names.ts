// Qualified-name resolution on top of the scope tree, shared by the context and the index pass.
import { BUILTINS } from "./builtins.js";
import type { Node } from "./parser.js";
import type { Binding, ScopeTree } from "./scope.js";

/**
 * The fully qualified name an expression stands for: `t.sleep` -> "time.sleep" after
 * `import time as t`; "builtins.open" for an unshadowed builtin; a module-level class or
 * function is "<module>.<name>"; undefined when a local, a parameter or an ambiguous binding
 * is in the way.
 */
export function qualifiedName(
  scopes: ScopeTree,
  node: Node,
  moduleName?: string,
): string | undefined {
  if (node.type === "attribute") {
    // Walk down the chain without recursion (generated code can nest attributes deeply).
    const attrs: string[] = [];
    let object: Node = node;
    while (object.type === "attribute") {
      const attr = object.childForFieldName("attribute");
      const inner = object.childForFieldName("object");
      if (!attr || !inner) return undefined;
      attrs.unshift(attr.text);
      object = inner;
    }
    const base = qualifiedName(scopes, object, moduleName);
    return base ? [base, ...attrs].join(".") : undefined;
  }
  if (node.type === "dotted_name" && !/import/.test(node.parent?.type ?? "")) {
    // A value pattern (`case time.struct_time():`) reads its first name like an attribute chain.
    const [head, ...rest] = node.namedChildren;
    if (!head || head.type !== "identifier") return undefined;
    const base = qualifiedName(scopes, head, moduleName);
    return base ? [base, ...rest.map((r) => r!.text)].join(".") : undefined;
  }
  if (node.type !== "identifier") return undefined;
  const name = node.text;
  const found = scopes.lookup(name, node);
  if (!found) {
    if (scopes.mayComeFromStarImport(scopes.scopeAt(node))) return undefined;
    return BUILTINS.has(name) ? `builtins.${name}` : undefined;
  }
  return qualifiedOfBindings(found, moduleName);
}

/** The qualified name a set of bindings agree on, or undefined when they do not agree. */
export function qualifiedOfBindings(
  found: Binding[],
  moduleName: string | undefined,
): string | undefined {
  let result: string | undefined;
  for (const b of found) {
    let q: string | undefined;
    if (b.kind === "import" || b.kind === "from-import") q = b.qualified;
    else if ((b.kind === "class" || b.kind === "function") && b.scope.kind === "module")
      q = `${moduleName ?? "__main__"}.${b.name}`;
    if (!q || (result !== undefined && q !== result)) return undefined;
    result = q;
  }
  return result;
}

/** Strips a subscript (`Generic[T]` -> `Generic`) and returns the node naming the class. */
export function unsubscripted(node: Node): Node {
  let n = node;
  for (;;) {
    // `Generic[T]` is a subscript in expressions and a generic_type in annotations.
    const next =
      n.type === "subscript"
        ? n.childForFieldName("value")
        : n.type === "generic_type"
          ? n.namedChildren[0]
          : null;
    if (!next) return n;
    n = next;
  }
}
