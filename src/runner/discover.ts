// Finding the Python files to work on: folders are walked honouring .gitignore files (the
// `ignore` package implements git's matching rules) and skipping tool and environment folders.
import {
  existsSync,
  lstatSync,
  readFileSync,
  readdirSync,
  realpathSync,
  statSync,
  type Dirent,
} from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import picomatch from "picomatch";
import { moduleNameFor } from "../project/modules.js";
import { describeError } from "./errors.js";
import type { FileTask } from "./types.js";

/** Folders never worth walking into. */
const SKIPPED_DIRS = new Set([
  ".git",
  ".hg",
  ".svn",
  "node_modules",
  "__pycache__",
  "site-packages",
  ".venv",
  "venv",
  ".tox",
  ".nox",
  ".mypy_cache",
  ".pytest_cache",
  ".ruff_cache",
  ".eggs",
  "build",
  "dist",
]);

export class UsageError extends Error {}

export interface DiscoverOptions {
  cwd: string;
  exclude: string[];
}

interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

/** Something found that is not processed and that the user should hear about. */
export interface DiscoveryProblem {
  display: string;
  message: string;
  /** An error makes the run exit with 2; a warning is only printed. */
  error: boolean;
}

export interface Discovery {
  files: FileTask[];
  /** Paths the user named that do not exist. */
  missing: string[];
  /** Links leading out of the given paths, broken links, loops, non-regular files, unreadable folders. */
  problems: DiscoveryProblem[];
}

/** What lstat/stat errors mean for a path that is, or leads through, a symbolic link. */
function linkProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ELOOP") return "symbolic link loop (ELOOP); skipped";
  if (code === "ENOENT" || code === "ENOTDIR") return "broken symbolic link; skipped";
  return `cannot follow symbolic link (${code ?? (err as Error).message}); skipped`;
}

/**
 * Files to process, deduplicated by real path, in a stable order. A task's `path` is the file's
 * real path, so a write replaces the file a link points to and never the link. Folders are walked
 * without following links to folders; a link to a file is left to the walk that reaches the file
 * itself, and reported when the file lies outside every path given (it is never written through).
 */
export function discover(inputs: string[], options: DiscoverOptions): Discovery {
  const excluded = buildExcludes(options.exclude);
  const seen = new Set<string>();
  const files: FileTask[] = [];
  const missing: string[] = [];
  const problems: DiscoveryProblem[] = [];
  /** Real paths of the folders (with a trailing separator) and files the user named. */
  const rootDirs: string[] = [];
  const rootFiles = new Set<string>();
  const inside = (real: string): boolean =>
    rootFiles.has(real) || rootDirs.some((d) => real.startsWith(d));
  const add = (file: string, real: string, root: string): void => {
    if (seen.has(real)) return;
    seen.add(real);
    const display = toDisplay(file, options.cwd);
    if (excluded(display)) return;
    const { moduleName, isPackage } = moduleNameFor(path.resolve(file), root);
    files.push({ path: real, display, moduleName, isPackage });
  };
  const named: Array<{ abs: string; real: string; isDir: boolean }> = [];
  for (const input of inputs) {
    const abs = path.resolve(options.cwd, input);
    const problem = (message: string): void => {
      problems.push({ display: toDisplay(abs, options.cwd), message, error: true });
    };
    let isLink: boolean;
    try {
      isLink = lstatSync(abs).isSymbolicLink();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") missing.push(input);
      else problem(`cannot read: ${describeError(err)}; skipped`);
      continue;
    }
    let stat;
    let real: string;
    try {
      stat = statSync(abs);
      real = realpathSync(abs);
    } catch (err) {
      problem(isLink ? linkProblem(err) : `cannot read: ${describeError(err)}; skipped`);
      continue;
    }
    if (stat.isDirectory()) {
      rootDirs.push(real.endsWith(path.sep) ? real : real + path.sep);
      named.push({ abs, real, isDir: true });
    } else if (stat.isFile()) {
      rootFiles.add(real);
      named.push({ abs, real, isDir: false });
    } else {
      problem("not a regular file (a FIFO, socket or device); skipped");
    }
  }
  // Every root is known before any walk, so that a link into another named folder is recognised.
  for (const { abs, real, isDir } of named) {
    if (isDir) {
      // A folder named on the command line is wanted even if an outer .gitignore ignores it.
      let layers = ancestorIgnores(abs);
      if (ignoredBy(layers, abs, true)) layers = [];
      const context: WalkContext = { root: abs, cwd: options.cwd, excluded, add, inside, problems };
      walk(abs, real, layers, context);
    } else {
      add(abs, real, path.dirname(abs));
    }
  }
  files.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files, missing, problems };
}

