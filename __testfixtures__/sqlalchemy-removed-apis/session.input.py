from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base, joinedload, relationship, sessionmaker

engine = create_engine("sqlite://", future=True)
SessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)
Base = declarative_base()


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    name = Column(String(50))
    items = relationship("Item")


class Item(Base):
    __tablename__ = "items"

    id = Column(Integer, primary_key=True)
    owner_id = Column(Integer, ForeignKey("users.id"))


def check_db():
    db = SessionLocal()
    db.execute("SELECT 1")


def with_param(db: Session, name: str):
    return db.execute("SELECT * FROM users WHERE name = :name", {"name": name})


def cast(db: Session):
    return db.execute("SELECT '1'::integer")


def built(db: Session, table: str):
    return db.execute(f"SELECT count(*) FROM {table}")


def eager(db: Session):
    return db.query(User).options(joinedload("items")).all()


def nested(db: Session):
    return db.query(User).options(joinedload("items.owner")).all()


def old_tx(db: Session):
    db.begin(subtransactions=True)


def cursor_like(cursor, sql):
    # DB-API cursors take strings: not SQLAlchemy's execute().
    cursor.execute("SELECT 1")


def in_transaction(db: Session) -> bool:
    return db.transaction is not None and db.transaction.is_active


def joined_by_name(db: Session):
    return db.query(User).join("items").filter(Item.id > 10).all()


def joined_twice(db: Session):
    return db.query(User).join(Item).join("owner").all()
