// Helpers for the tests that run the built command line (`node dist/bin/cli.js`, built by
// `npm test` before jest runs) on temporary folders.
import { spawn, spawnSync, type ChildProcess, type SpawnSyncOptions } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";

export const CLI = path.resolve("dist/bin/cli.js");

export interface Result {
  code: number | null;
  signal?: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment without anything that forces or forbids colour, or turns on debugging. */
export function plainEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ["NO_COLOR", "FORCE_COLOR", "FASTAPI_FIX_DEBUG"]) delete env[key];
  return env;
}

/** Fails on anything that looks like a stack trace or a JavaScript error: a crash. */
export function expectNoCrash(result: Result): void {
  expect(result.stderr).not.toMatch(/^\s+at .*(:\d+:\d+\)?|\(native\)|<anonymous>)$/m);
  expect(result.stderr).not.toMatch(/\b(TypeError|ReferenceError|RangeError|SyntaxError):/);
  expect(result.stdout).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
}

export interface CliOptions {
  /** Options for node itself, before the CLI (e.g. `--import` a preload module). */
  nodeArgs?: string[];
  /** Run as this user and group (tests running as root use it to meet permissions). */
  uid?: number;
  gid?: number;
  /** Added to the environment. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs the CLI in `cwd` with options; every run must be free of stack traces. No time limit: a
 * loaded machine may take its time, and no verdict depends on how long a run takes.
 */
export function cliWith(cwd: string, options: CliOptions, ...args: string[]): Result {
  const spawnOptions: SpawnSyncOptions = {
    cwd,
    encoding: "utf8",
    env: { ...plainEnv(), ...options.env },
  };
  if (options.uid !== undefined) spawnOptions.uid = options.uid;
  if (options.gid !== undefined) spawnOptions.gid = options.gid;
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], spawnOptions);
  const result = {
    code: r.status,
    signal: r.signal,
    stdout: String(r.stdout),
    stderr: String(r.stderr),
  };
  expectNoCrash(result);
  return result;
}

/** Runs the CLI in `cwd`; every run must be free of stack traces. */
export function cli(cwd: string, ...args: string[]): Result {
  return cliWith(cwd, {}, ...args);
}

/** Starts the CLI without waiting for it, collecting its output. */
export function startCli(
  cwd: string,
  ...args: string[]
): { child: ChildProcess; done: Promise<Result> } {
  return startCliWith(cwd, {}, ...args);
}

/** startCli with node options (a preload) and extra environment. */
export function startCliWith(
  cwd: string,
  options: Pick<CliOptions, "nodeArgs" | "env">,
  ...args: string[]
): { child: ChildProcess; done: Promise<Result> } {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
    cwd,
    env: { ...plainEnv(), ...options.env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const done = new Promise<Result>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

const roots: string[] = [];

/** A fresh temporary folder holding `files` (path -> content). */
export function project(files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "fastapi-fix-cli-"));
  roots.push(root);
  for (const [rel, content] of Object.entries(files)) put(root, rel, content);
  return root;
}

export function put(root: string, rel: string, content: string | Buffer): void {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

export const read = (root: string, rel: string): string =>
  readFileSync(path.join(root, rel), "utf8");
export const bytes = (root: string, rel: string): Buffer => readFileSync(path.join(root, rel));

/** Sets a file's mtime well into the past, so that any write would show. */
export function age(root: string, rel: string): number {
  const file = path.join(root, rel);
  const past = new Date("2001-02-03T04:05:06Z");
  utimesSync(file, past, past);
  return statSync(file).mtimeMs;
}

export const mtime = (root: string, rel: string): number => statSync(path.join(root, rel)).mtimeMs;

/** Every file under `root`, relative, sorted, with its bytes (a link: its target, not followed). */
export function snapshot(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      const rel = path.relative(root, abs).split(path.sep).join("/");
      // The result cache is the tool's own folder, not part of the tree under test.
      if (entry.isDirectory() && entry.name === ".fastapi_fix_cache") continue;
      if (entry.isDirectory()) walk(abs);
      else if (entry.isSymbolicLink()) out.set(rel, Buffer.from(`-> ${readlinkSync(abs)}`));
      else if (entry.isFile()) out.set(rel, readFileSync(abs));
    }
  };
  walk(root);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** A Pydantic v1 model with a `class Config` (orm_mode). */
export const CONFIG = [
  "from pydantic import BaseModel",
  "",
  "",
  "class User(BaseModel):",
  "    id: int",
  "",
  "    class Config:",
  "        orm_mode = True",
  "",
].join("\n");

export const SLEEPY = "import time\n\n\nasync def handler():\n    time.sleep(1)\n    return 1\n";
export const SLEEPY_FIXED =
  "import asyncio\n\n\nasync def handler():\n    await asyncio.sleep(1)\n    return 1\n";
