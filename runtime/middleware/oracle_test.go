package middleware_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/runtime/internal/oracletest"
	"github.com/covetpy/covetgen/runtime/middleware"
)

// The same small app on both sides: Starlette routes wrapped in the
// middleware a case names, with the case's arguments.
const oracleScript = `
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.middleware.httpsredirect import HTTPSRedirectMiddleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import PlainTextResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Route

def text(request):
    n = int(request.query_params.get("n", "10"))
    return PlainTextResponse("a" * n)
def stream(request):
    parts = request.query_params.get("parts", "ab,cd").split(",")
    return StreamingResponse(iter([p.encode() for p in parts]), media_type="text/plain")
def sse(request):
    return StreamingResponse(iter([b"data: " + b"x" * 600 + b"\n\n"]), media_type="text/event-stream")
def encoded(request):
    return Response(b"z" * 1000, headers={"content-encoding": "br"}, media_type="application/octet-stream")
def vary(request):
    return PlainTextResponse("v" * 700, headers={"vary": "Cookie"})
def acao(request):
    return PlainTextResponse("x", headers={"access-control-allow-origin": "https://other"})
def nocontent(request):
    return Response(status_code=204)
def boom(request):
    raise RuntimeError("boom")

routes = [Route("/text", text), Route("/stream", stream), Route("/sse", sse), Route("/encoded", encoded),
          Route("/vary", vary), Route("/acao", acao), Route("/nocontent", nocontent), Route("/boom", boom),
          Route("/post", text, methods=["POST"])]

async def tag(request, call_next):
    response = await call_next(request)
    response.headers["x-tag"] = "1"
    return response

def build(kind, p):
    mw = []
    if kind == "cors":
        mw = [Middleware(CORSMiddleware, **p)]
    elif kind == "gzip":
        mw = [Middleware(GZipMiddleware, **p)]
    elif kind == "trustedhost":
        mw = [Middleware(TrustedHostMiddleware, **p)]
    elif kind == "https":
        mw = [Middleware(HTTPSRedirectMiddleware)]
    elif kind == "gzip-outside-http":
        mw = [Middleware(GZipMiddleware, minimum_size=p["minimum_size"]), Middleware(BaseHTTPMiddleware, dispatch=tag)]
    elif kind == "cors-outside-gzip":
        mw = [Middleware(CORSMiddleware, **p), Middleware(GZipMiddleware, minimum_size=10)]
    return Starlette(routes=routes, middleware=mw)
`

type corsParams struct {
	AllowOrigins     []string `json:"allow_origins,omitempty"`
	AllowMethods     []string `json:"allow_methods,omitempty"`
	AllowHeaders     []string `json:"allow_headers,omitempty"`
	AllowCredentials bool     `json:"allow_credentials,omitempty"`
	AllowOriginRegex string   `json:"allow_origin_regex,omitempty"`
	ExposeHeaders    []string `json:"expose_headers,omitempty"`
	MaxAge           *int     `json:"max_age,omitempty"`
}

type gzipParams struct {
	MinimumSize   *int `json:"minimum_size,omitempty"`
	CompressLevel *int `json:"compresslevel,omitempty"`
}

type hostParams struct {
	AllowedHosts []string `json:"allowed_hosts"`
	WWWRedirect  *bool    `json:"www_redirect,omitempty"`
}

// routes is the Go side of the script's routes.
func routes() http.Handler {
	mux := http.NewServeMux()
	text := func(w http.ResponseWriter, r *http.Request) {
		n := 10
		if v := r.URL.Query().Get("n"); v != "" {
			n, _ = strconv.Atoi(v)
		}
		body := strings.Repeat("a", n)
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = io.WriteString(w, body)
	}
	mux.HandleFunc("GET /text", text)
	mux.HandleFunc("POST /post", text)
	mux.HandleFunc("GET /stream", func(w http.ResponseWriter, r *http.Request) {
		parts := "ab,cd"
		if v := r.URL.Query().Get("parts"); v != "" {
			parts = v
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(200)
		for _, p := range strings.Split(parts, ",") {
			_, _ = io.WriteString(w, p)
			http.NewResponseController(w).Flush()
		}
	})
	mux.HandleFunc("GET /sse", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
		w.WriteHeader(200)
		_, _ = io.WriteString(w, "data: "+strings.Repeat("x", 600)+"\n\n")
		http.NewResponseController(w).Flush()
	})
	mux.HandleFunc("GET /encoded", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "br")
		w.Header().Set("Content-Length", "1000")
		w.Header().Set("Content-Type", "application/octet-stream")
		_, _ = io.WriteString(w, strings.Repeat("z", 1000))
	})
	mux.HandleFunc("GET /vary", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Vary", "Cookie")
		w.Header().Set("Content-Length", "700")
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = io.WriteString(w, strings.Repeat("v", 700))
	})
	mux.HandleFunc("GET /acao", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "https://other")
		w.Header().Set("Content-Length", "1")
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = io.WriteString(w, "x")
	})
	mux.HandleFunc("GET /nocontent", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) })
	mux.HandleFunc("GET /boom", func(w http.ResponseWriter, r *http.Request) { panic("boom") })
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "9")
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(404)
		_, _ = io.WriteString(w, "Not Found")
	})
	return mux
}

