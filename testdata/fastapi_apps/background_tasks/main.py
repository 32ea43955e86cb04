import asyncio
from typing import Annotated, Optional

from fastapi import BackgroundTasks, Depends, FastAPI, Response
from pydantic import BaseModel

app = FastAPI(title="Background tasks")

OUTBOX: list[dict] = []
LOG: list[str] = []


def write_log(message: str, level: str = "info"):
    LOG.append(f"{level}:{message}")


async def send_email(to: str, subject: str, body: str = ""):
    await asyncio.sleep(0)
    OUTBOX.append({"to": to, "subject": subject, "body": body})


def log_query(background_tasks: BackgroundTasks, q: Optional[str] = None):
    if q:
        background_tasks.add_task(write_log, f"query={q}", level="debug")
    return q


class Signup(BaseModel):
    email: str
    name: str


@app.post("/send-notification/{email}", status_code=202)
async def send_notification(email: str, background_tasks: BackgroundTasks):
    background_tasks.add_task(send_email, email, subject="Notification", body="Hi there")
    return {"message": "Notification sent in the background"}


@app.post("/signup")
def signup(user: Signup, tasks: BackgroundTasks, q: Annotated[Optional[str], Depends(log_query)]):
    tasks.add_task(write_log, f"signup {user.email}")
    tasks.add_task(send_email, user.email, "Welcome", body=f"Welcome {user.name}")
    return {"queued": 2 + (1 if q else 0)}


@app.post("/ping")
def ping(background_tasks: BackgroundTasks, response: Response):
    background_tasks.add_task(write_log, "ping")
    response.headers["X-Queued"] = "1"
    return "pong"


@app.post("/fail-before-tasks")
def fail_before(background_tasks: BackgroundTasks, n: int):
    background_tasks.add_task(write_log, f"never {n}")
    if n < 0:
        from fastapi import HTTPException

        raise HTTPException(status_code=400, detail="negative")
    return {"n": n}


@app.get("/outbox")
def outbox():
    return {"count": len(OUTBOX), "messages": OUTBOX}


@app.get("/log")
async def log():
    return LOG


@app.delete("/log", status_code=204)
async def clear_log():
    LOG.clear()
    OUTBOX.clear()
