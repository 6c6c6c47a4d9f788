// The published package ships the CLI and what it runs, nothing else: no dist/scripts (bench,
// corpus, e2e, docs), no tests, no sources. Checked on what `npm pack` would put in the tarball
// (package.json "files"), built by `npm test` before jest runs. No network is needed;
// --ignore-scripts keeps npm from running "prepare" (a rebuild under the other tests' feet).
import { spawnSync } from "node:child_process";

interface PackEntry {
  path: string;
}

function packedFiles(): string[] {
  const r = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    encoding: "utf8",
    shell: process.platform === "win32",
  });
  if (r.status !== 0) throw new Error(`npm pack failed (${r.status}): ${r.stderr}`);
  const [pack] = JSON.parse(r.stdout) as Array<{ files: PackEntry[] }>;
  return pack!.files.map((f) => f.path).sort();
}

test("npm pack lists only the CLI's runtime, README, LICENSE and package.json", () => {
  const files = packedFiles();
  const allowed = (f: string): boolean =>
    /^(README(\.md)?|LICENSE(\.md|\.txt)?|package\.json)$/.test(f) || f.startsWith("dist/bin/");
  expect(files.filter((f) => !allowed(f))).toEqual([]);
  expect(files).toContain("dist/bin/cli.js");
  expect(files).toContain("dist/bin/worker.js");
  expect(files).toContain("package.json");
  expect(files.filter((f) => /\.test\.|__tests__|__testfixtures__/.test(f))).toEqual([]);
});
