import sqlite3

from alembic import op


def upgrade():
    op.execute("UPDATE users SET name = 'x' WHERE name IS NULL")


def raw():
    conn = sqlite3.connect(":memory:")
    conn.execute("SELECT 1")


def select(items):
    return [i for i in items]


def use():
    return select([1, 2])
