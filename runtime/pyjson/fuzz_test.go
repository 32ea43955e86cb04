package pyjson

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite testdata/decode_verdicts.json from python3")

const verdictsFile = "testdata/decode_verdicts.json"

// recorded is one json.loads verdict recorded from CPython.
type recorded struct {
	In  string `json:"in"` // base64
	V   string `json:"v"`
	Msg string `json:"msg,omitempty"`
	Pos int    `json:"pos,omitempty"`
}

func loadVerdicts(t testing.TB) map[string]recorded {
	b, err := os.ReadFile(verdictsFile)
	if err != nil {
		t.Fatal(err)
	}
	var list []recorded
	if err := json.Unmarshal(b, &list); err != nil {
		t.Fatal(err)
	}
	m := make(map[string]recorded, len(list))
	for _, r := range list {
		in, err := base64.StdEncoding.DecodeString(r.In)
		if err != nil {
			t.Fatal(err)
		}
		m[string(in)] = r
	}
	return m
}

// TestRecordedVerdictsFromPython checks (or with -update rewrites) the
// recorded corpus against python3, so the file never drifts from CPython.
func TestRecordedVerdictsFromPython(t *testing.T) {
	var inputs [][]byte
	for _, in := range allDecodeInputs() {
		if utf8.Valid(in) && len(in) <= 1024 {
			inputs = append(inputs, in)
		}
	}
	cases := make([]any, len(inputs))
	for i, in := range inputs {
		cases[i] = b64case(in)
	}
	var list []recorded
	for i, a := range runOracleRaw(t, cases) {
		var v pyVerdict
		if err := json.Unmarshal(a, &v); err != nil {
			t.Fatal(err)
		}
		list = append(list, recorded{In: base64.StdEncoding.EncodeToString(inputs[i]), V: v.V, Msg: v.Msg, Pos: v.Pos})
	}
	if *update {
		b, _ := json.MarshalIndent(list, "", " ")
		if err := os.WriteFile(verdictsFile, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	have := loadVerdicts(t)
	for _, r := range list {
		in, _ := base64.StdEncoding.DecodeString(r.In)
		if h, ok := have[string(in)]; !ok || h != r {
			t.Errorf("recorded verdict for %q is stale: have %+v, python says %+v (run go test -run TestRecordedVerdictsFromPython -update)", clip(in), h, r)
		}
	}
}

// FuzzDecode: never panics; recorded inputs keep CPython's verdict; an
// accepted document re-encodes and re-parses to the same value.
func FuzzDecode(f *testing.F) {
	verdicts := loadVerdicts(f)
	for in := range verdicts {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		got := goVerdict(in, Options{})
		if r, ok := verdicts[string(in)]; ok && utf8.Valid(in) {
			if got.V != r.V || got.Msg != r.Msg || got.Pos != r.Pos {
				t.Fatalf("input %q: got %s %s %d, CPython %s %s %d", in, got.V, got.Msg, got.Pos, r.V, r.Msg, r.Pos)
			}
		}
		if got.V != "ok" || got.Dump == "" {
			return
		}
		out, _ := base64.StdEncoding.DecodeString(got.Dump)
		d, err := Parse(out)
		if err != nil {
			t.Fatalf("re-parse of %q: %v", out, err)
		}
		if c := canon(d.Root()); c != got.Canon {
			t.Fatalf("round trip changed %q: %s vs %s", in, c, got.Canon)
		}
		var se *SyntaxError
		if errors.As(err, &se) && se.Pos < 0 {
			t.Fatal("negative pos")
		}
	})
}
