from pydantic import validate_arguments


def wrap(validate_call):
    @validate_arguments
    def inner(x: int) -> int:
        return validate_call(x)

    return inner
