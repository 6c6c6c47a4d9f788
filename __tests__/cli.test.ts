// The built command line (`node dist/bin/cli.js`, built by `npm test` before jest runs) on
// temporary folders: diffs, exit codes, writes, discovery, encodings, modes and worker threads.
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { selectionLabel } from "../src/runner/select.js";
import { TRANSFORMS } from "../transforms/index.js";
import {
  CONFIG,
  SLEEPY,
  SLEEPY_FIXED,
  age,
  bytes,
  cli,
  mtime,
  project,
  read,
  snapshot,
} from "./cli-support.js";

const SLEEPY_DIFF = [
  "@@ -1,6 +1,6 @@",
  "-import time",
  "+import asyncio",
  " ",
  " ",
  " async def handler():",
  "-    time.sleep(1)",
  "+    await asyncio.sleep(1)",
  "     return 1",
  "",
].join("\n");

const CONFIG_FIXED = [
  "from pydantic import BaseModel, ConfigDict",
  "",
  "",
  "class User(BaseModel):",
  "    id: int",
  "",
  "    model_config = ConfigDict(from_attributes=True)",
  "",
].join("\n");

describe("dry run", () => {
  test("prints a unified diff with a/ and b/ relative paths, exits 1, writes nothing", () => {
    const root = project({ "x.py": SLEEPY });
    const before = age(root, "x.py");
    const r = cli(root, "--dry-run", ".");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`--- a/x.py\n+++ b/x.py\n${SLEEPY_DIFF}`);
    expect(read(root, "x.py")).toBe(SLEEPY);
    expect(mtime(root, "x.py")).toBe(before);
    expect(r.stderr).toContain("1 file would change");
  });

  test("paths are relative to the working directory, diffs sorted by path", () => {
    const root = project({
      "src/b.py": SLEEPY,
      "src/a.py": SLEEPY,
      "src/pkg/c.py": SLEEPY,
      "src/clean.py": "x = 1\n",
    });
    const before = snapshot(root);
    const r = cli(root, "--dry-run", "src");
    expect(r.code).toBe(1);
    const headers = r.stdout.split("\n").filter((l) => /^(---|\+\+\+) /.test(l));
    expect(headers).toEqual([
      "--- a/src/a.py",
      "+++ b/src/a.py",
      "--- a/src/b.py",
      "+++ b/src/b.py",
      "--- a/src/pkg/c.py",
      "+++ b/src/pkg/c.py",
    ]);
    expect(r.stdout).not.toContain(root);
    expect(snapshot(root)).toEqual(before);
  });

  test("a file given by path from a sub-folder", () => {
    const root = project({ "app/main.py": SLEEPY });
    const r = cli(path.join(root, "app"), "--dry-run", "main.py");
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith("--- a/main.py\n+++ b/main.py\n@@ ")).toBe(true);
  });

  test("--color colours the diff; without it, output to a pipe has no colour", () => {
    const root = project({ "x.py": SLEEPY });
    const coloured = cli(root, "--dry-run", "--color", ".");
    expect(coloured.code).toBe(1);
    expect(coloured.stdout).toContain("\u001b[");
    expect(coloured.stdout.replace(/\u001b\[[0-9;]*m/g, "")).toBe(
      `--- a/x.py\n+++ b/x.py\n${SLEEPY_DIFF}`,
    );
    expect(cli(root, "--dry-run", ".").stdout).not.toContain("\u001b[");
  });

  test("nothing to change: exit 0, no diff", () => {
    const root = project({ "x.py": SLEEPY_FIXED, "y.py": "print('hello')\n" });
    const r = cli(root, "--dry-run", ".");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
  });
});

describe("write mode", () => {
  test("changes the file and exits 0; a second run changes nothing", () => {
    const root = project({ "x.py": SLEEPY, "models.py": CONFIG, "clean.py": "x = 1\n" });
    const cleanTime = age(root, "clean.py");
    const first = cli(root, ".");
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("");
    expect(read(root, "x.py")).toBe(SLEEPY_FIXED);
    expect(read(root, "models.py")).toBe(CONFIG_FIXED);
    expect(mtime(root, "clean.py")).toBe(cleanTime);
    expect(first.stderr).toContain("2 files changed");

    const snap = snapshot(root);
    const fixedTime = age(root, "x.py");
    const second = cli(root, ".");
    expect(second.code).toBe(0);
    expect(second.stderr).toContain("0 files changed");
    expect(snapshot(root)).toEqual(snap);
    expect(mtime(root, "x.py")).toBe(fixedTime);
  });

  test("leaves no temporary files behind", () => {
    const root = project({ "x.py": SLEEPY });
    expect(cli(root, ".").code).toBe(0);
    expect(readdirSync(root)).toEqual(["x.py"]);
  });

  test("diagnostics that remain are printed as path:line:col and exit 1", () => {
    const root = project({
      "pkg/h.py":
        "import time\n\n\nasync def handler(asyncio):\n    time.sleep(1)\n    return asyncio\n",
    });
    const r = cli(root, ".");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^pkg\/h\.py:5:5: FF001 time\.sleep\(\) blocks the event loop/m);
    expect(read(root, "pkg/h.py")).toContain("time.sleep(1)");
  });
});

