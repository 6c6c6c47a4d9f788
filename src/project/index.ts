// The project-wide index: every module's classes and re-exports, so that "is this a pydantic
// model?" has an answer at any inheritance depth, across files, whatever the order of the files.
import { mentionsAny, type ProjectNames } from "./scan.js";
import type { CallSite } from "./calls.js";
import type { FieldSummary } from "./fields.js";
import type { ModuleSummary } from "./summary.js";

export type ClassKind = "model" | "settings";

/** What the index can tell of a class and SQLAlchemy's declarative mapping. */
export interface Mapping {
  /** "yes": it derives from a declarative base; "no": every base is known and none does. */
  mapped: "yes" | "no" | "unknown";
  /** A class or base on the way sets `type_annotation_map`: annotations may not mean the defaults. */
  typeMap: boolean;
}

/** SQLAlchemy 2.0's declarative base classes. */
const DECLARATIVE_ROOTS = new Set([
  "sqlalchemy.orm.DeclarativeBase",
  "sqlalchemy.orm.DeclarativeBaseNoMeta",
  "sqlalchemy.orm.decl_api.DeclarativeBase",
  "sqlalchemy.orm.decl_api.DeclarativeBaseNoMeta",
]);

/** Bases outside the project that give no timestamp columns (declarative bases included). */
const NO_TIMESTAMPS = /^(sqlalchemy|builtins|typing|typing_extensions|abc|enum)\./;

/** Bases that never lead to a mapping. */
const PLAIN_BASES = /^(builtins|typing|typing_extensions|abc|enum|collections\.abc)\./;

const MODEL_ROOTS = new Set([
  "pydantic.BaseModel",
  "pydantic.main.BaseModel",
  "pydantic.generics.GenericModel",
  "pydantic.RootModel",
  "pydantic.root_model.RootModel",
  "sqlmodel.SQLModel",
  "sqlmodel.main.SQLModel",
]);

const SETTINGS_ROOTS = new Set([
  "pydantic.BaseSettings",
  "pydantic.env_settings.BaseSettings",
  "pydantic_settings.BaseSettings",
  "pydantic_settings.main.BaseSettings",
]);

/**
 * Where a lazy index reads modules from: it parses a module only when a question needs it, so a
 * run over a large tree parses only the modules the files being fixed lead to.
 */
export interface ModuleSource {
  /** Every module of the run (a name may repeat: files of two projects). */
  readonly modules: readonly string[];
  /** The summaries of the files with this module name (none when they do not parse). */
  load(module: string): ModuleSummary[];
  /**
   * The modules that may pass a function with one of these last names (or a name it is imported
   * as) to Depends()/Security().
   */
  dependencyModules(names: readonly string[]): readonly string[];
  /**
   * The calls, anywhere in the project, whose callee's last name is one of these (or a name it
   * is imported as), with the callee resolved in the calling module.
   */
  callSites(names: readonly string[]): readonly CallSite[];
  /** Modules that may define a v1 model method in a class: asked about as a whole. */
  readonly overrideModules: readonly string[];
  /** Names that may stand for a model or router, from the cheap scan of every file. */
  readonly names: ProjectNames;
}

export class ProjectIndex {
  private readonly classes = new Map<string, string[]>();
  private readonly configs = new Map<string, string[]>();
  private readonly v2 = new Set<string>();
  /** Class -> the v1 model method names it defines itself. */
  private readonly overrides = new Map<string, string[]>();
  private readonly aliases = new Map<string, string>();
  private readonly routers = new Set<string>();
  private readonly returns = new Map<string, string>();
  private readonly dependencies = new Set<string>();
  private readonly prefixes = new Map<string, string>();
  /** Legacy declarative bases (`Base = declarative_base()`) -> whether they set a type map. */
  private readonly declaratives = new Map<string, boolean>();
  /** Classes that are declarative bases themselves, and those that set a type map. */
  private readonly declarativeClasses = new Set<string>();
  private readonly typeMaps = new Set<string>();
  /** Classes -> which of created_at / updated_at their bodies define. */
  private readonly timestamps = new Map<string, string[]>();
  /** Classes -> the annotated fields their bodies declare, and those serialised by hand. */
  private readonly fields = new Map<string, { fields: FieldSummary[]; modelSerializer: boolean }>();
  /** Session factories (`SessionLocal = sessionmaker(...)`) and engines, by qualified name. */
  private readonly factories = new Map<string, "session" | "engine">();
  private readonly modules = new Set<string>();
  /** Every dotted suffix of a module name -> the module names that end with it. */
  private readonly suffixes = new Map<string, string[]>();
  private readonly kinds = new Map<string, ClassKind | undefined>();
  /** The scan's model and router names, as tests of a text. */
  private readonly modelPattern: RegExp;
  private readonly routerPattern: RegExp;
  private mixinNames?: Set<string>;
  /** Modules of the source not loaded yet. */
  private readonly pending = new Set<string>();
  /** canonical()'s answers since the last module was added (a new module may change them). */
  private readonly canonicalMemo = new Map<string, string>();
  /** Names whose modules are loaded already (see touch). */
  private readonly touched = new Set<string>();

