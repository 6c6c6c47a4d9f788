// What Pydantic v2, SQLModel and FastAPI accept in a field or parameter declaration, read from the
// installed packages (pydantic 2.11 and 2.14, sqlmodel 0.0.50, fastapi 0.116 and 0.165), so that
// the field transforms can tell a v1 keyword from a v2 one without guessing.

/** `Field()` of Pydantic itself, and SQLModel's own `Field()` (which has another signature). */
export const PYDANTIC_FIELD = new Set(["pydantic.Field", "pydantic.fields.Field"]);
export const SQLMODEL_FIELD = new Set(["sqlmodel.Field", "sqlmodel.main.Field"]);

/**
 * The keywords of `pydantic.Field` in 2.11 (`exclude_if` arrived in 2.12). Anything else is a v1
 * keyword or a schema extra, which v2 deprecates.
 */
export const PYDANTIC_FIELD_KEYWORDS: ReadonlySet<string> = new Set([
  "default",
  "default_factory",
  "alias",
  "alias_priority",
  "validation_alias",
  "serialization_alias",
  "title",
  "field_title_generator",
  "description",
  "examples",
  "exclude",
  "exclude_if",
  "discriminator",
  "deprecated",
  "json_schema_extra",
  "frozen",
  "validate_default",
  "repr",
  "init",
  "init_var",
  "kw_only",
  "pattern",
  "strict",
  "coerce_numbers_to_str",
  "gt",
  "ge",
  "lt",
  "le",
  "multiple_of",
  "allow_inf_nan",
  "max_digits",
  "decimal_places",
  "min_length",
  "max_length",
  "union_mode",
  "fail_fast",
]);

/** FastAPI's parameter functions, by qualified name -> the function's own name. */
export const FASTAPI_PARAMS: ReadonlyMap<string, string> = new Map(
  ["Query", "Path", "Body", "Header", "Cookie", "Form", "File"].flatMap((name) => [
    [`fastapi.${name}`, name],
    [`fastapi.param_functions.${name}`, name],
    [`fastapi.params.${name}`, name],
  ]),
);

/** Keywords every FastAPI parameter function takes (0.116 and 0.165, `regex`/`example` aside). */
const FASTAPI_COMMON = [
  "default",
  "default_factory",
  "alias",
  "alias_priority",
  "validation_alias",
  "serialization_alias",
  "title",
  "description",
  "gt",
  "ge",
  "lt",
  "le",
  "min_length",
  "max_length",
  "pattern",
  "discriminator",
  "strict",
  "validate_default",
  "union_mode",
  "fail_fast",
  "multiple_of",
  "allow_inf_nan",
  "max_digits",
  "decimal_places",
  "examples",
  "openapi_examples",
  "deprecated",
  "include_in_schema",
  "json_schema_extra",
];

/** Keywords each FastAPI parameter function takes in its modern signature. */
export const FASTAPI_PARAM_KEYWORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  Query: new Set(FASTAPI_COMMON),
  Path: new Set(FASTAPI_COMMON),
  Cookie: new Set(FASTAPI_COMMON),
  Header: new Set([...FASTAPI_COMMON, "convert_underscores"]),
  Body: new Set([...FASTAPI_COMMON, "embed", "media_type"]),
  Form: new Set([...FASTAPI_COMMON, "media_type"]),
  File: new Set([...FASTAPI_COMMON, "media_type"]),
};

/**
 * Keywords of Pydantic v1's FieldInfo that a request parameter accepted but that only affect model
 * export or assignment: they did nothing for a parameter, and modern FastAPI rejects them.
 */
export const PARAM_NO_EFFECT: ReadonlySet<string> = new Set([
  "include",
  "exclude",
  "repr",
  "allow_mutation",
]);

