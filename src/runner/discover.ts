// Finding the Python files to work on: folders are walked honouring .gitignore files (the
// `ignore` package implements git's matching rules) and skipping tool and environment folders.
import {
  existsSync,
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

export interface Discovery {
  files: FileTask[];
  /** Paths the user named that do not exist. */
  missing: string[];
}

/** Files to process, deduplicated by real path, in a stable order. */
export function discover(inputs: string[], options: DiscoverOptions): Discovery {
  const excluded = buildExcludes(options.exclude);
  const seen = new Set<string>();
  const files: FileTask[] = [];
  const missing: string[] = [];
  const add = (file: string, root: string): void => {
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      real = path.resolve(file);
    }
    if (seen.has(real)) return;
    seen.add(real);
    const display = toDisplay(file, options.cwd);
    if (excluded(display)) return;
    const { moduleName, isPackage } = moduleNameFor(path.resolve(file), root);
    files.push({ path: path.resolve(file), display, moduleName, isPackage });
  };
  for (const input of inputs) {
    const abs = path.resolve(options.cwd, input);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      missing.push(input);
      continue;
    }
    if (stat.isDirectory()) {
      // A folder named on the command line is wanted even if an outer .gitignore ignores it.
      let layers = ancestorIgnores(abs);
      if (ignoredBy(layers, abs, true)) layers = [];
      walk(abs, abs, layers, options.cwd, excluded, add);
    } else {
      add(abs, path.dirname(abs));
    }
  }
  files.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files, missing };
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

function walk(
  dir: string,
  root: string,
  parentLayers: IgnoreLayer[],
  cwd: string,
  excluded: (display: string) => boolean,
  add: (file: string, root: string) => void,
): void {
  const own = loadIgnore(dir);
  const layers = own ? [...parentLayers, own] : parentLayers;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const abs = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = statSync(abs);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch {
        continue; // a broken link
      }
      if (isDir) continue; // never follow links to folders: they can loop or leave the tree
    }
    if (isDir) {
      if (SKIPPED_DIRS.has(entry.name) || entry.name.endsWith(".egg-info")) continue;
      if (existsSync(path.join(abs, "pyvenv.cfg"))) continue; // a virtualenv of any name
      if (ignoredBy(layers, abs, true) || excluded(toDisplay(abs, cwd))) continue;
      walk(abs, root, layers, cwd, excluded, add);
    } else if (isFile && entry.name.endsWith(".py")) {
      if (ignoredBy(layers, abs, false)) continue;
      add(abs, root);
    }
  }
}
