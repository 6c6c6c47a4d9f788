// `--format sarif`: the log validates against the official SARIF 2.1.0 schema (the OASIS schema
// as schemastore publishes it, from the `schemastore` package), and says what the run found.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { cli, project } from "./cli-support.js";

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: Ajv) => Ajv;

function sarifValidator(): ValidateFunction {
  const file = require.resolve("schemastore/schemas/json/sarif-2.1.0.json");
  const schema = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  // The file is the OASIS schema itself, not a look-alike.
  expect(schema.$id).toBe(
    "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json",
  );
  // The schema's `language` pattern has a stray "]" that is only valid outside unicode mode.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

interface Result {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: Array<{
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: string };
      region?: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }>;
}

const MODELS = [
  "from pydantic import BaseModel",
  "from sqlalchemy import Column, Integer",
  "from sqlalchemy.orm import declarative_base",
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
].join("\n");

const ROUTES = [
  "from typing import Union",
  "",
  "from fastapi import APIRouter",
  "",
  "router = APIRouter()",
  "",
  "",
  '@router.get("/{item_id}")',
  "def get_one(item_id: Union[int, str]):",
  '    return {"id": item_id}',
  "",
].join("\n");

describe("--format sarif", () => {
  const validate = sarifValidator();

  test("the schema check itself rejects a log that breaks it", () => {
    expect(validate({ version: "2.1.0", runs: [{ tool: {} }] })).toBe(false);
    expect(validate({ version: "2.1.0", runs: [] })).toBe(true);
  });

  test("a dry run: diagnostics at their region, fixes still to write per file and rule", () => {
    const root = project({ "app/models.py": MODELS, "app/broken.py": `${MODELS}\ndef f(:\n` });
    const r = cli(
      root,
      "--format",
      "sarif",
      "--dry-run",
      "--no-cache",
      "-t",
      "FF306",
      "-t",
      "FF101",
      ".",
    );
    expect(r.code).toBe(2);
    const log = JSON.parse(r.stdout);
    expect(validate(log)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe("fastapi-fix");
    const ids = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(ids).toEqual(expect.arrayContaining(["FF101", "FF306"]));
    expect(run.originalUriBaseIds.SRCROOT.uri).toMatch(/^file:\/\/.*\/$/);
    const results = run.results as Result[];
    expect(results.map((x) => [x.ruleId, x.level, x.message.text])).toEqual([
      [
        "FF306",
        "warning",
        "model UserRow has no created_at or updated_at column: add timestamps (a mixin shares them)",
      ],
      ["FF101", "warning", "1 fix of pydantic-model-config to apply (run fastapi-fix)"],
    ]);
    const timestamps = results[0]!.locations[0]!.physicalLocation;
    expect(timestamps.artifactLocation).toEqual({ uri: "app/models.py", uriBaseId: "SRCROOT" });
    expect(timestamps.region).toEqual({ startLine: 8, startColumn: 7, endLine: 8, endColumn: 14 });
    // ruleIndex points at the rule the result names.
    const withIndex = run.results as Array<{ ruleId: string; ruleIndex: number }>;
    for (const x of withIndex) expect(run.tool.driver.rules[x.ruleIndex].id).toBe(x.ruleId);
    // The file that does not parse is a notification of a run that did not fully succeed.
    const invocation = run.invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      {
        level: "error",
        message: { text: expect.stringContaining("syntax error") },
        locations: [
          {
            physicalLocation: { artifactLocation: { uri: "app/broken.py", uriBaseId: "SRCROOT" } },
          },
        ],
      },
    ]);
  });

  test("a written fix that leaves a note gives a note-level result, where the written file has it", () => {
    const root = project({ "routes.py": ROUTES });
    const r = cli(root, "--format", "sarif", "--no-cache", "-t", "FF110", ".");
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(validate(log)).toBe(true);
    const results = log.runs[0].results as Result[];
    expect(results.length).toBe(1);
    expect(results[0]!.ruleId).toBe("FF110");
    expect(results[0]!.level).toBe("note");
    expect(results[0]!.locations[0]!.physicalLocation.region!.startLine).toBe(10);
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(true);
  });

  test("batch mode: one log, one run, every repository's results", () => {
    const root = project({
      "a/.git/HEAD": "ref: refs/heads/main\n",
      "a/app.py": MODELS,
      "b/.git/HEAD": "ref: refs/heads/main\n",
      "b/app.py": MODELS,
    });
    const r = cli(root, "--format", "sarif", "--dry-run", "--no-cache", "-t", "FF306", "a", "b");
    expect(r.stderr).toBe("");
    const log = JSON.parse(r.stdout);
    expect(validate(log)).toBe(true);
    expect(log.runs.length).toBe(1);
    const uris = (log.runs[0].results as Result[]).map(
      (x) => x.locations[0]!.physicalLocation.artifactLocation.uri,
    );
    expect(uris).toEqual(["a/app.py", "b/app.py"]);
  });
});