  constructor(private readonly source: ModuleSource) {
    for (const m of source.modules) {
      if (this.pending.has(m)) continue;
      this.pending.add(m);
      this.addSuffixes(m);
    }
    this.modelPattern = mentionsAny(source.names.models, ["pydantic"]);
    this.routerPattern = mentionsAny(source.names.routers, ["FastAPI", "APIRouter"]);
  }

  private addSuffixes(module: string): void {
    const parts = module.split(".");
    for (let i = 0; i < parts.length; i++) {
      const suffix = parts.slice(i).join(".");
      const list = this.suffixes.get(suffix) ?? [];
      if (!list.includes(module)) list.push(module);
      this.suffixes.set(suffix, list);
    }
  }

  /** Loads a module of the source the first time it is needed. */
  private load(module: string): void {
    if (!this.pending.delete(module)) return;
    const summaries = this.source.load(module);
    for (const s of summaries) this.add(s);
    if (summaries.length) return;
    // A module that does not parse is not known, as if it had never been indexed.
    for (const [suffix, list] of this.suffixes) {
      const i = list.indexOf(module);
      if (i < 0) continue;
      list.splice(i, 1);
      if (!list.length) this.suffixes.delete(suffix);
    }
  }

  /** Loads every module a qualified name may live in (each of its dotted prefixes). */
  private touch(qualified: string): void {
    if (!this.pending.size || this.touched.has(qualified)) return;
    this.touched.add(qualified);
    let dot = qualified.indexOf(".");
    while (dot > 0) {
      this.load(qualified.slice(0, dot));
      dot = qualified.indexOf(".", dot + 1);
    }
    this.load(qualified);
  }

  private loadAll(modules: readonly string[]): void {
    for (const m of modules) this.load(m);
  }

  private hasModule(module: string): boolean {
    this.load(module);
    return this.modules.has(module);
  }

  /** The known modules whose name ends with `suffix` (loaded, so that unparsable ones drop out). */
  private suffixMatches(suffix: string): string[] | undefined {
    for (const m of [...(this.suffixes.get(suffix) ?? [])]) this.load(m);
    return this.suffixes.get(suffix);
  }

  private add(summary: ModuleSummary): void {
    this.kinds.clear();
    this.canonicalMemo.clear();
    this.modules.add(summary.module);
    this.addSuffixes(summary.module);
    for (const c of summary.classes) {
      this.classes.set(c.qualified, c.bases);
      this.configs.set(c.qualified, c.config);
      if (c.v2) this.v2.add(c.qualified);
      if (c.overrides) this.overrides.set(c.qualified, c.overrides);
      if (c.declarative) this.declarativeClasses.add(c.qualified);
      if (c.typeMap) this.typeMaps.add(c.qualified);
      if (c.timestamps) this.timestamps.set(c.qualified, c.timestamps);
      if (c.fields || c.modelSerializer)
        this.fields.set(c.qualified, {
          fields: c.fields ?? [],
          modelSerializer: !!c.modelSerializer,
        });
    }
    for (const [name, typeMap] of summary.declaratives ?? []) this.declaratives.set(name, typeMap);
    for (const [name, kind] of summary.factories ?? []) this.factories.set(name, kind);
    for (const [from, to] of summary.aliases) this.aliases.set(from, to);
    for (const r of summary.routers) this.routers.add(r);
    for (const [fn, cls] of summary.functions ?? []) this.returns.set(fn, cls);
    for (const dep of summary.dependencies ?? []) this.dependencies.add(dep);
    for (const [router, prefix] of summary.prefixes ?? []) this.prefixes.set(router, prefix);
  }

