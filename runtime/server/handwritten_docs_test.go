package server_test

import (
	"testing"

	"github.com/covetpy/covetgen/runtime/docs"
	"github.com/covetpy/covetgen/runtime/router"
)

// addDocs registers what FastAPI.setup() adds, before the app's routes:
// /openapi.json, /docs, /docs/oauth2-redirect and /redoc (runtime/docs).
func addDocs(t testing.TB, rt *router.Router, title string, openapi []byte) {
	t.Helper()
	routes, err := docs.Routes(docs.App{
		Title: title, OpenAPIURL: "/openapi.json", DocsURL: "/docs", RedocURL: "/redoc",
		OAuth2RedirectURL: "/docs/oauth2-redirect", RootPath: router.RootPathOf,
	}, openapi)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range routes {
		must(t, rt.RouteHTTP(r.Path, nil, r.Handler))
	}
}
