package static_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/covetpy/covetgen/internal/replay"
	"github.com/covetpy/covetgen/runtime/docs"
	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/router"
	"github.com/covetpy/covetgen/runtime/static"
	"github.com/covetpy/covetgen/runtime/validate"
)

// routerScope connects StaticFiles and the docs pages to runtime/router,
// which hands mounted handlers (and handler responses) the scope in the
// request context.
func routerScope(r *http.Request) (string, string) {
	if s, ok := router.ScopeOf(r); ok {
		return s.Path, s.RootPath
	}
	return r.URL.Path, ""
}

func routerRootPath(r *http.Request) string {
	_, root := routerScope(r)
	return root
}

// addDocs registers FastAPI.setup()'s routes, first, as Starlette routes.
func addDocs(t *testing.T, rt *router.Router, app docs.App, openapi []byte) {
	app.RootPath = routerRootPath
	routes, err := docs.Routes(app, openapi)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range routes {
		h := r.Handler
		err := rt.Route(r.Path, nil, func(rq *request.Request, out *response.Out) error {
			return out.Send(&response.Response{Kind: response.KindHandler, Handler: h})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// recordedBody is a recorded response body of the app's goldens.
func recordedBody(t *testing.T, name string) []byte {
	_, exs, err := replay.Load(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range exs {
		if ex.Name == name {
			b, err := ex.Response.Body()
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatalf("no exchange %q", name)
	return nil
}

func itemJSON(out *response.Out, id validate.Int, name string) error {
	b, err := id.AppendJSON(append(out.Buf(), `{"id":`...))
	if err != nil {
		return err
	}
	b = append(b, `,"name":`...)
	if b, err = pyjson.AppendString(b, name); err != nil {
		return err
	}
	return out.JSON(200, append(b, '}'))
}

// mountsStaticApp is testdata/fastapi_apps/mounts_static in the shape
// generated code takes. The main app's document is golden/openapi.json; the
// sub-app's is its served /subapi/openapi.json with the "servers" entry the
// docs handler adds taken off again (the corpus records no separate
// document for it).
func mountsStaticApp(t *testing.T) http.Handler {
	mainDoc, err := os.ReadFile("golden/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	subDoc := recordedBody(t, "sub-openapi")
	subDoc = bytes.TrimSuffix(subDoc, []byte(`,"servers":[{"url":"/subapi"}]}`))
	subDoc = append(subDoc[:len(subDoc):len(subDoc)], '}')

	main := router.New(router.Options{})
	addDocs(t, main, docs.App{Title: "Main app with mounts", OpenAPIURL: "/openapi.json", DocsURL: "/docs",
		RedocURL: "/redoc", OAuth2RedirectURL: "/docs/oauth2-redirect"}, mainDoc)
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(main.API("/app", nil, func(rq *request.Request, out *response.Out) error {
		b := append(out.Buf(), `{"message":"Hello World from main app","root_path":`...)
		b, _ = pyjson.AppendString(b, rq.RootPath())
		b = append(b, `,"path":`...)
		b, _ = pyjson.AppendString(b, rq.Path())
		return out.JSON(200, append(b, '}'))
	}))
	must(main.API("/items/{item_id}", nil, func(rq *request.Request, out *response.Out) error {
		var errs response.Errors
		id, e := validate.IntFromString(rq.Param(0))
		errs.Add(e, "path", "item_id")
		if err := errs.Err(); err != nil {
			return err
		}
		return itemJSON(out, id, "main-"+id.String())
	}))

	sub := router.New(router.Options{})
	addDocs(t, sub, docs.App{Title: "Sub API", OpenAPIURL: "/openapi.json", DocsURL: "/docs",
		RedocURL: "/redoc", OAuth2RedirectURL: "/docs/oauth2-redirect"}, subDoc)
	must(sub.API("/sub", nil, func(rq *request.Request, out *response.Out) error {
		b := append(out.Buf(), `{"message":"Hello World from sub API","root_path":`...)
		b, _ = pyjson.AppendString(b, rq.RootPath())
		return out.JSON(200, append(b, '}'))
	}))
	must(sub.API("/items/{item_id}", nil, func(rq *request.Request, out *response.Out) error {
		var errs response.Errors
		id, e := validate.IntFromString(rq.Param(0))
		errs.Add(e, "path", "item_id")
		verbose := false
		if v, ok := rq.Query().Get("verbose"); ok {
			var e *validate.Error
			verbose, e = validate.BoolFromString(v)
			errs.Add(e, "query", "verbose")
		}
		if err := errs.Err(); err != nil {
			return err
		}
		name := "sub"
		if verbose {
			name = "sub-verbose"
		}
		return itemJSON(out, id, name)
	}))
	must(main.Mount("/subapi", sub))

	st, err := static.New(static.Config{Directory: "static", Scope: routerScope})
	must(err)
	must(main.Mount("/static", st))
	site, err := static.New(static.Config{Directory: "site", HTML: true, Scope: routerScope})
	must(err)
	must(main.Mount("/site", site))
	return main
}

func TestGoldenMountsStatic(t *testing.T) {
	app := replay.AppDir(t, "mounts_static")
	replay.Prepare(t, app)
	srv := httptest.NewServer(mountsStaticApp(t))
	defer srv.Close()
	replay.Run(t, app, srv.URL)
}
