// The run's project index is lazy: the index pass only scans the text of every file, and a module
// is parsed when a question about it comes up. These runs check that answers which need other
// files still come out right: across modules, through re-exports and renames, with a module that
// does not parse, and in both the in-process and the worker-thread executors.
import { cli, project } from "./cli-support.js";

const DEPS = "def get_db():\n    return object()\n";
const USES = [
  "from fastapi import APIRouter, Depends",
  "from app.deps import get_db as db_dep",
  "",
  "router = APIRouter()",
  "",
  "",
  '@router.get("/a")',
  "def a(db=Depends(db_dep)):",
  "    return db",
  "",
].join("\n");
const CALLS = [
  "from fastapi import APIRouter",
  "from app.deps import get_db",
  "",
  "router = APIRouter()",
  "",
  "",
  '@router.get("/b")',
  "def b():",
  "    db = get_db()",
  "    return db",
  "",
].join("\n");
const BASE = "from pydantic import BaseModel\n\n\nclass Base(BaseModel):\n    pass\n";
const MODELS = [
  "from app.base import Base as Root",
  "",
  "",
  "class User(Root):",
  "    name: str",
  "",
  "    class Config:",
  "        orm_mode = True",
  "",
].join("\n");

function files(extra: Record<string, string> = {}): Record<string, string> {
  return {
    "app/__init__.py": "",
    "app/deps.py": DEPS,
    "app/routes.py": USES,
    "app/other.py": CALLS,
    "app/base.py": BASE,
    "app/models.py": MODELS,
    "app/broken.py": "from pydantic import BaseModel\n\n\nclass Broken(BaseModel:\n    pass\n",
    "app/more.py":
      "from app.broken import Broken\n\n\nclass More(Broken):\n    class Config:\n        orm_mode = True\n",
    ...extra,
  };
}

/** Enough unrelated files to make the run use worker threads (it does from 33 files up). */
const FILLER: Record<string, string> = Object.fromEntries(
  Array.from({ length: 40 }, (_, i) => [`app/filler_${i}.py`, `X_${i} = ${i}\n`]),
);

describe.each([
  ["in process", {}],
  ["in worker threads", FILLER],
])("%s", (_, extra) => {
  test("a function passed to Depends() under another name in one module, called directly in another", () => {
    const root = project(files(extra));
    const r = cli(root, "--dry-run", "-t", "direct-dependency-call", ".");
    const lines = r.stdout.split("\n").filter((l) => l.includes("FF"));
    expect(lines).toEqual([expect.stringMatching(/^app\/other\.py:9:\d+: FF\d+ .*get_db/)]);
  });

  test("a model whose base, imported under another name, derives from BaseModel in another file", () => {
    const root = project(files(extra));
    const r = cli(root, "--dry-run", "-t", "pydantic-model-config", ".");
    expect(r.stdout).toContain("+++ b/app/models.py");
    expect(r.stdout).toContain("+    model_config = ConfigDict(from_attributes=True)");
    // The base of More is in a module that does not parse: More is not known to be a model.
    expect(r.stdout).not.toContain("app/more.py");
  });
});
