# The same code in a project that builds no FastAPI app or router (a library): not reported.
import sqlite3

DB_PATH = "app.db"


def get_user(user_id: int):
    conn = sqlite3.connect(DB_PATH)
    cur = conn.cursor()
    cur.execute(f"SELECT * FROM users WHERE id = {user_id}")
    return cur.fetchone()


def find(cursor, name: str):
    sql = "SELECT * FROM users WHERE name = '%s'" % name
    cursor.execute(sql)
    return cursor.fetchall()


def insert(name: str, email: str):
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute(f"INSERT INTO users (name, email) VALUES ('{name}', '{email}')")


def bulk(cursor, table, rows):
    cursor.executemany(f"INSERT INTO logs (msg) VALUES ('{table}')", rows)
