from typing import List


def helper() -> List[int]:
    return []
