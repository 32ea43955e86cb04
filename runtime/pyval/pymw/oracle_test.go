package pymw_test

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/runtime/internal/oracletest"
	"github.com/covetpy/covetgen/runtime/middleware"
	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/pyval/pymw"
	"github.com/covetpy/covetgen/runtime/pyval/pyreq"
	"github.com/covetpy/covetgen/runtime/response"
)

// The same middleware functions on both sides: Starlette's, as written in an app, and
// Go funcs written the way codegen/translate writes them (one pymw / pyreq / pyval call
// per Python operation), over the same routes.
const oracleScript = `
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import PlainTextResponse, JSONResponse, StreamingResponse
from starlette.routing import Route

def text(request):
    return PlainTextResponse("a" * int(request.query_params.get("n", "3")))
def stream(request):
    return StreamingResponse(iter([b"ab", b"cd"]), media_type="text/plain")
def boom(request):
    raise RuntimeError("boom")

routes = [Route("/text", text), Route("/stream", stream), Route("/boom", boom)]

async def tag(request, call_next):
    response = await call_next(request)
    response.headers["X-Path"] = request.url.path
    response.headers["x-query-count"] = str(len(request.query_params))
    response.headers["x-cookie-count"] = str(len(request.cookies))
    response.headers.append("x-multi", "1")
    response.headers.append("X-Multi", "2")
    response.headers["x-ct"] = response.headers.get("content-type", "none")
    response.headers["x-cl"] = response.headers.get("Content-Length", "none")
    return response

async def status(request, call_next):
    response = await call_next(request)
    if response.status_code == 404:
        response.status_code = 410
    response.headers["content-type"] = "text/x-changed"
    return response

async def block(request, call_next):
    if request.query_params.get("block"):
        return PlainTextResponse("blocked", status_code=451)
    return await call_next(request)

async def replace(request, call_next):
    response = await call_next(request)
    return JSONResponse({"was": response.status_code}, status_code=202)

async def none(request, call_next):
    response = await call_next(request)
    return None

async def raises(request, call_next):
    raise HTTPException(status_code=418)

async def bad_header(request, call_next):
    response = await call_next(request)
    response.headers["x-n"] = 1
    return response

async def missing_header(request, call_next):
    response = await call_next(request)
    response.headers["x-cl"] = response.headers["content-length"]
    return response

async def twice(request, call_next):
    first = await call_next(request)
    response = await call_next(request)
    response.headers["x-first"] = str(first.status_code)
    return response

async def cookies(request, call_next):
    response = await call_next(request)
    response.set_cookie("sid", "a b", path="/x", httponly=True, samesite="strict")
    response.set_cookie("n", request.url.path, secure=True, samesite=None)
    return response

funcs = {"cookies": cookies, "twice": twice, "tag": tag, "status": status, "block": block, "replace": replace, "none": none,
         "raises": raises, "bad_header": bad_header, "missing_header": missing_header}

def build(kind, p):
    # kind names the functions in declaration order; the last declared is outermost.
    mw = [Middleware(BaseHTTPMiddleware, dispatch=funcs[k]) for k in reversed(kind.split(","))]
    return Starlette(routes=routes, middleware=mw)
`

// routes is the Go side of the script's routes.
func routes() http.Handler {
	mux := http.NewServeMux()
	plain := func(w http.ResponseWriter, status int, body string) {
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}
	mux.HandleFunc("GET /text", func(w http.ResponseWriter, r *http.Request) {
		n := 3
		if v := r.URL.Query().Get("n"); v != "" {
			n, _ = strconv.Atoi(v)
		}
		plain(w, 200, strings.Repeat("a", n))
	})
	mux.HandleFunc("GET /stream", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(200)
		for _, p := range []string{"ab", "cd"} {
			_, _ = io.WriteString(w, p)
			http.NewResponseController(w).Flush()
		}
	})
	mux.HandleFunc("GET /boom", func(http.ResponseWriter, *http.Request) { panic("boom") })
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { plain(w, 404, "Not Found") })
	return mux
}

