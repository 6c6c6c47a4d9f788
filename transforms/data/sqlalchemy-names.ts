// Qualified names of SQLAlchemy's constructs, as the SQLAlchemy rules recognise them (the public
// spelling and the module that defines them).

export const COLUMN: ReadonlySet<string> = new Set([
  "sqlalchemy.Column",
  "sqlalchemy.schema.Column",
  "sqlalchemy.sql.schema.Column",
]);

export const MAPPED_COLUMN: ReadonlySet<string> = new Set([
  "sqlalchemy.orm.mapped_column",
  "sqlalchemy.orm._orm_constructors.mapped_column",
]);

export const FOREIGN_KEY: ReadonlySet<string> = new Set([
  "sqlalchemy.ForeignKey",
  "sqlalchemy.schema.ForeignKey",
  "sqlalchemy.sql.schema.ForeignKey",
]);

export const RELATIONSHIP: ReadonlySet<string> = new Set([
  "sqlalchemy.orm.relationship",
  "sqlalchemy.orm.relationships.relationship",
]);

export const MAPPED: ReadonlySet<string> = new Set([
  "sqlalchemy.orm.Mapped",
  "sqlalchemy.orm.base.Mapped",
]);

export const SELECT: ReadonlySet<string> = new Set([
  "sqlalchemy.select",
  "sqlalchemy.sql.select",
  "sqlalchemy.sql.expression.select",
  "sqlalchemy.future.select",
]);

/** The synchronous Session class. */
export const SYNC_SESSIONS: ReadonlySet<string> = new Set([
  "sqlalchemy.orm.Session",
  "sqlalchemy.orm.session.Session",
]);

/** What runs ORM statements like a Session: the class, and the thread-local proxy of one. */
export const SESSIONS: ReadonlySet<string> = new Set([
  ...SYNC_SESSIONS,
  "sqlalchemy.orm.scoped_session",
  "sqlalchemy.orm.scoping.scoped_session",
]);

export const CONNECTIONS: ReadonlySet<string> = new Set([
  "sqlalchemy.engine.Connection",
  "sqlalchemy.engine.base.Connection",
]);

export const ENGINES: ReadonlySet<string> = new Set([
  "sqlalchemy.engine.Engine",
  "sqlalchemy.engine.base.Engine",
]);
