// The result cache: used while no file of the run changes, never stale across files, ignored when
// damaged, absent with --no-cache.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cli, project, put, read } from "./cli-support.js";

const BASE = "from pydantic import BaseModel\n\n\nclass Base(BaseModel):\n    pass\n";
const PLAIN = "class Base:\n    pass\n";
const CHILD =
  "from models import Base\n\n\nclass X(Base):\n    class Config:\n        orm_mode = True\n";

function cacheFile(root: string): string {
  const dir = path.join(root, ".fastapi_fix_cache");
  const json = readdirSync(dir).filter((f) => f.endsWith(".json"));
  expect(json).toHaveLength(1);
  return path.join(dir, json[0]!);
}

test("a second dry run over an unchanged tree answers from the cache", () => {
  const root = project({ "models.py": BASE, "app.py": CHILD });
  const first = cli(root, "--dry-run", ".");
  expect(first.stdout).toContain("+++ b/app.py");
  expect(read(root, ".fastapi_fix_cache/.gitignore")).toBe("*\n");
  // What the cache holds is what the next run prints: a marker put there shows it was used.
  const file = cacheFile(root);
  writeFileSync(file, readFileSync(file, "utf8").replace("+++ b/app.py", "+++ b/app.py (cached)"));
  const second = cli(root, "--dry-run", ".");
  expect(second.stdout).toContain("+++ b/app.py (cached)");
  expect(second.code).toBe(first.code);
});

test("editing another file's base model re-runs the files that depend on it", () => {
  const root = project({ "models.py": BASE, "app.py": CHILD });
  expect(cli(root, "--dry-run", ".").stdout).toContain("+++ b/app.py");
  put(root, "models.py", PLAIN);
  const r = cli(root, "--dry-run", ".");
  expect(r.stdout).not.toContain("app.py");
});

test("a damaged cache file is ignored and replaced", () => {
  const root = project({ "models.py": BASE, "app.py": CHILD });
  const first = cli(root, "--dry-run", ".");
  const file = cacheFile(root);
  for (const damage of [
    "{not json",
    '{"fingerprint": 1}',
    JSON.stringify({ fingerprint: "x", reports: [1] }),
  ]) {
    writeFileSync(file, damage);
    const r = cli(root, "--dry-run", ".");
    expect(r.stdout).toBe(first.stdout);
  }
  const stored = JSON.parse(readFileSync(file, "utf8"));
  expect(stored.reports.length).toBe(2);
});

test("a write run that changed files leaves no cache; the run after it, which changes nothing, does", () => {
  const root = project({ "models.py": BASE, "app.py": CHILD });
  expect(cli(root, ".").code).toBe(1);
  const dir = path.join(root, ".fastapi_fix_cache");
  expect(existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")) : []).toEqual([]);
  const second = cli(root, ".");
  expect(second.stderr).toContain("0 files changed");
  expect(cacheFile(root)).toBeTruthy();
  expect(cli(root, ".").stderr).toContain("0 files changed");
});

test("--no-cache neither reads nor writes the cache", () => {
  const root = project({ "models.py": BASE, "app.py": CHILD });
  cli(root, "--dry-run", "--no-cache", ".");
  expect(existsSync(path.join(root, ".fastapi_fix_cache"))).toBe(false);
});
