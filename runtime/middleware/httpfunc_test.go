package middleware_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/covetpy/covetgen/runtime/middleware"
)

func serve(h http.Handler, method, target string, body io.Reader) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, body))
	return rec
}

func stack(inner http.Handler, fns ...middleware.HTTPFunc) http.Handler {
	var st middleware.Stack
	st.Error.Log = func(*http.Request, any, []byte) {}
	for _, fn := range fns {
		st.AddHTTP(fn)
	}
	return st.Handler(inner)
}

func tagger(name string) middleware.HTTPFunc {
	return func(r *http.Request, next middleware.CallNext) http.Handler {
		resp := next(r)
		resp.Header().Add("X-Order", name)
		return resp
	}
}

func TestHTTPFunc(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(201)
		_, _ = io.WriteString(w, "body")
	})
	tests := []struct {
		name       string
		inner      http.Handler
		fns        []middleware.HTTPFunc
		wantStatus int
		wantBody   string
		wantHeader map[string][]string
	}{
		{
			name:  "headers added after call_next, last declared outermost",
			inner: ok, fns: []middleware.HTTPFunc{tagger("first"), tagger("second")},
			wantStatus: 201, wantBody: "body",
			wantHeader: map[string][]string{"X-Order": {"first", "second"}, "Content-Type": {"text/plain"}},
		},
		{
			name:  "own response instead of call_next",
			inner: ok,
			fns: []middleware.HTTPFunc{func(r *http.Request, next middleware.CallNext) http.Handler {
				return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
					w.WriteHeader(451)
					_, _ = io.WriteString(w, "blocked")
				})
			}},
			wantStatus: 451, wantBody: "blocked",
		},
		{
			name:  "status replaced",
			inner: ok,
			fns: []middleware.HTTPFunc{func(r *http.Request, next middleware.CallNext) http.Handler {
				resp := next(r)
				resp.Status = 202
				return resp
			}},
			wantStatus: 202, wantBody: "body",
		},
		{
			name:       "panic before the response started: 500, middleware headers lost",
			inner:      http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("kaboom") }),
			fns:        []middleware.HTTPFunc{tagger("a")},
			wantStatus: 500, wantBody: "Internal Server Error",
			wantHeader: map[string][]string{"X-Order": nil, "Content-Type": {"text/plain; charset=utf-8"}},
		},
		{
			name:       "handler writing nothing is a 200",
			inner:      http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.Header().Set("X-A", "1") }),
			fns:        []middleware.HTTPFunc{tagger("a")},
			wantStatus: 200, wantBody: "",
			wantHeader: map[string][]string{"X-A": {"1"}, "X-Order": {"a"}},
		},
		{
			name:  "body read in the middleware is seen again downstream",
			inner: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = io.Copy(w, r.Body) }),
			fns: []middleware.HTTPFunc{func(r *http.Request, next middleware.CallNext) http.Handler {
				b, _ := middleware.ReadBody(r)
				resp := next(r)
				resp.Header().Set("X-Len", string(rune('0'+len(b))))
				return resp
			}},
			wantStatus: 200, wantBody: "hello",
			wantHeader: map[string][]string{"X-Len": {"5"}},
		},
		{
			name:  "body consumed by the middleware and re-sent",
			inner: ok,
			fns: []middleware.HTTPFunc{func(r *http.Request, next middleware.CallNext) http.Handler {
				resp := next(r)
				b := resp.ReadBody()
				return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
					_, _ = w.Write(bytes.ToUpper(b))
				})
			}},
			wantStatus: 200, wantBody: "BODY",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := serve(stack(tt.inner, tt.fns...), "POST", "/", strings.NewReader("hello"))
			if rec.Code != tt.wantStatus || rec.Body.String() != tt.wantBody {
				t.Errorf("got %d %q, want %d %q", rec.Code, rec.Body.String(), tt.wantStatus, tt.wantBody)
			}
			for k, v := range tt.wantHeader {
				if got := rec.Header()[k]; strings.Join(got, "|") != strings.Join(v, "|") {
					t.Errorf("header %s = %q, want %q", k, got, v)
				}
			}
		})
	}
}

