import hashlib

import httpx
from fastapi import HTTPException, status


async def ensure_not_pwned(password: str) -> None:
    digest = hashlib.sha1(password.encode()).hexdigest().upper()
    prefix, suffix = digest[:5], digest[5:]
    async with httpx.AsyncClient() as client:
        response = await client.get(f"https://api.pwnedpasswords.com/range/{prefix}")
    if suffix in response.text:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, detail="This password appeared in a breach")
