// Bad and odd input, through the built command line: binary and non-UTF-8 files, empty files, a
// large file, deep nesting, links and loops, unreadable and read-only files, odd paths, the newest
// Python syntax, and runs stopped by SIGKILL or Ctrl-C. Each case gives one clear line on stderr
// and a documented exit code, and leaves every file whole.
import {
  chmodSync,
  chownSync,
  constants,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { execFileSync } from "node:child_process";
import { open } from "node:fs/promises";
import path from "node:path";
import {
  SLEEPY,
  SLEEPY_FIXED,
  age,
  bytes,
  cli,
  cliWith,
  expectNoCrash,
  mtime,
  project,
  read,
  snapshot,
  startCli,
  startCliWith,
  type Result,
} from "./cli-support.js";

const asRoot = process.getuid?.() === 0;
/** An unprivileged user for the permission tests when the suite runs as root. */
const NOBODY = 65534;

/** Lines of stderr that speak about files: `error: ...` and `warning: ...`. */
const problemLines = (stderr: string): string[] =>
  stderr.split("\n").filter((l) => /^(error|warning):/.test(l));

/** Every temporary file left under `root`. */
const temps = (root: string): string[] =>
  [...snapshot(root).keys()].filter((k) => k.endsWith(".fastapi-fix.tmp"));

function chownTree(root: string, uid: number): void {
  chownSync(root, uid, uid);
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const abs = path.join(root, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) chownTree(abs, uid);
    else chownSync(abs, uid, uid);
  }
}

describe("binary and non-UTF-8 files", () => {
  test("a binary file named .py: skipped with one line, exit 2, the other files fixed", () => {
    const png = Buffer.from(
      "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489",
      "hex",
    );
    const root = project({ "logo.py": png, "app.py": SLEEPY });
    const r = cli(root, ".");
    expect(r.code).toBe(2);
    expect(problemLines(r.stderr)).toEqual([
      "error: logo.py: cannot decode file: binary file (contains NUL bytes)",
    ]);
    expect(bytes(root, "logo.py").equals(png)).toBe(true);
    expect(read(root, "app.py")).toBe(SLEEPY_FIXED);
  });

  test("Latin-1 bytes without a coding line: skipped, the bad byte located, untouched", () => {
    const latin = Buffer.concat([
      Buffer.from(SLEEPY + "name = 'caf"),
      Buffer.from([0xe9, 0x27, 0x0a]),
    ]);
    const root = project({ "latin.py": latin });
    const before = age(root, "latin.py");
    const r = cli(root, ".");
    expect(r.code).toBe(2);
    expect(problemLines(r.stderr)).toEqual([
      "error: latin.py: cannot decode file: not valid UTF-8 (byte 0xE9 at 7:12); no coding line (PEP 263) declares another encoding",
    ]);
    expect(bytes(root, "latin.py").equals(latin)).toBe(true);
    expect(mtime(root, "latin.py")).toBe(before);
  });

  test("a latin-1 coding line: fixed, and written back in Latin-1 byte for byte outside the edit", () => {
    // 0x80 and 0x9f are C1 controls in Latin-1 (windows-1252 would read 0x80 as the euro sign).
    const latin = (text: string): Buffer => Buffer.from(text, "latin1");
    const tail = "    return 'caf\u00e9 \u0080\u009f \u00a4'  # \u00e0 la carte\n";
    const input = latin(
      "#!/usr/bin/env python\n# -*- coding: latin-1 -*-\n" + SLEEPY.replace("    return 1\n", tail),
    );
    const expected = latin(
      "#!/usr/bin/env python\n# -*- coding: latin-1 -*-\n" +
        SLEEPY_FIXED.replace("    return 1\n", tail),
    );
    const iso = (b: Buffer): Buffer => latin(b.toString("latin1").replace("latin-1", "iso-8859-1"));
    const root = project({ "latin.py": input, "iso.py": iso(input) });
    const dry = cli(root, "--dry-run", "latin.py");
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain("+    await asyncio.sleep(1)");
    expect(dry.stdout).toContain(" " + tail.trimEnd());
    const r = cli(root, ".");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("2 files changed");
    expect(bytes(root, "latin.py").toString("hex")).toBe(expected.toString("hex"));
    expect(bytes(root, "iso.py").toString("hex")).toBe(iso(expected).toString("hex"));
    expect(cli(root, ".").stderr).toContain("0 files changed, 2 unchanged");
  });

  test("a single-byte code page (cp1252) round-trips byte for byte", () => {
    const input = Buffer.concat([
      Buffer.from("# vim: set fileencoding=cp1252 :\n" + SLEEPY + "PRICE = '"),
      Buffer.from([0x80, 0x20, 0x35, 0x27, 0x0a]), // "€ 5"
    ]);
    const root = project({ "shop.py": input });
    expect(cli(root, ".").code).toBe(0);
    const expected = Buffer.concat([
      Buffer.from("# vim: set fileencoding=cp1252 :\n" + SLEEPY_FIXED + "PRICE = '"),
      Buffer.from([0x80, 0x20, 0x35, 0x27, 0x0a]),
    ]);
    expect(bytes(root, "shop.py").toString("hex")).toBe(expected.toString("hex"));
  });

  test.each([
    [
      "an encoding it cannot write back",
      "# -*- coding: shift_jis -*-\n",
      "cannot decode file: encoding 'shift_jis' (declared on line 1) is not supported (fastapi-fix rewrites UTF-8, ASCII, Latin-1 and single-byte code pages)",
    ],
    [
      "an unknown encoding",
      "# coding: no-such-codec\n",
      "cannot decode file: unknown encoding 'no-such-codec' (declared on line 1)",
    ],
    [
      "ASCII declared, Latin-1 found",
      "# coding: ascii\n",
      "cannot decode file: not valid ASCII (byte 0xE9 at 8:12), the encoding declared on line 1",
    ],
    [
      "a coding line on the third line (Python ignores it)",
      "\n\n# coding: latin-1\n",
      "cannot decode file: not valid UTF-8 (byte 0xE9 at 10:12); no coding line (PEP 263) declares another encoding",
    ],
  ])("%s: skipped with one line, exit 2, untouched", (_, head, message) => {
    const input = Buffer.concat([
      Buffer.from(head + SLEEPY + "name = 'caf"),
      Buffer.from([0xe9, 0x27, 0x0a]),
    ]);
    const root = project({ "x.py": input });
    const r = cli(root, ".");
    expect(r.code).toBe(2);
    expect(problemLines(r.stderr)).toEqual([`error: x.py: ${message}`]);
    expect(bytes(root, "x.py").equals(input)).toBe(true);
  });
});

