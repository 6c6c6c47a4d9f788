// The project's declarations follow the code: requirements files and pyproject.toml are raised to
// what the rewritten code needs, in their own style, and lock files are only reported.
import { parse as parseToml } from "smol-toml";
import {
  PACKAGE_VERSIONS,
  type NeededPackage,
  type PackageNeed,
} from "../src/project/package-needs.js";
import {
  editPyproject,
  editRequirements,
  editSetupCfg,
  editSetupPy,
  raisedSpec,
} from "../src/runner/manifests.js";
import { cli, CONFIG, project, read } from "./cli-support.js";

const needs = (...pkgs: NeededPackage[]): Map<string, PackageNeed> =>
  new Map(pkgs.map((pkg) => [pkg, { pkg, min: PACKAGE_VERSIONS[pkg].min }]));

const PYDANTIC_2 = needs("pydantic", "fastapi", "pydantic-settings");

describe("a declaration's spec, raised in its own style", () => {
  test.each([
    ["==1.10.4", "==2.14.4"],
    ["==1.10.*", "==2.14.*"],
    [">=1.8,<2.0", ">=2.0,<3"],
    ["<2", ">=2.0,<3"],
    ["~=1.10", "~=2.0"],
    ["^1.10.4", "^2.0"],
    ["~1.10", "~2.0"],
  ])("pydantic %s -> %s", (spec, raised) => {
    expect(raisedSpec(spec, "pydantic")).toBe(raised);
  });

  test.each([[">=2"], [">=1.8"], [""], ["^2.5"], ["==2.0.3"], ["*"]])(
    "pydantic %s already allows Pydantic 2: left alone",
    (spec) => {
      expect(raisedSpec(spec, "pydantic")).toBeUndefined();
    },
  );

  test("a knob of 2.4 written (union_mode, StringConstraints, coerce_numbers_to_str) raises to 2.4", () => {
    expect(raisedSpec("~2.1", "pydantic", "2.4")).toBe("~2.4");
    expect(raisedSpec("<2.4", "pydantic", "2.4")).toBe(">=2.4,<3");
    expect(raisedSpec("^2.1", "pydantic", "2.4")).toBeUndefined();
    expect(raisedSpec("==2.3.0", "pydantic", "2.4")).toBe("==2.14.4");
    expect(raisedSpec(">=2.4", "pydantic", "2.4")).toBeUndefined();
  });

  test("FastAPI below 0.100 and SQLAlchemy 1.x", () => {
    expect(raisedSpec("==0.99.1", "fastapi")).toBe("==0.165.0");
    // On 0.x a caret holds the minor series: the tested one.
    expect(raisedSpec("^0.95.0", "fastapi")).toBe("^0.165");
    expect(raisedSpec(">=0.68,<0.100", "fastapi")).toBe(">=0.100,<1");
    expect(raisedSpec("^0.110", "fastapi")).toBeUndefined();
    expect(raisedSpec("==1.4.*", "sqlalchemy")).toBe("==2.1.*");
    expect(raisedSpec(">=1.3,<1.5", "sqlalchemy")).toBe(">=2.0,<3");
  });
});

describe("requirements files", () => {
  test("pins, ranges, extras, markers and comments; a companion after pydantic's line", () => {
    const text = [
      "# runtime",
      "-r base.txt",
      "--index-url https://pypi.org/simple",
      "fastapi==0.95.2  # the web framework",
      "pydantic[email]>=1.8,<2.0 ; python_version >= '3.8'",
      "SQLAlchemy==1.4.*",
      "uvicorn[standard]",
      "",
    ].join("\r\n");
    const out = editRequirements(text, PYDANTIC_2);
    expect(out.text).toBe(
      [
        "# runtime",
        "-r base.txt",
        "--index-url https://pypi.org/simple",
        "fastapi==0.165.0  # the web framework",
        "pydantic[email]>=2.0,<3 ; python_version >= '3.8'",
        "pydantic-settings>=2.0,<3",
        "SQLAlchemy==1.4.*",
        "uvicorn[standard]",
        "",
      ].join("\r\n"),
    );
    expect(out.changed).toEqual(["fastapi", "pydantic", "pydantic-settings>=2.0,<3"]);
  });

  test("typing_extensions written for an old Python: declared next to pydantic unless it is", () => {
    const text = "pydantic==1.10.13\nhttpx\n";
    expect(editRequirements(text, needs("typing-extensions")).text).toBe(
      "pydantic==1.10.13\ntyping-extensions>=4.0,<5\nhttpx\n",
    );
    const declared = "pydantic==1.10.13\ntyping_extensions>=4.5\n";
    expect(editRequirements(declared, needs("typing-extensions")).text).toBe(declared);
  });

  test("already on the target versions: byte for byte", () => {
    const text = "fastapi>=0.110\npydantic==2.9.2\npydantic-settings==2.5.2\nSQLAlchemy>=2\n";
    expect(
      editRequirements(text, needs("pydantic", "fastapi", "pydantic-settings", "sqlalchemy")),
    ).toEqual({ text, changed: [] });
  });
});

