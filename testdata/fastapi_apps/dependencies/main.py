"""Dependency injection showcase: chains, classes, callables, yield cleanup, caching."""
from typing import Annotated, Optional, Union

from fastapi import APIRouter, Cookie, Depends, FastAPI, Header, HTTPException, Query
from pydantic import BaseModel

EVENTS: list[str] = []
CALLS = {"counted": 0}


def block_check(x_block: Annotated[Optional[str], Header()] = None):
    """App-wide dependency: lets a client simulate being blocked."""
    if x_block == "yes":
        raise HTTPException(status_code=403, detail="Client blocked")


app = FastAPI(title="Dependencies demo", dependencies=[Depends(block_check)])


# --- plain function dependency and an Annotated alias ---------------------------------------------
async def common_parameters(
    q: Optional[str] = None,
    skip: int = 0,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
):
    return {"q": q, "skip": skip, "limit": limit}


CommonsDep = Annotated[dict, Depends(common_parameters)]

FRUITS = ["apple", "banana", "cherry", "date", "elderberry", "fig", "grape"]


@app.get("/fruits/")
async def read_fruits(commons: CommonsDep):
    data = [f for f in FRUITS if commons["q"] is None or commons["q"] in f]
    return {"params": commons, "fruits": data[commons["skip"] : commons["skip"] + commons["limit"]]}


@app.get("/veggies/")
def read_veggies(commons: dict = Depends(common_parameters)):
    return {"params": commons, "veggies": []}


# --- classes as dependencies ----------------------------------------------------------------------
class Pagination:
    def __init__(self, page: int = 1, size: Annotated[int, Query(alias="page-size", le=20)] = 5):
        self.page = page
        self.size = size

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size


@app.get("/numbers")
def numbers(p: Annotated[Pagination, Depends()]):
    start = p.offset
    return {"page": p.page, "size": p.size, "items": list(range(start, start + p.size))}


@app.get("/numbers/explicit")
def numbers_explicit(p: Pagination = Depends(Pagination)):
    return {"offset": p.offset}


# --- callable instances ---------------------------------------------------------------------------
class ContainsChecker:
    def __init__(self, needle: str):
        self.needle = needle

    def __call__(self, q: str = "") -> bool:
        return self.needle in q


bar_checker = ContainsChecker("bar")


class MinLevel:
    def __init__(self, level: int):
        self.level = level

    async def __call__(self, x_level: Annotated[int, Header()]) -> int:
        if x_level < self.level:
            raise HTTPException(status_code=403, detail=f"Level {self.level} required")
        return x_level


@app.get("/contains")
async def contains(found: Annotated[bool, Depends(bar_checker)]):
    return {"fixed_content_in_query": found}


@app.get("/restricted")
async def restricted(level: int = Depends(MinLevel(3))):
    return {"level": level}


# --- sub-dependencies -----------------------------------------------------------------------------
def query_extractor(q: Union[str, None] = None):
    return q


def query_or_cookie_extractor(
    q: Annotated[Optional[str], Depends(query_extractor)],
    last_query: Annotated[Optional[str], Cookie()] = None,
):
    if not q:
        return last_query
    return q


@app.get("/query-or-cookie")
def query_or_cookie(value: Annotated[Optional[str], Depends(query_or_cookie_extractor)]):
    return {"q_or_cookie": value}


# --- caching --------------------------------------------------------------------------------------
def counted() -> int:
    CALLS["counted"] += 1
    return CALLS["counted"]


def uses_counted(n: Annotated[int, Depends(counted)]) -> int:
    return n * 100


@app.get("/cache")
def cache(
    a: Annotated[int, Depends(counted)],
    b: Annotated[int, Depends(counted)],
    c: Annotated[int, Depends(counted, use_cache=False)],
    d: Annotated[int, Depends(uses_counted)],
):
    return {"a": a, "b": b, "c": c, "d": d}


# --- yield dependencies ---------------------------------------------------------------------------
class FakeSession:
    def __init__(self, name: str):
        self.name = name
        self.closed = False


