// Scope analysis and qualified names: what `ctx.qualifiedName` says an expression stands for,
// what shadows an import, and which function a node runs in.
import { initParser } from "../src/engine/parser.js";
import { resolveRelativeModule } from "../src/engine/scope.js";
import { context, freeTrees } from "./engine-support.js";

beforeAll(initParser);
afterEach(freeTrees);

/** The qualified name of the `occurrence`-th `needle` in `source`. */
const qn = (source: string, needle: string, occurrence = 0, module = {}): string | undefined =>
  context(source, module).qn(needle, occurrence);

describe("imports bind qualified names", () => {
  test("import x", () => {
    expect(qn("import time\ntime.sleep(1)\n", "time.sleep")).toBe("time.sleep");
    expect(qn("import time\ntime.sleep(1)\n", "time", 1)).toBe("time");
  });

  test("import x as y", () => {
    const src = "import time as t\nt.sleep(1)\ntime.sleep(1)\n";
    expect(qn(src, "t.sleep")).toBe("time.sleep");
    // `time` itself is not bound by `import time as t`, and it is no builtin.
    expect(qn(src, "time.sleep")).toBeUndefined();
  });

  test("import a.b binds a and loads a.b", () => {
    const src = "import os.path\nos.path.join('a')\nos.getcwd()\n";
    expect(qn(src, "os.path.join")).toBe("os.path.join");
    expect(qn(src, "os.getcwd")).toBe("os.getcwd");
    const { ctx, node } = context(src);
    const [binding] = ctx.bindings("os", node("os.getcwd"))!;
    expect(binding).toMatchObject({ kind: "import", qualified: "os", importPath: "os.path" });
    expect(ctx.bindings("path", node("os.getcwd"))).toBeUndefined();
  });

  test("import a.b as c", () => {
    expect(qn("import os.path as p\np.join('a')\n", "p.join")).toBe("os.path.join");
  });

  test("from x import a as b", () => {
    const src = "from fastapi import status as st\nst.HTTP_200_OK\nstatus\n";
    expect(qn(src, "st.HTTP_200_OK")).toBe("fastapi.status.HTTP_200_OK");
    expect(qn(src, "status", 1)).toBeUndefined();
  });

  test("from x.y import a", () => {
    expect(
      qn("from fastapi.responses import JSONResponse\nJSONResponse\n", "JSONResponse", 1),
    ).toBe("fastapi.responses.JSONResponse");
  });

  test("several names in one import", () => {
    const src = "from typing import List, Optional as Opt\nList\nOpt\n";
    expect(qn(src, "List", 1)).toBe("typing.List");
    expect(qn(src, "Opt", 1)).toBe("typing.Optional");
  });

  test("unbound names resolve to builtins only when they are builtins", () => {
    const src = "open('x')\nundefined_name\n";
    expect(qn(src, "open")).toBe("builtins.open");
    expect(qn(src, "undefined_name")).toBeUndefined();
  });

  test("module-level classes and functions get the module's name", () => {
    const src = "class User:\n    pass\n\ndef helper():\n    pass\n\nUser\nhelper\n";
    expect(qn(src, "User", 1, { moduleName: "app.models" })).toBe("app.models.User");
    expect(qn(src, "helper", 1, { moduleName: "app.models" })).toBe("app.models.helper");
    expect(qn(src, "User", 1, { moduleName: undefined })).toBe("__main__.User");
  });

  test("a class defined in a function has no qualified name", () => {
    const src = "def make():\n    class Local:\n        pass\n    return Local\n";
    expect(qn(src, "Local", 1)).toBeUndefined();
  });
});

