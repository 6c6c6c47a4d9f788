from sqlalchemy import Column, Integer, MetaData, String, Table
from pydantic import BaseModel

from somewhere import ExternalBase

metadata = MetaData()

users = Table("users", metadata, Column("id", Integer, primary_key=True), Column("name", String))


class Settings:
    id = Column(Integer, primary_key=True)


class Row(ExternalBase):
    id = Column(Integer, primary_key=True)


class Column:
    pass


class Schema(BaseModel):
    name = Column()
