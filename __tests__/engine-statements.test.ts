// The statement remover: which lines go, what happens to a comment that ends them, and each
// blank-line policy, on statements, decorators and statements that share their line.
import { applyEdits } from "../src/engine/apply.js";
import { parse, type Node, type Tree } from "../src/engine/parser.js";
import {
  blankLinesBefore,
  removeStatement,
  trimTrailingBlankLines,
  type RemoveStatementOptions,
} from "../src/engine/statements.js";
import { ready } from "./helpers.js";

beforeAll(ready);

const trees: Tree[] = [];
afterAll(() => {
  for (const t of trees.splice(0)) t.delete();
});

const lines = (...parts: string[]): string => parts.join("\n");

/** The statement (or decorator) whose text starts with `needle`. */
function find(source: string, needle: string): Node {
  const tree = parse(source);
  trees.push(tree);
  const at = source.indexOf(needle);
  if (at === -1) throw new Error(`${needle} not in source`);
  let node: Node | null = tree.rootNode.descendantForIndex(at, at + needle.length);
  while (
    node &&
    !(node.startIndex === at && (node.type.endsWith("statement") || node.type === "decorator"))
  )
    node = node.parent;
  if (!node) throw new Error(`no statement starts with ${needle}`);
  return node;
}

/** The source after removing the statement starting with `needle`, or undefined when refused. */
function remove(
  source: string,
  needle: string,
  options: RemoveStatementOptions = {},
): string | undefined {
  const removal = removeStatement(source, find(source, needle), options);
  return removal && applyEdits(source, [removal]);
}

describe("the line", () => {
  test("a statement on its own line goes with its line", () => {
    expect(remove(lines("a = 1", "b = 2", "c = 3", ""), "b = 2")).toBe("a = 1\nc = 3\n");
  });

  test("the last line of a file without a newline", () => {
    expect(remove("a = 1\nb = 2", "b = 2")).toBe("a = 1\n");
  });

  test("a comment that ends the line is dropped with it unless kept", () => {
    const source = lines("a = 1", "    ", "x = 2  # note", "c = 3", "");
    expect(remove(source, "x = 2")).toBe("a = 1\n    \nc = 3\n");
    expect(remove(source, "x = 2", { comment: "keep" })).toBe("a = 1\n    \n# note\nc = 3\n");
  });

  test("a kept comment's line can be written anew with another newline", () => {
    const source = "a = 1\r\nx = 2  # note\nc = 3\r\n";
    expect(remove(source, "x = 2", { comment: "keep", rewriteNewline: "\r\n" })).toBe(
      "a = 1\r\n# note\r\nc = 3\r\n",
    );
  });

  test("CRLF line endings go with the line", () => {
    expect(remove("a = 1\r\nb = 2\r\nc = 3\r\n", "b = 2")).toBe("a = 1\r\nc = 3\r\n");
  });

  test("a decorator goes from its @ to the end of its expression, keeping a comment", () => {
    const source = lines("@first", "  @ second  # why", "def f():", "    pass", "");
    expect(remove(source, "@ second")).toBe(lines("@first", "def f():", "    pass", ""));
    expect(remove(source, "@ second", { comment: "keep" })).toBe(
      lines("@first", "  # why", "def f():", "    pass", ""),
    );
  });
});

describe("a statement that shares its line", () => {
  test("is refused by default", () => {
    expect(remove("a = 1; b = 2\n", "b = 2")).toBeUndefined();
    expect(remove("a = 1; b = 2\n", "a = 1")).toBeUndefined();
  });

  test("is cut out with its `;` when asked", () => {
    expect(remove("a = 1; b = 2\n", "a = 1", { sharedLine: "cut" })).toBe("b = 2\n");
    expect(remove("a = 1; b = 2\n", "b = 2", { sharedLine: "cut" })).toBe("a = 1\n");
  });

  test("alone in a one-line block it becomes pass", () => {
    const source = "if x: import os\n";
    expect(remove(source, "import os", { sharedLine: "cut", passWhenAlone: true })).toBe(
      "if x: pass\n",
    );
    expect(remove(source, "import os", { passWhenAlone: true })).toBeUndefined();
  });
});

