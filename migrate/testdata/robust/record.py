#!/usr/bin/env python3
"""Record what the real FastAPI answers to the adversarial requests of migrate/robust_test.go.

usage: PYTHONPATH=/work/refstack python3 migrate/testdata/robust/record.py

Builds every request body below, sends it to app/main.py through Starlette's TestClient
(raise_server_exceptions=False, so a 500 is recorded as the client would see it) and writes
cases.json next to this file. CI has no FastAPI: robust_test.go only reads cases.json.

A body is stored as segments, each {"b64": BYTES, "repeat": N}, concatenated: a 10 MB body
or 10,000 levels of nesting take a few bytes, and the Go test rebuilds the exact bytes
(checked against "sha256"). "limit_body" records what FastAPI answers when an endpoint raises
HTTPException(413), the answer the generated service gives to a body over --limit-body.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
APP_DIR = HERE / "app"

VALID = {"name": "frame", "revision": 3, "parts": [{"sku": "AB-123", "qty": 2}]}
FULL = {
    "name": "gearbox",
    "revision": 12,
    "ratio": 2.5,
    "active": False,
    "owner": {"name": "Ada", "email": "ada@example.org"},
    "parts": [
        {"sku": "GX-001", "qty": 4, "color": "blue", "grade": 2,
         "tags": [{"label": "steel", "weight": 3}, {"label": "hot"}], "note": "spare"},
        {"sku": "GX-002", "qty": 500, "color": "green", "grade": None, "tags": [], "note": None},
    ],
}


def seg(data: bytes | str, repeat: int = 1) -> dict:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return {"b64": base64.b64encode(data).decode("ascii"), "repeat": repeat}


def js(value) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def body_of(parts: list[dict]) -> bytes:
    return b"".join(base64.b64decode(p["b64"]) * p["repeat"] for p in parts)


def valid_with(**changes) -> dict:
    v = json.loads(json.dumps(VALID))
    v.update(changes)
    return v


def part_with(**changes) -> dict:
    v = dict(VALID["parts"][0])
    v.update(changes)
    return v


MB = 1 << 20
PREFIX = b'{"name":"frame","revision":3,"parts":[{"sku":"AB-123","qty":2}],"padding":"'

# (name, segments, content-type) for POST /assemblies.  "fuzz_seed": small enough to seed the
# fuzz corpus.
CASES = [
    # valid bodies
    ("valid_min", [seg(js(VALID))]),
    ("valid_full", [seg(js(FULL))]),
    ("valid_pretty", [seg(json.dumps(FULL, indent=4))]),
    # the errors users make
    ("missing_all", [seg(b"{}")]),
    ("wrong_types", [seg(js({"name": 1, "revision": "x", "ratio": "y", "active": "maybe", "owner": [], "parts": {}}))]),
    ("constraints", [seg(js({"name": "", "revision": -1, "ratio": 0, "owner": {"name": "", "email": "nope"},
                             "parts": [part_with(sku="ab-1", qty=0, color="pink", grade=3,
                                                 tags=[{"label": ""}] * 6, note="n" * 41)]}))]),
    ("parts_empty", [seg(js(valid_with(parts=[])))]),
    ("parts_too_many", [seg(js(valid_with(parts=[part_with()] * 21)))]),
    ("nulls", [seg(js({"name": None, "revision": None, "parts": [None, {"sku": None, "qty": None}]}))]),
    ("extra_fields", [seg(js(valid_with(extra=1, parts=[part_with(more=[1, 2])])))]),
    ("lax_coercions", [seg(js(valid_with(revision="7", ratio="1.5", active="yes", parts=[part_with(qty=3.0, grade="2")])))]),
    ("int_from_float", [seg(js(valid_with(revision=1.5)))]),
    # not a JSON object
    ("empty", [seg(b"")]),
    ("whitespace", [seg(b" \n\t ")]),
    ("null", [seg(b"null")]),
    ("array", [seg(b"[1,2]")]),
    ("string", [seg(b'"x"')]),
    ("truncated", [seg(js(VALID)[:-3])]),
    ("trailing_garbage", [seg(js(VALID) + b" x")]),
    ("two_values", [seg(js(VALID) + js(VALID))]),
    ("single_quotes", [seg(b"{'name': 'x'}")]),
    ("trailing_comma", [seg(b'{"name":"x",}')]),
    ("control_char_in_string", [seg(b'{"name":"a\x01b","revision":1,"parts":[]}')]),
    # deep nesting
    ("deep_array_10k", [seg(b"[", 10000), seg(b"]", 10000)]),
    ("deep_object_10k", [seg(b'{"a":', 10000), seg(b"1"), seg(b"}", 10000)]),
    ("deep_in_field_10k", [seg(b'{"name":"x","revision":1,"parts":'), seg(b"[", 10000), seg(b"]", 10000), seg(b"}")]),
    ("deep_in_field_100", [seg(b'{"name":"x","revision":1,"parts":'), seg(b"[", 100), seg(b"]", 100), seg(b"}")]),
    ("deep_unclosed_10k", [seg(b"[", 10000)]),
    # numbers
    ("huge_int", [seg(b'{"name":"x","revision":123456789012345678901234567890,"parts":[{"sku":"AB-123","qty":2}]}')]),
    ("huge_int_4300_digits", [seg(b'{"name":"x","revision":'), seg(b"9", 4300), seg(b',"parts":[{"sku":"AB-123","qty":2}]}')]),
    ("huge_int_4301_digits", [seg(b'{"name":"x","revision":'), seg(b"9", 4301), seg(b',"parts":[{"sku":"AB-123","qty":2}]}')]),
    ("huge_float_exp", [seg(b'{"name":"x","revision":1e400,"ratio":1e400,"parts":[{"sku":"AB-123","qty":2}]}')]),
    ("tiny_float", [seg(b'{"name":"x","revision":1,"ratio":1e-400,"parts":[{"sku":"AB-123","qty":2}]}')]),
    ("float_many_digits", [seg(b'{"name":"x","revision":1,"ratio":1.'), seg(b"0", 5000), seg(b'1,"parts":[{"sku":"AB-123","qty":2}]}')]),
    ("negative_zero", [seg(b'{"name":"x","revision":-0,"ratio":-0.0,"parts":[{"sku":"AB-123","qty":2}]}')]),
    ("leading_zero", [seg(b'{"name":"x","revision":01,"parts":[]}')]),
    ("nan_ratio", [seg(b'{"name":"x","revision":1,"ratio":NaN,"parts":[{"sku":"AB-123","qty":2}]}')]),
    ("infinity_ratio", [seg(b'{"name":"x","revision":1,"ratio":Infinity,"parts":[{"sku":"AB-123","qty":2}]}')]),
    ("neg_infinity_revision", [seg(b'{"name":"x","revision":-Infinity,"parts":[{"sku":"AB-123","qty":2}]}')]),
    ("nan_in_string_field", [seg(b'{"name":NaN,"revision":NaN,"parts":[{"sku":"AB-123","qty":NaN}]}')]),
    ("nan_extra_field", [seg(b'{"name":"x","revision":1,"parts":[{"sku":"AB-123","qty":2}],"z":NaN}')]),
    # text encodings
    ("invalid_utf8_in_string", [seg(b'{"name":"a\xffb","revision":1,"parts":[{"sku":"AB-123","qty":2}]}')]),
    ("invalid_utf8_overlong", [seg(b'{"name":"\xc0\xaf","revision":1,"parts":[{"sku":"AB-123","qty":2}]}')]),
    ("invalid_utf8_truncated", [seg(b'{"name":"\xe2\x82","revision":1,"parts":[{"sku":"AB-123","qty":2}]}')]),
    ("invalid_utf8_outside_string", [seg(b'{"name":"x",\xff"revision":1,"parts":[]}')]),
    ("utf8_encoded_surrogate", [seg(b'{"name":"\xed\xa0\x80","revision":1,"parts":[{"sku":"AB-123","qty":2}]}')]),
    ("lone_high_surrogate", [seg(b'{"name":"\\ud800","revision":1,"parts":[{"sku":"AB-123","qty":2}]}')]),
    ("lone_low_surrogate", [seg(b'{"name":"a\\udc00b","revision":1,"parts":[{"sku":"AB-123","qty":2}]}')]),
    ("surrogate_pair", [seg(b'{"name":"\\ud83d\\ude00","revision":1,"parts":[{"sku":"AB-123","qty":2}]}')]),
    ("reversed_surrogate_pair", [seg(b'{"name":"\\ude00\\ud83d","revision":1,"parts":[{"sku":"AB-123","qty":2}]}')]),
    ("lone_surrogate_invalid_too", [seg(b'{"name":"\\ud800","revision":"x","parts":[{"sku":"AB-123","qty":2}]}')]),
    ("lone_surrogate_in_key", [seg(b'{"\\ud800":1,"name":"x","revision":1,"parts":[{"sku":"AB-123","qty":2}]}')]),
    ("bad_escape", [seg(b'{"name":"\\x41","revision":1,"parts":[]}')]),
    ("short_unicode_escape", [seg(b'{"name":"\\u12","revision":1,"parts":[]}')]),
    ("nul_escape", [seg(b'{"name":"a\\u0000b","revision":1,"parts":[{"sku":"AB-123","qty":2}]}')]),
    ("non_ascii", [seg(js(valid_with(name="Grüße 🚀", owner={"name": "Zoë"})))]),
    ("bom_utf8", [seg(b"\xef\xbb\xbf" + js(VALID))]),
    ("bom_utf8_invalid", [seg(b"\xef\xbb\xbf" + js(valid_with(revision="x")))]),
    ("utf16_le", [seg(js(VALID).decode().encode("utf-16-le"))]),
    ("utf16_with_bom", [seg(js(VALID).decode().encode("utf-16"))]),
    ("utf16_be_lone_surrogate", [seg('"\ud830"'.encode("utf-16-be", "surrogatepass"))]),
    ("utf16_nan", [seg('{"name":NaN}'.encode("utf-16-le"))]),
    ("utf32_lone_surrogate", [seg('"\ud800"'.encode("utf-32", "surrogatepass"))]),
    ("utf32_be_valid", [seg(js(VALID).decode().encode("utf-32-be"))]),
    ("utf16_odd_length", [seg(js(VALID).decode().encode("utf-16-le") + b"}")]),
    # duplicate keys
    ("duplicate_keys", [seg(b'{"name":"first","name":"second","revision":1,"parts":[{"sku":"AB-123","qty":2}]}')]),
    ("duplicate_keys_invalid_first", [seg(b'{"revision":"x","name":"y","revision":5,"parts":[{"sku":"AB-123","qty":2,"qty":0}]}')]),
    ("duplicate_parts", [seg(b'{"name":"x","revision":1,"parts":[],"parts":[{"sku":"AB-123","qty":2}]}')]),
    # 10 MB: answered normally under the default limit (16 MiB), 413 under --limit-body 1048576
    ("body_10mb", [seg(PREFIX), seg(b"x", 10 * MB), seg(b'"}')]),
]

SEED_MAX = 4096


def main() -> int:
    sys.path.insert(0, str(APP_DIR))
    os.chdir(APP_DIR)
    from fastapi import FastAPI, HTTPException
    from fastapi.testclient import TestClient
    import main as app_module  # the app under test

    client = TestClient(app_module.app, raise_server_exceptions=False)
    out_cases = []
    for name, parts in CASES:
        body = body_of(parts)
        r = client.post("/assemblies", content=body, headers={"content-type": "application/json"})
        out_cases.append({
            "name": name,
            "method": "POST",
            "path": "/assemblies",
            "content_type": "application/json",
            "body": parts,
            "size": len(body),
            "sha256": hashlib.sha256(body).hexdigest(),
            "fuzz_seed": len(body) <= SEED_MAX,
            "status": r.status_code,
            "response_content_type": r.headers.get("content-type", ""),
            "response_b64": base64.b64encode(r.content).decode("ascii"),
        })
        print(f"{name}: {r.status_code} {r.content[:100]!r}", file=sys.stderr)

    # The answer to a body over the limit: FastAPI's own for HTTPException(413).
    probe = FastAPI()

    @probe.post("/limited")
    async def limited():
        raise HTTPException(status_code=413)

    r = TestClient(probe).post("/limited", content=b"{}")
    limit = {"status": r.status_code, "response_content_type": r.headers.get("content-type", ""),
             "response_b64": base64.b64encode(r.content).decode("ascii")}
    doc = {
        "_doc": "Written by record.py (FastAPI's answers to POST /assemblies of app/main.py); do not edit.",
        "limit_body": limit,
        "cases": out_cases,
    }
    (HERE / "cases.json").write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
