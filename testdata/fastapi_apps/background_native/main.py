"""Background tasks translated natively: order, bound arguments, dependencies, failures."""
import asyncio
from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI
from fastapi.responses import JSONResponse, PlainTextResponse
from starlette.background import BackgroundTask

app = FastAPI(title="Background tasks, native")

EVENTS: list = []
COUNTS: dict = {}


def record(kind: str, n: int = 1, *, note: str = ""):
    COUNTS[kind] = COUNTS.get(kind, 0) + n
    EVENTS.append(f"{kind}+{n}{note}")


async def slow_record(kind: str):
    await asyncio.sleep(0)
    EVENTS.append(f"async:{kind}")


def explode(why: str):
    EVENTS.append(f"explode:{why}")
    raise ValueError(why)


def audit(tasks: BackgroundTasks, who: str = "anon"):
    tasks.add_task(record, "audit", note=f" by {who}")
    return who


@app.post("/order/{item}")
def order(item: str, tasks: BackgroundTasks, who: Annotated[str, Depends(audit)], qty: int = 1):
    tasks.add_task(record, item, qty)
    tasks.add_task(slow_record, item)
    return {"item": item, "qty": qty, "by": who}


@app.post("/bound/{item}")
def bound(item: str, tasks: BackgroundTasks):
    label = item.upper()
    tasks.add_task(record, label)
    label = "changed"
    return {"label": label}


@app.post("/explode")
def explode_route(tasks: BackgroundTasks, why: str = "boom"):
    tasks.add_task(record, "before")
    tasks.add_task(explode, why)
    tasks.add_task(record, "never")
    return {"queued": 3}


@app.get("/redirect-task")
def redirect_task(tasks: BackgroundTasks):
    tasks.add_task(record, "redirect")
    return PlainTextResponse("moved", status_code=303, headers={"Location": "/events"})


@app.post("/fail/{n}")
async def fail(n: int, tasks: BackgroundTasks):
    tasks.add_task(record, "fail-attempt")
    if n < 0:
        from fastapi import HTTPException as HE

        raise HE(status_code=400, detail="negative")
    return {"n": n}


@app.post("/own-tasks")
def own_tasks(tasks: BackgroundTasks):
    tasks.add_task(record, "param-dropped")
    mine = BackgroundTasks()
    mine.add_task(record, "mine", 2)
    resp = JSONResponse({"own": True}, background=mine)
    mine.add_task(record, "mine-late")
    return resp


@app.post("/one-task")
def one_task(tasks: BackgroundTasks):
    tasks.add_task(record, "param-dropped")
    return PlainTextResponse("one", background=BackgroundTask(record, "single", note="!"))


@app.post("/none-background")
def none_background(tasks: BackgroundTasks):
    tasks.add_task(record, "param-kept")
    return JSONResponse([1], background=None)


@app.post("/empty-own")
def empty_own(tasks: BackgroundTasks):
    tasks.add_task(record, "param-dropped")
    return JSONResponse([2], background=BackgroundTasks())


@app.get("/events")
def events():
    return {"events": EVENTS, "counts": COUNTS}


@app.delete("/events", status_code=204)
def reset():
    EVENTS.clear()
    COUNTS.clear()