func buildGo(t *testing.T, c oracletest.Case) http.Handler {
	var st middleware.Stack
	st.Error.Log = func(*http.Request, any, []byte) {}
	cors := func() func(http.Handler) http.Handler {
		var p corsParams
		if err := json.Unmarshal(c.Params, &p); err != nil {
			t.Fatal(err)
		}
		mw, err := middleware.CORS(middleware.CORSOptions{AllowOrigins: p.AllowOrigins, AllowMethods: p.AllowMethods,
			AllowHeaders: p.AllowHeaders, AllowCredentials: p.AllowCredentials, AllowOriginRegex: p.AllowOriginRegex,
			ExposeHeaders: p.ExposeHeaders, MaxAge: p.MaxAge})
		if err != nil {
			t.Fatal(err)
		}
		return mw
	}
	gz := func(min, level int) func(http.Handler) http.Handler {
		mw, err := middleware.GZip(min, level)
		if err != nil {
			t.Fatal(err)
		}
		return mw
	}
	switch c.Kind {
	case "cors":
		st.Add(cors())
	case "gzip":
		var p gzipParams
		_ = json.Unmarshal(c.Params, &p)
		min, level := 500, 9
		if p.MinimumSize != nil {
			min = *p.MinimumSize
		}
		if p.CompressLevel != nil {
			level = *p.CompressLevel
		}
		st.Add(gz(min, level))
	case "trustedhost":
		var p hostParams
		_ = json.Unmarshal(c.Params, &p)
		www := true
		if p.WWWRedirect != nil {
			www = *p.WWWRedirect
		}
		mw, err := middleware.TrustedHost(p.AllowedHosts, www)
		if err != nil {
			t.Fatal(err)
		}
		st.Add(mw)
	case "https":
		st.Add(middleware.HTTPSRedirect)
	case "gzip-outside-http":
		var p gzipParams
		_ = json.Unmarshal(c.Params, &p)
		// Starlette's middleware list is outermost first; Stack takes
		// declaration (add_middleware) order, innermost first.
		st.AddHTTP(func(r *http.Request, next middleware.CallNext) http.Handler {
			resp := next(r)
			resp.Header().Set("X-Tag", "1")
			return resp
		})
		st.Add(gz(*p.MinimumSize, 9))
	case "cors-outside-gzip":
		st.Add(gz(10, 9))
		st.Add(cors())
	default:
		t.Fatalf("kind %q", c.Kind)
	}
	return st.Handler(routes())
}

func ptr[T any](v T) *T { return &v }

func raw(v any) json.RawMessage {
	b, _ := json.Marshal(v)
	return b
}

func get(path string, headers ...[2]string) oracletest.Request {
	return oracletest.Request{Method: "GET", Path: path, Headers: headers}
}

