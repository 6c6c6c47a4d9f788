// The project-targets reader: version ranges of Poetry and PEP 440 specs, every kind of manifest
// and lock file, the nearest-root search, and command-line overrides, on temporary folders.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  allowedRange,
  declaresAtLeast,
  findProjectRoot,
  parseTargetOverride,
  readTargets,
  targetsAt,
  withOverrides,
  type Declared,
  type ProjectTargets,
  type TargetPackage,
} from "../src/project/targets.js";

const made: string[] = [];

/** A temporary folder with `files` (relative path -> content; a path ending in / is a folder). */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "fastapi-fix-targets-"));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(dir, name);
    if (name.endsWith("/")) mkdirSync(full, { recursive: true });
    else {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  }
  return dir;
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const lines = (...parts: string[]): string => parts.join("\n") + "\n";

/** Targets with one declared package. */
const declaring = (pkg: TargetPackage, spec: string, locked?: string): ProjectTargets => ({
  packages: { [pkg]: { spec, file: "pyproject.toml", ...(locked ? { locked } : {}) } },
  problems: [],
});

const range = (spec: string, locked?: string): ReturnType<typeof allowedRange> =>
  allowedRange({ spec, file: "pyproject.toml", ...(locked ? { locked } : {}) } as Declared);

describe("allowedRange", () => {
  test.each([
    ["^1.10.4", { min: "1.10.4", below: "2.0.0" }],
    ["^0.109.0", { min: "0.109.0", below: "0.110.0" }],
    ["^2", { min: "2", below: "3" }],
    ["^0.0.3", { min: "0.0.3", below: "0.0.4" }],
    ["^0", { min: "0", below: "1" }],
    ["~1.4", { min: "1.4", below: "1.5" }],
    ["~1.4.2", { min: "1.4.2", below: "1.5.0" }],
    ["~1", { min: "1", below: "2" }],
    ["~=1.4.2", { min: "1.4.2", below: "1.5" }],
    ["~=2.2", { min: "2.2", below: "3" }],
    ["==1.10.*", { min: "1.10", below: "1.11" }],
    ["1.10.*", { min: "1.10", below: "1.11" }],
    [">=1.8,<2", { min: "1.8", below: "2" }],
    [">= 1.8, < 2", { min: "1.8", below: "2" }],
    [">=1.2 <1.5", { min: "1.2", below: "1.5" }],
    [">=1.4,!=1.4.3,<2.0", { min: "1.4", below: "2.0" }],
    [">=1.9,>=1.10,<3,<2.5", { min: "1.10", below: "2.5" }],
    ["==2.6.1", { min: "2.6.1", max: "2.6.1" }],
    ["1.2.3", { min: "1.2.3", max: "1.2.3" }],
    ["<=1.9", { max: "1.9" }],
    ["<2,<=2", { below: "2" }],
    [">1.9", { min: "1.9" }],
    ["^1.10 || ^2.0", { min: "1.10", below: "3.0" }],
    ["^2.0 || >=1.10", { min: "1.10" }],
    ["*", {}],
    ["", {}],
    ["git+https://example.invalid/pydantic", {}],
    [">=1.*", {}],
  ])("%j", (spec, expected) => {
    expect(range(spec)).toEqual(expected);
  });

  test("the lock's version decides when present", () => {
    expect(range("^1.10.4", "1.10.13")).toEqual({ min: "1.10.13", max: "1.10.13" });
  });
});

