// --stdin-filename: an editor pipes a buffer in and gets the fixed source back, or the diff.
import { spawnSync } from "node:child_process";
import { CLI, expectNoCrash, plainEnv, project, read, type Result } from "./cli-support.js";

const SLEEPY = "import time\n\n\nasync def tick():\n    time.sleep(1)\n";
const FIXED = "import asyncio\n\n\nasync def tick():\n    await asyncio.sleep(1)\n";

function piped(cwd: string, input: string | Buffer, ...args: string[]): Result & { raw: Buffer } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input, env: plainEnv() });
  const result = {
    code: r.status,
    stdout: String(r.stdout),
    stderr: String(r.stderr),
    raw: r.stdout as Buffer,
  };
  expectNoCrash(result);
  return result;
}

describe("--stdin-filename", () => {
  test("the fixed source goes to standard output; the file on disk is not touched", () => {
    const root = project({ "app/jobs.py": "# on disk\n" });
    const r = piped(root, SLEEPY, "--stdin-filename", "app/jobs.py");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(FIXED);
    expect(read(root, "app/jobs.py")).toBe("# on disk\n");
  });

  test("--dry-run prints the diff under the given name; an unchanged source comes back as it was", () => {
    const root = project();
    const diff = piped(root, SLEEPY, "--stdin-filename", "app/jobs.py", "--dry-run");
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain("--- a/app/jobs.py\n+++ b/app/jobs.py\n");
    const same = piped(root, "x = 1\n", "--stdin-filename", "x.py");
    expect(same.code).toBe(0);
    expect(same.stdout).toBe("x = 1\n");
  });

  test("its bytes come back in their own encoding; what remains goes to standard error", () => {
    const root = project();
    const latin1 = Buffer.from("# -*- coding: latin-1 -*-\n# caf\xe9\n" + SLEEPY, "latin1");
    const r = piped(root, latin1, "--stdin-filename", "jobs.py");
    expect(
      r.raw.equals(Buffer.from("# -*- coding: latin-1 -*-\n# caf\xe9\n" + FIXED, "latin1")),
    ).toBe(true);
    const left = piped(
      root,
      "import time\n\n\nasync def f():\n    time.sleep(0.1)\n    open('x').read()\n",
      "--stdin-filename",
      "f.py",
    );
    expect(left.stderr).toMatch(/^f\.py:6:5: FF002 /m);
    expect(left.stdout).toContain("await asyncio.sleep(0.1)");
  });

  test("a source that does not parse comes back unchanged, with exit 2 and one line", () => {
    const root = project();
    const broken = "import time\nasync def (:\n    time.sleep(1)\n";
    const r = piped(root, broken, "--stdin-filename", "z.py");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(broken);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(piped(root, broken, "--stdin-filename", "z.py", "z.py").code).toBe(2);
  });
});