describe("choosing transforms", () => {
  const both = SLEEPY + "\n\n" + CONFIG.replace("from pydantic import BaseModel\n\n\n", "");
  const withImport = "from pydantic import BaseModel\n" + both;

  test("--transform async-sleep runs that transform only", () => {
    const root = project({ "x.py": withImport });
    const r = cli(root, "--transform", "async-sleep", ".");
    expect(r.code).toBe(0);
    const out = read(root, "x.py");
    expect(out).toContain("await asyncio.sleep(1)");
    expect(out).toContain("class Config:");
    expect(out).not.toContain("ConfigDict");
  });

  test("a transform can be named by its code, and the flag repeated", () => {
    const root = project({ "x.py": withImport, "y.py": withImport });
    expect(cli(root, "-t", "FF101", "x.py").code).toBe(0);
    expect(read(root, "x.py")).toContain("ConfigDict(from_attributes=True)");
    expect(read(root, "x.py")).toContain("time.sleep(1)");
    expect(cli(root, "-t", "async-sleep", "-t", "pydantic-model-config", "y.py").code).toBe(0);
    expect(read(root, "y.py")).toContain("ConfigDict(from_attributes=True)");
    expect(read(root, "y.py")).toContain("await asyncio.sleep(1)");
  });

  test("--help and --version", () => {
    const root = project();
    const help = cli(root, "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--dry-run");
    const version = cli(root, "--version");
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
  });

  test("--list prints every registered transform", () => {
    const root = project();
    const r = cli(root, "--list");
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(TRANSFORMS.length);
    TRANSFORMS.forEach((t, i) => {
      const label = selectionLabel(t).replace(/[()]/g, "\\$&");
      expect(lines[i]).toMatch(new RegExp(`^${t.code}\\s+${t.name}\\s+${label}\\s+`));
      expect(lines[i]!.endsWith(t.summary)).toBe(true);
    });
  });

  test("an unknown transform: exit 2, the valid names listed, nothing written", () => {
    const root = project({ "x.py": SLEEPY });
    const r = cli(root, "--transform", "no-such-thing", ".");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no-such-thing");
    for (const t of TRANSFORMS) expect(r.stderr).toContain(t.name);
    expect(r.stdout).toBe("");
    expect(read(root, "x.py")).toBe(SLEEPY);
  });
});

describe("opt-in transforms", () => {
  // A POST that creates an item: route-status-defaults (FF204) would add status_code=201.
  const CREATE = [
    "from fastapi import FastAPI",
    "from pydantic import BaseModel",
    "",
    'app = FastAPI(title="x")',
    "",
    "",
    "class Item(BaseModel):",
    "    id: int",
    "",
    "",
    '@app.post("/items", response_model=Item)',
    "async def create_item(item: Item) -> Item:",
    "    return Item(id=item.id)",
    "",
  ].join("\n");

  test("a default run leaves them out, even with --unsafe-fixes: no fix, no report", () => {
    const root = project({ "x.py": CREATE });
    const r = cli(root, "--unsafe-fixes", "--format", "json", ".");
    expect(r.stdout).not.toContain("FF204");
    expect(r.stdout).not.toContain("route-status-defaults");
    expect(read(root, "x.py")).not.toContain("status_code");
  });

  test("named by code or name, with --unsafe-fixes, they apply", () => {
    const root = project({ "x.py": CREATE, "y.py": CREATE });
    expect(cli(root, "-t", "FF204", "--unsafe-fixes", "x.py").code).toBe(0);
    expect(read(root, "x.py")).toContain(
      '@app.post("/items", response_model=Item, status_code=status.HTTP_201_CREATED)',
    );
    expect(read(root, "x.py")).toContain("from fastapi import FastAPI, status");
    expect(cli(root, "-t", "route-status-defaults", "--unsafe-fixes", "y.py").code).toBe(0);
    expect(read(root, "y.py")).toBe(read(root, "x.py"));
  });

  test("named without --unsafe-fixes, they report and write nothing", () => {
    const root = project({ "x.py": CREATE });
    const r = cli(root, "-t", "FF204", ".");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("x.py:11:2: FF204 POST /items creates a resource");
    expect(read(root, "x.py")).toBe(CREATE);
  });

  test("--list and --explain mark them, and only them, as opt-in", () => {
    const root = project();
    const lines = cli(root, "--list").stdout.trimEnd().split("\n");
    TRANSFORMS.forEach((t, i) => {
      expect(lines[i]!.includes("(opt-in)")).toBe(!!t.optIn);
    });
    expect(TRANSFORMS.filter((t) => t.optIn).map((t) => t.code)).toContain("FF204");
    const explain = cli(root, "--explain", "FF204");
    expect(explain.stdout).toMatch(/^FF204 route-status-defaults \(unsafe \/ detect \(opt-in\)\)/);
    expect(explain.stdout).toContain("-t route-status-defaults");
  });
});

