// ctx.callsTo(): the calls whose callee ends with a given name, found from the text.
import { initParser } from "../src/engine/parser.js";
import { context, freeTrees } from "./engine-support.js";

beforeAll(initParser);
afterEach(freeTrees);

const calls = (source: string, ...names: string[]): string[] =>
  context(source)
    .ctx.callsTo(names)
    .map(({ call, fn, args }) => `${fn.text}|${args.text}|${call.startIndex}`);

test("plain, dotted and renamed callees; not a name used otherwise", () => {
  const src = [
    "import time as t",
    "from time import sleep as nap",
    "sleep(1)",
    "t.sleep(2)",
    "nap(3)",
    "x = sleep",
    "sleep.attr(4)",
    "get_sleep(5)",
    'print("sleep(6)")  # sleep(7)',
    "",
  ].join("\n");
  expect(calls(src, "sleep").map((c) => c.split("|").slice(0, 2).join("|"))).toEqual([
    "sleep|(1)",
    "t.sleep|(2)",
    "nap|(3)",
  ]);
});

test("in source order, the outer call first when two start together", () => {
  const src = "run(run(1))(2)\nrun(3)\n";
  expect(calls(src, "run")).toEqual(["run|(run(1))|0", "run|(1)|4", "run|(3)|15"]);
});
