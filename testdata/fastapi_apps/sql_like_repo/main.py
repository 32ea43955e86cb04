"""Repository pattern over an in-memory table, in the style of a SQL-backed CRUD service."""
from datetime import datetime, timezone
from typing import Annotated, Generic, Literal, Optional, TypeVar

from fastapi import Depends, FastAPI, HTTPException, Query, Response, status
from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class HeroBase(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    age: Optional[int] = Field(default=None, ge=0, le=10000)
    team: Optional[str] = None


class HeroCreate(HeroBase):
    secret_name: str


class HeroUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Optional[str] = Field(default=None, min_length=1, max_length=50)
    age: Optional[int] = Field(default=None, ge=0, le=10000)
    team: Optional[str] = None
    secret_name: Optional[str] = None


class HeroRow(HeroBase):
    id: int
    secret_name: str
    created_at: datetime
    version: int = 1


class HeroPublic(HeroBase):
    id: int
    version: int


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    offset: int
    limit: int


FIXED_NOW = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)


class HeroRepository:
    """Pretend session-backed repository; rows live in a dict keyed by id."""

    _table: dict[int, HeroRow] = {}
    _next_id = 1

    def add(self, data: HeroCreate) -> HeroRow:
        cls = type(self)
        row = HeroRow(id=cls._next_id, created_at=FIXED_NOW, **data.model_dump())
        cls._table[row.id] = row
        cls._next_id += 1
        return row

    def get(self, hero_id: int) -> Optional[HeroRow]:
        return self._table.get(hero_id)

    def list(self, offset: int, limit: int, team: Optional[str], order_by: str) -> tuple[list[HeroRow], int]:
        rows = [r for r in self._table.values() if team is None or r.team == team]
        rows.sort(key=lambda r: (getattr(r, order_by) is None, getattr(r, order_by) or 0))
        return rows[offset : offset + limit], len(rows)

    def update(self, row: HeroRow, changes: dict) -> HeroRow:
        updated = row.model_copy(update={**changes, "version": row.version + 1})
        self._table[row.id] = updated
        return updated

    def delete(self, hero_id: int) -> None:
        del self._table[hero_id]


def get_repo():
    repo = HeroRepository()
    try:
        yield repo
    finally:
        pass  # a real session would be closed here


RepoDep = Annotated[HeroRepository, Depends(get_repo)]


class PageParams:
    def __init__(
        self,
        offset: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(gt=0, le=100)] = 10,
        order_by: Literal["id", "name", "age"] = "id",
    ):
        self.offset = offset
        self.limit = limit
        self.order_by = order_by


def get_hero_or_404(hero_id: int, repo: RepoDep) -> HeroRow:
    row = repo.get(hero_id)
    if row is None:
        raise HTTPException(status_code=404, detail="Hero not found")
    return row


app = FastAPI(title="Heroes repository")


@app.post("/heroes/", response_model=HeroPublic, status_code=status.HTTP_201_CREATED)
def create_hero(hero: HeroCreate, repo: RepoDep):
    return repo.add(hero)


@app.get("/heroes/", response_model=Page[HeroPublic])
def read_heroes(repo: RepoDep, page: Annotated[PageParams, Depends()], team: Optional[str] = None):
    rows, total = repo.list(page.offset, page.limit, team, page.order_by)
    return Page[HeroRow](items=rows, total=total, offset=page.offset, limit=page.limit)


@app.get("/heroes/{hero_id}", response_model=HeroPublic)
def read_hero(hero: Annotated[HeroRow, Depends(get_hero_or_404)]):
    return hero


@app.get("/heroes/{hero_id}/full")
def read_hero_full(hero: Annotated[HeroRow, Depends(get_hero_or_404)]) -> HeroRow:
    return hero


@app.patch("/heroes/{hero_id}", response_model=HeroPublic)
def update_hero(hero_update: HeroUpdate, repo: RepoDep, hero: HeroRow = Depends(get_hero_or_404)):
    changes = hero_update.model_dump(exclude_unset=True)
    if "name" in changes and changes["name"] is None:
        raise HTTPException(status_code=400, detail="name cannot be null")
    return repo.update(hero, changes)


@app.put("/heroes/{hero_id}", response_model=HeroPublic)
def replace_hero(hero_id: int, hero_in: HeroCreate, repo: RepoDep):
    row = get_hero_or_404(hero_id, repo)
    return repo.update(row, hero_in.model_dump())


@app.delete("/heroes/{hero_id}", status_code=204, response_class=Response)
def delete_hero(hero: Annotated[HeroRow, Depends(get_hero_or_404)], repo: RepoDep):
    repo.delete(hero.id)
