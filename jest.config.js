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
  testTimeout: 60000,
};
