// Progress: a bar of files done on the terminal's standard error for long runs, and nothing of it
// anywhere else.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { ready } from "./helpers.js";
import { PROGRESS_FILES, run, type RunOptions } from "../src/runner/run.js";
import { cli, project } from "./cli-support.js";

beforeAll(ready);

const SLEEPY = "import time\n\n\nasync def tick():\n    time.sleep(1)\n";

function tree(count: number): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`m${i}.py`] = i % 2 ? SLEEPY : "x = 1\n";
  return project(files);
}

async function runWith(
  root: string,
  progress?: NodeJS.WritableStream,
  paths = ["."],
): Promise<string> {
  let err = "";
  const options: RunOptions = {
    paths,
    cwd: root,
    dryRun: true,
    transforms: [],
    unsafe: false,
    exclude: [],
    format: "text",
    color: false,
    jobs: 1,
    progress,
    out: () => {},
    err: (t) => (err += String(t)),
  };
  await run(options);
  return err;
}

test("a long run draws its progress on the stream it is given, and only there", async () => {
  const root = tree(PROGRESS_FILES + 10);
  const stream = new PassThrough();
  let drawn = "";
  stream.on("data", (chunk: Buffer) => (drawn += chunk.toString()));
  const err = await runWith(root, stream);
  expect(drawn).toContain(`/${PROGRESS_FILES + 10} files`);
  expect(err).not.toContain(`/${PROGRESS_FILES + 10} files`);
});

test("no bar for a short run, nor without a terminal", async () => {
  const short = tree(5);
  const stream = new PassThrough();
  let drawn = "";
  stream.on("data", (chunk: Buffer) => (drawn += chunk.toString()));
  await runWith(short, stream);
  expect(drawn).toBe("");
  const long = tree(PROGRESS_FILES + 10);
  const piped = cli(long, "--dry-run", ".");
  expect(piped.stderr).not.toMatch(/\d+\/\d+ files/);
});

test("in batch mode the bar names the repository it is on", async () => {
  const root = project({ "a/.git/HEAD": "ref: refs/heads/main\n", "b/.git/HEAD": "ref: x\n" });
  for (const repo of ["a", "b"])
    for (let i = 0; i < PROGRESS_FILES + 1; i++)
      writeFileSync(path.join(root, repo, `m${i}.py`), i % 2 ? SLEEPY : "x = 1\n");
  const stream = new PassThrough();
  let drawn = "";
  stream.on("data", (chunk: Buffer) => (drawn += chunk.toString()));
  await runWith(root, stream, ["a", "b"]);
  expect(drawn).toContain(`fastapi-fix a `);
  expect(drawn).toContain(`fastapi-fix b `);
  expect(drawn).toContain(`/${PROGRESS_FILES + 1} files`);
});
