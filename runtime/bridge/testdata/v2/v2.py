"""Test app of runtime/bridge sessions (bridge v2): yield dependencies, refs, Response
returns, the sub-Response, BackgroundTasks, exception handlers.

It is a real FastAPI app: record.py serves it with the real FastAPI to record what the
Go tests expect (golden.json); the Go tests call the same functions through sessions.
EVENTS logs what the generators, endpoints and tasks did, in order (take_events)."""

import asyncio
import sqlite3

from fastapi import BackgroundTasks, Depends, FastAPI, HTTPException, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import (FileResponse, HTMLResponse, JSONResponse, PlainTextResponse,
                               RedirectResponse, StreamingResponse)
from pydantic import BaseModel

app = FastAPI()
EVENTS = []


def take_events():
    out = list(EVENTS)
    EVENTS.clear()
    return out


class MyError(Exception):
    pass


class Teapot(MyError):
    pass


# --- yield dependencies


def get_db():
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    conn.execute("CREATE TABLE t (x INTEGER)")
    EVENTS.append("db open")
    try:
        yield conn
    finally:
        conn.close()
        EVENTS.append("db closed")


def insert(db, x):
    db.execute("INSERT INTO t VALUES (?)", (x,))
    return db.execute("SELECT count(*), sum(x) FROM t").fetchone()


def sync_dep():
    EVENTS.append("enter sync")
    try:
        yield "s"
    except Exception as e:
        EVENTS.append("sync saw %s(%s)" % (type(e).__name__, e))
        raise
    finally:
        EVENTS.append("exit sync")


async def async_dep():
    EVENTS.append("enter async")
    try:
        yield "a"
    except Exception as e:
        EVENTS.append("async saw %s(%s)" % (type(e).__name__, e))
        raise
    finally:
        EVENTS.append("exit async")


async def convert_dep():
    try:
        yield "c"
    except ValueError as e:
        EVENTS.append("convert saw ValueError(%s)" % (e,))
        raise HTTPException(409, detail="conflict: %s" % (e,))


def swallow_dep():
    try:
        yield "w"
    except Exception as e:
        EVENTS.append("swallowed %s" % (type(e).__name__,))


def failing_exit_dep():
    yield "f"
    EVENTS.append("exit failing")
    raise MyError("cleanup failed")


def forbid():
    EVENTS.append("forbid")
    raise HTTPException(403, detail="forbidden", headers={"X-Why": "policy"})


def endpoint(a, b):
    EVENTS.append("endpoint %s%s" % (a, b))
    return {"a": a, "b": b}


def boom(a):
    EVENTS.append("boom")
    raise ValueError("boom %s" % (a,))


@app.get("/db")
def db_route(x: int, db=Depends(get_db)):
    insert(db, x)
    return list(insert(db, x + 1))


@app.get("/order")
def order_route(a=Depends(sync_dep), b=Depends(async_dep)):
    return endpoint(a, b)


@app.get("/raise")
def raise_route(a=Depends(sync_dep), b=Depends(async_dep)):
    return boom(a)


@app.get("/convert")
def convert_route(s=Depends(sync_dep), c=Depends(convert_dep)):
    return boom(c)


@app.get("/swallow")
def swallow_route(w=Depends(swallow_dep)):
    return boom(w)


@app.get("/failing-exit")
def failing_exit_route(f=Depends(failing_exit_dep)):
    return endpoint(f, "")


@app.get("/forbidden")
def forbidden_route(a=Depends(async_dep), f=Depends(forbid)):
    return endpoint(a, f)


# --- Response returns


def json_response():
    return JSONResponse({"a": [1, "é"]}, status_code=201, headers={"X-A": "1"})


def text_response():
    return PlainTextResponse("héllo", headers={"Cache-Control": "no-store"})


def html_response():
    return HTMLResponse("<b>x</b>", status_code=203)


def redirect_response():
    return RedirectResponse("/to here?q=a b")


async def _chunks():
    for c in ("one ", b"two ", "thrée"):
        await asyncio.sleep(0)
        yield c


def async_stream():
    return StreamingResponse(_chunks(), media_type="text/plain")


def sync_stream():
    return StreamingResponse(iter(["a", "b", "c"]), media_type="application/x-ndjson", status_code=202)


def file_response(path):
    return FileResponse(path, filename="report.txt")


def cookie_response(response: Response):
    response.set_cookie("sid", "abc", httponly=True, max_age=60)
    response.headers["X-Sub"] = "1"
    response.status_code = 201
    return {"ok": True}


def cookie_dep(response: Response):
    response.set_cookie("dep", "1")
    return "dep"


app.get("/json")(json_response)
app.get("/text")(text_response)
app.get("/html")(html_response)
app.get("/redirect")(redirect_response)
app.get("/async-stream")(async_stream)
app.get("/sync-stream")(sync_stream)


@app.api_route("/file", methods=["GET", "HEAD"])
def file_route(path: str):
    return file_response(path)


