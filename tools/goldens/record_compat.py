#!/usr/bin/env python3
"""Record the golden of the bridge's fastapi/starlette stand-ins from the real stack.

usage: PYTHONPATH=/path/to/refstack python3 tools/goldens/record_compat.py

Runs the case table runtime/bridge/testdata/compat/cases.py under the real FastAPI and
Starlette (in a subprocess with PYTHONHASHSEED=0 and TZ=UTC, as compat_test.go runs the
same table against covetgen_compat.py) and writes runtime/bridge/testdata/compat/golden.json.
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
