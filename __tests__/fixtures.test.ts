// The fixture driver: every case under __testfixtures__/<transform>/ is checked for its exact
// output, for a second run changing nothing, for parsing after the change, and in a CRLF variant.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "../src/engine/parser.js";
import { TRANSFORMS } from "../transforms/index.js";
import { output, ready, run, type RunOptions } from "./helpers.js";

const ROOT = path.resolve("__testfixtures__");

beforeAll(ready);

const folders = existsSync(ROOT) ? readdirSync(ROOT).filter((f) => !f.startsWith(".")) : [];

test("every fixture folder belongs to a registered transform", () => {
  const names = new Set(TRANSFORMS.map((t) => t.name));
  expect(folders.filter((f) => !names.has(f))).toEqual([]);
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

      test(`${name}: exact output, idempotent, parses`, () => {
        const first = run(input, [transform], options);
        const out = output(first);
        expect(out).toBe(expected);
        const tree = parse(out);
        expect(tree.rootNode.hasError).toBe(false);
        tree.delete();
        expect(output(run(out, [transform], options))).toBe(out);
        if (expectedDiagnostics !== undefined && first.status === "ok") {
          const lines = first.diagnostics.map(
            (d) => `${d.line}:${d.column} ${d.code} ${d.message}`,
          );
          expect(lines.join("\n")).toBe(expectedDiagnostics.trimEnd());
        }
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