// must is the `_t, err := call; if err != nil { return nil, err }` of translated code,
// folded for the test functions below.
type must struct{ err error }

func (m *must) v(v pyval.Value, err error) pyval.Value {
	if m.err == nil {
		m.err = err
	}
	return v
}

func (m *must) do(err error) {
	if m.err == nil {
		m.err = err
	}
}

// funcs are the script's functions.
var funcs = map[string]pymw.Func{
	"tag": func(request, callNext pyval.Value) (pyval.Value, error) {
		var m must
		resp := m.v(pymw.Call(callNext))
		m.do(pymw.SetHeader(resp, pyval.Str("X-Path"), m.v(pyreq.URL(request, "path"))))
		m.do(pymw.SetHeader(resp, pyval.Str("x-query-count"), m.v(pyval.StrOf(m.v(pyreq.Len(request, "query_params"))))))
		m.do(pymw.SetHeader(resp, pyval.Str("x-cookie-count"), m.v(pyval.StrOf(m.v(pyreq.Len(request, "cookies"))))))
		m.v(pymw.AppendHeader(resp, pyval.Str("x-multi"), pyval.Str("1")))
		m.v(pymw.AppendHeader(resp, pyval.Str("X-Multi"), pyval.Str("2")))
		m.do(pymw.SetHeader(resp, pyval.Str("x-ct"), m.v(pymw.GetHeader(resp, pyval.Str("content-type"), pyval.Str("none")))))
		m.do(pymw.SetHeader(resp, pyval.Str("x-cl"), m.v(pymw.GetHeader(resp, pyval.Str("Content-Length"), pyval.Str("none")))))
		return resp, m.err
	},
	"status": func(request, callNext pyval.Value) (pyval.Value, error) {
		var m must
		resp := m.v(pymw.Call(callNext))
		if pyval.Eq(m.v(pymw.Status(resp)), pyval.IntOf(404)) {
			m.do(pymw.SetStatus(resp, pyval.IntOf(410)))
		}
		m.do(pymw.SetHeader(resp, pyval.Str("content-type"), pyval.Str("text/x-changed")))
		return resp, m.err
	},
	"block": func(request, callNext pyval.Value) (pyval.Value, error) {
		var m must
		if pyval.Truthy(m.v(pyreq.Get(request, "query_params", pyval.Str("block"), nil))) {
			return pyval.NewResponse("PlainTextResponse", pyval.Str("blocked"), pyval.IntOf(451), nil, nil)
		}
		return pymw.Call(callNext)
	},
	"replace": func(request, callNext pyval.Value) (pyval.Value, error) {
		var m must
		resp := m.v(pymw.Call(callNext))
		return pyval.NewResponse("JSONResponse", pyval.DictOf(pyval.Str("was"), m.v(pymw.Status(resp))), pyval.IntOf(202), nil, nil)
	},
	"none": func(request, callNext pyval.Value) (pyval.Value, error) {
		_, err := pymw.Call(callNext)
		return pyval.None, err
	},
	"raises": func(request, callNext pyval.Value) (pyval.Value, error) {
		return nil, response.NewHTTPException(418, nil)
	},
	"bad_header": func(request, callNext pyval.Value) (pyval.Value, error) {
		var m must
		resp := m.v(pymw.Call(callNext))
		m.do(pymw.SetHeader(resp, pyval.Str("x-n"), pyval.IntOf(1)))
		return resp, m.err
	},
	"cookies": func(request, callNext pyval.Value) (pyval.Value, error) {
		var m must
		resp := m.v(pymw.Call(callNext))
		m.v(pymw.SetCookie(resp, pyval.CookieArgs{Key: pyval.Str("sid"), Value: pyval.Str("a b"), Path: pyval.Str("/x"),
			HTTPOnly: pyval.True, SameSite: pyval.Str("strict")}))
		m.v(pymw.SetCookie(resp, pyval.CookieArgs{Key: pyval.Str("n"), Value: m.v(pyreq.URL(request, "path")),
			Secure: pyval.True, SameSite: pyval.None}))
		return resp, m.err
	},
	"twice": func(request, callNext pyval.Value) (pyval.Value, error) {
		var m must
		first := m.v(pymw.Call(callNext))
		if m.err != nil {
			return nil, m.err
		}
		resp := m.v(pymw.Call(callNext))
		if m.err != nil {
			return nil, m.err
		}
		m.do(pymw.SetHeader(resp, pyval.Str("x-first"), m.v(pyval.StrOf(m.v(pymw.Status(first))))))
		return resp, m.err
	},
	"missing_header": func(request, callNext pyval.Value) (pyval.Value, error) {
		var m must
		resp := m.v(pymw.Call(callNext))
		m.do(pymw.SetHeader(resp, pyval.Str("x-cl"), m.v(pymw.Header(resp, pyval.Str("content-length")))))
		return resp, m.err
	},
}