  /**
   * Maps an imported name to the name the index knows it by: follows re-exports
   * (`from .user import User` in a package `__init__`) and matches module names by suffix when
   * the project was opened from a parent folder (`app.models` -> `src.app.models`).
   */
  canonical(qualified: string): string {
    let known = this.canonicalMemo.get(qualified);
    if (known === undefined) {
      known = this.resolveCanonical(qualified);
      this.canonicalMemo.set(qualified, known);
    }
    return known;
  }

  private resolveCanonical(qualified: string): string {
    let q = qualified;
    for (let hops = 0; hops < 20; hops++) {
      this.touch(q);
      if (this.isKnown(q)) return q;
      const alias = this.aliases.get(q) ?? this.aliases.get(this.bySuffix(q) ?? "");
      if (alias && alias !== q) {
        q = alias;
        continue;
      }
      const moved = this.bySuffix(q);
      if (moved && moved !== q && this.isKnown(moved)) return moved;
      return q;
    }
    return q;
  }

  /** A name the index holds facts about (a class, a router, a declarative base). */
  private isKnown(q: string): boolean {
    return (
      this.classes.has(q) ||
      this.routers.has(q) ||
      this.declaratives.has(q) ||
      this.factories.has(q)
    );
  }

  private bySuffix(q: string): string | undefined {
    const parts = q.split(".");
    for (let i = parts.length - 1; i >= 1; i--) {
      const module = parts.slice(0, i).join(".");
      if (this.hasModule(module)) return q;
      const matches = this.suffixMatches(module);
      if (matches?.length === 1) {
        const moved = [matches[0], ...parts.slice(i)].join(".");
        this.touch(moved);
        return moved;
      }
    }
    return undefined;
  }

  /** "settings", "model" or undefined for a class known by its qualified name. */
  classKind(qualified: string, seen: Set<string> = new Set()): ClassKind | undefined {
    if (SETTINGS_ROOTS.has(qualified)) return "settings";
    if (MODEL_ROOTS.has(qualified)) return "model";
    const q = this.canonical(qualified);
    if (SETTINGS_ROOTS.has(q)) return "settings";
    if (MODEL_ROOTS.has(q)) return "model";
    if (this.kinds.has(q)) return this.kinds.get(q);
    if (seen.has(q)) return undefined;
    seen.add(q);
    const bases = this.classes.get(q);
    const kind = bases ? this.kindOfBases(bases, seen) : undefined;
    this.kinds.set(q, kind);
    return kind;
  }

  /** The kind a class with these bases has: settings wins over model. */
  kindOfBases(bases: string[], seen: Set<string> = new Set()): ClassKind | undefined {
    let kind: ClassKind | undefined;
    for (const base of bases) {
      if (!base) continue;
      const k = this.classKind(base, new Set(seen));
      if (k === "settings") return k;
      if (k) kind = k;
    }
    return kind;
  }

  /**
   * True when the class derives from one of `roots` (qualified names, e.g. "enum.Enum") through
   * classes the project defines, at any depth.
   */
  derivesFrom(
    qualified: string,
    roots: ReadonlySet<string>,
    seen: Set<string> = new Set(),
  ): boolean {
    if (roots.has(qualified)) return true;
    const q = this.canonical(qualified);
    if (roots.has(q)) return true;
    if (seen.has(q)) return false;
    seen.add(q);
    return (this.classes.get(q) ?? []).some((b) => !!b && this.derivesFrom(b, roots, seen));
  }

  /**
   * Whether a class with these bases is mapped by SQLAlchemy's declarative system, through the
   * project's classes at any depth and across files.
   */
  mappingOfBases(bases: readonly string[], seen: Set<string> = new Set()): Mapping {
    let unknown = false;
    let typeMap = false;
    for (const base of bases) {
      const m = base ? this.mappingOf(base, seen) : { mapped: "unknown" as const, typeMap: false };
      typeMap ||= m.typeMap;
      if (m.mapped === "yes") return { mapped: "yes", typeMap };
      if (m.mapped === "unknown") unknown = true;
    }
    return { mapped: unknown ? "unknown" : "no", typeMap };
  }

  /** True when some class of the project lists a class of this name among several bases. */
  isMixinName(name: string): boolean {
    return (this.mixinNames ??= new Set(this.source.names.mixins ?? [])).has(name);
  }

