// Security of the run itself: the tool writes only inside the paths it was given, never runs or
// imports the code it reads, opens no network connection and starts no process, and writes
// through exclusive temporary files beside the target that never outlive a failure.
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { TEMP_SUFFIX, tempPathFor, writeAtomic } from "../src/runner/write.js";
import {
  SLEEPY,
  SLEEPY_FIXED,
  age,
  cli,
  cliWith,
  mtime,
  plainEnv,
  project,
  read,
  snapshot,
} from "./cli-support.js";

const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

const problemLines = (stderr: string): string[] =>
  stderr.split("\n").filter((l) => /^(error|warning):/.test(l));

/** The files of `root` whose bytes differ between two snapshots (or that appeared or went). */
function changed(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => !before.get(k)?.equals(after.get(k) ?? Buffer.alloc(0))).sort();
}

describe("never writes outside the paths it was given", () => {
  /** A workspace with the project in `tree/` and a file that needs fixing in `outside/`. */
  function workspace(): { ws: string; tree: string } {
    const ws = project({
      "outside/target.py": SLEEPY,
      "outside/pkg/mod.py": SLEEPY,
      "tree/app/main.py": SLEEPY,
    });
    return { ws, tree: path.join(ws, "tree") };
  }

  test("a link inside the tree to a file outside it is reported and not written through", () => {
    const { ws, tree } = workspace();
    symlinkSync("../../outside/target.py", path.join(tree, "app/linked.py"));
    const before = age(ws, "outside/target.py");
    for (const args of [["--dry-run", "."], ["."], ["--unsafe-fixes", "app"]]) {
      const r = cli(tree, ...args);
      expect(r.stdout).not.toContain("outside");
      expect(problemLines(r.stderr)).toEqual([
        `warning: app/linked.py: symbolic link to ${path.join(ws, "outside/target.py")}, outside the paths given; not followed`,
      ]);
      expect(r.code).toBe(args[0] === "--dry-run" ? 1 : 0);
    }
    expect(read(ws, "outside/target.py")).toBe(SLEEPY);
    expect(mtime(ws, "outside/target.py")).toBe(before);
    expect(lstatSync(path.join(tree, "app/linked.py")).isSymbolicLink()).toBe(true);
    expect(read(ws, "tree/app/main.py")).toBe(SLEEPY_FIXED);
  });

  test("a link to a folder outside the tree is not walked into", () => {
    const { ws, tree } = workspace();
    symlinkSync("../outside", path.join(tree, "vendor"));
    symlinkSync("..", path.join(tree, "parent"));
    const before = snapshot(path.join(ws, "outside"));
    const r = cli(tree, ".");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("1 file changed, 0 unchanged, 0 skipped");
    expect(snapshot(path.join(ws, "outside"))).toEqual(before);
  });

  test("`..` in --exclude globs or .gitignore cannot make the walk leave the tree", () => {
    const { ws, tree } = workspace();
    writeFileSync(path.join(tree, ".gitignore"), "!../outside/target.py\n!/../outside/\n");
    const before = snapshot(ws);
    const r = cli(
      tree,
      "--exclude",
      "../**",
      "--exclude",
      "..",
      "--exclude",
      "../outside/*.py",
      "--exclude",
      "../../**/*.py",
      ".",
    );
    expect(r.code).toBe(0);
    expect(changed(before, snapshot(ws))).toEqual(["tree/app/main.py"]);
  });

  test("a folder named through a link is walked where it really is, and nowhere else", () => {
    const { ws } = workspace();
    symlinkSync("tree/app", path.join(ws, "app-link"));
    const before = snapshot(ws);
    const r = cli(ws, "app-link");
    expect(r.code).toBe(0);
    expect(changed(before, snapshot(ws))).toEqual(["tree/app/main.py"]);
    expect(lstatSync(path.join(ws, "app-link")).isSymbolicLink()).toBe(true);
  });
});

/**
 * A module for `node --import` that turns every way of reaching the network or starting a
 * process into a logged, thrown error, in the main thread and in every worker thread.
 */
const SANDBOX = `
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { threadId } from "node:worker_threads";
import childProcess from "node:child_process";
import dgram from "node:dgram";
import dns from "node:dns";
import http from "node:http";
import http2 from "node:http2";
import https from "node:https";
import net from "node:net";
import tls from "node:tls";

const log = process.env.FASTAPI_FIX_SANDBOX_LOG;
fs.appendFileSync(log, \`loaded \${threadId}\\n\`);
const trap = (what) =>
  function trapped() {
    fs.appendFileSync(log, \`attempt \${what} in thread \${threadId}\\n\`);
    throw new Error(\`sandbox: \${what} is not allowed\`);
  };
const patch = (object, name, names) => {
  for (const key of names) if (typeof object[key] === "function") object[key] = trap(\`\${name}.\${key}\`);
};
patch(net.Socket.prototype, "net.Socket", ["connect"]);
patch(net.Server.prototype, "net.Server", ["listen"]);
patch(net, "net", ["connect", "createConnection"]);
patch(tls, "tls", ["connect"]);
patch(dgram, "dgram", ["createSocket"]);
patch(http, "http", ["request", "get"]);
patch(https, "https", ["request", "get"]);
patch(http2, "http2", ["connect"]);
patch(dns, "dns", ["lookup", "lookupService", "resolve", "resolve4", "resolve6", "resolveAny"]);
patch(dns.promises, "dns.promises", ["lookup", "resolve", "resolve4", "resolve6"]);
patch(globalThis, "globalThis", ["fetch", "WebSocket", "EventSource"]);
patch(childProcess, "child_process", [
  "spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork",
]);
syncBuiltinESMExports();
`;