describe("a block's only statement", () => {
  test("becomes pass, a comment after it kept", () => {
    const source = lines("class A:", "    x: int  # the field", "");
    expect(remove(source, "x: int", { passWhenAlone: true })).toBe(
      lines("class A:", "    pass  # the field", ""),
    );
  });

  test("comments do not count as statements", () => {
    const source = lines("def f():", "    # only this", "    import os", "");
    expect(remove(source, "import os", { passWhenAlone: true })).toBe(
      lines("def f():", "    # only this", "    pass", ""),
    );
  });
});

describe("blank lines", () => {
  const middle = lines("a = 1", "", "", "b = 2", "", "", "c = 3", "");

  test("none: the blank lines on both sides stay (and add up)", () => {
    expect(remove(middle, "b = 2")).toBe(lines("a = 1", "", "", "", "", "c = 3", ""));
  });

  test("collapse: after a blank line, one blank line below goes", () => {
    expect(remove(middle, "b = 2", { blankLines: "collapse" })).toBe(
      lines("a = 1", "", "", "", "c = 3", ""),
    );
    // No blank line above: nothing but the line goes.
    expect(
      remove(lines("a = 1", "b = 2", "", "c = 3", ""), "b = 2", { blankLines: "collapse" }),
    ).toBe(lines("a = 1", "", "c = 3", ""));
  });

  test("collapse: at the top of the file or of a block, every blank line below goes", () => {
    expect(
      remove(lines("import os", "", "", "x = 1", ""), "import os", { blankLines: "collapse" }),
    ).toBe("x = 1\n");
    const block = lines("def f():", "    import os", "", "    return 1", "");
    expect(remove(block, "import os", { blankLines: "collapse" })).toBe(
      lines("def f():", "    return 1", ""),
    );
  });

  test("collapse: the removal's lineEnd is where the line ends, without the blank lines", () => {
    const source = lines("import os", "", "x = 1", "");
    const removal = removeStatement(source, find(source, "import os"), { blankLines: "collapse" })!;
    expect(removal).toEqual({ start: 0, end: 11, text: "", lineEnd: 10 });
  });

  test("balance: as many blank lines below go as there are above", () => {
    expect(remove(middle, "b = 2", { blankLines: "balance" })).toBe(
      lines("a = 1", "", "", "c = 3", ""),
    );
    const uneven = lines("a = 1", "", "b = 2", "", "", "c = 3", "");
    expect(remove(uneven, "b = 2", { blankLines: "balance" })).toBe(
      lines("a = 1", "", "", "c = 3", ""),
    );
  });

  test("block-edges: the first statement takes the blank lines below, the last those above", () => {
    const source = lines("class A:", "    x = 1", "", "    y = 2", "", "    z = 3", "");
    const options: RemoveStatementOptions = { blankLines: "block-edges" };
    expect(remove(source, "x = 1", options)).toBe(
      lines("class A:", "    y = 2", "", "    z = 3", ""),
    );
    expect(remove(source, "y = 2", options)).toBe(
      lines("class A:", "    x = 1", "", "", "    z = 3", ""),
    );
    expect(remove(source, "z = 3", options)).toBe(
      lines("class A:", "    x = 1", "", "    y = 2", ""),
    );
  });

  test("a kept comment keeps its line, and the blank lines around it stay", () => {
    const source = lines("a = 1", "", "b = 2  # note", "", "c = 3", "");
    expect(remove(source, "b = 2", { comment: "keep", blankLines: "collapse" })).toBe(
      lines("a = 1", "", "# note", "", "c = 3", ""),
    );
  });
});

describe("blank-line helpers", () => {
  test("blankLinesBefore counts whole blank lines and says where they start", () => {
    const source = lines("a = 1", "", "  ", "b = 2");
    expect(blankLinesBefore(source, source.indexOf("b"))).toEqual({ count: 2, start: 6 });
    expect(blankLinesBefore(source, 0)).toEqual({ count: 0, start: 0 });
  });

  test("trimTrailingBlankLines: removals that leave only blank lines take them", () => {
    const source = lines("a = 1", "", "b = 2", "", "c = 3", "");
    const removals = [
      { start: source.indexOf("c"), end: source.length, text: "" },
      { start: source.indexOf("b"), end: source.indexOf("b") + 6, text: "" },
    ];
    expect(applyEdits(source, trimTrailingBlankLines(source, removals))).toBe("a = 1\n");
    // Code after a removal: nothing changes.
    const kept = [{ start: source.indexOf("b"), end: source.indexOf("b") + 6, text: "" }];
    expect(trimTrailingBlankLines(source, kept)).toEqual(kept);
  });
});
