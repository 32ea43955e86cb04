from contextlib import asynccontextmanager
from typing import Annotated, Optional

from fastapi import Depends, FastAPI, HTTPException, Request
from pydantic import BaseModel

ML_MODELS: dict = {}
LIFECYCLE: list[str] = []


def fake_answer_to_everything(x: float) -> float:
    return x * 42


def fake_square(x: float) -> float:
    return x * x


class Catalog:
    def __init__(self):
        self.entries = {"1": "alpha", "2": "beta"}
        self.hits = 0

    def get(self, key: str) -> Optional[str]:
        self.hits += 1
        return self.entries.get(key)


@asynccontextmanager
async def lifespan(app: FastAPI):
    LIFECYCLE.append("startup")
    ML_MODELS["answer"] = fake_answer_to_everything
    ML_MODELS["square"] = fake_square
    app.state.catalog = Catalog()
    app.state.version = "2024.1"
    yield {"request_counter": {"n": 0}, "greeting": "hello from lifespan"}
    ML_MODELS.clear()
    LIFECYCLE.append("shutdown")


app = FastAPI(title="Lifespan", lifespan=lifespan)


def get_catalog(request: Request) -> Catalog:
    return request.app.state.catalog


class Prediction(BaseModel):
    model: str
    input: float
    result: float


@app.get("/predict/{model}", response_model=Prediction)
async def predict(model: str, x: float):
    fn = ML_MODELS.get(model)
    if fn is None:
        raise HTTPException(status_code=404, detail=f"Model {model!r} not loaded")
    return {"model": model, "input": x, "result": fn(x)}


@app.get("/models")
def models():
    return sorted(ML_MODELS)


@app.get("/catalog/{key}")
def catalog_entry(key: str, catalog: Annotated[Catalog, Depends(get_catalog)]):
    value = catalog.get(key)
    if value is None:
        raise HTTPException(status_code=404, detail="No such entry")
    return {"key": key, "value": value, "hits": catalog.hits}


@app.get("/state")
async def state(request: Request):
    counter = request.state.request_counter
    counter["n"] += 1
    return {
        "greeting": request.state.greeting,
        "requests": counter["n"],
        "version": request.app.state.version,
        "lifecycle": LIFECYCLE,
    }
