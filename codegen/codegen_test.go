package codegen

import (
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/ir/ojson"
	"github.com/covetpy/covetgen/ir/openapi"
	"github.com/covetpy/covetgen/parser"
)

func TestCamel(t *testing.T) {
	tests := []struct {
		py    string
		upper bool
		want  string
	}{
		{"item_id", false, "itemId"},
		{"item_id", true, "ItemId"},
		{"X-Token", false, "xToken"},
		{"type", false, "type_"},
		{"_private", false, "private"},
		{"2fa", false, "x2fa"},
		{"été", false, "t"},
		{"", false, "x"},
		{"HTTPBasic", false, "hTTPBasic"},
	}
	for _, tt := range tests {
		if got := camel(tt.py, tt.upper); got != tt.want {
			t.Errorf("camel(%q, %v) = %q, want %q", tt.py, tt.upper, got, tt.want)
		}
	}
}

func TestNames(t *testing.T) {
	outer := newNames("main")
	outer.get("readItem")
	n := newNames("errs")
	n.outer = outer
	for _, tt := range []struct{ base, want string }{
		{"q", "q"}, {"q", "q2"}, {"errs", "errs2"}, {"readItem", "readItem2"}, {"main", "main2"},
	} {
		if got := n.get(tt.base); got != tt.want {
			t.Errorf("get(%q) = %q, want %q", tt.base, got, tt.want)
		}
	}
}

func TestModuleFile(t *testing.T) {
	for _, tt := range []struct{ module, want string }{
		{"main", "main_py.go"}, {"shop.routers.items", "shop_routers_items_py.go"}, {"", "app_py.go"},
	} {
		if got := moduleFile(tt.module); got != tt.want {
			t.Errorf("moduleFile(%q) = %q, want %q", tt.module, got, tt.want)
		}
	}
}

func TestJSONOf(t *testing.T) {
	for _, tt := range []struct {
		v    ir.Value
		want string
		ok   bool
	}{
		{ir.NewInt(50), "50", true},
		{ir.Float(1.5), "1.5", true},
		{ir.Str("a\"b"), `"a\"b"`, true},
		{ir.List{ir.Str("x"), ir.Bool(true), ir.None{}}, `["x",true,null]`, true},
		{ir.Str("é"), "", false},
		{ir.Opaque{Text: "f()"}, "", false},
	} {
		got, ok := jsonOf(tt.v)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("jsonOf(%s) = %q, %v; want %q, %v", tt.v.Repr(), got, ok, tt.want, tt.ok)
		}
	}
}

// loadSource loads an app whose main.py is src.
func loadSource(t *testing.T, src string) Input {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.py"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	prog, err := load.Load(dir, load.Options{Parse: parser.ParseFile, App: "main:app"})
	if err != nil {
		t.Fatal(err)
	}
	app, err := lift.Lift(prog, lift.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return Input{App: app, Prog: prog, Command: "svc"}
}

// generate migrates the app in src (main.py) and returns the output or the refusals.
func generate(t *testing.T, src string) (*Output, []Refusal) {
	t.Helper()
	loaded := loadSource(t, src)
	app, prog := loaded.App, loaded.Prog
	doc, _ := openapi.Generate(app)
	return Generate(Input{App: app, Prog: prog, OpenAPI: ojson.Marshal(doc, -1), Command: "svc"})
}

// TestRefusals checks that what the generator does not support is refused at the
// construct's position, never generated.
func TestRefusals(t *testing.T) {
	const head = "from typing import Annotated, Union\nfrom fastapi import FastAPI, Header, Depends, Request, WebSocket\nfrom pydantic import BaseModel, field_validator\napp = FastAPI()\n"
	tests := []struct {
		name, src string
		want      string // substring of a refusal, with its line
	}{
		{"websocket dependency", "def dep():\n    return 1\n@app.websocket('/ws')\nasync def ws(websocket: WebSocket, d=Depends(dep)):\n    pass\n", "main.py:8:38: cannot translate dependency dep of a websocket route"},
		{"union param", "@app.get('/')\ndef f(q: Union[int, str] = 1):\n    return 1\n", "cannot translate parameter q of type Union[int, str]"},
		{"websocket param", "from fastapi import WebSocket\n@app.get('/')\ndef f(w: WebSocket):\n    return 1\n", "main.py:7:7: cannot translate websocket parameter w"},
		{"exception handler", "@app.exception_handler(ValueError)\nasync def h(request, exc):\n    return None\n", "cannot translate exception handler for builtins.ValueError"},
		{"strict param", "from fastapi import Query\n@app.get('/')\ndef f(q: Annotated[int, Query(strict=True)] = 1):\n    return q\n", "cannot translate strict parameter q"},
		{"middleware function", "@app.middleware('http')\nasync def mw(request, call_next):\n    return await call_next(request.state)\n", "main.py:7:28: cannot translate call_next of request.state"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generate(t, head+tt.src)
			if out != nil {
				t.Fatalf("generated, want a refusal %q", tt.want)
			}
			var lines []string
			for _, r := range rs {
				lines = append(lines, r.String())
			}
			if !strings.Contains(strings.Join(lines, "\n"), tt.want) {
				t.Errorf("refusals:\n%s\nwant one containing %q", strings.Join(lines, "\n"), tt.want)
			}
		})
	}
}

