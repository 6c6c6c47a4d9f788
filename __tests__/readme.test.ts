// The README agrees with the code: its transform table with the registry, its option table with --help.
import { readFileSync } from "node:fs";
import { withTable } from "../src/docs/transform-table.js";
import { cli } from "./cli-support.js";

test("README transform table matches the registry (run `npm run docs`)", () => {
  const readme = readFileSync("README.md", "utf8");
  expect(readme).toBe(withTable(readme));
});

test("README starts with the commands that install, run the example and test", () => {
  const readme = readFileSync("README.md", "utf8");
  const firstBlock = /```(?:sh|bash)?\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  expect(firstBlock).toContain("npm ci && npx fastapi-fix --dry-run examples/legacy-app");
  expect(firstBlock).toContain("npm test");
});

// Every option `--help` lists has a row in the README's option table, with the same choices, and
// the table names no option the command line does not take.
test("README option table and --help agree", () => {
  const help = cli(".", "--help").stdout;
  const helpOptions = new Map<string, string[]>();
  let last: string[] = [];
  for (const line of help.split("\n")) {
    // An option's line starts with its names: `  -t, --select, --transform  run only ...`.
    const head = /^\s+((?:-\w, )?--[\w-]+(?:, --[\w-]+)*)/.exec(line);
    if (head) {
      const names = [...head[1]!.matchAll(/--[\w-]+/g)].map((m) => m[0]);
      for (const name of names) helpOptions.set(name, []);
      last = names;
    }
    const choices = /\[choices: ([^\]]+)\]/.exec(line);
    if (choices)
      for (const name of last)
        helpOptions.set(
          name,
          [...choices[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!),
        );
  }
  helpOptions.delete("--help");
  helpOptions.delete("--version");
  const readme = readFileSync("README.md", "utf8");
  const table = readme.slice(readme.indexOf("| option | meaning |"));
  const rows = table.slice(0, table.indexOf("\n\n")).split("\n").slice(2);
  const readmeOptions = new Map<string, string>();
  for (const row of rows) {
    const first = row.split(/(?<!\\)\|/)[1]!;
    for (const m of first.matchAll(/--(?:no-)?([\w-]+)/g)) readmeOptions.set(`--${m[1]}`, first);
  }
  expect([...readmeOptions.keys()].sort()).toEqual([...helpOptions.keys()].sort());
  for (const [option, choices] of helpOptions)
    for (const choice of choices) expect(readmeOptions.get(option)).toContain(choice);
});
