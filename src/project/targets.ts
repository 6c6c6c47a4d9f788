// The project's targets: which pydantic, pydantic-settings, fastapi, starlette, sqlalchemy and
// Python versions a project declares, read from its manifests and lock files. Transforms use them
// to leave code alone that is already on the new version ("pydantic >= 2 is declared") instead of
// guessing from the code. Files are only read: setup.py is scanned as text, never run, and a file
// that does not parse becomes a problem in the result, never an exception.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse as parseToml } from "smol-toml";

export type TargetPackage =
  "pydantic" | "pydantic-settings" | "fastapi" | "starlette" | "sqlalchemy" | "python";

/** A declaration: the spec as written (`^1.10.4`, `>=1.8,<2`, "" for none), the locked version. */
export interface Declared {
  spec: string;
  /** Path relative to the project root, `/`-separated; a lock file for a package only locked. */
  file: string;
  locked?: string;
}

export interface ProjectTargets {
  root?: string;
  packages: Partial<Record<TargetPackage, Declared>>;
  /** Files that could not be read or parsed, as `file: message`. */
  problems: string[];
}

/** Bounds of the versions a declaration allows; a missing bound is open. */
export interface VersionRange {
  /** Lowest allowed version (for `>X`, X itself: every allowed version is above it). */
  min?: string;
  /** Exclusive upper bound (`<2`, `^1.10` -> 2.0). */
  below?: string;
  /** Inclusive upper bound, for exact pins, lock files and `<=`. */
  max?: string;
}

const PACKAGES: readonly TargetPackage[] = [
  "pydantic",
  "pydantic-settings",
  "fastapi",
  "starlette",
  "sqlalchemy",
];

/** PEP 503: `SQLAlchemy`, `pydantic_settings` and `Pydantic.Settings` name the same packages. */
const normalize = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, "-");

const packageOf = (name: string): TargetPackage | undefined =>
  PACKAGES.find((p) => p === normalize(name));

// Files and folders whose presence makes a folder a project root.
const ROOT_FILES = new Set([
  "pyproject.toml",
  "setup.cfg",
  "setup.py",
  "poetry.lock",
  "uv.lock",
  "Pipfile.lock",
]);
const REQUIREMENTS_FILE = /^requirements.*\.txt$/;
const LOCK_FILES = ["poetry.lock", "uv.lock", "Pipfile.lock"];
const OVERRIDE_FILE = "(override)";

const isFile = (p: string): boolean => statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
const isDir = (p: string): boolean =>
  statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;

const listDir = (dir: string): string[] => {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
};

