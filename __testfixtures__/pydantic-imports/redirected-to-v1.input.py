from typing import Any

from pydantic.utils import GetterDict, deep_update


class ExtrasGetterDict(GetterDict):
    def get(self, key: Any, default: Any = None) -> Any:
        return super().get(key, default)


MERGED = deep_update({"a": 1}, {"b": 2})
