from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("postgresql://localhost/app", pool_pre_ping=True)
SessionLocal = sessionmaker(autoflush=False, bind=engine)
Broken = sessionmaker(autocommit=True, bind=engine)