describe("declaresAtLeast", () => {
  test.each([
    ["^1.10.4", "2", "no"],
    ["^1.10.4", "1.10", "yes"],
    ["^1.10.4", "1.11", "unknown"],
    ["^0.109.0", "0.110", "no"],
    ["^0.109.0", "0.100", "yes"],
    ["^2", "2", "yes"],
    [">=1.8,<2", "2", "no"],
    [">=1.8,<2", "2.0.0", "no"],
    [">=1.8,<2", "1.8", "yes"],
    [">=1.8,<2", "1.9", "unknown"],
    [">=1.10", "2", "unknown"],
    [">=1.10", "1.9", "yes"],
    ["<1.9", "1.10", "no"],
    ["==2.6.1", "2", "yes"],
    ["==2.6.1", "2.7", "no"],
    ["==1.10.*", "2", "no"],
    ["==1.10.*", "1.10", "yes"],
    ["~=1.4.2", "1.5", "no"],
    ["~1.4", "1.4", "yes"],
    ["~1.4", "1.5", "no"],
    ["<=1.9", "2", "no"],
    ["<=2.0", "2", "unknown"],
    ["*", "2", "unknown"],
    ["", "1", "unknown"],
  ])("%j at least %s: %s", (spec, version, expected) => {
    expect(declaresAtLeast(declaring("pydantic", spec), "pydantic", version)).toBe(expected);
  });

  test("a lock's version decides, a pre-release counting as its release", () => {
    expect(declaresAtLeast(declaring("pydantic", ">=1.8", "2.5.3"), "pydantic", "2")).toBe("yes");
    expect(declaresAtLeast(declaring("pydantic", ">=1.8", "1.10.13"), "pydantic", "2")).toBe("no");
    expect(declaresAtLeast(declaring("pydantic", "", "2.0.0b3"), "pydantic", "2")).toBe("yes");
  });

  test("a package that is not declared is unknown", () => {
    expect(declaresAtLeast(declaring("pydantic", "^2"), "sqlalchemy", "2")).toBe("unknown");
  });

  test("asking about something that is not a version is a programming error", () => {
    expect(() => declaresAtLeast(declaring("pydantic", "^2"), "pydantic", "two")).toThrow(
      'not a version: "two"',
    );
  });
});

