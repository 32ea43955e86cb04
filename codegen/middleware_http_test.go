package codegen

import (
	"strings"
	"testing"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/ojson"
	"github.com/covetpy/covetgen/ir/openapi"
)

// TestHTTPMiddleware checks where @app.middleware("http") functions land in the stack
// (among add_middleware calls, the last declared outermost, as FastAPI's user_middleware)
// and what is refused.
func TestHTTPMiddleware(t *testing.T) {
	const head = "from fastapi import FastAPI, Request\nfrom fastapi.middleware.gzip import GZipMiddleware\napp = FastAPI()\n"
	const route = "@app.get('/')\ndef root():\n    return 1\n"
	tests := []struct {
		name, src string
		want      []string // substrings of app.go, in order
		refuse    string   // substring of a refusal ("" when generated)
	}{
		{"order", "@app.middleware('http')\nasync def first(request: Request, call_next):\n    return await call_next(request)\n" +
			"app.add_middleware(GZipMiddleware)\n" +
			"@app.middleware('http')\nasync def last(req, nxt):\n    r = await nxt(req)\n    r.headers['x'] = '1'\n    return r\n" + route,
			[]string{"opt.Middleware = []func(http.Handler) http.Handler{pymw.HTTP(py_last, pymw.Scope{", "mwGZipMiddleware, pymw.HTTP(py_first, "}, ""},
		{"sync def", "@app.middleware('http')\ndef mw(request, call_next):\n    return call_next(request)\n" + route,
			nil, "main.py:4:2: cannot translate @app.middleware(\"http\") function mw that is not an async def"},
		{"three parameters", "@app.middleware('http')\nasync def mw(request, call_next, x=1):\n    return await call_next(request)\n" + route,
			nil, "function mw with 3 positional parameters"},
		{"body refused", "@app.middleware('http')\nasync def mw(request, call_next):\n    request.state.user = 1\n    return await call_next(request)\n" + route,
			nil, "main.py:6:5: cannot translate assignment to attribute user"},
		{"mounted app", "sub = FastAPI()\n@sub.middleware('http')\nasync def mw(request, call_next):\n    return await call_next(request)\n" +
			"@sub.get('/')\ndef s():\n    return 1\napp.mount('/sub', sub)\n" + route,
			nil, "function mw of a mounted app"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generateMounted(t, head+tt.src)
			if tt.refuse != "" {
				var lines []string
				for _, r := range rs {
					lines = append(lines, r.String())
				}
				if out != nil || !strings.Contains(strings.Join(lines, "\n"), tt.refuse) {
					t.Fatalf("refusals:\n%s\nwant one containing %q", strings.Join(lines, "\n"), tt.refuse)
				}
				return
			}
			if out == nil {
				t.Fatalf("refused: %v", rs)
			}
			src := string(out.Files["app.go"])
			src = strings.Join(strings.Fields(src), " ")
			at := 0
			for _, w := range tt.want {
				i := strings.Index(src[at:], strings.Join(strings.Fields(w), " "))
				if i < 0 {
					t.Fatalf("app.go lacks %q after offset %d:\n%s", w, at, out.Files["app.go"])
				}
				at += i
			}
		})
	}
}

// TestMiddlewareAnalysis checks that Analyze's app-level refusals are attributed to the
// middleware they come from.
func TestMiddlewareAnalysis(t *testing.T) {
	src := `from fastapi import FastAPI, Request
from fastapi.middleware.gzip import GZipMiddleware
app = FastAPI()
app.add_middleware(GZipMiddleware, minimum_size=10)
app.add_middleware(GZipMiddleware, nope=1)


@app.middleware("http")
async def good(request: Request, call_next):
    response = await call_next(request)
    response.headers["x-a"] = request.url.path
    return response


@app.middleware("http")
async def bad(request: Request, call_next):
    request.state.user = 1
    return await call_next(request)


sub = FastAPI()


@sub.middleware("http")
async def inner(request, call_next):
    return await call_next(request)


app.mount("/sub", sub)


@app.get("/")
def root():
    return 1
`
	in := analysisInput(t, src)
	an := Analyze(in)
	type row struct {
		name, prefix string
		function     bool
		refusals     []string
	}
	want := []row{
		{"GZipMiddleware", "", false, nil},
		{"GZipMiddleware", "", false, []string{"main.py:5:1: cannot translate GZipMiddleware option 'nope'"}},
		{"good", "", true, nil},
		{"bad", "", true, []string{"main.py:17:5: cannot translate assignment to attribute user"}},
		{"inner", "/sub", true, []string{"main.py:24:2: cannot translate @app.middleware(\"http\") function inner of a mounted app"}},
	}
	got := an.Middleware(in)
	if len(got) != len(want) {
		t.Fatalf("%d middleware, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		var rs []string
		for _, r := range g.Refusals {
			rs = append(rs, r.String())
		}
		if g.Name != w.name || g.Prefix != w.prefix || g.Function != w.function || strings.Join(rs, "\n") != strings.Join(w.refusals, "\n") {
			t.Errorf("middleware %d: %s %q function=%v refusals %q, want %s %q function=%v refusals %q",
				i, g.Name, g.Prefix, g.Function, rs, w.name, w.prefix, w.function, w.refusals)
		}
	}
}

// analysisInput is the Input of an app main:app holding src, with its mounted apps'
// OpenAPI documents.
func analysisInput(t *testing.T, src string) Input {
	t.Helper()
	loaded := loadSource(t, src)
	app, prog := loaded.App, loaded.Prog
	doc, _ := openapi.Generate(app)
	in := Input{App: app, Prog: prog, OpenAPI: ojson.Marshal(doc, -1), Command: "svc", SubOpenAPI: map[*ir.Mount][]byte{}}
	for _, m := range app.Mounts {
		if m.Sub != nil {
			sdoc, _ := openapi.Generate(m.Sub)
			in.SubOpenAPI[m] = ojson.Marshal(sdoc, -1)
		}
	}
	return in
}
