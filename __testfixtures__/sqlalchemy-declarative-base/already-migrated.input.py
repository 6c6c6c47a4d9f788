from sqlalchemy.orm import DeclarativeBase, relationship


class Base(DeclarativeBase):
    pass


def declarative_base():
    return Base


Model = declarative_base()
