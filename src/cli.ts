#!/usr/bin/env node
// The command line: parse flags, call the runner, map the outcome to an exit code.
import { readFileSync, realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { TRANSFORMS, findTransform } from "../transforms/index.js";
import type { Transform } from "./engine/types.js";
import { parseTargetOverride, type TargetPackage } from "./project/targets.js";
import { UsageError } from "./runner/discover.js";
import { EXIT, run, showSettings, type RunOptions } from "./runner/run.js";
import { GROUPS, selectionLabel } from "./runner/select.js";

interface Io {
  out: (text: string | Uint8Array) => void;
  /** All of standard input, for --stdin-filename. */
  readStdin?: () => Promise<Uint8Array>;
  /** A terminal to draw progress on (standard error), when there is one. */
  progress?: NodeJS.WritableStream;
  err: (text: string) => void;
  isTTY: boolean;
  cwd: string;
  /** Aborted (with the signal's name) when the user asks the run to stop. */
  signal?: AbortSignal;
}

const version = (): string =>
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;

/**
 * The `--list` table: name, code, safety and summary of every transform; "(opt-in)" after the
 * safety of a transform that runs only when named with `-t`.
 */
export function listTransforms(): string {
  const width = Math.max(...TRANSFORMS.map((t) => t.name.length));
  const levelWidth = Math.max(...TRANSFORMS.map((t) => selectionLabel(t).length));
  return (
    TRANSFORMS.map(
      (t) =>
        `${t.code}  ${t.name.padEnd(width)}  ${selectionLabel(t).padEnd(levelWidth)}  ${t.summary}`,
    ).join("\n") + "\n"
  );
}

/** Repeatable flags: one value each time (not greedy, so `-t NAME path` keeps the path). */
const toList = (value: unknown): string[] => ([] as unknown[]).concat(value ?? []).map(String);
/** Rule selectors, repeated or comma-separated as ruff takes them: `--select FF1,sqlalchemy`. */
const toSelectors = (value: unknown): string[] =>
  toList(value)
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter(Boolean);

/** The `--explain` text: what a transform enforces, why, and an example before and after. */
export function explainTransform(t: Transform): string {
  const indent = (code: string): string => code.replace(/^(?=.)/gm, "    ");
  return [
    `${t.code} ${t.name} (${selectionLabel(t)})`,
    "",
    t.summary,
    ...(t.optIn
      ? [
          "",
          `Opt-in: its fixes change what clients see, so it runs only when named: -t ${t.name} (or -t ${t.code}).`,
        ]
      : []),
    "",
    `Rule: ${t.rule}`,
    "",
    `Why: ${t.docs.why}`,
    "",
    "Before:",
    indent(t.docs.bad),
    "After:",
    indent(t.docs.good),
  ].join("\n");
}

export async function main(argv: string[], io: Io): Promise<number> {
  let usageError: string | undefined;
  const parser = yargs(argv)
    .scriptName("fastapi-fix")
    .usage("$0 [paths..]\n\nBring legacy FastAPI code in line with the FastAPI development rules.")
    .command("$0 [paths..]", false)
    .positional("paths", {
      type: "string",
      array: true,
      describe: "files and folders (default: .)",
    })
    .option("dry-run", {
      type: "boolean",
      default: false,
      describe: "print unified diffs, write nothing",
    })
    .option("diff", {
      type: "boolean",
      default: false,
      describe: "the same as --dry-run",
    })
    .option("check", {
      type: "boolean",
      default: false,
      describe: "write nothing and print no diff; exit 1 when a fix would change a file",
    })
    .option("exit-zero", {
      type: "boolean",
      default: false,
      describe:
        "exit 0 when diagnostics remain or a dry run would change files (2 still means a problem)",
    })
    .option("select", {
      alias: ["t", "transform"],
      type: "string",
      default: [] as string[],
      coerce: toSelectors,
      describe: `run only these rules: names or codes (--list), code prefixes (FF3) or groups (${Object.keys(GROUPS).join(", ")}); repeatable, comma-separated. Opt-in rules run only when named or coded`,
    })
    .option("ignore", {
      type: "string",
      default: [] as string[],
      coerce: toSelectors,
      describe: "leave out these rules (same forms as --select); repeatable",
    })
    .option("statistics", {
      type: "boolean",
      default: false,
      describe: "count diagnostics and fixes per rule instead of listing them",
    })
    .option("list", { type: "boolean", default: false, describe: "list the transforms and exit" })
    .option("explain", {
      type: "string",
      describe: "explain one transform (name or code) and exit",
    })
    .option("unsafe-fixes", {
      type: "boolean",
      default: false,
      describe: "also apply fixes that may change behaviour (opt-in transforms still need -t)",
    })
    .option("status-names", {
      choices: ["auto", "compatible", "current"] as const,
      describe:
        "names for 413/414/416/422: auto (current when the project declares Starlette >= 0.48, else compatible), compatible (every Starlette FastAPI 0.116 accepts) or current",
    })
    .option("declared", {
      type: "string",
      default: [] as string[],
      coerce: toList,
      describe:
        "assume the project declares this version (e.g. pydantic=1.10) instead of what its pyproject, requirements or lock file say; repeatable",
    })
    .option("exclude", {
      type: "string",
      default: [] as string[],
      coerce: toList,
      describe: "skip paths matching this glob; repeatable",
    })
    .option("stdin-filename", {
      type: "string",
      describe:
        "read the source of this file from standard input and write the fixed source to standard output (with --dry-run, the diff), for editors",
    })
    .option("cache", {
      type: "boolean",
      default: true,
      describe:
        "keep results in .fastapi_fix_cache/ and use them while no file of the run changes (--no-cache: neither)",
    })
    .option("report", {
      type: "string",
      describe:
        "write a Markdown migration report to this file: per repository, what changed, the fixes per rule and every diagnostic left, grouped by rule and reason",
    })
    .option("config", {
      type: "string",
      describe:
        "read the settings from this pyproject.toml ([tool.fastapi-fix]) or fastapi-fix.toml, for every file",
    })
    .option("isolated", {
      type: "boolean",
      default: false,
      describe: "read no configuration file",
    })
    .option("show-settings", {
      type: "boolean",
      default: false,
      describe: "print the settings that apply to the first path given, as JSON, and exit",
    })
    .option("format", {
      choices: ["text", "json", "github", "sarif"] as const,
      default: "text" as const,
      describe:
        "output format: text (diffs, diagnostics, summary), json, github (workflow annotations) or sarif (SARIF 2.1.0)",
    })
    .option("jobs", {
      alias: "j",
      type: "number",
      describe: "worker threads (default: one per core)",
    })
    .option("color", {
      type: "boolean",
      describe: "colour the output (default: when printing to a terminal)",
    })
    .strict()
    .help()
    .version(version())
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      usageError = msg ?? err?.message ?? "invalid arguments";
    });
  let args;
  try {
    args = await parser.parseAsync();
  } catch (err) {
    usageError ??= (err as Error).message;
  }
  if (usageError || !args) {
    const message = (usageError ?? "invalid arguments").replace(/\s*\n\s*/g, " ");
    io.err(`fastapi-fix: ${message} (see --help)\n`);
    return EXIT.error;
  }
  if (args.help || args.version) return EXIT.ok;
  if (args.explain !== undefined) {
    const transform = findTransform(args.explain);
    if (!transform) {
      io.err(
        `fastapi-fix: unknown transform '${args.explain}'; valid names: ${TRANSFORMS.map((t) => t.name).join(", ")}\n`,
      );
      return EXIT.error;
    }
    io.out(explainTransform(transform));
    return EXIT.ok;
  }
  if (args.list) {
    io.out(listTransforms());
    return EXIT.ok;
  }
  if (args.jobs !== undefined && (!Number.isInteger(args.jobs) || args.jobs < 1)) {
    io.err("fastapi-fix: --jobs takes a whole number from 1 up (see --help)\n");
    return EXIT.error;
  }
  let declared: Array<[TargetPackage, string]>;
  try {
    declared = args.declared.map(parseTargetOverride);
  } catch (err) {
    io.err(`fastapi-fix: --declared: ${(err as Error).message} (see --help)\n`);
    return EXIT.error;
  }
  const runOptions: RunOptions = {
    paths: (args.paths as string[] | undefined) ?? [],
    cwd: io.cwd,
    dryRun: args["dry-run"] || args.diff,
    check: args.check,
    exitZero: args["exit-zero"],
    statistics: args.statistics,
    transforms: args.select,
    ignore: args.ignore,
    config: args.config,
    report: args.report,
    noCache: !args.cache,
    version: version(),
    isolated: args.isolated,
    unsafe: args["unsafe-fixes"],
    options: args["status-names"] ? { "status-names": args["status-names"] } : {},
    declared,
    exclude: args.exclude,
    format: args.format,
    color: args.color ?? (io.isTTY && !process.env.NO_COLOR),
    // Progress only for a person watching a terminal: never in pipes or CI logs.
    progress: io.progress,
    jobs: args.jobs,
    out: io.out,
    err: io.err,
    signal: io.signal,
  };
  if (args["stdin-filename"] !== undefined) {
    if (runOptions.paths.length) {
      io.err("fastapi-fix: --stdin-filename takes no paths (see --help)\n");
      return EXIT.error;
    }
    if (!io.readStdin) {
      io.err("fastapi-fix: no standard input to read\n");
      return EXIT.error;
    }
    runOptions.stdin = { name: args["stdin-filename"], bytes: await io.readStdin() };
    runOptions.jobs = 1;
  }
  try {
    if (args["show-settings"]) {
      io.out(showSettings(runOptions) + "\n");
      return EXIT.ok;
    }
    return await run(runOptions);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`fastapi-fix: ${err.message}\n`);
      return EXIT.error;
    }
    io.err(`fastapi-fix: internal error: ${(err as Error).message}\n`);
    if (process.env.FASTAPI_FIX_DEBUG) io.err(`${(err as Error).stack}\n`);
    return EXIT.error;
  }
}

function isEntryPoint(): boolean {
  try {
    return realpathSync(process.argv[1] ?? "") === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/**
 * Ctrl-C (SIGINT) or SIGTERM: the run starts no further file, lets the ones in progress finish
 * their atomic write, reports what was done and exits with 130 (143 for SIGTERM). A second signal
 * stops at once; even then every file is whole, though a temporary file may be left beside one.
 */
function stopOnSignals(): AbortSignal {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals): void => {
    const code = name === "SIGTERM" ? EXIT.terminated : EXIT.interrupted;
    if (controller.signal.aborted) process.exit(code);
    process.stderr.write(
      `fastapi-fix: ${name}: finishing the files in progress (send it again to stop at once)\n`,
    );
    controller.abort(name);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return controller.signal;
}

if (isEntryPoint()) {
  const signal = stopOnSignals();
  const code = await main(hideBin(process.argv), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    progress: process.stderr.isTTY && !process.env.CI ? process.stderr : undefined,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    isTTY: !!process.stdout.isTTY,
    cwd: process.cwd(),
    signal,
  });
  process.exitCode = code;
}
