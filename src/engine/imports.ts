// The import manager. Fixes ask it for a name while they are being built (`ensure`); the imports
// those names need are written only for the fixes that get applied, after their edits, against
// the re-parsed result (`materializeImports`). Unused-import checks run at the same point.
import { BUILTINS } from "./builtins.js";
import type { Node, Tree } from "./parser.js";
import { query } from "./parser.js";
import {
  resolveRelativeModule,
  ScopeTree,
  type Binding,
  type Scope,
  type ScopeOptions,
} from "./scope.js";
import { removeStatement, type Removal, type RemoveStatementOptions } from "./statements.js";
import type { Stylist } from "./stylist.js";
import { identifiersNamed } from "./syntax.js";
import type { Edit, ImportRequirement, UnusedImportCheck } from "./types.js";

export type EnsureResult =
  { ok: true; expr: string; requirement?: ImportRequirement } | { ok: false; reason: string };

export interface EnsureOptions {
  /** Local names to try, in order, when the imported name itself is taken. */
  aliases?: string[];
  /** Other qualified names that stand for the same object (`starlette.status` for `fastapi.status`). */
  equivalents?: string[];
  /** Only reuse a binding that exists already; never plan a new import. */
  onlyExisting?: boolean;
  /** When the name is taken, reach it through its module (`sqlalchemy.delete`, `uuid.UUID`). */
  throughModule?: boolean;
}

const IMPORT_KINDS = new Set(["import", "from-import"]);

/** A relative import ensureProjectImport() plans: `from <module> import <name>`. */
export interface RelativeImport {
  module: string;
  name: string;
}

export type ProjectImportResult =
  | { expr: string; edits: Edit[]; requirement?: ImportRequirement; relative?: RelativeImport }
  | { reason: string };

