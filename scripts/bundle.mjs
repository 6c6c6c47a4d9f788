// The second half of `npm run build`: bundles the command line and its worker thread into
// dist/bin/, so a run loads a handful of files instead of some 170 modules (about 100 ms of every
// start, which is most of a run the cache answers, and paid again by each worker thread).
// tsc has already type-checked the sources and emitted dist/ for the scripts and the tests.
import { build } from "esbuild";

await build({
  entryPoints: { cli: "src/cli.ts", worker: "src/runner/worker.ts" },
  outdir: "dist/bin",
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Kept flat: the executor finds the worker as ./worker.js beside whichever chunk holds it.
  chunkNames: "[name]-[hash]",
  // web-tree-sitter finds its .wasm beside its own module file, so it stays in node_modules.
  external: ["web-tree-sitter"],
  // CommonJS dependencies bundled into ES modules still call require() for Node's modules.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  sourcemap: true,
  logLevel: "warning",
});
