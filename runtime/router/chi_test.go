package router

import (
	"io"
	"net/http"
	"testing"

	"github.com/go-chi/chi/v5"
)

// A Router mounted in a chi.Mux next to chi's own routes.
func TestMountedInChi(t *testing.T) {
	rt := New(Options{})
	mustR(t, rt.API("/items/{id}", nil, echo("item")))
	mux := chi.NewMux()
	mux.Get("/chi", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "chi") })
	mux.Mount("/", rt)
	run(t, mux, []exchange{
		{"GET", "/chi", 200, "chi", nil},
		{"GET", "/items/5", 200, "item 5 root=", nil},
		{"GET", "/nope", 404, notFound, nil},
		{"DELETE", "/items/5", 405, notAllowed, map[string]string{"allow": "GET"}},
	})
}
