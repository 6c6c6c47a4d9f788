class Settings:
    class Config:
        orm_mode = True


class Meta(SomethingUnknown):
    class Config:
        orm_mode = True


def factory():
    class Local:
        class Config:
            orm_mode = True

    return Local
