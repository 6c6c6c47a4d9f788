import os
import subprocess
from pathlib import Path

import httpx
import requests
from fastapi import FastAPI
import asyncio

app = FastAPI()


@app.get("/proxy")
async def proxy(url: str, report: Path):
    response = await asyncio.to_thread(requests.get, url, timeout=5)
    await asyncio.to_thread(subprocess.run, ["ls", "-l"], check=True)
    await asyncio.to_thread(os.system, "sync")
    await asyncio.to_thread(report.write_text, response.text)
    with httpx.Client() as client:
        await asyncio.to_thread(client.post, url, json={})
    return httpx.get(url).json()
