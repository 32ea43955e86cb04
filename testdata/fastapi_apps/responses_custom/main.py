"""A content service returning many kinds of responses."""

import json
from datetime import datetime, timezone
from typing import Any, Optional

from fastapi import FastAPI, HTTPException, Response
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse
from pydantic import BaseModel


class PrettyJSONResponse(JSONResponse):
    """Indented, key-sorted JSON for humans reading the API in a browser."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, indent=2, sort_keys=True, ensure_ascii=False).encode("utf-8") + b"\n"


class CSVResponse(Response):
    media_type = "text/csv"
    charset = "utf-8"


app = FastAPI(title="Content", default_response_class=PrettyJSONResponse)


class Article(BaseModel):
    id: int
    title: str
    body: Optional[str] = None


class Message(BaseModel):
    message: str


ARTICLES = {1: {"id": 1, "title": "Hello", "body": "First post"}, 2: {"id": 2, "title": "Zwei"}}


@app.get("/articles/{article_id}", responses={404: {"model": Message, "description": "The article was not found"}})
def read_article(article_id: int):
    if article_id not in ARTICLES:
        return JSONResponse(status_code=404, content={"message": f"Article {article_id} not found"})
    return ARTICLES[article_id]


@app.get("/articles/{article_id}/typed", response_description="The article, validated")
def read_article_typed(article_id: int) -> Article:
    if article_id not in ARTICLES:
        raise HTTPException(status_code=404, detail="Article not found")
    return ARTICLES[article_id]


@app.get(
    "/articles/{article_id}/export",
    response_class=CSVResponse,
    responses={
        200: {"content": {"text/csv": {"example": "id,title\n1,Hello\n"}}, "description": "CSV export"},
        404: {"description": "No such article"},
    },
)
def export_article(article_id: int):
    article = ARTICLES.get(article_id)
    if article is None:
        raise HTTPException(404)
    return f"id,title\n{article['id']},{article['title']}\n"


@app.get("/page", response_class=HTMLResponse)
async def page():
    return """<!doctype html>
<html><head><title>Café</title></head><body><h1>Welcome ☕</h1></body></html>
"""


@app.get("/page/direct")
async def page_direct():
    return HTMLResponse(content="<p>direct</p>", status_code=200, headers={"X-Frame-Options": "DENY"})


@app.get("/ping", response_class=PlainTextResponse)
def ping():
    return "pong"


@app.get("/ping/number", response_class=PlainTextResponse)
def ping_number():
    return "42"


@app.get("/plain-json", response_class=JSONResponse)
def plain_json():
    return {"b": 1, "a": "é", "n": None}


@app.get("/default-class")
def default_class():
    return {"b": 1, "a": [1, 2], "nested": {"z": True, "y": None}}


@app.get("/default-class/model")
def default_class_model() -> Article:
    return Article(id=3, title="typed")


@app.get("/old-path")
def old_path():
    return RedirectResponse("/new-path")


@app.get("/moved", response_class=RedirectResponse, status_code=301)
def moved():
    return "https://example.com/new home?x=1&y=é"


@app.get("/see-other")
def see_other(next: str = "/articles/1"):
    return RedirectResponse(url=next, status_code=303, headers={"Cache-Control": "no-store"})


@app.get("/new-path")
def new_path():
    return {"here": True}


@app.get("/headers")
def with_headers(response: Response):
    response.headers["X-Cat-Dog"] = "alone in the world"
    response.headers["Cache-Control"] = "max-age=60"
    return {"message": "Hello World"}


@app.post("/login")
def login(response: Response, user: str = "ann"):
    response.set_cookie(key="session", value=f"token-{user}", httponly=True, max_age=3600)
    response.set_cookie(key="theme", value="dark", path="/app", samesite="strict", secure=True)
    response.set_cookie(
        key="legacy",
        value="v",
        expires=datetime(2030, 1, 1, tzinfo=timezone.utc),
        domain="example.com",
        samesite=None,
    )
    return {"logged_in": user}


@app.post("/login/direct")
def login_direct():
    resp = JSONResponse(content={"ok": True}, status_code=200)
    resp.set_cookie("fakesession", "fake-cookie-session-value")
    resp.headers.append("X-Trace", "a")
    resp.headers.append("X-Trace", "b")
    return resp


@app.put("/status", status_code=200)
def change_status(response: Response, created: bool = False):
    if created:
        response.status_code = 201
        return {"created": True}
    return {"created": False}


@app.get("/bytes")
def raw_bytes():
    return Response(content=b"\x89PNG\r\n\x1a\n\x00\x00", media_type="image/png")


@app.get("/xml")
def xml():
    data = '<?xml version="1.0"?><shampoo><Header>Apply</Header></shampoo>'
    return Response(content=data, media_type="application/xml")


@app.get("/no-media-type")
def no_media_type():
    return Response(content="untyped")


@app.get("/empty")
def empty():
    return Response(status_code=204)


@app.get(
    "/documented",
    status_code=202,
    response_description="Accepted for processing",
    responses={
        400: {"model": Message, "description": "Bad input"},
        "5XX": {"description": "Server trouble"},
        202: {"headers": {"X-Job": {"description": "Job id", "schema": {"type": "string"}}}},
    },
)
def documented(fail: bool = False) -> Message:
    if fail:
        return JSONResponse(status_code=400, content={"message": "bad"})
    return Message(message="queued")
