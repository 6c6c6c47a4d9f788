// The project's declarations follow the code: when the fixes write code that needs Pydantic 2,
// pydantic-settings or SQLAlchemy 2.0, the requirements files and pyproject.toml at the project's
// root are edited in the same run (a diff in a dry run), keeping each file's own style: an exact
// pin stays an exact pin, a range stays a range, comments and order stay. Lock files are never
// edited: a warning names the command that regenerates them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseToml } from "smol-toml";
import {
  PACKAGE_VERSIONS,
  type NeededPackage,
  type PackageNeed,
} from "../project/package-needs.js";
import { compareVersions, specReaches } from "../project/targets.js";
import { unifiedDiff } from "./file.js";
import type { FileReport, FileTask } from "./types.js";
import { writeAtomic } from "./write.js";

/** PEP 503: `SQLAlchemy`, `pydantic_settings` and `Pydantic.Settings` name the same packages. */
const normalize = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, "-");

/** Packages added beside pydantic's declaration when the code starts to need them. */
const COMPANIONS: ReadonlySet<NeededPackage> = new Set([
  "pydantic-settings",
  "pydantic-extra-types",
  "typing-extensions",
]);

const LOCKS: ReadonlyArray<[string, string]> = [
  ["poetry.lock", "poetry lock"],
  ["uv.lock", "uv lock"],
  ["Pipfile.lock", "pipenv lock"],
];

/**
 * The spec a declaration takes so that it allows `min` (the package's lowest useful version by
 * default), in the style it was written in; undefined when it allows it already.
 */
export function raisedSpec(
  spec: string,
  pkg: NeededPackage,
  min = PACKAGE_VERSIONS[pkg].min,
): string | undefined {
  const { pin } = PACKAGE_VERSIONS[pkg];
  const trimmed = spec.trim();
  if (specReaches(trimmed, min) !== false) return undefined;
  const major = Number(min.split(".")[0]);
  const next = pkg === "fastapi" ? "1" : String(major + 1);
  const wildcard = /^={1,3}\s*[\d.]+\.\*$/.exec(trimmed);
  if (wildcard) return `==${pin.split(".").slice(0, 2).join(".")}.*`;
  if (/^={1,3}\s*[\d]/.test(trimmed) && !trimmed.includes(",")) return `==${pin}`;
  if (trimmed.startsWith("~=")) return `~=${min}`;
  // A caret or tilde on 0.x holds the minor series (^0.100 is <0.101): the tested release's
  // series then, rather than the oldest one that would do.
  const series = min.startsWith("0.") ? pin.split(".").slice(0, 2).join(".") : min;
  if (trimmed.startsWith("^")) return `^${series}`;
  if (/^~\s*\d/.test(trimmed)) return `~${series}`;
  return `>=${min},<${next}`;
}

/**
 * The spec of a package added beside pydantic's declaration: a range even in a file of exact
 * pins, since the resolver must pick a release that fits the file's other pins (a recent
 * pydantic-settings wants a newer python-dotenv than a pinned one); a caret in Poetry.
 */
function companionSpec(pydanticSpec: string, pkg: NeededPackage): string {
  const { min } = PACKAGE_VERSIONS[pkg];
  if (pydanticSpec.trim().startsWith("^")) return `^${min}`;
  return `>=${min},<${Number(min.split(".")[0]) + 1}`;
}

interface Edited {
  text: string;
  changed: string[];
}

/** A requirement in PEP 508 form: name, extras, version spec, markers. */
const REQUIREMENT = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\s*\[[^\]]*\])?(\s*)([^;]*?)(\s*;.*)?$/;

/** Raises the requirement `text` (a requirements line or a PEP 621 string) where it must. */
function raiseRequirement(
  text: string,
  needs: ReadonlyMap<string, PackageNeed>,
): string | undefined {
  const m = REQUIREMENT.exec(text);
  if (!m) return undefined;
  const need = needs.get(normalize(m[1]!));
  if (!need || m[4]!.startsWith("@")) return undefined;
  const raised = raisedSpec(m[4]!, need.pkg, need.min);
  if (!raised) return undefined;
  return `${m[1]}${m[2] ?? ""}${m[3]}${raised}${m[5] ?? ""}`;
}

