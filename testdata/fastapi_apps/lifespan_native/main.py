"""A lifespan function filling module state, translated natively."""
from contextlib import asynccontextmanager

from fastapi import FastAPI, HTTPException

CONFIG: dict = {}
LIFECYCLE: list = []


def load_config(env: str):
    CONFIG["env"] = env
    CONFIG["limits"] = {"max_items": 3}


@asynccontextmanager
async def lifespan(app: FastAPI):
    LIFECYCLE.append("startup")
    load_config("prod")
    yield
    LIFECYCLE.append("shutdown")
    CONFIG.clear()


app = FastAPI(title="Lifespan, native", lifespan=lifespan)


@app.get("/config/{key}")
def config(key: str):
    if key not in CONFIG:
        raise HTTPException(404, detail=f"no {key}")
    return {key: CONFIG[key]}


@app.get("/lifecycle")
async def lifecycle():
    return LIFECYCLE


@app.put("/limits/{name}")
def set_limit(name: str, value: int):
    CONFIG["limits"][name] = value
    return CONFIG["limits"]