async def get_session():
    session = FakeSession("s1")
    EVENTS.append("session:open")
    try:
        yield session
    except HTTPException as exc:
        EVENTS.append(f"session:rollback:{exc.status_code}")
        raise
    finally:
        session.closed = True
        EVENTS.append("session:close")


def get_repo(session: Annotated[FakeSession, Depends(get_session)]):
    EVENTS.append("repo:open")
    yield {"session": session.name}
    EVENTS.append("repo:close")


SessionDep = Annotated[FakeSession, Depends(get_session)]


@app.get("/records/{record_id}")
def read_record(record_id: int, repo: Annotated[dict, Depends(get_repo)], session: SessionDep):
    EVENTS.append(f"handler:{record_id}")
    if record_id > 10:
        raise HTTPException(status_code=404, detail="Record not found")
    return {"id": record_id, "session": repo["session"], "same_session_closed": session.closed}


@app.get("/events")
def read_events():
    return {"events": EVENTS}


@app.delete("/events", status_code=204)
def clear_events():
    EVENTS.clear()


# --- dependencies= on routes and routers; error ordering ------------------------------------------
async def verify_token(x_token: Annotated[str, Header()]):
    if x_token != "secret-token":
        raise HTTPException(status_code=400, detail="X-Token header invalid")


async def verify_key(x_key: Annotated[str, Header()]):
    if x_key != "secret-key":
        raise HTTPException(status_code=400, detail="X-Key header invalid")
    return x_key


@app.get("/guarded", dependencies=[Depends(verify_token), Depends(verify_key)])
async def guarded(n: int):
    return {"n": n}


router = APIRouter(prefix="/team", dependencies=[Depends(verify_token)])


@router.get("/members")
def members():
    return ["ana", "bo"]


@router.get("/members/{idx}", dependencies=[Depends(verify_key)])
def member(idx: int):
    return {"idx": idx}


app.include_router(router)


# --- a dependency that reads the body -------------------------------------------------------------
class Note(BaseModel):
    title: str
    body: str = ""


def note_dep(note: Note) -> Note:
    if note.title.lower() == "forbidden":
        raise HTTPException(status_code=422, detail="Title not allowed")
    return note


@app.post("/notes", status_code=201)
async def create_note(note: Annotated[Note, Depends(note_dep)], priority: int = 0):
    return {"note": note, "priority": priority}


# --- function-scoped yield dependency: exit code runs before the response is sent ----------------
def audit(fail_after: bool = False):
    EVENTS.append("audit:start")
    yield "audit-1"
    EVENTS.append("audit:end")
    if fail_after:
        raise HTTPException(status_code=409, detail="Audit rejected the result")


@app.get("/audited")
def audited(audit_id: Annotated[str, Depends(audit, scope="function")]):
    EVENTS.append("handler:audited")
    return {"audit": audit_id}


# --- exceptions thrown into yield dependencies ----------------------------------------------------
def guarded_session(mode: str = "ok"):
    EVENTS.append("guard:open")
    try:
        yield mode
    except HTTPException as exc:
        EVENTS.append(f"guard:caught:{exc.status_code}")
        if exc.status_code == 418:
            raise HTTPException(status_code=503, detail=f"wrapped: {exc.detail}")
        raise
    except ValueError:
        EVENTS.append("guard:swallowed")  # FastAPI then fails the request (a 500)
    finally:
        EVENTS.append("guard:close")


def late_failure(late: bool = False):
    yield "late-dep"
    EVENTS.append("late:exit")
    if late:
        # Request scope: this runs after the response was sent; the client keeps its 200.
        raise HTTPException(status_code=409, detail="too late")


@app.get("/guarded-session/{code}")
def guarded_session_endpoint(
    code: int,
    mode: Annotated[str, Depends(guarded_session)],
    tag: Annotated[str, Depends(late_failure)],
):
    EVENTS.append(f"handler:guarded:{code}")
    if code == 999:
        raise ValueError("boom")
    if code >= 400:
        raise HTTPException(status_code=code, detail="endpoint failed")
    return {"code": code, "mode": mode, "tag": tag}