describe("relative imports", () => {
  const inModule = { moduleName: "app.routers.users", isPackage: false };
  const inPackage = { moduleName: "app.routers", isPackage: true };

  test("from . import x in a module", () => {
    expect(qn("from . import deps\ndeps.get_db\n", "deps.get_db", 0, inModule)).toBe(
      "app.routers.deps.get_db",
    );
  });

  test("from ..models import M in a module", () => {
    expect(qn("from ..models import User\nUser\n", "User", 1, inModule)).toBe("app.models.User");
  });

  test("from .sibling import M in a module", () => {
    expect(qn("from .items import Item\nItem\n", "Item", 1, inModule)).toBe(
      "app.routers.items.Item",
    );
  });

  test("from . import x in a package __init__ refers to the package itself", () => {
    expect(qn("from . import users\nusers\n", "users", 1, inPackage)).toBe("app.routers.users");
    expect(qn("from .users import router\nrouter\n", "router", 1, inPackage)).toBe(
      "app.routers.users.router",
    );
  });

  test("from ..models import M in a package __init__", () => {
    expect(qn("from ..models import User\nUser\n", "User", 1, inPackage)).toBe("app.models.User");
  });

  test("going above the top-level package resolves to nothing", () => {
    expect(qn("from .... import y\ny\n", "y", 1, inModule)).toBeUndefined();
  });

  test("without a module name a relative import resolves to nothing", () => {
    expect(qn("from .models import User\nUser\n", "User", 1, { moduleName: undefined })).toBe(
      undefined,
    );
  });

  test("resolveRelativeModule", () => {
    expect(resolveRelativeModule(".", inModule)).toBe("app.routers");
    expect(resolveRelativeModule("..", inModule)).toBe("app");
    expect(resolveRelativeModule("..models", inModule)).toBe("app.models");
    expect(resolveRelativeModule(".", inPackage)).toBe("app.routers");
    expect(resolveRelativeModule("..", inPackage)).toBe("app");
    expect(resolveRelativeModule("...", inPackage)).toBeUndefined();
    expect(resolveRelativeModule(".x", { moduleName: "pkg", isPackage: true })).toBe("pkg.x");
  });
});

