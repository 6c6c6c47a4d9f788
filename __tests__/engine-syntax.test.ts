// The engine's node helpers: async defs, decorators and their qualified names, TYPE_CHECKING
// blocks, and the edits on argument lists.
import { applyEdits } from "../src/engine/apply.js";
import { appendToFromImport, importRoots, relativeModuleName } from "../src/engine/imports.js";
import type { Node } from "../src/engine/parser.js";
import {
  appendArgument,
  decoratorExpression,
  decoratorsOf,
  isAsync,
  keywordArguments,
  listItems,
  removeListItems,
  underTypeChecking,
} from "../src/engine/syntax.js";
import { context, freeTrees } from "./engine-support.js";
import { ready } from "./helpers.js";

beforeAll(ready);
afterAll(freeTrees);

const lines = (...parts: string[]): string => parts.join("\n");

describe("definitions", () => {
  const source = lines(
    "import functools",
    "from functools import lru_cache",
    "",
    "@functools.cache",
    "@lru_cache(maxsize=1)  # cached",
    "@unknown",
    "async def a():",
    "    pass",
    "",
    "def b():",
    "    pass",
    "",
    "@staticmethod",
    "class C:",
    "    pass",
    "",
  );

  test("isAsync tells async def from def", () => {
    const p = context(source);
    expect(isAsync(p.node("async def a():\n    pass"))).toBe(true);
    expect(isAsync(p.node("def b():\n    pass"))).toBe(false);
  });

  test("decoratorsOf lists a definition's decorators, top one first", () => {
    const p = context(source);
    expect(decoratorsOf(p.node("async def a():\n    pass")).map((d) => d.text)).toEqual([
      "@functools.cache",
      "@lru_cache(maxsize=1)  # cached",
      "@unknown",
    ]);
    expect(decoratorsOf(p.node("def b():\n    pass"))).toEqual([]);
    expect(decoratorsOf(p.node("class C:\n    pass")).map((d) => d.text)).toEqual([
      "@staticmethod",
    ]);
  });

  test("decoratorExpression is what the decorator applies, without its comment", () => {
    const p = context(source);
    const [, second] = decoratorsOf(p.node("async def a():\n    pass"));
    expect(decoratorExpression(second!)?.text).toBe("lru_cache(maxsize=1)");
  });

  test("decoratorName: a call has no name unless its callee is asked for", () => {
    const p = context(source);
    const [first, second, third] = decoratorsOf(p.node("async def a():\n    pass"));
    expect(p.ctx.decoratorName(first!)).toBe("functools.cache");
    expect(p.ctx.decoratorName(second!)).toBeUndefined();
    expect(p.ctx.decoratorName(second!, { callee: true })).toBe("functools.lru_cache");
    expect(p.ctx.decoratorName(third!, { callee: true })).toBeUndefined();
  });

  test("decoratorNames: the names that resolve", () => {
    const p = context(source);
    const fn = p.node("async def a():\n    pass");
    expect([...p.ctx.decoratorNames(fn)]).toEqual(["functools.cache"]);
    expect([...p.ctx.decoratorNames(fn, { callee: true })]).toEqual([
      "functools.cache",
      "functools.lru_cache",
    ]);
    expect(p.ctx.decoratorNames(p.node("def b():\n    pass")).size).toBe(0);
  });
});

describe("underTypeChecking", () => {
  test("inside either branch of an `if` whose condition mentions TYPE_CHECKING (read, not evaluated: `not TYPE_CHECKING` counts too)", () => {
    const source = lines(
      "import typing",
      "if typing.TYPE_CHECKING:",
      "    from a import A",
      "else:",
      "    from b import B",
      "if not TYPE_CHECKING:",
      "    def f():",
      "        from c import C",
      "if DEBUG:",
      "    from d import D",
      "",
    );
    const p = context(source);
    expect(underTypeChecking(p.node("from a import A"))).toBe(true);
    expect(underTypeChecking(p.node("from b import B"))).toBe(true);
    expect(underTypeChecking(p.node("from c import C"))).toBe(true);
    expect(underTypeChecking(p.node("from d import D"))).toBe(false);
    expect(underTypeChecking(p.node("import typing"))).toBe(false);
  });
});

