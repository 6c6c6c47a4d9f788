from dataclasses import dataclass
from typing import Any, Optional, TypedDict

from pydantic.v1 import BaseModel as V1Model


@dataclass
class Point:
    x: Optional[int]
    y: Any


class Options(TypedDict):
    color: Optional[str]


class Plain:
    name: Optional[str]


class Legacy(V1Model):
    name: Optional[str]


def build():
    value: Optional[int]
    return value
