"""Records what the real FastAPI answers for the routes of v2.py, and what the app's
generators, endpoints and tasks did (v2.EVENTS), into golden.json, which the Go tests of
runtime/bridge sessions compare with. Run with the reference stack:

    cd runtime/bridge/testdata/v2 && PYTHONPATH=/work/refstack python3 record.py
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import fastapi  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

import v2  # noqa: E402

# The file FileResponse sends: fixed content and mtime, so that its headers are stable.
FILE_CONTENT = b"line 1\nline 2\n"
FILE_MTIME = 1700000000.5


def make_file(path):
    with open(path, "wb") as f:
        f.write(FILE_CONTENT)
    os.utime(path, (FILE_MTIME, FILE_MTIME))


REQUESTS = [
    ("db", "GET", "/db?x=5", {}, None),
    ("order", "GET", "/order", {}, None),
    ("raise", "GET", "/raise", {}, None),
    ("convert", "GET", "/convert", {}, None),
    ("swallow", "GET", "/swallow", {}, None),
    ("failing-exit", "GET", "/failing-exit", {}, None),
    ("forbidden", "GET", "/forbidden", {}, None),
    ("json", "GET", "/json", {}, None),
    ("text", "GET", "/text", {}, None),
    ("html", "GET", "/html", {}, None),
    ("redirect", "GET", "/redirect", {}, None),
    ("async-stream", "GET", "/async-stream", {}, None),
    ("sync-stream", "GET", "/sync-stream", {}, None),
    ("file", "GET", "/file?path=FILE", {}, None),
    ("file-head", "HEAD", "/file?path=FILE", {}, None),
    ("file-range", "GET", "/file?path=FILE", {"Range": "bytes=2-5"}, None),
    ("file-ranges", "GET", "/file?path=FILE", {"Range": "bytes=0-1, 7-9, 8-10"}, None),
    ("file-if-range", "GET", "/file?path=FILE", {"Range": "bytes=2-5", "If-Range": '"other"'}, None),
    ("file-bad-range", "GET", "/file?path=FILE", {"Range": "items=1-2"}, None),
    ("file-416", "GET", "/file?path=FILE", {"Range": "bytes=100-"}, None),
    ("cookie", "GET", "/cookie", {}, None),
    ("tasks", "GET", "/tasks", {}, None),
    ("own-task", "GET", "/own-task", {}, None),
    ("req", "POST", "/req/7?q=a%20b&r=1", {"X-H": "hv", "Cookie": "c=cv"}, b"payload \xc3\xa9"),
    ("my", "GET", "/my", {}, None),
    ("teapot", "GET", "/teapot", {}, None),
    ("404", "GET", "/404", {}, None),
    ("400", "GET", "/400", {}, None),
    ("zero", "GET", "/zero", {}, None),
    ("my-dep", "GET", "/my-dep", {}, None),
    ("validate", "GET", "/validate?n=abc", {}, None),
    ("fn-scope", "GET", "/fn-scope", {}, None),
    ("fn-raise", "GET", "/fn-raise", {}, None),
    ("fn-swallow", "GET", "/fn-swallow", {}, None),
]


def unrandom(rec):
    """Replaces the random boundary of a multipart/byteranges answer by BOUNDARY."""
    for k, v in rec["headers"]:
        if k == "content-range" and "boundary=" in v:
            b = v.split("boundary=", 1)[1]
            rec["headers"] = [[k2, v2.replace(b, "BOUNDARY")] for k2, v2 in rec["headers"]]
            rec["body"] = rec["body"].replace(b, "BOUNDARY")
    return rec


def main():
    out = {"fastapi": fastapi.__version__, "file-meta": {"content": FILE_CONTENT.decode(), "mtime": FILE_MTIME}}
    path = os.path.abspath("golden-file.txt")
    make_file(path)
    try:
        client = TestClient(v2.app, raise_server_exceptions=False, client=("127.0.0.1", 50000),
                            follow_redirects=False)
        for name, method, url, headers, body in REQUESTS:
            v2.take_events()
            r = client.request(method, url.replace("FILE", path), headers=headers, content=body)
            out[name] = unrandom({
                "status": r.status_code,
                "headers": [[k.decode("latin-1"), v.decode("latin-1")] for k, v in r.headers.raw],
                "body": r.content.decode("utf-8"),
                "events": v2.take_events(),
            })
    finally:
        os.remove(path)
    with open("golden.json", "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
