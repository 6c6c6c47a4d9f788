"""Prints the schema an app's SQLAlchemy metadata declares, one fact per line, for comparing the
schema before and after a migration: each table's PostgreSQL DDL, each column's type, nullability,
keys, defaults and foreign keys, and each index.

Column order is left out (the DDL's column lines are sorted): SQLAlchemy 2.0 itself puts a mixin's
columns after the class's own, where 1.4 put them first, whatever the code says.

    python schema-facts.py app.db:Base      # a module of the app on sys.path, and its base
    python schema-facts.py path/to/file.py  # a file defining Base, imported on its own
"""
import importlib
import importlib.util
import json
import re
import sys

from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateTable
from sqlalchemy.types import NullType


def load(target):
    if target.endswith(".py"):
        spec = importlib.util.spec_from_file_location("schema_source", target)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.Base.metadata
    module, attr = target.split(":")
    return getattr(importlib.import_module(module), attr).metadata


def clean(value):
    # Reprs of SQL functions carry their address.
    return re.sub(r" at 0x[0-9a-f]+", "", repr(value))


CONSTRAINT = re.compile(r"\s*(PRIMARY KEY|FOREIGN KEY|UNIQUE|CHECK|CONSTRAINT)\b")


def ddl(text):
    """CREATE TABLE with its column lines sorted, its constraint lines as they are."""
    lines = text.splitlines()
    head, body, tail = lines[0], lines[1:-1], lines[-1]
    columns = sorted(line.rstrip(", ") for line in body if not CONSTRAINT.match(line))
    constraints = [line.rstrip(", ") for line in body if CONSTRAINT.match(line)]
    return "\n".join([head, *columns, *constraints, tail])


def facts(metadata):
    dialect = postgresql.dialect()
    for name in sorted(metadata.tables):
        table = metadata.tables[name]
        try:
            yield ddl(str(CreateTable(table).compile(dialect=dialect)).strip())
        except Exception as err:  # a foreign key to a table defined elsewhere
            yield f"{name}: no DDL ({type(err).__name__})"
        for c in sorted(table.columns, key=lambda c: c.name):
            kind = "NullType" if isinstance(c.type, NullType) else c.type.compile(dialect=dialect)
            yield json.dumps(
                [name, c.name, c.key, kind, c.nullable, c.primary_key, c.unique, c.index]
                + [clean(d and d.arg) for d in (c.default, c.server_default, c.onupdate)]
                + [sorted(fk._get_colspec() for fk in c.foreign_keys)]
            )
        for index in sorted(table.indexes, key=lambda i: i.name or ""):
            yield json.dumps([name, "index", index.name, [c.name for c in index.columns], index.unique])


print("\n".join(facts(load(sys.argv[1]))))
