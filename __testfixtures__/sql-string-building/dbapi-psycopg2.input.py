import psycopg2

conn = psycopg2.connect("dbname=app")


def get_user(user_id):
    with conn.cursor() as cur:
        cur.execute("SELECT * FROM users WHERE id = %s" % (user_id,))
        return cur.fetchone()


def search(term):
    with conn.cursor() as cur:
        cur.execute(f"SELECT * FROM items WHERE title ILIKE '%{term}%' AND price > 0")
        return cur.fetchall()


def discount(user_id):
    with conn.cursor() as cur:
        cur.execute(f"SELECT price * 0.9 AS discounted, '50%' AS label FROM items WHERE owner = {user_id}")
        return cur.fetchall()


USER_BY_ID = "SELECT * FROM users WHERE id = %s AND name NOT LIKE 'test%%'"
USER_BY_NAME = "SELECT * FROM users WHERE name = '%s'"


def named_template(user_id):
    with conn.cursor() as cur:
        cur.execute(USER_BY_ID % (user_id,))
        return cur.fetchone()


def named_quoted_template(name):
    with conn.cursor() as cur:
        cur.execute(USER_BY_NAME % name)
        return cur.fetchone()
