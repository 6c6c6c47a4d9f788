// The import manager end to end, through the fix loop: where new imports go, how existing imports
// are reused or extended, what happens on a name clash, and which imports are dropped when unused.
import { applyEdits } from "../src/engine/apply.js";
import { ModuleContext } from "../src/engine/context.js";
import type { FileOutcome } from "../src/engine/fixer.js";
import { parse } from "../src/engine/parser.js";
import type { Transform } from "../src/engine/types.js";
import { appending, importing, type ImportingOptions } from "./engine-support.js";
import { output, ready, run } from "./helpers.js";

beforeAll(ready);

/** Replaces every `MARK` with the name the import manager hands out for fastapi.status. */
const status = (extra: Partial<ImportingOptions> = {}): Transform =>
  importing({ find: "MARK", module: "fastapi", name: "status", ...extra });

const fix = (source: string, transform: Transform): string => output(run(source, [transform]));

const lines = (...parts: string[]): string => parts.join("\n");

const messages = (outcome: FileOutcome): string[] =>
  outcome.status === "ok" ? outcome.diagnostics.map((d) => d.message) : [outcome.status];

describe("where a new import goes", () => {
  test("a file without imports: at the top, a blank line before the code", () => {
    expect(fix("x = MARK\n", status())).toBe("from fastapi import status\n\nx = status\n");
  });

  test("after the module docstring, set off by a blank line", () => {
    const input = lines('"""The app."""', "", "x = MARK", "");
    const expected = lines(
      '"""The app."""',
      "",
      "from fastapi import status",
      "",
      "x = status",
      "",
    );
    expect(fix(input, status())).toBe(expected);
  });

  test("after a multi-line docstring", () => {
    const input = lines('"""The app.', "", "More words.", '"""', "", "x = MARK", "");
    const expected = lines(
      '"""The app.',
      "",
      "More words.",
      '"""',
      "",
      "from fastapi import status",
      "",
      "x = status",
      "",
    );
    expect(fix(input, status())).toBe(expected);
  });

  test("after from __future__ imports", () => {
    const input = lines('"""The app."""', "from __future__ import annotations", "", "x = MARK", "");
    const expected = lines(
      '"""The app."""',
      "from __future__ import annotations",
      "from fastapi import status",
      "",
      "x = status",
      "",
    );
    expect(fix(input, status())).toBe(expected);
  });

  test("after the existing import block", () => {
    const input = lines(
      "from __future__ import annotations",
      "",
      "import os",
      "from typing import Any",
      "",
      "x = MARK",
      "",
    );
    const expected = lines(
      "from __future__ import annotations",
      "",
      "import os",
      "from typing import Any",
      "from fastapi import status",
      "",
      "x = status",
      "",
    );
    expect(fix(input, status())).toBe(expected);
  });

  test("after a shebang and an encoding line", () => {
    const input = lines("#!/usr/bin/env python", "# -*- coding: utf-8 -*-", "x = MARK", "");
    const expected = lines(
      "#!/usr/bin/env python",
      "# -*- coding: utf-8 -*-",
      "from fastapi import status",
      "",
      "x = status",
      "",
    );
    expect(fix(input, status())).toBe(expected);
  });

  test("after a shebang, an encoding line, a docstring and imports", () => {
    const input = lines(
      "#!/usr/bin/env python",
      "# -*- coding: utf-8 -*-",
      '"""The app."""',
      "import os",
      "",
      "x = MARK",
      "",
    );
    const expected = lines(
      "#!/usr/bin/env python",
      "# -*- coding: utf-8 -*-",
      '"""The app."""',
      "import os",
      "from fastapi import status",
      "",
      "x = status",
      "",
    );
    expect(fix(input, status())).toBe(expected);
  });

  test("below the header comments", () => {
    const input = lines("# Copyright 2024 Example", "# License: MIT", "", "x = MARK", "");
    const expected = lines(
      "# Copyright 2024 Example",
      "# License: MIT",
      "",
      "from fastapi import status",
      "",
      "x = status",
      "",
    );
    expect(fix(input, status())).toBe(expected);
  });

  test("above a comment that belongs to the first statement", () => {
    const input = lines("# Copyright 2024 Example", "", "# The answer.", "x = MARK", "");
    const expected = lines(
      "# Copyright 2024 Example",
      "",
      "from fastapi import status",
      "",
      "# The answer.",
      "x = status",
      "",
    );
    expect(fix(input, status())).toBe(expected);
  });

  test("an empty file", () => {
    expect(fix("", appending("fastapi", "status"))).toBe(
      "from fastapi import status\n\nUSED = status\n",
    );
  });

  test("a file of comments only", () => {
    expect(fix("# nothing here\n", appending("fastapi", "status"))).toBe(
      "# nothing here\nfrom fastapi import status\n\nUSED = status\n",
    );
  });

  test("a plain module import", () => {
    const t = importing({ find: "MARK", module: "asyncio" });
    expect(fix("import os\n\nx = MARK\n", t)).toBe("import os\nimport asyncio\n\nx = asyncio\n");
  });

  test("several requirements of one pass share one statement per module", () => {
    const input = "import os\n\nx = MARK\ny = MARK\n";
    expect(fix(input, status())).toBe(
      "import os\nfrom fastapi import status\n\nx = status\ny = status\n",
    );
  });

  test("a file without a trailing newline", () => {
    expect(fix("import os\nx = MARK", status())).toBe(
      "import os\nfrom fastapi import status\nx = status",
    );
  });
});

