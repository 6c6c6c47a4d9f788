import multiprocessing
import os

bind = os.getenv("BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "uvicorn.workers.UvicornWorker"
loglevel = os.environ.get("LOG_LEVEL", "info")
