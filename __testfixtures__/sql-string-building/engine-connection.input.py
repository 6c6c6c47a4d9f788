from sqlalchemy import create_engine

engine = create_engine("postgresql://localhost/app")


def archive(order_id: int, reason: str):
    with engine.begin() as conn:
        conn.execute(
            "UPDATE orders SET archived = true, reason = '" + reason + "' WHERE id = " + str(order_id)
        )


def top(limit: int):
    with engine.connect() as conn:
        sql = f"SELECT id FROM orders ORDER BY total DESC LIMIT {limit} OFFSET {limit * 2}"
        return conn.execute(sql).all()
