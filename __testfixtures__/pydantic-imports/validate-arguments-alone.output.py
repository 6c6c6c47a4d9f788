from pydantic import validate_call


@validate_call
def add(a: int, b: int) -> int:
    return a + b
