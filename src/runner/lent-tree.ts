// The tree of the file this thread is fixing, lent by the fix pass to the lazy index: a question
// about the file's own module (most files with models ask one) then reads it instead of parsing
// the file again, which on a large file also saves the memory of a second tree.
import type { Tree } from "../engine/parser.js";

let lent: { path: string; text: string; tree: Tree } | undefined;

/**
 * Lends a copy of the tree of `text`, the file at `path` as read from disk; the returned function
 * takes it back (and deletes the copy) once the file is done.
 */
export function lendTree(path: string, text: string, tree: Tree): () => void {
  const loan = { path, text, tree: tree.copy() };
  lent = loan;
  return () => {
    if (lent === loan) lent = undefined;
    loan.tree.delete();
  };
}

/** The lent tree, when it is the tree of this text of this file (the borrower must not delete it). */
export function borrowTree(path: string, text: string): Tree | undefined {
  return lent?.path === path && lent.text === text ? lent.tree : undefined;
}