describe("empty and trivial files", () => {
  test("empty, BOM-only, blank, whitespace and comment-only files: unchanged, exit 0", () => {
    const files = {
      "empty.py": "",
      "bom.py": Buffer.from([0xef, 0xbb, 0xbf]),
      "newline.py": "\n",
      "crlf.py": "\r\n\r\n",
      "spaces.py": "   \t\n\n",
      "comments.py": "# time.sleep(1) in a comment\n# HTTPException(404)\n# class Config:\n",
      "docstring.py": '"""time.sleep(1), status_code=404."""\n',
      "pkg/__init__.py": "",
    };
    const root = project(files);
    const times = Object.keys(files).map((f) => age(root, f));
    const before = snapshot(root);
    for (const args of [["--dry-run", "."], ["."]]) {
      const r = cli(root, ...args);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe("");
      expect(problemLines(r.stderr)).toEqual([]);
      expect(r.stderr).toMatch(
        new RegExp(`^0 files (would change|changed), ${Object.keys(files).length} unchanged`, "m"),
      );
    }
    expect(snapshot(root)).toEqual(before);
    expect(Object.keys(files).map((f) => mtime(root, f))).toEqual(times);
  });
});

describe("large and deeply nested input", () => {
  test("a 5 MB generated file is read, fixed and written whole", () => {
    const rows: string[] = [];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i++) {
      const row = `    {"id": ${i}, "name": "item ${i}", "tags": ["a", "b"], "price": ${i}.5},\n`;
      rows.push(row);
      size += row.length;
    }
    const body = "ROWS = [\n" + rows.join("") + "]\n\n\n";
    const input =
      "# A generated data module.\n" + SLEEPY.replace("\n\n\nasync", `\n\n${body}async`);
    const expected =
      "# A generated data module.\n" + SLEEPY_FIXED.replace("\n\n\nasync", `\n\n${body}async`);
    expect(input.length).toBeGreaterThan(5 * 1024 * 1024);
    const root = project({ "data.py": input });
    const r = cli(root, ".");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("1 file changed");
    expect(read(root, "data.py") === expected).toBe(true);
    expect(temps(root)).toEqual([]);
  });

  test("10,000-level nested expressions of every kind: fixed without exhausting the stack", () => {
    const depth = 10_000;
    const nest = (open: string, close: string): string =>
      open.repeat(depth) + "1" + close.repeat(depth);
    const deep = [
      `a = ${nest("(", ")")}`,
      `b = ${nest("[", "]")}`,
      `c = ${nest("{1: ", "}")}`,
      `d = ${nest("{", "}")}`,
      `e = ${nest("(", ",)")}`,
      `f = ${nest("x[", "]")}`,
      `g = ${nest("-", "")}`,
      `h = ${nest("not ", "")}`,
      `i = ${nest("lambda: ", "")}`,
      `j = ${nest("1 if 2 else ", "")}`,
      `k = ${Array(depth).fill("1").join(" + ")}`,
      `l = ${"a.".repeat(depth)}b`,
      `m = ${Array(depth).fill('"s"').join(" ")}`,
    ].join("\n");
    const sleepy = `${SLEEPY}\n\n${deep}\n`;
    const calls =
      "from pydantic import BaseModel\n\n\nclass M(BaseModel):\n    class Config:\n        orm_mode = True\n\n\n" +
      `n = ${nest("g(", ")")}\no = a${".b()".repeat(depth)}\n`;
    const fstrings = `${SLEEPY}\np = ${nest('f"{', '}"')}\n`;
    const root = project({ "deep.py": sleepy, "calls.py": calls, "fstrings.py": fstrings });
    const r = cli(root, ".");
    expect(r.code).toBe(2);
    // tree-sitter gives up on 10,000 nested f-strings: one clean line, the file untouched.
    expect(problemLines(r.stderr)).toEqual([
      expect.stringMatching(/^error: fstrings\.py: cannot parse: syntax error at \d+:\d+$/),
    ]);
    expect(read(root, "fstrings.py")).toBe(fstrings);
    expect(read(root, "deep.py")).toBe(`${SLEEPY_FIXED}\n\n${deep}\n`);
    expect(read(root, "calls.py")).toContain(
      "model_config = ConfigDict(from_attributes=True, coerce_numbers_to_str=True)",
    );
    expect(read(root, "calls.py")).toContain(`n = ${nest("g(", ")")}\n`);
  });

  test("10,000 nested calls and a 10,000-link call chain in a file the transforms look at", () => {
    const depth = 10_000;
    const nested = `n = ${"g(".repeat(depth)}1${")".repeat(depth)}\no = a${".b()".repeat(depth)}\n`;
    const source = `${SLEEPY}\nfrom fastapi import HTTPException\n\n${nested}raise HTTPException(404)\n`;
    const root = project({ "calls.py": source });
    const r = cli(root, "-t", "async-sleep", "-t", "status-constants", ".");
    // status-constants' query would cost the square of the depth on these two statements: they
    // are left out of its search and reported; the rest of the file is searched and fixed.
    expect(r.code).toBe(1);
    const notChecked = r.stdout
      .split("\n")
      .filter((l) => l.includes("not checked here"))
      .map((l) => l.split(" ").slice(0, 2).join(" "));
    const line = source.split("\n").indexOf(nested.split("\n")[0]!) + 1;
    expect(notChecked).toEqual([`calls.py:${line}:1: FF201`, `calls.py:${line + 1}:1: FF201`]);
    const out = read(root, "calls.py");
    expect(out).toContain(nested);
    expect(out).toContain("await asyncio.sleep(");
    expect(out).toContain("HTTPException(status.HTTP_404_NOT_FOUND)");
  });
});