describe("shadowing", () => {
  test("a parameter shadows an import", () => {
    const src = "import time\n\nasync def f(time):\n    time.sleep(1)\n";
    expect(qn(src, "time.sleep")).toBeUndefined();
    const other = "import time\n\nasync def f(times):\n    time.sleep(1)\n";
    expect(qn(other, "time.sleep")).toBe("time.sleep");
  });

  test("every kind of parameter shadows", () => {
    const kinds = [
      "time",
      "time=1",
      "time: int",
      "time: int = 1",
      "*time",
      "**time",
      "a, /, time",
      "*, time",
    ];
    for (const params of kinds) {
      const src = `import time\n\ndef f(${params}):\n    time.sleep(1)\n`;
      expect([params, qn(src, "time.sleep")]).toEqual([params, undefined]);
    }
  });

  test("a lambda parameter shadows", () => {
    const src = "import time\nf = lambda time: time.sleep(1)\ng = lambda: time.sleep(1)\n";
    expect(qn(src, "time.sleep")).toBeUndefined();
    expect(qn(src, "time.sleep", 1)).toBe("time.sleep");
  });

  test("an assignment in a function shadows, even after the use", () => {
    const before = "import time\n\ndef f():\n    time = None\n    time.sleep(1)\n";
    const after = "import time\n\ndef f():\n    time.sleep(1)\n    time = None\n";
    expect(qn(before, "time.sleep")).toBeUndefined();
    expect(qn(after, "time.sleep")).toBeUndefined();
  });

  test("other forms of assignment shadow", () => {
    const forms = [
      "time: object = None",
      "time: int",
      "time += 1",
      "time, other = 1, 2",
      "[time, other] = 1, 2",
      "(time, other) = 1, 2",
      "*time, other = 1, 2",
      "a = time = None",
    ];
    for (const form of forms) {
      const src = `import time\n\ndef f():\n    ${form}\n    time.sleep(1)\n`;
      expect([form, qn(src, "time.sleep")]).toEqual([form, undefined]);
    }
  });

  test("assigning to an attribute or subscript binds nothing", () => {
    const src = "import time\n\ndef f(x):\n    x.time = 1\n    x[time] = 2\n    time.sleep(1)\n";
    expect(qn(src, "time.sleep")).toBe("time.sleep");
  });

  test("a module-level rebinding makes the name ambiguous", () => {
    expect(qn("import time\ntime = None\ntime.sleep(1)\n", "time.sleep")).toBeUndefined();
  });

  test("a local in another function does not shadow", () => {
    const src = "import time\n\ndef g():\n    time = 1\n\ndef f():\n    time.sleep(1)\n";
    expect(qn(src, "time.sleep")).toBe("time.sleep");
  });

  test("for targets shadow", () => {
    const src = "import time\n\ndef f(xs):\n    for time in xs:\n        time.sleep(1)\n";
    expect(qn(src, "time.sleep")).toBeUndefined();
    const tuple =
      "import time\n\ndef f(xs):\n    for i, (time, j) in xs:\n        pass\n    time.sleep(1)\n";
    expect(qn(tuple, "time.sleep")).toBeUndefined();
    const asyncFor =
      "import time\n\nasync def f(xs):\n    async for time in xs:\n        time.sleep(1)\n";
    expect(qn(asyncFor, "time.sleep")).toBeUndefined();
  });

  test("the iterable of a for loop is read, not bound", () => {
    const src = "import time\n\ndef f():\n    for x in time.sleep(1):\n        pass\n";
    expect(qn(src, "time.sleep")).toBe("time.sleep");
  });

  test("with ... as shadows", () => {
    const src = "import time\n\ndef f():\n    with open('x') as time:\n        time.sleep(1)\n";
    expect(qn(src, "time.sleep")).toBeUndefined();
    const tuple = "import time\n\ndef f():\n    with ctx() as (a, time):\n        time.sleep(1)\n";
    expect(qn(tuple, "time.sleep")).toBeUndefined();
    const several =
      "import time\n\ndef f():\n    with a() as x, b() as time:\n        time.sleep(1)\n";
    expect(qn(several, "time.sleep")).toBeUndefined();
    const plain = "import time\n\ndef f():\n    with time.sleep(1):\n        pass\n";
    expect(qn(plain, "time.sleep")).toBe("time.sleep");
  });

  test("except ... as shadows", () => {
    const src =
      "import time\n\ndef f():\n    try:\n        pass\n    except Exception as time:\n        time.sleep(1)\n";
    expect(qn(src, "time.sleep")).toBeUndefined();
    const group =
      "import time\n\ndef f():\n    try:\n        pass\n    except* ValueError as time:\n        time.sleep(1)\n";
    expect(qn(group, "time.sleep")).toBeUndefined();
  });

  test("the exception type of an except clause is read, not bound", () => {
    const src =
      "import socket\n\ndef f():\n    try:\n        pass\n    except socket.timeout as e:\n        pass\n";
    expect(qn(src, "socket.timeout")).toBe("socket.timeout");
  });

  test("walrus shadows", () => {
    const src = "import time\n\ndef f():\n    if (time := get()):\n        time.sleep(1)\n";
    expect(qn(src, "time.sleep")).toBeUndefined();
  });

  test("walrus in a comprehension binds in the enclosing function", () => {
    const src =
      "import time\n\ndef f(ys):\n    [(time := y) for y in ys]\n    time.sleep(1)\n\ntime.sleep(2)\n";
    expect(qn(src, "time.sleep")).toBeUndefined();
    expect(qn(src, "time.sleep", 1)).toBe("time.sleep");
  });

  test("global makes assignments bind at module level", () => {
    const reads = "import time\n\ndef f():\n    global time\n    time.sleep(1)\n";
    expect(qn(reads, "time.sleep")).toBe("time.sleep");
    const rebinds =
      "import time\n\ndef f():\n    global time\n    time = None\n    time.sleep(1)\n\ntime.sleep(2)\n";
    // The function's assignment rebinds the module's `time`: ambiguous everywhere.
    expect(qn(rebinds, "time.sleep")).toBeUndefined();
    expect(qn(rebinds, "time.sleep", 1)).toBeUndefined();
  });

  test("global import of the same module keeps the name", () => {
    const src =
      "def setup():\n    global time\n    import time\n\nasync def f():\n    time.sleep(1)\n";
    expect(qn(src, "time.sleep")).toBe("time.sleep");
  });

  test("nonlocal assignments bind in the enclosing function", () => {
    const src =
      "import time\n\ndef outer():\n    time = 1\n    def inner():\n        nonlocal time\n        time = 2\n    return inner\n\ntime.sleep(1)\n";
    const { ctx, node } = context(src);
    expect(ctx.qualifiedName(node("time.sleep"))).toBe("time.sleep");
    const outer = ctx.scopes.module.children[0]!;
    expect(outer.bindings.get("time")!.map((b) => b.kind)).toEqual(["assignment", "assignment"]);
    expect(outer.children[0]!.bindings.has("time")).toBe(false);
  });

  test("def and class names shadow", () => {
    expect(qn("import time\n\ndef time():\n    pass\n\ntime.sleep(1)\n", "time.sleep")).toBe(
      undefined,
    );
    expect(qn("import time\n\nclass time:\n    pass\n\ntime.sleep(1)\n", "time.sleep")).toBe(
      undefined,
    );
    const nested = "import time\n\ndef f():\n    def time():\n        pass\n    time.sleep(1)\n";
    expect(qn(nested, "time.sleep")).toBeUndefined();
  });

  test("an import inside a function shadows for that function only", () => {
    const src =
      "import time\n\ndef f():\n    import mytime as time\n    time.sleep(1)\n\ntime.sleep(2)\n";
    expect(qn(src, "time.sleep")).toBe("mytime.sleep");
    expect(qn(src, "time.sleep", 1)).toBe("time.sleep");
  });

  test("a shadowed builtin is no builtin", () => {
    expect(qn("def f(open):\n    open('x')\n", "open", 1)).toBeUndefined();
    expect(qn("open = None\nopen('x')\n", "open", 1)).toBeUndefined();
    expect(qn("from io import open\nopen('x')\n", "open", 1)).toBe("io.open");
  });

  test("match captures shadow", () => {
    const src =
      "import time\n\ndef f(v):\n    match v:\n        case [time, *rest]:\n            time.sleep(1)\n";
    expect(qn(src, "time.sleep")).toBeUndefined();
    const asCapture =
      "import time\n\ndef f(v):\n    match v:\n        case int() as time:\n            time.sleep(1)\n";
    expect(qn(asCapture, "time.sleep")).toBeUndefined();
    const inClassPattern = [
      "Point(time)",
      "Point(x=time)",
      "Point(x=[time])",
      '{"k": time}',
      "{**time}",
      "[*time]",
      "(time, b)",
      "str() as time",
    ];
    for (const pattern of inClassPattern) {
      const src = `import time\n\ndef f(v):\n    match v:\n        case ${pattern}:\n            time.sleep(1)\n`;
      expect([pattern, qn(src, "time.sleep")]).toEqual([pattern, undefined]);
    }
    const value =
      "import time\n\ndef f(v):\n    match v:\n        case time.struct_time():\n            pass\n";
    expect(qn(value, "time.struct_time")).toBe("time.struct_time");
  });
});

