// What every thread needs to build the lazy project index: where each module's file is, and what
// the cheap scan of all files found (names of models and routers, modules asked about as a whole).
import { parse } from "../engine/parser.js";
import { summarizeTree } from "../project/build.js";
import { ProjectIndex, type ModuleSource } from "../project/index.js";
import {
  projectNames,
  renamed,
  scanText,
  type ProjectNames,
  type TextScan,
} from "../project/scan.js";
import type { ModuleSummary } from "../project/summary.js";
import { CALLED_NAME, callSitesIn, type CallSite } from "../project/calls.js";
import { readText } from "./file.js";
import { borrowTree } from "./lent-tree.js";
import type { FileTask } from "./types.js";

export interface ProjectTable {
  files: Array<{ module: string; path: string; isPackage: boolean }>;
  /** Per module, the last names it passes to Depends()/Security(). */
  dependencies: Array<[string, string[]]>;
  /** Every `imported as local` rename of the project. */
  renames: Array<[string, string]>;
  overrideModules: string[];
  names: ProjectNames;
}

/** Puts the scans of the index pass together (undefined for a file that could not be read). */
export function projectTable(
  tasks: readonly FileTask[],
  scans: ReadonlyArray<TextScan | undefined>,
): ProjectTable {
  const read = scans.filter((s): s is TextScan => !!s);
  return {
    files: tasks.map((t) => ({ module: t.moduleName, path: t.path, isPackage: t.isPackage })),
    dependencies: read.filter((s) => s.depends.length).map((s) => [s.module, s.depends]),
    renames: [...new Map(read.flatMap((s) => s.renames).map((r) => [r.join(" "), r])).values()],
    overrideModules: read.filter((s) => s.overrides).map((s) => s.module),
    names: projectNames(read),
  };
}

/** A file's text from disk (undefined when it cannot be read or decoded). */
function fromDisk(file: { path: string }): string | undefined {
  const read = readText(file);
  return "error" in read ? undefined : read.text;
}

/**
 * An index that parses a module of the table the first time a question needs it, reading the
 * module's text with `read` (from disk by default).
 */
export function lazyIndex(
  table: ProjectTable,
  read: (file: { path: string }) => string | undefined = fromDisk,
): ProjectIndex {
  const byModule = new Map<string, ProjectTable["files"]>();
  for (const f of table.files) {
    const list = byModule.get(f.module) ?? [];
    list.push(f);
    byModule.set(f.module, list);
  }
  // Which files call a name, read from every file once, the first time a rule asks.
  let callers: Map<string, Set<number>> | undefined;
  const sites = new Map<string, CallSite[]>();
  const callersOf = (names: ReadonlySet<string>): Set<number> => {
    if (!callers) {
      callers = new Map();
      table.files.forEach((file, i) => {
        const text = read(file);
        if (text === undefined) return;
        for (const m of text.matchAll(CALLED_NAME)) {
          const list = callers!.get(m[1]!) ?? new Set<number>();
          list.add(i);
          callers!.set(m[1]!, list);
        }
      });
    }
    const out = new Set<number>();
    for (const n of names) for (const i of callers.get(n) ?? []) out.add(i);
    return out;
  };
  const source: ModuleSource = {
    modules: table.files.map((f) => f.module),
    callSites(names: readonly string[]): CallSite[] {
      const all = renamed(names, table.renames);
      const key = [...all].sort().join(" ");
      const known = sites.get(key);
      if (known) return known;
      const found: CallSite[] = [];
      for (const i of [...callersOf(all)].sort((a, b) => a - b)) {
        const file = table.files[i]!;
        const text = read(file);
        if (text === undefined) continue;
        const tree = parse(text);
        try {
          found.push(
            ...callSitesIn(tree, { moduleName: file.module, isPackage: file.isPackage }, all),
          );
        } finally {
          tree.delete();
        }
      }
      sites.set(key, found);
      return found;
    },
    dependencyModules(names: readonly string[]): string[] {
      const all = renamed(names, table.renames);
      return table.dependencies.filter(([, used]) => used.some((n) => all.has(n))).map(([m]) => m);
    },
    overrideModules: table.overrideModules,
    names: table.names,
    load(module: string): ModuleSummary[] {
      const out: ModuleSummary[] = [];
      for (const file of byModule.get(module) ?? []) {
        const text = read(file);
        if (text === undefined) continue;
        const borrowed = borrowTree(file.path, text);
        const tree = borrowed ?? parse(text);
        try {
          const summary = summarizeTree(tree, { moduleName: module, isPackage: file.isPackage });
          if (summary) out.push(summary);
        } finally {
          if (!borrowed) tree.delete();
        }
      }
      return out;
    },
  };
  return new ProjectIndex(source);
}

/**
 * The run's project index for texts held in memory (the tests' modules): the same scan, table
 * and lazy index as a run over files, with the module's position standing for its path.
 */
export function indexOfTexts(
  modules: ReadonlyArray<{ moduleName: string; isPackage: boolean; text: string }>,
): ProjectIndex {
  const tasks = modules.map((m, i) => ({
    path: String(i),
    display: m.moduleName,
    moduleName: m.moduleName,
    isPackage: m.isPackage,
  }));
  const scans = modules.map((m) => scanText(m.text, m.moduleName));
  return lazyIndex(projectTable(tasks, scans), (file) => modules[Number(file.path)]?.text);
}