/** requirements*.txt / requirements/*.in: one requirement a line, comments and options kept. */
export function editRequirements(text: string, needs: ReadonlyMap<string, PackageNeed>): Edited {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/);
  const changed: string[] = [];
  const declared = new Set<string>();
  let pydanticLine = -1;
  let pydanticSpec = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const body = /^(\s*)([^#\s-][^#]*?)(\s+#.*)?$/.exec(line);
    if (!body) continue;
    const m = REQUIREMENT.exec(body[2]!);
    if (!m) continue;
    const name = normalize(m[1]!);
    declared.add(name);
    const raised = raiseRequirement(body[2]!, needs);
    if (name === "pydantic") {
      pydanticLine = i;
      pydanticSpec = raised ? (REQUIREMENT.exec(raised)?.[4] ?? "") : m[4]!;
    }
    if (raised === undefined) continue;
    lines[i] = `${body[1]}${raised}${body[3] ?? ""}`;
    changed.push(m[1]!);
  }
  // Companions go right after pydantic's own line, in its style.
  if (pydanticLine >= 0) {
    const indent = /^\s*/.exec(lines[pydanticLine]!)![0];
    const added = [...needs.values()]
      .filter((n) => COMPANIONS.has(n.pkg) && !declared.has(n.pkg))
      .map((n) => `${indent}${n.pkg}${companionSpec(pydanticSpec, n.pkg)}`);
    if (added.length) {
      lines.splice(pydanticLine + 1, 0, ...added);
      changed.push(...added.map((a) => a.trim()));
    }
  }
  return { text: lines.join(eol), changed };
}

