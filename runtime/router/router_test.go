package router

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
)

func echo(name string) Handler {
	return func(rq *request.Request, out *response.Out) error {
		b := append(out.Buf(), name...)
		for i := 0; i < rq.NumParams(); i++ {
			b = append(b, ' ')
			b = append(b, rq.Param(i)...)
		}
		b = append(b, " root="...)
		b = append(b, rq.RootPath()...)
		return out.Content(200, "text/plain", b)
	}
}

type exchange struct {
	method, target string
	status         int
	body           string
	headers        map[string]string // expected header values ("" = absent)
}

func run(t *testing.T, h http.Handler, tests []exchange) {
	t.Helper()
	for _, tt := range tests {
		r := httptest.NewRequest(tt.method, tt.target, nil)
		r.Host = "testserver"
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != tt.status || (tt.body != "*" && w.Body.String() != tt.body) {
			t.Errorf("%s %s: %d %q, want %d %q", tt.method, tt.target, w.Code, w.Body.String(), tt.status, tt.body)
		}
		for k, v := range tt.headers {
			if got := strings.Join(w.Header()[http.CanonicalHeaderKey(k)], "|"); got != v {
				t.Errorf("%s %s: header %s = %q, want %q", tt.method, tt.target, k, got, v)
			}
		}
	}
}

func mustR(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

const notFound = `{"detail":"Not Found"}`
const notAllowed = `{"detail":"Method Not Allowed"}`

func TestStarletteRouting(t *testing.T) {
	rt := New(Options{})
	mustR(t, rt.Route("/openapi.json", nil, echo("openapi")))
	mustR(t, rt.API("/users/me", nil, echo("me")))
	mustR(t, rt.API("/users/{id}", nil, echo("user")))
	mustR(t, rt.API("/teams/{id:int}", nil, echo("team")))
	mustR(t, rt.API("/teams/special", []string{"GET", "POST"}, echo("special")))
	mustR(t, rt.API("/items/", nil, echo("items")))
	mustR(t, rt.API("/orders", nil, echo("orders")))
	mustR(t, rt.API("/things/{id}", []string{"get"}, echo("get-thing")))
	mustR(t, rt.API("/things/{id}", []string{"PUT", "PATCH"}, echo("put-thing")))
	mustR(t, rt.API("/opts", []string{"OPTIONS"}, echo("opts")))
	strict := New(Options{StrictSlashes: true})
	mustR(t, strict.API("/thing", nil, echo("strict-thing")))
	mustR(t, rt.Mount("/strict/", strict))
	run(t, rt, []exchange{
		{"GET", "/users/me", 200, "me root=", nil},
		{"GET", "/users/bob", 200, "user bob root=", nil},
		{"GET", "/users/a%2Fb", 404, notFound, map[string]string{"content-type": "application/json"}},
		{"GET", "/teams/7", 200, "team 7 root=", nil},
		{"GET", "/teams/special", 200, "special root=", nil},
		{"GET", "/teams/-1", 404, notFound, nil},
		{"DELETE", "/things/1", 405, notAllowed, map[string]string{"allow": "GET"}},
		{"PUT", "/things/1", 200, "put-thing 1 root=", nil},
		{"HEAD", "/users/me", 405, "*", map[string]string{"allow": "GET"}},
		{"OPTIONS", "/users/me", 405, notAllowed, nil},
		{"OPTIONS", "/opts", 200, "opts root=", nil},
		{"HEAD", "/openapi.json", 200, "", map[string]string{"content-length": "13"}},
		{"POST", "/openapi.json", 405, notAllowed, map[string]string{"allow": "GET, HEAD"}},
		{"GET", "/items", 307, "", map[string]string{"location": "http://testserver/items/", "content-length": "0", "content-type": ""}},
		{"POST", "/items?a=%20b", 307, "", map[string]string{"location": "http://testserver/items/?a=%20b"}},
		{"GET", "/orders//", 307, "", map[string]string{"location": "http://testserver/orders"}},
		{"GET", "/users/me/", 307, "", map[string]string{"location": "http://testserver/users/me"}},
		{"GET", "/caf%C3%A9/", 404, notFound, nil},
		{"GET", "/", 404, notFound, nil},
		{"GET", "/strict/thing", 200, "strict-thing root=/strict", nil},
		{"GET", "/strict/thing/", 404, notFound, nil},
		{"GET", "/strict", 307, "", map[string]string{"location": "http://testserver/strict/"}},
	})
}

func TestRedirectLocationQuoting(t *testing.T) {
	rt := New(Options{})
	mustR(t, rt.API("/a b/", nil, echo("x")))
	mustR(t, rt.API("/é/", nil, echo("x")))
	run(t, rt, []exchange{
		{"GET", "/a%20b", 307, "", map[string]string{"location": "http://testserver/a%20b/"}},
		{"GET", "/%C3%A9?q=%C3%A9&r=<x>", 307, "", map[string]string{"location": "http://testserver/%C3%A9/?q=%C3%A9&r=%3Cx%3E"}},
	})
}

func TestRootPath(t *testing.T) {
	sub := New(Options{})
	mustR(t, sub.API("/ping", nil, echo("ping")))
	rt := New(Options{RootPath: "/api/v1"})
	mustR(t, rt.API("/app", nil, echo("app")))
	mustR(t, rt.Mount("/sub", sub))
	run(t, rt, []exchange{
		{"GET", "/app", 200, "app root=/api/v1", nil},
		{"GET", "/api/v1/app", 200, "app root=/api/v1", nil},
		{"GET", "/api/app", 404, notFound, nil},
		{"GET", "/sub/ping", 404, notFound, nil},
		{"GET", "/api/v1/sub/ping", 200, "ping root=/api/v1/sub", nil},
		{"GET", "/api/v1/app/", 307, "", map[string]string{"location": "http://testserver/api/v1/app"}},
	})
	// uvicorn --root-path: the path is prefixed too.
	srv := New(Options{ServerRootPath: "/proxy"})
	mustR(t, srv.API("/x", nil, echo("x")))
	run(t, srv, []exchange{{"GET", "/x", 200, "x root=/proxy", nil}})
}

func TestMountHandler(t *testing.T) {
	var got Scope
	var gotPath string
	static := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, _ = ScopeOf(r)
		gotPath = r.URL.Path
		io.WriteString(w, "static")
	})
	rt := New(Options{})
	mustR(t, rt.Mount("/static", static))
	run(t, rt, []exchange{{"GET", "/static/css/a.css", 200, "static", nil}})
	if gotPath != "/css/a.css" || got.RootPath != "/static" || got.Path != "/static/css/a.css" {
		t.Errorf("mounted handler saw %q %+v", gotPath, got)
	}
}

