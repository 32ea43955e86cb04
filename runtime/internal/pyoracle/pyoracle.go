// Package pyoracle runs CPython (python3 with pydantic) as the test oracle
// of the runtime packages: one subprocess per call, cases batched as JSON
// lines on stdin, one JSON line back per case.
//
// Tests fail when python3 is missing, unless COVETGEN_SKIP_PYTHON=1, which
// skips them instead.
package pyoracle

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Prelude is prepended to every script: helpers shared by the oracles.
const Prelude = `
import sys, json, base64
def _main(handle):
    out = []
    for line in sys.stdin.buffer:
        line = line.strip()
        if not line:
            continue
        case = json.loads(line)
        try:
            res = handle(case)
        except BaseException as e:  # an oracle bug must show, not hang
            res = {"oracle_error": type(e).__name__ + ": " + str(e)[:200]}
        out.append(json.dumps(res, ensure_ascii=True))
    sys.stdout.write("\n".join(out) + "\n")
`

// Run feeds each case (marshalled with encoding/json) to script, which must
// define handle(case) -> JSON-able; Prelude's _main(handle) is called for
// it. It returns the raw JSON answer of each case, in order.
func Run(t testing.TB, script string, cases []any) []json.RawMessage {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		if os.Getenv("COVETGEN_SKIP_PYTHON") == "1" {
			t.Skip("python3 not found (COVETGEN_SKIP_PYTHON=1)")
		}
		t.Fatal("python3 is needed as the test oracle (set COVETGEN_SKIP_PYTHON=1 to skip)")
	}
	var in bytes.Buffer
	for _, c := range cases {
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("marshal case: %v", err)
		}
		in.Write(b)
		in.WriteByte('\n')
	}
	cmd := exec.Command("python3", "-c", Prelude+script+"\n_main(handle)\n")
	cmd.Stdin = &in
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("python3 oracle failed: %v\n%s", err, errb.String())
	}
	var res []json.RawMessage
	sc := bufio.NewScanner(&out)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		res = append(res, json.RawMessage(line))
	}
	if len(res) != len(cases) {
		t.Fatalf("oracle answered %d lines for %d cases\n%s", len(res), len(cases), errb.String())
	}
	for i, r := range res {
		if bytes.Contains(r, []byte(`"oracle_error"`)) {
			t.Errorf("oracle error on case %d (%v): %s", i, cases[i], r)
		}
	}
	return res
}