/** Module names that may differ by the folders above the project (`src.app.x` / `app.x`). */
function sameModule(a: string, b: string): boolean {
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

export class ImportManager {
  private readonly pending: ImportRequirement[] = [];
  /** Import bindings a fix of this pass moves elsewhere: their names count as free. */
  private readonly released = new Set<Binding>();
  private readonly scopeImports = new Map<Scope, Binding[]>();
  /** Whether the module has a `from <module> import ...` that can take more names. */
  private readonly fromImports = new Map<string, boolean>();

  /** Relative imports ensureProjectImport() planned in this pass: local name -> module. */
  private readonly plannedRelative = new Map<string, string>();

  constructor(
    private readonly scopes: ScopeTree,
    private readonly text: string,
    /** The module's style, asked for only when a new import line is written. */
    private readonly stylistOf?: () => Stylist,
    private readonly module: ScopeOptions = {},
  ) {}

  /**
   * Moves an imported name to another module (`from pydantic import BaseSettings` ->
   * `from pydantic_settings import BaseSettings`), keeping its local name: the edits take it out
   * of its statement, the requirement adds the new import once they are applied.
   */
  move(
    binding: Binding,
    module: string,
    name: string,
  ): { edits: Edit[]; requirement: ImportRequirement } {
    this.released.add(binding);
    const requirement: ImportRequirement = { module, name, local: binding.name };
    this.pending.push(requirement);
    return { edits: removeImportName(this.text, binding), requirement };
  }

  /**
   * The expression to write at `at` for `module.name` (or for `module` when name is omitted):
   * an existing binding when one is visible, else a name that a new import will bind.
   */
  ensure(at: Node, module: string, name?: string, options: EnsureOptions = {}): EnsureResult {
    const qualified = name ? `${module}.${name}` : module;
    const accepted = new Set([qualified, ...(options.equivalents ?? [])]);

    // A name that a fix of this pass already plans to import is reused first, so that two fixes
    // never spell the same object two ways (`StringConstraints` and `pydantic.StringConstraints`).
    const direct = this.existingExpression(at, module, name, accepted, true);
    if (direct) return { ok: true, expr: direct };
    if (!options.onlyExisting) {
      for (const req of this.pending) {
        if (req.module === module && req.name === name && this.isFreeAt(req.local, at, req)) {
          return { ok: true, expr: req.local, requirement: req };
        }
      }
    }
    const existing = this.existingExpression(at, module, name, accepted);
    if (existing) return { ok: true, expr: existing };
    if (options.onlyExisting) return { ok: false, reason: `${qualified} is not imported` };

    const candidates = [name ?? module, ...(options.aliases ?? [])];
    for (const local of candidates) {
      if (local.includes(".")) continue;
      if (!this.isFreeAt(local, at)) continue;
      const requirement: ImportRequirement = { module, name, local };
      this.pending.push(requirement);
      return { ok: true, expr: local, requirement };
    }
    if (name && options.throughModule) {
      const through = this.ensure(at, module);
      if (through.ok) return { ...through, expr: `${through.expr}.${name}` };
    }
    return {
      ok: false,
      reason: `cannot import ${qualified}: ${candidates.map((c) => `\`${c}\``).join(" and ")} ${candidates.length > 1 ? "are" : "is"} already bound here`,
    };
  }

  /** An existing binding for the name; `directOnly` leaves out `module.name` through `import module`. */
  private existingExpression(
    at: Node,
    module: string,
    name: string | undefined,
    accepted: Set<string>,
    directOnly = false,
  ): string | undefined {
    const visible = this.visibleBindings(at);
    // `from module import name [as x]` or an equivalent.
    for (const b of visible) {
      if (b.kind === "from-import" && b.qualified && accepted.has(b.qualified)) {
        if (this.resolvesTo(b.name, at, b.qualified)) return b.name;
      }
      if (b.kind === "import" && !b.importPath && b.qualified && accepted.has(b.qualified)) {
        if (this.resolvesTo(b.name, at, b.qualified)) return b.name; // import a.b as x
      }
    }
    if (directOnly) return undefined;
    // A name can join an existing `from module import ...`: that reads better than `m.name`.
    if (name && this.hasFromImport(module) && this.isFreeAt(name, at)) return undefined;
    // `import module [as m]` gives `m.name`.
    for (const b of visible) {
      if (b.kind !== "import" || !b.qualified) continue;
      let expr: string | undefined;
      if (b.qualified === module && (!b.importPath || b.importPath === module)) expr = b.name;
      else if (b.importPath === module)
        expr = module; // import os.path -> os.path
      else if (b.importPath?.startsWith(module + ".") && b.qualified === module.split(".")[0])
        expr = module; // import fastapi.responses also loads fastapi
      if (!expr || !this.resolvesTo(b.name, at, b.qualified)) continue;
      return name ? `${expr}.${name}` : expr;
    }
    return undefined;
  }

  /**
   * `module.name`, a class of the project, for the code at `at`. The module name the index knows
   * may carry folders the project's own imports leave out, and a file that imports the project
   * relatively needs a relative import, which ensure() does not write. So: the name added to a
   * relative import of the module, an absolute import spelled like the file's other ones, or a
   * new relative import (`relative`, written by relativeImportsEdit()). `what` names the class in
   * the reason when none of these can be written.
   */
  ensureProjectImport(at: Node, module: string, name: string, what: string): ProjectImportResult {
    const root = this.scopes.module.node;
    if (
      this.scopes.module.bindings.has(name) ||
      this.scopes.lookup(name, at) ||
      BUILTINS.has(name) ||
      this.scopes.mayComeFromStarImport(this.scopes.scopeAt(at))
    )
      return { reason: `cannot import ${what}: \`${name}\` is already bound here` };
    const statements = root.namedChildren.filter(
      (c): c is Node => c?.type === "import_from_statement" || c?.type === "import_statement",
    );
    // `from ..models import Item` -> `from ..models import Item, User`
    for (const s of statements) {
      const source = s.childForFieldName("module_name");
      if (s.type !== "import_from_statement" || source?.type !== "relative_import") continue;
      if (s.namedChildren.some((c) => c?.type === "wildcard_import")) continue;
      const resolved = resolveRelativeModule(source.text, this.module);
      if (resolved && sameModule(resolved, module))
        return { expr: name, edits: [appendToFromImport(this.text, s, [name], this.style())] };
    }
    // Absolute imports of the project: spelled from the first folder they name.
    const { roots, relative } = importRoots(root);
    const parts = module.split(".");
    const from = parts.findIndex((p) => roots.has(p));
    if (from !== -1 || !relative) {
      const r = this.ensure(at, from !== -1 ? parts.slice(from).join(".") : module, name);
      return r.ok
        ? { expr: r.expr, edits: [], ...(r.requirement ? { requirement: r.requirement } : {}) }
        : { reason: r.reason };
    }
    const spelled = relativeModuleName(module, this.module);
    if (!spelled || !this.relativeAnchor()) return { reason: `cannot import ${what} relatively` };
    // One local name, one module, across the fixes of this pass.
    if ((this.plannedRelative.get(name) ?? spelled) !== spelled)
      return { reason: `cannot import ${what}: \`${name}\` is already planned from elsewhere` };
    this.plannedRelative.set(name, spelled);
    return { expr: name, edits: [], relative: { module: spelled, name } };
  }

  /** One insertion for new relative imports (from ensureProjectImport()), a line per module. */
  relativeImportsEdit(imports: readonly RelativeImport[]): Edit | undefined {
    const anchor = this.relativeAnchor();
    if (!imports.length || !anchor) return undefined;
    const byModule = new Map<string, string[]>();
    for (const f of imports) {
      const names = byModule.get(f.module) ?? [];
      if (!names.includes(f.name)) names.push(f.name);
      byModule.set(f.module, names);
    }
    const nl = this.style().newline;
    const lines = [...byModule].map(([m, names]) => `from ${m} import ${names.join(", ")}${nl}`);
    const lineEnd = this.text.indexOf("\n", anchor.endIndex);
    return lineEnd === -1
      ? { start: this.text.length, end: this.text.length, text: nl + lines.join("") }
      : { start: lineEnd + 1, end: lineEnd + 1, text: lines.join("") };
  }

  /** The last top-level import before the first definition: new relative imports go below it. */
  private relativeAnchor(): Node | undefined {
    const children = this.scopes.module.node.namedChildren;
    const def = children.find(
      (c) =>
        c?.type === "function_definition" ||
        c?.type === "class_definition" ||
        c?.type === "decorated_definition",
    );
    const first = def?.startIndex ?? this.text.length;
    return children
      .filter(
        (c): c is Node =>
          (c?.type === "import_from_statement" || c?.type === "import_statement") &&
          c.startIndex < first,
      )
      .pop();
  }

  private style(): Stylist {
    if (!this.stylistOf) throw new Error("the import manager was built without the module's style");
    return this.stylistOf();
  }

  private hasFromImport(module: string): boolean {
    let found = this.fromImports.get(module);
    if (found === undefined) {
      found = !!existingFromImport(this.scopes.module.node, module);
      this.fromImports.set(module, found);
    }
    return found;
  }

  /** Import bindings visible at `at`, innermost scope first. */
  private visibleBindings(at: Node): Binding[] {
    const out: Binding[] = [];
    let scope: Scope | undefined = this.scopes.scopeAt(at);
    let first = true;
    while (scope) {
      if (!(scope.kind === "class" && !first)) out.push(...this.importsOf(scope));
      first = false;
      scope = scope.parent;
    }
    return out;
  }

  /** A scope's import bindings, gathered once: a large module has thousands of other bindings. */
  private importsOf(scope: Scope): Binding[] {
    let list = this.scopeImports.get(scope);
    if (!list) {
      list = [];
      for (const bindings of scope.bindings.values())
        for (const b of bindings) if (IMPORT_KINDS.has(b.kind)) list.push(b);
      this.scopeImports.set(scope, list);
    }
    return list;
  }

  /** True when every binding `local` has at `at` is an import of `qualified`. */
  private resolvesTo(local: string, at: Node, qualified: string): boolean {
    const found = this.scopes.lookup(local, at);
    return !!found && found.every((b) => IMPORT_KINDS.has(b.kind) && b.qualified === qualified);
  }

  /** True when a new module-level binding of `local` would be what `at` sees, clashing with nothing. */
  private isFreeAt(local: string, at: Node, self?: ImportRequirement): boolean {
    const kept = (list: Binding[] | undefined): boolean =>
      !!list?.some((b) => !this.released.has(b));
    if (kept(this.scopes.lookup(local, at))) return false;
    if (kept(this.scopes.module.bindings.get(local))) return false;
    if (this.scopes.mayComeFromStarImport(this.scopes.scopeAt(at))) return false;
    if (BUILTINS.has(local)) return false;
    return !this.pending.some((p) => p.local === local && p !== self);
  }
}

