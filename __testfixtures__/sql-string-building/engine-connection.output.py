from sqlalchemy import create_engine, text

engine = create_engine("postgresql://localhost/app")


def archive(order_id: int, reason: str):
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE orders SET archived = true, reason = :reason WHERE id = :order_id"), {"reason": reason, "order_id": order_id}
        )


def top(limit: int):
    with engine.connect() as conn:
        sql = "SELECT id FROM orders ORDER BY total DESC LIMIT :limit OFFSET :p1"
        return conn.execute(text(sql), {"limit": limit, "p1": limit * 2}).all()
