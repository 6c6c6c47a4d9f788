"""Runs the Core functions of the removed-APIs fixture (`core.input.py` / `core.output.py`) on a
seeded in-memory database and prints what each returns, so that the legacy input on SQLAlchemy 1.4
and its rewrite on 2.x can be compared.

    python core-behaviour.py path/to/core.py
"""
import importlib.util
import sys

spec = importlib.util.spec_from_file_location("core_fixture", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
module.metadata.create_all(module.engine)
with module.engine.begin() as conn:
    rows = [{"id": i, "name": n} for i, n in [(1, "a"), (2, "b"), (11, "c"), (12, "d"), (101, "e")]]
    conn.execute(module.users.insert(), rows)
    print("active_names", module.active_names(conn))
    print("ordered", module.ordered(conn))
    print("labels", module.labels(conn))
    print("by_name", module.by_name(conn, "c"))
    print("names_by_key", module.names_by_key(conn))
    print("aggregates", module.aggregates(conn))
    print("dml", module.dml(conn), conn.execute(module.users.select().order_by(module.users.c.id)).fetchall())
module.ping()
print("tables", module.tables(), module.has_users())
print("legacy_engine", module.legacy_engine())
print("count_users", module.count_users())
print("largest_id", module.largest_id())
module.purge()
print("after purge", module.count_users())
