// The built command line reads what each project declares (pyproject, requirements, lock files)
// and lets `--declared` override it: the version that runs decides which rules apply.
import { cli, project, read } from "./cli-support.js";

const MODEL = [
  "from typing import Optional",
  "",
  "from pydantic import BaseModel",
  "",
  "",
  "class Item(BaseModel):",
  "    name: Optional[str]",
  "",
].join("\n");

const DEFAULTED = MODEL.replace("name: Optional[str]", "name: Optional[str] = None");

const HANDLER = [
  "from fastapi import HTTPException",
  "",
  "",
  "def check(ok: bool) -> None:",
  "    if not ok:",
  '        raise HTTPException(422, detail="bad")',
  "",
].join("\n");

describe("declared versions", () => {
  test("a project declaring pydantic >= 2 keeps its required Optional fields", () => {
    const root = project({
      "pyproject.toml": '[project]\nname = "x"\ndependencies = ["pydantic>=2.7"]\n',
      "app/models.py": MODEL,
    });
    const result = cli(root, "-t", "FF106", ".");
    expect(result.code).toBe(0);
    expect(read(root, "app/models.py")).toBe(MODEL);
  });

  test("a Poetry project on pydantic 1 gets the v1 default written", () => {
    const root = project({
      "pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.10"\npydantic = "^1.10.4"\n',
      "app/models.py": MODEL,
    });
    expect(cli(root, "-t", "FF106", ".").code).toBe(0);
    expect(read(root, "app/models.py")).toBe(DEFAULTED);
  });

  test("each file follows its own project's declaration", () => {
    const root = project({
      "old/requirements.txt": "pydantic==1.10.13\n",
      "old/models.py": MODEL,
      "new/requirements.txt": "pydantic==2.6.1\n",
      "new/models.py": MODEL,
    });
    expect(cli(root, "-t", "FF106", ".").code).toBe(0);
    expect(read(root, "old/models.py")).toBe(DEFAULTED);
    expect(read(root, "new/models.py")).toBe(MODEL);
  });

  test("--declared overrides what the files say", () => {
    const root = project({
      "requirements.txt": "pydantic>=2\n",
      "app/models.py": MODEL,
    });
    expect(cli(root, "-t", "FF106", "--declared", "pydantic=1.10", ".").code).toBe(0);
    expect(read(root, "app/models.py")).toBe(DEFAULTED);
  });

  test("a bad --declared value: exit 2 and one line", () => {
    const root = project({ "app/models.py": MODEL });
    const result = cli(root, "--declared", "pydantic:2", ".");
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^fastapi-fix: --declared: .*pydantic:2/);
    expect(read(root, "app/models.py")).toBe(MODEL);
  });

  test("status names follow the Starlette the project locks", () => {
    const lock = (version: string): string =>
      `[[package]]\nname = "starlette"\nversion = "${version}"\n`;
    const old = project({ "poetry.lock": lock("0.36.3"), "app/errors.py": HANDLER });
    const current = project({ "poetry.lock": lock("0.48.0"), "app/errors.py": HANDLER });
    expect(cli(old, "-t", "FF201", ".").code).toBe(0);
    expect(cli(current, "-t", "FF201", ".").code).toBe(0);
    expect(read(old, "app/errors.py")).toContain("status.HTTP_422_UNPROCESSABLE_ENTITY");
    expect(read(current, "app/errors.py")).toContain("status.HTTP_422_UNPROCESSABLE_CONTENT");
  });
});
