// The context FastAPI and Pydantic rules get: the engine's ModuleContext plus what the project
// index and the declared versions say about the module (routes, model classes, configuration,
// Pydantic v1 or v2 meanings).
import { ModuleContext, type ModuleInfo } from "../engine/context.js";
import type { Node, Tree } from "../engine/parser.js";
import type { QueryPlan } from "../engine/query-plan.js";
import type { ClassKind, Mapping, ProjectIndex } from "../project/index.js";
import {
  APP_CLASSES,
  assignsModelConfig,
  classBases,
  configKeys,
  isAppConstruction,
} from "../project/summary.js";
import {
  declaresAtLeast,
  noTargets,
  type ProjectTargets,
  type TargetPackage,
} from "../project/targets.js";
import { findRoutes, type Route } from "./routes.js";

export type { ClassKind } from "../project/index.js";

/** Names Pydantic 1 does not have: a module importing one is written for v2. */
const V2_ONLY = new Set(
  [
    "ConfigDict",
    "field_validator",
    "model_validator",
    "field_serializer",
    "model_serializer",
    "computed_field",
    "RootModel",
    "TypeAdapter",
    "StringConstraints",
    "ValidationInfo",
    "AfterValidator",
    "BeforeValidator",
    "PlainValidator",
    "WrapValidator",
    "validate_call",
  ].map((name) => `pydantic.${name}`),
);

/** `Outer.Inner` for a class nested in a class, `f.<locals>.C` for one in a function. */
function scopePath(node: Node): string {
  const parts: string[] = [];
  for (let n: Node | null = node; n; n = n.parent) {
    if (n.type === "class_definition" || n.type === "function_definition")
      parts.unshift(n.childForFieldName("name")?.text ?? "?");
  }
  return parts.join(".");
}

export class RuleContext extends ModuleContext {
  private routeList?: Route[];

  constructor(
    source: string,
    tree: Tree,
    module: ModuleInfo,
    readonly index: ProjectIndex,
    options: Readonly<Record<string, string>> = {},
    readonly targets: ProjectTargets = noTargets(),
    /** Answers decided on the file as it was before any fix, kept across the fix loop's passes. */
    private readonly firstPass: Map<string, boolean> = new Map(),
    plan?: QueryPlan,
  ) {
    super(source, tree, module, options, plan);
  }

  /**
   * Whether the project declares `pkg` at `version` or later: "yes" when every version it allows
   * is, "no" when none is, "unknown" when it does not say (or allows both).
   */
  declares(pkg: TargetPackage, version: string): "yes" | "no" | "unknown" {
    return declaresAtLeast(this.targets, pkg, version);
  }

  /** The module's routes (decorated handlers and add_api_route registrations), found once. */
  routes(): Route[] {
    return (this.routeList ??= findRoutes(this));
  }

  /** Whether a class definition is a pydantic model or settings class, through the index. */
  classKind(classNode: Node): ClassKind | undefined {
    const bases = classBases(classNode, this);
    return this.index.kindOfBases(bases);
  }

  /** Whether a class definition is mapped by SQLAlchemy's declarative system, through the index. */
  mapping(classNode: Node): Mapping {
    return this.index.mappingOfBases(classBases(classNode, this));
  }

  /**
   * True when the class or a base sets one of `keys` in its configuration; undefined when a
   * base the index does not know could.
   */
  configHas(classNode: Node, keys: readonly string[]): boolean | undefined {
    if (configKeys(classNode).some((k) => keys.includes(k))) return true;
    return this.index.basesHaveConfig(classBases(classNode, this), keys);
  }

  /**
   * True for a model whose fields have Pydantic v2 meanings; rules that keep v1 meanings
   * (Optional fields defaulting to None) must not apply to it. The project's declared version
   * is what runs, so it decides; when the project does not say, the class is v2 when it, a
   * project base or its module uses v2-only API, as the file was before this run's fixes (the
   * first pass's answer is kept, so that a fix writing `model_config` changes nothing).
   */
  isV2Model(classNode: Node): boolean {
    const declared = this.declares("pydantic", "2");
    if (declared !== "unknown") return declared === "yes";
    const key = `class ${scopePath(classNode)}`;
    let v2 = this.firstPass.get(key);
    if (v2 === undefined) {
      v2 =
        this.moduleUsesV2() ||
        assignsModelConfig(classNode) ||
        this.index.basesAreV2(classBases(classNode, this));
      this.firstPass.set(key, v2);
    }
    return v2;
  }

  /**
   * True when the module's code has Pydantic v2 meanings (route parameters, models without a
   * class of their own to judge by): the declared version, else the module's v2-only imports.
   */
  isV2Module(): boolean {
    const declared = this.declares("pydantic", "2");
    return declared === "unknown" ? this.moduleUsesV2() : declared === "yes";
  }

  /** True when the module imports names only Pydantic v2 has (as it was on the first pass). */
  private moduleUsesV2(): boolean {
    let v2 = this.firstPass.get("module");
    if (v2 === undefined) {
      v2 = [...this.scopes.module.bindings.values()].some((list) =>
        list.some(
          (b) =>
            (b.kind === "import" || b.kind === "from-import") &&
            !!b.qualified &&
            (V2_ONLY.has(b.qualified) || /^pydantic_settings(\.|$)/.test(b.qualified)),
        ),
      );
      this.firstPass.set("module", v2);
    }
    return v2;
  }

  /** The kind of class a qualified name names (for receivers and constructors). */
  kindOfClassName(qualified: string): ClassKind | undefined {
    return this.index.classKind(qualified);
  }

  /** True when `node` is a FastAPI app or APIRouter: built here, annotated so, or imported. */
  isAppOrRouter(node: Node): boolean {
    if (node.type === "attribute") {
      const q = this.qualifiedName(node);
      return !!q && this.index.isRouter(q);
    }
    if (node.type !== "identifier") return false;
    const found = this.bindings(node.text, node);
    return (
      !!found?.length &&
      found.every((b) => {
        if (b.kind === "import" || b.kind === "from-import")
          return !!b.qualified && this.index.isRouter(b.qualified);
        const annotation = this.annotationOf(b);
        if (annotation) return APP_CLASSES.has(annotation);
        return b.kind === "assignment" && isAppConstruction(b.statement, this);
      })
    );
  }
}
