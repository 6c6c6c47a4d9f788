// `npm run docs`: rewrites the generated parts of README.md from the transform registry.
import { readFileSync, writeFileSync } from "node:fs";
import { withTable } from "../src/docs/transform-table.js";

const path = new URL("../../README.md", import.meta.url);
const before = readFileSync(path, "utf8");
const after = withTable(before);
if (after !== before) writeFileSync(path, after);
process.stdout.write(after === before ? "README.md is up to date\n" : "README.md updated\n");
