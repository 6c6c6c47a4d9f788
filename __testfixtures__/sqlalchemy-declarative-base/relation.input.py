from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.ext.declarative import declared_attr, AbstractConcreteBase
from sqlalchemy.orm import relation


class Item:
    owner = relation("User")
    tags = relation("Tag", secondary="item_tags")