// ---- writing the imports of applied fixes --------------------------------------------------

/** Edits that add the imports `requirements` need and drop those `checks` find unused. */
export function importEdits(
  text: string,
  tree: Tree,
  stylist: Stylist,
  requirements: ImportRequirement[],
  checks: UnusedImportCheck[],
  scopeOptions: ScopeOptions,
): Edit[] {
  const scopes = new ScopeTree(tree.rootNode, scopeOptions);
  const unused = uniqueChecks(checks).flatMap((check) => unusedBindings(scopes, tree, text, check));
  const removed = removeImportNames(text, unused);
  // Statements that lose every name cannot take new ones: those get a statement of their own.
  const gone = new Set<number>();
  for (const b of unused) {
    const names = b.statement.childrenForFieldName("name").filter((n): n is Node => !!n);
    if (names.every((n) => unused.some((u) => u.node.equals(n)))) gone.add(b.statement.id);
  }
  const missing = uniqueRequirements(requirements).filter((r) => !isBound(scopes, r));
  const added = missing.length ? additions(text, tree.rootNode, stylist, missing, gone) : [];
  // An insertion point inside a removed line moves to the start of that removal.
  for (const a of added) {
    const hit = removed.find((r) => r.start < a.start && a.start < r.end);
    if (!hit) continue;
    // The new import takes the removed line's place, so the blank lines around it stay.
    a.start = a.end = hit.start;
    if (hit.lineEnd !== undefined) hit.end = hit.lineEnd;
  }
  return [...removed, ...added];
}

