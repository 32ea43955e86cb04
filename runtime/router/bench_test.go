package router

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
)

// benchRoutes is a typical 20-route app (docs routes first, as FastAPI
// registers them).
var benchRoutes = []struct{ path, method string }{
	{"/openapi.json", "GET"}, {"/docs", "GET"}, {"/docs/oauth2-redirect", "GET"}, {"/redoc", "GET"},
	{"/", "GET"}, {"/users/me", "GET"}, {"/users/{user_id}", "GET"}, {"/users/{user_id}", "PUT"},
	{"/users/{user_id}/orders", "GET"}, {"/users/{user_id}/orders/{order_id:int}", "GET"},
	{"/items/", "GET"}, {"/items/", "POST"}, {"/items/{item_id}", "GET"}, {"/items/{item_id}", "DELETE"},
	{"/files/{file_path:path}", "GET"}, {"/search", "GET"}, {"/health", "GET"},
	{"/orders/{order_id:uuid}", "GET"}, {"/prices/{amount:float}", "GET"}, {"/admin/stats", "GET"},
}

func benchRouter(b *testing.B) *Router {
	rt := New(Options{})
	h := func(rq *request.Request, out *response.Out) error { return nil }
	for _, r := range benchRoutes {
		if err := rt.API(r.path, []string{r.method}, h); err != nil {
			b.Fatal(err)
		}
	}
	return rt
}

// BenchmarkRouting measures route lookup alone (Starlette's ordered scan)
// on the 20-route app, for paths matched early, late, and not at all.
func BenchmarkRouting(b *testing.B) {
	rt := benchRouter(b)
	cases := []struct{ name, method, path string }{
		{"root", "GET", "/"},
		{"param", "GET", "/items/12345"},
		{"two-params", "GET", "/users/alice/orders/42"},
		{"late-float", "GET", "/prices/19.99"},
		{"last-static", "GET", "/admin/stats"},
		{"405", "POST", "/health"},
		{"404", "GET", "/nowhere/at/all"},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var buf [16]string
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				rt.find(c.path, c.method, false, buf[:])
			}
		})
	}
}

// BenchmarkServeNoop measures ServeHTTP (routing, request state, an
// endpoint writing a small JSON body) without the network.
func BenchmarkServeNoop(b *testing.B) {
	rt := New(Options{})
	rt.API("/items/{item_id}", []string{"GET"}, func(rq *request.Request, out *response.Out) error {
		return out.JSON(200, append(out.Buf(), `{"ok":true}`...))
	})
	r := httptest.NewRequest("GET", "/items/5?q=x", nil)
	w := &nopWriter{h: http.Header{}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		clear(w.h)
		rt.ServeHTTP(w, r)
	}
}

type nopWriter struct{ h http.Header }

func (w *nopWriter) Header() http.Header         { return w.h }
func (w *nopWriter) Write(p []byte) (int, error) { return len(p), nil }
func (w *nopWriter) WriteHeader(int)             {}
