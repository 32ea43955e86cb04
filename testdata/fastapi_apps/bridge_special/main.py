"""Link shortener that works with Request, Response, BackgroundTasks and explicit responses."""
from datetime import datetime, timezone
from typing import Annotated, Optional

from fastapi import BackgroundTasks, Cookie, FastAPI, HTTPException, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse
from pydantic import BaseModel, Field

app = FastAPI(title="Link shortener")

LINKS: dict[str, str] = {"docs": "https://fastapi.tiangolo.com/"}
CLICKS: list[str] = []
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


class NewLink(BaseModel):
    code: str = Field(pattern=r"^[a-z0-9-]{2,20}$")
    target: str = Field(pattern=r"^https?://")


def record_click(code: str, via: str) -> None:
    CLICKS.append(f"{code} via {via}")


@app.get("/echo")
def echo(request: Request):
    return {
        "path": request.url.path,
        "method": request.method,
        "query": sorted(request.query_params.multi_items()),
        "user_agent": request.headers.get("user-agent"),
        "tenant": request.headers.get("x-tenant", "public"),
    }


@app.post("/links", status_code=201)
def create_link(link: NewLink, response: Response):
    if link.code in LINKS:
        response.status_code = 200
        response.headers["X-Existing"] = "true"
        return {"code": link.code, "target": LINKS[link.code], "created": False}
    LINKS[link.code] = link.target
    response.headers["Location"] = f"/l/{link.code}"
    return {"code": link.code, "target": link.target, "created": True}


@app.get("/l/{code}")
def follow(code: str, request: Request, tasks: BackgroundTasks):
    target = LINKS.get(code)
    if target is None:
        return PlainTextResponse(f"no link {code}", status_code=404)
    tasks.add_task(record_click, code, request.headers.get("referer", "direct"))
    return RedirectResponse(target, status_code=307 if request.query_params.get("keep") else 302)


@app.get("/clicks")
def clicks():
    return {"count": len(CLICKS), "clicks": CLICKS}


@app.get("/links/{code}/card", response_class=HTMLResponse)
def card(code: str):
    if code not in LINKS:
        raise HTTPException(status_code=404, detail="Unknown link")
    return f"<html><body><h1>{code}</h1><a href=\"{LINKS[code]}\">{LINKS[code]}</a></body></html>"


@app.post("/session")
def login(user: str, response: Response):
    response.set_cookie("session", f"user-{user}", max_age=3600, httponly=True, samesite="strict")
    response.set_cookie("theme", "dark", path="/links")
    return {"logged_in": user}


@app.get("/session")
def whoami(session: Annotated[Optional[str], Cookie()] = None):
    if session is None:
        return JSONResponse({"detail": "not logged in"}, status_code=401, headers={"WWW-Authenticate": "Cookie"})
    return {"session": session}


@app.delete("/session")
def logout(response: Response):
    response.set_cookie("session", "", max_age=0, expires=EPOCH, httponly=True, samesite="strict")
    response.status_code = 202
    return {"logged_out": True}


@app.get("/robots.txt", response_class=PlainTextResponse)
def robots():
    return "User-agent: *\nDisallow: /l/\n"


@app.get("/old-docs")
def old_docs():
    return RedirectResponse(url="/l/docs", status_code=301)