describe("adding to an existing from-import", () => {
  test("a one-line from-import", () => {
    expect(fix("from fastapi import FastAPI\n\nx = MARK\n", status())).toBe(
      "from fastapi import FastAPI, status\n\nx = status\n",
    );
  });

  test("a one-line from-import with an alias and a comment", () => {
    expect(fix("from fastapi import FastAPI as App  # web\n\nx = MARK\n", status())).toBe(
      "from fastapi import FastAPI as App, status  # web\n\nx = status\n",
    );
  });

  test("a parenthesised multi-line from-import with a trailing comma", () => {
    const input = lines(
      "from fastapi import (",
      "    APIRouter,",
      "    FastAPI,",
      ")",
      "",
      "x = MARK",
      "",
    );
    const expected = lines(
      "from fastapi import (",
      "    APIRouter,",
      "    FastAPI,",
      "    status,",
      ")",
      "",
      "x = status",
      "",
    );
    expect(fix(input, status())).toBe(expected);
  });

  test("a parenthesised multi-line from-import without a trailing comma", () => {
    const input = lines(
      "from fastapi import (",
      "    APIRouter,",
      "    FastAPI",
      ")",
      "",
      "x = MARK",
      "",
    );
    const expected = lines(
      "from fastapi import (",
      "    APIRouter,",
      "    FastAPI, status",
      ")",
      "",
      "x = status",
      "",
    );
    expect(fix(input, status())).toBe(expected);
  });

  test("a parenthesised one-line from-import", () => {
    expect(fix("from fastapi import (APIRouter, FastAPI)\n\nx = MARK\n", status())).toBe(
      "from fastapi import (APIRouter, FastAPI, status)\n\nx = status\n",
    );
  });

  test("not to a star import or an import of another module", () => {
    const input = "from fastapi import *\nfrom fastapi.responses import JSONResponse\n\nx = MARK\n";
    // The star import could bind anything: no new name can be proven free.
    const outcome = run(input, [status()]);
    expect(output(outcome)).toBe(input);
    expect(messages(outcome)).toEqual([
      expect.stringMatching(/^cannot import fastapi\.status: `status` /),
    ]);
    expect(fix("from fastapi.responses import JSONResponse\n\nx = MARK\n", status())).toBe(
      "from fastapi.responses import JSONResponse\nfrom fastapi import status\n\nx = status\n",
    );
  });
});

