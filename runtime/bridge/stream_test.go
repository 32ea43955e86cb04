package bridge

import (
	"encoding/json"
	"strings"
	"testing"
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
	checkCompatCases(t, "stream_cases.py", "stream_golden.json", "stream_cases.py record")
}