func TestMiddlewareAgainstStarlette(t *testing.T) {
	strict := raw(corsParams{AllowOrigins: []string{"https://a.example"}, AllowMethods: []string{"GET", "POST"},
		AllowHeaders: []string{"X-Token"}, ExposeHeaders: []string{"X-A", "X-B"}})
	star := raw(corsParams{AllowOrigins: []string{"*"}, AllowMethods: []string{"*"}, AllowHeaders: []string{"*"}})
	starCred := raw(corsParams{AllowOrigins: []string{"*"}, AllowCredentials: true, MaxAge: ptr(0)})
	regex := raw(corsParams{AllowOriginRegex: `https://(a|b)\.example`, AllowMethods: []string{"PUT"}})
	origin := func(o string) [2]string { return [2]string{"origin", o} }
	pre := func(path string, h ...[2]string) oracletest.Request {
		return oracletest.Request{Method: "OPTIONS", Path: path, Headers: h}
	}
	acrm := func(m string) [2]string { return [2]string{"access-control-request-method", m} }
	acrh := func(m string) [2]string { return [2]string{"access-control-request-headers", m} }
	gz := func(min, level int) json.RawMessage {
		return raw(gzipParams{MinimumSize: ptr(min), CompressLevel: ptr(level)})
	}
	identity := [2]string{"accept-encoding", "identity"}
	hosts := func(www bool, h ...string) json.RawMessage {
		return raw(hostParams{AllowedHosts: h, WWWRedirect: ptr(www)})
	}
	host := func(h string) [2]string { return [2]string{"host", h} }
	cases := []oracletest.Case{
		{Name: "cors-no-origin", Kind: "cors", Params: strict, Request: get("/text")},
		{Name: "cors-allowed", Kind: "cors", Params: strict, Request: get("/text", origin("https://a.example"))},
		{Name: "cors-disallowed", Kind: "cors", Params: strict, Request: get("/text", origin("https://evil"))},
		{Name: "cors-empty-origin", Kind: "cors", Params: strict, Request: get("/text", origin(""))},
		{Name: "cors-vary-merge", Kind: "cors", Params: strict, Request: get("/vary", origin("https://a.example"))},
		{Name: "cors-acao-overridden", Kind: "cors", Params: strict, Request: get("/acao", origin("https://a.example"))},
		{Name: "cors-404", Kind: "cors", Params: strict, Request: get("/nope", origin("https://a.example"))},
		{Name: "cors-500", Kind: "cors", Params: strict, Request: get("/boom", origin("https://a.example"))},
		{Name: "cors-preflight-ok", Kind: "cors", Params: strict, Request: pre("/text", origin("https://a.example"), acrm("POST"), acrh("X-Token"))},
		{Name: "cors-preflight-bad-all", Kind: "cors", Params: strict, Request: pre("/text", origin("https://evil"), acrm("DELETE"), acrh("x-token, x-other"))},
		{Name: "cors-preflight-empty-headers", Kind: "cors", Params: strict, Request: pre("/text", origin("https://a.example"), acrm("GET"), acrh(""))},
		{Name: "cors-preflight-safelisted", Kind: "cors", Params: strict, Request: pre("/text", origin("https://a.example"), acrm("GET"), acrh(" Accept ,content-type"))},
		{Name: "cors-preflight-method-case", Kind: "cors", Params: strict, Request: pre("/text", origin("https://a.example"), acrm("get"))},
		{Name: "cors-star-simple", Kind: "cors", Params: star, Request: get("/text", origin("https://x"))},
		{Name: "cors-star-cookie", Kind: "cors", Params: star, Request: get("/text", origin("https://x"), [2]string{"cookie", "a=1"})},
		{Name: "cors-star-preflight", Kind: "cors", Params: star, Request: pre("/text", origin("https://x"), acrm("PATCH"), acrh("X-Anything, Y"))},
		{Name: "cors-star-credentials", Kind: "cors", Params: starCred, Request: get("/text", origin("https://x"))},
		{Name: "cors-star-credentials-preflight", Kind: "cors", Params: starCred, Request: pre("/text", origin("https://x"), acrm("GET"))},
		{Name: "cors-regex", Kind: "cors", Params: regex, Request: get("/text", origin("https://b.example"))},
		{Name: "cors-regex-partial", Kind: "cors", Params: regex, Request: get("/text", origin("https://b.example.evil"))},
		{Name: "cors-regex-preflight", Kind: "cors", Params: regex, Request: pre("/text", origin("https://a.example"), acrm("PUT"))},
		{Name: "cors-options-no-acrm", Kind: "cors", Params: strict, Request: pre("/nope", origin("https://a.example"))},

		{Name: "gzip-small", Kind: "gzip", Params: gz(500, 9), Request: get("/text?n=499")},
		{Name: "gzip-at-minimum", Kind: "gzip", Params: gz(500, 9), Request: get("/text?n=500")},
		{Name: "gzip-identity", Kind: "gzip", Params: gz(500, 9), Request: get("/text?n=800", identity)},
		{Name: "gzip-substring", Kind: "gzip", Params: gz(500, 9), Request: get("/text?n=800", [2]string{"accept-encoding", "x-gzip;q=0"})},
		{Name: "gzip-stream-small", Kind: "gzip", Params: gz(500, 9), Request: get("/stream?parts=a,b")},
		{Name: "gzip-stream-identity", Kind: "gzip", Params: gz(500, 9), Request: get("/stream?parts=a,b", identity)},
		{Name: "gzip-sse", Kind: "gzip", Params: gz(500, 9), Request: get("/sse")},
		{Name: "gzip-already-encoded", Kind: "gzip", Params: gz(500, 9), Request: get("/encoded")},
		{Name: "gzip-vary-merge", Kind: "gzip", Params: gz(500, 1), Request: get("/vary")},
		{Name: "gzip-204", Kind: "gzip", Params: gz(0, 9), Request: get("/nocontent")},
		{Name: "gzip-min-zero-empty", Kind: "gzip", Params: gz(0, 9), Request: get("/text?n=0")},
		{Name: "gzip-head", Kind: "gzip", Params: gz(100, 9), Request: oracletest.Request{Method: "HEAD", Path: "/text?n=800"}},
		{Name: "gzip-404", Kind: "gzip", Params: gz(1, 9), Request: get("/nope")},
		{Name: "gzip-500", Kind: "gzip", Params: gz(1, 9), Request: get("/boom")},
		{Name: "gzip-outside-http-small", Kind: "gzip-outside-http", Params: raw(gzipParams{MinimumSize: ptr(500)}), Request: get("/text?n=5")},
		{Name: "gzip-outside-http-identity", Kind: "gzip-outside-http", Params: raw(gzipParams{MinimumSize: ptr(500)}), Request: get("/text?n=5", identity)},
		{Name: "cors-outside-gzip", Kind: "cors-outside-gzip", Params: strict, Request: get("/vary", origin("https://a.example"))},

		{Name: "host-ok", Kind: "trustedhost", Params: hosts(true, "example.com", "*.example.org"), Request: get("/text", host("example.com"))},
		{Name: "host-port", Kind: "trustedhost", Params: hosts(true, "example.com"), Request: get("/text", host("example.com:8080"))},
		{Name: "host-case", Kind: "trustedhost", Params: hosts(true, "example.com"), Request: get("/text", host("Example.com"))},
		{Name: "host-wildcard", Kind: "trustedhost", Params: hosts(true, "*.example.org"), Request: get("/text", host("a.b.example.org"))},
		{Name: "host-wildcard-bare", Kind: "trustedhost", Params: hosts(true, "*.example.org"), Request: get("/text", host("example.org"))},
		{Name: "host-www-redirect", Kind: "trustedhost", Params: hosts(true, "www.example.com"), Request: get("/a%20b/c?x=1&y=%C3%A9", host("example.com:8000"))},
		{Name: "host-www-no-redirect", Kind: "trustedhost", Params: hosts(false, "www.example.com"), Request: get("/text", host("example.com"))},
		{Name: "host-star", Kind: "trustedhost", Params: hosts(true, "*"), Request: get("/text", host("anything"))},
		{Name: "host-ipv6", Kind: "trustedhost", Params: hosts(true, "::1", "["), Request: get("/text", host("[::1]:80"))},

		{Name: "https-plain", Kind: "https", Params: raw(nil), Request: get("/text?q=1", host("Example.com"))},
		{Name: "https-port-80", Kind: "https", Params: raw(nil), Request: get("/text", host("Example.com:80"))},
		{Name: "https-port-443", Kind: "https", Params: raw(nil), Request: get("/x/", host("example.com:443"))},
		{Name: "https-port-8080", Kind: "https", Params: raw(nil), Request: get("/text", host("Example.com:8080"))},
		{Name: "https-post", Kind: "https", Params: raw(nil), Request: oracletest.Request{Method: "POST", Path: "/post", Headers: [][2]string{host("h")}}},
		{Name: "https-encoded-path", Kind: "https", Params: raw(nil), Request: get("/a%2Fb%23c?x=%20", host("h"))},
	}
	cases = oracletest.Cases(t, "testdata/oracle.json", oracleScript, cases)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) { oracletest.Check(t, c, buildGo(t, c)) })
	}
}