describe("reusing existing bindings", () => {
  test("an existing from-import with an alias", () => {
    expect(fix("from fastapi import status as st\n\nx = MARK\n", status())).toBe(
      "from fastapi import status as st\n\nx = st\n",
    );
  });

  test("import fastapi gives fastapi.status", () => {
    expect(fix("import fastapi\n\nx = MARK\n", status())).toBe(
      "import fastapi\n\nx = fastapi.status\n",
    );
  });

  test("import fastapi as fa gives fa.status", () => {
    expect(fix("import fastapi as fa\n\nx = MARK\n", status())).toBe(
      "import fastapi as fa\n\nx = fa.status\n",
    );
  });

  test("an equivalent module", () => {
    const t = status({ ensure: { equivalents: ["starlette.status"] } });
    expect(fix("from starlette import status\n\nx = MARK\n", t)).toBe(
      "from starlette import status\n\nx = status\n",
    );
    expect(fix("import starlette.status as codes\n\nx = MARK\n", t)).toBe(
      "import starlette.status as codes\n\nx = codes\n",
    );
  });

  test("an import that is shadowed where the name is needed is not reused", () => {
    const input = lines(
      "from fastapi import status",
      "",
      "",
      "def f(status):",
      "    return MARK",
      "",
    );
    const expected = lines(
      "from fastapi import status, status as http_status",
      "",
      "",
      "def f(status):",
      "    return http_status",
      "",
    );
    expect(fix(input, status({ ensure: { aliases: ["http_status"] } }))).toBe(expected);
  });

  test("a function-level import is reused inside that function", () => {
    const input = lines("def f():", "    from fastapi import status", "    return MARK", "");
    expect(fix(input, status())).toBe(
      lines("def f():", "    from fastapi import status", "    return status", ""),
    );
  });

  test("onlyExisting never plans an import", () => {
    const t = status({ ensure: { onlyExisting: true } });
    const outcome = run("x = MARK\n", [t]);
    expect(output(outcome)).toBe("x = MARK\n");
    expect(messages(outcome)).toEqual(["fastapi.status is not imported"]);
  });
});

describe("name clashes", () => {
  test("a taken name falls back to the alias", () => {
    const t = status({ ensure: { aliases: ["http_status"] } });
    expect(fix("status = 1\n\nx = MARK\n", t)).toBe(
      "from fastapi import status as http_status\n\nstatus = 1\n\nx = http_status\n",
    );
  });

  test("a parameter of the function using it takes the name", () => {
    const t = status({ ensure: { aliases: ["http_status"] } });
    const input = lines("import os", "", "", "def f(status):", "    return MARK", "");
    const expected = lines(
      "import os",
      "from fastapi import status as http_status",
      "",
      "",
      "def f(status):",
      "    return http_status",
      "",
    );
    expect(fix(input, t)).toBe(expected);
  });

  test("a name bound later in the module takes the name", () => {
    const t = status({ ensure: { aliases: ["http_status"] } });
    const input = lines("import os", "", "x = MARK", "", "", "def status():", "    pass", "");
    const expected = lines(
      "import os",
      "from fastapi import status as http_status",
      "",
      "x = http_status",
      "",
      "",
      "def status():",
      "    pass",
      "",
    );
    expect(fix(input, t)).toBe(expected);
  });

  test("builtins are never shadowed", () => {
    const t = importing({
      find: "MARK",
      module: "io",
      name: "open",
      ensure: { aliases: ["io_open"] },
    });
    expect(fix("x = MARK\n", t)).toBe("from io import open as io_open\n\nx = io_open\n");
  });

  test("every candidate taken: no fix, a reason", () => {
    const t = status({ ensure: { aliases: ["http_status"] } });
    const input = "status = 1\nhttp_status = 2\nx = MARK\n";
    const outcome = run(input, [t]);
    expect(output(outcome)).toBe(input);
    expect(messages(outcome)).toEqual([
      expect.stringMatching(/^cannot import fastapi\.status: `status` and `http_status` /),
    ]);
  });
});

