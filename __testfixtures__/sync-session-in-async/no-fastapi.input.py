import asyncio

from sqlalchemy.orm import Session


async def job(db: Session):
    db.execute("SELECT 1")


asyncio.run(job(Session()))