  /**
   * The fields of a class of the project, its own and those its bases give it (a name the class
   * sets wins over its bases, the first base over the next), and whether a model serializer on
   * the way decides the output; undefined for a class the index does not know.
   */
  modelFields(
    qualified: string,
    seen: Set<string> = new Set(),
  ): { fields: FieldSummary[]; modelSerializer: boolean } | undefined {
    this.touch(qualified);
    const q = this.canonical(qualified);
    const bases = this.classes.get(q);
    if (!bases || seen.has(q)) return undefined;
    seen.add(q);
    const own = this.fields.get(q);
    const byName = new Map((own?.fields ?? []).map((f) => [f.name, f]));
    let modelSerializer = own?.modelSerializer ?? false;
    for (const base of bases) {
      if (!base) continue;
      const inherited = this.modelFields(base, seen);
      if (!inherited) continue;
      modelSerializer ||= inherited.modelSerializer;
      for (const f of inherited.fields) if (!byName.has(f.name)) byName.set(f.name, f);
    }
    return { fields: [...byName.values()], modelSerializer };
  }

  /** The project builds a FastAPI app or an APIRouter somewhere (from the scan). */
  usesFastAPI(): boolean {
    return !!this.source.names.apps?.length || this.source.names.routers.length > 0;
  }

  /** The modules that build a FastAPI app, sorted (from the scan: a superset). */
  get appModules(): readonly string[] {
    return this.source.names.apps ?? [];
  }

  /** Some string of the project may be a health-check path (from the scan: a superset). */
  get mayServeHealthCheck(): boolean {
    return this.source.names.health ?? false;
  }

  /** Some relationship of the project may be configured with a joined eager load. */
  get mapsJoinedEagerLoads(): boolean {
    return this.source.names.joinedEager ?? false;
  }

  /**
   * The timestamp attributes (created_at, updated_at) classes with these bases inherit from the
   * project's classes; undefined when a base outside the project and SQLAlchemy could add some.
   */
  inheritedTimestamps(
    bases: readonly string[],
    seen: Set<string> = new Set(),
  ): Set<string> | undefined {
    const out = new Set<string>();
    for (const base of bases) {
      if (!base) return undefined;
      if (NO_TIMESTAMPS.test(base)) continue;
      const q = this.canonical(base);
      if (NO_TIMESTAMPS.test(q) || this.declaratives.has(q)) continue;
      const own = this.classes.get(q);
      if (!own) return undefined;
      if (seen.has(q)) continue;
      seen.add(q);
      for (const t of this.timestamps.get(q) ?? []) out.add(t);
      const inherited = this.inheritedTimestamps(own, seen);
      if (!inherited) return undefined;
      for (const t of inherited) out.add(t);
    }
    return out;
  }

  /** "session" for a session factory the project builds, "engine" for an engine; else undefined. */
  factoryKind(qualified: string): "session" | "engine" | undefined {
    return this.factories.get(this.canonical(qualified));
  }

  /** True when the name is a class the project maps with SQLAlchemy (an entity to query). */
  isMappedClass(qualified: string): boolean {
    const q = this.canonical(qualified);
    return this.classes.has(q) && this.mappingOf(q, new Set()).mapped === "yes";
  }

  private mappingOf(qualified: string, seen: Set<string>): Mapping {
    if (DECLARATIVE_ROOTS.has(qualified)) return { mapped: "yes", typeMap: false };
    const q = this.canonical(qualified);
    if (DECLARATIVE_ROOTS.has(q)) return { mapped: "yes", typeMap: false };
    const legacy = this.declaratives.get(q);
    if (legacy !== undefined) return { mapped: "yes", typeMap: legacy };
    if (q === "builtins.object" || PLAIN_BASES.test(q)) return { mapped: "no", typeMap: false };
    const bases = this.classes.get(q);
    if (!bases || seen.has(q)) return { mapped: bases ? "no" : "unknown", typeMap: false };
    seen.add(q);
    const own = this.typeMaps.has(q);
    if (this.declarativeClasses.has(q)) return { mapped: "yes", typeMap: own };
    const m = this.mappingOfBases(bases, seen);
    return { mapped: m.mapped, typeMap: own || m.typeMap };
  }

  /**
   * True when a call of `method` on the class (or, with `subclasses`, on an instance that may be
   * of a project subclass) may run a method the project wrote rather than Pydantic's: the class,
   * a project base or such a subclass defines it.
   */
  definesMethod(qualified: string, method: string, subclasses: boolean): string | undefined {
    const q = this.canonical(qualified);
    this.loadAll(this.source.overrideModules);
    for (const [cls, names] of this.overrides) {
      if (!names.includes(method)) continue;
      if (cls === q || this.derivesFrom(q, new Set([cls]))) return cls;
      if (subclasses && this.derivesFrom(cls, new Set([q]))) return cls;
    }
    return undefined;
  }