describe("removeIfUnused", () => {
  /** Replaces `time.sleep(1)` with `print(1)` and asks for `import time` to go if unused. */
  const dropTime = importing({
    find: "time.sleep(1)",
    replace: () => "print(1)",
    removeIfUnused: [{ local: "time", qualified: "time" }],
  });
  /** Replaces `sleep(1)` with `print(1)` and asks for `from time import sleep` to go if unused. */
  const dropSleep = importing({
    find: "sleep(1)",
    replace: () => "print(1)",
    removeIfUnused: [{ local: "sleep", qualified: "time.sleep" }],
  });

  test("a whole import line", () => {
    const input = lines("import os", "import time", "", "os.getcwd()", "time.sleep(1)", "");
    expect(fix(input, dropTime)).toBe(lines("import os", "", "os.getcwd()", "print(1)", ""));
  });

  test("the only import, without leaving a blank line at the top", () => {
    const input = lines("import time", "", "time.sleep(1)", "");
    expect(fix(input, dropTime)).toBe(lines("print(1)", ""));
  });

  test("one name of import os, time", () => {
    const input = lines("import os, time", "", "os.getcwd()", "time.sleep(1)", "");
    expect(fix(input, dropTime)).toBe(lines("import os", "", "os.getcwd()", "print(1)", ""));
    const first = lines("import time, os", "", "os.getcwd()", "time.sleep(1)", "");
    expect(fix(first, dropTime)).toBe(lines("import os", "", "os.getcwd()", "print(1)", ""));
  });

  test("one name of a one-line from-import", () => {
    const input = lines("from time import monotonic, sleep", "", "monotonic()", "sleep(1)", "");
    expect(fix(input, dropSleep)).toBe(
      lines("from time import monotonic", "", "monotonic()", "print(1)", ""),
    );
  });

  test("one name of a parenthesised list", () => {
    const last = lines(
      "from time import (",
      "    monotonic,",
      "    sleep,",
      ")",
      "",
      "monotonic()",
      "sleep(1)",
      "",
    );
    expect(fix(last, dropSleep)).toBe(
      lines("from time import (", "    monotonic,", ")", "", "monotonic()", "print(1)", ""),
    );
    const first = lines(
      "from time import (",
      "    sleep,",
      "    monotonic,",
      ")",
      "",
      "monotonic()",
      "sleep(1)",
      "",
    );
    expect(fix(first, dropSleep)).toBe(
      lines("from time import (", "    monotonic,", ")", "", "monotonic()", "print(1)", ""),
    );
    const middle = lines(
      "from time import (",
      "    monotonic,",
      "    sleep,",
      "    time",
      ")",
      "",
      "monotonic(), time()",
      "sleep(1)",
      "",
    );
    expect(fix(middle, dropSleep)).toBe(
      lines(
        "from time import (",
        "    monotonic,",
        "    time",
        ")",
        "",
        "monotonic(), time()",
        "print(1)",
        "",
      ),
    );
  });

  test("the last name of a parenthesised list, on the line of the closing parenthesis", () => {
    const input = lines(
      "from time import (monotonic,",
      "                  sleep)",
      "",
      "monotonic()",
      "sleep(1)",
      "",
    );
    const outcome = run(input, [dropSleep]);
    expect(outcome.status).toBe("ok");
    const out = output(outcome);
    expect(out).toMatch(/^from time import \(monotonic,?\s*\)\n\nmonotonic\(\)\nprint\(1\)\n$/);
  });

  test("the last name after a backslash continuation", () => {
    const input = lines(
      "from time import monotonic, \\",
      "    sleep",
      "",
      "monotonic()",
      "sleep(1)",
      "",
    );
    const outcome = run(input, [dropSleep]);
    expect(outcome.status).toBe("ok");
    const out = output(outcome);
    expect(out).not.toContain("sleep");
    expect(out).toMatch(/^from time import monotonic\s*\n\nmonotonic\(\)\nprint\(1\)\n$/);
  });

  test("an aliased name", () => {
    const t = importing({
      find: "snooze(1)",
      replace: () => "print(1)",
      removeIfUnused: [{ local: "snooze", qualified: "time.sleep" }],
    });
    const input = lines(
      "from time import monotonic, sleep as snooze",
      "",
      "monotonic()",
      "snooze(1)",
      "",
    );
    expect(fix(input, t)).toBe(
      lines("from time import monotonic", "", "monotonic()", "print(1)", ""),
    );
  });

  test("an import that is still used stays", () => {
    const input = lines("import time", "", "time.sleep(1)", "time.monotonic()", "");
    expect(fix(input, dropTime)).toBe(lines("import time", "", "print(1)", "time.monotonic()", ""));
  });

  test("a use in an f-string keeps it", () => {
    const input = lines("import time", "", "time.sleep(1)", 'print(f"{time.monotonic()}")', "");
    expect(fix(input, dropTime)).toBe(input.replace("time.sleep(1)", "print(1)"));
  });

  test("a use in another function keeps it", () => {
    const input = lines(
      "import time",
      "",
      "",
      "def f():",
      "    time.sleep(1)",
      "",
      "",
      "def g():",
      "    return time.monotonic()",
      "",
    );
    expect(fix(input, dropTime)).toBe(input.replace("time.sleep(1)", "print(1)"));
  });

  test("a name that only a shadowing local uses is unused", () => {
    const input = lines(
      "import time",
      "",
      "",
      "def f(time):",
      "    return time",
      "",
      "",
      "time.sleep(1)",
      "",
    );
    expect(fix(input, dropTime)).toBe(
      lines("def f(time):", "    return time", "", "", "print(1)", ""),
    );
  });

  test("a name listed in __all__ stays", () => {
    const input = lines("from time import sleep", "", '__all__ = ["sleep"]', "", "sleep(1)", "");
    expect(fix(input, dropSleep)).toBe(
      lines("from time import sleep", "", '__all__ = ["sleep"]', "", "print(1)", ""),
    );
  });

  test("a use in a string annotation keeps it", () => {
    const input = lines(
      "import time",
      "",
      "",
      'def f(t: "time.struct_time"):',
      "    time.sleep(1)",
      "",
    );
    expect(fix(input, dropTime)).toBe(input.replace("time.sleep(1)", "print(1)"));
  });

  test("a function-level import", () => {
    const input = lines(
      "import os",
      "",
      "",
      "def f():",
      "    import time",
      "    time.sleep(1)",
      "    return os.getcwd()",
      "",
    );
    expect(fix(input, dropTime)).toBe(
      lines("import os", "", "", "def f():", "    print(1)", "    return os.getcwd()", ""),
    );
  });

  test("a function-level import that is the function's only other statement", () => {
    const input = lines("def f():", "    import time", "    time.sleep(1)", "");
    expect(fix(input, dropTime)).toBe(lines("def f():", "    print(1)", ""));
  });

  test("a function-level import leaves other functions' imports alone", () => {
    const input = lines(
      "def f():",
      "    import time",
      "    time.sleep(1)",
      "",
      "",
      "def g():",
      "    import time",
      "    return time.monotonic()",
      "",
    );
    expect(fix(input, dropTime)).toBe(
      lines(
        "def f():",
        "    print(1)",
        "",
        "",
        "def g():",
        "    import time",
        "    return time.monotonic()",
        "",
      ),
    );
  });

  test("CRLF files", () => {
    const crlf = (s: string): string => s.replace(/\n/g, "\r\n");
    const input = crlf(lines("import os", "import time", "", "os.getcwd()", "time.sleep(1)", ""));
    expect(fix(input, dropTime)).toBe(crlf(lines("import os", "", "os.getcwd()", "print(1)", "")));
    const top = crlf(lines("import time", "", "time.sleep(1)", ""));
    expect(fix(top, dropTime)).toBe(crlf(lines("print(1)", "")));
    const list = crlf(
      lines(
        "from time import (",
        "    monotonic,",
        "    sleep,",
        ")",
        "",
        "monotonic()",
        "sleep(1)",
        "",
      ),
    );
    expect(fix(list, dropSleep)).toBe(
      crlf(lines("from time import (", "    monotonic,", ")", "", "monotonic()", "print(1)", "")),
    );
  });
});

