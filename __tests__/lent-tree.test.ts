// The fix pass lends the lazy index the tree of the file it is fixing, so the file's own module is
// summarised from that tree instead of a second parse; only that text of that file borrows it.
import { parse } from "../src/engine/parser.js";
import { borrowTree, lendTree } from "../src/runner/lent-tree.js";
import { ready } from "./helpers.js";

beforeAll(ready);

test("the lent tree is a copy, borrowed only for the same file and text, gone once given back", () => {
  const text = "class A:\n    x: int = 1\n";
  const tree = parse(text);
  const giveBack = lendTree("app/a.py", text, tree);
  const borrowed = borrowTree("app/a.py", text);
  expect(borrowed).toBeDefined();
  expect(borrowed).not.toBe(tree);
  expect(borrowed!.rootNode.toString()).toBe(tree.rootNode.toString());
  // The fix loop edits and deletes its own tree; the copy stays whole.
  tree.delete();
  expect(borrowed!.rootNode.text).toBe(text);
  expect(borrowTree("app/b.py", text)).toBeUndefined();
  expect(borrowTree("app/a.py", `${text}\n`)).toBeUndefined();
  giveBack();
  expect(borrowTree("app/a.py", text)).toBeUndefined();
});