func TestErrorsAndExceptions(t *testing.T) {
	var logged []string
	rt := New(Options{ErrorLog: func(m string) { logged = append(logged, m) }})
	mustR(t, rt.API("/boom", nil, func(*request.Request, *response.Out) error { return errors.New("boom") }))
	mustR(t, rt.API("/panic", nil, func(*request.Request, *response.Out) error { var m map[string]int; m["x"] = 1; return nil }))
	mustR(t, rt.API("/teapot", nil, func(*request.Request, *response.Out) error {
		return response.NewHTTPException(418, nil, [2]string{"X-Tea", "yes"})
	}))
	mustR(t, rt.API("/599", nil, func(*request.Request, *response.Out) error { return response.NewHTTPException(599, nil) }))
	mustR(t, rt.API("/204", nil, func(*request.Request, *response.Out) error { return response.NewHTTPException(204, nil) }))
	mustR(t, rt.API("/nothing", nil, func(*request.Request, *response.Out) error { return nil }))
	mustR(t, rt.API("/badheader", nil, func(rq *request.Request, out *response.Out) error {
		out.Param.Headers.Set("x-euro", "€")
		return out.JSON(200, append(out.Buf(), "1"...))
	}))
	const ise = "Internal Server Error"
	run(t, rt, []exchange{
		{"GET", "/boom", 500, ise, map[string]string{"content-type": "text/plain; charset=utf-8", "content-length": "21"}},
		{"GET", "/panic", 500, ise, nil},
		{"GET", "/teapot", 418, `{"detail":"I'm a Teapot"}`, map[string]string{"x-tea": "yes"}},
		{"GET", "/599", 500, ise, nil},
		{"GET", "/204", 204, "", map[string]string{"content-type": "", "content-length": ""}},
		{"GET", "/nothing", 500, ise, nil},
		{"GET", "/badheader", 500, ise, nil},
	})
	if len(logged) != 5 || !strings.HasPrefix(logged[0], "Exception in ASGI application\nboom") {
		t.Errorf("logged %d: %q", len(logged), logged)
	}
}

