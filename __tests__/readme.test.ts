// The README's transform table is generated from the registry; this fails when it is stale.
import { readFileSync } from "node:fs";
import { withTable } from "../src/docs/transform-table.js";

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
