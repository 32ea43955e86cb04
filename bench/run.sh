#!/usr/bin/env bash
# The service benchmark (not part of CI): FastAPI+uvicorn (1 and 2 workers), the hand-written chi
# service, the service `covetgen migrate bench/app` generates, and the service `covetgen migrate
# --bridge-all bench/app` generates (every handler body in CPython through the bridge) with 1 and 2
# Python workers, on the endpoints of bench/app/main.py. Checks every server's answers against
# FastAPI's, runs the bridge's Go benchmark (BenchmarkSession*), then measures with wrk and vegeta,
# prints the tables and ratios, writes bench/results/latest.md and latest.svg.
#
#   bash bench/run.sh
#
# Needs: go, python3 with the reference stack on REFSTACK (default /work/refstack, made by
# shared/refstack/assemble, with uvloop and httptools linked in), wrk and taskset.
# Tunables (env): BENCH_DURATION=3 (s per wrk run) BENCH_ROUNDS=2 BENCH_WARMUP=1 BENCH_VEGETA_DURATION=3
#   BENCH_CONNECTIONS=64 BENCH_WRK_THREADS=1 BENCH_MODES="pinned unpinned" BENCH_VEGETA_MODES=pinned BENCH_VEGETA_MAX_RATE=10000
#   BENCH_PORT=18100 BENCH_SERVERS="fastapi-w1 fastapi-w2 handwritten generated bridged-w1 bridged-w2"
#   BENCH_ENDPOINTS="hello ..." BENCH_GO_BENCH=1 (0: skip the bridge's go test -bench)
#   BENCH_BRIDGE_PYTHONPATH (PYTHONPATH of the bridged service's workers; default REFSTACK, empty: none)
#   BENCH_OUT=bench/results  COVETGEN=/path/to/covetgen (else built from ./cmd/covetgen)  VEGETA=/path/to/vegeta (else built once from the Go module proxy into ~/.cache/covetgen-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
refstack=${REFSTACK:-/work/refstack}
vegeta_version=v12.12.0

die() { echo "bench: $*" >&2; exit 1; }
command -v wrk >/dev/null || die "wrk is missing (apt-get install wrk)"
command -v taskset >/dev/null || die "taskset is missing (apt-get install util-linux)"
PYTHONPATH=$refstack python3 -c 'import fastapi, uvicorn' 2>/dev/null ||
  die "no FastAPI on $refstack: run shared/refstack/assemble MIRROR $refstack"
PYTHONPATH=$refstack python3 -c 'import uvloop, httptools' 2>/dev/null ||
  die "uvloop/httptools missing: apt-get install python3-uvloop python3-httptools, then re-run assemble"

work=$(mktemp -d /tmp/covetgen-bench.XXXXXX)
echo "building in $work"
go build -o "$work/handwritten" ./bench/handwritten

# vegeta at an exact version: a throwaway module pins it (go install @version asks the proxy for
# the version list, which it may refuse).
vegeta=${VEGETA:-}
if [[ -z $vegeta ]]; then
  cache=${XDG_CACHE_HOME:-$HOME/.cache}/covetgen-bench
  vegeta=$cache/vegeta-$vegeta_version
  if [[ ! -x $vegeta ]]; then
    mkdir -p "$cache" "$work/vegeta"
    printf 'module vegetabuild\n\ngo 1.24\n\nrequire github.com/tsenart/vegeta/v12 %s\n' "$vegeta_version" >"$work/vegeta/go.mod"
    printf '//go:build tools\n\npackage tools\n\nimport _ "github.com/tsenart/vegeta/v12"\n' >"$work/vegeta/tools.go"
    (cd "$work/vegeta" && GOFLAGS=-mod=mod go build -o "$vegeta" github.com/tsenart/vegeta/v12)
  fi
fi
export VEGETA_VERSION=$vegeta_version

