// The line diff behind dry-run diffs and line mapping: the same hunks as the `diff` package for
// ordinary changes, and a correct (if not always smallest) diff when changes run all through a
// large file, where the package's Myers diff would cost the square of the size.
import { applyPatch, createTwoFilesPatch, diffLines, formatPatch } from "diff";
import { hunksOf, lineChanges, unifiedPatch, type LineChange } from "../src/engine/line-diff.js";
import { LineMap } from "../src/engine/linemap.js";

/** A small deterministic generator, so every run tests the same cases. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A text of `n` lines, like code: some from a small vocabulary (repeats, blank lines), the others
 * found once; then edited at random.
 */
function pair(seed: number, n: number, edits: number): [string, string] {
  const next = random(seed);
  const words = ["x = 1", "", "    return y", "def f():", "pass", "# note", "y = x + 2"];
  const lines = Array.from({ length: n }, (_, i) =>
    next() < 0.5 ? words[Math.floor(next() * words.length)]! : `a${i} = ${i}`,
  );
  const after = [...lines];
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (after.length + 1));
    const roll = next();
    if (roll < 0.4) after.splice(at, 1);
    else if (roll < 0.8) after.splice(at, 0, `z${e} = ${seed}`);
    else after[at] = `w${e}`;
  }
  const ending = next() < 0.5 ? "\n" : "\r\n";
  const finalNewline = next() < 0.7;
  const join = (ls: string[]): string =>
    ls.join(ending) + (finalNewline && ls.length ? ending : "");
  return [join(lines), join(after)];
}

/** The texts a change list says it came from and leads to. */
function sides(changes: readonly LineChange[]): [string, string] {
  const before = changes.filter((c) => !c.added).flatMap((c) => c.lines);
  const after = changes.filter((c) => !c.removed).flatMap((c) => c.lines);
  return [before.join(""), after.join("")];
}

describe("hunksOf", () => {
  test("gives the diff package's hunks for the same changes", () => {
    let compared = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const [before, after] = pair(seed, 1 + (seed % 40), seed % 7);
      const changes = diffLines(before, after).map((c) => ({
        count: c.count,
        added: c.added,
        removed: c.removed,
        lines: c.value.split(/(?<=\n)/),
      }));
      for (const context of [0, 1, 3]) {
        const ours = formatPatch({
          oldFileName: "a/f.py",
          newFileName: "b/f.py",
          oldHeader: undefined,
          newHeader: undefined,
          hunks: hunksOf(changes, context),
        });
        const theirs = createTwoFilesPatch(
          "a/f.py",
          "b/f.py",
          before,
          after,
          undefined,
          undefined,
          {
            context,
          },
        );
        expect(ours).toBe(theirs);
        compared++;
      }
    }
    expect(compared).toBe(900);
  });
});

describe("lineChanges", () => {
  test("is the diff package's answer for ordinary changes", () => {
    const before = "import os\n\nx = 1\ny = 2\n";
    const after = "import os\nimport sys\n\nx = 1\ny = 3\n";
    const ours = lineChanges(before, after);
    const theirs = diffLines(before, after);
    expect(ours.map((c) => [c.count, c.added, c.removed, c.lines.join("")])).toEqual(
      theirs.map((c) => [c.count, c.added, c.removed, c.value]),
    );
  });

  test("changes all through a large file: a diff that leads from one text to the other", () => {
    // 3,000 edits over 20,000 lines: far past what one Myers run may look for.
    const [before, after] = pair(7, 20_000, 3_000);
    const changes = lineChanges(before, after);
    expect(sides(changes)).toEqual([before, after]);
    // Kept lines are real matches, and removals come before additions in each stretch.
    changes.forEach((c, k) => {
      expect(c.count).toBe(c.lines.length);
      if (c.removed) expect(changes[k - 1]?.removed).not.toBe(true);
      if (c.added) expect(changes[k + 1]?.removed).not.toBe(true);
    });
    const kept = changes.filter((c) => !c.added && !c.removed).reduce((n, c) => n + c.count, 0);
    // Not the smallest diff, but most of the unchanged lines are found.
    expect(kept).toBeGreaterThan(14_000);
  });

  test("anchors on unique lines where repeated lines give none", () => {
    const body = Array.from({ length: 3000 }, (_, i) => `line${i}\n`);
    const before = body.join("");
    const after = body.map((l, i) => (i % 5 === 0 ? `changed${i}\n` : l)).join("");
    const changes = lineChanges(before, after);
    expect(sides(changes)).toEqual([before, after]);
    const removed = changes.filter((c) => c.removed).reduce((n, c) => n + c.count, 0);
    expect(removed).toBe(600);
  });

  test("handles empty texts and a missing final newline", () => {
    for (const [before, after] of [
      ["", ""],
      ["", "a\n"],
      ["a\n", ""],
      ["a", "a\n"],
      ["a\nb", "a\nc"],
    ] as const) {
      expect(sides(lineChanges(before, after))).toEqual([before, after]);
    }
  });
});

describe("unifiedPatch", () => {
  test("applies to give the new text, also past the Myers bound", () => {
    for (const [seed, n, edits] of [
      [3, 50, 4],
      [11, 5_000, 1_500],
    ] as const) {
      const [before, after] = pair(seed, n, edits);
      const patch = unifiedPatch("a/f.py", "b/f.py", before, after);
      expect(applyPatch(before, patch)).toBe(after);
    }
  });
});

describe("LineMap past the Myers bound", () => {
  test("maps each kept line to the same line in the new text", () => {
    const body = Array.from({ length: 4000 }, (_, i) => `v${i} = ${i}\n`);
    const before = body.join("");
    const after = body.flatMap((l, i) => (i % 3 === 0 ? [`# added ${i}\n`, l] : [l])).join("");
    const map = new LineMap(before, after);
    const newLines = after.split("\n");
    for (const line of [1, 2, 3, 1000, 3999, 4000]) {
      expect(newLines[map.line(line) - 1]).toBe(`v${line - 1} = ${line - 1}`);
    }
  });
});
