from sqlalchemy import String
from sqlalchemy.orm import declarative_base


class ReprMixin:
    def __repr__(self):
        return f"<{type(self).__name__}>"


class InitMixin:
    def __init__(self, **kw):
        self.__dict__.update(kw)


Base = declarative_base(cls=ReprMixin, type_annotation_map={str: String(50)})
Other = declarative_base(cls=InitMixin)
