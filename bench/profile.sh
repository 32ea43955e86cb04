#!/usr/bin/env bash
# In-process comparison and CPU profile of the generated service against the hand-written one
# (no network, no FastAPI): migrates bench/app, adds a ServeHTTP benchmark of the timed requests
# of bench/cases.json to the generated module, runs it next to bench/handwritten's
# BenchmarkHandlers, prints ns/op and allocs of both with the ratio, then the top of a CPU
# profile of the generated service per endpoint.
#
#   bash bench/profile.sh                 # every timed endpoint
#   bash bench/profile.sh 'catalog|primes' # a regexp over the case names
#
# Tunables (env): PROFILE_BENCHTIME=1s PROFILE_TOP=30 PROFILE_OUT (kept profiles; default a temp dir)
# COVETGEN=/path/to/covetgen (else built from ./cmd/covetgen).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
filter=${1:-.}
benchtime=${PROFILE_BENCHTIME:-1s}
top=${PROFILE_TOP:-30}
work=$(mktemp -d /tmp/covetgen-profile.XXXXXX)
out=${PROFILE_OUT:-$work}
mkdir -p "$out"

covetgen=${COVETGEN:-$work/covetgen}
[[ -n ${COVETGEN:-} ]] || go build -o "$covetgen" ./cmd/covetgen
"$covetgen" migrate bench/app -o "$work/gen" >"$work/migrate.log" 2>&1 ||
  { echo "covetgen migrate bench/app refused:"; cat "$work/migrate.log"; exit 1; }
cd "$work/gen"
if grep -q 'github.com/covetpy/covetgen ' go.mod && ! grep -q '^replace.*github.com/covetpy/covetgen' go.mod; then
  go mod edit -replace "github.com/covetpy/covetgen=$root"
fi
# The benchmark uses the generated package's newApp(server.Config) (*router.Router, error).
grep -q '^func newApp(cfg server.Config)' ./*.go ||
  { echo "the generated module has no newApp(server.Config): update bench/profile.sh"; exit 1; }
cat >inproc_profile_test.go <<EOF
package main

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/runtime/server"
)

// BenchmarkServe is bench/handwritten's BenchmarkHandlers for the generated service.
func BenchmarkServe(b *testing.B) {
	var cases struct {
		Cases []struct {
			Name, Method, Path, Body string
			Timed                    bool
			Headers                  map[string]string
		}
	}
	raw, err := os.ReadFile("$root/bench/cases.json")
	if err != nil {
		b.Fatal(err)
	}
	if err := json.Unmarshal(raw, &cases); err != nil {
		b.Fatal(err)
	}
	cfg := server.Default()
	cfg.AccessLog = false
	h, err := newApp(cfg)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range cases.Cases {
		if !c.Timed {
			continue
		}
		b.Run(c.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest(c.Method, c.Path, strings.NewReader(c.Body))
				for k, v := range c.Headers {
					req.Header.Set(k, v)
				}
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code >= 500 {
					b.Fatalf("status %d", rec.Code)
				}
			}
		})
	}
}
EOF
GOFLAGS=-mod=mod go test -c -o "$work/gen.test" . >"$work/build.log" 2>&1 ||
  { echo "the generated module's benchmark does not build:"; cat "$work/build.log"; exit 1; }
"$work/gen.test" -test.run '^$' -test.bench "Serve/($filter)\$" -test.benchtime "$benchtime" | tee "$work/gen.txt" | grep '^Benchmark' || true
cd "$root"
go test ./bench/handwritten -run '^$' -bench "Handlers/($filter)\$" -benchtime "$benchtime" | tee "$work/hand.txt" | grep '^Benchmark' || true

python3 - "$work/gen.txt" "$work/hand.txt" <<'EOF'
import re, sys
def load(path):
    out = {}
    for line in open(path):
        m = re.match(r"Benchmark\w+/(\S+?)(-\d+)?\s+\d+\s+([\d.]+) ns/op(?:\s+(\d+) B/op\s+(\d+) allocs/op)?", line)
        if m:
            out[m.group(1)] = (float(m.group(3)), m.group(5))
    return out
gen, hand = load(sys.argv[1]), load(sys.argv[2])
print("\n| endpoint | generated µs/req | allocs | hand-written µs/req | allocs | generated ÷ hand-written |")
print("|---|---:|---:|---:|---:|---:|")
for name, (g, ga) in gen.items():
    h, ha = hand.get(name, (None, None))
    ratio = f"{g / h:.2f}" if h else "n/a"
    hs = f"{h / 1000:.1f}" if h else "n/a"
    print(f"| {name} | {g / 1000:.1f} | {ga} | {hs} | {ha} | {ratio} |")
EOF

cd "$work/gen"
for name in $(grep -o '^BenchmarkServe/[A-Za-z0-9_]*' "$work/gen.txt" | cut -d/ -f2); do
  "$work/gen.test" -test.run '^$' -test.bench "Serve/$name\$" -test.benchtime "$benchtime" \
    -test.cpuprofile "$out/$name.prof" >/dev/null
  echo
  echo "## generated, $name: top $top by cumulative CPU ($out/$name.prof)"
  go tool pprof -top -cum -nodecount="$top" "$work/gen.test" "$out/$name.prof" 2>/dev/null |
    sed -n '/flat%/,$p'
done