/** The nearest folder at or above `start` (a folder or a file) that holds a manifest or lock. */
export function findProjectRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  if (isFile(dir)) dir = path.dirname(dir);
  for (;;) {
    const names = listDir(dir);
    if (
      names.some((n) => ROOT_FILES.has(n) || REQUIREMENTS_FILE.test(n)) ||
      isDir(path.join(dir, "requirements"))
    )
      return dir;
    // A repository's top folder is as far as its project can reach.
    if (names.includes(".git")) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Targets of a file outside any project: nothing declared. */
export const noTargets = (): ProjectTargets => ({ packages: {}, problems: [] });

/** Reads the targets of the project at `start`'s nearest root; nothing when there is none. */
export function targetsAt(start: string): ProjectTargets {
  const root = findProjectRoot(start);
  return root ? readTargets(root) : noTargets();
}

// ---- versions -------------------------------------------------------------------------------

/** The numeric release segments of a PEP 440 version; pre/post/dev/local parts are dropped. */
function release(version: string): number[] | undefined {
  const m = /^v?(?:\d+!)?(\d+(?:\.\d+)*)/i.exec(version.trim());
  return m ? m[1].split(".").map(Number) : undefined;
}

/** Numeric comparison by release segments (1.10 > 1.9, 2 == 2.0.0). */
export function compareVersions(a: string, b: string): number {
  const x = release(a) ?? [];
  const y = release(b) ?? [];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Segment `i` plus one, later segments zero, same length: bump([1, 10, 4], 0) = "2.0.0". */
const bump = (parts: number[], i: number): string =>
  parts.map((n, j) => (j < i ? n : j === i ? n + 1 : 0)).join(".");

interface Upper {
  v: string;
  inclusive: boolean;
}
interface Range {
  min?: string;
  upper?: Upper;
}

const higher = (a?: string, b?: string): string | undefined =>
  a === undefined ? b : b === undefined ? a : compareVersions(a, b) >= 0 ? a : b;
const lower = (a?: string, b?: string): string | undefined =>
  a === undefined || b === undefined ? undefined : compareVersions(a, b) <= 0 ? a : b;

function tighter(a?: Upper, b?: Upper): Upper | undefined {
  if (!a || !b) return a ?? b;
  const c = compareVersions(a.v, b.v);
  return c < 0 || (c === 0 && !a.inclusive) ? a : b;
}

function looser(a?: Upper, b?: Upper): Upper | undefined {
  if (!a || !b) return undefined;
  const c = compareVersions(a.v, b.v);
  return c > 0 || (c === 0 && a.inclusive) ? a : b;
}

/** One clause (`^1.10.4`, `~=1.4.2`, `==1.10.*`, `<2`); undefined when it makes no sense. */
function clauseRange(op: string, version: string): Range | undefined {
  if (version === "*") return op === "" || op === "==" || op === "=" ? {} : undefined;
  if (version.endsWith(".*")) {
    const parts = release(version.slice(0, -2));
    if (!parts || version.slice(0, -2).includes("*")) return undefined;
    if (op === "!=") return {};
    if (op !== "" && op !== "==" && op !== "=") return undefined;
    return {
      min: parts.join("."),
      upper: { v: bump(parts, parts.length - 1), inclusive: false },
    };
  }
  const parts = release(version);
  if (!parts || version.includes("*")) return undefined;
  switch (op) {
    case "":
    case "=":
    case "==":
    case "===":
      return { min: version, upper: { v: version, inclusive: true } };
    case "!=":
      return {};
    case ">=":
    case ">":
      return { min: version };
    case "<":
      return { upper: { v: version, inclusive: false } };
    case "<=":
      return { upper: { v: version, inclusive: true } };
    case "^": {
      // Poetry: the leftmost non-zero segment may not change (^0.109.0 -> <0.110.0).
      const i = parts.findIndex((n) => n !== 0);
      return {
        min: version,
        upper: { v: bump(parts, i < 0 ? parts.length - 1 : i), inclusive: false },
      };
    }
    case "~":
      // Poetry: ~1 -> <2, ~1.4 and ~1.4.2 -> <1.5.
      return {
        min: version,
        upper: { v: bump(parts, parts.length === 1 ? 0 : 1), inclusive: false },
      };
    case "~=":
      // PEP 440: the last segment may grow (~=1.4.2 -> <1.5, ~=2.2 -> <3).
      if (parts.length < 2) return undefined;
      return {
        min: version,
        upper: { v: bump(parts.slice(0, -1), parts.length - 2), inclusive: false },
      };
    default:
      return undefined;
  }
}

const CLAUSE = /\s*(===|==|!=|~=|<=|>=|<|>|\^|~|=)?\s*(\*|[0-9][0-9A-Za-z.*+!_-]*)\s*,?\s*/y;

/**
 * The range of a PEP 440 or Poetry spec: clauses separated by commas or spaces all apply,
 * Poetry's `||` alternatives widen it. Undefined when the spec cannot be read.
 */
function specRange(spec: string): Range | undefined {
  let union: Range | undefined;
  for (const alternative of spec.split(/\|\|?/)) {
    const text = alternative.trim();
    let range: Range = {};
    // Every match consumes a version, so the loop ends.
    CLAUSE.lastIndex = 0;
    while (CLAUSE.lastIndex < text.length) {
      const m = CLAUSE.exec(text);
      const clause = m ? clauseRange(m[1] ?? "", m[2]) : undefined;
      if (!clause) return undefined;
      range = { min: higher(range.min, clause.min), upper: tighter(range.upper, clause.upper) };
    }
    union = union
      ? { min: lower(union.min, range.min), upper: looser(union.upper, range.upper) }
      : range;
  }
  return union;
}

/** Whether the spec allows `v` or some later version; undefined when it cannot be read. */
export function specReaches(spec: string, v: string): boolean | undefined {
  const r = specRange(spec);
  if (!r) return undefined;
  if (!r.upper) return true;
  const c = compareVersions(r.upper.v, v);
  return c > 0 || (c === 0 && r.upper.inclusive);
}

/** The versions the declaration allows: the lock's version when present, else the spec's range. */
export function allowedRange(d: Declared): VersionRange {
  if (d.locked !== undefined && release(d.locked)) return { min: d.locked, max: d.locked };
  const r = specRange(d.spec);
  if (!r) return {};
  const out: VersionRange = {};
  if (r.min !== undefined) out.min = r.min;
  if (r.upper) out[r.upper.inclusive ? "max" : "below"] = r.upper.v;
  return out;
}

/**
 * "yes" when every allowed version is >= `v`, "no" when every allowed version is below `v`,
 * "unknown" otherwise or when the package is not declared. Throws when `v` is not a version.
 */
export function declaresAtLeast(
  t: ProjectTargets,
  pkg: TargetPackage,
  v: string,
): "yes" | "no" | "unknown" {
  if (!release(v)) throw new Error(`not a version: ${JSON.stringify(v)}`);
  const d = t.packages[pkg];
  if (!d) return "unknown";
  const r = allowedRange(d);
  if (r.min !== undefined && compareVersions(r.min, v) >= 0) return "yes";
  if (r.below !== undefined && compareVersions(r.below, v) <= 0) return "no";
  if (r.max !== undefined && compareVersions(r.max, v) < 0) return "no";
  return "unknown";
}

// ---- overrides --------------------------------------------------------------------------------

/** Reads `pydantic=2.6` (or `pydantic==2.6`); throws an Error with a one-line message otherwise. */
export function parseTargetOverride(text: string): [TargetPackage, string] {
  const m = /^\s*([A-Za-z0-9._-]+)\s*==?\s*(\S+)\s*$/.exec(text);
  if (!m)
    throw new Error(
      `bad target ${JSON.stringify(text)}: expected PACKAGE=VERSION, e.g. pydantic=2.6`,
    );
  const pkg = normalize(m[1]) === "python" ? "python" : packageOf(m[1]);
  const known = [...PACKAGES, "python"].join(", ");
  if (!pkg)
    throw new Error(`unknown target package ${JSON.stringify(m[1])}: expected one of ${known}`);
  if (!/^\d+(\.\d+)*$/.test(m[2]))
    throw new Error(`bad version ${JSON.stringify(m[2])} for ${pkg}: expected e.g. ${pkg}=2.6`);
  return [pkg, m[2]];
}

/** The targets with each override as an exact version (`==2.6`) that replaces the project's. */
export function withOverrides(
  t: ProjectTargets,
  overrides: ReadonlyArray<[TargetPackage, string]>,
): ProjectTargets {
  const packages = { ...t.packages };
  for (const [pkg, version] of overrides)
    packages[pkg] = { spec: `==${version}`, file: OVERRIDE_FILE };
  return { ...t, packages };
}

// ---- reading the files --------------------------------------------------------------------------

type Table = Record<string, unknown>;

const table = (v: unknown): Table | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Table) : undefined;

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

/** Collects declarations in the order the files are read: the first that constrains wins. */
class Collector {
  readonly packages: Partial<Record<TargetPackage, Declared>> = {};
  readonly problems: string[] = [];

  constructor(readonly root: string) {}

  rel(file: string): string {
    return path.relative(this.root, file).split(path.sep).join("/");
  }

  problem(file: string, message: string): void {
    this.problems.push(`${this.rel(file)}: ${message}`);
  }

  read(file: string): string | undefined {
    try {
      // A named pipe or device (`-r /dev/stdin`) would block or never end.
      const stat = statSync(file, { throwIfNoEntry: false });
      if (!stat?.isFile()) throw new Error(stat ? "not a file" : "not found");
      return readFileSync(file, "utf8").replace(/^\uFEFF/, "");
    } catch (err) {
      this.problem(file, `cannot read: ${(err as Error).message.split("\n")[0]}`);
      return undefined;
    }
  }

  toml(file: string): Table | undefined {
    const text = this.read(file);
    if (text === undefined) return undefined;
    try {
      return parseToml(text);
    } catch (err) {
      const e = err as Error & { line?: number; column?: number };
      const where = e.line ? `${e.line}:${e.column ?? 0}: ` : "";
      this.problem(file, where + e.message.split("\n")[0].replace(/^Invalid TOML document: /, ""));
      return undefined;
    }
  }

  /** An unconstrained declaration (`pydantic`, `*`) gives way to a later one that constrains. */
  declare(pkg: TargetPackage, spec: string, file: string): void {
    const had = this.packages[pkg];
    const open = (s: string): boolean => s === "" || s === "*";
    if (had && (!open(had.spec) || open(spec.trim()))) return;
    this.packages[pkg] = { spec: spec.trim(), file: this.rel(file) };
  }

  /** A PEP 508 requirement: extras and environment markers are dropped, URLs ignored. */
  requirement(text: string, file: string): void {
    const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)/.exec(text);
    if (!m) return;
    const pkg = packageOf(m[1]);
    let spec = m[2].replace(/\s#.*$/, "").trim();
    if (!pkg || spec.startsWith("@")) return;
    if (spec.startsWith("(") && spec.endsWith(")")) spec = spec.slice(1, -1);
    this.declare(pkg, spec, file);
  }

  python(spec: unknown, file: string): void {
    if (typeof spec === "string") this.declare("python", spec, file);
  }
}

/** Poetry's `name = "^1.2"`, `{ version = "^1.2", optional = true }` or a list of those. */
function poetryDependencies(c: Collector, deps: Table | undefined, file: string): void {
  for (const [name, value] of Object.entries(deps ?? {})) {
    const versions = (Array.isArray(value) ? value : [value])
      .map((v) => (typeof v === "string" ? v : table(v)?.version))
      .filter((v): v is string => typeof v === "string");
    // A git, path or url dependency has no version to go by.
    if (versions.length === 0) continue;
    const spec = versions.join(" || ");
    if (normalize(name) === "python") c.python(spec, file);
    else {
      const pkg = packageOf(name);
      if (pkg) c.declare(pkg, spec, file);
    }
  }
}

function readPyproject(c: Collector, file: string): void {
  const doc = c.toml(file);
  if (!doc) return;
  const project = table(doc.project);
  const poetry = table(table(doc.tool)?.poetry);
  // Runtime dependencies first, then extras and groups, so that a dev group's pin of an older
  // version does not speak for the application.
  c.python(project?.["requires-python"], file);
  for (const r of strings(project?.dependencies)) c.requirement(r, file);
  poetryDependencies(c, table(poetry?.dependencies), file);
  for (const list of Object.values(table(project?.["optional-dependencies"]) ?? {}))
    for (const r of strings(list)) c.requirement(r, file);
  poetryDependencies(c, table(poetry?.["dev-dependencies"]), file);
  for (const group of Object.values(table(poetry?.group) ?? {}))
    poetryDependencies(c, table(table(group)?.dependencies), file);
  for (const list of Object.values(table(doc["dependency-groups"]) ?? {}))
    for (const r of strings(list)) c.requirement(r, file);
}

/** A pip requirements file, following `-r` includes relative to the including file. */
function readRequirements(c: Collector, file: string, seen: Set<string>): void {
  if (seen.has(file)) return;
  seen.add(file);
  const text = c.read(file);
  if (text === undefined) return;
  for (const raw of text.replace(/\\\r?\n/g, " ").split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line) continue;
    const include = /^(?:-r|--requirement)(?:\s*=\s*|\s*)(\S+)/.exec(line);
    if (include) readRequirements(c, path.resolve(path.dirname(file), include[1]), seen);
    // Other options (-e, -c, --index-url), URLs and local paths name no version.
    else if (!/^-|^[a-z][a-z0-9+.-]*:\/\/|^[./~]/i.test(line))
      c.requirement(line.replace(/\s--?[a-z].*$/i, ""), file);
  }
}

