def serialize(obj):
    return obj.model_dump(exclude_unset=True, by_alias=True)


def serialize_json(obj):
    return obj.model_dump_json(exclude_none=True)