describe("adding and removing in one fix", () => {
  /** `time.sleep(1)` -> `await <asyncio.sleep>(1)`, dropping `import time` when unused. */
  const toAsyncio = importing({
    find: "time.sleep",
    module: "asyncio",
    name: "sleep",
    replace: (expr) => `await ${expr}`,
    removeIfUnused: [{ local: "time", qualified: "time" }],
  });

  test("the removed import is not the last of the block", () => {
    const input = lines(
      "import time",
      "import os",
      "",
      "",
      "async def f():",
      "    time.sleep(1)",
      "",
    );
    expect(fix(input, toAsyncio)).toBe(
      lines(
        "import os",
        "from asyncio import sleep",
        "",
        "",
        "async def f():",
        "    await sleep(1)",
        "",
      ),
    );
  });

  test("the removed import is the last line of the block", () => {
    const input = lines(
      "import os",
      "import time",
      "",
      "",
      "async def f():",
      "    time.sleep(1)",
      "",
    );
    expect(fix(input, toAsyncio)).toBe(
      lines(
        "import os",
        "from asyncio import sleep",
        "",
        "",
        "async def f():",
        "    await sleep(1)",
        "",
      ),
    );
  });

  test("the removed import is the only import", () => {
    const input = lines("import time", "", "", "async def f():", "    time.sleep(1)", "");
    expect(fix(input, toAsyncio)).toBe(
      lines("from asyncio import sleep", "", "", "async def f():", "    await sleep(1)", ""),
    );
  });

  test("the removed import follows a docstring", () => {
    const input = lines(
      '"""The app."""',
      "",
      "import time",
      "",
      "",
      "async def f():",
      "    time.sleep(1)",
      "",
    );
    expect(fix(input, toAsyncio)).toBe(
      lines(
        '"""The app."""',
        "",
        "from asyncio import sleep",
        "",
        "",
        "async def f():",
        "    await sleep(1)",
        "",
      ),
    );
  });

  test("CRLF", () => {
    const crlf = (s: string): string => s.replace(/\n/g, "\r\n");
    const input = crlf(
      lines("import os", "import time", "", "async def f():", "    time.sleep(1)", ""),
    );
    expect(fix(input, toAsyncio)).toBe(
      crlf(
        lines(
          "import os",
          "from asyncio import sleep",
          "",
          "async def f():",
          "    await sleep(1)",
          "",
        ),
      ),
    );
    const list = crlf(lines("from fastapi import (", "    FastAPI,", ")", "", "x = MARK", ""));
    expect(fix(list, status())).toBe(
      crlf(
        lines("from fastapi import (", "    FastAPI,", "    status,", ")", "", "x = status", ""),
      ),
    );
    expect(fix(crlf("import os\n\nx = MARK\n"), status())).toBe(
      crlf("import os\nfrom fastapi import status\n\nx = status\n"),
    );
  });
});

