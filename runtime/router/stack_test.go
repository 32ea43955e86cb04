package router

import (
	"errors"
	"net/http"
	"testing"

	"github.com/covetpy/covetgen/runtime/middleware"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
)

// Inside runtime/middleware's Stack (which brings ServerErrorMiddleware),
// the router leaves the 500 to it.
func TestPropagatePanicsToMiddlewareStack(t *testing.T) {
	rt := New(Options{PropagatePanics: true})
	mustR(t, rt.API("/boom", nil, func(*request.Request, *response.Out) error { return errors.New("boom") }))
	mustR(t, rt.API("/ok", nil, echo("ok")))
	var logged any
	var s middleware.Stack
	s.Error.Log = func(r *http.Request, err any, stack []byte) { logged = err }
	s.Add(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("X-MW", "1")
			next.ServeHTTP(w, r)
		})
	})
	h := s.Handler(rt)
	run(t, h, []exchange{
		{"GET", "/ok", 200, "ok root=", map[string]string{"x-mw": "1"}},
		{"GET", "/boom", 500, "Internal Server Error", map[string]string{"x-mw": "", "content-type": "text/plain; charset=utf-8"}},
	})
	if err, ok := logged.(error); !ok || err.Error() != "boom" {
		t.Errorf("ServerError got %v", logged)
	}
}
