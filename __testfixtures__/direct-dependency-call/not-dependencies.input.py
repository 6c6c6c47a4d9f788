from fastapi import APIRouter

router = APIRouter()


def helper():
    return 1


@router.get("/x")
def x():
    return helper()
