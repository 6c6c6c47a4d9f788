// The cheap pass over every file: a few regular expressions instead of a parse. It finds what the
// run needs to know about the whole project before any file is parsed: which names may be models
// or routers (so that a file naming none is never parsed), and which modules can answer the
// questions that look at every module (who passes a function to Depends(), who overrides a v1
// model method). Everything else about a module is read from its parse, and only when asked.
//
// Every answer here is a superset of what the parse would give: a name that only looks like a
// model costs a parse, never a result.
import { asRenames } from "../engine/source.js";
import { V1_MODEL_METHODS } from "./summary.js";

export interface TextScan {
  module: string;
  /** Classes defined anywhere in the text: name -> the last dotted name of each base. */
  classes: Array<[string, string[]]>;
  /** `imported as local` renames (imports, but also `with`/`except`: more is harmless). */
  renames: Array<[string, string]>;
  /** Names assigned a `FastAPI(...)` or `APIRouter(...)` call. */
  routers: string[];
  /** The last names of what the text passes to Depends()/Security(): `Depends(deps.get_db)`. */
  depends: string[];
  /** The text defines a function named like a v1 model method (`def dict(`). */
  overrides: boolean;
  /** The text may configure a joined eager load on a relationship (`lazy="joined"`). */
  joinedEager: boolean;
  /** The text builds a FastAPI app (`FastAPI(`). */
  app: boolean;
  /** A string in the text may be the path of a health check (`"/api/v1/health"`, `"/ping"`). */
  health: boolean;
}

const CLASS = /^[ \t]*class[ \t]+(\w+)[ \t]*\(([^)]*)\)/gm;
const ROUTER = /^[ \t]*(\w+)[ \t]*(?::[^=\n]*)?=[ \t]*(?:[\w.]+\.)?(?:FastAPI|APIRouter)[ \t]*\(/gm;
const DEPENDS = /\b(?:Depends|Security)\b/;
const DEPENDENCY = /\b(?:Depends|Security)\s*\(\s*(?:dependency\s*=\s*)?([\w.]+)/g;
const JOINED_EAGER = /\blazy\s*=\s*(?:["']joined["']|False\b)/;
const APP = /\bFastAPI[ \t]*\(/;
const HEALTH_PATH =
  /["'][^"'\n]*\/(?:_?health|healthz|healthcheck|health[-_]check|ping|livez|readyz|liveness|readiness)(?=[/?"'])/i;
const OVERRIDE = new RegExp(`\\bdef[ \\t]+(?:${[...V1_MODEL_METHODS].join("|")})[ \\t]*\\(`);

/** The last dotted name of a base expression: `models.Base[T]` -> "Base"; "" when not a name. */
function baseName(expr: string): string {
  const head = expr.replace(/\[[\s\S]*$/, "").trim();
  if (head.includes("=") || head.startsWith("*")) return "";
  const m = /(\w+)$/.exec(head);
  return m && /^[\w.\s]+$/.test(head) ? m[1]! : "";
}

/** Splits a base list at the commas outside brackets. */
function splitBases(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === "[" || c === "(" || c === "{") depth++;
    else if (c === "]" || c === ")" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      out.push(list.slice(start, i));
      start = i + 1;
    }
  }
  out.push(list.slice(start));
  return out;
}

/** Scans one module's text. */
export function scanText(text: string, module: string): TextScan {
  const classes: Array<[string, string[]]> = [];
  for (const m of text.matchAll(CLASS)) {
    classes.push([m[1]!, splitBases(m[2]!).map(baseName).filter(Boolean)]);
  }
  const renames = asRenames(text);
  const routers = /FastAPI|APIRouter/.test(text)
    ? [...text.matchAll(ROUTER)].map((m) => m[1]!)
    : [];
  return {
    module,
    classes,
    renames,
    routers,
    depends: DEPENDS.test(text)
      ? [...new Set([...text.matchAll(DEPENDENCY)].map((m) => m[1]!.split(".").pop()!))]
      : [],
    overrides: OVERRIDE.test(text),
    joinedEager: JOINED_EAGER.test(text),
    app: APP.test(text),
    health: HEALTH_PATH.test(text),
  };
}

/** What Pydantic and FastAPI call their bases: a class deriving from one by name may be a model. */
const MODEL_BASE_NAMES: readonly string[] = [
  "BaseModel",
  "BaseSettings",
  "GenericModel",
  "RootModel",
  "SQLModel",
];

/** Names that may stand for a model or a router anywhere in the project, by name alone. */
export interface ProjectNames {
  models: string[];
  routers: string[];
  /**
   * Some relationship of the project may be loaded by a joined eager load (`lazy="joined"`):
   * a select of one entity may then repeat it, where the legacy Query deduplicated.
   */
  joinedEager?: boolean;
  /** Names a class lists among two or more bases: the mixins of the project, by name. */
  mixins?: string[];
  /** Modules that build a FastAPI app, sorted. */
  apps?: string[];
  /** Some string of the project may be a health-check path. */
  health?: boolean;
}

/**
 * The names a model or router may go by: the Pydantic bases, every class deriving from one of
 * those names at any depth, the routers built, and the names any of them is imported as.
 */
export function projectNames(scans: Iterable<TextScan>): ProjectNames {
  const list = [...scans];
  const renames = list.flatMap((s) => s.renames);
  const close = (seed: Iterable<string>, classes: Array<[string, string[]]>): Set<string> => {
    const names = new Set(seed);
    for (let grew = true; grew;) {
      grew = false;
      for (const [name, bases] of classes) {
        if (!names.has(name) && bases.some((b) => names.has(b))) {
          names.add(name);
          grew = true;
        }
      }
      for (const [from, to] of renames) {
        if (names.has(from) && !names.has(to)) {
          names.add(to);
          grew = true;
        }
      }
    }
    return names;
  };
  const models = close(
    MODEL_BASE_NAMES,
    list.flatMap((s) => s.classes),
  );
  const routers = close(
    list.flatMap((s) => s.routers),
    [],
  );
  return {
    models: [...models].sort(),
    routers: [...routers].sort(),
    joinedEager: list.some((s) => s.joinedEager),
    apps: [...new Set(list.filter((s) => s.app).map((s) => s.module))].sort(),
    health: list.some((s) => s.health),
    mixins: [
      ...new Set(
        list.flatMap((s) =>
          s.classes.filter(([, bases]) => bases.length > 1).flatMap(([, b]) => b),
        ),
      ),
    ].sort(),
  };
}

/**
 * Every name `names` may go by through `imported as local` renames anywhere in the project (a
 * function passed to Depends() under another name is still that function).
 */
export function renamed(
  names: Iterable<string>,
  renames: ReadonlyArray<[string, string]>,
): Set<string> {
  const out = new Set(names);
  for (let grew = true; grew;) {
    grew = false;
    for (const [from, to] of renames) {
      if (out.has(from) && !out.has(to)) {
        out.add(to);
        grew = true;
      }
    }
  }
  return out;
}

/** A test for "the text spells one of these names" (false for no names). */
export function mentionsAny(names: readonly string[], extra: readonly string[] = []): RegExp {
  const all = [...new Set([...extra, ...names])];
  return all.length ? new RegExp(`\\b(?:${all.join("|")})\\b`) : /(?!)/;
}
