// Edit application and the fix loop: ordering, overlaps, de-duplication, convergence, the syntax
// safety net, offsets past non-ASCII text and in large files, and line mapping.
import { applyEdits, applyFixes } from "../src/engine/apply.js";
import { ModuleContext } from "../src/engine/context.js";
import { fixSource, MAX_PASSES, type FileOutcome } from "../src/engine/fixer.js";
import { LineMap } from "../src/engine/linemap.js";
import { parse, type Tree } from "../src/engine/parser.js";
import type { QueryPlan } from "../src/engine/query-plan.js";
import type { Diagnostic, Edit, Fix, Transform } from "../src/engine/types.js";
import { importing } from "./engine-support.js";
import { output, ready, run } from "./helpers.js";

beforeAll(ready);

const fixOf = (title: string, ...edits: Edit[]): Fix => ({ title, safety: "safe", edits });
const edit = (start: number, end: number, text: string): Edit => ({ start, end, text });

/** A transform built from a check function, with defaults for everything else. */
function transform(
  name: string,
  check: (ctx: ModuleContext, self: Transform) => Diagnostic[],
): Transform {
  const t: Transform = {
    name,
    code: `T${name.length}`,
    summary: name,
    rule: name,
    gives: ["safe", "unsafe"],
    docs: { why: "", bad: "", good: "" },
    prefilter: /(?:)/,
    query: "((identifier) @id)",
    check(ctx) {
      return check(ctx, t);
    },
  };
  return t;
}

/** Renames identifiers found by a tree-sitter query, so offsets come from the parser. */
function rename(from: string, to: string): Transform {
  return transform(`rename-${from}`, (ctx, self) =>
    ctx
      .matches(`((identifier) @id (#eq? @id "${from}"))`)
      .map((m) => m.captures[0]!.node)
      .map((id) =>
        ctx.diagnostic(
          self,
          id,
          `rename ${from}`,
          fixOf("rename", edit(id.startIndex, id.endIndex, to)),
        ),
      ),
  );
}

/** Reports every identifier named `name`, without a fix. */
function report(name: string): Transform {
  return transform(`report-${name}`, (ctx, self) =>
    ctx
      .matches(`((identifier) @id (#eq? @id "${name}"))`)
      .map((m) => ctx.diagnostic(self, m.captures[0]!.node, `found ${name}`)),
  );
}

const MODULE = { path: "app/main.py", moduleName: "app.main" };

/** The engine's own context: these tests need no project knowledge. */
const plainContext = (source: string, tree: Tree, plan?: QueryPlan): ModuleContext =>
  new ModuleContext(source, tree, MODULE, {}, plan);

const runWith = (
  input: string,
  transforms: Transform[],
  positions: "original" | "final" = "final",
) =>
  fixSource(input, {
    transforms,
    unsafe: false,
    module: MODULE,
    context: plainContext,
    positions,
  });

const failure = (outcome: FileOutcome): string => {
  if (outcome.status !== "failed") throw new Error(`expected failed, got ${outcome.status}`);
  return outcome.message;
};

describe("applyEdits", () => {
  test("replacements, removals and insertions", () => {
    expect(applyEdits("0123456789", [edit(1, 3, "ab"), edit(5, 6, ""), edit(8, 8, "+")])).toBe(
      "0ab3467+89",
    );
  });

  test("no edits: the same text", () => {
    expect(applyEdits("abc", [])).toBe("abc");
  });

  test("insertions at one point keep the order they were given in", () => {
    expect(applyEdits("ab", [edit(1, 1, "1"), edit(1, 1, "2"), edit(1, 1, "3")])).toBe("a123b");
  });

  test("insertions next to a replaced span stay outside it", () => {
    expect(applyEdits("0123456789", [edit(4, 4, "<"), edit(4, 8, "r"), edit(8, 8, ">")])).toBe(
      "0123<r>89",
    );
    expect(applyEdits("0123456789", [edit(8, 8, ">"), edit(4, 8, ""), edit(4, 4, "<")])).toBe(
      "0123<>89",
    );
  });

  test("at the very start and end of the text", () => {
    expect(applyEdits("abc", [edit(0, 0, "^"), edit(3, 3, "$")])).toBe("^abc$");
    expect(applyEdits("abc", [edit(0, 3, "xyz")])).toBe("xyz");
  });
});

