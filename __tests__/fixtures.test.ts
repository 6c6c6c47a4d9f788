// The fixture driver: every case under __testfixtures__/<transform>/ is checked for its exact
// output, its exact diagnostics, for a second run changing nothing, for parsing after the change,
// and in a CRLF variant.
//
// A case is <case>.input.py with <case>.diagnostics.txt (required: one
// `${line}:${column} ${code} ${message}` line per diagnostic, an empty file when the case reports
// nothing), and optionally <case>.output.py (absent: the input must stay as it is) and
// <case>.options.json (RunOptions; with "unsafe": true the diagnostics are those of that run).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "../src/engine/parser.js";
import { TRANSFORMS } from "../transforms/index.js";
import { output, ready, run, type RunOptions } from "./helpers.js";

const ROOT = path.resolve("__testfixtures__");

beforeAll(ready);

const diagnosticLine = (d: { line: number; column: number; code: string; message: string }) =>
  `${d.line}:${d.column} ${d.code} ${d.message}`;

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

  describe(transform.name, () => {
    test("every case states its diagnostics (an empty .diagnostics.txt when it reports nothing)", () => {
      const missing = cases.filter((c) => !existsSync(path.join(dir, `${c}.diagnostics.txt`)));
      expect(missing).toEqual([]);
    });

    if (transform.safety === "detect") {
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
      const read = (suffix: string): string | undefined => {
        const file = path.join(dir, `${name}${suffix}`);
        return existsSync(file) ? readFileSync(file, "utf8") : undefined;
      };
      const input = read(".input.py")!;
      const expected = read(".output.py") ?? input;
      const options: RunOptions = JSON.parse(read(".options.json") ?? "{}");
      const expectedDiagnostics = read(".diagnostics.txt");

      test(`${name}: exact output and diagnostics, idempotent, parses`, () => {
        const first = run(input, [transform], options);
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
  });
}
