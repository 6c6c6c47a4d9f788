from pydantic import BaseModel
from pydantic.error_wrappers import ErrorWrapper as EW, ValidationError as VE


class Item(BaseModel):
	name: str


def missing():
	raise VE([EW(KeyError("name"), "name")], Item)


class Holder:
	err = VE([EW(KeyError("name"), "name")], Item)
