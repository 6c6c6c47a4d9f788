// The engine's node helpers: async defs, decorators and their qualified names, TYPE_CHECKING
// blocks, and the edits on argument lists.
import {
  decoratorExpression,
  decoratorsOf,
  isAsync,
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
