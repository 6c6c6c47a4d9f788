// SQLAlchemy column types and the Python type each gives back, for `Mapped[...]` annotations
// (checked against SQLAlchemy 2.1's default type_annotation_map and its types' python_type).

/** A Python type: a builtin name, or a name to import from a module. */
export type PythonType = { builtin: string } | { module: string; name: string };

const builtin = (name: string): PythonType => ({ builtin: name });
const from = (module: string, name: string): PythonType => ({ module, name });

const INT = builtin("int");
const STR = builtin("str");
const BOOL = builtin("bool");
const FLOAT = builtin("float");
const BYTES = builtin("bytes");
const DECIMAL = from("decimal", "Decimal");
const DATETIME = from("datetime", "datetime");
const DATE = from("datetime", "date");
const TIME = from("datetime", "time");
const TIMEDELTA = from("datetime", "timedelta");
const UUID = from("uuid", "UUID");
const ANY = from("typing", "Any");

/** Type class name -> the Python type of its values. */
export const COLUMN_TYPES: ReadonlyMap<string, PythonType> = new Map([
  ["Integer", INT],
  ["SmallInteger", INT],
  ["BigInteger", INT],
  ["INTEGER", INT],
  ["INT", INT],
  ["SMALLINT", INT],
  ["BIGINT", INT],
  ["String", STR],
  ["Text", STR],
  ["Unicode", STR],
  ["UnicodeText", STR],
  ["VARCHAR", STR],
  ["CHAR", STR],
  ["NVARCHAR", STR],
  ["NCHAR", STR],
  ["TEXT", STR],
  ["CLOB", STR],
  ["CITEXT", STR],
  ["Boolean", BOOL],
  ["BOOLEAN", BOOL],
  ["Float", FLOAT],
  ["REAL", FLOAT],
  ["FLOAT", FLOAT],
  ["Double", FLOAT],
  ["DOUBLE", FLOAT],
  ["DOUBLE_PRECISION", FLOAT],
  ["Numeric", DECIMAL],
  ["NUMERIC", DECIMAL],
  ["DECIMAL", DECIMAL],
  ["DateTime", DATETIME],
  ["DATETIME", DATETIME],
  ["TIMESTAMP", DATETIME],
  ["Date", DATE],
  ["DATE", DATE],
  ["Time", TIME],
  ["TIME", TIME],
  ["Interval", TIMEDELTA],
  ["INTERVAL", TIMEDELTA],
  ["LargeBinary", BYTES],
  ["BLOB", BYTES],
  ["BINARY", BYTES],
  ["VARBINARY", BYTES],
  ["BYTEA", BYTES],
  ["Uuid", UUID],
  ["JSON", ANY],
  ["JSONB", ANY],
]);

/** Float types whose values are Decimal with `asdecimal=True`; Numeric ones float with False. */
export const FLOAT_TYPES: ReadonlySet<string> = new Set([
  "Float",
  "REAL",
  "FLOAT",
  "Double",
  "DOUBLE",
  "DOUBLE_PRECISION",
]);

/**
 * Types that a `Mapped[...]` annotation reproduces exactly when written bare (`Integer`,
 * `String()`): SQLAlchemy's default annotation map gives the same type with no arguments. Not
 * Float: `float` maps to Double, which is DOUBLE PRECISION on PostgreSQL.
 */
export const DEFAULT_FOR_ANNOTATION: ReadonlySet<string> = new Set([
  "Integer",
  "String",
  "Boolean",
  "Numeric",
  "DateTime",
  "Date",
  "Time",
  "Interval",
  "LargeBinary",
  "Uuid",
]);

/** Where SQLAlchemy's types live: `sqlalchemy.String`, `sqlalchemy.dialects.postgresql.JSONB`... */
export const TYPE_MODULES = /^sqlalchemy(\.types|\.sql\.sqltypes|\.dialects\.\w+(\.\w+)?)?\.(\w+)$/;

/** The module the generic types come from (`DEFAULT_FOR_ANNOTATION` only counts these). */
export const GENERIC_TYPE_MODULES = /^sqlalchemy(\.types|\.sql\.sqltypes)?\.\w+$/;
