package docs_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/covetpy/covetgen/internal/replay"
	"github.com/covetpy/covetgen/runtime/docs"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/router"
)

// openapiMetaApp is the docs side of testdata/fastapi_apps/openapi_meta:
// custom openapi/docs/redoc URLs, swagger_ui_parameters, the default OAuth2
// redirect URL.
func openapiMetaApp(t *testing.T) http.Handler {
	doc, err := os.ReadFile("golden/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	routes, err := docs.Routes(docs.App{
		Title:             "Invoicing API",
		OpenAPIURL:        "/api/v1/openapi.json",
		DocsURL:           "/api/docs",
		RedocURL:          "/api/redoc",
		OAuth2RedirectURL: "/docs/oauth2-redirect",
		SwaggerUIParameters: []docs.Param{
			{Key: "syntaxHighlight", Value: false},
			{Key: "defaultModelsExpandDepth", Value: -1},
		},
	}, doc)
	if err != nil {
		t.Fatal(err)
	}
	// FastAPI.setup()'s routes come first, as Starlette routes (GET, HEAD).
	rt := router.New(router.Options{})
	for _, r := range routes {
		h := r.Handler
		err := rt.Route(r.Path, nil, func(rq *request.Request, out *response.Out) error {
			return out.Send(&response.Response{Kind: response.KindHandler, Handler: h})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return rt
}

func TestGoldenOpenAPIMeta(t *testing.T) {
	app := replay.AppDir(t, "openapi_meta")
	replay.Prepare(t, app)
	srv := httptest.NewServer(openapiMetaApp(t))
	defer srv.Close()
	replay.Run(t, app, srv.URL,
		replay.Skip("the app's own invoice/customer routes (bodies, HttpUrl and Decimal validation): generated handlers, not docs",
			"create-invoice", "create-invoice-bad-callback", "read-invoice", "read-created-invoice", "list-invoices",
			"list-invoices-paid", "customers-deprecated", "customers-v2", "create-customer", "create-customer-bad",
			"hidden-health", "import-csv", "untagged"))
}
