// Helpers of the end-to-end checks (`npm run test:e2e`): steps, commands, virtualenvs in .e2e/.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Virtualenvs and scratch copies (git-ignored). */
export const WORK = path.join(ROOT, ".e2e");
const PYTHON = process.env.PYTHON ?? "python3";

export function step(title: string): void {
  process.stdout.write(`\n== ${title}\n`);
}

export function run(command: string, args: string[], options: SpawnSyncOptions = {}): number {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  return result.status ?? 1;
}

export function must(command: string, args: string[], options: SpawnSyncOptions = {}): void {
  const code = run(command, args, options);
  if (code !== 0)
    throw new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code}`);
}

/** A virtualenv with the requirements installed; rebuilt when the requirements change. */
export function venv(name: string, requirements: string): string {
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
