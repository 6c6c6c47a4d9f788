// Choosing rules by group, code prefix and --ignore, and the output switches ruff users expect:
// --check, --diff, --statistics, --format github.
import { TRANSFORMS } from "../transforms/index.js";
import { GROUPS, selectTransforms } from "../src/runner/select.js";
import { cpSync } from "node:fs";
import { cli, expectNoCrash, project, read } from "./cli-support.js";

// A Pydantic v1 model and a legacy SQLAlchemy query in one module.
const MIXED = [
  "from pydantic import BaseModel",
  "from sqlalchemy import Column, Integer",
  "from sqlalchemy.orm import Session, declarative_base",
  "",
  "Base = declarative_base()",
  "",
  "",
  "class UserRow(Base):",
  '    __tablename__ = "users"',
  "",
  "    id = Column(Integer, primary_key=True)",
  "",
  "",
  "class UserOut(BaseModel):",
  "    id: int",
  "",
  "    class Config:",
  "        orm_mode = True",
  "",
  "",
  "def users(db: Session):",
  "    return db.query(UserRow).all()",
  "",
].join("\n");

describe("selecting rules", () => {
  test("a group stands for its code family; opt-in rules need their own name", () => {
    const fastapi = selectTransforms({ select: ["fastapi"] });
    expect(fastapi.length).toBeGreaterThan(0);
    expect(fastapi.every((t) => GROUPS.fastapi!.test(t.code) && !t.optIn)).toBe(true);
    const optIn = TRANSFORMS.filter((t) => t.optIn);
    expect(optIn.length).toBeGreaterThan(0);
    expect(selectTransforms({ select: [optIn[0]!.code] })).toEqual([optIn[0]]);
    expect(selectTransforms({ select: ["sqlalchemy"] }).map((t) => t.code)).toEqual(
      TRANSFORMS.filter((t) => t.code.startsWith("FF3")).map((t) => t.code),
    );
  });

  test("a code prefix, and --ignore taken out of the selection or of the default set", () => {
    expect(selectTransforms({ select: ["FF30"] }).map((t) => t.code)).toEqual(
      TRANSFORMS.filter((t) => t.code.startsWith("FF30")).map((t) => t.code),
    );
    const all = selectTransforms({ select: [] });
    const less = selectTransforms({ select: [], ignore: ["pydantic", "FF001"] });
    expect(less).toEqual(all.filter((t) => !t.code.startsWith("FF1") && t.code !== "FF001"));
  });

  test("--select sqlalchemy leaves the Pydantic code byte for byte", () => {
    const root = project({ "app.py": MIXED });
    const r = cli(root, "--select", "sqlalchemy", "--declared", "sqlalchemy=2.0", ".");
    expectNoCrash(r);
    const out = read(root, "app.py");
    expect(out).toContain("db.scalars(select(UserRow)).all()");
    expect(out).toContain("class Base(DeclarativeBase):");
    expect(out).toContain("    class Config:\n        orm_mode = True\n");
    expect(out).not.toContain("ConfigDict");
  });

  test("selectors may be comma-separated; an unknown one is a usage error", () => {
    const root = project({ "app.py": MIXED });
    const r = cli(root, "--select", "FF101,FF303", "--dry-run", ".");
    expect(r.stdout).toContain("+    model_config = ConfigDict(from_attributes=True)");
    expect(r.stdout).toContain("+    return db.scalars(select(UserRow)).all()");
    expect(r.stdout).not.toContain("DeclarativeBase");
    const bad = cli(root, "--select", "FF101,nonsense", ".");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'nonsense'");
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(read(root, "app.py")).toBe(MIXED);
    const none = cli(root, "--select", "FF303", "--ignore", "sqlalchemy", ".");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("no rule to run");
  });
});