// TestGeneratedShape checks the layout and the shape of a generated handler.
func TestGeneratedShape(t *testing.T) {
	out, rs := generate(t, `from typing import Union
from fastapi import FastAPI
app = FastAPI()

@app.get("/items/{item_id}")
def read_item(item_id: int, q: Union[str, None] = None):
    return {"item_id": item_id, "q": q}
`)
	if rs != nil {
		t.Fatalf("refused: %v", rs)
	}
	for _, name := range []string{"main.go", "app.go", "main_py.go", "openapi.json"} {
		if out.Files[name] == nil {
			t.Errorf("no %s", name)
		}
	}
	for name, src := range out.Files {
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		if f, err := format.Source(src); err != nil || string(f) != string(src) {
			t.Errorf("%s is not gofmt'd (%v)", name, err)
		}
	}
	h := string(out.Files["main_py.go"])
	for _, want := range []string{
		"// handleReadItem serves @get(\"/items/{item_id}\") (main.py:5:2), endpoint read_item.",
		"func handleReadItem(rq *request.Request, out *response.Out) error {",
		"v, e := validate.IntFromString(raw)",
		`errs.Add(e, "path", "item_id")`,
		`if raw, ok := rq.Query().Get("q"); ok {`,
		"res, err := py_read_item(itemId, q)",
		"return out.Value(200, res)",
	} {
		if !strings.Contains(h, want) {
			t.Errorf("main_py.go lacks %q:\n%s", want, h)
		}
	}
	if out.Routes != 1 {
		t.Errorf("Routes = %d, want 1", out.Routes)
	}
}

func TestAppArguments(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"from fastapi import FastAPI\napp = FastAPI(debug=True)\n", "main.py:2:15: cannot translate FastAPI(debug=...)"},
		{"from fastapi import FastAPI\nkw = {}\napp = FastAPI(**kw)\n", "cannot translate FastAPI(**kwargs)"},
		{"from fastapi import FastAPI\napp = FastAPI(root_path_in_servers=False)\n", "cannot translate FastAPI(root_path_in_servers=...)"},
	} {
		out, rs := generate(t, tt.src)
		if out != nil {
			t.Errorf("%q generated, want %q", tt.src, tt.want)
			continue
		}
		found := false
		for _, r := range rs {
			found = found || strings.Contains(r.String(), tt.want)
		}
		if !found {
			t.Errorf("%q: refusals %v, want %q", tt.src, rs, tt.want)
		}
	}
}

// TestBridgedRoutes checks that routes whose functions do not translate are generated
// as bridged routes (their Python functions called through runtime/pycall), and that the
// others stay native.
func TestBridgedRoutes(t *testing.T) {
	const src = `from fastapi import BackgroundTasks, Depends, FastAPI, Request, Response
app = FastAPI()


def dep():
    try:
        yield 1
    except Exception:  # not translated (deps_yield.go): run by the bridge
        raise


@app.get("/native")
def native(q: int = 0):
    return {"q": q}


@app.get("/request")
def with_request(request: Request, response: Response, tasks: BackgroundTasks):
    tasks.add_task(print, "not an app function")
    return {"path": request.url.path}


@app.get("/yield")
def with_yield(d=Depends(dep)):
    return d
`
	out, rs := generate(t, src)
	if len(rs) > 0 {
		t.Fatalf("refused: %v", rs)
	}
	if out.Routes != 1 || out.Bridged != 2 {
		t.Errorf("%d native and %d bridged routes, want 1 and 2", out.Routes, out.Bridged)
	}
	main := string(out.Files["main_py.go"])
	for _, want := range []string{
		`py := pycall.Begin(pyPool, pyRouteWithRequest, rq)`,
		`RequestParams:    []string{"request"}`,
		`ResponseParams:   []string{"response"}`,
		`BackgroundParams: []string{"tasks"}`,
		`Generator: true`,
		`Fn:        "main:dep"`,
	} {
		if !strings.Contains(main, want) {
			t.Errorf("main_py.go lacks %q:\n%s", want, main)
		}
	}
	if _, ok := out.Files["bridge.go"]; !ok {
		t.Error("no bridge.go")
	}
}
