// Dotted module names for files, so that imports between the project's files can be resolved.
import { existsSync } from "node:fs";
import path from "node:path";

export interface ModuleName {
  moduleName: string;
  isPackage: boolean;
}

/**
 * The module name of `file` seen from `root` (the folder the user named): the relative path in
 * dots, prefixed with the packages `root` itself sits in (folders holding `__init__.py`).
 */
export function moduleNameFor(file: string, root: string): ModuleName {
  const rel = path.relative(root, file).split(path.sep);
  const last = rel.pop()!.replace(/\.pyi?$/, "");
  const isPackage = last === "__init__";
  const parts = isPackage ? rel : [...rel, last];
  let dir = path.resolve(root);
  while (existsSync(path.join(dir, "__init__.py"))) {
    parts.unshift(path.basename(dir));
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return { moduleName: parts.join(".") || path.basename(path.resolve(root)), isPackage };
}
