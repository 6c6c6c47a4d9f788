// FF503: configuration read straight from the environment (`os.getenv`, `os.environ[...]`) in
// application code, instead of one pydantic-settings class that validates it at startup and is
// handed to the code that needs it through a dependency.
import type { RuleContext } from "../src/knowledge/context.js";
import type { Node } from "../src/engine/parser.js";
import { asRenames } from "../src/engine/source.js";
import { listItems } from "../src/engine/syntax.js";
import type { Diagnostic } from "../src/engine/types.js";
import { literalString } from "../src/knowledge/routes.js";
import type { Rule } from "../src/knowledge/rule.js";

/** Modules that run before or beside the app, where the environment is the configuration. */
const OUTSIDE_APP =
  /(^|\/)(alembic|migrations|scripts)\/|(^|\/)(gunicorn[._]conf|setup|noxfile|fabfile)\.py$/;

export const configOutsideSettings: Rule = {
  name: "config-outside-settings",
  code: "FF503",
  summary: "os.getenv() / os.environ[...] read outside a pydantic-settings class",
  rule: "Use pydantic-settings BaseSettings for configuration; read settings via a dependency",
  gives: ["detect"],
  docs: {
    why: "Environment reads scattered through the code are unvalidated strings, found missing or malformed only when the line runs (mid-request), and invisible to anyone looking for what the app needs. A BaseSettings class declares every variable with its type and default, fails at startup when one is wrong, and a cached get_settings() dependency hands it to routes (and lets tests override it).",
    bad: 'import os\n\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/health")\nasync def health():\n    return {"env": os.getenv("APP_ENV", "dev")}\n',
    good: 'from functools import lru_cache\nfrom typing import Annotated\n\nfrom fastapi import Depends, FastAPI\nfrom pydantic_settings import BaseSettings\n\n\nclass Settings(BaseSettings):\n    app_env: str = "dev"\n\n\n@lru_cache\ndef get_settings() -> Settings:\n    return Settings()\n\n\napp = FastAPI()\n\n\n@app.get("/health")\nasync def health(settings: Annotated[Settings, Depends(get_settings)]):\n    return {"env": settings.app_env}\n',
  },
  // The rules of FastAPI development: a project that builds no app or router is a library.
  scope: "app",
  prefilter: [/\b(environ|getenv)\b/, /\bos\b/],
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    if (ctx.isTestFile || OUTSIDE_APP.test(ctx.module.path)) return out;
    for (const read of environmentReads(ctx)) {
      if (underMainGuard(read.node) || inSettings(ctx, read.node)) continue;
      const name = read.key ? `\`${read.key}\`` : "an environment variable";
      out.push(
        ctx.diagnostic(
          this,
          read.node,
          `${read.how} reads ${name} outside the settings class: declare it as a field of a pydantic-settings BaseSettings class and read it through the settings dependency`,
        ),
      );
    }
    return out;
  },
};

interface Read {
  node: Node;
  /** How the code reads it: `os.getenv()`, `os.environ[...]`, `os.environ.get()`. */
  how: string;
  key?: string;
}

/** Reads of the environment, in source order (writes, `setdefault`, copies left out). */
function environmentReads(ctx: RuleContext): Read[] {
  const out: Read[] = [];
  const key = (args: Node | null | undefined): string | undefined => {
    const first = args ? listItems(args)[0] : undefined;
    return first && first.type !== "keyword_argument" ? literalString(first) : undefined;
  };
  for (const { call, fn, args } of ctx.callsTo(["getenv"])) {
    if (ctx.qualifiedName(fn) !== "os.getenv") continue;
    out.push({ node: call, how: "`os.getenv()`", key: key(args) });
  }
  const names = new Set(["environ"]);
  for (const [from, to] of asRenames(ctx.source)) if (from === "environ") names.add(to);
  for (const name of names) {
    for (const id of ctx.identifiers(name)) {
      const parent = id.parent;
      const expr =
        parent?.type === "attribute" && parent.childForFieldName("attribute")?.equals(id)
          ? parent
          : id;
      const use = expr.parent;
      if (!use) continue;
      if (use.type === "subscript" && use.childForFieldName("value")?.equals(expr)) {
        if (isWritten(use)) continue;
        if (ctx.qualifiedName(expr) !== "os.environ") continue;
        const index = use.childForFieldName("subscript");
        out.push({ node: use, how: "`os.environ[...]`", key: literalString(index) });
        continue;
      }
      if (
        use.type === "attribute" &&
        use.childForFieldName("object")?.equals(expr) &&
        use.childForFieldName("attribute")?.text === "get" &&
        use.parent?.type === "call" &&
        use.parent.childForFieldName("function")?.equals(use)
      ) {
        if (ctx.qualifiedName(expr) !== "os.environ") continue;
        const call = use.parent;
        out.push({
          node: call,
          how: "`os.environ.get()`",
          key: key(call.childForFieldName("arguments")),
        });
      }
    }
  }
  return out.sort((a, b) => a.node.startIndex - b.node.startIndex);
}

/** `os.environ["X"] = ...`, `os.environ["X"] += ...`, `del os.environ["X"]`. */
function isWritten(subscript: Node): boolean {
  let n = subscript;
  // A target inside a tuple or list of targets (`a, os.environ["X"] = ...`).
  while (n.parent && (n.parent.type === "pattern_list" || n.parent.type === "tuple_pattern"))
    n = n.parent;
  const parent = n.parent;
  if (!parent) return false;
  if (parent.type === "assignment" || parent.type === "augmented_assignment")
    return !!parent.childForFieldName("left")?.equals(n);
  if (parent.type === "delete_statement") return true;
  return parent.type === "expression_list" && parent.parent?.type === "delete_statement";
}

/** Inside the consequence of `if __name__ == "__main__":` (a script entry point). */
export function underMainGuard(node: Node): boolean {
  for (let n: Node = node, parent = n.parent; parent; n = parent, parent = n.parent) {
    if (parent.type !== "if_statement") continue;
    if (!parent.childForFieldName("consequence")?.equals(n)) continue;
    const condition = parent.childForFieldName("condition");
    if (
      condition &&
      /^__name__\s*==\s*(["'])__main__\1$|^(["'])__main__\2\s*==\s*__name__$/.test(condition.text)
    )
      return true;
  }
  return false;
}

/**
 * Inside a pydantic-settings class (its body, a validator, a default factory), or in the
 * arguments that build one (`Settings(_env_file=os.getenv("ENV_FILE", ".env"))`).
 */
function inSettings(ctx: RuleContext, node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === "class_definition" && ctx.classKind(n) === "settings") return true;
    const args = n.type === "call" ? n.childForFieldName("arguments") : null;
    if (args && args.startIndex <= node.startIndex) {
      const fn = n.childForFieldName("function");
      const q = fn ? ctx.qualifiedName(fn) : undefined;
      if (q && ctx.kindOfClassName(q) === "settings") return true;
    }
  }
  return false;
}