describe("applyFixes", () => {
  test("fixes are applied in source order, whatever order they come in", () => {
    const late = fixOf("late", edit(8, 9, "L"));
    const early = fixOf("early", edit(1, 2, "E"));
    const result = applyFixes("0123456789", [late, early]);
    expect(result.text).toBe("0E234567L9");
    expect(result.applied).toEqual([early, late]);
    expect(result.deferred).toEqual([]);
  });

  test("a fix that overlaps one already taken is deferred", () => {
    const first = fixOf("first", edit(0, 5, "A"));
    const overlapping = fixOf("overlapping", edit(3, 8, "B"));
    const after = fixOf("after", edit(8, 9, "C"));
    const result = applyFixes("0123456789", [overlapping, first, after]);
    expect(result.text).toBe("A567C9");
    expect(result.applied).toEqual([first, after]);
    expect(result.deferred).toEqual([overlapping]);
  });

  test("a fix inside another's span is deferred", () => {
    const outer = fixOf("outer", edit(2, 8, "O"));
    const inner = fixOf("inner", edit(4, 5, "I"));
    const insertion = fixOf("insertion", edit(5, 5, "+"));
    const result = applyFixes("0123456789", [outer, inner, insertion]);
    expect(result.text).toBe("01O89");
    expect(result.deferred).toEqual([inner, insertion]);
  });

  test("touching spans do not overlap", () => {
    const a = fixOf("a", edit(0, 3, "A"));
    const b = fixOf("b", edit(3, 6, "B"));
    const result = applyFixes("0123456789", [a, b]);
    expect(result.text).toBe("AB6789");
    expect(result.deferred).toEqual([]);
  });

  test("identical edits are applied once", () => {
    const a = fixOf("a", edit(0, 1, "X"));
    const b = fixOf("b", edit(0, 1, "X"), edit(5, 6, "Y"));
    const c = fixOf("c", edit(9, 9, "!"));
    const d = fixOf("d", edit(9, 9, "!"));
    const result = applyFixes("0123456789", [a, b, c, d]);
    expect(result.text).toBe("X1234Y678!9");
    expect(result.applied).toEqual([a, b, c, d]);
  });

  test("a fix's edits go in all or nothing", () => {
    const taken = fixOf("taken", edit(1, 3, "T"));
    // Its first edit is free, its second overlaps `taken`: none of it may be applied.
    const partial = fixOf("partial", edit(6, 7, "P"), edit(2, 4, "Q"));
    const result = applyFixes("0123456789", [taken, partial]);
    expect(result.text).toBe("0T3456789");
    expect(result.applied).toEqual([taken]);
    expect(result.deferred).toEqual([partial]);
  });

  test("two fixes inserting at one point: the first goes in, the second waits", () => {
    const a = fixOf("a", edit(4, 4, "a"));
    const b = fixOf("b", edit(4, 4, "b"));
    const result = applyFixes("0123456789", [a, b]);
    expect(result.text).toBe("0123a456789");
    expect(result.applied).toEqual([a]);
    expect(result.deferred).toEqual([b]);
  });

  test("an insertion inside another fix's span or at its edges waits", () => {
    const span = fixOf("span", edit(2, 6, "S"));
    const inside = fixOf("inside", edit(4, 4, "i"));
    const edge = fixOf("edge", edit(6, 6, "e"));
    const start = fixOf("start", edit(2, 2, "s"));
    const apart = fixOf("apart", edit(7, 7, "a"));
    const result = applyFixes("0123456789", [span, inside, edge, start, apart]);
    expect(result.text).toBe("01S6a789");
    expect(result.deferred).toEqual([start, inside, edge]);
  });

  test("one fix may insert twice at one point", () => {
    const wrap = fixOf("wrap", edit(2, 2, "("), edit(2, 2, "["), edit(5, 5, "]"), edit(5, 5, ")"));
    expect(applyFixes("0123456789", [wrap]).text).toBe("01([234])56789");
  });
});