describe("pyproject.toml", () => {
  test("PEP 621 dependencies and optional dependencies; formatting and comments kept", () => {
    const text = [
      "[project]",
      'name = "app"',
      "dependencies = [",
      '    "fastapi>=0.95,<0.100",  # web',
      '    "pydantic[email]==1.10.13",',
      '    "httpx",',
      "]",
      "",
      "[project.optional-dependencies]",
      'db = ["SQLAlchemy~=1.4.46"]',
      "",
    ].join("\n");
    const out = editPyproject(
      text,
      needs("pydantic", "fastapi", "pydantic-settings", "sqlalchemy"),
    );
    expect(out.text).toBe(
      [
        "[project]",
        'name = "app"',
        "dependencies = [",
        '    "fastapi>=0.100,<1",  # web',
        '    "pydantic[email]==2.14.4",',
        '    "pydantic-settings>=2.0,<3",',
        '    "httpx",',
        "]",
        "",
        "[project.optional-dependencies]",
        'db = ["SQLAlchemy~=2.0"]',
        "",
      ].join("\n"),
    );
    expect(() => parseToml(out.text)).not.toThrow();
  });

  test("Poetry: carets, inline tables, groups; a companion after pydantic's line", () => {
    const text = [
      "[tool.poetry.dependencies]",
      'python = "^3.10"',
      'fastapi = "^0.95.0"',
      'pydantic = {version = "^1.10.4", extras = ["email"]}',
      "",
      "[tool.poetry.group.dev.dependencies]",
      'pytest = "^7.4"',
      "",
    ].join("\n");
    const out = editPyproject(text, PYDANTIC_2);
    expect(out.text).toBe(
      [
        "[tool.poetry.dependencies]",
        'python = "^3.10"',
        'fastapi = "^0.165"',
        'pydantic = {version = "^2.0", extras = ["email"]}',
        'pydantic-settings = "^2.0"',
        "",
        "[tool.poetry.group.dev.dependencies]",
        'pytest = "^7.4"',
        "",
      ].join("\n"),
    );
    expect(() => parseToml(out.text)).not.toThrow();
  });

  test("a project already on Pydantic 2 is left alone", () => {
    const text = '[tool.poetry.dependencies]\npydantic = "^2.5"\npydantic-settings = "^2.1"\n';
    expect(editPyproject(text, PYDANTIC_2).text).toBe(text);
  });
});

describe("setup.cfg and setup.py", () => {
  test("install_requires and extras_require lines of setup.cfg; other keys untouched", () => {
    const text = [
      "[metadata]",
      "name = app",
      "version = 1.0",
      "",
      "[options]",
      "python_requires = >=3.8",
      "install_requires =",
      "    fastapi==0.95.2",
      "    pydantic>=1.8,<2  # models",
      "    httpx",
      "",
      "[options.extras_require]",
      "db = SQLAlchemy~=1.4.46; alembic",
      "",
    ].join("\n");
    expect(editSetupCfg(text, needs("pydantic", "fastapi", "sqlalchemy")).text).toBe(
      [
        "[metadata]",
        "name = app",
        "version = 1.0",
        "",
        "[options]",
        "python_requires = >=3.8",
        "install_requires =",
        "    fastapi==0.165.0",
        "    pydantic>=2.0,<3  # models",
        "    httpx",
        "",
        "[options.extras_require]",
        "db = SQLAlchemy~=2.0; alembic",
        "",
      ].join("\n"),
    );
  });

  test("the literal install_requires list of setup.py, and nothing else of the file", () => {
    const text = [
      "from setuptools import setup",
      "",
      "setup(",
      '    name="app",',
      '    version="1.10.4",',
      "    install_requires=[",
      '        "fastapi>=0.68,<0.100",  # web',
      "        'pydantic==1.10.4',",
      "    ],",
      '    extras_require={"dev": ["pytest"]},',
      ")",
      "",
    ].join("\n");
    expect(editSetupPy(text, needs("pydantic", "fastapi")).text).toBe(
      text
        .replace('"fastapi>=0.68,<0.100"', '"fastapi>=0.100,<1"')
        .replace("'pydantic==1.10.4'", "'pydantic==2.14.4'"),
    );
  });
});

describe("a run edits the declarations with the code", () => {
  test("a dry run shows the diff, a run writes it; the lock file is reported, never edited", () => {
    const pyproject = '[tool.poetry.dependencies]\npydantic = "^1.10.4"\n';
    const files = {
      "app/models.py": CONFIG,
      "pyproject.toml": pyproject,
      "poetry.lock": "# lock\n",
    };
    const root = project(files);
    const dry = cli(root, "--dry-run", "--no-cache", ".");
    expect(dry.stdout).toContain("--- a/pyproject.toml\n+++ b/pyproject.toml\n");
    expect(dry.stdout).toContain('-pydantic = "^1.10.4"\n+pydantic = "^2.0"\n');
    expect(dry.stderr).toContain("warning: poetry.lock: lock file not edited: run `poetry lock`");
    expect(read(root, "pyproject.toml")).toBe(pyproject);
    cli(root, "--no-cache", ".");
    expect(read(root, "pyproject.toml")).toBe('[tool.poetry.dependencies]\npydantic = "^2.0"\n');
    expect(read(root, "poetry.lock")).toBe("# lock\n");
  });

  test("--select sqlalchemy raises SQLAlchemy only", () => {
    const code = [
      "from sqlalchemy import Column, Integer",
      "from sqlalchemy.orm import declarative_base",
      "",
      "Base = declarative_base()",
      "",
      "",
      "class Row(Base):",
      '    __tablename__ = "rows"',
      "",
      "    id = Column(Integer, primary_key=True)",
      "",
      CONFIG,
    ].join("\n");
    const requirements = "pydantic==1.10.13\nSQLAlchemy==1.4.49\n";
    const root = project({ "app/models.py": code, "requirements.txt": requirements });
    cli(root, "--no-cache", "--select", "sqlalchemy", "--declared", "sqlalchemy=2.0", ".");
    expect(read(root, "requirements.txt")).toBe("pydantic==1.10.13\nSQLAlchemy==2.1.9\n");
  });
});