describe("pyproject.toml", () => {
  test("a mealie-like Poetry project: pydantic 1, SQLAlchemy 2", () => {
    const root = project({
      "pyproject.toml": lines(
        "[tool.poetry]",
        'name = "mealie"',
        'version = "1.0.0"',
        "",
        "[tool.poetry.dependencies]",
        'python = "^3.10"',
        'fastapi = "^0.109.0"',
        'pydantic = "^1.10.4"',
        'SQLAlchemy = "^2"',
        'alembic = "^1.11.3"',
        'uvicorn = {extras = ["standard"], version = "^0.27.0"}',
        "",
        "[tool.poetry.group.dev.dependencies]",
        'pytest = "^8.0.0"',
      ),
    });
    const t = readTargets(root);
    expect(t).toEqual({
      root,
      packages: {
        python: { spec: "^3.10", file: "pyproject.toml" },
        fastapi: { spec: "^0.109.0", file: "pyproject.toml" },
        pydantic: { spec: "^1.10.4", file: "pyproject.toml" },
        sqlalchemy: { spec: "^2", file: "pyproject.toml" },
      },
      problems: [],
    });
    expect(declaresAtLeast(t, "pydantic", "2")).toBe("no");
    expect(declaresAtLeast(t, "sqlalchemy", "2")).toBe("yes");
    expect(declaresAtLeast(t, "fastapi", "0.100")).toBe("yes");
    expect(declaresAtLeast(t, "python", "3.10")).toBe("yes");
    expect(declaresAtLeast(t, "python", "4")).toBe("no");
    expect(declaresAtLeast(t, "starlette", "0.30")).toBe("unknown");
  });

  test("Poetry tables, lists of constraints and groups; main dependencies first", () => {
    const root = project({
      "pyproject.toml": lines(
        "[tool.poetry.dependencies]",
        'python = ">=3.8,<3.13"',
        'pydantic = {version = "^1.10", extras = ["email"]}',
        'pydantic_settings = { version = "~2.1", optional = true }',
        "starlette = [",
        '  {version = "^0.27", python = "<3.9"},',
        '  {version = "^0.36", python = ">=3.9"},',
        "]",
        'fastapi = {git = "https://example.invalid/fastapi.git"}',
        "[tool.poetry.group.test.dependencies]",
        'pydantic = "^2"',
        'fastapi = "*"',
        "[tool.poetry.dev-dependencies]",
        'SQLAlchemy = "1.4.52"',
      ),
    });
    const t = readTargets(root);
    expect(t.packages).toEqual({
      python: { spec: ">=3.8,<3.13", file: "pyproject.toml" },
      pydantic: { spec: "^1.10", file: "pyproject.toml" },
      "pydantic-settings": { spec: "~2.1", file: "pyproject.toml" },
      starlette: { spec: "^0.27 || ^0.36", file: "pyproject.toml" },
      fastapi: { spec: "*", file: "pyproject.toml" },
      sqlalchemy: { spec: "1.4.52", file: "pyproject.toml" },
    });
    expect(allowedRange(t.packages.starlette!)).toEqual({ min: "0.27", below: "0.37" });
    expect(declaresAtLeast(t, "pydantic-settings", "2")).toBe("yes");
    expect(declaresAtLeast(t, "sqlalchemy", "2")).toBe("no");
  });

  test("PEP 621 dependencies, optional dependencies, requires-python and PEP 735 groups", () => {
    const root = project({
      "pyproject.toml": lines(
        "[project]",
        'name = "app"',
        'requires-python = ">=3.9"',
        "dependencies = [",
        '  "pydantic[email]>=2.7",',
        '  "fastapi[standard] >=0.110, <1",',
        "  \"SQLAlchemy[asyncio]~=2.0.25 ; python_version >= '3.9'\",",
        '  "httpx",',
        "]",
        "[project.optional-dependencies]",
        'settings = ["pydantic-settings>=2.2"]',
        "[dependency-groups]",
        'dev = ["starlette==0.37.2", {include-group = "lint"}]',
        'lint = ["ruff"]',
      ),
    });
    const t = readTargets(root);
    expect(t.packages).toEqual({
      python: { spec: ">=3.9", file: "pyproject.toml" },
      pydantic: { spec: ">=2.7", file: "pyproject.toml" },
      fastapi: { spec: ">=0.110, <1", file: "pyproject.toml" },
      sqlalchemy: { spec: "~=2.0.25", file: "pyproject.toml" },
      "pydantic-settings": { spec: ">=2.2", file: "pyproject.toml" },
      starlette: { spec: "==0.37.2", file: "pyproject.toml" },
    });
    expect(t.problems).toEqual([]);
    expect(declaresAtLeast(t, "pydantic", "2")).toBe("yes");
    expect(declaresAtLeast(t, "sqlalchemy", "2")).toBe("yes");
    expect(declaresAtLeast(t, "sqlalchemy", "2.1")).toBe("no");
  });

  test("an unversioned dependency gives way to one that constrains", () => {
    const root = project({
      "pyproject.toml": lines("[project]", 'dependencies = ["pydantic", "fastapi"]'),
      "requirements.txt": lines("pydantic==1.10.2", "fastapi>=0.95"),
    });
    expect(readTargets(root).packages).toEqual({
      pydantic: { spec: "==1.10.2", file: "requirements.txt" },
      fastapi: { spec: ">=0.95", file: "requirements.txt" },
    });
  });

  test("a malformed pyproject.toml is reported and the other files still count", () => {
    const root = project({
      "pyproject.toml": lines("[project", 'dependencies = ["pydantic>=2"]'),
      "requirements.txt": lines("pydantic<2"),
    });
    const t = readTargets(root);
    expect(t.problems).toEqual([expect.stringMatching(/^pyproject\.toml: 1:\d+: .+$/)]);
    expect(t.packages).toEqual({ pydantic: { spec: "<2", file: "requirements.txt" } });
    expect(declaresAtLeast(t, "pydantic", "2")).toBe("no");
  });
});

