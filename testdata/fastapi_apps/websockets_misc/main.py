"""A small API that also has a websocket endpoint, and handlers that use Request/Response directly."""
import json
from typing import Annotated, Optional

from fastapi import Cookie, FastAPI, Header, Query, Request, Response, WebSocket, WebSocketDisconnect, status
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

app = FastAPI(title="Chat service")

ROOMS: dict[str, list[str]] = {"general": ["welcome!"]}

PAGE = """<!DOCTYPE html>
<html><head><title>Chat</title></head>
<body><ul id="messages"></ul>
<script>const ws = new WebSocket("ws://" + location.host + "/ws/general");</script>
</body></html>
"""


@app.get("/", response_class=HTMLResponse)
async def index():
    return PAGE


@app.websocket("/ws/{room}")
async def chat(websocket: WebSocket, room: str, token: Annotated[Optional[str], Query()] = None):
    if token != "letmein":
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
        return
    await websocket.accept()
    ROOMS.setdefault(room, [])
    try:
        while True:
            text = await websocket.receive_text()
            ROOMS[room].append(text)
            await websocket.send_json({"room": room, "echo": text, "count": len(ROOMS[room])})
    except WebSocketDisconnect:
        pass


@app.websocket("/ws/{room}/history")
async def history(
    websocket: WebSocket,
    room: str,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
    x_client: Annotated[Optional[str], Header()] = None,
    session: Annotated[Optional[str], Cookie()] = None,
):
    await websocket.accept()
    await websocket.send_json({"room": room, "client": x_client, "session": session, "messages": ROOMS.get(room, [])[-limit:]})
    await websocket.send_bytes(b"\x00end\xff")
    await websocket.close(code=4000, reason="history sent")


@app.get("/rooms/{room}/messages")
def messages(room: str, limit: int = 20):
    if room not in ROOMS:
        return JSONResponse(status_code=404, content={"message": f"room {room} does not exist"})
    return ROOMS[room][-limit:]


@app.post("/rooms/{room}/messages", status_code=201)
async def post_message(room: str, request: Request):
    raw = await request.body()
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            text = json.loads(raw)["text"]
        except (ValueError, KeyError, TypeError):
            return Response(content='{"error":"expected {\\"text\\": ...}"}', status_code=400, media_type="application/json")
    else:
        text = raw.decode("utf-8", errors="replace")
    ROOMS.setdefault(room, []).append(text)
    return {"room": room, "stored": text, "bytes": len(raw)}


@app.get("/inspect/{rest:path}")
async def inspect(rest: str, request: Request):
    return {
        "method": request.method,
        "path": request.url.path,
        "rest": rest,
        "path_params": request.path_params,
        "query": str(request.url.query),
        "query_params": dict(request.query_params),
        "multi": request.query_params.getlist("tag"),
        # request.client is the socket peer: "testclient" under TestClient, an address on a real server
        "has_client": request.client is not None and isinstance(request.client.port, int),
        "host": request.headers.get("host"),
        "user_agent": request.headers.get("user-agent"),
        "x_things": request.headers.getlist("x-thing"),
        "cookies": request.cookies,
        "base_url": str(request.base_url),
        "scheme": request.url.scheme,
    }


@app.post("/inspect-body")
async def inspect_body(request: Request):
    body = await request.body()
    return {"length": len(body), "content_type": request.headers.get("content-type"), "text": body.decode("latin-1")}


@app.post("/inspect-form")
async def inspect_form(request: Request):
    form = await request.form()
    out = {}
    for key, value in form.multi_items():
        if hasattr(value, "filename"):
            data = await value.read()
            out.setdefault(key, []).append({"filename": value.filename, "size": len(data), "content_type": value.content_type})
        else:
            out.setdefault(key, []).append(value)
    return out


@app.get("/xml")
def legacy_xml(id: int = 1):
    xml = f'<?xml version="1.0"?>\n<item id="{id}"><name>Widget</name></item>\n'
    return Response(content=xml, media_type="application/xml")


@app.get("/cookie/set")
def set_cookie(response: Response, value: str = "abc"):
    response.set_cookie("session", value, max_age=60, httponly=True)
    response.set_cookie("theme", "dark", path="/inspect", samesite="strict", secure=True)
    return {"set": value}


@app.get("/cookie/clear")
def clear_cookie():
    response = JSONResponse({"cleared": True})
    # max_age=0 without expires: delete_cookie() would stamp the current time into the header
    response.set_cookie("session", "", max_age=0)
    return response


@app.get("/whoami")
def whoami(
    user_agent: Annotated[Optional[str], Header()] = None,
    session: Annotated[Optional[str], Cookie()] = None,
    x_forwarded_for: Annotated[Optional[str], Header()] = None,
):
    return {"user_agent": user_agent, "session": session, "forwarded_for": x_forwarded_for}


@app.get("/go")
def go(to: str = "/"):
    return RedirectResponse(url=to)


@app.get("/go-permanent", response_class=RedirectResponse, status_code=301)
def go_permanent():
    return "/rooms/general/messages"


@app.get("/status/{code}")
def set_status(code: int, response: Response):
    response.status_code = code
    response.headers["X-Requested-Status"] = str(code)
    return {"requested": code}
