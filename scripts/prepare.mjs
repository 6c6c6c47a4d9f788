// `npm run prepare`: builds dist/. npm also runs it when it installs this package from git, as
// pre-commit does (`npm install -g git+file://...`). With -g, npm installs the clone's
// dependencies into the global prefix instead of the clone, so the compiler is not there: they are
// installed into the clone first, from the lock file.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

function run(command, args) {
  const result = spawnSync(command, args, {
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function installed(name) {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

if (!installed("typescript"))
  run("npm", [
    "ci",
    "--global=false",
    "--include=dev",
    "--ignore-scripts",
    "--no-audit",
    "--no-fund",
  ]);
run("npm", ["run", "build"]);
