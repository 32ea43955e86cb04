#!/usr/bin/env python3
"""Record FastAPI goldens for the test-app corpus.

usage: PYTHONPATH=/path/to/refstack python3 tools/goldens/record.py [APP_DIR ...]

With no arguments every folder under testdata/fastapi_apps/ is recorded.  Each app is
recorded in a fresh subprocess (cwd = the app folder, the app folder first on sys.path,
PYTHONHASHSEED=0, TZ=UTC) so apps cannot leak state into each other.  See README.md
next to this file for the file formats.
"""

from __future__ import annotations

import base64
import gzip
import importlib
import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CORPUS = REPO / "testdata" / "fastapi_apps"

# Fixed so that multipart bodies are byte-identical from run to run.
BOUNDARY = "covetgen-golden-boundary-7d1f3a"
# Fixed so that the request headers do not depend on which optional decoders
# (brotli, zstandard) happen to be installed next to httpx.
CLIENT_HEADERS = {"accept-encoding": "gzip, deflate"}


# ---------------------------------------------------------------------------
# parent: one subprocess per app


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        return record_one(Path(argv[1]))
    if argv:
        apps = [Path(a).resolve() for a in argv]
    else:
        apps = sorted(p for p in CORPUS.iterdir() if (p / "meta.json").is_file())
    if not apps:
        print("no apps found", file=sys.stderr)
        return 1
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["TZ"] = "UTC"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    failed = []
    for app_dir in apps:
        if not (app_dir / "meta.json").is_file():
            print(f"{app_dir}: no meta.json", file=sys.stderr)
            failed.append(app_dir.name)
            continue
        # meta.json "env": variables the app reads at start (os.environ), set for its process only.
        app_env = dict(env)
        app_env.update(json.loads((app_dir / "meta.json").read_text()).get("env", {}))
        proc = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--one", str(app_dir)],
            cwd=app_dir,
            env=app_env,
        )
        if proc.returncode != 0:
            print(f"{app_dir.name}: FAILED (exit {proc.returncode})", file=sys.stderr)
            failed.append(app_dir.name)
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


# ---------------------------------------------------------------------------
# child: record a single app


def load_app(app_dir: Path, spec: str):
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise SystemExit(f"{app_dir.name}: bad app spec {spec!r} (want module:attr)")
    sys.path.insert(0, str(app_dir))
    module = importlib.import_module(module_name)
    obj = module
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj


