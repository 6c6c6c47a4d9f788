// The fix loop re-parses incrementally: the tree it gets must be the one a parse from scratch
// gives, whatever the edits (several at once, insertions at one point, lines added and removed,
// text before and after non-ASCII and astral characters).
import { applyFixes } from "../src/engine/apply.js";
import { parse, reparse } from "../src/engine/parser.js";
import type { Edit } from "../src/engine/types.js";
import { ready } from "./helpers.js";

beforeAll(ready);

const SOURCE = [
  "# café ☕ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "from pydantic import BaseModel",
  "",
  "",
  'class Crème(BaseModel):  # "brûlée"',
  '    name: str = "naïve 😀"',
  "",
  "    class Config:",
  "        orm_mode = True",
  "",
  "",
  "def f(x):",
  "    return x.dict()  # ünïcode",
  "",
].join("\n");

function at(text: string, needle: string, delta = 0): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not found: ${needle}`);
  return i + delta;
}

const cases: Array<[string, (s: string) => Edit[]]> = [
  [
    "one replacement after astral characters",
    (s) => [{ start: at(s, "dict()"), end: at(s, "dict()") + 4, text: "model_dump" }],
  ],
  [
    "several edits, lines added and removed",
    (s) => [
      {
        start: at(s, "    class Config:"),
        end: at(s, "True\n", 5),
        text: "    model_config = ConfigDict(from_attributes=True)\n",
      },
      {
        start: at(s, "from pydantic"),
        end: at(s, "from pydantic"),
        text: "import os\nimport sys\n",
      },
      { start: at(s, "dict()"), end: at(s, "dict()") + 4, text: "model_dump" },
    ],
  ],
  [
    "two insertions at one point and a deletion",
    (s) => [
      { start: at(s, "def f"), end: at(s, "def f"), text: "@decorator\n" },
      { start: at(s, "def f"), end: at(s, "def f"), text: "@other  # ☕\n" },
      { start: at(s, "  # ünïcode"), end: at(s, "  # ünïcode") + 11, text: "" },
    ],
  ],
];

describe.each(cases)("%s", (_, make) => {
  test("the incremental tree equals a parse from scratch", () => {
    const edits = make(SOURCE);
    const { text, edits: written } = applyFixes(SOURCE, [{ title: "t", safety: "safe", edits }]);
    expect(text).not.toBe(SOURCE);
    const old = parse(SOURCE);
    const incremental = reparse(old, SOURCE, written, text);
    const scratch = parse(text);
    expect(incremental.rootNode.toString()).toBe(scratch.rootNode.toString());
    expect(incremental.rootNode.hasError).toBe(false);
    // Offsets agree too: every named node spans the same text.
    const spans = (root: typeof scratch.rootNode): string[] =>
      root
        .descendantsOfType(["identifier", "string", "comment"])
        .map(
          (n) => `${n!.startIndex}@${n!.startPosition.row}:${n!.startPosition.column}:${n!.text}`,
        );
    expect(spans(incremental.rootNode)).toEqual(spans(scratch.rootNode));
    for (const t of [old, incremental, scratch]) t.delete();
  });
});