describe("bad input", () => {
  test("a missing path: exit 2, named on stderr, nothing written", () => {
    const root = project({ "x.py": SLEEPY });
    const r = cli(root, "x.py", "does/not/exist.py");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("does/not/exist.py");
    expect(r.stdout).toBe("");
    expect(read(root, "x.py")).toBe(SLEEPY);
  });

  test("a file with a syntax error is left untouched and named; the others are fixed", () => {
    const broken = "import time\n\n\nasync def handler(:\n    time.sleep(1)\n";
    const root = project({ "bad.py": broken, "good.py": SLEEPY });
    const before = age(root, "bad.py");
    const r = cli(root, ".");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.py/);
    expect(r.stderr).not.toMatch(/good\.py/);
    expect(bytes(root, "bad.py").equals(Buffer.from(broken))).toBe(true);
    expect(mtime(root, "bad.py")).toBe(before);
    expect(read(root, "good.py")).toBe(SLEEPY_FIXED);
  });

  test("a file that is not UTF-8 is skipped and named", () => {
    const latin1 = Buffer.concat([
      Buffer.from(SLEEPY + "x = '"),
      Buffer.from([0xe9]),
      Buffer.from("'\n"),
    ]);
    const root = project({ "latin.py": latin1 });
    const r = cli(root, ".");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("latin.py");
    expect(bytes(root, "latin.py").equals(latin1)).toBe(true);
  });

  test("a bad flag value is a usage error", () => {
    const root = project({ "x.py": SLEEPY });
    const r = cli(root, "--jobs", "0", ".");
    expect(r.code).toBe(2);
    expect(read(root, "x.py")).toBe(SLEEPY);
    expect(cli(root, "--no-such-flag", ".").code).toBe(2);
  });
});