describe("requirements files", () => {
  test("-r includes relative to the file, comments, options, markers, extras, URLs", () => {
    const root = project({
      "requirements/base.txt": lines(
        "# runtime",
        "fastapi[all]>=0.100  # web",
        "pydantic==1.10.13 \\",
        "    --hash=sha256:0123456789abcdef",
        "-e git+https://example.invalid/starlette.git#egg=starlette",
        "https://example.invalid/pydantic_settings-2.0-py3-none-any.whl",
        'SQLAlchemy>=1.4,!=1.4.3,<2.0 ; python_version >= "3.8"',
        "--index-url https://example.invalid/simple",
      ),
      "requirements/dev.txt": lines("-r base.txt", "pytest", "pydantic>=2"),
      "requirements.txt": lines("-r requirements/dev.txt", "-r requirements/missing.txt"),
    });
    const t = readTargets(root);
    expect(t.packages).toEqual({
      fastapi: { spec: ">=0.100", file: "requirements/base.txt" },
      pydantic: { spec: "==1.10.13", file: "requirements/base.txt" },
      sqlalchemy: { spec: ">=1.4,!=1.4.3,<2.0", file: "requirements/base.txt" },
    });
    expect(t.problems).toEqual([
      expect.stringMatching(/^requirements\/missing\.txt: cannot read: not found$/),
    ]);
    expect(declaresAtLeast(t, "pydantic", "2")).toBe("no");
    expect(declaresAtLeast(t, "sqlalchemy", "2")).toBe("no");
    expect(declaresAtLeast(t, "fastapi", "0.100")).toBe("yes");
  });

  test("requirements-*.txt at the root and .in files; includes that loop end", () => {
    const root = project({
      "requirements-dev.txt": lines("-r requirements-prod.txt", "starlette==0.27.0"),
      "requirements-prod.txt": lines("-r requirements-dev.txt", "Pydantic_Settings>=2,<3"),
      "requirements/main.in": lines("pydantic>=1.8"),
      "requirements/main.txt": lines("pydantic==1.10.13"),
    });
    expect(readTargets(root)).toEqual({
      root,
      packages: {
        "pydantic-settings": { spec: ">=2,<3", file: "requirements-prod.txt" },
        starlette: { spec: "==0.27.0", file: "requirements-dev.txt" },
        pydantic: { spec: "==1.10.13", file: "requirements/main.txt" },
      },
      problems: [],
    });
  });
});

describe("setuptools", () => {
  test("setup.cfg: install_requires over several lines, extras, python_requires", () => {
    const root = project({
      "setup.cfg": lines(
        "[metadata]",
        "name = app",
        "",
        "[options]",
        "python_requires = >=3.7",
        "install_requires =",
        "    fastapi>=0.68,<0.100",
        "    # pinned for the v1 models",
        "    pydantic>=1.8,<2.0",
        "",
        "    sqlalchemy~=1.4",
        "packages = find:",
        "",
        "[options.extras_require]",
        "settings = pydantic-settings",
      ),
    });
    const t = readTargets(root);
    expect(t.packages).toEqual({
      python: { spec: ">=3.7", file: "setup.cfg" },
      fastapi: { spec: ">=0.68,<0.100", file: "setup.cfg" },
      pydantic: { spec: ">=1.8,<2.0", file: "setup.cfg" },
      sqlalchemy: { spec: "~=1.4", file: "setup.cfg" },
      "pydantic-settings": { spec: "", file: "setup.cfg" },
    });
    expect(declaresAtLeast(t, "pydantic", "2")).toBe("no");
    expect(declaresAtLeast(t, "sqlalchemy", "2")).toBe("no");
    expect(declaresAtLeast(t, "fastapi", "0.100")).toBe("no");
  });

  test("setup.py: string literals of install_requires, read and never run", () => {
    const root = project({
      "setup.py": lines(
        "from setuptools import setup",
        "raise SystemExit('never run')",
        "setup(",
        "    name='app',",
        "    python_requires='>=3.8',",
        "    install_requires=[",
        '        "fastapi[all]>=0.95",  # the [web] part',
        "        'pydantic[email]==2.6.1',",
        '        """SQLAlchemy>=2.0""",',
        "    ],",
        "    extras_require={'old': ['pydantic<2']},",
        ")",
      ),
    });
    const t = readTargets(root);
    expect(t.packages).toEqual({
      python: { spec: ">=3.8", file: "setup.py" },
      fastapi: { spec: ">=0.95", file: "setup.py" },
      pydantic: { spec: "==2.6.1", file: "setup.py" },
      sqlalchemy: { spec: ">=2.0", file: "setup.py" },
    });
    expect(declaresAtLeast(t, "pydantic", "2")).toBe("yes");
  });
});

