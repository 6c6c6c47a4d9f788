# sqlalchemy look-alike
from mylib.declarative import declarative_base

relation = None
Base = declarative_base()
