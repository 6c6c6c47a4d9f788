"""Runs the query functions a fixture file defines against one seeded in-memory database and prints
what each returns, so that a legacy input (SQLAlchemy 1.4) and its rewrite (2.x) can be compared.

    python query-behaviour.py path/to/fixture.py

The file must define Base and the User and Item classes; each function known below that the file
defines is called with a fresh Session (and rolled back), and each result printed as plain data.
"""
import importlib.util
import sys

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

# The functions of the fixtures and the arguments they are called with.
CALLS = [
    ("list_users", dict(skip=1, limit=2)),
    ("get_user", dict(user_id=2)),
    ("get_user", dict(user_id=99)),
    ("by_name", dict(name="bea")),
    ("one_user", dict(user_id=3)),
    ("names", {}),
    ("first_name", {}),
    ("total", {}),
    ("biggest", {}),
    ("by_pk", dict(user_id=1)),
    ("with_items", dict(user_id=1)),
    ("owners", {}),
    ("user_names", {}),
    ("eager", {}),
    ("remove", dict(user_id=3)),
    ("remove_count", dict(name="ann")),
    ("rename", dict(old="bea", new="bee")),
    ("bump", {}),
    ("search", dict(name=None, skip=0, limit=2)),
    ("search", dict(name="bea", skip=0, limit=10)),
    ("each_name", {}),
    ("get_or_none", dict(user_id=2, name="")),
    ("get_or_none", dict(user_id=None, name="cid")),
]


def plain(value, entities):
    """Entities as (class, id) with the ids of their loaded items; rows and lists as lists."""
    if isinstance(value, entities):
        items = value.__dict__.get("items")
        extra = sorted(i.id for i in items) if items is not None else None
        return (type(value).__name__, value.id, getattr(value, "name", None), extra)
    if isinstance(value, (list, tuple)) or type(value).__name__ in ("Row", "LegacyRow"):
        return [plain(v, entities) for v in value]
    return value


def main(path):
    spec = importlib.util.spec_from_file_location("fixture", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    User, Item = module.User, module.Item
    engine = create_engine("sqlite://")
    module.Base.metadata.create_all(engine)
    with Session(engine) as db:
        db.add_all([User(id=1, name="ann"), User(id=2, name="bea"), User(id=3, name="cid")])
        db.add_all([Item(id=11, owner_id=1), Item(id=12, owner_id=1), Item(id=13, owner_id=2)])
        db.add(Item(id=14, owner_id=None))
        db.commit()
    for name, kwargs in CALLS:
        fn = getattr(module, name, None)
        if fn is None:
            continue
        with Session(engine) as db:
            # Loaded but not yet changed objects: what synchronize_session acts on.
            loaded = db.execute(select(User)).unique().scalars().all()
            result = fn(db, **kwargs)
            state = sorted((u.id, u.name) for u in db.identity_map.values() if isinstance(u, User))
            print(name, kwargs, "->", repr(plain(result, (User, Item))), "session:", state)
            db.rollback()
            del loaded


main(sys.argv[1])
