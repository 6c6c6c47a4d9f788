// The source tree is layered one way: engine <- project <- knowledge <- transforms <- runner/docs
// <- cli. A module may import (types included) from its own layer and the ones below, never from
// one above: the engine knows nothing of FastAPI, the project index nothing of rules.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const LAYERS: Array<[string, number]> = [
  ["src/engine", 0],
  ["src/project", 1],
  ["src/knowledge", 2],
  ["transforms", 3],
  ["src/runner", 4],
  ["src/docs", 4],
  ["src/cli.ts", 5],
];

function layerOf(file: string): number | undefined {
  const rel = path.relative(process.cwd(), file).split(path.sep).join("/");
  return LAYERS.find(([prefix]) => rel === prefix || rel.startsWith(`${prefix}/`))?.[1];
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith(".ts") ? [full] : [];
  });
}

/** Every relative module specifier in `import ... from`, `export ... from` and `import("...")`. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)["'](\.[^"']+)["']/gm))
    out.push(m[1]!);
  return out;
}

const files = [...sources("src"), ...sources("transforms")];

test("every source file belongs to a layer", () => {
  expect(files.filter((f) => layerOf(f) === undefined)).toEqual([]);
});

test("no module imports from a layer above its own", () => {
  const upward: string[] = [];
  for (const file of files) {
    const own = layerOf(file)!;
    for (const spec of specifiers(readFileSync(file, "utf8"))) {
      const target = path.resolve(path.dirname(file), spec);
      const layer = layerOf(target);
      if (layer !== undefined && layer > own)
        upward.push(`${path.relative(".", file)} -> ${path.relative(".", target)}`);
    }
  }
  expect(upward).toEqual([]);
});

test("the specifier reader sees multi-line, type-only and re-export imports", () => {
  const text = [
    'import type { A } from "../x.js";',
    "import {\n  b,\n  c,\n} from './y.js';",
    'export { d } from "../z.js";',
    'const e = await import("./w.js");',
    'import "./side.js";',
  ].join("\n");
  expect(specifiers(text)).toEqual(["../x.js", "./y.js", "../z.js", "./w.js", "./side.js"]);
});
