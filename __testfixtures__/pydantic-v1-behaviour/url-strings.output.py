from typing import Optional, Any

from pydantic import AnyHttpUrl, BaseModel, Field, validator, ConfigDict, model_validator, AnyUrl


class Resource(BaseModel):
    model_config = ConfigDict(coerce_numbers_to_str=True)

    name: str
    weblink: Optional[AnyHttpUrl] = Field(None, nullable=True)

    @validator("weblink")
    def check(cls, v):
        if v is None or isinstance(v, AnyHttpUrl):
            return v
        raise ValueError("not a weblink")

    @model_validator(mode="wrap")
    @classmethod
    def keep_url_strings(cls, data: Any, handler: Any) -> Any:
        model = handler(data)
        for name, field in cls.model_fields.items():
            if isinstance(data, dict):
                given = data.get(field.alias or name, data.get(name))
            else:
                given = getattr(data, name, None)
            if isinstance(given, str) and isinstance(getattr(model, name, None), AnyUrl):
                object.__setattr__(model, name, given)
        return model