describe("class bodies", () => {
  const src = [
    "import time",
    "",
    "class C:",
    "    time = None",
    "    direct = time.sleep",
    "",
    "    def method(self):",
    "        return time.sleep(1)",
    "",
    "    other = lambda self: time.sleep(2)",
    "    listed = [time.sleep for _ in range(3)]",
    "    first_iterable = [x for x in time.sleep()]",
    "",
  ].join("\n");

  test("the class body sees its own bindings", () => {
    expect(qn(src, "time.sleep", 0)).toBeUndefined();
  });

  test("functions nested in a class do not see the class body", () => {
    expect(qn(src, "time.sleep", 1)).toBe("time.sleep");
    expect(qn(src, "time.sleep", 2)).toBe("time.sleep");
  });

  test("comprehensions in a class body do not see it, except for the first iterable", () => {
    expect(qn(src, "time.sleep", 3)).toBe("time.sleep");
    expect(qn(src, "time.sleep", 4)).toBeUndefined();
  });

  test("an import in a class body is invisible to its methods", () => {
    const inClass = "class C:\n    import time\n\n    def m(self):\n        time.sleep(1)\n";
    expect(qn(inClass, "time.sleep")).toBeUndefined();
    const body = "class C:\n    import time\n    x = time.sleep\n";
    expect(qn(body, "time.sleep")).toBe("time.sleep");
  });

  test("class attributes do not leak to the module", () => {
    expect(qn(src + "time.sleep(3)\n", "time.sleep", 5)).toBe("time.sleep");
  });
});