describe("links", () => {
  test("a link to a file inside the tree: the file is fixed once, the link stays a link", () => {
    const root = project({ "lib/real.py": SLEEPY });
    mkdirSync(path.join(root, "app"));
    symlinkSync("../lib/real.py", path.join(root, "app/alias.py"));
    const r = cli(root, ".");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("1 file changed, 0 unchanged");
    expect(problemLines(r.stderr)).toEqual([]);
    expect(read(root, "lib/real.py")).toBe(SLEEPY_FIXED);
    expect(lstatSync(path.join(root, "app/alias.py")).isSymbolicLink()).toBe(true);
  });

  test("the same file named twice, by other spellings and through a link: processed once", () => {
    const root = project({ "x.py": SLEEPY });
    symlinkSync("x.py", path.join(root, "link.py"));
    const r = cli(root, "--dry-run", "x.py", "x.py", "./x.py", "sub/../x.py", "link.py", ".");
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n").filter((l) => l.startsWith("+++ "))).toEqual(["+++ b/x.py"]);
    expect(r.stderr).toContain("1 file would change, 0 unchanged, 0 skipped");
    const w = cli(root, "link.py", "x.py");
    expect(w.code).toBe(0);
    expect(w.stderr).toContain("1 file changed, 0 unchanged");
    expect(read(root, "x.py")).toBe(SLEEPY_FIXED);
    expect(lstatSync(path.join(root, "link.py")).isSymbolicLink()).toBe(true);
  });

  test("a link named on the command line is followed; the link itself stays a link", () => {
    const root = project({ "elsewhere/target.py": SLEEPY, "work/keep.txt": "" });
    symlinkSync("../elsewhere/target.py", path.join(root, "work/named.py"));
    const r = cli(path.join(root, "work"), "named.py");
    expect(r.code).toBe(0);
    expect(read(root, "elsewhere/target.py")).toBe(SLEEPY_FIXED);
    expect(lstatSync(path.join(root, "work/named.py")).isSymbolicLink()).toBe(true);
  });

  test("a symlink loop, a broken link and a looping folder link in a walk: warnings, exit 0", () => {
    const root = project({ "ok.py": SLEEPY });
    symlinkSync("loop_b.py", path.join(root, "loop_a.py"));
    symlinkSync("loop_a.py", path.join(root, "loop_b.py"));
    symlinkSync("missing.py", path.join(root, "broken.py"));
    symlinkSync(".", path.join(root, "again"));
    symlinkSync("..", path.join(root, "up"));
    const r = cli(root, ".");
    expect(r.code).toBe(0);
    expect(problemLines(r.stderr)).toEqual([
      "warning: broken.py: broken symbolic link; skipped",
      "warning: loop_a.py: symbolic link loop (ELOOP); skipped",
      "warning: loop_b.py: symbolic link loop (ELOOP); skipped",
    ]);
    expect(r.stderr).toContain("1 file changed, 0 unchanged, 3 skipped, 0 failed");
    expect(read(root, "ok.py")).toBe(SLEEPY_FIXED);
  });

  test("a symlink loop named on the command line: an error, exit 2, the other paths processed", () => {
    const root = project({ "ok.py": SLEEPY });
    symlinkSync("loop_b.py", path.join(root, "loop_a.py"));
    symlinkSync("loop_a.py", path.join(root, "loop_b.py"));
    const r = cli(root, "loop_a.py", "ok.py");
    expect(r.code).toBe(2);
    expect(problemLines(r.stderr)).toEqual([
      "error: loop_a.py: symbolic link loop (ELOOP); skipped",
    ]);
    expect(read(root, "ok.py")).toBe(SLEEPY_FIXED);
  });
});

