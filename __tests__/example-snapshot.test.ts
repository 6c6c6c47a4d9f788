// What the built CLI prints for examples/legacy-app, compared with committed plain-text snapshots
// in __tests__/snapshots/, so that any change to a fix or a diagnostic on the example shows up as a
// reviewable diff of those files.
//
// Each run works on a temporary copy of the example (cwd = the copy, path `.`), so the paths in
// the output do not depend on where the copy is. Only stdout is compared: the unified diffs and
// the diagnostic lines (the counts on stderr follow from them).
//
// To refresh the snapshots after an intended change (builds first, as `npm test` does):
//
//   npm run build && UPDATE_SNAPSHOTS=1 NODE_OPTIONS=--experimental-vm-modules npx jest example-snapshot
//
// (or `UPDATE_SNAPSHOTS=1 npm test`), then review and commit the changes to __tests__/snapshots/.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cli, project } from "./cli-support.js";

const EXAMPLE = path.resolve("examples/legacy-app");
const SNAPSHOTS = path.resolve("__tests__/snapshots");
const UPDATE = process.env.UPDATE_SNAPSHOTS === "1";

/** A fresh temporary copy of the example. */
function copy(): string {
  const root = project();
  cpSync(EXAMPLE, root, { recursive: true });
  return root;
}

function compare(name: string, actual: string): void {
  const file = path.join(SNAPSHOTS, name);
  if (UPDATE) {
    mkdirSync(SNAPSHOTS, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(
      `${path.relative(".", file)} is missing: run with UPDATE_SNAPSHOTS=1 to write it`,
    );
  }
  // toBe on the whole text: jest shows a line diff of what changed.
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe.each([
  ["safe (default) run", "legacy-app.safe.txt", ["--dry-run", "."]],
  ["--unsafe-fixes run", "legacy-app.unsafe.txt", ["--dry-run", "--unsafe-fixes", "."]],
])("examples/legacy-app, %s", (_label, snapshot, args) => {
  test(`stdout matches __tests__/snapshots/${snapshot}`, () => {
    const root = copy();
    const r = cli(root, ...args);
    // 1: files would change (the example is legacy code through and through).
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^\d+ files would change, \d+ unchanged, 0 skipped, 0 failed$/m);
    expect(r.stdout).not.toContain(root);
    compare(snapshot, r.stdout);
  });
});