# The generated services: `covetgen migrate bench/app` (native handlers) and `covetgen migrate
# --bridge-all bench/app` (every handler body in CPython through runtime/bridge).
# build_service NAME OUTVAR [migrate flags...]: on success sets OUTVAR to (--NAME BINARY), else to
# (--NAME-status "n/a (why)") after printing why.
covetgen=${COVETGEN:-$work/covetgen}
covetgen_ok=1
if [[ -z ${COVETGEN:-} ]] && ! go build -o "$covetgen" ./cmd/covetgen 2>"$work/covetgen-build.log"; then
  echo "covetgen does not build:"; sed 's/^/  /' "$work/covetgen-build.log"
  covetgen_ok=
fi
build_service() {
  local name=$1 outvar=$2; shift 2
  local -n out=$outvar
  out=(--"$name"-status "n/a (refused)")
  if [[ -z $covetgen_ok ]]; then
    out=(--"$name"-status "n/a (covetgen did not build)"); return
  fi
  if ! "$covetgen" migrate "$@" bench/app -o "$work/$name-src" >"$work/$name-migrate.log" 2>&1; then
    echo "covetgen migrate $* bench/app refused:"; sed 's/^/  /' "$work/$name-migrate.log" | head -40; return
  fi
  out=(--"$name"-status "n/a (build failed)")
  if [[ ! -f $work/$name-src/go.mod ]]; then
    echo "covetgen migrate $* wrote no go.mod in $work/$name-src"; return
  fi
  if (
    cd "$work/$name-src"
    # build against this checkout's runtime/ (unless the module carries its own copy)
    if grep -q 'github.com/covetpy/covetgen ' go.mod && ! grep -q '^replace.*github.com/covetpy/covetgen' go.mod; then
      go mod edit -replace "github.com/covetpy/covetgen=$root"
    fi
    mains=$(GOFLAGS=-mod=mod go list -f '{{if eq .Name "main"}}{{.ImportPath}}{{end}}' ./... | grep . || true)
    [[ $(wc -w <<<"$mains") -eq 1 ]] || { echo "generated module: expected one main package, found: $mains"; exit 1; }
    GOFLAGS=-mod=mod go build -o "$work/$name" "$mains"
  ) >"$work/$name-build.log" 2>&1; then
    out=(--"$name" "$work/$name")
  else
    echo "the $name service does not build:"; sed 's/^/  /' "$work/$name-build.log" | head -40
  fi
}
servers=${BENCH_SERVERS:-fastapi-w1 fastapi-w2 handwritten generated bridged-w1 bridged-w2}
gen_args=(--generated-status "n/a (not run)")
[[ " $servers " == *" generated "* ]] && build_service generated gen_args
bridged_args=(--bridged-status "n/a (not run)")
if [[ " $servers " == *" bridged-w"* ]]; then
  build_service bridged bridged_args --bridge-all
  # The bridge's own per-call cost, without HTTP: a Pool.Call and a one-call Session of a trivial
  # function (runtime/bridge BenchmarkSession*), measured before the servers start.
  if [[ ${bridged_args[0]} == --bridged && ${BENCH_GO_BENCH:-1} == 1 ]]; then
    echo "go test ./runtime/bridge -run '^\$' -bench Session -benchtime 2s"
    if go test ./runtime/bridge -run '^$' -bench Session -benchtime 2s >"$work/gobench.txt" 2>&1; then
      grep '^Benchmark' "$work/gobench.txt"
      bridged_args+=(--go-bench "$work/gobench.txt")
    else
      echo "  failed:"; sed 's/^/  /' "$work/gobench.txt" | tail -20
    fi
  fi
fi

exec python3 bench/bench.py --refstack "$refstack" --handwritten "$work/handwritten" --vegeta "$vegeta" \
  --servers "$servers" --bridge-pythonpath "${BENCH_BRIDGE_PYTHONPATH-$refstack}" --endpoints "${BENCH_ENDPOINTS:-}" --out "${BENCH_OUT:-bench/results}" \
  "${gen_args[@]}" "${bridged_args[@]}"
