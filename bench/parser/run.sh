#!/usr/bin/env bash
# Parser speed, side by side in one run: CPython 3.13's own parser and ours over the same files
# (python3.13's standard library, the files CPython accepts). Prints both MB/s and the ratio.
#   bash bench/parser/run.sh            # pinned to one core each when taskset is available
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(PYENV_VERSION=3.13.0 python3 -c "import sysconfig; print(sysconfig.get_path('stdlib'))")
pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
py=$(PYENV_VERSION=3.13.0 $pin python3 bench/parser/cpython_parse.py "$root" --reps 3)
echo "$py"
go test -c -o /tmp/covetgen-parser.test ./parser
gobench=$(cd parser && $pin /tmp/covetgen-parser.test -test.run='^$' -test.bench='^BenchmarkParseStdlib$' -test.benchmem -test.count=3 -test.cpu=1 -corpus="$root")
echo "$gobench"
python3 - "$py" "$gobench" <<'PY'
import re, sys
cp = float(re.search(r"MB/s=([\d.]+)", sys.argv[1]).group(1))
ours = [float(m) for m in re.findall(r"([\d.]+) MB/s", sys.argv[2])]
best = max(ours)
print(f"covetgen parser: {best:.2f} MB/s, CPython 3.13: {cp:.2f} MB/s, ratio {best / cp:.2f}x")
PY