/** Requirements that the module scope of `tree` does not bind: imports that failed to land. */
export function unboundRequirements(
  tree: Tree,
  requirements: ImportRequirement[],
  scopeOptions: ScopeOptions,
): ImportRequirement[] {
  const scopes = new ScopeTree(tree.rootNode, scopeOptions);
  return uniqueRequirements(requirements).filter((r) => !isBound(scopes, r));
}

function uniqueRequirements(reqs: ImportRequirement[]): ImportRequirement[] {
  const seen = new Map<string, ImportRequirement>();
  for (const r of reqs) seen.set(`${r.module}\0${r.name ?? ""}\0${r.local}`, r);
  return [...seen.values()];
}

function uniqueChecks(checks: UnusedImportCheck[]): UnusedImportCheck[] {
  const seen = new Map<string, UnusedImportCheck>();
  for (const c of checks) seen.set(`${c.local}\0${c.qualified}`, c);
  return [...seen.values()];
}

function isBound(scopes: ScopeTree, req: ImportRequirement): boolean {
  const qualified = req.name ? `${req.module}.${req.name}` : req.module;
  const found = scopes.module.bindings.get(req.local);
  return !!found && found.some((b) => IMPORT_KINDS.has(b.kind) && b.qualified === qualified);
}

function importClause(req: ImportRequirement): string {
  const base = req.name ?? req.module;
  return req.local === base ? base : `${base} as ${req.local}`;
}

function additions(
  text: string,
  root: Node,
  stylist: Stylist,
  missing: ImportRequirement[],
  gone: ReadonlySet<number> = new Set(),
): Edit[] {
  const edits: Edit[] = [];
  const fresh = new Map<string, ImportRequirement[]>();
  const plain: ImportRequirement[] = [];
  for (const req of missing) {
    if (!req.name) {
      plain.push(req);
      continue;
    }
    const statement = existingFromImport(root, req.module, gone);
    if (statement) {
      const list = fresh.get(`\0${statement.id}`) ?? [];
      list.push(req);
      fresh.set(`\0${statement.id}`, list);
      continue;
    }
    const list = fresh.get(req.module) ?? [];
    list.push(req);
    fresh.set(req.module, list);
  }
  const newLines: string[] = plain.map((r) => `import ${importClause(r)}`);
  for (const [key, reqs] of fresh) {
    if (key.startsWith("\0")) {
      const statement = existingFromImport(root, reqs[0]!.module, gone)!;
      edits.push(appendToFromImport(text, statement, reqs.map(importClause), stylist));
    } else {
      newLines.push(`from ${key} import ${reqs.map(importClause).join(", ")}`);
    }
  }
  if (newLines.length) edits.push(newStatements(text, root, stylist, newLines));
  return edits;
}

