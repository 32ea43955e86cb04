"""The app of migrate's robustness tests (robust_test.go): a nested model with constraints
(a list of submodels holding a list of submodels, optional fields, str / int / float
constraints, a pattern, enums) taken as a JSON body, and a plain GET for the clients that
must keep being served while others misbehave."""

from enum import Enum
from typing import Annotated, Optional

from fastapi import FastAPI, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Robust")


class Color(str, Enum):
    red = "red"
    green = "green"
    blue = "blue"


class Grade(int, Enum):
    low = 1
    high = 2


class Tag(BaseModel):
    label: str = Field(min_length=1, max_length=20)
    weight: int = Field(1, ge=0, le=10)


class Owner(BaseModel):
    name: str = Field(min_length=1, max_length=40)
    email: Optional[str] = Field(None, pattern=r"^[^@ ]+@[^@ ]+$")


class Part(BaseModel):
    sku: str = Field(pattern=r"^[A-Z]{2}-[0-9]{3}$")
    qty: int = Field(gt=0, le=500)
    color: Color = Color.red
    grade: Optional[Grade] = None
    tags: list[Tag] = Field([], max_length=5)
    note: Optional[str] = Field(None, max_length=40)


class Assembly(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    revision: int = Field(ge=0, le=1000)
    ratio: float = Field(1.0, gt=0, le=100)
    active: bool = True
    owner: Optional[Owner] = None
    parts: list[Part] = Field(min_length=1, max_length=20)


# response_model is the body's own model: with a distinct output model, the generated
# service revalidates through pyval.ValidationInput, which cannot take enum members yet.
@app.post("/assemblies", response_model=Assembly, status_code=201)
async def create_assembly(assembly: Assembly, dry_run: Annotated[bool, Query()] = False):
    return assembly


@app.get("/ping")
async def ping():
    return {"ok": True}
