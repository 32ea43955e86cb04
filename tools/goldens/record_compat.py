#!/usr/bin/env python3
"""Record the golden of the bridge's fastapi/starlette stand-ins from the real stack.

usage: PYTHONPATH=/path/to/refstack python3 tools/goldens/record_compat.py

Runs the case table runtime/bridge/testdata/compat/cases.py under the real FastAPI and
Starlette (in a subprocess with PYTHONHASHSEED=0 and TZ=UTC, as compat_test.go runs the
same table against covetgen_compat.py) and writes runtime/bridge/testdata/compat/golden.json;
then records route_table.json from route_table.py (see record_route_table),
opaque_golden.json from opaque_cases.py (see record_opaque) and stream_golden.json from
stream_cases.py (see record_stream).
Re-record and commit the golden whenever cases.py changes. Running it twice gives
byte-identical files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
COMPAT = REPO / "runtime" / "bridge" / "testdata" / "compat"


def main() -> int:
    env = dict(os.environ, PYTHONHASHSEED="0", TZ="UTC")
    proc = subprocess.run([sys.executable, str(COMPAT / "cases.py"), "real"], cwd=COMPAT, env=env,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        print("record_compat: cases.py failed (is the reference stack on PYTHONPATH?)", file=sys.stderr)
        return 1
    data = json.loads(proc.stdout)
    if data.get("stack") != "real":
        print("record_compat: not recorded from the real stack", file=sys.stderr)
        return 1
    out = COMPAT / "golden.json"
    out.write_text(json.dumps(data, ensure_ascii=True, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    v = data["versions"]
    print("%s: %d cases (fastapi %s, starlette %s, pydantic %s, python %s)" % (
        out.relative_to(REPO), len(data["cases"]), v["fastapi"], v["starlette"], v["pydantic"], v["python"]))
    if record_route_table(env) != 0:
        return 1
    if record_opaque(env) != 0:
        return 1
    return record_stream(env)


def record_route_table(env: dict[str, str]) -> int:
    """Records route_table.json: the route table (routes, their dependency trees) worker.py
    finds route targets in, for every app of the corpus, from the real stack; the stand-ins
    must give the same (compat_routes_test.go)."""
    apps = sorted(str(p.parent) for p in (REPO / "testdata" / "fastapi_apps").glob("*/meta.json"))
    bridge = REPO / "runtime" / "bridge"
    proc = subprocess.run([sys.executable, str(COMPAT / "route_table.py"), "real", str(bridge), *apps],
                          cwd=COMPAT, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        print("record_compat: route_table.py failed", file=sys.stderr)
        return 1
    data = json.loads(proc.stdout)
    out = COMPAT / "route_table.json"
    out.write_text(json.dumps(data, ensure_ascii=True, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    print("%s: %d apps" % (out.relative_to(REPO), len(data["apps"])))
    return 0


def record_opaque(env: dict[str, str]) -> int:
    """Records opaque_golden.json: FastAPI's validation of body parameters and
    serialization of response models of the types covetgen leaves to pydantic in the
    bridge worker (opaque_cases.py); worker.py must give the same (opaque_compat_test.go)."""
    proc = subprocess.run([sys.executable, str(COMPAT / "opaque_cases.py"), "real"], cwd=COMPAT, env=env,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        print("record_compat: opaque_cases.py failed", file=sys.stderr)
        return 1
    data = json.loads(proc.stdout)
    out = COMPAT / "opaque_golden.json"
    out.write_text(json.dumps(data, ensure_ascii=True, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    print("%s: %d cases" % (out.relative_to(REPO), len(data["cases"])))
    return 0


def record_stream(env: dict[str, str]) -> int:
    """Records stream_golden.json: how FastAPI builds the responses of app-defined
    response classes and streams generator endpoints (stream_cases.py, whose "record"
    mode runs the real stack and writes the file); worker.py must give the same
    (stream_test.go TestStreamGolden)."""
    proc = subprocess.run([sys.executable, str(COMPAT / "stream_cases.py"), "record"], cwd=COMPAT, env=env,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        print("record_compat: stream_cases.py failed", file=sys.stderr)
        return 1
    data = json.loads((COMPAT / "stream_golden.json").read_text(encoding="utf-8"))
    print("%s: %d cases" % ((COMPAT / "stream_golden.json").relative_to(REPO), len(data["cases"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
