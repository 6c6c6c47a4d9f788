// What a rewritten module needs installed that its old text did not: Pydantic 2 once a Pydantic
// rule rewrote it, pydantic-settings once BaseSettings moved there, SQLAlchemy 2.0 once 2.0-only
// names appear. The runner turns these into edits of the project's own declarations.

export type NeededPackage =
  | "pydantic"
  | "pydantic-settings"
  | "pydantic-extra-types"
  | "fastapi"
  | "sqlalchemy"
  | "typing-extensions";

export interface PackageNeed {
  pkg: NeededPackage;
  /** The lowest version that has every construct the fixes write. */
  min: string;
}

/**
 * The lowest versions, and the exact release an exact pin moves to: the release the end-to-end
 * check runs the migrated example on (a pin to an older one can meet today's anyio or httpx and
 * fail on their deprecations).
 */
export const PACKAGE_VERSIONS: Readonly<Record<NeededPackage, { min: string; pin: string }>> = {
  pydantic: { min: "2.0", pin: "2.14.4" },
  "pydantic-settings": { min: "2.0", pin: "2.16.3" },
  "pydantic-extra-types": { min: "2.0", pin: "2.11.1" },
  // The first FastAPI that runs on Pydantic 2.
  fastapi: { min: "0.100", pin: "0.165.0" },
  sqlalchemy: { min: "2.0", pin: "2.1.9" },
  // Annotated for a Python below 3.9 (annotated-dependencies writes it from typing_extensions).
  "typing-extensions": { min: "4.0", pin: "4.16.0" },
};

const PYDANTIC_RULE = /^pydantic-/;
/** Knobs the Pydantic rules may write that came in 2.4: union_mode=, StringConstraints, the config's coerce_numbers_to_str. */
const PYDANTIC_2_4 = /\b(union_mode|StringConstraints|coerce_numbers_to_str)\b/;
const SQLALCHEMY_2 = /\b(DeclarativeBase|mapped_column|Mapped|DeclarativeBaseNoMeta)\b/;

const newly = (pattern: RegExp, before: string, after: string): boolean =>
  pattern.test(after) && !pattern.test(before);

/** What the rewrite of one module (`before` -> `after`, with these fixes) needs installed. */
export function packageNeeds(
  before: string,
  after: string,
  fixes: Readonly<Record<string, number>>,
): PackageNeed[] {
  const out = new Set<NeededPackage>();
  if (Object.keys(fixes).some((name) => PYDANTIC_RULE.test(name))) {
    out.add("pydantic");
    out.add("fastapi");
  }
  if (newly(/\bpydantic_settings\b/, before, after)) out.add("pydantic-settings");
  if (newly(/\bpydantic_extra_types\b/, before, after)) out.add("pydantic-extra-types");
  if (newly(SQLALCHEMY_2, before, after)) out.add("sqlalchemy");
  if (newly(/\btyping_extensions\b/, before, after)) out.add("typing-extensions");
  return [...out].map((pkg) => ({
    pkg,
    min:
      pkg === "pydantic" && newly(PYDANTIC_2_4, before, after) ? "2.4" : PACKAGE_VERSIONS[pkg].min,
  }));
}
