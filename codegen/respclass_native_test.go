package codegen

import (
	"strings"
	"testing"
)

// TestCustomClassNative checks which app-defined response classes Go renders itself
// (route response_class and objects a body builds) and the reason the others stay with
// the worker. Their responses are checked against FastAPI by the E2E corpus app
// testdata/fastapi_apps/responses_custom_native.
func TestCustomClassNative(t *testing.T) {
	const head = "import json\nfrom fastapi import FastAPI\nfrom fastapi.responses import JSONResponse, Response, HTMLResponse\n" +
		"from fastapi.responses import PlainTextResponse as PT\nfrom pydantic import BaseModel\nclass Item(BaseModel):\n    a: int\n"
	const route = "@app.get('/', response_class=C)\ndef f():\n    return {'b': 1}\n"
	for _, tt := range []struct {
		name, src string
		want      []string // in the generated files (native), or the refusal in main_py.go
		bridged   bool
	}{
		{"render", "class C(JSONResponse):\n    media_type = 'application/json'\n    def render(self, content):\n" +
			"        return json.dumps(content, indent=2, sort_keys=True).encode('utf-8') + b'\\n'\napp = FastAPI()\n" + route,
			[]string{"func renderC(content pyval.Value)", "pyval.RenderResult(renderC, res)", `out.Content(200, "application/json", rendered)`}, false},
		{"media and charset only", "class C(Response):\n    '''CSV.'''\n    media_type = 'text/csv'\n    charset: str = 'utf-8'\napp = FastAPI()\n" +
			"@app.get('/', response_class=C)\ndef f():\n    return 'a,b'\n",
			[]string{`renderText(out.Buf(), res)`, `out.Content(200, "text/csv", b)`}, false},
		{"JSON subclass without render", "class C(JSONResponse):\n    media_type = 'application/x+json'\napp = FastAPI()\n" + route,
			[]string{`response.AppendJSONable(out.Buf(), res)`, `out.Content(200, "application/x+json", enc)`}, false},
		{"aliased import", "class C(PT):\n    def render(self, content):\n        return content.encode()\napp = FastAPI()\n" + route,
			[]string{"pyval.RenderResult(renderC, res)", `"text/plain"`}, false},
		{"model", "class C(JSONResponse):\n    def render(self, content):\n        return json.dumps(content).encode()\n" +
			"app = FastAPI()\n@app.get('/', response_class=C, status_code=201)\ndef f() -> Item:\n    return Item(a=1)\n",
			[]string{"validate.ModeJSONMode", "pyval.RenderCustom(renderC, e.Buf)", "out.Content(201,"}, false},
		{"built in a body", "class C(HTMLResponse):\n    media_type = 'text/x'\n    def render(self, content):\n        return content.encode() + b'!'\n" +
			"app = FastAPI()\n@app.get('/')\ndef f():\n    return C('x', status_code=201, headers={'a': 'b'})\n",
			[]string{`var respClassC = &pyval.ResponseClass{`, `Base:   "HTMLResponse"`, `Media:  "text/x"`, `Render: renderC`,
				`pyval.NewCustomResponse(respClassC, pyval.Str("x")`}, false},
		{"__init__", "class C(JSONResponse):\n    def __init__(self, content):\n        super().__init__(content)\napp = FastAPI()\n" + route,
			[]string{"response_class main.C: method __init__"}, true},
		{"other attribute", "class C(JSONResponse):\n    indent = 2\napp = FastAPI()\n" + route,
			[]string{"response_class main.C: class attribute indent"}, true},
		{"other charset", "class C(Response):\n    media_type = 'text/csv'\n    charset = 'latin-1'\napp = FastAPI()\n" + route,
			[]string{`response_class main.C: charset "latin-1"`}, true},
		{"render reading self", "class C(JSONResponse):\n    def render(self, content):\n        return self.media_type.encode()\napp = FastAPI()\n" + route,
			[]string{"response_class main.C: its render method (", "self"}, true},
		{"subclass of a custom class", "class B(JSONResponse):\n    pass\nclass C(B):\n    pass\napp = FastAPI()\n" + route,
			[]string{"response_class main.C: a base other than"}, true},
		{"body object of a bridged class", "class C(JSONResponse):\n    x = 1\napp = FastAPI()\n@app.get('/')\ndef f():\n    return C({'a': 1})\n",
			[]string{"response class C: class attribute x"}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generateIn(t, head+tt.src, Input{})
			if out == nil {
				t.Fatalf("refused: %v", rs)
			}
			var all strings.Builder
			for name, b := range out.Files {
				if strings.HasSuffix(name, ".go") {
					all.Write(b)
				}
			}
			src := all.String()
			if got := out.Bridged > 0; got != tt.bridged {
				t.Errorf("bridged = %v, want %v", got, tt.bridged)
			}
			for _, w := range tt.want {
				if !strings.Contains(src, w) {
					t.Errorf("the generated code lacks %q:\n%s", w, src)
				}
			}
		})
	}
}
