package bridge

import (
	"bytes"
	"context"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestResponseClassJSON checks the "rcls" object of a call payload (worker.py reads it).
func TestResponseClassJSON(t *testing.T) {
	for _, tt := range []struct {
		name string
		c    ResponseClass
		want string
	}{
		{"class", ResponseClass{Class: "main:Pretty"}, `{"cls":"main:Pretty"}`},
		{"status", ResponseClass{Class: "main:Pretty", Status: 201}, `{"cls":"main:Pretty","st":201}`},
		{"model", ResponseClass{Class: "main:Pretty", Field: &ResponseField{Module: "main", ByAlias: true}},
			`{"cls":"main:Pretty","f":{"model":"","mod":"main","alias":1}}`},
		{"jsonl", ResponseClass{Class: "fastapi.responses:JSONResponse", Stream: StreamJSONL, Field: &ResponseField{Module: "m", ExcludeNone: true}},
			`{"cls":"fastapi.responses:JSONResponse","stream":"jsonl","f":{"model":"","mod":"m","none":1}}`},
		{"sse", ResponseClass{Class: "fastapi.sse:EventSourceResponse", Stream: StreamSSE}, `{"cls":"fastapi.sse:EventSourceResponse","stream":"sse"}`},
	} {
		if got := string(tt.c.appendJSON(nil)); got != tt.want {
			t.Errorf("%s: appendJSON = %s, want %s", tt.name, got, tt.want)
		}
	}
	b, err := encodeInvocation(7, Invocation{Fn: "main:f", Class: &ResponseClass{Class: "main:C", Stream: StreamRaw}}, false)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("payload %s: %v", b, err)
	}
	if m["mode"] != "b" || !strings.Contains(string(b), `"rcls":{"cls":"main:C","stream":"raw"}`) {
		t.Errorf("payload %s: want mode b and the rcls object", b)
	}
}

// TestStreamGolden runs testdata/compat/stream_cases.py with worker.py's _class_response
// under the stand-ins (custom response classes; JSON Lines, server-sent events and raw
// streams of generator endpoints) and requires every response to equal what FastAPI
// itself sent when `stream_cases.py record` recorded testdata/compat/stream_golden.json.
func TestStreamGolden(t *testing.T) {
	env, ok := stacks(t)["compat"]
	if !ok {
		t.Skip("python3 imports fastapi by itself: the stand-ins are never installed here")
	}
	golden, err := readCompatGolden(filepath.Join("testdata", "compat", "stream_golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	here, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, python(), filepath.Join("testdata", "compat", "stream_cases.py"), "compat", here)
	cmd.Env = append(append([]string(nil), env...), "PYTHONHASHSEED=0", "TZ=UTC")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("stream_cases.py compat: %v\n%s", err, stderr.Bytes())
	}
	var got compatRun
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("stream_cases.py compat output: %v", err)
	}
	names := make([]string, 0, len(golden.Cases))
	for name := range golden.Cases {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		compatCaseEqual(t, name, golden.Cases[name], got.Cases[name])
	}
	if len(got.Cases) != len(golden.Cases) {
		t.Errorf("the compat run has %d cases, the golden %d (re-record with stream_cases.py record)", len(got.Cases), len(golden.Cases))
	}
}
