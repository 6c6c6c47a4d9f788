// `npm run test:e2e`: proves the migration on the real stacks. The example app's tests pass on
// the legacy stack as written; fastapi-fix rewrites a copy; the same tests pass on the modern
// stack with deprecation warnings as errors, and the schema its models declare is the same,
// column for column. The SQLAlchemy fixtures get the same schema check. The pre-commit hooks run
// with the real pre-commit on a scratch repository. Virtualenvs live in
// .e2e/ (git-ignored) and are reused while their requirements file is unchanged; pip's own cache
// speeds up a fresh one.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createTwoFilesPatch } from "diff";
import { preCommitHooks } from "./e2e-pre-commit.js";
import { must, ROOT, run, step, venv, WORK } from "./e2e-support.js";

const EXAMPLE = path.join(ROOT, "examples", "legacy-app");
const CLI = path.join(ROOT, "dist", "bin", "cli.js");
const SCHEMA_FACTS = path.join(ROOT, "scripts", "schema-facts.py");
const QUERY_BEHAVIOUR = path.join(ROOT, "scripts", "query-behaviour.py");
const CORE_BEHAVIOUR = path.join(ROOT, "scripts", "core-behaviour.py");
const FIXTURES = path.join(ROOT, "__testfixtures__");
// The example pins SQLAlchemy 1.4 for its legacy stack; the migration targets 2.x, as a user
// upgrading says with --declared.
const CLI_ARGS = ["--unsafe-fixes", "--declared", "sqlalchemy=2.0", "--no-cache"];

function copyExample(name: string): string {
  const dir = path.join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(EXAMPLE, dir, {
    recursive: true,
    filter: (src) => !/(__pycache__|\.pytest_cache|\.db$)/.test(src),
  });
  return dir;
}

function pytest(python: string, cwd: string, strict: boolean): void {
  const warnings = strict ? ["-W", "error::DeprecationWarning"] : [];
  must(python, [...warnings, "-m", "pytest", "-q", ...warnings], { cwd });
}

/** What a Python script prints about `target`, run in `cwd` (`strict`: deprecations are errors). */
function python(
  python: string,
  script: string,
  target: string,
  cwd: string,
  strict: boolean,
): string {
  const warnings = strict ? ["-W", "error::DeprecationWarning"] : [];
  const result = spawnSync(python, [...warnings, script, target], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, PYTHONPATH: cwd },
  });
  if (result.status !== 0)
    throw new Error(
      `${path.basename(script)} ${target} failed:\n${result.stderr || result.error?.message}`,
    );
  return result.stdout;
}

/** The schema facts of `target` (`app.db:Base` run in `cwd`, or a file defining Base). */
function schema(py: string, target: string, cwd: string, strict = false): string {
  return python(py, SCHEMA_FACTS, target, cwd, strict);
}

function same(what: string, before: string, after: string): void {
  if (before === after) return;
  const patch = createTwoFilesPatch("before", "after", before, after, "", "", { context: 1 });
  throw new Error(`the migration changed ${what}:\n${patch}`);
}

/** What only SQLAlchemy 2.0 has: an input using it is read on the modern stack, before and after. */
const MODERN_ONLY = /\b(DeclarativeBase|mapped_column|type_annotation_map)\b/;

/**
 * The SQLAlchemy fixture cases that run on their own (they define Base, import nothing of the
 * project) and change: input and output must declare the same schema.
 */
function sqlalchemyFixtures(): Array<{
  input: string;
  output: string;
  modernInput: boolean;
  queries: boolean;
}> {
  const out = [];
  for (const folder of readdirSync(FIXTURES).filter((f) => f.startsWith("sqlalchemy-"))) {
    const dir = path.join(FIXTURES, folder);
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".input.py"))) {
      const input = path.join(dir, file);
      const output = input.replace(/\.input\.py$/, ".output.py");
      const text = readFileSync(input, "utf8");
      if (!existsSync(output) || !/^(Base = |class Base\()/m.test(text) || /^from \./m.test(text))
        continue;
      out.push({
        input,
        output,
        modernInput: MODERN_ONLY.test(text),
        // The query behaviour script seeds users and their items.
        queries: /^class User\(/m.test(text) && /^class Item\(/m.test(text),
      });
    }
  }
  return out;
}

function main(): void {
  if (!existsSync(CLI)) throw new Error("run `npm run build` first");
  mkdirSync(WORK, { recursive: true });

  step("legacy stack: the example's tests pass as written");
  const legacy = venv("venv-legacy", path.join(EXAMPLE, "requirements.txt"));
  const original = copyExample("legacy");
  pytest(legacy, original, false);
  const before = schema(legacy, "app.db:Base", original);

  step(`fastapi-fix ${CLI_ARGS.join(" ")} on a copy`);
  const migrated = copyExample("migrated");
  const code = run(process.execPath, [CLI, ...CLI_ARGS, migrated]);
  if (code === 2) throw new Error("fastapi-fix failed on the example");
  const again = spawnSync(process.execPath, [CLI, ...CLI_ARGS, "--dry-run", migrated], {
    encoding: "utf8",
  });
  if (again.stdout.includes("+++ b/"))
    throw new Error(`a second run would change files:\n${again.stdout}`);

  step(
    "modern stack, installed from the requirements.txt fastapi-fix migrated: the same tests pass, deprecation warnings as errors",
  );
  const declared = path.join(migrated, "requirements.txt");
  if (
    readFileSync(declared, "utf8") === readFileSync(path.join(EXAMPLE, "requirements.txt"), "utf8")
  )
    throw new Error("fastapi-fix left the example's requirements.txt as it was");
  process.stdout.write(readFileSync(declared, "utf8"));
  const modern = venv("venv-modern", declared);
  pytest(modern, migrated, true);

  step("the migrated models declare the same schema: types, nullability, keys, defaults, indexes");
  same("the schema of the example", before, schema(modern, "app.db:Base", migrated, true));

  step(
    "SQLAlchemy fixtures: each output declares the schema of its input, and its queries answer the same",
  );
  const cases = sqlalchemyFixtures();
  let queries = 0;
  for (const c of cases) {
    const cwd = path.dirname(c.input);
    const name = path.relative(ROOT, c.input);
    const input = c.modernInput ? modern : legacy;
    same(`the schema of ${name}`, schema(input, c.input, cwd), schema(modern, c.output, cwd, true));
    if (!c.queries) continue;
    queries++;
    same(
      `what the queries of ${name} return`,
      python(input, QUERY_BEHAVIOUR, c.input, cwd, false),
      python(modern, QUERY_BEHAVIOUR, c.output, cwd, true),
    );
  }
  process.stdout.write(
    `${cases.length} fixture cases declare the same schema after the rewrite; the queries of ${queries} return the same\n`,
  );

  step(
    "SQLAlchemy Core fixture: the rewritten select([..]), case([..]), execute() answer the same",
  );
  const core = path.join(FIXTURES, "sqlalchemy-removed-apis", "core");
  same(
    "what the Core fixture returns",
    python(legacy, CORE_BEHAVIOUR, `${core}.input.py`, path.dirname(core), false),
    python(modern, CORE_BEHAVIOUR, `${core}.output.py`, path.dirname(core), true),
  );

  preCommitHooks();
}

try {
  main();
} catch (err) {
  process.stderr.write(`e2e: ${(err as Error).message}\n`);
  process.exit(1);
}