@app.get("/cookie")
def cookie_route(response: Response, d=Depends(cookie_dep)):
    return cookie_response(response)


# --- background tasks


def log_task(name):
    EVENTS.append("task %s" % (name,))


async def async_log_task(name):
    await asyncio.sleep(0)
    EVENTS.append("async task %s" % (name,))


def add_tasks(tasks, db):
    tasks.add_task(log_task, "one")
    tasks.add_task(async_log_task, "two")
    EVENTS.append("endpoint with tasks")
    return "queued"


def dep_with_task(tasks: BackgroundTasks):
    tasks.add_task(log_task, "from dep")
    return 1


@app.get("/tasks")
def tasks_route(tasks: BackgroundTasks, d=Depends(dep_with_task), db=Depends(sync_dep)):
    return add_tasks(tasks, db)


def response_with_own_task():
    return PlainTextResponse("own", background=BackgroundTasks_one())


def BackgroundTasks_one():
    t = BackgroundTasks()
    t.add_task(log_task, "own")
    return t


@app.get("/own-task")
def own_task_route(tasks: BackgroundTasks, d=Depends(dep_with_task)):
    return response_with_own_task()


# --- requests


async def describe_request(request):
    body = await request.body()
    return {"method": request.method, "path": request.url.path, "query": request.url.query,
            "q": request.query_params.get("q"), "h": request.headers.get("x-h"),
            "body": body.decode(), "client": list(request.client), "pp": request.path_params,
            "cookie": request.cookies.get("c"), "again": (await request.body()).decode()}


@app.post("/req/{item_id}")
async def req_route(item_id: int, request: Request):
    return await describe_request(request)


# --- exception handlers


@app.exception_handler(MyError)
async def my_error_handler(request: Request, exc: MyError):
    return JSONResponse({"handled": type(exc).__name__, "msg": str(exc), "path": request.url.path},
                        status_code=418, headers={"X-Handler": "my"})


@app.exception_handler(404)
def not_found_handler(request: Request, exc: HTTPException):
    return PlainTextResponse("custom 404: %s" % (exc.detail,), status_code=404)


@app.exception_handler(RequestValidationError)
async def validation_handler(request: Request, exc: RequestValidationError):
    return JSONResponse({"errors": exc.errors(), "body": exc.body, "path": request.url.path},
                        status_code=422)


@app.exception_handler(Exception)
def server_error_handler(request: Request, exc: Exception):
    return PlainTextResponse("oops: %s" % (type(exc).__name__,), status_code=500)


def raise_my():
    raise MyError("mine")


def raise_teapot():
    raise Teapot("tea")


def raise_404():
    raise HTTPException(404, detail="gone")


def raise_400():
    raise HTTPException(400, detail="bad")


def raise_zero():
    return 1 / 0


def raise_my_after_dep(a):
    EVENTS.append("raising after %s" % (a,))
    raise MyError("after")


app.get("/my")(raise_my)
app.get("/teapot")(raise_teapot)
app.get("/404")(raise_404)
app.get("/400")(raise_400)
app.get("/zero")(raise_zero)


@app.get("/my-dep")
def my_dep_route(a=Depends(async_dep)):
    return raise_my_after_dep(a)


@app.get("/validate")
def validate_route(n: int):
    return n


# --- benchmarks


async def trivial():
    return 1


async def trivial_gen():
    yield 1


# A chain like bench/app's GET /me: a header dependency, a dependency building a model
# from it, the endpoint returning the model.
class ChainUser(BaseModel):
    username: str
    role: str
    token: str


async def chain_token(x_token):
    if x_token != "s3cret":
        raise HTTPException(401, detail="bad token")
    return x_token


async def chain_user(token):
    return ChainUser(username="alice", role="admin", token=token)


async def chain_me(user):
    return user


# --- scope="function" yield dependencies (exit before the response is sent)


def fn_dep():
    EVENTS.append("enter fn")
    try:
        yield "f"
    except Exception as e:
        EVENTS.append("fn saw %s(%s)" % (type(e).__name__, e))
        raise
    finally:
        EVENTS.append("exit fn")


def fn_swallow_dep():
    try:
        yield "w"
    except Exception as e:
        EVENTS.append("fn swallowed %s" % (type(e).__name__,))


@app.get("/fn-scope")
def fn_scope_route(tasks: BackgroundTasks, s=Depends(sync_dep), f=Depends(fn_dep, scope="function")):
    tasks.add_task(log_task, "after")
    return endpoint(s, f)


@app.get("/fn-raise")
def fn_raise_route(s=Depends(sync_dep), f=Depends(fn_dep, scope="function")):
    return boom(f)


@app.get("/fn-swallow")
def fn_swallow_route(s=Depends(sync_dep), f=Depends(fn_swallow_dep, scope="function")):
    return boom(f)


def log_task_later(name, tasks: BackgroundTasks):
    tasks.add_task(log_task, name)
