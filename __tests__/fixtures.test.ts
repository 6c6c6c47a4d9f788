// The fixture driver: every case under __testfixtures__/<transform>/ is checked for its exact
// output, its exact diagnostics, for a second run changing nothing, for parsing after the change,
// and in a CRLF variant.
//
// A case is <case>.input.py with <case>.diagnostics.txt (required: one
// `${line}:${column} ${code} ${message}` line per diagnostic, ending in ` [note]` for a hint, an
// empty file when the case reports nothing), and optionally <case>.output.py (absent: the input must stay as it is) and
// <case>.options.json (RunOptions; with "unsafe": true the diagnostics are those of that run).
//
// The kinds a transform declares it gives (`gives`: safe and unsafe fixes, detect for a diagnostic
// without a fix) are checked against what its cases give: each declared kind by some case, and no
// kind that is not declared by any.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "../src/engine/parser.js";
import type { Safety } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";
import { TRANSFORMS } from "../transforms/index.js";
import { output, ready, run, type RunOptions } from "./helpers.js";

const ROOT = path.resolve("__testfixtures__");

beforeAll(ready);

const diagnosticLine = (d: {
  line: number;
  column: number;
  code: string;
  message: string;
  severity?: string;
}) => `${d.line}:${d.column} ${d.code} ${d.message}${d.severity ? ` [${d.severity}]` : ""}`;

const folders = existsSync(ROOT) ? readdirSync(ROOT).filter((f) => !f.startsWith(".")) : [];
const SUFFIXES = [".input.py", ".output.py", ".options.json", ".diagnostics.txt"];

test("every fixture folder belongs to a registered transform", () => {
  const names = new Set(TRANSFORMS.map((t) => t.name));
  expect(folders.filter((f) => !names.has(f))).toEqual([]);
});

test("every fixture file belongs to a case (a misnamed file would be silently skipped)", () => {
  const strays: string[] = [];
  for (const folder of folders) {
    const files = readdirSync(path.join(ROOT, folder));
    for (const file of files) {
      const suffix = SUFFIXES.find((s) => file.endsWith(s));
      const name = suffix && file.slice(0, -suffix.length);
      if (!name || !files.includes(`${name}.input.py`)) strays.push(`${folder}/${file}`);
    }
  }
  expect(strays).toEqual([]);
});

for (const transform of TRANSFORMS) {
  const dir = path.join(ROOT, transform.name);
  const cases = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".input.py"))
        .map((f) => f.slice(0, -".input.py".length))
        .sort()
    : [];
  const read = (name: string, suffix: string): string | undefined => {
    const file = path.join(dir, `${name}${suffix}`);
    return existsSync(file) ? readFileSync(file, "utf8") : undefined;
  };
  const optionsOf = (name: string): RunOptions => JSON.parse(read(name, ".options.json") ?? "{}");

  // The transform as the cases run it, noting the kind of every diagnostic its check() gives on any
  // pass (a fix applied on the way shows up here, not among the diagnostics left at the end).
  let giving: Set<Safety> | undefined;
  const observed: Rule = {
    ...transform,
    check(ctx) {
      const found = transform.check(ctx);
      for (const d of found) giving?.add(d.fix?.safety ?? "detect");
      return found;
    },
  };
  /** The kinds each case gave on its first run, as its options say. */
  const given = new Map<string, Set<Safety>>();
  const runCase = (name: string, input: string, options: RunOptions) => {
    giving = new Set();
    try {
      const outcome = run(input, [observed], options);
      given.set(name, giving);
      return outcome;
    } finally {
      giving = undefined;
    }
  };

  describe(transform.name, () => {
    test("every case states its diagnostics (an empty .diagnostics.txt when it reports nothing)", () => {
      const missing = cases.filter((c) => !existsSync(path.join(dir, `${c}.diagnostics.txt`)));
      expect(missing).toEqual([]);
    });

    if (transform.gives.every((k) => k === "detect")) {
      // A rule that only reports: cases that report and cases that must stay silent.
      test("has cases that report and cases that must stay silent", () => {
        const expected = cases.map((c) => path.join(dir, `${c}.diagnostics.txt`));
        const reporting = expected.filter((f) => existsSync(f) && readFileSync(f, "utf8").trim());
        const silent = expected.filter((f) => existsSync(f) && !readFileSync(f, "utf8").trim());
        expect(reporting.length).toBeGreaterThan(0);
        expect(silent.length).toBeGreaterThan(0);
        expect(cases.filter((c) => existsSync(path.join(dir, `${c}.output.py`)))).toEqual([]);
      });
    } else {
      test("has cases that change code and cases that must not", () => {
        const changing = cases.filter((c) => existsSync(path.join(dir, `${c}.output.py`)));
        expect(changing.length).toBeGreaterThan(0);
        expect(cases.length - changing.length).toBeGreaterThan(0);
      });
    }

    for (const name of cases) {
      const input = read(name, ".input.py")!;
      const expected = read(name, ".output.py") ?? input;
      const options = optionsOf(name);
      const expectedDiagnostics = read(name, ".diagnostics.txt");

      test(`${name}: exact output and diagnostics, idempotent, parses`, () => {
        const first = runCase(name, input, options);
        const out = output(first);
        expect(out).toBe(expected);
        const lines = first.status === "ok" ? first.diagnostics.map(diagnosticLine) : [];
        if (expectedDiagnostics === undefined) {
          throw new Error(
            `${transform.name}/${name}.diagnostics.txt is missing; this run reports:\n` +
              (lines.length ? lines.join("\n") : "(nothing: make it an empty file)"),
          );
        }
        expect(lines.join("\n")).toBe(expectedDiagnostics.trimEnd());
        const tree = parse(out);
        expect(tree.rootNode.hasError).toBe(false);
        tree.delete();
        expect(output(run(out, [transform], options))).toBe(out);
      });

      if (!input.includes("\r")) {
        test(`${name}: CRLF line endings are kept`, () => {
          const crlf = (s: string): string => s.replace(/\n/g, "\r\n");
          expect(output(run(crlf(input), [transform], options))).toBe(crlf(expected));
        });
      }
    }

    test(`gives exactly the kinds it declares (${transform.gives.join(", ")})`, () => {
      // Cases whose own test did not run (a filtered run) are run here.
      for (const name of cases) {
        if (!given.has(name)) runCase(name, read(name, ".input.py")!, optionsOf(name));
      }
      const declared = new Set(transform.gives);
      const undeclared = [...given].flatMap(([name, kinds]) =>
        [...kinds].filter((k) => !declared.has(k)).map((k) => `${name} gives ${k}`),
      );
      const unexercised = [...declared].filter((k) => ![...given.values()].some((g) => g.has(k)));
      expect({ undeclared, unexercised }).toEqual({ undeclared: [], unexercised: [] });
    });
  });
}