describe("no network, no processes, no running of the code it reads", () => {
  function sandbox(): { helper: string; log: string; entries: () => string[] } {
    const dir = project({ "sandbox.mjs": SANDBOX });
    const log = path.join(dir, "log.txt");
    writeFileSync(log, "");
    return {
      helper: pathToFileURL(path.join(dir, "sandbox.mjs")).href,
      log,
      entries: () => readFileSync(log, "utf8").split("\n").filter(Boolean),
    };
  }

  test("the sandbox itself catches connections and processes (from CommonJS and ESM)", () => {
    const box = sandbox();
    const attempts = [
      `try { require("node:net").connect(9, "127.0.0.1") } catch {}`,
      `try { require("node:child_process").execSync("true") } catch {}`,
      `try { require("node:dns").lookup("example.com", () => {}) } catch {}`,
      `try { fetch("http://127.0.0.1:9/") } catch {}`,
    ];
    for (const code of attempts) {
      const r = spawnSync(process.execPath, ["--import", box.helper, "-e", code], {
        env: { ...plainEnv(), FASTAPI_FIX_SANDBOX_LOG: box.log },
        encoding: "utf8",
      });
      expect(r.status).toBe(0);
    }
    const esm = `import { connect } from "node:net"; try { connect(9, "127.0.0.1") } catch {}`;
    spawnSync(process.execPath, ["--import", box.helper, "--input-type=module", "-e", esm], {
      env: { ...plainEnv(), FASTAPI_FIX_SANDBOX_LOG: box.log },
    });
    const attempted = box.entries().filter((e) => e.startsWith("attempt"));
    expect(attempted).toEqual([
      "attempt net.connect in thread 0",
      "attempt child_process.execSync in thread 0",
      "attempt dns.lookup in thread 0",
      "attempt globalThis.fetch in thread 0",
      "attempt net.connect in thread 0",
    ]);
  });

  test("a run over code that would touch the network or the disk when run or imported: it is neither", () => {
    const box = sandbox();
    const root = project();
    const marker = (name: string): string => path.join(root, `MARKER-${name}`);
    const touch = (name: string): string =>
      `import os, socket, subprocess\nopen(${JSON.stringify(marker(name))}, "w").write("ran")\n` +
      `os.system("touch ${marker(name)}-system")\n` +
      `socket.create_connection(("127.0.0.1", 9))\n`;
    const files: Record<string, string> = {
      "setup.py": touch("setup"),
      "conftest.py": touch("conftest"),
      "sitecustomize.py": touch("sitecustomize"),
      "app/__init__.py": touch("package"),
      "app/marker_mod.py": touch("module"),
      "app/__main__.py": touch("main") + "import app.marker_mod\n",
      "app/routes.py":
        "import importlib\nimport time\n\nimport app.marker_mod\n\n" +
        "importlib.import_module('app.marker_mod')\n__import__('app.marker_mod')\n\n\n" +
        "async def handler():\n    time.sleep(1)\n    return 1\n",
    };
    // Enough files for two worker threads, each of which needs a fix.
    for (let i = 0; i < 80; i++)
      files[`app/gen/m${i}.py`] = touch(`gen${i}`) + SLEEPY.replace("handler", `h${i}`);
    for (const [rel, text] of Object.entries(files)) writeFileSync(ensure(root, rel), text);
    writeFileSync(ensure(root, "run.sh"), `#!/bin/sh\ntouch ${marker("shell")}\n`);
    chmodSync(path.join(root, "run.sh"), 0o755);

    const options = {
      nodeArgs: ["--import", box.helper],
      env: { FASTAPI_FIX_SANDBOX_LOG: box.log },
    };
    for (const args of [
      ["--dry-run", "--jobs", "2", "."],
      ["--jobs", "2", "--unsafe-fixes", "."],
      ["--jobs", "1", "app/routes.py"],
    ]) {
      const r = cliWith(root, options, ...args);
      expect(r.code === 0 || r.code === 1).toBe(true);
    }
    expect(read(root, "app/gen/m0.py")).toContain("await asyncio.sleep(1)");
    expect(read(root, "app/routes.py")).toContain("await asyncio.sleep(1)");
    // Loaded in the main thread and in worker threads, and nothing was attempted anywhere.
    const entries = box.entries();
    expect(entries.filter((e) => e.startsWith("attempt"))).toEqual([]);
    expect(entries).toContain("loaded 0");
    expect(entries.some((e) => /^loaded [1-9]/.test(e))).toBe(true);
    expect(readdirSync(root).filter((f) => f.startsWith("MARKER"))).toEqual([]);
  });
});

