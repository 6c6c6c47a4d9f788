from pydantic import BaseModel, conint, constr


def conint(**kwargs):  # noqa: F811 - a local helper that happens to share the name
    return int


class Form(BaseModel):
    count: conint(ge=0) = 0


def search(constr=str):
    kind = constr(max_length=3)
    return kind


class Local:
    def method(self):
        constr = dict
        return constr(max_length=1)