/** The first top-level `from module import a, b` that names can be added to. */
function existingFromImport(
  root: Node,
  module: string,
  skip: ReadonlySet<number> = new Set(),
): Node | undefined {
  for (const child of root.namedChildren) {
    if (child?.type !== "import_from_statement" || skip.has(child.id)) continue;
    if (child.childForFieldName("module_name")?.text !== module) continue;
    if (child.namedChildren.some((c) => c?.type === "wildcard_import")) continue;
    return child;
  }
  return undefined;
}

/**
 * The edit that adds `clauses` (`name` or `name as local`) to a `from ... import ...` statement:
 * a line each before the closing parenthesis when the names already have one each, else after
 * the last name.
 */
export function appendToFromImport(
  text: string,
  statement: Node,
  clauses: string[],
  stylist: Stylist,
): Edit {
  const names = statement.childrenForFieldName("name").filter((n): n is Node => !!n);
  const last = names[names.length - 1]!;
  const close = statement.children.find((c) => c?.type === ")");
  if (close) {
    const afterLast = text.slice(last.endIndex, close.startIndex);
    const trailingComma = afterLast.trimStart().startsWith(",");
    const multiline = /\n/.test(text.slice(last.endIndex, close.startIndex));
    if (multiline && trailingComma) {
      // One name per line, as the block already is: a new line before the closing parenthesis.
      const lineStart = text.lastIndexOf("\n", last.startIndex - 1) + 1;
      const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
      const closeLineStart = text.lastIndexOf("\n", close.startIndex - 1) + 1;
      const lines = clauses.map((c) => `${indent}${c},${stylist.newline}`).join("");
      return { start: closeLineStart, end: closeLineStart, text: lines };
    }
    const insertAt = last.endIndex;
    return { start: insertAt, end: insertAt, text: clauses.map((c) => `, ${c}`).join("") };
  }
  return { start: last.endIndex, end: last.endIndex, text: clauses.map((c) => `, ${c}`).join("") };
}

/**
 * How a module of the same top package is spelled relatively from the module `options` describes
 * (`..models` for `app.models` seen from `app.routers.users`); undefined across top packages. The
 * target may be spelled without the folders above the project (`app.models` for `src.app.models`).
 */
export function relativeModuleName(target: string, options: ScopeOptions): string | undefined {
  const own = (options.moduleName ?? "").split(".").filter(Boolean);
  const pkg = options.isPackage ? own : own.slice(0, -1);
  if (!pkg.length) return undefined;
  const parts = target.split(".");
  let full = parts;
  if (parts[0] !== pkg[0]) {
    const at = pkg.indexOf(parts[0]!);
    if (at === -1) return undefined;
    full = [...pkg.slice(0, at), ...parts];
  }
  let common = 0;
  while (common < pkg.length && common < full.length && pkg[common] === full[common]) common++;
  if (!common) return undefined;
  return ".".repeat(pkg.length - common + 1) + full.slice(common).join(".");
}

/**
 * How a module's top-level imports are written: the first names of the absolute ones (`app` for
 * `from app.models import Item` and `import app.db`), and whether any is relative.
 */
export function importRoots(root: Node): { roots: Set<string>; relative: boolean } {
  const roots = new Set<string>();
  let relative = false;
  for (const s of root.namedChildren) {
    if (s?.type === "import_from_statement") {
      const source = s.childForFieldName("module_name");
      if (source?.type === "relative_import") relative = true;
      else if (source) roots.add(source.text.split(".")[0]!);
    } else if (s?.type === "import_statement") {
      for (const n of s.childrenForFieldName("name")) {
        const dotted = n?.type === "aliased_import" ? n.childForFieldName("name") : n;
        if (dotted) roots.add(dotted.text.split(".")[0]!);
      }
    }
  }
  return { roots, relative };
}

const IMPORT_STATEMENTS = new Set([
  "import_statement",
  "import_from_statement",
  "future_import_statement",
]);

const DEFINITIONS = new Set(["function_definition", "class_definition", "decorated_definition"]);