  /** True when the name is a class the project defines (or a known Pydantic base). */
  isClass(qualified: string): boolean {
    const q = this.canonical(qualified);
    return this.classes.has(q) || MODEL_ROOTS.has(q) || SETTINGS_ROOTS.has(q);
  }

  /**
   * True when the class or one of its project bases sets any of `keys` in its configuration;
   * undefined when a base outside the project (other than Pydantic's own) could set it unseen.
   */
  hasConfig(
    qualified: string,
    keys: readonly string[],
    seen: Set<string> = new Set(),
  ): boolean | undefined {
    const q = this.canonical(qualified);
    if (
      MODEL_ROOTS.has(q) ||
      SETTINGS_ROOTS.has(q) ||
      /^(builtins|typing|typing_extensions|abc)\./.test(q)
    )
      return false;
    if (seen.has(q)) return false;
    seen.add(q);
    const bases = this.classes.get(q);
    if (!bases) return undefined;
    if (this.configs.get(q)?.some((k) => keys.includes(k))) return true;
    return this.basesHaveConfig(bases, keys, seen);
  }

  basesHaveConfig(
    bases: string[],
    keys: readonly string[],
    seen: Set<string> = new Set(),
  ): boolean | undefined {
    let unknown = false;
    for (const base of bases) {
      if (!base) {
        unknown = true;
        continue;
      }
      const r = this.hasConfig(base, keys, seen);
      if (r) return true;
      if (r === undefined) unknown = true;
    }
    return unknown ? undefined : false;
  }

  /** The qualified name of the class a project function returns (or yields), if annotated. */
  returnTypeOf(qualified: string): string | undefined {
    return this.returns.get(this.canonicalFunction(qualified));
  }

  private canonicalFunction(qualified: string): string {
    let q = qualified;
    for (let hops = 0; hops < 20; hops++) {
      this.touch(q);
      if (this.returns.has(q)) break;
      const alias = this.aliases.get(q) ?? this.aliases.get(this.bySuffix(q) ?? "");
      if (alias && alias !== q) q = alias;
      else return this.bySuffix(q) ?? q;
    }
    return q;
  }

  /** Every call of this function the project makes by hand (through imports and re-exports). */
  directCalls(qualified: string): CallSite[] {
    const target = this.canonicalFunction(qualified);
    return this.source
      .callSites([lastName(qualified)])
      .filter((s) => s.callee === qualified || this.canonicalFunction(s.callee) === target);
  }

  /** True when some module of the project passes this function to Depends()/Security(). */
  isDependency(qualified: string): boolean {
    const canonical = this.canonicalFunction(qualified);
    this.loadAll(this.source.dependencyModules([lastName(qualified), lastName(canonical)]));
    return this.dependencies.has(qualified) || this.dependencies.has(canonical);
  }

  /** The literal prefix an APIRouter was built with ("" for none), if the index knows it. */
  routerPrefix(qualified: string): string | undefined {
    return this.prefixes.get(this.canonical(qualified));
  }

  /**
   * True when the text names a Pydantic base or a model class of the project: a module that
   * defines or uses a model must spell one of them (`class User(Base)`, `Base.parse_obj`).
   */
  mentionsModel(text: string): boolean {
    return this.modelPattern.test(text);
  }

  /**
   * True when the text names a FastAPI app or router class, or a router the project builds: a
   * module that declares routes must spell one of them (`router.get`, `from .api import router`).
   */
  mentionsRouter(text: string): boolean {
    return this.routerPattern.test(text);
  }

  /** True when one of the classes (or their project bases) assigns `model_config`. */
  basesAreV2(bases: string[], seen: Set<string> = new Set()): boolean {
    for (const base of bases) {
      const q = base ? this.canonical(base) : "";
      if (!q || seen.has(q)) continue;
      seen.add(q);
      if (this.v2.has(q) || this.basesAreV2(this.classes.get(q) ?? [], seen)) return true;
    }
    return false;
  }

  /** True when the qualified name is a FastAPI app or APIRouter built at module level. */
  isRouter(qualified: string): boolean {
    return this.routers.has(this.canonical(qualified));
  }
}

function lastName(qualified: string): string {
  return qualified.slice(qualified.lastIndexOf(".") + 1);
}