describe("discovery", () => {
  test(".gitignore'd files and tool folders are skipped", () => {
    const root = project({
      ".gitignore": "ignored.py\nbuild_out/\n*.gen.py\n",
      "main.py": SLEEPY,
      "ignored.py": SLEEPY,
      "build_out/x.py": SLEEPY,
      "schema.gen.py": SLEEPY,
      "venv/lib/python3.12/site-packages/pkg/x.py": SLEEPY,
      ".venv/lib/x.py": SLEEPY,
      "envs/custom/pyvenv.cfg": "home = /usr/bin\n",
      "envs/custom/lib/x.py": SLEEPY,
      "node_modules/pkg/x.py": SLEEPY,
      "__pycache__/x.py": SLEEPY,
      "app/__pycache__/y.py": SLEEPY,
      "app/routes.py": SLEEPY,
      "app/.gitignore": "local.py\n",
      "app/local.py": SLEEPY,
    });
    const dry = cli(root, "--dry-run", ".");
    expect(dry.code).toBe(1);
    const changed = dry.stdout.split("\n").filter((l) => l.startsWith("+++ "));
    expect(changed).toEqual(["+++ b/app/routes.py", "+++ b/main.py"]);

    const before = snapshot(root);
    expect(cli(root, ".").code).toBe(0);
    const after = snapshot(root);
    const differing = [...after.keys()].filter((k) => !after.get(k)!.equals(before.get(k)!));
    expect(differing).toEqual(["app/routes.py", "main.py"]);
  });

  test("the repository's .gitignore applies when a sub-folder is named", () => {
    const root = project({
      ".gitignore": "generated/\n",
      "src/app.py": SLEEPY,
      "src/generated/client.py": SLEEPY,
    });
    mkdirSync(path.join(root, ".git"));
    const r = cli(root, "--dry-run", "src");
    expect(r.stdout.split("\n").filter((l) => l.startsWith("+++ "))).toEqual(["+++ b/src/app.py"]);
  });

  test("--exclude skips matching files and folders", () => {
    const root = project({
      "app/main.py": SLEEPY,
      "app/legacy/old.py": SLEEPY,
      "app/routes_old.py": SLEEPY,
      "scripts/tool.py": SLEEPY,
    });
    const r = cli(
      root,
      "--dry-run",
      "--exclude",
      "legacy",
      "--exclude",
      "*_old.py",
      "--exclude",
      "scripts/**",
      ".",
    );
    expect(r.stdout.split("\n").filter((l) => l.startsWith("+++ "))).toEqual(["+++ b/app/main.py"]);
    const before = snapshot(root);
    expect(cli(root, "--exclude", "app/legacy", ".").code).toBe(0);
    const after = snapshot(root);
    expect([...after.keys()].filter((k) => !after.get(k)!.equals(before.get(k)!))).toEqual([
      "app/main.py",
      "app/routes_old.py",
      "scripts/tool.py",
    ]);
  });

  test("files marked @generated are skipped", () => {
    const generated = "# @generated by a tool\n" + SLEEPY;
    const root = project({ "gen.py": generated });
    const r = cli(root, ".");
    expect(r.code).toBe(0);
    expect(read(root, "gen.py")).toBe(generated);
  });

  test("an empty folder: no Python files found", () => {
    const root = project({ "README.txt": "hello\n" });
    const r = cli(root, ".");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("no Python files found");
  });
});

describe("file contents and metadata", () => {
  test("a BOM and CRLF line endings are kept", () => {
    const crlf = (s: string): string => s.replace(/\n/g, "\r\n");
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const root = project({ "x.py": Buffer.concat([bom, Buffer.from(crlf(SLEEPY))]) });
    expect(cli(root, ".").code).toBe(0);
    const expected = Buffer.concat([bom, Buffer.from(crlf(SLEEPY_FIXED))]);
    expect(bytes(root, "x.py").toString("hex")).toBe(expected.toString("hex"));
  });

  test("CRLF with a new import line", () => {
    const crlf = (s: string): string => s.replace(/\n/g, "\r\n");
    const input = crlf(
      "import os\nimport time\n\n\nasync def f():\n    time.sleep(1)\n    return os.sep\n",
    );
    const root = project({ "x.py": input });
    expect(cli(root, ".").code).toBe(0);
    expect(read(root, "x.py")).toBe(
      crlf(
        "import os\nimport asyncio\n\n\nasync def f():\n    await asyncio.sleep(1)\n    return os.sep\n",
      ),
    );
  });

  test("a missing trailing newline stays missing", () => {
    const root = project({ "x.py": SLEEPY.trimEnd() });
    expect(cli(root, ".").code).toBe(0);
    expect(read(root, "x.py")).toBe(SLEEPY_FIXED.trimEnd());
  });

  test("the file mode is kept after a write", () => {
    const root = project({ "exec.py": SLEEPY, "private.py": SLEEPY });
    chmodSync(path.join(root, "exec.py"), 0o755);
    chmodSync(path.join(root, "private.py"), 0o600);
    expect(cli(root, ".").code).toBe(0);
    expect(read(root, "exec.py")).toBe(SLEEPY_FIXED);
    expect(statSync(path.join(root, "exec.py")).mode & 0o777).toBe(0o755);
    expect(statSync(path.join(root, "private.py")).mode & 0o777).toBe(0o600);
  });
});