describe("fixSource", () => {
  test("runs passes until nothing changes", () => {
    // Each pass renames one level: a -> b -> c; the loop must reach c.
    const outcome = runWith("a = 1\n", [rename("a", "b"), rename("b", "c")]);
    expect(output(outcome)).toBe("c = 1\n");
    expect(outcome.status === "ok" && outcome.fixes).toEqual({ "rename-a": 1, "rename-b": 1 });
  });

  test("a deferred fix gets its chance in a later pass", () => {
    // `whole` rewrites the statement around the identifier `rename` changes: the two overlap, so
    // `whole` waits for the second pass, where it still applies to the renamed statement.
    const whole = transform("whole", (ctx, self) =>
      ctx
        .matches(
          '(expression_statement (assignment left: (identifier) @left right: (integer) @right (#eq? @right "1"))) @stmt',
        )
        .map((m) => {
          const stmt = m.captures.find((c) => c.name === "stmt")!.node;
          const left = m.captures.find((c) => c.name === "left")!.node;
          return ctx.diagnostic(
            self,
            stmt,
            "whole",
            fixOf("w", edit(stmt.startIndex, stmt.endIndex, `${left.text} = 100`)),
          );
        }),
    );
    const outcome = runWith("value = 1\n", [rename("value", "renamed"), whole]);
    expect(output(outcome)).toBe("renamed = 100\n");
    expect(outcome.status === "ok" && outcome.fixes).toEqual({ "rename-value": 1, whole: 1 });
    expect(outcome.status === "ok" && outcome.passes).toBeGreaterThanOrEqual(3);
  });

  test("of two fixes for one span only the first is applied", () => {
    const outcome = runWith("value = 1\n", [rename("value", "first"), rename("value", "second")]);
    expect(output(outcome)).toBe("first = 1\n");
  });

  test("a transform whose fix keeps changing the text fails, naming it", () => {
    const restless = transform("restless", (ctx, self) => [
      ctx.diagnostic(
        self,
        ctx.root,
        "again",
        fixOf("again", edit(ctx.source.length, ctx.source.length, "x = 1\n")),
      ),
    ]);
    const message = failure(runWith("x = 1\n", [restless]));
    expect(message).toContain("restless");
    expect(message).toContain(String(MAX_PASSES));
  });

  test("two transforms undoing each other fail, naming both", () => {
    const message = failure(
      runWith("ping = 1\n", [rename("ping", "pong"), rename("pong", "ping")]),
    );
    expect(message).toContain("rename-ping");
    expect(message).toContain("rename-pong");
  });

  test("a fix that breaks the syntax fails the file, naming the transform", () => {
    const breaker = transform("breaker", (ctx, self) => {
      const at = ctx.source.indexOf("1");
      return at === -1
        ? []
        : [ctx.diagnostic(self, ctx.root, "break", fixOf("b", edit(at, at + 1, "(")))];
    });
    const outcome = runWith("x = 1\n", [breaker]);
    expect(outcome.status).toBe("failed");
    expect(failure(outcome)).toContain("breaker");
    expect("output" in outcome).toBe(false);
  });

  test("a fix that breaks the indentation (which tree-sitter accepts) fails the file", () => {
    const indenter = transform("indenter", (ctx, self) => {
      const at = ctx.source.indexOf("    b = 2");
      return at === -1
        ? []
        : [ctx.diagnostic(self, ctx.root, "indent", fixOf("i", edit(at, at, "    ")))];
    });
    const outcome = runWith("class A:\n    a = 1\n    b = 2\n", [indenter]);
    expect(outcome.status).toBe("failed");
    expect(failure(outcome)).toContain("indenter");
  });

  test("input whose indentation Python rejects is not held against the fixes", () => {
    const outcome = runWith("class A:\n    a = 1\n      b = 1\n", [rename("a", "z")]);
    expect(outcome.status).toBe("ok");
  });

  test("one syntax-breaking fix fails the file even when other fixes are fine", () => {
    const breaker = transform("breaker", (ctx, self) => {
      const at = ctx.source.indexOf("= 2");
      return at === -1
        ? []
        : [ctx.diagnostic(self, ctx.root, "break", fixOf("b", edit(at, at + 3, "= [")))];
    });
    const outcome = runWith("a = 1\nb = 2\n", [rename("a", "z"), breaker]);
    expect(failure(outcome)).toContain("breaker");
  });

  test("imports that would break the syntax fail the file", () => {
    // A requirement whose module is no valid dotted name makes an unparsable import line.
    const bad = importing({ find: "MARK", module: "not a module", name: "x" }, "bad-import");
    const outcome = runWith("y = MARK\n", [bad]);
    expect(failure(outcome)).toContain("bad-import");
  });

  test("input that does not parse is a parse error, with its position", () => {
    const outcome = runWith("x = 1\ndef f(:\n    pass\n", [rename("x", "y")]);
    expect(outcome.status).toBe("parse-error");
    expect(outcome.status === "parse-error" && outcome.message).toMatch(/^syntax error at 2:\d+$/);
  });

  test("input with a missing token is a parse error", () => {
    const outcome = runWith("x = (1\ny = 2\n", [rename("x", "z")]);
    expect(outcome.status).toBe("parse-error");
  });

  test("a transform that throws fails the file, naming it", () => {
    const thrower = transform("thrower", () => {
      throw new Error("boom");
    });
    const message = failure(runWith("x = 1\n", [thrower]));
    expect(message).toContain("thrower");
    expect(message).toContain("boom");
  });

  test("a transform whose prefilter does not match is not run", () => {
    const thrower = transform("thrower", () => {
      throw new Error("boom");
    });
    thrower.prefilter = /\bnever_here\b/;
    expect(output(runWith("x = 1\n", [thrower]))).toBe("x = 1\n");
  });

  test("unsafe fixes only with unsafe: true", () => {
    const risky = transform("risky", (ctx, self) =>
      ctx
        .matches(`((identifier) @id (#eq? @id "old"))`)
        .map((m) => m.captures[0]!.node)
        .map((id) =>
          ctx.diagnostic(self, id, "risky", {
            ...fixOf("r", edit(id.startIndex, id.endIndex, "new")),
            safety: "unsafe",
          }),
        ),
    );
    const safe = runWith("old = 1\n", [risky]);
    expect(output(safe)).toBe("old = 1\n");
    expect(safe.status === "ok" && safe.unsafeSkipped).toBe(1);
    const unsafe = fixSource("old = 1\n", {
      transforms: [risky],
      unsafe: true,
      module: MODULE,
      context: plainContext,
      positions: "final",
    });
    expect(output(unsafe)).toBe("new = 1\n");
  });
});