func buildGo(t *testing.T, kind string) http.Handler {
	var st middleware.Stack
	st.Error.Log = func(*http.Request, any, []byte) {}
	for _, k := range strings.Split(kind, ",") {
		fn, ok := funcs[k]
		if !ok {
			t.Fatalf("kind %q", k)
		}
		st.Add(pymw.HTTP(fn, pymw.Scope{}))
	}
	return st.Handler(routes())
}

func TestAgainstStarlette(t *testing.T) {
	get := func(path string, headers ...[2]string) oracletest.Request {
		return oracletest.Request{Method: "GET", Path: path, Headers: headers}
	}
	cookie := [2]string{"cookie", "a=1; a=2; b=3"}
	cases := []oracletest.Case{
		{Name: "tag-text", Kind: "tag", Request: get("/text?a=1&b=2&a=3", cookie)},
		{Name: "tag-stream", Kind: "tag", Request: get("/stream")},
		{Name: "tag-404", Kind: "tag", Request: get("/nope?x")},
		{Name: "tag-500", Kind: "tag", Request: get("/boom")},
		{Name: "tag-head", Kind: "tag", Request: oracletest.Request{Method: "HEAD", Path: "/text"}},
		{Name: "status-404", Kind: "status", Request: get("/nope")},
		{Name: "status-200", Kind: "status", Request: get("/text")},
		{Name: "block-blocked", Kind: "block,tag", Request: get("/text?block=1")},
		{Name: "block-passed", Kind: "block,tag", Request: get("/text?block=")},
		{Name: "tag-outside-block", Kind: "tag,block", Request: get("/text?block=1")},
		{Name: "stacked", Kind: "status,tag", Request: get("/nope")},
		{Name: "replace", Kind: "replace", Request: get("/stream")},
		{Name: "replace-500", Kind: "replace", Request: get("/boom")},
		{Name: "none", Kind: "none", Request: get("/text")},
		{Name: "raises", Kind: "raises", Request: get("/text")},
		{Name: "bad-header", Kind: "bad_header", Request: get("/text")},
		{Name: "missing-header", Kind: "missing_header", Request: get("/stream")},
		{Name: "present-header", Kind: "missing_header", Request: get("/text?n=5")},
		{Name: "twice", Kind: "twice", Request: get("/text")},
		{Name: "cookies", Kind: "cookies", Request: get("/stream")},
		{Name: "twice-stream", Kind: "twice", Request: get("/stream")},
		{Name: "twice-404", Kind: "twice", Request: get("/nope")},
	}
	cases = oracletest.Cases(t, "testdata/oracle.json", oracleScript, cases)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) { oracletest.Check(t, c, buildGo(t, c.Kind)) })
	}
}
