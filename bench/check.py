#!/usr/bin/env python3
"""Correctness gate of the benchmark: the same requests to FastAPI and to another server must get
the same status, content-type and body bytes.

  python3 bench/check.py record http://127.0.0.1:8000 > bench/golden.json   # from the real FastAPI
  python3 bench/check.py compare http://127.0.0.1:8080 bench/golden.json    # exit 1 on a difference

The requests are bench/cases.json; bench/run.sh records FastAPI's answers afresh on every run.
"""
import http.client
import json
import os
import sys
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))


def load_cases(path=os.path.join(HERE, "cases.json")):
    with open(path) as f:
        return json.load(f)["cases"]


def fetch(base, case, timeout=10):
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    try:
        body = case.get("body")
        conn.request(case["method"], case["path"], body=body.encode() if body is not None else None,
                     headers=case.get("headers", {}))
        r = conn.getresponse()
        return {"status": r.status, "content_type": r.getheader("content-type"),
                "body": r.read().decode("utf-8", "replace")}
    finally:
        conn.close()


def record(base, cases):
    return {c["name"]: fetch(base, c) for c in cases}


def compare(base, golden, cases):
    """Returns {case name: None if equal, else a one-line description of the first difference}."""
    out = {}
    for c in cases:
        want = golden[c["name"]]
        try:
            got = fetch(base, c)
        except OSError as e:
            out[c["name"]] = f"request failed: {e}"
            continue
        diff = None
        for k in ("status", "content_type", "body"):
            if got[k] != want[k]:
                if k == "body":
                    a, b = want[k], got[k]
                    i = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
                    diff = f"body differs at byte {i}: FastAPI …{a[max(0, i - 30):i + 40]!r} vs …{b[max(0, i - 30):i + 40]!r}"
                else:
                    diff = f"{k}: FastAPI {want[k]!r} vs {got[k]!r}"
                break
        out[c["name"]] = diff
    return out


def main(argv):
    if len(argv) >= 2 and argv[0] == "record":
        json.dump(record(argv[1], load_cases()), sys.stdout, indent=1, ensure_ascii=False)
        print()
        return 0
    if len(argv) >= 3 and argv[0] == "compare":
        cases = load_cases()
        with open(argv[2]) as f:
            golden = json.load(f)
        bad = 0
        for c in cases:
            d = compare(argv[1], golden, [c])[c["name"]]
            print(f"{'ok  ' if d is None else 'DIFF'} {c['name']:20s} {'' if d is None else d}")
            bad += d is not None
        return 1 if bad else 0
    print(__doc__.strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
