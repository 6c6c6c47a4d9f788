from pydantic import BaseModel, ValidationError as VE
from pydantic.v1.error_wrappers import ErrorWrapper as EW, get_exc_type
from pydantic_core import PydanticCustomError


class Item(BaseModel):
	name: str


def missing():
	raise VE.from_exception_data(
		line_errors=[
			{
				"type": PydanticCustomError(
					get_exc_type(exc.__class__), str(exc), exc.__dict__ or None
				),
				"loc": loc,
				"input": None,
			}
			for exc, loc in [
				(KeyError("name"), ("name",)),
			]
		],
		title=Item.__name__,
		hide_input=True,
	)


class Holder:
	err = VE([EW(KeyError("name"), "name")], Item)
