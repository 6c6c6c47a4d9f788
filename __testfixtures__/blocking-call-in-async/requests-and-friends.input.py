import os
import subprocess
from pathlib import Path

import httpx
import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/proxy")
async def proxy(url: str, report: Path):
    response = requests.get(url, timeout=5)
    subprocess.run(["ls", "-l"], check=True)
    os.system("sync")
    report.write_text(response.text)
    with httpx.Client() as client:
        client.post(url, json={})
    return httpx.get(url).json()
