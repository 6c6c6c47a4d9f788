from pydantic import BaseModel


class WithMethods(BaseModel):
    class Config:
        orm_mode = True

        @staticmethod
        def schema_extra(schema, model):
            schema["title"] = "X"


class WithBase(BaseModel):
    class Config(BaseModel.Config):
        orm_mode = True


class Both(BaseModel):
    model_config = {"frozen": True}

    class Config:
        orm_mode = True
