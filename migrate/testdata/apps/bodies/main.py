"""A tagged-document API: a JSON body whose model nests a dict, a list of models and an
optional untyped dict, beside a query flag (what corpus app body_multiple does not cover)."""

from typing import Annotated, Optional

from fastapi import FastAPI, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Tracker")


class Task(BaseModel):
    title: str
    estimate: float = Field(1.0, gt=0)
    done: bool = False


class Tagged(BaseModel):
    title: str = Field(min_length=1)
    tags: dict[str, int] = {}
    children: list[Task] = []
    meta: Optional[dict] = None


@app.post("/tagged")
def tagged(doc: Tagged, strict: Annotated[bool, Query()] = False):
    return {"doc": doc, "strict": strict}
