// `npm run test:e2e`: proves the migration on the real stacks. The example app's tests pass on
// the legacy stack as written; fastapi-fix rewrites a copy; the same tests pass on the modern
// stack with deprecation warnings as errors. Virtualenvs live in .e2e/ (git-ignored) and are
// reused while their requirements file is unchanged; pip's own cache speeds up a fresh one.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const EXAMPLE = path.join(ROOT, "examples", "legacy-app");
const WORK = path.join(ROOT, ".e2e");
const CLI = path.join(ROOT, "dist", "src", "cli.js");
const PYTHON = process.env.PYTHON ?? "python3";

function step(title: string): void {
  process.stdout.write(`\n== ${title}\n`);
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}): number {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  return result.status ?? 1;
}

function must(command: string, args: string[], options: SpawnSyncOptions = {}): void {
  const code = run(command, args, options);
  if (code !== 0)
    throw new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code}`);
}

/** A virtualenv with the requirements installed; rebuilt when the requirements change. */
function venv(name: string, requirements: string): string {
  const dir = path.join(WORK, name);
  const python = path.join(dir, "bin", "python");
  const wanted = createHash("sha256").update(readFileSync(requirements)).digest("hex");
  const stamp = path.join(dir, ".requirements.sha256");
  if (existsSync(python) && existsSync(stamp) && readFileSync(stamp, "utf8") === wanted)
    return python;
  rmSync(dir, { recursive: true, force: true });
  must(PYTHON, ["-m", "venv", dir]);
  must(python, ["-m", "pip", "install", "--disable-pip-version-check", "-q", "-r", requirements]);
  writeFileSync(stamp, wanted);
  return python;
}

function copyExample(name: string): string {
  const dir = path.join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(EXAMPLE, dir, {
    recursive: true,
    filter: (src) => !/(__pycache__|\.pytest_cache|\.db$)/.test(src),
  });
  return dir;
}

function pytest(python: string, cwd: string, strict: boolean): void {
  const warnings = strict ? ["-W", "error::DeprecationWarning"] : [];
  must(python, [...warnings, "-m", "pytest", "-q", ...warnings], { cwd });
}

function main(): void {
  if (!existsSync(CLI)) throw new Error("run `npm run build` first");
  mkdirSync(WORK, { recursive: true });

  step("legacy stack: the example's tests pass as written");
  const legacy = venv("venv-legacy", path.join(EXAMPLE, "requirements-legacy.txt"));
  pytest(legacy, copyExample("legacy"), false);

  step("fastapi-fix --unsafe-fixes on a copy");
  const migrated = copyExample("migrated");
  const code = run(process.execPath, [CLI, "--unsafe-fixes", migrated]);
  if (code === 2) throw new Error("fastapi-fix failed on the example");
  const again = spawnSync(process.execPath, [CLI, "--unsafe-fixes", "--dry-run", migrated], {
    encoding: "utf8",
  });
  if (again.stdout.includes("+++ b/"))
    throw new Error(`a second run would change files:\n${again.stdout}`);

  step("modern stack: the same tests pass on the migrated copy, deprecation warnings as errors");
  const modern = venv("venv-modern", path.join(EXAMPLE, "requirements-modern.txt"));
  pytest(modern, migrated, true);
}

try {
  main();
} catch (err) {
  process.stderr.write(`e2e: ${(err as Error).message}\n`);
  process.exit(1);
}
