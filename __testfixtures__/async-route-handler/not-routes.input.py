from fastapi import FastAPI

app = FastAPI()


def helper(x):
    return x + 1


@other.get("/x")
def not_a_route():
    return {}