/** pyproject.toml: PEP 621 dependency arrays and Poetry's dependency tables. */
export function editPyproject(text: string, needs: ReadonlyMap<string, PackageNeed>): Edited {
  const changed: string[] = [];
  let out = "";
  let section = "";
  const lines = text.split(/(?<=\n)/);
  const declared = new Set<string>();
  let pydanticAfter:
    { offset: number; indent: string; quote: string; spec: string; poetry: boolean } | undefined;
  for (const line of lines) {
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/.exec(line.trimEnd());
    if (header) section = header[1]!;
    let next = line;
    const poetry =
      /^tool\.poetry\.(?:dev-)?dependencies$|^tool\.poetry\.group\.[^.]+\.dependencies$/.test(
        section,
      );
    if (poetry) {
      // `pydantic = "^1.10"` or `pydantic = { version = "^1.10", extras = ["email"] }`.
      const m = /^(\s*)([A-Za-z0-9][A-Za-z0-9._-]*|"[^"]+")(\s*=\s*)(.*)$/.exec(
        line.replace(/\r?\n$/, ""),
      );
      if (m) {
        const name = normalize(m[2]!.replace(/"/g, ""));
        declared.add(name);
        const value = m[4]!;
        const plain = /^(["'])([^"']*)\1(.*)$/.exec(value);
        const inline = /^(\{.*?\bversion\s*=\s*)(["'])([^"']*)\2(.*)$/.exec(value);
        const need = needs.get(name);
        const spec = plain?.[2] ?? inline?.[3];
        const raised =
          need && spec !== undefined ? raisedSpec(spec, need.pkg, need.min) : undefined;
        if (raised) {
          const value2 = plain
            ? `${plain[1]}${raised}${plain[1]}${plain[3]}`
            : `${inline![1]}${inline![2]}${raised}${inline![2]}${inline![4]}`;
          next = `${m[1]}${m[2]}${m[3]}${value2}${line.match(/\r?\n$/)?.[0] ?? ""}`;
          changed.push(m[2]!);
        }
        if (name === "pydantic")
          pydanticAfter = {
            offset: out.length + next.length,
            indent: m[1]!,
            quote: plain?.[1] ?? inline?.[2] ?? '"',
            spec: raised ?? spec ?? "",
            poetry: true,
          };
      }
    } else if (
      section === "project" ||
      section === "project.optional-dependencies" ||
      section === "dependency-groups"
    ) {
      // Requirement strings in arrays: "pydantic>=1.10,<2".
      next = line.replace(/(["'])([A-Za-z0-9][^"']*)\1/g, (whole, quote: string, req: string) => {
        const m = REQUIREMENT.exec(req);
        if (!m) return whole;
        const name = normalize(m[1]!);
        if (!/[=<>~!^]|^[A-Za-z0-9._-]+(\[[^\]]*\])?$/.test(req)) return whole;
        declared.add(name);
        const raised = raiseRequirement(req, needs);
        if (raised !== undefined) changed.push(m[1]!);
        return raised !== undefined ? `${quote}${raised}${quote}` : whole;
      });
      const pyd = /^(\s*)(["'])pydantic(\[[^\]]*\])?\s*([^"';]*)/.exec(next);
      if (pyd && /,\s*(#.*)?\r?\n?$/.test(next))
        pydanticAfter = {
          offset: out.length + next.length,
          indent: pyd[1]!,
          quote: pyd[2]!,
          spec: pyd[4]!,
          poetry: false,
        };
    }
    out += next;
  }
  if (pydanticAfter) {
    const eol = text.includes("\r\n") ? "\r\n" : "\n";
    const p = pydanticAfter;
    const added = [...needs.values()]
      .filter((n) => COMPANIONS.has(n.pkg) && !declared.has(n.pkg))
      .map(({ pkg }) => {
        const spec = companionSpec(p.spec, pkg);
        changed.push(pkg);
        return p.poetry
          ? `${p.indent}${pkg} = ${p.quote}${spec}${p.quote}${eol}`
          : `${p.indent}${p.quote}${pkg}${spec}${p.quote},${eol}`;
      })
      .join("");
    out = out.slice(0, p.offset) + added + out.slice(p.offset);
  }
  return { text: out, changed };
}

/**
 * setup.cfg: the requirements under `[options] install_requires` and `[options.extras_require]`,
 * one an indented line (or `;`-separated on the key's line).
 */
export function editSetupCfg(text: string, needs: ReadonlyMap<string, PackageNeed>): Edited {
  const changed: string[] = [];
  let section = "";
  let inList = false;
  const lines = text.split(/(?<=\n)/).map((line) => {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) {
      section = header[1]!.trim();
      inList = false;
      return line;
    }
    const key = /^(\S[^=:]*?)\s*[=:]\s*(.*?)(\r?\n)?$/.exec(line);
    const listed =
      (section === "options" && key?.[1] === "install_requires") ||
      (section === "options.extras_require" && !!key);
    if (key) inList = listed;
    if (!inList) return line;
    // The key's own line holds `;`-separated requirements, the indented ones one each.
    const [head, value, eol] = key
      ? [line.slice(0, line.length - key[2]!.length - (key[3]?.length ?? 0)), key[2]!, key[3] ?? ""]
      : ["", line.replace(/\r?\n$/, ""), /\r?\n$/.exec(line)?.[0] ?? ""];
    const raised = value
      .split(/(;)/)
      .map((part) => {
        const m = /^(\s*)(.*?)(\s*(#.*)?)$/.exec(part)!;
        const r = raiseRequirement(m[2]!, needs);
        if (r === undefined) return part;
        changed.push(m[2]!);
        return `${m[1]}${r}${m[3]}`;
      })
      .join("");
    return `${head}${raised}${eol}`;
  });
  return { text: lines.join(""), changed };
}

/** setup.py: the string literals of the `install_requires=[...]` list. */
export function editSetupPy(text: string, needs: ReadonlyMap<string, PackageNeed>): Edited {
  const changed: string[] = [];
  const list = /\binstall_requires\s*=\s*[[(]/.exec(text);
  if (!list) return { text, changed };
  let depth = 0;
  let end = text.length;
  for (let i = list.index + list[0].length - 1; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "#") i = text.indexOf("\n", i) < 0 ? text.length : text.indexOf("\n", i);
    else if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== ch) j += text[j] === "\\" ? 2 : 1;
      i = j;
    } else if ("[({".includes(ch)) depth++;
    else if ("])}".includes(ch) && --depth === 0) {
      end = i;
      break;
    }
  }
  const start = list.index + list[0].length;
  const body = text
    .slice(start, end)
    .replace(/(["'])([A-Za-z0-9][^"'\n]*)\1/g, (whole, quote: string, req: string) => {
      const raised = raiseRequirement(req, needs);
      if (raised === undefined) return whole;
      changed.push(req);
      return `${quote}${raised}${quote}`;
    });
  return { text: text.slice(0, start) + body + text.slice(end), changed };
}

/** The declaration files at a project's root: requirements files, pyproject.toml, setup.cfg, setup.py. */
function manifestsAt(root: string): string[] {
  const out: string[] = [];
  const names = (dir: string): string[] => {
    try {
      return readdirSync(dir).sort();
    } catch {
      return [];
    }
  };
  for (const n of names(root))
    if (/^requirements.*\.(txt|in)$/.test(n)) out.push(path.join(root, n));
  for (const n of names(path.join(root, "requirements")))
    if (/\.(txt|in)$/.test(n)) out.push(path.join(root, "requirements", n));
  for (const n of ["pyproject.toml", "setup.cfg", "setup.py"])
    if (existsSync(path.join(root, n))) out.push(path.join(root, n));
  return out;
}

/** A requirements file pip-compile wrote: a lock in all but name. */
const compiled = (text: string): boolean =>
  /^#\s*This file is autogenerated by pip-compile/m.test(text);

export interface ManifestOptions {
  cwd: string;
  dryRun: boolean;
  color: boolean;
}

/**
 * The edits of the declarations of every project whose files need newer or extra packages, as
 * file reports (a diff in a dry run; written otherwise), and a warning for each lock file.
 */
export function manifestReports(
  files: readonly FileTask[],
  reports: ReadonlyArray<FileReport | undefined>,
  options: ManifestOptions,
): FileReport[] {
  const byRoot = new Map<string, Map<string, PackageNeed>>();
  files.forEach((task, i) => {
    const needs: PackageNeed[] = reports[i]?.needs ?? [];
    const root = task.targets?.root;
    if (!needs.length || !root) return;
    const map = byRoot.get(root) ?? new Map<string, PackageNeed>();
    // The highest of the lowest versions the files need.
    for (const n of needs) {
      const known = map.get(n.pkg);
      if (!known || compareVersions(n.min, known.min) > 0) map.set(n.pkg, n);
    }
    byRoot.set(root, map);
  });
  const out: FileReport[] = [];
  for (const [root, needs] of byRoot) {
    let edited = false;
    for (const file of manifestsAt(root)) {
      const display = path.relative(options.cwd, file).split(path.sep).join("/");
      const base = { display, diagnostics: [], fixes: {}, unsafeSkipped: 0 };
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        continue;
      }
      if (compiled(text)) {
        out.push({
          ...base,
          status: "skipped",
          warning: true,
          message:
            "compiled by pip-compile, not edited: run pip-compile after the change to its .in file",
        });
        continue;
      }
      const edit = file.endsWith(".toml")
        ? editPyproject
        : file.endsWith("setup.cfg")
          ? editSetupCfg
          : file.endsWith("setup.py")
            ? editSetupPy
            : editRequirements;
      const result = edit(text, needs);
      if (result.text === text) continue;
      if (file.endsWith(".toml")) {
        try {
          parseToml(result.text);
        } catch {
          out.push({
            ...base,
            status: "failed",
            error: true,
            message: "the edit of its dependencies would not parse as TOML; left unchanged",
          });
          continue;
        }
      }
      edited = true;
      const report: FileReport = {
        ...base,
        status: "changed",
        fixes: { "package-declarations": result.changed.length },
      };
      if (options.dryRun) report.diff = unifiedDiff(display, text, result.text, options.color);
      else writeAtomic(file, Buffer.from(result.text, "utf8"));
      out.push(report);
    }
    if (!edited) continue;
    for (const [lock, command] of LOCKS) {
      if (!existsSync(path.join(root, lock))) continue;
      const display = path.relative(options.cwd, path.join(root, lock)).split(path.sep).join("/");
      out.push({
        display,
        status: "skipped",
        warning: true,
        diagnostics: [],
        fixes: {},
        unsafeSkipped: 0,
        message: `lock file not edited: run \`${command}\` after the change to the declarations`,
      });
    }
  }
  return out;
}
