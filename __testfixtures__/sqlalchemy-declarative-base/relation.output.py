from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.ext.declarative import AbstractConcreteBase
from sqlalchemy.orm import relationship, declared_attr


class Item:
    owner = relationship("User")
    tags = relationship("Tag", secondary="item_tags")