describe("lock files", () => {
  test("poetry.lock gives the locked version, also of a package only locked", () => {
    const root = project({
      "pyproject.toml": lines("[tool.poetry.dependencies]", 'pydantic = ">=1.8"', 'fastapi = "*"'),
      "poetry.lock": lines(
        "[[package]]",
        'name = "pydantic"',
        'version = "2.5.3"',
        "",
        "[[package]]",
        'name = "Starlette"',
        'version = "0.27.0"',
        "",
        "[metadata]",
        'lock-version = "2.0"',
      ),
    });
    const t = readTargets(root);
    expect(t.packages).toEqual({
      pydantic: { spec: ">=1.8", file: "pyproject.toml", locked: "2.5.3" },
      fastapi: { spec: "*", file: "pyproject.toml" },
      starlette: { spec: "", file: "poetry.lock", locked: "0.27.0" },
    });
    expect(declaresAtLeast(t, "pydantic", "2")).toBe("yes");
    expect(declaresAtLeast(t, "starlette", "0.28")).toBe("no");
  });

  test("uv.lock; a package locked at two versions is left to its declaration", () => {
    const root = project({
      "pyproject.toml": lines("[project]", 'dependencies = ["pydantic>=1.10", "sqlalchemy>=1.4"]'),
      "uv.lock": lines(
        "version = 1",
        "[[package]]",
        'name = "pydantic"',
        'version = "1.10.15"',
        "[[package]]",
        'name = "pydantic"',
        'version = "2.7.1"',
        "[[package]]",
        'name = "sqlalchemy"',
        'version = "2.0.30"',
      ),
    });
    const t = readTargets(root);
    expect(t.packages).toEqual({
      pydantic: { spec: ">=1.10", file: "pyproject.toml" },
      sqlalchemy: { spec: ">=1.4", file: "pyproject.toml", locked: "2.0.30" },
    });
    expect(declaresAtLeast(t, "pydantic", "2")).toBe("unknown");
    expect(declaresAtLeast(t, "sqlalchemy", "2")).toBe("yes");
  });

  test("Pipfile.lock: default and develop sections", () => {
    const root = project({
      "Pipfile.lock": JSON.stringify({
        _meta: { requires: { python_version: "3.11" } },
        default: { pydantic: { version: "==1.10.9" }, sqlalchemy: { version: "==2.0.1" } },
        develop: { fastapi: { version: "==0.103.2" }, "git-dep": { git: "x" } },
      }),
    });
    const t = readTargets(root);
    expect(t.packages).toEqual({
      pydantic: { spec: "", file: "Pipfile.lock", locked: "1.10.9" },
      fastapi: { spec: "", file: "Pipfile.lock", locked: "0.103.2" },
      sqlalchemy: { spec: "", file: "Pipfile.lock", locked: "2.0.1" },
    });
    expect(declaresAtLeast(t, "pydantic", "2")).toBe("no");
  });

  test("a malformed lock file is reported, not thrown", () => {
    const root = project({
      "requirements.txt": lines("pydantic>=2"),
      "Pipfile.lock": "{ not json",
      "poetry.lock": "[[package]\n",
    });
    const t = readTargets(root);
    expect(t.packages).toEqual({ pydantic: { spec: ">=2", file: "requirements.txt" } });
    expect(t.problems).toEqual([
      expect.stringMatching(/^poetry\.lock: 1:\d+: .+$/),
      expect.stringMatching(/^Pipfile\.lock: .+$/),
    ]);
  });
});