describe("offsets", () => {
  test("non-ASCII text before an edit: é and an emoji (a surrogate pair)", () => {
    const input = 's = "é😀 naïve"  # ünïcödé\nt = "日本語"; value = 1\nvalue += 1\n';
    const expected = 's = "é😀 naïve"  # ünïcödé\nt = "日本語"; renamed = 1\nrenamed += 1\n';
    expect(output(runWith(input, [rename("value", "renamed")]))).toBe(expected);
  });

  test("non-ASCII text before an added import and an edit", () => {
    const input = '"""Ünïcödé 😀 docstring."""\n\nx = MARK\n';
    const t = importing({ find: "MARK", module: "fastapi", name: "status" });
    expect(output(run(input, [t]))).toBe(
      '"""Ünïcödé 😀 docstring."""\n\nfrom fastapi import status\n\nx = status\n',
    );
  });

  test("diagnostic columns count UTF-16 code units after non-ASCII text", () => {
    const outcome = runWith('s = "😀é"; target = 1\n', [report("target")]);
    expect(outcome.status === "ok" && outcome.diagnostics).toEqual([
      expect.objectContaining({ line: 1, column: 12, endLine: 1, endColumn: 18 }),
    ]);
  });

  test("a file over 32 KiB with an edit near its end", () => {
    const filler = Array.from({ length: 2000 }, (_, i) => `v${i} = "é😀 ${i}"\n`).join("");
    const input = `import os\n\n${filler}value = os.getcwd()\n`;
    expect(Buffer.byteLength(input, "utf8")).toBeGreaterThan(32 * 1024);
    expect(input.length).toBeGreaterThan(32 * 1024);
    const tree = parse(input);
    expect(tree.rootNode.endIndex).toBe(input.length);
    tree.delete();
    const out = output(runWith(input, [rename("value", "renamed")]));
    expect(out).toBe(`import os\n\n${filler}renamed = os.getcwd()\n`);
  });

  test("a file over 32 KiB that needs an import and an edit at its end", () => {
    const filler = Array.from({ length: 2000 }, (_, i) => `v${i} = "é😀 ${i}"\n`).join("");
    const input = `import os\n\n${filler}x = MARK\n`;
    const t = importing({ find: "MARK", module: "fastapi", name: "status" });
    expect(output(run(input, [t]))).toBe(
      `import os\nfrom fastapi import status\n\n${filler}x = status\n`,
    );
  });
});

