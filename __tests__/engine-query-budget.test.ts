// Query runs whose cost is bounded by the size of what they search: a statement that would cost
// the square of its nesting depth is left out of the search and named, everything else is found.
import { ModuleContext } from "../src/engine/context.js";
import { fixSource } from "../src/engine/fixer.js";
import {
  boundedMatches,
  matchesByStatement,
  parse,
  query,
  QueryTooCostly,
} from "../src/engine/parser.js";
import { Spans } from "../src/engine/syntax.js";
import type { Diagnostic, Transform } from "../src/engine/types.js";
import { ready } from "./helpers.js";

beforeAll(ready);

/** Waits on the arguments after a callee that may be a whole chain: costly on long chains. */
const CALL_ARGS = "(call function: (_) @fn arguments: (argument_list) @args) @call";
const ORDINARY = "x = f(1)\ny = g(h(2), k=3)\n";
const CHAIN = `z = a${".b()".repeat(3000)}\n`;

const shape = (source: string, q: string): string[] => {
  const tree = parse(source);
  const { matches, skipped } = matchesByStatement(query(q), tree.rootNode);
  const out = [
    ...matches.map((m) => m.captures.find((c) => c.name === "call")!.node.text.slice(0, 12)),
    ...skipped.map((s) => `skipped line ${s.startPosition.row + 1}`),
  ];
  tree.delete();
  return out;
};

describe("matchesByStatement", () => {
  test("ordinary code: the same matches as a plain run", () => {
    const tree = parse(ORDINARY);
    const plain = query(CALL_ARGS).matches(tree.rootNode);
    const { matches, skipped } = matchesByStatement(query(CALL_ARGS), tree.rootNode);
    expect(skipped).toEqual([]);
    expect(matches.map((m) => m.captures.map((c) => c.node.id))).toEqual(
      plain.map((m) => m.captures.map((c) => c.node.id)),
    );
    tree.delete();
  });

  test("a 3,000-link chain: that statement is left out and named, the others are searched", () => {
    expect(shape(ORDINARY + CHAIN + ORDINARY, CALL_ARGS)).toEqual(
      ["f(1)", "g(h(2), k=3)", "h(2)", "skipped line 3", "f(1)", "g(h(2), k=3)", "h(2)"].sort(
        (a, b) => (a.startsWith("skipped") ? 1 : 0) - (b.startsWith("skipped") ? 1 : 0),
      ),
    );
  });

  test("a pattern that does not wait on a deep child searches the chain too", () => {
    const tree = parse(CHAIN);
    const { matches, skipped } = matchesByStatement(query("(call) @call"), tree.rootNode);
    expect(skipped).toEqual([]);
    expect(matches).toHaveLength(3000);
    tree.delete();
  });

  test("boundedMatches throws QueryTooCostly instead", () => {
    const tree = parse(CHAIN);
    expect(() => boundedMatches(query(CALL_ARGS), tree.rootNode)).toThrow(QueryTooCostly);
    tree.delete();
  });
});

describe("the fix loop reports what a search left out", () => {
  const calls: Transform = {
    name: "calls",
    code: "T1",
    summary: "calls",
    rule: "calls",
    gives: ["detect"],
    docs: { why: "", bad: "", good: "" },
    prefilter: /\(/,
    query: CALL_ARGS,
    check(ctx): Diagnostic[] {
      return ctx
        .matches(this.query)
        .map((m) => ctx.diagnostic(this, m.captures.find((c) => c.name === "call")!.node, "call"));
    },
  };

  test("one report per statement left out, at its start; the other findings stay", () => {
    const outcome = fixSource(ORDINARY + CHAIN, {
      transforms: [calls],
      unsafe: false,
      module: { path: "m.py", moduleName: "m" },
      positions: "original",
      context: (source, tree, plan) => new ModuleContext(source, tree, { path: "m.py" }, {}, plan),
    });
    expect(outcome.status).toBe("ok");
    if (outcome.status !== "ok") return;
    expect(
      outcome.diagnostics.map((d) => `${d.line}:${d.column} ${d.message.slice(0, 16)}`),
    ).toEqual(["1:5 call", "2:5 call", "2:7 call", "3:1 not checked here"]);
  });
});

describe("Spans", () => {
  test("inside one of the nodes, nested or apart", () => {
    const tree = parse("def f():\n    def g():\n        a()\n    b()\nc()\n");
    const fns = tree.rootNode.descendantsOfType("function_definition").filter((n) => !!n);
    const spans = new Spans(fns);
    const calls = tree.rootNode.descendantsOfType("call").filter((n) => !!n);
    expect(calls.map((c) => `${c.text} ${spans.covers(c)}`)).toEqual([
      "a() true",
      "b() true",
      "c() false",
    ]);
    tree.delete();
  });
});

describe("typed captures", () => {
  const QUERY = `(call function: (identifier) @fn arguments: (argument_list (integer) @n)) @call`;

  test("a match names its pattern and captures; a name the query does not spell fails to compile", () => {
    const source = "f(1)\ng(x)\n";
    const tree = parse(source);
    const ctx = new ModuleContext(source, tree, { path: "m.py" });
    const found = ctx.captures(QUERY);
    expect(found.map((m) => [m.pattern, m.node("fn").text, m.get("n")?.text])).toEqual([
      [0, "f", "1"],
    ]);
    // @ts-expect-error: the query has no @func capture
    expect(() => found[0]!.node("func")).toThrow("pattern 0 has no capture @func");
    tree.delete();
  });
});
