import { createDefaultEsmPreset } from "ts-jest";

const preset = createDefaultEsmPreset({ tsconfig: "tsconfig.test.json" });

/** @type {import('jest').Config} */
export default {
  ...preset,
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  // Sources import each other with ".js" suffixes (NodeNext); map them back to the .ts files.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  // No verdict may depend on the machine's speed (CI is a loaded 2-core box): no test has a time
  // limit of its own, and this one, the largest delay Node's setTimeout takes (2^31 - 1 ms, about
  // 24.8 days; a larger value overflows to 1 ms), is never reached by a slow but correct run. A
  // real hang is left to CI's job timeout.
  testTimeout: 2_147_483_647,
};
