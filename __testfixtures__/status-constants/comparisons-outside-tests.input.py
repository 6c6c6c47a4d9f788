import httpx


async def health(client: httpx.AsyncClient) -> bool:
    response = await client.get("/health")
    return response.status_code == 200
