// Batch mode: several repositories in one command, each its own project.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { cli, project, put, read } from "./cli-support.js";

const CONFIG = "    class Config:\n        orm_mode = True\n";

function repos(): string {
  const root = project({
    // repo-a: Base is a Pydantic model.
    "repo-a/pyproject.toml": '[project]\nname = "a"\n',
    "repo-a/models.py": "from pydantic import BaseModel\n\n\nclass Base(BaseModel):\n    pass\n",
    "repo-a/app.py": `from models import Base\n\n\nclass X(Base):\n${CONFIG}`,
    // repo-b: a class of the same module and name that is not a model.
    "repo-b/pyproject.toml": '[project]\nname = "b"\n',
    "repo-b/models.py": "class Base:\n    pass\n",
    "repo-b/app.py": `from models import Base\n\n\nclass X(Base):\n${CONFIG}`,
  });
  mkdirSync(path.join(root, "repo-a", ".git"));
  mkdirSync(path.join(root, "repo-b", ".git"));
  return root;
}

test("each repository is its own project: its own index, a summary each and a total", () => {
  const root = repos();
  const r = cli(root, "repo-a", "repo-b");
  // repo-a's Base is reported by FF110: diagnostics remain.
  expect(r.code).toBe(1);
  expect(read(root, "repo-a/app.py")).toContain("model_config = ConfigDict(from_attributes=True)");
  // Base of repo-b is a plain class: its X is no model, whatever repo-a's Base is.
  expect(read(root, "repo-b/app.py")).toContain(CONFIG);
  expect(r.stderr).toContain("== repo-a\n2 files changed, 0 unchanged");
  expect(r.stderr).toContain("== repo-b\n0 files changed, 2 unchanged");
  expect(r.stderr).toContain("== total over 2 repositories\n2 files changed, 2 unchanged");
});

test("a repository whose configuration is wrong is reported, and the others go on", () => {
  const root = repos();
  put(root, "repo-a/fastapi-fix.toml", "selekt = []\n");
  const r = cli(root, "repo-a", "repo-b");
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^fastapi-fix: repo-a: .*fastapi-fix\.toml: selekt: unknown key/m);
  expect(r.stderr).toContain("== repo-b\n0 files changed, 2 unchanged");
  expect(read(root, "repo-a/app.py")).toContain(CONFIG);
});

test("paths that are not each a repository of their own run as one project", () => {
  const root = repos();
  const r = cli(root, "repo-a/app.py", "repo-b");
  expect(r.stderr).not.toContain("== ");
});

test("--report writes a Markdown section per repository: changes, fixes, what is left by rule", () => {
  const root = repos();
  put(root, "repo-b/fastapi-fix.toml", "selekt = []\n");
  const r = cli(root, "--dry-run", "--report", "report.md", "repo-a", "repo-b");
  expect(r.code).toBe(2);
  const report = read(root, "report.md");
  expect(report).toContain("# fastapi-fix migration report\n\n## repo-a\n\n2 files would change");
  expect(report).toContain("| pydantic-model-config | 1 |");
  expect(report).toContain("#### FF110 pydantic-v1-behaviour (1)");
  expect(report).toContain("  - `repo-a/models.py:4`");
  expect(report).toMatch(/## repo-b\n\nNot processed: .*selekt: unknown key/);
});