describe("unreadable, special and read-only files", () => {
  test("a file without read permission: one line, exit 2, the others fixed", () => {
    const root = project({ "secret.py": SLEEPY, "ok.py": SLEEPY });
    chmodSync(path.join(root, "secret.py"), 0o000);
    // Root reads through chmod 000; the run then drops to an unprivileged user so that the
    // permission really stops the read.
    if (asRoot) chownTree(root, NOBODY);
    const options = asRoot ? { uid: NOBODY, gid: NOBODY } : {};
    const r = cliWith(root, options, ".");
    expect(r.code).toBe(2);
    expect(problemLines(r.stderr)).toEqual([
      "error: secret.py: cannot read file: permission denied (EACCES)",
    ]);
    expect(read(root, "ok.py")).toBe(SLEEPY_FIXED);
    chmodSync(path.join(root, "secret.py"), 0o644);
    expect(read(root, "secret.py")).toBe(SLEEPY);
  });

  test("a folder without read permission: one line, exit 2, the rest walked", () => {
    const root = project({ "closed/x.py": SLEEPY, "ok.py": SLEEPY });
    if (asRoot) chownTree(root, NOBODY);
    chmodSync(path.join(root, "closed"), 0o000);
    try {
      const r = cliWith(root, asRoot ? { uid: NOBODY, gid: NOBODY } : {}, ".");
      expect(r.code).toBe(2);
      expect(problemLines(r.stderr)).toEqual([
        "error: closed: cannot read folder: permission denied (EACCES); skipped",
      ]);
      expect(read(root, "ok.py")).toBe(SLEEPY_FIXED);
    } finally {
      chmodSync(path.join(root, "closed"), 0o755);
    }
    expect(read(root, "closed/x.py")).toBe(SLEEPY);
  });

  /**
   * Runs the CLI beside a writer waiting on `fifo`, with no time limit yet unable to hang: were
   * the CLI to open the FIFO to read it (and block there, waiting for a writer), the writer would
   * open at that moment and close at once, so the CLI reads an empty stream and goes on, and the
   * test fails on what the run prints instead of hanging. Once the run is over, a reader of our
   * own releases the writer if nobody opened the FIFO.
   */
  async function cliBesideFifo(root: string, fifo: string, ...args: string[]): Promise<Result> {
    const writer = open(fifo, constants.O_WRONLY).then((handle) => handle.close());
    try {
      const r = await startCli(root, ...args).done;
      expectNoCrash(r);
      return r;
    } finally {
      const reader = await open(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
      await writer;
      await reader.close();
    }
  }

  test("a FIFO named .py never blocks the run: a warning in a walk, an error when named", async () => {
    const root = project({ "ok.py": SLEEPY });
    const fifo = path.join(root, "pipe.py");
    execFileSync("mkfifo", [fifo]);
    const walked = await cliBesideFifo(root, fifo, ".");
    expect(walked.signal).toBeNull();
    expect(walked.code).toBe(0);
    expect(problemLines(walked.stderr)).toEqual([
      "warning: pipe.py: not a regular file (a FIFO, socket or device); skipped",
    ]);
    const named = await cliBesideFifo(root, fifo, "pipe.py", "ok.py");
    expect(named.signal).toBeNull();
    expect(named.code).toBe(2);
    expect(problemLines(named.stderr)).toEqual([
      "error: pipe.py: not a regular file (a FIFO, socket or device); skipped",
    ]);
  });

  test("a folder named x.py is a folder: walked, not read", () => {
    const root = project({ "odd.py/inner.py": SLEEPY });
    const r = cli(root, "odd.py");
    expect(r.code).toBe(0);
    expect(read(root, "odd.py/inner.py")).toBe(SLEEPY_FIXED);
  });

  test("a read-only file in write mode: refused, reported, exit 2; a dry run shows the diff", () => {
    const root = project({ "locked.py": SLEEPY, "open.py": SLEEPY });
    chmodSync(path.join(root, "locked.py"), 0o444);
    const before = age(root, "locked.py");
    const dry = cli(root, "--dry-run", ".");
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain("+++ b/locked.py");
    const r = cli(root, ".");
    expect(r.code).toBe(2);
    expect(problemLines(r.stderr)).toEqual([
      "error: locked.py: file is read-only; left unchanged (make it writable to apply the fixes)",
    ]);
    expect(r.stderr).toContain("1 file changed, 0 unchanged, 1 skipped, 0 failed");
    expect(read(root, "locked.py")).toBe(SLEEPY);
    expect(mtime(root, "locked.py")).toBe(before);
    expect(statSync(path.join(root, "locked.py")).mode & 0o777).toBe(0o444);
    expect(read(root, "open.py")).toBe(SLEEPY_FIXED);
    expect(temps(root)).toEqual([]);
  });

  (asRoot ? test : test.skip)(
    "a file this user may not write (someone else's, 0644): refused, exit 2 (needs root to set up)",
    () => {
      const root = project({ "theirs.py": SLEEPY, "mine.py": SLEEPY });
      chownSync(root, NOBODY, NOBODY);
      chownSync(path.join(root, "mine.py"), NOBODY, NOBODY);
      // theirs.py stays root's, 0644: nobody may read it, and could rename over it, but must not.
      const r = cliWith(root, { uid: NOBODY, gid: NOBODY }, ".");
      expect(r.code).toBe(2);
      expect(problemLines(r.stderr)).toEqual([
        "error: theirs.py: file is not writable; left unchanged (make it writable to apply the fixes)",
      ]);
      expect(read(root, "theirs.py")).toBe(SLEEPY);
      expect(statSync(path.join(root, "theirs.py")).uid).toBe(0);
      expect(read(root, "mine.py")).toBe(SLEEPY_FIXED);
    },
  );
});

describe("paths", () => {
  test("spaces and non-ASCII characters in folder and file names", () => {
    const rel = "my app/ünïcødé dir/日本 語 #1.py";
    const root = project({ [rel]: SLEEPY, "my app/taken.py": SLEEPY.replace("():", "(asyncio):") });
    const dry = cli(root, "--dry-run", "my app");
    expect(dry.code).toBe(1);
    // Diff headers quote such names as git does: in double quotes, bytes beyond ASCII in octal.
    const quoted = (side: string): string =>
      `"${side}/${[...Buffer.from(rel)].map((b) => (b < 0x80 ? String.fromCharCode(b) : `\\${b.toString(8)}`)).join("")}"`;
    expect(dry.stdout).toContain(`--- ${quoted("a")}\n+++ ${quoted("b")}\n`);
    expect(dry.stdout).toMatch(/^my app\/taken\.py:5:5: FF001 /m);
    const r = cli(path.join(root, "my app"), ".");
    expect(r.code).toBe(1); // the diagnostic in taken.py remains
    expect(read(root, rel)).toBe(SLEEPY_FIXED);
    expect(temps(root)).toEqual([]);
  });
});

describe("Python 3.12-3.14 syntax", () => {
  const modern = [
    "import time",
    "",
    "type Pair[T] = tuple[T, T]",
    "",
    "",
    "def first[T](xs: list[T]) -> T:",
    "    return xs[0]",
    "",
    "",
    "class Box[T: int, *Ts, **P]:",
    "    pass",
    "",
    "",
    "async def handler(cmd, width):",
    "    try:",
    "        pass",
    "    except ValueError, TypeError:",
    "        pass",
    "    except* OSError:",
    "        pass",
    "    match cmd:",
    "        case [x, *rest]:",
    "            pass",
    '        case {"k": v}:',
    "            pass",
    "        case Box() | None:",
    "            pass",
    "        case _:",
    "            pass",
    '    name = f"{f"{cmd!r:>{width}}"}" + f"{", ".join(["a", "b"])}"',
    "    time.sleep(1)",
    '    return t"hello {name}"',
    "",
  ].join("\n");

  test("PEP 695 generics, except without brackets, nested f-strings, match, t-strings: fixed", () => {
    const root = project({ "modern.py": modern });
    const r = cli(root, ".");
    expect(r.code).toBe(0);
    expect(read(root, "modern.py")).toBe(
      modern
        .replace("import time", "import asyncio")
        .replace("time.sleep(1)", "await asyncio.sleep(1)"),
    );
  });

  test("syntax tree-sitter-python 0.25 does not know (PEP 696 defaults): one 'cannot parse' line", () => {
    const pep696 =
      "import time\n\n\nclass Box[T = int]:\n    pass\n\n\nasync def f():\n    time.sleep(1)\n";
    const root = project({ "defaults.py": pep696, "ok.py": SLEEPY });
    const r = cli(root, ".");
    expect(r.code).toBe(2);
    expect(problemLines(r.stderr)).toEqual([
      "error: defaults.py: cannot parse: syntax error at 4:11",
    ]);
    expect(read(root, "defaults.py")).toBe(pep696);
    expect(read(root, "ok.py")).toBe(SLEEPY_FIXED);
  });
});

describe("runs that are stopped", () => {
  const COUNT = 300;
  const name = (i: number): string => `app/m${String(i).padStart(3, "0")}.py`;
  const original = (i: number): string => SLEEPY.replace("handler", `handler_${i}`);
  const fixed = (i: number): string => SLEEPY_FIXED.replace("handler", `handler_${i}`);

  function files(): Record<string, string> {
    const out: Record<string, string> = {};
    for (let i = 0; i < COUNT; i++) out[name(i)] = original(i);
    return out;
  }

  /** How many files are fixed, failing on any that is neither original nor fixed. */
  function countFixed(root: string): number {
    let n = 0;
    for (let i = 0; i < COUNT; i++) {
      const text = readFileSync(path.join(root, name(i)), "utf8");
      if (text === fixed(i)) n++;
      else if (text !== original(i)) throw new Error(`${name(i)} is half-written: ${text}`);
    }
    return n;
  }

  /**
   * A preload that holds every thread of the CLI once it has written `GATE_AFTER` files, until
   * the file `GATE` exists: the signal then always arrives mid-run, however fast the machine.
   * The main thread opens the gate itself once it has taken a signal in, after the CLI's own
   * handlers (which stop the run) have run; when the main thread is the one held (--jobs 1), the
   * test opens it, and the signal waiting for the thread is taken in before the next file.
   */
  const GATE_PRELOAD =
    "data:text/javascript," +
    encodeURIComponent(
      'import fs from "node:fs";import{syncBuiltinESMExports}from"node:module";' +
        'import{isMainThread}from"node:worker_threads";' +
        "const gate=process.env.GATE,after=Number(process.env.GATE_AFTER);" +
        "const real=fs.renameSync,cell=new Int32Array(new SharedArrayBuffer(4));let n=0;" +
        "fs.renameSync=(a,b)=>{real(a,b);if(++n>=after)" +
        "while(!fs.existsSync(gate))Atomics.wait(cell,0,0,10)};syncBuiltinESMExports();" +
        'if(isMainThread)for(const s of["SIGINT","SIGTERM"])' +
        'process.on(s,()=>setImmediate(()=>fs.writeFileSync(gate,"")));',
    );

  /**
   * Runs the CLI until its threads have written `held` files between them and are held (each
   * after its share), sends `signal`, then lets them go on.
   */
  async function stopAfter(
    root: string,
    jobs: string,
    held: number,
    signal: NodeJS.Signals,
    ...extra: string[]
  ) {
    const gate = path.join(root, "..", `${path.basename(root)}.gate`);
    const { child, done } = startCliWith(
      root,
      {
        nodeArgs: ["--import", GATE_PRELOAD],
        env: { GATE: gate, GATE_AFTER: String(held / Number(jobs)) },
      },
      "--jobs",
      jobs,
      ...extra,
      ".",
    );
    let exited = false;
    void done.then(() => (exited = true));
    while (!exited && countFixed(root) < held) await new Promise((r) => setTimeout(r, 10));
    child.kill(signal);
    // A main thread held in a write cannot open the gate: the signal waits for it meanwhile.
    if (signal !== "SIGKILL" && jobs === "1") writeFileSync(gate, "");
    const result = await done;
    rmSync(gate, { force: true });
    return result;
  }

  test.each(["1", "2"])(
    "SIGKILL mid-way (--jobs %s): every file is its old or its new self",
    async (jobs) => {
      const root = project(files());
      const r = await stopAfter(root, jobs, 10, "SIGKILL");
      expect(r.signal).toBe("SIGKILL");
      const n = countFixed(root);
      expect(n).toBeGreaterThanOrEqual(10);
      expect(n).toBeLessThan(COUNT);
      // Only a temporary file can be left over (documented), hidden and never taken for a .py file.
      for (const t of temps(root))
        expect(path.basename(t)).toMatch(/^\.m\d{3}\.py\.[0-9a-f]{12}\.fastapi-fix\.tmp$/);
      // A second run finishes the job.
      const again = cli(root, ".");
      expect(again.code).toBe(0);
      expect(again.stderr).toMatch(new RegExp(`^${COUNT - n} files? changed, ${n} unchanged`, "m"));
      expect(countFixed(root)).toBe(COUNT);
    },
  );

  test.each([
    ["SIGINT", "1", 130],
    ["SIGINT", "2", 130],
    ["SIGTERM", "2", 143],
  ] as const)(
    "stopped by %s (--jobs %s): the files in progress finish, exit %d, nothing half-written",
    async (signal, jobs, code) => {
      const root = project(files());
      const r = await stopAfter(root, jobs, 10, signal);
      expectNoCrash(r);
      expect(r.signal).toBeNull();
      expect(r.code).toBe(code);
      const n = countFixed(root);
      expect(n).toBeGreaterThanOrEqual(10);
      expect(n).toBeLessThan(COUNT);
      expect(r.stderr).toContain(
        `fastapi-fix: stopped by ${signal}: ${n} of ${COUNT} files processed, the others left untouched`,
      );
      expect(r.stderr).toContain(`${n} files changed, 0 unchanged, 0 skipped, 0 failed`);
      expect(temps(root)).toEqual([]);
    },
  );

  test("Ctrl-C with --format json: the report says so and lists the files done", async () => {
    const root = project(files());
    const r = await stopAfter(root, "1", 10, "SIGINT", "--format", "json");
    expect(r.code).toBe(130);
    const report = JSON.parse(r.stdout);
    expect(report.stopped).toBe("SIGINT");
    const n = countFixed(root);
    expect(report.files).toHaveLength(n);
    expect(report.summary.changed).toBe(n);
  });
});
