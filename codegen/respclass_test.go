package codegen

import (
	"fmt"
	"strings"
	"testing"
)

// TestClassResponds checks the routes whose response the worker builds with the route's
// response class (an app-defined class, a streaming class, a generator endpoint), the
// bridge.ResponseClass each gets, and that they are refused natively.
func TestClassResponds(t *testing.T) {
	const head = "import json\nfrom collections.abc import AsyncIterable, Iterable\nfrom fastapi import FastAPI\n" +
		"from fastapi.responses import JSONResponse, StreamingResponse\nfrom fastapi.sse import EventSourceResponse, ServerSentEvent\n" +
		"from pydantic import BaseModel\nclass Pretty(JSONResponse):\n    def render(self, content):\n        return json.dumps(content, indent=2).encode(self.charset)\n" +
		"class Item(BaseModel):\n    a: int\n"
	for _, tt := range []struct {
		name, src string
		native    string   // the native refusal
		want      []string // in main_py.go with --bridge-all; nil: no ResponseClass
	}{
		{"custom class", "app = FastAPI()\n@app.get('/', response_class=Pretty)\ndef f():\n    return {'b': 1}\n",
			"response_class main.Pretty", []string{`Class: &bridge.ResponseClass{Class: "main:Pretty"}`}},
		{"custom default class with a model", "app = FastAPI(default_response_class=Pretty)\n@app.get('/', status_code=201)\ndef f() -> Item:\n    return {'a': 1}\n",
			"response_class main.Pretty", []string{`Class: "main:Pretty"`, `Status: 201`, `bridge.ResponseField{`}},
		{"jsonl", "app = FastAPI()\n@app.get('/')\nasync def f() -> AsyncIterable[Item]:\n    yield Item(a=1)\n",
			"", []string{`Stream: bridge.StreamJSONL`, `ByAlias:  true`, `"fastapi.responses:JSONResponse"`}},
		{"sse", "app = FastAPI()\n@app.get('/', response_class=EventSourceResponse)\ndef f() -> Iterable[ServerSentEvent]:\n    yield ServerSentEvent(data=1)\n",
			"", []string{`Stream: bridge.StreamSSE`, `"fastapi.sse:EventSourceResponse"`}},
		{"raw generator", "app = FastAPI()\n@app.get('/', response_class=StreamingResponse)\nasync def f():\n    yield 'a'\n",
			"", []string{`Stream: bridge.StreamRaw`, `"fastapi.responses:StreamingResponse"`}},
		{"function-scope yield dependency", "from fastapi import Depends\napp = FastAPI()\ndef conn():\n    yield 1\n" +
			"@app.get('/')\nasync def f(c=Depends(conn, scope='function')) -> AsyncIterable[int]:\n    yield c\n",
			"", []string{"refused: scope=\"function\""}},
		{"plain JSON", "app = FastAPI()\n@app.get('/')\ndef f():\n    return {'b': 1}\n", "", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.native != "" {
				out, rs := generateIn(t, head+tt.src, Input{})
				if out != nil && len(rs) == 0 {
					// A refused route is bridged: the plan reasons name the refusal.
					src := string(out.Files["main_py.go"])
					if !strings.Contains(src, tt.native) {
						t.Errorf("natively, no refusal %q:\n%s", tt.native, src)
					}
				}
			}
			out, rs := generateIn(t, head+tt.src, Input{BridgeAll: true})
			if len(tt.want) == 1 && strings.HasPrefix(tt.want[0], "refused: ") {
				if out != nil || !strings.Contains(fmt.Sprint(rs), strings.TrimPrefix(tt.want[0], "refused: ")) {
					t.Fatalf("refusals %v, want %q", rs, tt.want[0])
				}
				if testing.Verbose() {
					t.Logf("refused: %v", rs)
				}
				return
			}
			if out == nil {
				t.Fatalf("refused: %v", rs)
			}
			src := string(out.Files["main_py.go"])
			if tt.want == nil {
				if strings.Contains(src, "ResponseClass") {
					t.Errorf("the worker builds the response:\n%s", src)
				}
				return
			}
			for _, w := range tt.want {
				if !strings.Contains(src, w) {
					t.Errorf("main_py.go lacks %q:\n%s", w, src)
				}
			}
		})
	}
}

// TestClassRef checks the worker name of a response class's qualified name.
func TestClassRef(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"main.Pretty", "main:Pretty", true},
		{"app.responses.CSV", "app.responses:CSV", true},
		{"fastapi.sse.EventSourceResponse", "fastapi.sse:EventSourceResponse", true},
		{"Pretty", "", false},
		{"main.", "", false},
	} {
		got, ok := classRef(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("classRef(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
