// The hooks of .pre-commit-hooks.yaml under the real pre-commit (from PyPI), as a user meets them:
// a scratch git repository whose config points at this checkout, `pre-commit install`, then
// `git commit`. The check-only hook blocks the commit and writes nothing; the fixing hook blocks
// it and fixes the file; once the fix is staged, the commit goes through both hooks.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { must, ROOT, step, venv, WORK } from "./e2e-support.js";

const REQUIREMENTS = path.join(ROOT, "scripts", "pre-commit-requirements.txt");

const LEGACY = [
  "import time",
  "",
  "from fastapi import FastAPI",
  "",
  "app = FastAPI()",
  "",
  "",
  '@app.get("/slow")',
  "async def slow():",
  "    time.sleep(1)",
  '    return {"ok": True}',
  "",
].join("\n");

/** `git` in `cwd`, its output returned; a failure throws with what git said. */
function git(cwd: string, ...args: string[]): string {
  const result = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
  return result.stdout.trim();
}

/** `git commit` in the scratch repository: its exit code and what the hooks printed. */
function commit(cwd: string, env: NodeJS.ProcessEnv, skip?: string): { code: number; out: string } {
  const result = spawnSync("git", ["commit", "-q", "-m", "change"], {
    cwd,
    encoding: "utf8",
    env: { ...env, ...(skip ? { SKIP: skip } : {}) },
  });
  return { code: result.status ?? 1, out: `${result.stdout}${result.stderr}` };
}

function expectThat(ok: boolean, what: string, out: string): void {
  if (!ok) throw new Error(`pre-commit: ${what}\n${out}`);
}

export function preCommitHooks(): void {
  step("pre-commit: the check hook blocks a commit, the fixing hook fixes, the next commit passes");
  // The hooks pre-commit installs are those of this checkout's HEAD commit.
  const rev = git(ROOT, "rev-parse", "HEAD");
  if (git(ROOT, "status", "--porcelain", "--untracked-files=no"))
    process.stdout.write(`uncommitted changes are not part of the hooks tested (HEAD ${rev})\n`);
  const python = venv("venv-pre-commit", REQUIREMENTS);
  const bin = path.dirname(python);
  const repo = path.join(WORK, "pre-commit-repo");
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`,
    // pre-commit's clones and hook environments stay with the other scratch files.
    PRE_COMMIT_HOME: path.join(WORK, "pre-commit-home"),
    GIT_AUTHOR_NAME: "e2e",
    GIT_AUTHOR_EMAIL: "e2e@example.invalid",
    GIT_COMMITTER_NAME: "e2e",
    GIT_COMMITTER_EMAIL: "e2e@example.invalid",
  };
  git(repo, "init", "-q");
  writeFileSync(
    path.join(repo, ".pre-commit-config.yaml"),
    [
      "repos:",
      `  - repo: ${ROOT}`,
      `    rev: ${rev}`,
      "    hooks:",
      "      - id: fastapi-fix",
      "      - id: fastapi-fix-check",
      "",
    ].join("\n"),
  );
  const app = path.join(repo, "app.py");
  writeFileSync(app, LEGACY);
  must(path.join(bin, "pre-commit"), ["install"], { cwd: repo, env });
  git(repo, "add", "-A");

  const checked = commit(repo, env, "fastapi-fix");
  expectThat(
    checked.code !== 0,
    "the check hook let a commit with a pending fix through",
    checked.out,
  );
  expectThat(readFileSync(app, "utf8") === LEGACY, "the check hook changed the file", checked.out);

  const fixed = commit(repo, env);
  expectThat(
    fixed.code !== 0,
    "the fixing hook let a commit with a pending fix through",
    fixed.out,
  );
  const after = readFileSync(app, "utf8");
  expectThat(
    after.includes("await asyncio.sleep(1)") && !after.includes("time.sleep"),
    "the fixing hook did not fix the file",
    `${fixed.out}\n${after}`,
  );

  git(repo, "add", "-A");
  const passed = commit(repo, env);
  expectThat(passed.code === 0, "the commit of the fixed file did not pass the hooks", passed.out);
  process.stdout.write(passed.out);
  process.stdout.write(
    "the check hook blocked the commit, the fixing hook fixed it, it then passed\n",
  );
}