describe("findProjectRoot", () => {
  test("the nearest folder with a manifest, from a folder or a file", () => {
    const top = project({
      "repo/.git/": "",
      "repo/pyproject.toml": lines("[project]", 'dependencies = ["pydantic>=2"]'),
      "repo/services/api/requirements/base.txt": lines("pydantic<2"),
      "repo/services/api/app/main.py": "",
      "repo/src/app/main.py": "",
    });
    const repo = path.join(top, "repo");
    expect(findProjectRoot(path.join(repo, "src", "app"))).toBe(repo);
    expect(findProjectRoot(path.join(repo, "src", "app", "main.py"))).toBe(repo);
    expect(findProjectRoot(repo)).toBe(repo);
    const api = path.join(repo, "services", "api");
    expect(findProjectRoot(path.join(api, "app", "main.py"))).toBe(api);
    expect(declaresAtLeast(targetsAt(path.join(api, "app")), "pydantic", "2")).toBe("no");
    expect(declaresAtLeast(targetsAt(path.join(repo, "src")), "pydantic", "2")).toBe("yes");
  });

  test("the search stops at the repository's top folder", () => {
    const top = project({
      "pyproject.toml": lines("[project]", 'dependencies = ["pydantic>=2"]'),
      "repo/.git/": "",
      "repo/app/main.py": "",
      "worktree/.git": "gitdir: ../repo/.git/worktrees/w\n",
      "worktree/app/main.py": "",
    });
    expect(findProjectRoot(path.join(top, "repo", "app"))).toBeUndefined();
    expect(findProjectRoot(path.join(top, "worktree", "app", "main.py"))).toBeUndefined();
    expect(findProjectRoot(path.join(top, "elsewhere"))).toBe(top);
    expect(targetsAt(path.join(top, "repo", "app"))).toEqual({ packages: {}, problems: [] });
  });
});

describe("overrides", () => {
  test.each([
    ["pydantic=2.6", ["pydantic", "2.6"]],
    ["sqlalchemy=1.4", ["sqlalchemy", "1.4"]],
    ["SQLAlchemy==2.0.30", ["sqlalchemy", "2.0.30"]],
    [" pydantic_settings = 2 ", ["pydantic-settings", "2"]],
    ["python=3.8", ["python", "3.8"]],
  ])("%j", (text, expected) => {
    expect(parseTargetOverride(text)).toEqual(expected);
  });

  test.each([
    ["pydantic", /^bad target "pydantic": expected PACKAGE=VERSION, e\.g\. pydantic=2\.6$/],
    ["django=4.2", /^unknown target package "django": expected one of pydantic, /],
    ["pydantic=two", /^bad version "two" for pydantic: expected e\.g\. pydantic=2\.6$/],
    ["pydantic=^2", /^bad version "\^2" for pydantic/],
    ["pydantic = 2 6", /^bad target "pydantic = 2 6": /],
    ["pydantic=2\nfastapi=1", /^bad target "pydantic=2\\nfastapi=1": /],
    ["", /^bad target "": /],
  ])("%j is refused", (text, message) => {
    expect(() => parseTargetOverride(text)).toThrow(message);
  });

  test("an override is an exact version that wins over the declaration and the lock", () => {
    const t: ProjectTargets = {
      root: "/p",
      packages: {
        pydantic: { spec: "^1.10.4", file: "pyproject.toml", locked: "1.10.13" },
        sqlalchemy: { spec: "^2", file: "pyproject.toml" },
      },
      problems: ["setup.cfg: cannot read: x"],
    };
    const o = withOverrides(t, [parseTargetOverride("pydantic=2.6"), ["starlette", "0.37"]]);
    expect(o).toEqual({
      root: "/p",
      packages: {
        pydantic: { spec: "==2.6", file: "(override)" },
        sqlalchemy: { spec: "^2", file: "pyproject.toml" },
        starlette: { spec: "==0.37", file: "(override)" },
      },
      problems: ["setup.cfg: cannot read: x"],
    });
    expect(declaresAtLeast(o, "pydantic", "2")).toBe("yes");
    expect(declaresAtLeast(o, "pydantic", "2.7")).toBe("no");
    expect(declaresAtLeast(t, "pydantic", "2")).toBe("no");
    expect(t.packages.starlette).toBeUndefined();
  });
});
