from sqlalchemy import text


def test_user_row(db_session):
    user_id = 1
    row = db_session.execute(text(f"SELECT * FROM users WHERE id = {user_id}")).first()
    assert row is not None


def test_count(db_session, table):
    assert db_session.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0
