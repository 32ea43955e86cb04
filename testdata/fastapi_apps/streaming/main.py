import asyncio
from collections.abc import AsyncIterable, Iterable
from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, HTTPException, Query, Response
from fastapi.responses import FileResponse, PlainTextResponse, StreamingResponse
from fastapi.sse import EventSourceResponse, ServerSentEvent
from pydantic import BaseModel

HERE = Path(__file__).resolve().parent
REPORT = HERE / "report.csv"

app = FastAPI(title="Streaming and files")


class Tick(BaseModel):
    seq: int
    label: str
    ratio: float


def count_lines(n: int):
    for i in range(n):
        yield f"line {i}\n"


async def slow_numbers(n: int):
    for i in range(n):
        await asyncio.sleep(0)
        yield f"{i}".encode() + b","
    yield b"done"


@app.get("/stream/sync")
def stream_sync(n: Annotated[int, Query(ge=0, le=20)] = 3):
    return StreamingResponse(count_lines(n), media_type="text/plain")


@app.get("/stream/async")
async def stream_async(n: int = 5):
    return StreamingResponse(slow_numbers(n), media_type="text/csv", headers={"X-Stream": "async"})


@app.get("/stream/bytes-default-type")
def stream_default_type():
    return StreamingResponse(iter([b"\x00\x01", b"\x02"]))


@app.get("/stream/generator", response_class=StreamingResponse)
async def stream_generator_endpoint(word: str = "ab"):
    for ch in word:
        yield ch.upper() * 3


@app.get("/ticks/jsonl")
async def ticks_jsonl(n: int = 3) -> AsyncIterable[Tick]:
    for i in range(n):
        yield Tick(seq=i, label=f"tick-{i}", ratio=i / 4)


@app.get("/ticks/sync-jsonl")
def ticks_sync_jsonl(n: int = 2) -> Iterable[dict]:
    for i in range(n):
        yield {"seq": i, "label": f"t\u00e9st {i}", "half": i / 2}


@app.get("/ticks/untyped")
async def ticks_untyped():
    yield {"a": 1, "b": "caf\u00e9"}
    yield [1, 2.5, None]


@app.get("/events", response_class=EventSourceResponse)
async def events(n: int = 2):
    for i in range(n):
        yield ServerSentEvent(data={"n": i}, event="count", id=str(i))
    yield ServerSentEvent(raw_data="bye", event="end", retry=1500, comment="closing")


@app.get("/events/plain", response_class=EventSourceResponse)
def events_plain() -> Iterable[Tick]:
    yield Tick(seq=1, label="one", ratio=0.5)
    yield Tick(seq=2, label="two", ratio=1)


@app.get("/report.csv")
def report_file():
    return FileResponse(REPORT, media_type="text/csv", filename="report.csv")


@app.get("/report-inline")
def report_inline():
    return FileResponse(REPORT, content_disposition_type="inline", filename="r\u00e9sum\u00e9.csv")


@app.get("/report-guess", response_class=FileResponse)
def report_guess():
    return str(REPORT)


@app.get("/missing-file")
def missing_file():
    return FileResponse(HERE / "nope.bin")


@app.get("/raw/bytes")
def raw_bytes():
    return Response(content=b"\x89PNG\r\n\x1a\n-fake-", media_type="image/png")


@app.get("/raw/xml")
def raw_xml():
    data = '<?xml version="1.0"?><shampoo><Header>Apply shampoo here.</Header></shampoo>'
    return Response(content=data, media_type="application/xml", headers={"Cache-Control": "no-store"})


@app.get("/raw/no-type")
def raw_no_type():
    return Response(content="untyped body")


@app.get("/raw/empty", status_code=204)
def raw_empty():
    return Response(status_code=204)


@app.get("/raw/text", response_class=PlainTextResponse)
def raw_text(name: str = "world"):
    if name == "error":
        raise HTTPException(status_code=400, detail="bad name")
    return f"Hello, {name}! \u2713"
