// Configuration files: `[tool.fastapi-fix]` in pyproject.toml, or a whole `fastapi-fix.toml`, the
// nearest one up from each file (as ruff finds its own), read once per folder. Every key is
// checked: an unknown key, a value of the wrong kind or a selector that names no rule is an error
// that names the file and the key.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse as parseToml } from "smol-toml";
import { parseTargetOverride, type TargetPackage } from "../project/targets.js";
import { UsageError } from "./discover.js";
import { selectTransforms } from "./select.js";

export const STATUS_NAMES = ["auto", "compatible", "current"] as const;

/** What one configuration file says, checked. */
export interface FileConfig {
  /** The file, absolute. */
  file: string;
  /** The folder its globs are relative to. */
  dir: string;
  select?: string[];
  extendSelect?: string[];
  ignore?: string[];
  exclude?: string[];
  /** Glob (relative to `dir`) -> selectors left out for the files it matches. */
  perFileIgnores?: Array<[string, string[]]>;
  unsafeFixes?: boolean;
  statusNames?: (typeof STATUS_NAMES)[number];
  /** Versions to assume instead of what the project declares (`sqlalchemy = "2.0"`). */
  targetVersions?: Array<[TargetPackage, string]>;
}

export class ConfigError extends UsageError {}

const KEYS = new Set([
  "select",
  "extend-select",
  "ignore",
  "exclude",
  "extend-exclude",
  "per-file-ignores",
  "unsafe-fixes",
  "status-names",
  "target-versions",
]);

const isFile = (p: string): boolean => statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Reads and checks one configuration file; `pyproject` files without the table give undefined. */
export function readConfig(file: string): FileConfig | undefined {
  const shown = file;
  let doc: Table;
  try {
    doc = parseToml(readFileSync(file, "utf8")) as Table;
  } catch (err) {
    const first = (err as Error).message.split("\n")[0];
    throw new ConfigError(`${shown}: not valid TOML: ${first}`);
  }
  // A pyproject.toml (or any file given with --config) holds a [tool.fastapi-fix] table; a
  // fastapi-fix.toml is the table itself.
  const tool = isTable(doc.tool) ? doc.tool["fastapi-fix"] : undefined;
  const nested = tool !== undefined || path.basename(file) === "pyproject.toml";
  const table: unknown = nested ? tool : doc;
  if (table === undefined) return undefined;
  const where = nested ? "[tool.fastapi-fix]" : "";
  const fail = (key: string, message: string): never => {
    throw new ConfigError(`${shown}: ${where ? `${where} ` : ""}${key}: ${message}`);
  };
  if (!isTable(table)) return fail("tool.fastapi-fix", "expected a table");
  const config: FileConfig = { file, dir: path.dirname(file) };
  const strings = (key: string): string[] => {
    const value = table[key];
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
      return fail(key, "expected a list of strings");
    return value as string[];
  };
  const selectors = (key: string): string[] => {
    const list = strings(key);
    try {
      selectTransforms({ select: list });
    } catch (err) {
      fail(key, (err as Error).message.replace(/^--select: /, ""));
    }
    return list;
  };
  for (const key of Object.keys(table)) {
    if (!KEYS.has(key)) fail(key, `unknown key; known keys: ${[...KEYS].join(", ")}`);
  }
  if ("select" in table) config.select = selectors("select");
  if ("extend-select" in table) config.extendSelect = selectors("extend-select");
  if ("ignore" in table) config.ignore = selectors("ignore");
  if ("exclude" in table || "extend-exclude" in table)
    config.exclude = [
      ...("exclude" in table ? strings("exclude") : []),
      ...("extend-exclude" in table ? strings("extend-exclude") : []),
    ];
  if ("per-file-ignores" in table) {
    const value = table["per-file-ignores"];
    if (!isTable(value)) fail("per-file-ignores", "expected a table of glob = [rules]");
    config.perFileIgnores = Object.entries(value as Table).map(([glob, list]) => {
      if (!Array.isArray(list) || list.some((v) => typeof v !== "string"))
        fail(`per-file-ignores."${glob}"`, "expected a list of strings");
      try {
        selectTransforms({ select: list as string[] });
      } catch (err) {
        fail(`per-file-ignores."${glob}"`, (err as Error).message.replace(/^--select: /, ""));
      }
      return [glob, list as string[]];
    });
  }
  if ("unsafe-fixes" in table) {
    if (typeof table["unsafe-fixes"] !== "boolean") fail("unsafe-fixes", "expected true or false");
    config.unsafeFixes = table["unsafe-fixes"] as boolean;
  }
  if ("status-names" in table) {
    const value = table["status-names"];
    if (!STATUS_NAMES.includes(value as (typeof STATUS_NAMES)[number]))
      fail("status-names", `expected one of ${STATUS_NAMES.join(", ")}`);
    config.statusNames = value as FileConfig["statusNames"];
  }
  if ("target-versions" in table) {
    const value = table["target-versions"];
    if (!isTable(value)) fail("target-versions", 'expected a table such as { sqlalchemy = "2.0" }');
    config.targetVersions = Object.entries(value as Table).map(([pkg, version]) => {
      try {
        return parseTargetOverride(`${pkg}=${String(version)}`);
      } catch (err) {
        return fail(`target-versions.${pkg}`, (err as Error).message);
      }
    });
  }
  return config;
}

/**
 * Finds the configuration that applies to files in `dir`: the nearest `fastapi-fix.toml`, or
 * `pyproject.toml` with a `[tool.fastapi-fix]` table, at or above it. Memoized per folder.
 */
export class ConfigFinder {
  private readonly byDir = new Map<string, FileConfig | undefined>();

  find(dir: string): FileConfig | undefined {
    const start = path.resolve(dir);
    if (this.byDir.has(start)) return this.byDir.get(start);
    let found: FileConfig | undefined;
    const own = path.join(start, "fastapi-fix.toml");
    const pyproject = path.join(start, "pyproject.toml");
    if (isFile(own)) found = readConfig(own);
    else if (isFile(pyproject)) found = readConfig(pyproject);
    if (!found) {
      const parent = path.dirname(start);
      found = parent === start ? undefined : this.find(parent);
    }
    this.byDir.set(start, found);
    return found;
  }
}