describe("--format json", () => {
  test("a dry run reports files, fixes and diagnostics as JSON", () => {
    const root = project({
      "x.py": SLEEPY,
      "clean.py": "x = 1\n",
      "taken.py": "import time\n\n\nasync def handler(asyncio):\n    time.sleep(1)\n",
    });
    const r = cli(root, "--dry-run", "--format", "json", ".");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.dryRun).toBe(true);
    expect(report.summary).toMatchObject({ changed: 1, unchanged: 2, skipped: 0, failed: 0 });
    expect(report.files).toEqual([
      { file: "clean.py", status: "unchanged", fixes: {} },
      { file: "taken.py", status: "unchanged", fixes: {} },
      { file: "x.py", status: "changed", fixes: { "async-sleep": 1 } },
    ]);
    expect(report.diagnostics).toEqual([
      expect.objectContaining({
        file: "taken.py",
        line: 5,
        column: 5,
        code: "FF001",
        fixApplied: false,
      }),
    ]);
    expect(read(root, "x.py")).toBe(SLEEPY);
  });

  test("write mode reports the files it changed", () => {
    const root = project({ "x.py": SLEEPY });
    const r = cli(root, "--format", "json", ".");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.dryRun).toBe(false);
    expect(report.files).toEqual([
      { file: "x.py", status: "changed", fixes: { "async-sleep": 1 } },
    ]);
    expect(read(root, "x.py")).toBe(SLEEPY_FIXED);
  });

  test("a file that does not parse is reported with its message", () => {
    const root = project({ "bad.py": "async def f(:\n    time.sleep(1)\n" });
    const r = cli(root, "--format", "json", ".");
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.files).toEqual([
      expect.objectContaining({ file: "bad.py", status: "skipped", message: expect.any(String) }),
    ]);
  });
});

describe("worker threads", () => {
  /** A project of many small files; some need fixes found only through other files. */
  function many(count: number): Record<string, string | Buffer> {
    const files: Record<string, string | Buffer> = {
      "models/__init__.py": "",
      "models/base.py":
        "from pydantic import BaseModel\n\n\nclass AppModel(BaseModel):\n    pass\n",
    };
    for (let i = 0; i < count; i++) {
      const name = `app/mod_${String(i).padStart(3, "0")}.py`;
      if (i % 3 === 0) files[name] = SLEEPY.replace("handler", `handler_${i}`);
      else if (i % 3 === 1)
        files[name] =
          `from models.base import AppModel\n\n\nclass M${i}(AppModel):\n    class Config:\n        orm_mode = True\n`;
      else files[name] = `import time\n\n\ndef sync_${i}():\n    time.sleep(${i})\n`;
    }
    // Files that fail in the worker as they do in the main thread.
    files["app/mod_050.py"] = "import time\n\n\nasync def broken(:\n    time.sleep(1)\n";
    files["app/mod_077.py"] = Buffer.concat([
      Buffer.from(SLEEPY + "# caf"),
      Buffer.from([0xe9, 0x0a]),
    ]);
    return files;
  }

  test("--jobs 2 gives the same results as --jobs 1", () => {
    const files = many(90);
    const one = project(files);
    const two = project(files);

    const dryOne = cli(one, "--dry-run", "--jobs", "1", ".");
    const dryTwo = cli(two, "--dry-run", "--jobs", "2", ".");
    expect(dryOne.code).toBe(2);
    expect(dryTwo.code).toBe(2);
    expect(dryTwo.stdout).toBe(dryOne.stdout);
    expect(dryTwo.stderr).toBe(dryOne.stderr);
    // 60 modules, and the root model they share (FF110 gives it coerce_numbers_to_str).
    expect(dryOne.stdout.split("\n").filter((l) => l.startsWith("+++ "))).toHaveLength(61);

    const jsonOne = cli(one, "--dry-run", "--format", "json", "--jobs", "1", ".");
    const jsonTwo = cli(two, "--dry-run", "--format", "json", "--jobs", "2", ".");
    expect(JSON.parse(jsonTwo.stdout)).toEqual(JSON.parse(jsonOne.stdout));

    const writeOne = cli(one, "--jobs", "1", ".");
    const writeTwo = cli(two, "--jobs", "2", ".");
    expect(writeOne.code).toBe(2);
    expect(writeTwo.code).toBe(2);
    expect(writeOne.stderr).toMatch(/app\/mod_050\.py: cannot parse/);
    expect(writeOne.stderr).toMatch(/app\/mod_077\.py: cannot decode/);
    expect(writeTwo.stderr).toBe(writeOne.stderr);
    expect(writeOne.stderr).toContain("61 files changed");
    expect(snapshot(two)).toEqual(snapshot(one));
    // The cross-module case was really fixed (through the index built in the first pass).
    expect(read(two, "app/mod_001.py")).toContain(
      "model_config = ConfigDict(from_attributes=True)",
    );
    expect(read(two, "app/mod_000.py")).toContain("await asyncio.sleep(1)");
    expect(read(two, "app/mod_002.py")).toContain("time.sleep(2)");
    expect(existsSync(path.join(two, "app"))).toBe(true);
  });
});
