// Configuration files: [tool.fastapi-fix] in pyproject.toml or a fastapi-fix.toml, the nearest one
// up from each file, command-line flags over them, --config, --isolated, --show-settings, and one
// clear line with exit 2 for anything wrong in them.
import { cli, project, read } from "./cli-support.js";

const MODEL =
  "from pydantic import BaseModel\n\n\nclass A(BaseModel):\n    class Config:\n        orm_mode = True\n";
const SLEEPY = "import time\n\n\nasync def tick():\n    time.sleep(1)\n";
const FIXED_MODEL = "model_config = ConfigDict(from_attributes=True)";

const changed = (stdout: string): string[] =>
  [...stdout.matchAll(/^\+\+\+ b\/(.*)$/gm)].map((m) => m[1]!).sort();

describe("configuration files", () => {
  test("[tool.fastapi-fix]: select, ignore, per-file-ignores, extend-exclude", () => {
    const root = project({
      "pyproject.toml": [
        "[project]",
        'name = "demo"',
        "",
        "[tool.fastapi-fix]",
        'select = ["pydantic", "async"]',
        'ignore = ["FF110"]',
        'extend-exclude = ["legacy"]',
        'per-file-ignores = { "tests/*" = ["pydantic"] }',
        "",
      ].join("\n"),
      "app/models.py": MODEL,
      "app/jobs.py": SLEEPY,
      "tests/test_models.py": MODEL,
      "legacy/old.py": MODEL,
    });
    for (const jobs of ["1", "2"]) {
      const r = cli(root, "--dry-run", "-j", jobs, ".");
      expect(changed(r.stdout)).toEqual(["app/jobs.py", "app/models.py"]);
      expect(r.stdout).not.toContain("FF110");
    }
  });

  test("each file takes the nearest configuration; a fastapi-fix.toml there wins over pyproject.toml", () => {
    const root = project({
      "one/pyproject.toml": '[tool.fastapi-fix]\nselect = ["FF101"]\n',
      "one/m.py": MODEL,
      "one/s.py": SLEEPY,
      "two/pyproject.toml": '[tool.fastapi-fix]\nselect = ["FF101"]\n',
      "two/fastapi-fix.toml": 'select = ["async-sleep"]\n',
      "two/m.py": MODEL,
      "two/s.py": SLEEPY,
    });
    for (const jobs of ["1", "2"]) {
      const r = cli(root, "--dry-run", "-j", jobs, ".");
      expect(changed(r.stdout)).toEqual(["one/m.py", "two/s.py"]);
    }
    expect(cli(root, "-j", "2", ".").code).toBe(0);
    expect(read(root, "one/m.py")).toContain(FIXED_MODEL);
    expect(read(root, "one/s.py")).toBe(SLEEPY);
    expect(read(root, "two/m.py")).toBe(MODEL);
    expect(read(root, "two/s.py")).toContain("await asyncio.sleep(1)");
  });

  test("flags win: --select replaces the file's selection, --ignore adds to its ignores", () => {
    const root = project({
      "fastapi-fix.toml": 'select = ["FF101"]\nextend-select = ["async-sleep"]\n',
      "m.py": MODEL,
      "s.py": SLEEPY,
    });
    expect(changed(cli(root, "--dry-run", ".").stdout)).toEqual(["m.py", "s.py"]);
    expect(changed(cli(root, "--dry-run", "--select", "async", ".").stdout)).toEqual(["s.py"]);
    expect(changed(cli(root, "--dry-run", "--ignore", "FF001", ".").stdout)).toEqual(["m.py"]);
  });

  test("unsafe-fixes, status-names and target-versions are read; --isolated and --config", () => {
    const root = project({
      "pyproject.toml": [
        "[tool.fastapi-fix]",
        "unsafe-fixes = true",
        'status-names = "current"',
        'target-versions = { sqlalchemy = "2.0", pydantic = "1.10" }',
        "",
      ].join("\n"),
      "other.toml": '[tool.fastapi-fix]\nselect = ["FF001"]\n',
      "m.py": MODEL,
    });
    const shown = JSON.parse(cli(root, "--show-settings", "m.py").stdout);
    expect(shown).toMatchObject({
      path: "m.py",
      config: "pyproject.toml",
      "unsafe-fixes": true,
      "status-names": "current",
      "target-versions": { sqlalchemy: "2.0", pydantic: "1.10" },
    });
    expect(shown.rules).toContain("pydantic-model-config");
    const isolated = JSON.parse(cli(root, "--show-settings", "--isolated", ".").stdout);
    expect(isolated).toMatchObject({ config: null, "unsafe-fixes": false, "status-names": "auto" });
    const given = JSON.parse(cli(root, "--show-settings", "--config", "other.toml", ".").stdout);
    expect(given.config).toBe("other.toml");
    expect(given.rules).toEqual(["async-sleep"]);
    const flags = JSON.parse(
      cli(
        root,
        "--show-settings",
        "--status-names",
        "compatible",
        "--declared",
        "pydantic=2.6",
        ".",
      ).stdout,
    );
    expect(flags["status-names"]).toBe("compatible");
    expect(flags["target-versions"]).toEqual({ sqlalchemy: "2.0", pydantic: "2.6" });
  });

  const bad: Array<[string, string, string]> = [
    [
      "an unknown key",
      "[tool.fastapi-fix]\nselekt = []\n",
      "[tool.fastapi-fix] selekt: unknown key",
    ],
    [
      "a value of the wrong kind",
      '[tool.fastapi-fix]\nunsafe-fixes = "yes"\n',
      "unsafe-fixes: expected true or false",
    ],
    [
      "a rule that does not exist",
      '[tool.fastapi-fix]\nignore = ["FF999"]\n',
      "ignore: unknown rule or group 'FF999'",
    ],
    [
      "a bad status name",
      '[tool.fastapi-fix]\nstatus-names = "new"\n',
      "status-names: expected one of auto, compatible, current",
    ],
    [
      "a bad version",
      '[tool.fastapi-fix]\ntarget-versions = { sqlalchemy = "two" }\n',
      "target-versions.sqlalchemy: bad version",
    ],
    ["TOML that does not parse", "[tool.fastapi-fix\n", "pyproject.toml: not valid TOML"],
  ];
  test.each(bad)(
    "%s: exit 2, one line naming the file and the key, nothing written",
    (_, text, message) => {
      const root = project({ "pyproject.toml": text, "m.py": MODEL });
      const r = cli(root, ".");
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("pyproject.toml");
      expect(r.stderr).toContain(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stdout).toBe("");
      expect(read(root, "m.py")).toBe(MODEL);
    },
  );

  test("--config names a file that does not exist or has no table: exit 2", () => {
    const root = project({ "plain.toml": "[tool.other]\nx = 1\n", "m.py": MODEL });
    expect(cli(root, "--config", "missing.toml", ".").code).toBe(2);
    const r = cli(root, "--config", "plain.toml", ".");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown key");
  });
});