describe("what is evaluated in the outer scope", () => {
  test("default values and annotations of parameters", () => {
    const src = "import time\n\ndef f(time=time.sleep, t: time.struct_time = None):\n    pass\n";
    expect(qn(src, "time.sleep")).toBe("time.sleep");
    expect(qn(src, "time.struct_time")).toBe("time.struct_time");
  });

  test("method defaults are evaluated in the class body", () => {
    const src =
      "import time\n\nclass C:\n    time = None\n\n    def m(self, t=time.sleep):\n        pass\n";
    expect(qn(src, "time.sleep")).toBeUndefined();
  });

  test("the return annotation", () => {
    const src = "import time\n\ndef f(time) -> time.struct_time:\n    pass\n";
    expect(qn(src, "time.struct_time")).toBe("time.struct_time");
  });

  test("lambda defaults", () => {
    const src = "import time\nf = lambda time=time.sleep: time\n";
    expect(qn(src, "time.sleep")).toBe("time.sleep");
    expect(qn(src, "time", 3)).toBeUndefined();
  });

  test("decorators", () => {
    const src =
      "import time\n\ndef outer():\n    @time.sleep\n    def inner(time):\n        pass\n    return inner\n";
    expect(qn(src, "time.sleep")).toBe("time.sleep");
    const inClass =
      "import time\n\nclass C:\n    time = None\n\n    @time.sleep\n    def m(self):\n        pass\n";
    // A method's decorator runs in the class body, which does rebind `time`.
    expect(qn(inClass, "time.sleep")).toBeUndefined();
  });

  test("decorator arguments of a decorated class", () => {
    const src = "import time\n\n@register(time.sleep)\nclass time:\n    pass\n";
    // The class name rebinds `time` at module level too: both bindings disagree.
    expect(qn(src, "time.sleep")).toBeUndefined();
    const other =
      "import time\n\ndef f(time):\n    @register(time.sleep)\n    class C:\n        pass\n";
    expect(qn(other, "time.sleep")).toBeUndefined();
    const clean = "import time\n\n@register(time.sleep)\nclass C:\n    time = None\n";
    expect(qn(clean, "time.sleep")).toBe("time.sleep");
  });

  test("base classes and keywords of a class", () => {
    const src = "from pydantic import BaseModel\n\nclass BaseModel(BaseModel):\n    pass\n";
    // The base is read before the class statement rebinds the name, but the module binds the
    // name twice (import, class), so the name is ambiguous.
    expect(qn(src, "BaseModel", 2)).toBeUndefined();
    const clean =
      "import pydantic\n\nclass M(pydantic.BaseModel, metaclass=pydantic.Meta):\n    pydantic = None\n";
    expect(qn(clean, "pydantic.BaseModel")).toBe("pydantic.BaseModel");
    expect(qn(clean, "pydantic.Meta")).toBe("pydantic.Meta");
  });
});

describe("comprehension scopes", () => {
  test("comprehension targets are local to the comprehension", () => {
    const src = "import time\nxs = [time.sleep for time in ys]\ntime.sleep(1)\n";
    expect(qn(src, "time.sleep")).toBeUndefined();
    expect(qn(src, "time.sleep", 1)).toBe("time.sleep");
  });

  test("every kind of comprehension", () => {
    for (const [open, close] of [
      ["[", "]"],
      ["{", "}"],
      ["(", ")"],
    ]) {
      const src = `import time\nxs = ${open}time.sleep for time in ys${close}\n`;
      expect([open, qn(src, "time.sleep")]).toEqual([open, undefined]);
    }
    const dict = "import time\nxs = {time.sleep: 1 for time in ys}\n";
    expect(qn(dict, "time.sleep")).toBeUndefined();
  });

  test("the first iterable is evaluated outside, later ones inside", () => {
    const first = "import time\nxs = [x for time in time.sleep()]\n";
    expect(qn(first, "time.sleep")).toBe("time.sleep");
    const later = "import time\nxs = [x for time in ys for x in time.sleep()]\n";
    expect(qn(later, "time.sleep")).toBeUndefined();
  });

  test("conditions are evaluated inside", () => {
    const src = "import time\nxs = [1 for time in ys if time.sleep]\n";
    expect(qn(src, "time.sleep")).toBeUndefined();
  });

  test("nested comprehensions", () => {
    const src = "import time\nxs = [[time.sleep for y in time] for time in ys]\n";
    expect(qn(src, "time.sleep")).toBeUndefined();
  });
});

describe("star imports", () => {
  test("unbound names become unknown", () => {
    const src = "from os import *\npath.join('a')\nopen('x')\n";
    expect(qn(src, "path.join")).toBeUndefined();
    expect(qn(src, "open")).toBeUndefined();
  });

  test("builtins are known again without the star import", () => {
    expect(qn("from os import path\nopen('x')\n", "open")).toBe("builtins.open");
  });

  test("explicitly bound names still resolve", () => {
    const src = "from os import *\nfrom time import sleep\nsleep(1)\n";
    expect(qn(src, "sleep", 1)).toBe("time.sleep");
  });

  test("names used inside functions are unknown too", () => {
    const src = "from os import *\n\ndef f():\n    open('x')\n";
    expect(qn(src, "open")).toBeUndefined();
  });
});

