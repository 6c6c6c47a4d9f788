from pydantic import BaseModel


class Doc(BaseModel):
    body: str


def export(doc: Doc, path):
    schema = Doc.schema_json()
    loaded = Doc.parse_file(path)
    text = doc.json(encoder=str)
    partial = doc.copy(include={"body"})
    return schema, loaded, text, partial