describe("diagnostic positions", () => {
  // An import added at the top moves everything below it down by one line.
  const input = "import os\n\nx = MARK\ny = target\n";
  const transforms = [
    importing({ find: "MARK", module: "fastapi", name: "status" }),
    report("target"),
  ];

  test("final positions are in the output", () => {
    const outcome = runWith(input, transforms, "final");
    expect(output(outcome)).toBe(
      "import os\nfrom fastapi import status\n\nx = status\ny = target\n",
    );
    expect(
      outcome.status === "ok" && outcome.diagnostics.map((d) => [d.message, d.line, d.column]),
    ).toEqual([["found target", 5, 5]]);
  });

  test("original positions are in the input", () => {
    const outcome = runWith(input, transforms, "original");
    expect(
      outcome.status === "ok" && outcome.diagnostics.map((d) => [d.message, d.line, d.column]),
    ).toEqual([["found target", 4, 5]]);
  });
});

describe("LineMap", () => {
  test("identical texts map every line to itself", () => {
    const text = "a\nb\nc\n";
    const map = new LineMap(text, text);
    expect([1, 2, 3].map((l) => map.line(l))).toEqual([1, 2, 3]);
  });

  test("lines inserted above shift the lines below", () => {
    const map = new LineMap("a\nb\nc\n", "new1\nnew2\na\nb\nc\n");
    expect([1, 2, 3].map((l) => map.line(l))).toEqual([3, 4, 5]);
  });

  test("lines inserted in the middle shift only the lines below", () => {
    const map = new LineMap("a\nb\nc\n", "a\nnew\nb\nc\n");
    expect([1, 2, 3].map((l) => map.line(l))).toEqual([1, 3, 4]);
  });

  test("a removed line maps to where the text continues; lines below move up", () => {
    const map = new LineMap("a\ngone\nb\nc\n", "a\nb\nc\n");
    expect([1, 2, 3, 4].map((l) => map.line(l))).toEqual([1, 2, 2, 3]);
  });

  test("a changed line maps onto its replacement", () => {
    const map = new LineMap("a\nold\nc\n", "a\nnew\nc\n");
    expect([1, 2, 3].map((l) => map.line(l))).toEqual([1, 2, 3]);
  });

  test("a block replaced by a longer one maps line for line", () => {
    const map = new LineMap("a\nx1\nx2\nc\n", "a\ny1\ny2\ny3\nc\n");
    expect([1, 2, 3, 4].map((l) => map.line(l))).toEqual([1, 2, 3, 5]);
  });

  test("the reverse direction", () => {
    const map = new LineMap("new1\nnew2\na\nb\n", "a\nb\n");
    expect([3, 4].map((l) => map.line(l))).toEqual([1, 2]);
  });
});