describe("ambiguous bindings", () => {
  test("try: import ujson as json / except: import json", () => {
    const src =
      "try:\n    import ujson as json\nexcept ImportError:\n    import json\n\njson.loads('1')\n";
    expect(qn(src, "json.loads")).toBeUndefined();
  });

  test("two imports that agree keep the name", () => {
    const src =
      "try:\n    from time import sleep\nexcept ImportError:\n    from time import sleep\n\nsleep(1)\n";
    expect(qn(src, "sleep", 2)).toBe("time.sleep");
  });

  test("conditional definitions that disagree", () => {
    const src =
      "if flag:\n    from a import func\nelse:\n    def func():\n        pass\n\nfunc()\n";
    expect(qn(src, "func", 2)).toBeUndefined();
  });
});

describe("enclosingFunction", () => {
  const src = [
    "import time",
    "",
    "def plain():",
    "    a_plain",
    "",
    "async def coro():",
    "    a_coro",
    "    fn = lambda: a_lambda",
    "    items = [a_list for _ in range(3)]",
    "    found = {a_set for _ in range(3)}",
    "    table = {a_dict: 1 for _ in range(3)}",
    "    gen = (a_gen for _ in range(3))",
    "    nested = [[a_nested for _ in range(2)] for _ in range(2)]",
    "",
    "    @deco(a_decorator)",
    "    def inner(x=a_default):",
    "        a_inner",
    "",
    "class Klass:",
    "    a_class",
    "",
    "    def method(self):",
    "        a_method",
    "",
    "a_module",
    "",
  ].join("\n");

  const at = (needle: string) => {
    const { ctx, node } = context(src);
    return ctx.enclosingFunction(node(needle));
  };
  const name = (needle: string) => at(needle)?.node.childForFieldName("name")?.text;

  test("def", () => {
    expect(at("a_plain")).toMatchObject({ kind: "function", isAsync: false });
    expect(name("a_plain")).toBe("plain");
  });

  test("async def", () => {
    expect(at("a_coro")).toMatchObject({ kind: "function", isAsync: true });
    expect(name("a_coro")).toBe("coro");
  });

  test("lambda", () => {
    expect(at("a_lambda")).toMatchObject({ kind: "lambda", isAsync: false });
    expect(at("a_lambda")!.node.type).toBe("lambda");
  });

  test("list, set and dict comprehensions are looked through", () => {
    for (const needle of ["a_list", "a_set", "a_dict", "a_nested"]) {
      expect([needle, name(needle)]).toEqual([needle, "coro"]);
    }
  });

  test("a generator expression is its own frame", () => {
    const scope = at("a_gen")!;
    expect(scope).toMatchObject({ kind: "comprehension", isGenerator: true });
    expect(scope.node.type).toBe("generator_expression");
  });

  test("decorators and defaults run in the enclosing function", () => {
    expect(name("a_decorator")).toBe("coro");
    expect(name("a_default")).toBe("coro");
    expect(name("a_inner")).toBe("inner");
  });

  test("a class body stops the search", () => {
    expect(at("a_class")).toMatchObject({ kind: "class" });
    expect(name("a_class")).toBe("Klass");
    expect(name("a_method")).toBe("method");
  });

  test("module level has none", () => {
    expect(at("a_module")).toBeUndefined();
  });

  test("comprehensions at module level have none", () => {
    const { ctx, node } = context("xs = [a_x for _ in range(3)]\n");
    expect(ctx.enclosingFunction(node("a_x"))).toBeUndefined();
  });
});

describe("names bound inside expressions (the walk skips expressions that cannot bind)", () => {
  test("lambda parameters, comprehension targets and := deep in calls and literals", () => {
    const src = [
      "import time",
      'f(g(lambda time: time.sleep(1)), {"k": [time.sleep(2) for time in xs]})',
      "h(x, y=(time := other()))",
      "time.sleep(3)",
      "",
    ].join("\n");
    // Inside the lambda and the comprehension, `time` is their own name.
    expect(qn(src, "time.sleep", 0)).toBeUndefined();
    expect(qn(src, "time.sleep", 1)).toBeUndefined();
    // The walrus in a call's keyword argument rebinds the module's `time`: no longer the module.
    expect(qn(src, "time.sleep", 2)).toBeUndefined();
  });

  test("the words in a string or a comment do not bind anything", () => {
    const src = 'import time\nprint("lambda time: for time := 1")  # lambda for\ntime.sleep(1)\n';
    expect(qn(src, "time.sleep")).toBe("time.sleep");
  });
});
