def serialize(obj):
    return obj.dict(exclude_unset=True, by_alias=True)


def serialize_json(obj):
    return obj.json(exclude_none=True)