function ensure(root: string, rel: string): string {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

describe("temporary files: beside the target, exclusive, removed on any failure", () => {
  const listing = (dir: string): string[] => readdirSync(dir).sort();

  test("created beside the target with its mode, then renamed over it", () => {
    const dir = project({ "x.py": "old\n" });
    const target = path.join(dir, "x.py");
    chmodSync(target, 0o640);
    let seen: { temp: string; mode: number; content: string } | undefined;
    writeAtomic(target, Buffer.from("new\n"), {
      beforeRename: (temp) => {
        seen = {
          temp,
          mode: statSync(temp).mode & 0o777,
          content: readFileSync(temp, "utf8"),
        };
      },
    });
    expect(path.dirname(seen!.temp)).toBe(dir);
    expect(path.basename(seen!.temp)).toMatch(/^\.x\.py\.[0-9a-f]{12}\.fastapi-fix\.tmp$/);
    expect(seen!.mode).toBe(0o640);
    expect(seen!.content).toBe("new\n");
    expect(readFileSync(target, "utf8")).toBe("new\n");
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(listing(dir)).toEqual(["x.py"]);
  });

  test("exclusive: a file or link already at the temporary name is neither followed nor removed", () => {
    const dir = project({ "x.py": "old\n", "elsewhere/victim.txt": "precious\n" });
    const target = path.join(dir, "x.py");
    const temp = tempPathFor(target, "feedfacecafe");
    symlinkSync(path.join(dir, "elsewhere/victim.txt"), temp);
    expect(() => writeAtomic(target, Buffer.from("new\n"), { token: "feedfacecafe" })).toThrow(
      expect.objectContaining({ code: "EEXIST" }),
    );
    expect(readFileSync(path.join(dir, "elsewhere/victim.txt"), "utf8")).toBe("precious\n");
    expect(readFileSync(target, "utf8")).toBe("old\n");
    expect(lstatSync(temp).isSymbolicLink()).toBe(true);
  });

  test("a failure after the temporary file is written removes it; the target is untouched", () => {
    const dir = project({ "x.py": "old\n" });
    const target = path.join(dir, "x.py");
    expect(() =>
      writeAtomic(target, Buffer.from("new\n"), {
        beforeRename: () => {
          throw Object.assign(new Error("no space left"), { code: "ENOSPC" });
        },
      }),
    ).toThrow("no space left");
    expect(readFileSync(target, "utf8")).toBe("old\n");
    expect(listing(dir)).toEqual(["x.py"]);
  });

  test("the rename fails (the target became a folder meanwhile): the temporary file is removed", () => {
    const dir = project({ "x.py": "old\n" });
    const target = path.join(dir, "x.py");
    expect(() =>
      writeAtomic(target, Buffer.from("new\n"), {
        beforeRename: () => {
          rmSync(target);
          mkdirSync(target);
          writeFileSync(path.join(target, "inside.txt"), "kept\n");
        },
      }),
    ).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/) }),
    );
    expect(listing(dir)).toEqual(["x.py"]);
    expect(readFileSync(path.join(target, "inside.txt"), "utf8")).toBe("kept\n");
  });

  test("a target that is not a regular file is refused before anything is created", () => {
    const dir = project({ "folder.py/inner.txt": "x\n" });
    expect(() => writeAtomic(path.join(dir, "folder.py"), Buffer.from("new\n"))).toThrow(
      expect.objectContaining({ code: "ENOTFILE" }),
    );
    expect(listing(dir)).toEqual(["folder.py"]);
  });

  test("the CLI in a folder where no temporary file can be created: one line, exit 2, nothing left", () => {
    const root = project({ "locked/x.py": SLEEPY, "free/y.py": SLEEPY });
    const locked = path.join(root, "locked");
    let options = {};
    if (asRoot) {
      // Root writes anywhere: run as an unprivileged user who owns the file but not its folder.
      chownSync(root, NOBODY, NOBODY);
      chownSync(path.join(root, "free"), NOBODY, NOBODY);
      chownSync(path.join(root, "free/y.py"), NOBODY, NOBODY);
      chownSync(path.join(locked, "x.py"), NOBODY, NOBODY);
      options = { uid: NOBODY, gid: NOBODY };
    } else {
      chmodSync(locked, 0o555);
    }
    try {
      const r = cliWith(root, options, ".");
      expect(r.code).toBe(2);
      expect(problemLines(r.stderr)).toEqual([
        "error: locked/x.py: cannot write file: permission denied (EACCES); left unchanged",
      ]);
      expect(r.stderr).toContain("1 file changed, 0 unchanged, 0 skipped, 1 failed");
      expect(read(root, "locked/x.py")).toBe(SLEEPY);
      expect(read(root, "free/y.py")).toBe(SLEEPY_FIXED);
      expect([...snapshot(root).keys()].filter((k) => k.endsWith(TEMP_SUFFIX))).toEqual([]);
    } finally {
      chmodSync(locked, 0o755);
    }
    expect(existsSync(path.join(locked, "x.py"))).toBe(true);
  });
});
