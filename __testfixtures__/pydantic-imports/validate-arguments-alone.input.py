from pydantic.decorator import validate_arguments


@validate_arguments
def add(a: int, b: int) -> int:
    return a + b