/** New import lines go after the top-of-file import block (or docstring, or header comments). */
function newStatements(text: string, root: Node, stylist: Stylist, lines: string[]): Edit {
  const nl = stylist.newline;
  const statements = root.namedChildren.filter((c): c is Node => !!c && c.type !== "comment");
  let anchor: Node | undefined;
  let sawImport = false;
  // After the last top-level import that comes before the first definition: files that set
  // something up between imports (`os.environ[...] = ...`, `sys.path.insert`) keep that order.
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i]!;
    const isDocstring =
      i === 0 && s.type === "expression_statement" && s.namedChildren[0]?.type === "string";
    if (isDocstring || IMPORT_STATEMENTS.has(s.type)) {
      anchor = s;
      if (!isDocstring) sawImport = true;
      continue;
    }
    if (DEFINITIONS.has(s.type) || !sawImport) break;
  }
  const body = lines.join(nl) + nl;
  if (anchor) {
    const lineEnd = text.indexOf("\n", anchor.endIndex);
    if (lineEnd === -1) return { start: text.length, end: text.length, text: nl + body };
    const at = lineEnd + 1;
    // A fresh import block after a docstring gets a blank line above it.
    const prefix = sawImport ? "" : nl;
    return { start: at, end: at, text: prefix + body };
  }
  const first = statements[0];
  if (!first) {
    const sep = text.length && !text.endsWith("\n") ? nl : "";
    return { start: text.length, end: text.length, text: sep + body };
  }
  // Before the first statement, but above any comment block attached to it (no blank line between),
  // unless that block is the file's header (it reaches the top of the file).
  let at = text.lastIndexOf("\n", first.startIndex - 1) + 1;
  let probe = at;
  while (probe > 0) {
    const prevStart = text.lastIndexOf("\n", probe - 2) + 1;
    const line = text.slice(prevStart, probe).trim();
    if (!line.startsWith("#")) break;
    probe = prevStart;
  }
  if (probe > 0 && probe !== at) at = probe;
  // PEP 8: two blank lines between the imports and a top-level def or class.
  const definition = /^(async\s+def|def|class|@)/.test(
    text.slice(first.startIndex, first.startIndex + 10),
  );
  return { start: at, end: at, text: body + nl + (definition ? nl : "") };
}

// ---- dropping imports nothing uses any more ------------------------------------------------

/** Import bindings matching `check` that nothing in the module reads any more. */
function unusedBindings(
  scopes: ScopeTree,
  tree: Tree,
  text: string,
  check: UnusedImportCheck,
): Binding[] {
  const candidates: Binding[] = [];
  for (const scope of scopes.allScopes()) {
    for (const b of scope.bindings.get(check.local) ?? []) {
      if (IMPORT_KINDS.has(b.kind) && b.qualified === check.qualified) candidates.push(b);
    }
  }
  if (!candidates.length || listedInAll(tree.rootNode, check.local)) return [];
  if (namedInString(tree.rootNode, check.local)) return [];
  const ids = identifiersNamed(tree.rootNode, text, check.local);
  return candidates.filter(
    (binding) =>
      !ids.some((id) => {
        if (!isReference(id)) return false;
        const found = scopes.lookup(check.local, id);
        return !!found?.includes(binding) && !found.some((b) => b.node.equals(id));
      }),
  );
}

/** Removes names from their import statements, several from one statement in one go. */
export function removeImportNames(text: string, bindings: Binding[]): Removal[] {
  const byStatement = new Map<number, { statement: Node; nodes: Node[] }>();
  for (const b of bindings) {
    const entry = byStatement.get(b.statement.id) ?? { statement: b.statement, nodes: [] };
    if (!entry.nodes.some((n) => n.equals(b.node))) entry.nodes.push(b.node);
    byStatement.set(b.statement.id, entry);
  }
  return [...byStatement.values()].flatMap(({ statement, nodes }) =>
    removeFromStatement(text, statement, nodes),
  );
}