function toDisplay(file: string, cwd: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  const shown = rel.startsWith("..") || path.isAbsolute(rel) ? path.resolve(file) : rel;
  return shown.split(path.sep).join("/");
}

function buildExcludes(globs: string[]): (display: string) => boolean {
  if (!globs.length) return () => false;
  const matchers = globs.map((g) => picomatch(g, { dot: true, basename: !g.includes("/") }));
  return (display) => {
    // A pattern excludes a path when it matches the path or any of its parent folders.
    const parts = display.split("/");
    for (let i = parts.length; i > 0; i--) {
      const candidate = parts.slice(0, i).join("/");
      if (matchers.some((m) => m(candidate))) return true;
    }
    return false;
  };
}

/** .gitignore files between the repository root (if any) and `dir`, outermost first. */
function ancestorIgnores(dir: string): IgnoreLayer[] {
  const chain: string[] = [];
  let current = path.dirname(dir);
  while (true) {
    chain.unshift(current);
    if (existsSync(path.join(current, ".git"))) break;
    const up = path.dirname(current);
    if (up === current) return []; // not inside a repository: no outer ignore files apply
    current = up;
  }
  return chain.flatMap((d) => loadIgnore(d) ?? []);
}

function loadIgnore(dir: string): IgnoreLayer | undefined {
  const file = path.join(dir, ".gitignore");
  let content: string;
  try {
    content = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  return { base: dir, rules: ignore().add(content) };
}

function ignoredBy(layers: IgnoreLayer[], abs: string, isDir: boolean): boolean {
  for (const layer of layers) {
    const rel = path.relative(layer.base, abs).split(path.sep).join("/");
    if (!rel || rel.startsWith("..")) continue;
    if (layer.rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

interface WalkContext {
  root: string;
  cwd: string;
  excluded: (display: string) => boolean;
  add: (file: string, real: string, root: string) => void;
  inside: (real: string) => boolean;
  problems: DiscoveryProblem[];
}

/** Walks `dir`, whose real path is `realDir` (links to folders are never followed below it). */
function walk(dir: string, realDir: string, parentLayers: IgnoreLayer[], ctx: WalkContext): void {
  const own = loadIgnore(dir);
  const layers = own ? [...parentLayers, own] : parentLayers;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    const message = `cannot read folder: ${describeError(err)}; skipped`;
    ctx.problems.push({ display: toDisplay(dir, ctx.cwd), message, error: true });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const abs = path.join(dir, entry.name);
    const isPython = entry.name.endsWith(".py");
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || entry.name.endsWith(".egg-info")) continue;
      if (existsSync(path.join(abs, "pyvenv.cfg"))) continue; // a virtualenv of any name
      if (ignoredBy(layers, abs, true) || ctx.excluded(toDisplay(abs, ctx.cwd))) continue;
      walk(abs, path.join(realDir, entry.name), layers, ctx);
      continue;
    }
    if (!isPython) continue;
    if (ignoredBy(layers, abs, false) || ctx.excluded(toDisplay(abs, ctx.cwd))) continue;
    const display = toDisplay(abs, ctx.cwd);
    if (entry.isFile()) {
      ctx.add(abs, path.join(realDir, entry.name), ctx.root);
    } else if (entry.isSymbolicLink()) {
      let real: string;
      let target;
      try {
        real = realpathSync(abs);
        target = statSync(real);
      } catch (err) {
        ctx.problems.push({ display, message: linkProblem(err), error: false });
        continue;
      }
      // Links to folders are never followed: they can loop or leave the tree.
      if (target.isDirectory()) continue;
      if (!ctx.inside(real)) {
        const message = `symbolic link to ${real}, outside the paths given; not followed`;
        ctx.problems.push({ display, message, error: false });
      } else if (!target.isFile()) {
        ctx.problems.push({
          display,
          message: "link to a non-regular file; skipped",
          error: false,
        });
      }
      // A link to a file inside the given paths: that file is processed where it lives.
    } else {
      const message = "not a regular file (a FIFO, socket or device); skipped";
      ctx.problems.push({ display, message, error: false });
    }
  }
}