/** The sections of an INI file as configparser reads it: indented lines continue a value. */
function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let section: Map<string, string> | undefined;
  let key: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || /^\s*[#;]/.test(raw)) continue;
    const head = /^\[([^\]]+)\]/.exec(raw);
    const entry = /^([^\s=:][^=:]*?)\s*[=:]\s*(.*)$/.exec(raw);
    if (/^\s/.test(raw) && section && key) section.set(key, `${section.get(key)}\n${raw.trim()}`);
    else if (head) {
      section = new Map();
      sections.set(head[1].trim(), section);
      key = undefined;
    } else if (entry && section) {
      key = entry[1].toLowerCase();
      section.set(key, entry[2].trim());
    }
  }
  return sections;
}

function readSetupCfg(c: Collector, file: string): void {
  const text = c.read(file);
  if (text === undefined) return;
  const ini = parseIni(text);
  const options = ini.get("options");
  const list = (value: string | undefined): string[] =>
    value === undefined ? [] : value.includes("\n") ? value.split("\n") : value.split(";");
  c.python(options?.get("python_requires"), file);
  for (const r of list(options?.get("install_requires"))) c.requirement(r, file);
  for (const value of ini.get("options.extras_require")?.values() ?? [])
    for (const r of list(value)) c.requirement(r, file);
}

