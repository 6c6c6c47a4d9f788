from sqlalchemy import Column, Integer, MetaData, String, Table, case, create_engine, select, text, inspect
from sqlalchemy.engine import Connection

metadata = MetaData()
users = Table("users", metadata, Column("id", Integer, primary_key=True), Column("name", String))
engine = create_engine("sqlite://")


def active_names(conn: Connection):
    stmt = select(users.c.id, users.c.name).where(users.c.id > 10)
    return conn.execute(stmt).fetchall()


def ordered(conn: Connection):
    return conn.execute(select(users).order_by(users.c.name).limit(5)).fetchall()


def labels(conn: Connection):
    label = case((users.c.id == 1, "first"), (users.c.id == 2, "second"), else_="other")
    return conn.execute(select(users.c.id, label)).fetchall()


def by_name(conn: Connection, name: str):
    return conn.execute(users.select().where(users.c.name == name), {"limit": 3, "name": name}).fetchall()


def ping():
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))


def tables():
    return inspect(engine).get_table_names()


def has_users() -> bool:
    return inspect(engine).has_table("users")


def legacy_engine():
    with engine.begin() as conn:
        return conn.execute(text("SELECT 1")).scalar()


def driver_sql(conn: Connection, name: str):
    conn.execute("SELECT * FROM users WHERE name = %s", (name,))
    conn.execute("SELECT * FROM users WHERE name = :name")
    conn.execute(f"SELECT * FROM {name}")


def purge():
    with engine.begin() as conn:
        conn.execute(users.delete().where(users.c.id > 100))


def count_users():
    with engine.begin() as conn:
        total = conn.execute(select(users.c.id)).fetchall()
    return len(total)


def result_kept():
    result = engine.execute(users.select())
    return result.fetchall()


def names_by_key(conn: Connection):
    out = []
    for row in conn.execute(users.select()):
        out.append((row._mapping["id"], row._mapping["name"], sorted(row._mapping.keys())))
    first = conn.execute(users.select().where(users.c.id == 1)).fetchone()
    return out, dict(first._mapping), first[0]


def not_rows(data: dict):
    for row in data.values():
        print(row["id"])


def dml(conn: Connection):
    from sqlalchemy import delete, insert, update

    conn.execute(insert(users).values({"id": 200, "name": "f"}))
    conn.execute(update(users).where(users.c.id == 200).values({"name": "g"}))
    conn.execute(users.update().where(users.c.id == 200).values({"name": "h"}))
    renamed = conn.execute(select(users.c.name).where(users.c.id == 200)).scalar()
    conn.execute(delete(users).where(users.c.id == 200))
    conn.execute(users.delete().where(users.c.id == 12))
    return renamed


def aggregates(conn: Connection):
    row = conn.execute(
        select(
                users.c.id,
                users.c.name,
        )
    ).first()
    return row._mapping["name"]


def largest_id():
    with engine.begin() as conn:
        biggest = conn.scalar(select(users.c.id).order_by(users.c.id.desc()).limit(1))
    return biggest