describe("argument lists and dict literals", () => {
  /** The argument list of the first call (or the first dict literal) in `source`. */
  function list(source: string): Node {
    const root = context(source).tree.rootNode;
    const found = root.descendantsOfType(["argument_list", "dictionary"])[0];
    if (!found) throw new Error("no list");
    return found;
  }

  const append = (
    source: string,
    entries: string | string[],
    ownLine?: "after-line" | "after-item",
  ): string => applyEdits(source, appendArgument(source, "\n", list(source), entries, { ownLine }));

  test("listItems leaves comments out; keywordArguments maps names to arguments", () => {
    const args = list("f(a, # note\n  b=1, *c, **d)\n");
    expect(listItems(args).map((i) => i.text)).toEqual(["a", "b=1", "*c", "**d"]);
    expect([...keywordArguments(args).keys()]).toEqual(["b"]);
    expect(listItems(list("x = {'a': 1, **b}\n")).map((i) => i.type)).toEqual([
      "pair",
      "dictionary_splat",
    ]);
  });

  test("into an empty list, joined by commas", () => {
    expect(append("f()\n", ["a=1", "b=2"])).toBe("f(a=1, b=2)\n");
    expect(append("x = {}\n", ["'k': 1"])).toBe("x = {'k': 1}\n");
  });

  test("after the last item on its line, after `, `", () => {
    expect(append("f(a, b)\n", "c=1")).toBe("f(a, b, c=1)\n");
    expect(append("f(a, b)\n", ["c=1", "d=2"], "after-item")).toBe("f(a, b, c=1, d=2)\n");
    expect(append("x = {'a': 1}\n", "'b': 2")).toBe("x = {'a': 1, 'b': 2}\n");
  });

  test("after-line: a line of its own, below a comment, trailing comma kept", () => {
    expect(append("f(\n    a,\n    b  # why\n)\n", "c=1")).toBe(
      "f(\n    a,\n    b,  # why\n    c=1\n)\n",
    );
    expect(append("f(\n    a,\n    b,\n)\n", ["c=1", "d=2"])).toBe(
      "f(\n    a,\n    b,\n    c=1,\n    d=2,\n)\n",
    );
    // The closing bracket on the last item's line: after `, `.
    expect(append("f(\n    a,\n    b)\n", "c=1")).toBe("f(\n    a,\n    b, c=1)\n");
  });

  test("after-item: right after the last item, each on a new line indented like it", () => {
    expect(append("x = {\n    'a': 1  # why\n}\n", ["'b': 2", "'c': 3"], "after-item")).toBe(
      "x = {\n    'a': 1,\n    'b': 2,\n    'c': 3  # why\n}\n",
    );
    expect(append("f(\n    a,\n    b)\n", "c=1", "after-item")).toBe(
      "f(\n    a,\n    b,\n    c=1)\n",
    );
  });

  test("removeListItems: each run with one comma", () => {
    const source = "f(a, b, c, d)\n";
    const items = listItems(list(source));
    expect(applyEdits(source, removeListItems(items, [1, 2]))).toBe("f(a, d)\n");
    expect(applyEdits(source, removeListItems(items, [0, 3]))).toBe("f(b, c)\n");
    expect(applyEdits(source, removeListItems(items, [2, 3]))).toBe("f(a, b)\n");
  });

  test("removeListItems: every item gone, the list given, it is emptied between its brackets", () => {
    const source = "x = {\n    'a': 1,  # why\n    'b': 2,\n}\n";
    const dict = list(source);
    const items = listItems(dict);
    expect(applyEdits(source, removeListItems(items, [0, 1], dict))).toBe("x = {}\n");
    expect(applyEdits(source, removeListItems(items, [0, 1]))).toBe("x = {\n    ,\n}\n");
  });
});

test("ctx.note: a fix note on a node's span", () => {
  const p = context("x = compile('a+')\n");
  expect(p.ctx.note(p.node("'a+'"), "check it")).toEqual({
    start: 12,
    end: 16,
    message: "check it",
  });
});

describe("import spelling", () => {
  test("relativeModuleName: from a module, from a package, and across top packages", () => {
    const users = { moduleName: "app.routers.users" };
    expect(relativeModuleName("app.models", users)).toBe("..models");
    expect(relativeModuleName("app.routers.items", users)).toBe(".items");
    expect(relativeModuleName("app.models", { moduleName: "app", isPackage: true })).toBe(
      ".models",
    );
    // The target spelled without the folders above the project.
    expect(relativeModuleName("app.models", { moduleName: "src.app.routers.users" })).toBe(
      "..models",
    );
    expect(relativeModuleName("other.models", users)).toBeUndefined();
    expect(relativeModuleName("app.models", { moduleName: "main" })).toBeUndefined();
  });

  test("importRoots: first names of absolute imports; whether any is relative", () => {
    const p = context(
      "from __future__ import annotations\nimport os.path, app.db as db\nfrom app.models import Item\nfrom ..core import x\n",
    );
    expect(importRoots(p.tree.rootNode)).toEqual({
      roots: new Set(["os", "app"]),
      relative: true,
    });
    expect(importRoots(context("import os\n").tree.rootNode).relative).toBe(false);
  });

  test("appendToFromImport: after the last name, or a line each in a one-per-line block", () => {
    const flat = "from .models import Item\n";
    const f = context(flat);
    const s = f.tree.rootNode.namedChildren[0]!;
    expect(
      applyEdits(flat, [appendToFromImport(flat, s, ["User", "Role as R"], f.ctx.stylist)]),
    ).toBe("from .models import Item, User, Role as R\n");
    const block = "from .models import (\n    Item,\n)\n";
    const b = context(block);
    const statement = b.tree.rootNode.namedChildren[0]!;
    expect(applyEdits(block, [appendToFromImport(block, statement, ["User"], b.ctx.stylist)])).toBe(
      "from .models import (\n    Item,\n    User,\n)\n",
    );
  });
});