describe("imports of the project's own classes (ensureProjectImport)", () => {
  const MODULE = { path: "app/api/routes.py", moduleName: "app.api.routes" };
  /** The expression and edits the import manager gives for app.models.User at the first `x`. */
  const plan = (source: string): string => {
    const tree = parse(source);
    const ctx = new ModuleContext(source, tree, MODULE);
    const at = ctx.identifiers("x")[0]!;
    const r = ctx.imports.ensureProjectImport(at, "app.models", "User", "User");
    let out: string;
    if ("reason" in r) out = r.reason;
    else {
      const edits = [...r.edits];
      const fresh = r.relative && ctx.imports.relativeImportsEdit([r.relative]);
      if (fresh) edits.push(fresh);
      out = `${r.expr} | ${applyEdits(source, edits)}${r.requirement ? ` | requires ${r.requirement.module}.${r.requirement.name}` : ""}`;
    }
    tree.delete();
    return out;
  };

  test("joins a relative import of the same module", () => {
    expect(plan("from ..models import Item\n\nx = 1\n")).toBe(
      "User | from ..models import Item, User\n\nx = 1\n",
    );
  });

  test("a file importing the project relatively gets a new relative import below its imports", () => {
    expect(plan("import os\nfrom . import deps\n\n\ndef f():\n    x = 1\n")).toBe(
      "User | import os\nfrom . import deps\nfrom ..models import User\n\n\ndef f():\n    x = 1\n",
    );
  });

  test("a file importing the project absolutely: an ordinary requirement, spelled like its imports", () => {
    expect(plan("from app.db import Base\n\nx = 1\n")).toBe(
      "User | from app.db import Base\n\nx = 1\n | requires app.models.User",
    );
  });

  test("a name bound already: the reason", () => {
    expect(plan("from . import deps\nUser = None\nx = 1\n")).toBe(
      "cannot import User: `User` is already bound here",
    );
  });
});