/** An identifier that reads a variable (not an attribute name, keyword or definition name). */
export function isReference(id: Node): boolean {
  const parent = id.parent;
  if (!parent) return false;
  switch (parent.type) {
    case "attribute":
      return !parent.childForFieldName("attribute")?.equals(id);
    case "keyword_argument":
      return !parent.childForFieldName("name")?.equals(id);
    case "function_definition":
    case "class_definition":
      return !parent.childForFieldName("name")?.equals(id);
    case "dotted_name":
    case "aliased_import":
    case "import_statement":
    case "import_from_statement":
    case "global_statement":
    case "nonlocal_statement":
    case "parameters":
    case "lambda_parameters":
    case "typed_parameter":
    case "list_splat_pattern":
    case "dictionary_splat_pattern":
    case "keyword_pattern":
      return false;
    case "default_parameter":
    case "typed_default_parameter":
      return !parent.childForFieldName("name")?.equals(id);
    default:
      return true;
  }
}

/**
 * True when a string mentions the name as code would (`"time.struct_time"`, `"Optional[time.x]"`):
 * string annotations, `cast("...")` and forward references are evaluated at run time by
 * FastAPI and Pydantic, so such an import is still in use.
 */
function namedInString(root: Node, name: string): boolean {
  const mention = new RegExp(`(^|[^\\w.])${name}(\\.|\\[|$|[\\s,\\]|)])`);
  return query("(string_content) @s")
    .captures(root)
    .some((c) => mention.test(c.node.text));
}

function listedInAll(root: Node, name: string): boolean {
  for (const child of root.namedChildren) {
    const assign = child?.type === "expression_statement" ? child.namedChildren[0] : undefined;
    if (assign?.type !== "assignment" && assign?.type !== "augmented_assignment") continue;
    if (assign.childForFieldName("left")?.text !== "__all__") continue;
    const right = assign.childForFieldName("right")?.text ?? "";
    if (right.includes(`"${name}"`) || right.includes(`'${name}'`)) return true;
  }
  return false;
}

/** Removes one name from its import statement, or the whole statement when it was the last. */
function removeImportName(text: string, binding: Binding): Removal[] {
  return removeFromStatement(text, binding.statement, [binding.node]);
}

/** An import statement that loses all its names: its line goes, or it becomes `pass`. */
const STATEMENT_REMOVAL: RemoveStatementOptions = {
  blankLines: "collapse",
  passWhenAlone: true,
  sharedLine: "cut",
};

/**
 * Removes `gone` from an import statement's names. Each run of neighbouring names goes with the
 * separator before the next kept name (or after the previous one); inside parentheses, runs
 * that have their lines to themselves go line and all. All names gone: the statement goes.
 */
function removeFromStatement(text: string, statement: Node, gone: Node[]): Removal[] {
  const names = statement.childrenForFieldName("name").filter((n): n is Node => !!n);
  const isGone = names.map((n) => gone.some((g) => g.equals(n)));
  if (isGone.every(Boolean)) return [removeStatement(text, statement, STATEMENT_REMOVAL)!];
  const parenthesised = statement.children.some((c) => c?.type === "(");
  const edits: Removal[] = [];
  for (let i = 0; i < names.length; i++) {
    if (!isGone[i]) continue;
    let j = i;
    while (j + 1 < names.length && isGone[j + 1]) j++;
    const first = names[i]!;
    const last = names[j]!;
    const lineStart = text.lastIndexOf("\n", first.startIndex - 1) + 1;
    const lineEndIdx = text.indexOf("\n", last.endIndex);
    const lineEnd = lineEndIdx === -1 ? text.length : lineEndIdx + 1;
    // Whole lines only inside parentheses and when the run has them to itself (a `\`
    // continuation or a `)` on those lines would be cut off with them).
    const ownLines =
      parenthesised &&
      /^[ \t]*$/.test(text.slice(lineStart, first.startIndex)) &&
      /^[ \t]*,?[ \t]*(#.*)?\r?$/.test(text.slice(last.endIndex, lineEnd).replace(/\n$/, ""));
    const next = names[j + 1];
    const prev = names[i - 1];
    if (next) {
      if (ownLines && lineEnd <= next.startIndex)
        edits.push({ start: lineStart, end: lineEnd, text: "" });
      else edits.push({ start: first.startIndex, end: next.startIndex, text: "" });
    } else if (ownLines && lineStart > prev!.endIndex) {
      edits.push({ start: lineStart, end: lineEnd, text: "" });
    } else {
      edits.push({ start: prev!.endIndex, end: last.endIndex, text: "" });
    }
    i = j;
  }
  return edits;
}