/** The keywords SQLModel's `Field()` takes (0.0.50); it has no `**extra`. */
export const SQLMODEL_FIELD_KEYWORDS: ReadonlySet<string> = new Set([
  "default",
  "default_factory",
  "alias",
  "validation_alias",
  "serialization_alias",
  "title",
  "description",
  "exclude",
  "include",
  "const",
  "gt",
  "ge",
  "lt",
  "le",
  "multiple_of",
  "max_digits",
  "decimal_places",
  "min_items",
  "max_items",
  "unique_items",
  "min_length",
  "max_length",
  "allow_mutation",
  "regex",
  "discriminator",
  "repr",
  "primary_key",
  "foreign_key",
  "ondelete",
  "unique",
  "nullable",
  "index",
  "sa_type",
  "sa_column",
  "sa_column_args",
  "sa_column_kwargs",
  "schema_extra",
]);

export interface ConType {
  /** How the v2 form carries the constraints. */
  carrier: "StringConstraints" | "Field";
  /** The annotated type; `{}` is the item type of a collection. */
  base: string;
  /** The builtin the base needs unshadowed (or the module it is imported from). */
  builtin?: string;
  /** v1 keyword -> v2 keyword; a keyword missing here has no v2 form. */
  keywords: Readonly<Record<string, string>>;
  /** True when the first argument is the item type. */
  collection?: boolean;
}

const NUMBER = {
  strict: "strict",
  gt: "gt",
  ge: "ge",
  lt: "lt",
  le: "le",
  multiple_of: "multiple_of",
};

/** Pydantic v1's constrained-type functions and their v2 `Annotated[...]` form. */
export const CON_TYPES: Readonly<Record<string, ConType>> = {
  constr: {
    carrier: "StringConstraints",
    base: "str",
    builtin: "str",
    keywords: {
      strip_whitespace: "strip_whitespace",
      to_upper: "to_upper",
      to_lower: "to_lower",
      strict: "strict",
      min_length: "min_length",
      max_length: "max_length",
      regex: "pattern",
      pattern: "pattern",
    },
  },
  // StringConstraints on bytes turns the value into str as soon as strip_whitespace, to_upper or
  // to_lower is set, so bytes get Field(...), which takes the length and strictness constraints.
  conbytes: {
    carrier: "Field",
    base: "bytes",
    builtin: "bytes",
    keywords: { strict: "strict", min_length: "min_length", max_length: "max_length" },
  },
  conint: { carrier: "Field", base: "int", builtin: "int", keywords: NUMBER },
  confloat: {
    carrier: "Field",
    base: "float",
    builtin: "float",
    keywords: { ...NUMBER, allow_inf_nan: "allow_inf_nan" },
  },
  condecimal: {
    carrier: "Field",
    base: "Decimal",
    keywords: {
      gt: "gt",
      ge: "ge",
      lt: "lt",
      le: "le",
      max_digits: "max_digits",
      decimal_places: "decimal_places",
      multiple_of: "multiple_of",
    },
  },
  conlist: {
    carrier: "Field",
    base: "list[{}]",
    builtin: "list",
    collection: true,
    keywords: {
      min_items: "min_length",
      max_items: "max_length",
      min_length: "min_length",
      max_length: "max_length",
    },
  },
  conset: {
    carrier: "Field",
    base: "set[{}]",
    builtin: "set",
    collection: true,
    keywords: {
      min_items: "min_length",
      max_items: "max_length",
      min_length: "min_length",
      max_length: "max_length",
    },
  },
  confrozenset: {
    carrier: "Field",
    base: "frozenset[{}]",
    builtin: "frozenset",
    collection: true,
    keywords: {
      min_items: "min_length",
      max_items: "max_length",
      min_length: "min_length",
      max_length: "max_length",
    },
  },
};

/** `pydantic.<name>` and `pydantic.types.<name>` for each constrained-type function. */
export const CON_FUNCTIONS: ReadonlyMap<string, string> = new Map(
  Object.keys(CON_TYPES).flatMap((name) => [
    [`pydantic.${name}`, name],
    [`pydantic.types.${name}`, name],
  ]),
);

/** Names from `typing` (and its backport) the field transforms read in annotations. */
export function typingName(qualified: string | undefined): string | undefined {
  const m = /^(?:typing|typing_extensions)\.(\w+)$/.exec(qualified ?? "");
  return m?.[1];
}

/** True for `Optional` and `Union`, from typing or typing_extensions. */
export function isOptionalOrUnion(qualified: string | undefined): boolean {
  const name = typingName(qualified);
  return name === "Optional" || name === "Union";
}
