def serialize(obj):
    return obj.dict(exclude_unset=True)
