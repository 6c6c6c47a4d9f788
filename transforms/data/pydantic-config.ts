// Pydantic v1 configuration keys and what v2 made of them.

/** v1 key -> v2 key. */
export const RENAMED_CONFIG_KEYS: Readonly<Record<string, string>> = {
  allow_population_by_field_name: "populate_by_name",
  anystr_lower: "str_to_lower",
  anystr_strip_whitespace: "str_strip_whitespace",
  anystr_upper: "str_to_upper",
  keep_untouched: "ignored_types",
  max_anystr_length: "str_max_length",
  min_anystr_length: "str_min_length",
  orm_mode: "from_attributes",
  schema_extra: "json_schema_extra",
  validate_all: "validate_default",
};

/** Keys Pydantic v2 dropped: kept in place with a TODO so nothing is lost silently. */
export const REMOVED_CONFIG_KEYS: ReadonlySet<string> = new Set([
  "error_msg_templates",
  "fields",
  "getter_dict",
  "smart_union",
  "underscore_attrs_are_private",
  "json_loads",
  "json_dumps",
  "copy_on_model_validation",
  "post_init_call",
]);