describe("output switches", () => {
  test("--check: no diff, nothing written, exit 1 while a fix is pending and 0 after", () => {
    const root = project({ "app.py": MIXED });
    const r = cli(root, "--check", "-t", "FF303", ".");
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain("+++");
    expect(read(root, "app.py")).toBe(MIXED);
    expect(cli(root, "-t", "FF303", ".").code).toBe(0);
    expect(cli(root, "--check", "-t", "FF303", ".").code).toBe(0);
  });

  test("--diff prints what --dry-run prints", () => {
    const root = project({ "app.py": MIXED });
    const diff = cli(root, "--diff", ".");
    const dry = cli(root, "--dry-run", ".");
    expect(diff.stdout).toBe(dry.stdout);
    expect(diff.code).toBe(dry.code);
    expect(diff.stdout).toContain("--- a/app.py");
    expect(read(root, "app.py")).toBe(MIXED);
  });

  test("--statistics counts per rule instead of listing", () => {
    const root = project({ "app.py": MIXED });
    const r = cli(root, "--statistics", "--dry-run", "-t", "FF101", "-t", "FF306", ".");
    expect(r.stdout).not.toContain("+++");
    expect(r.stdout.trimEnd().split("\n").sort()).toEqual(
      ["     0\tFF101\tpydantic-model-config\t(1 fixed)", "     1\tFF306\tmodel-timestamps"].sort(),
    );
  });

  test("--format github: one workflow annotation per diagnostic and per file to fix", () => {
    const root = project({ "app.py": MIXED });
    const r = cli(root, "--format", "github", "--dry-run", "-t", "FF306", "-t", "FF101", ".");
    expect(r.stdout.trimEnd().split("\n")).toEqual([
      "::warning file=app.py,title=fastapi-fix::fixes to apply (run fastapi-fix): pydantic-model-config 1",
      "::warning file=app.py,line=8,col=7,title=FF306 model-timestamps::model UserRow has no created_at or updated_at column: add timestamps (a mixin shares them)",
    ]);
    expect(r.code).toBe(1);
  });

  test("--exit-zero: diagnostics and pending fixes exit 0, a file that cannot be parsed still 2", () => {
    const root = project({ "app.py": MIXED });
    const found = cli(root, "--dry-run", "--exit-zero", "-t", "FF306", "-t", "FF101", ".");
    expect(found.stdout).toContain("FF306");
    expect(found.stdout).toContain("+++ b/app.py");
    expect(found.code).toBe(0);
    const broken = project({ "app.py": `${MIXED}def f(:\n` });
    expect(cli(broken, "--exit-zero", "-t", "FF101", ".").code).toBe(2);
  });
});

test("--select sqlalchemy on the example app: its Pydantic code and pins stay as they were", () => {
  const copy = (): string => {
    const root = project();
    cpSync("examples/legacy-app", root, {
      recursive: true,
      filter: (src) => !/__pycache__|\.pytest_cache/.test(src),
    });
    return root;
  };
  const original = copy();
  const migrated = copy();
  const r = cli(
    migrated,
    "--no-cache",
    "--select",
    "sqlalchemy",
    "--declared",
    "sqlalchemy=2.0",
    ".",
  );
  expectNoCrash(r);
  expect(r.stderr).toMatch(/sqlalchemy-mapped-columns \d+/);
  // What the Pydantic rules would do is the same before and after: none of their code moved.
  const pydantic = (root: string): string =>
    cli(root, "--no-cache", "--dry-run", "--select", "pydantic", "--format", "json", ".").stdout;
  const summary = (json: string): unknown => {
    const doc = JSON.parse(json) as {
      summary: { fixes: unknown };
      diagnostics: Array<{ file: string; code: string; message: string }>;
    };
    return {
      fixes: doc.summary.fixes,
      diagnostics: doc.diagnostics.map((d) => [d.file, d.code, d.message]),
    };
  };
  expect(summary(pydantic(migrated))).toEqual(summary(pydantic(original)));
  // Only SQLAlchemy's pin moved.
  const before = read(original, "requirements.txt").split("\n");
  const after = read(migrated, "requirements.txt").split("\n");
  expect(after.filter((line, i) => line !== before[i])).toEqual(["SQLAlchemy==2.1.*"]);
});

describe("fixes that apply only when their rule is named", () => {
  const SETTINGS = [
    "from pydantic_settings import BaseSettings",
    "",
    "",
    "class Settings(BaseSettings):",
    '    SECRET_KEY: str = "3b1f0c9e8d7a6b5c4d3e2f1a0b9c8d7e"',
    "",
  ].join("\n");

  // The security rules look at FastAPI projects: this one builds its app in app/main.py.
  const APP = "from fastapi import FastAPI\n\napp = FastAPI()\n";

  test("FF401 drops a settings default with --select FF401, not in a default or group run", () => {
    for (const selection of [[], ["--select", "security"], ["--select", "FF4"]]) {
      const root = project({ "app/config.py": SETTINGS, "app/main.py": APP });
      const r = cli(root, "--unsafe-fixes", "--no-cache", ...selection, ".");
      expect(read(root, "app/config.py")).toBe(SETTINGS);
      expect(r.stdout).toContain("[fix available: --select FF401 --unsafe-fixes]");
      // --unsafe-fixes was given: the summary must not ask for it.
      expect(r.stderr).not.toContain("unsafe fix");
    }
    for (const name of ["FF401", "hardcoded-secret"]) {
      const root = project({ "app/config.py": SETTINGS, "app/main.py": APP });
      cli(root, "--unsafe-fixes", "--no-cache", "--select", name, ".");
      expect(read(root, "app/config.py")).toBe(
        SETTINGS.replace(' = "3b1f0c9e8d7a6b5c4d3e2f1a0b9c8d7e"', ""),
      );
    }
  });
});