// The downstream body streams through call_next: the client sees the first
// chunk while the handler still runs.
func TestHTTPFuncStreams(t *testing.T) {
	release := make(chan struct{})
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "first;")
		http.NewResponseController(w).Flush()
		<-release
		_, _ = io.WriteString(w, "second")
	})
	srv := httptest.NewServer(stack(inner, tagger("a")))
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	buf := make([]byte, 6)
	if _, err := io.ReadFull(resp.Body, buf); err != nil || string(buf) != "first;" {
		t.Fatalf("first chunk %q, %v", buf, err)
	}
	if resp.Header.Get("X-Order") != "a" {
		t.Errorf("X-Order = %q", resp.Header.Get("X-Order"))
	}
	close(release)
	rest, _ := io.ReadAll(resp.Body)
	if string(rest) != "second" {
		t.Errorf("rest %q", rest)
	}
}

// A middleware answering on its own still waits for the downstream handler,
// whose writes go nowhere and whose context is cancelled.
func TestHTTPFuncAbandonedDownstream(t *testing.T) {
	var finished atomic.Bool
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "start")
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
			t.Error("downstream context not cancelled")
		}
		_, _ = io.WriteString(w, "more")
		finished.Store(true)
	})
	h := stack(inner, func(r *http.Request, next middleware.CallNext) http.Handler {
		_ = next(r)
		return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "mine") })
	})
	rec := serve(h, "GET", "/", nil)
	if rec.Body.String() != "mine" {
		t.Errorf("body %q", rec.Body.String())
	}
	if !finished.Load() {
		t.Error("middleware returned before the downstream handler")
	}
}

// A panic after the response started cannot become a 500: the response
// already sent is kept and the connection aborted.
func TestHTTPFuncPanicAfterStart(t *testing.T) {
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "partial")
		panic("late")
	})
	srv := httptest.NewServer(stack(inner, tagger("a")))
	srv.Config.ErrorLog = nil
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		return // aborted before the head: acceptable
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("status %d", resp.StatusCode)
	}
	_, _ = io.ReadAll(resp.Body)
}

func TestServerErrorHandler(t *testing.T) {
	var st middleware.Stack
	st.Error.Log = func(*http.Request, any, []byte) {}
	st.Error.Handler = func(w http.ResponseWriter, r *http.Request, err any) {
		w.WriteHeader(503)
		_, _ = io.WriteString(w, "custom: "+err.(string))
	}
	h := st.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Leak", "1")
		panic("down")
	}))
	rec := serve(h, "GET", "/", nil)
	if rec.Code != 503 || rec.Body.String() != "custom: down" || rec.Header().Get("X-Leak") != "" {
		t.Errorf("got %d %q %v", rec.Code, rec.Body.String(), rec.Header())
	}
}

func TestWebSocketBypass(t *testing.T) {
	called := false
	h := stack(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(101) }),
		func(r *http.Request, next middleware.CallNext) http.Handler { called = true; return next(r) })
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/ws", nil)
	req.Header.Set("Upgrade", "websocket")
	req.Header.Set("Connection", "keep-alive, Upgrade")
	h.ServeHTTP(rec, req)
	if called || rec.Code != 101 {
		t.Errorf("called=%v code=%d", called, rec.Code)
	}
}

func TestConstructorErrors(t *testing.T) {
	if _, err := middleware.CORS(middleware.CORSOptions{AllowOriginRegex: `(?<=x)y`}); err == nil {
		t.Error("CORS: look-behind accepted")
	}
	if _, err := middleware.GZip(500, 10); err == nil {
		t.Error("GZip: level 10 accepted")
	}
	for _, p := range []string{"*example.com", "a.*.com", "**"} {
		if _, err := middleware.TrustedHost([]string{p}, true); err == nil {
			t.Errorf("TrustedHost: %q accepted", p)
		}
	}
}
