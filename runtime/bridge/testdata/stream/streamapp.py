"""Streamed responses for stream_flow_test.go (runtime/bridge) and stream_test.go
(runtime/pycall): endless and failing bodies, sync and async, and generator endpoints.
EVENTS logs what the generators did (take_events); PRODUCED counts the chunks made."""

import asyncio
import threading
import time

from fastapi import FastAPI
from fastapi.responses import StreamingResponse

app = FastAPI()
EVENTS = []
PRODUCED = {"n": 0}
_lock = threading.Lock()


def take_events():
    out = list(EVENTS)
    EVENTS.clear()
    return out


def produced():
    return PRODUCED["n"]


def _count():
    with _lock:
        PRODUCED["n"] += 1
        return PRODUCED["n"]


async def _forever_async(tag):
    PRODUCED["n"] = 0
    try:
        while True:
            n = _count()
            yield "%s %d\n" % (tag, n)
            await asyncio.sleep(0.001)
    finally:
        EVENTS.append("closed " + tag)


def _forever_sync(tag):
    PRODUCED["n"] = 0
    try:
        while True:
            n = _count()
            yield ("%s %d\n" % (tag, n)).encode()
            time.sleep(0.001)
    finally:
        EVENTS.append("closed " + tag)


def forever_async():
    return StreamingResponse(_forever_async("async"), media_type="text/plain")


def forever_sync():
    return StreamingResponse(_forever_sync("sync"), media_type="text/plain")


async def _idle():
    try:
        yield "first\n"
        await asyncio.sleep(3600)
        yield "never\n"
    finally:
        EVENTS.append("closed idle")


def idle():
    """Yields once, then waits an hour: a client that leaves must still close it."""
    return StreamingResponse(_idle(), media_type="text/event-stream")


async def _broken():
    try:
        yield "part 1\n"
        yield "part 2\n"
        raise ValueError("broken mid-stream")
    finally:
        EVENTS.append("closed broken")


def broken():
    return StreamingResponse(_broken(), media_type="text/plain")


async def ticks():
    """A generator endpoint (JSON Lines) that never ends."""
    PRODUCED["n"] = 0
    try:
        while True:
            yield {"tick": _count()}
            await asyncio.sleep(0.001)
    finally:
        EVENTS.append("closed ticks")


def sync_ticks():
    """A sync generator endpoint that never ends (run in the thread pool)."""
    PRODUCED["n"] = 0
    try:
        while True:
            yield {"tick": _count()}
            time.sleep(0.001)
    finally:
        EVENTS.append("closed sync_ticks")


@app.get("/fwd/forever")
def fwd_forever():
    """A route served by request forwarding (the real FastAPI runs all of it)."""
    return StreamingResponse(_forever_async("fwd"), media_type="text/plain")


@app.get("/fwd/broken")
def fwd_broken():
    return StreamingResponse(_broken(), media_type="text/plain")


@app.get("/fwd/items")
async def fwd_items():
    """A generator endpoint FastAPI itself streams as JSON Lines."""
    PRODUCED["n"] = 0
    try:
        while True:
            yield {"tick": _count()}
            await asyncio.sleep(0.001)
    finally:
        EVENTS.append("closed fwd_items")


def dep():
    """A yield dependency of the streamed endpoints (pycall's stream_test.go)."""
    EVENTS.append("dep enter")
    try:
        yield "db"
    except Exception as e:
        EVENTS.append("dep saw " + type(e).__name__)
        raise
    finally:
        EVENTS.append("dep exit")


import fastapi.sse  # noqa: E402

fastapi.sse._PING_INTERVAL = 0.1  # FastAPI's 15 s keep-alive interval, shortened for the tests


async def slow_events():
    """A server-sent events endpoint idle between its two events: keep-alive comments."""
    try:
        yield {"n": 1}
        await asyncio.sleep(0.35)
        yield {"n": 2}
    finally:
        EVENTS.append("closed slow_events")
