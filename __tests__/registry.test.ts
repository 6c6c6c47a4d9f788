// The registry's own contract: every transform has a unique, well-formed name and code, and
// declares the kinds of diagnostic it gives in a form the labels (--list, README) can show.
import type { Safety } from "../src/engine/types.js";
import { findTransform, TRANSFORMS } from "../transforms/index.js";

const duplicates = (values: readonly string[]): string[] =>
  values.filter((v, i) => values.indexOf(v) !== i);

test("names are kebab-case and unique", () => {
  const names = TRANSFORMS.map((t) => t.name);
  expect(names.filter((n) => !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(n))).toEqual([]);
  expect(duplicates(names)).toEqual([]);
});

test("codes are FF and three digits, unique, and in registry order", () => {
  const codes = TRANSFORMS.map((t) => t.code);
  expect(codes.filter((c) => !/^FF\d{3}$/.test(c))).toEqual([]);
  expect(duplicates(codes)).toEqual([]);
  expect(codes).toEqual([...codes].sort());
});

test("each is found by its name and by its code", () => {
  // findTransform() takes either; a name that reads as a code would make the lookup ambiguous.
  for (const t of TRANSFORMS) {
    expect(findTransform(t.name)).toBe(t);
    expect(findTransform(t.code)).toBe(t);
    expect(findTransform(t.code.toLowerCase())).toBe(t);
  }
});

test("each declares the kinds it gives: some, each once, in the order safe, unsafe, detect", () => {
  const order: readonly Safety[] = ["safe", "unsafe", "detect"];
  const wrong = TRANSFORMS.filter(
    (t) =>
      t.gives.length === 0 ||
      t.gives.some((k, i) => i > 0 && order.indexOf(k) <= order.indexOf(t.gives[i - 1]!)),
  ).map((t) => `${t.name}: ${JSON.stringify(t.gives)}`);
  expect(wrong).toEqual([]);
});