def dump_json(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def _reject_constant(name):
    raise ValueError(f"non-standard JSON constant {name}")


def is_json_type(content_type: str) -> bool:
    main = content_type.split(";", 1)[0].strip().lower()
    if "/" not in main:
        return False
    kind, sub = main.split("/", 1)
    return kind == "application" and (sub == "json" or sub.endswith("+json"))


def file_tuple(spec: dict):
    if "content_b64" in spec:
        content = base64.b64decode(spec["content_b64"])
    else:
        content = spec.get("content", "").encode("utf-8")
    # An explicit content type keeps httpx from guessing one from the
    # machine's mimetypes database.
    return (spec.get("filename", "upload"), content,
            spec.get("content_type", "application/octet-stream"))


def form_value(v):
    if isinstance(v, list):
        return [form_value(x) for x in v]
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return ""
    return str(v)


def build_request(client, spec: dict):
    name = spec.get("name", "?")
    headers = [(str(k), str(v)) for k, v in spec.get("headers", [])]
    has_ct = any(k.lower() == "content-type" for k, _ in headers)
    body_keys = [k for k in ("json", "body", "body_b64", "form", "files") if k in spec]
    if len(body_keys) > 1 and set(body_keys) != {"form", "files"}:
        raise SystemExit(f"request {name}: more than one body kind: {body_keys}")
    kwargs: dict = {}
    if "json" in spec:
        kwargs["content"] = json.dumps(
            spec["json"], separators=(",", ":"), ensure_ascii=False
        ).encode("utf-8")
        if not has_ct:
            headers.append(("content-type", "application/json"))
    elif "body" in spec:
        kwargs["content"] = spec["body"].encode("utf-8")
    elif "body_b64" in spec:
        kwargs["content"] = base64.b64decode(spec["body_b64"])
    elif "files" in spec:
        files = []
        for field, value in spec["files"].items():
            for item in value if isinstance(value, list) else [value]:
                files.append((field, file_tuple(item)))
        kwargs["files"] = files
        if "form" in spec:
            kwargs["data"] = {k: form_value(v) for k, v in spec["form"].items()}
        if not has_ct:
            headers.append(("content-type", f"multipart/form-data; boundary={BOUNDARY}"))
    elif "form" in spec:
        kwargs["data"] = {k: form_value(v) for k, v in spec["form"].items()}
    request = client.build_request(spec["method"], spec["path"], headers=headers, **kwargs)
    request.read()
    return request


def gzip_zero_mtime(raw: bytes) -> bytes:
    # Starlette's GZipMiddleware stamps the current time into the gzip header
    # (bytes 4..7); zero it so recordings are reproducible.
    if len(raw) >= 10 and raw[:2] == b"\x1f\x8b":
        return raw[:4] + b"\x00\x00\x00\x00" + raw[8:]
    return raw


def decode_content(raw: bytes, encoding: str) -> bytes:
    """The body as the client sees it after undoing content-encoding."""
    if encoding in ("", "identity"):
        return raw
    if encoding == "gzip":
        return gzip.decompress(raw)
    if encoding == "deflate":
        try:
            return zlib.decompress(raw)
        except zlib.error:
            return zlib.decompress(raw, -zlib.MAX_WBITS)
    return raw


def record_exchange(client, spec: dict) -> dict:
    client.cookies.clear()  # every request carries exactly the headers it lists
    request = build_request(client, spec)
    sent_body = request.content
    sent_headers = [[k.decode("latin-1").lower(), v.decode("latin-1")]
                    for k, v in request.headers.raw]
    response = client.send(request, stream=True, follow_redirects=False)
    try:
        raw = b"".join(response.iter_raw())
    finally:
        response.close()
    resp_headers = [[k.decode("latin-1").lower(), v.decode("latin-1")]
                    for k, v in response.headers.raw]
    resp_headers = [h for h in resp_headers if h[0] != "date"]
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if encoding == "gzip":
        raw = gzip_zero_mtime(raw)
    decoded = decode_content(raw, encoding)
    out_resp: dict = {"status": response.status_code, "headers": resp_headers}
    try:
        out_resp["body"] = decoded.decode("utf-8")
    except UnicodeDecodeError:
        pass
    out_resp["body_b64"] = base64.b64encode(raw).decode("ascii")
    if is_json_type(response.headers.get("content-type", "")):
        try:
            out_resp["json"] = json.loads(decoded.decode("utf-8"), parse_constant=_reject_constant)
        except ValueError:
            pass
    return {
        "name": spec["name"],
        "request": {
            "method": request.method,
            "path": request.url.raw_path.decode("ascii"),
            "headers": sent_headers,
            "body_b64": base64.b64encode(sent_body).decode("ascii"),
        },
        "response": out_resp,
    }


# ---------------------------------------------------------------------------
# websocket sessions: requests.json entries with a "websocket" key, recorded into
# golden/websockets.json (see README.md)

# What uvicorn 0.35 (its default websockets implementation, websockets 10.4) sends on the
# wire when the app closes the connection before accepting it: TestClient reports the close
# itself (WebSocketDisconnect), a client sees this response (checked against uvicorn).
UVICORN_CLOSE_BEFORE_ACCEPT = {
    "status": 403,
    "headers": [["content-length", "0"], ["content-type", "text/plain"], ["connection", "close"]],
    "body_b64": "",
}


def ws_message(message: dict) -> dict:
    """A message the app sent, as the golden keeps it."""
    if message["type"] == "websocket.close":
        return {"close": {"code": message.get("code", 1000), "reason": message.get("reason") or ""}}
    if message.get("bytes") is not None:
        return {"receive": {"bytes_b64": base64.b64encode(message["bytes"]).decode("ascii")}}
    return {"receive": {"text": message["text"]}}


def record_websocket(client, spec: dict) -> dict:
    """One websocket session: connect, then the steps (send_text, send_bytes_b64,
    send_json, receive N, close), then, unless the client closed, every message until
    the app closes."""
    from starlette.websockets import WebSocketDisconnect
    from starlette.testclient import WebSocketDenialResponse

    name = spec["name"]
    headers = [[str(k), str(v)] for k, v in spec.get("headers", [])]
    out: dict = {"name": name, "request": {"path": spec["websocket"], "headers": headers}}
    if spec.get("subprotocols"):
        out["request"]["subprotocols"] = list(spec["subprotocols"])
    client.cookies.clear()
    try:
        session = client.websocket_connect(spec["websocket"], headers=dict(headers),
                                           subprotocols=spec.get("subprotocols"))
        ws = session.__enter__()
    except WebSocketDisconnect as e:
        out["accepted"] = False
        out["close_before_accept"] = {"code": e.code, "reason": e.reason}
        out["http"] = UVICORN_CLOSE_BEFORE_ACCEPT
        return out
    except WebSocketDenialResponse as e:
        out["accepted"] = False
        out["http"] = {"status": e.status_code,
                       "headers": [[k.lower(), v] for k, v in e.headers.multi_items()],
                       "body_b64": base64.b64encode(e.content).decode("ascii")}
        return out
    out["accepted"] = True
    out["subprotocol"] = ws.accepted_subprotocol
    events = []
    closed = False
    try:
        for step in spec.get("steps", []):
            if "send_text" in step:
                ws.send_text(step["send_text"])
                events.append({"send": {"text": step["send_text"]}})
            elif "send_bytes_b64" in step:
                ws.send_bytes(base64.b64decode(step["send_bytes_b64"]))
                events.append({"send": {"bytes_b64": step["send_bytes_b64"]}})
            elif "send_json" in step:
                text = json.dumps(step["send_json"], separators=(",", ":"), ensure_ascii=False)
                ws.send_text(text)
                events.append({"send": {"text": text}})
            elif "receive" in step:
                for _ in range(step["receive"]):
                    events.append(ws_message(ws.receive()))
                    if "close" in events[-1]:
                        closed = True
                        break
            elif "close" in step:
                ws.close(step["close"], step.get("reason"))
                events.append({"client_close": {"code": step["close"], "reason": step.get("reason") or ""}})
                closed = True
            else:
                raise SystemExit(f"websocket {name}: unknown step {step}")
            if closed:
                break
        while not closed:
            events.append(ws_message(ws.receive()))
            closed = "close" in events[-1]
    finally:
        session.__exit__(None, None, None)
    out["events"] = events
    return out


# Files served from the app folder (StaticFiles, FileResponse) carry last-modified and an etag
# derived from their mtime, which git does not keep: recordings and replays pin every file of
# the app folder to this instant first (2024-01-01T00:00:00Z).
PINNED_MTIME = 1704067200


def pin_mtimes(app_dir: Path) -> None:
    for p in sorted(app_dir.rglob("*")):
        if p.is_file() and "golden" not in p.relative_to(app_dir).parts:
            os.utime(p, (PINNED_MTIME, PINNED_MTIME))


def record_one(app_dir: Path) -> int:
    app_dir = app_dir.resolve()
    meta = json.loads((app_dir / "meta.json").read_text(encoding="utf-8"))
    requests = json.loads((app_dir / "requests.json").read_text(encoding="utf-8"))
    names = [r["name"] for r in requests]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise SystemExit(f"{app_dir.name}: duplicate request names {dupes}")

    pin_mtimes(app_dir)
    app = load_app(app_dir, meta["app"])

    from starlette.testclient import TestClient

    golden = app_dir / "golden"
    golden.mkdir(exist_ok=True)
    doc = app.openapi()
    (golden / "openapi.json").write_text(dump_json(doc), encoding="utf-8")

    exchanges = []
    with TestClient(
        app,
        base_url="http://testserver",
        raise_server_exceptions=False,
        follow_redirects=False,
        headers=CLIENT_HEADERS,
    ) as client:
        sessions = []
        for spec in requests:
            if "websocket" in spec:
                sessions.append(record_websocket(client, spec))
            elif sessions:
                raise SystemExit(f"{app_dir.name}: request {spec['name']} after a websocket session "
                                 "(the sessions are replayed after every HTTP request)")
            else:
                exchanges.append(record_exchange(client, spec))
    (golden / "exchanges.json").write_text(dump_json(exchanges), encoding="utf-8")
    ws_golden = golden / "websockets.json"
    if sessions:
        ws_golden.write_text(dump_json(sessions), encoding="utf-8")
    elif ws_golden.exists():
        ws_golden.unlink()
    print(f"{app_dir.name}: {len(exchanges)} exchanges" + (f", {len(sessions)} websocket sessions" if sessions else ""), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