func TestCustomExceptionHandler(t *testing.T) {
	rt := New(Options{Exceptions: func(rq *request.Request, err error) (*response.Response, error) {
		var he *response.HTTPException
		if errors.As(err, &he) && he.Status == 404 {
			return response.PlainTextResponse(404, "custom 404 "+rq.Path(), nil), nil
		}
		return nil, nil
	}})
	mustR(t, rt.API("/x", nil, echo("x")))
	run(t, rt, []exchange{
		{"GET", "/nope", 404, "custom 404 /nope", map[string]string{"content-type": "text/plain; charset=utf-8"}},
		{"POST", "/x", 405, notAllowed, nil},
	})
}

func TestMiddlewareSkippedBy500(t *testing.T) {
	mw := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("X-MW", "1")
			next.ServeHTTP(w, r)
		})
	}
	rt := New(Options{Middleware: []func(http.Handler) http.Handler{mw}, ErrorLog: func(string) {}})
	mustR(t, rt.API("/ok", nil, echo("ok")))
	mustR(t, rt.API("/boom", nil, func(*request.Request, *response.Out) error { return errors.New("boom") }))
	run(t, rt, []exchange{
		{"GET", "/ok", 200, "ok root=", map[string]string{"x-mw": "1"}},
		{"GET", "/boom", 500, "Internal Server Error", map[string]string{"x-mw": ""}},
		{"GET", "/missing", 404, notFound, map[string]string{"x-mw": "1"}},
	})
}

func TestResponseParamAndBackground(t *testing.T) {
	var mu sync.Mutex
	var order []string
	rt := New(Options{})
	mustR(t, rt.API("/p", nil, func(rq *request.Request, out *response.Out) error {
		out.Param.Status = 201
		out.Param.Headers.Set("X-A", "1")
		if err := out.Param.SetCookie(response.NewCookie("sid", "abc")); err != nil {
			return err
		}
		out.Tasks.Add(func() error { mu.Lock(); order = append(order, "task"); mu.Unlock(); return nil })
		return out.JSON(200, append(out.Buf(), `{"ok":true}`...))
	}))
	mustR(t, rt.API("/resp", nil, func(rq *request.Request, out *response.Out) error {
		out.Param.Headers.Set("X-Ignored", "1")
		return out.Send(response.HTMLResponse(202, "<b>hi</b>", response.FromPairs([2]string{"X-B", "2"})))
	}))
	run(t, rt, []exchange{
		{"GET", "/p", 201, `{"ok":true}`, map[string]string{"x-a": "1", "set-cookie": "sid=abc; Path=/; SameSite=lax", "content-length": "11"}},
		{"GET", "/resp", 202, "<b>hi</b>", map[string]string{"x-b": "2", "x-ignored": "", "content-type": "text/html; charset=utf-8"}},
	})
	if len(order) != 1 {
		t.Errorf("background tasks ran %d times", len(order))
	}
}

func TestStreaming(t *testing.T) {
	rt := New(Options{})
	mustR(t, rt.API("/s", nil, func(rq *request.Request, out *response.Out) error {
		return out.Stream(200, "application/jsonl", func(w io.Writer) error {
			for _, l := range []string{"{\"a\":1}\n", "{\"a\":2}\n"} {
				if _, err := io.WriteString(w, l); err != nil {
					return err
				}
			}
			return nil
		})
	}))
	ts := httptest.NewServer(rt)
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/s")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(b) != "{\"a\":1}\n{\"a\":2}\n" || resp.ContentLength != -1 || resp.Header.Get("Content-Type") != "application/jsonl" {
		t.Errorf("stream: %q len %d ct %q te %v", b, resp.ContentLength, resp.Header.Get("Content-Type"), resp.TransferEncoding)
	}
}