/** The string literals of the list or tuple that opens at `start`, comments skipped. */
function literalsOfList(text: string, start: number): string[] {
  const out: string[] = [];
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === "#") i = text.indexOf("\n", i) < 0 ? text.length : text.indexOf("\n", i);
    else if ("[({".includes(ch)) depth++;
    else if ("])}".includes(ch)) {
      if (--depth === 0) break;
    } else if (ch === '"' || ch === "'") {
      const quote = text.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
      let j = i + quote.length;
      while (j < text.length && !text.startsWith(quote, j)) j += text[j] === "\\" ? 2 : 1;
      out.push(text.slice(i + quote.length, j));
      i = j + quote.length - 1;
    }
  }
  return out;
}

function readSetupPy(c: Collector, file: string): void {
  const text = c.read(file);
  if (text === undefined) return;
  const python = /\bpython_requires\s*=\s*(["'])(.*?)\1/.exec(text);
  if (python) c.python(python[2], file);
  const list = /\binstall_requires\s*=\s*[[(]/.exec(text);
  if (list) {
    const start = list.index + list[0].length - 1;
    for (const r of literalsOfList(text, start)) c.requirement(r, file);
  }
}

/** name -> version from one lock file; a name locked at several versions is left out. */
function readLock(c: Collector, file: string): Map<string, string> {
  const versions = new Map<string, Set<string>>();
  const add = (name: unknown, version: unknown): void => {
    if (typeof name !== "string" || typeof version !== "string") return;
    const set = versions.get(normalize(name)) ?? new Set();
    versions.set(normalize(name), set.add(version.replace(/^===?/, "")));
  };
  if (path.basename(file) === "Pipfile.lock") {
    const text = c.read(file);
    if (text === undefined) return new Map();
    try {
      const doc = table(JSON.parse(text));
      for (const section of [doc?.default, doc?.develop])
        for (const [name, entry] of Object.entries(table(section) ?? {}))
          add(name, table(entry)?.version);
    } catch (err) {
      c.problem(file, (err as Error).message.split("\n")[0]);
    }
  } else {
    const doc = c.toml(file);
    for (const entry of Array.isArray(doc?.package) ? doc.package : [])
      add(table(entry)?.name, table(entry)?.version);
  }
  const out = new Map<string, string>();
  for (const [name, set] of versions) if (set.size === 1) out.set(name, [...set][0]);
  return out;
}

/** Everything `root` declares for the target packages, from its manifests and lock files. */
export function readTargets(root: string): ProjectTargets {
  const dir = path.resolve(root);
  const c = new Collector(dir);
  const names = listDir(dir);
  const here = (name: string): string | undefined =>
    names.includes(name) ? path.join(dir, name) : undefined;

  const pyproject = here("pyproject.toml");
  if (pyproject) readPyproject(c, pyproject);
  const setupCfg = here("setup.cfg");
  if (setupCfg) readSetupCfg(c, setupCfg);
  const setupPy = here("setup.py");
  if (setupPy) readSetupPy(c, setupPy);

  // requirements.txt first; in requirements/, compiled .txt pins before their .in sources.
  const seen = new Set<string>();
  const top = names.filter((n) => REQUIREMENTS_FILE.test(n));
  top.sort((a, b) => Number(b === "requirements.txt") - Number(a === "requirements.txt"));
  const folder = path.join(dir, "requirements");
  const nested = isDir(folder) ? listDir(folder) : [];
  for (const file of [
    ...top.map((n) => path.join(dir, n)),
    ...nested.filter((n) => n.endsWith(".txt")).map((n) => path.join(folder, n)),
    ...nested.filter((n) => n.endsWith(".in")).map((n) => path.join(folder, n)),
  ])
    readRequirements(c, file, seen);

  const locks = LOCK_FILES.flatMap((n) => {
    const file = here(n);
    return file ? [{ file, versions: readLock(c, file) }] : [];
  });
  for (const pkg of PACKAGES) {
    const lock = locks.find((l) => l.versions.has(pkg));
    if (!lock) continue;
    const locked = lock.versions.get(pkg);
    c.packages[pkg] = { ...(c.packages[pkg] ?? { spec: "", file: c.rel(lock.file) }), locked };
  }
  return { root: dir, packages: c.packages, problems: c.problems };
}
