"""Records Starlette's response objects for runtime/pyval's respobj tests.

Run from the repository root with the reference stack importable:

    PYTHONPATH=/work/refstack python3 runtime/pyval/testdata/record_responses.py

Each case builds a response (Starlette 0.47.3) from JSON-expressible arguments, optionally
applies header and cookie operations, and records status, raw headers and body, or the
exception class raised. The output, responses.json, is what CI compares against.
"""
import base64
import json
import pathlib

from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response

CLASSES = {c.__name__: c for c in (Response, JSONResponse, HTMLResponse, PlainTextResponse, RedirectResponse)}

CASES = [
    {"class": "JSONResponse", "args": [{"b": 1, "a": "é", "n": None, "l": [1.5, True]}]},
    {"class": "JSONResponse", "args": [{"detail": "not logged in"}], "kwargs": {"status_code": 401, "headers": {"WWW-Authenticate": "Cookie"}}},
    {"class": "JSONResponse", "kwargs": {"content": [1, 2], "media_type": "application/vnd.x+json"}},
    {"class": "JSONResponse", "kwargs": {"content": "x", "headers": {"Content-Type": "text/x", "Content-Length": "9"}}},
    {"class": "JSONResponse", "args": [None], "kwargs": {"status_code": 204}},
    {"class": "JSONResponse", "args": [{"k": "\u2603 \U0001F600"}], "kwargs": {"status_code": 304}},
    {"class": "JSONResponse", "args": [{"f": 1e300, "g": 0.1}]},
    {"class": "PlainTextResponse", "args": ["no link x"], "kwargs": {"status_code": 404}},
    {"class": "PlainTextResponse", "args": ["café"], "kwargs": {"media_type": "text/plain; charset=latin-1"}},
    {"class": "HTMLResponse", "kwargs": {"content": "<p>direct</p>", "status_code": 200, "headers": {"X-Frame-Options": "DENY"}}},
    {"class": "HTMLResponse", "args": [None]},
    {"class": "Response", "kwargs": {"content": "untyped"}},
    {"class": "Response", "kwargs": {"status_code": 204}},
    {"class": "Response", "kwargs": {"content": "<a/>", "media_type": "application/xml", "headers": {"Cache-Control": "no-store"}}},
    {"class": "Response", "kwargs": {"content": "x", "media_type": "text/csv"}},
    {"class": "Response", "kwargs": {"content": 5}},
    {"class": "RedirectResponse", "args": ["/l/docs"], "kwargs": {"status_code": 301}},
    {"class": "RedirectResponse", "args": ["https://example.com/new home?x=1&y=é"]},
    {"class": "RedirectResponse", "kwargs": {"url": "/a", "status_code": 303, "headers": {"Cache-Control": "no-store", "Location": "/old"}}},
    {"class": "JSONResponse", "args": [{"ok": True}], "ops": [
        ["set_cookie", ["fakesession", "fake-cookie-session-value"], {}],
        ["append", ["X-Trace", "a"]], ["append", ["X-Trace", "b"]]]},
    {"class": "JSONResponse", "args": [{}], "ops": [
        ["set_cookie", ["session", "user-ann"], {"max_age": 3600, "httponly": True, "samesite": "strict"}],
        ["set_cookie", ["theme", "dark"], {"path": "/links"}],
        ["set_cookie", ["legacy", "v w;x"], {"domain": "example.com", "samesite": None, "secure": True, "path": None}],
        ["set_cookie", ["e", "1"], {"expires": "Wed, 01 Jan 2031 00:00:00 GMT", "max_age": "60"}],
        ["setitem", ["X-Existing", "true"]], ["setitem", ["x-existing", "false"]], ["status", 202]]},
    {"class": "JSONResponse", "args": [{}], "ops": [["set_cookie", ["bad key", "v"], {}]]},
    {"class": "JSONResponse", "args": [{}], "ops": [["set_cookie", ["path", "v"], {}]]},
    {"class": "JSONResponse", "args": [{}], "ops": [["set_cookie", ["k", "v"], {"samesite": "sometimes"}]]},
    {"class": "JSONResponse", "args": [{}], "ops": [["setitem", ["X-Snow", "\u2603"]]]},
]


def run(case):
    cls = CLASSES[case["class"]]
    try:
        r = cls(*case.get("args", []), **case.get("kwargs", {}))
        for op in case.get("ops", []):
            if op[0] == "set_cookie":
                r.set_cookie(*op[1], **op[2])
            elif op[0] == "append":
                r.headers.append(*op[1])
            elif op[0] == "setitem":
                r.headers[op[1][0]] = op[1][1]
            elif op[0] == "status":
                r.status_code = op[1]
    except Exception as e:  # the class is what the test compares
        return {"error": type(e).__name__}
    return {
        "status": r.status_code,
        "headers": [[k.decode("latin-1"), v.decode("latin-1")] for k, v in r.raw_headers],
        "body": base64.b64encode(r.body).decode(),
    }


out = [dict(case, want=run(case)) for case in CASES]
path = pathlib.Path(__file__).with_name("responses.json")
path.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
