package server_test

// testdata/fastapi_apps/root_path_proxy/main.py, written by hand in the
// shape the generator emits: FastAPI(root_path=...), a mounted sub-app and
// a mounted StaticFiles (runtime/static).

import (
	"net/http"
	"path/filepath"
	"testing"

	"github.com/covetpy/covetgen/internal/replay"
	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/router"
	"github.com/covetpy/covetgen/runtime/static"
	"github.com/covetpy/covetgen/runtime/validate"
)

// @app.get("/app") def read_main(request: Request)
func rpReadMain(rq *request.Request, out *response.Out) error {
	base := rq.Scheme() + "://" + request.Latin1(rq.HTTP.Host)
	return out.Value(200, pyjson.Dict{
		{Key: "message", Value: "Hello World"},
		{Key: "root_path", Value: rq.RootPath()},
		{Key: "path", Value: rq.Path()},
		{Key: "url", Value: rq.URL()},
		{Key: "url_for", Value: base + rq.AppRootPath() + "/app"},
	})
}

// @router.get("/{report_id}") (APIRouter(prefix="/reports"))
func rpReadReport(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	id, e := validate.IntFromString(rq.Param(0))
	errs.Add(e, "path", "report_id")
	if err := errs.Err(); err != nil {
		return err
	}
	return out.Value(200, pyjson.Dict{{Key: "report_id", Value: id}, {Key: "path", Value: rq.Path()}})
}

// @sub.get("/ping")
func rpSubPing(rq *request.Request, out *response.Out) error {
	return out.Value(200, pyjson.Dict{{Key: "ping", Value: "pong"}, {Key: "root_path", Value: rq.RootPath()}, {Key: "path", Value: rq.Path()}})
}

// The sub-app's app.openapi(), as the generator would embed it.
const rpSubOpenAPI = `{"openapi":"3.1.0","info":{"title":"Proxied sub-app","version":"0.1.0"},"paths":{"/ping":{"get":{"summary":"Sub Ping","operationId":"sub_ping_ping_get","responses":{"200":{"description":"Successful Response","content":{"application/json":{"schema":{}}}}}}}}}`

func buildRootPath(t testing.TB, dir string, opt router.Options) *router.Router {
	opt.RootPath = "/api/v1"
	rt := router.New(opt)
	addDocs(t, rt, "Behind a proxy", openAPIDoc(t, dir))
	must(t, rt.API("/app", nil, rpReadMain))
	must(t, rt.API("/reports/{report_id}", nil, rpReadReport))

	subOpt := opt
	subOpt.RootPath = ""
	sub := router.New(subOpt)
	addDocs(t, sub, "Proxied sub-app", []byte(rpSubOpenAPI))
	must(t, sub.API("/ping", nil, rpSubPing))
	must(t, rt.Mount("/sub", sub))

	files, err := static.New(static.Config{
		Directory: filepath.Join(dir, "static"),
		Scope: func(r *http.Request) (string, string) {
			s, _ := router.ScopeOf(r)
			return s.Path, s.RootPath
		},
	})
	must(t, err)
	must(t, rt.Mount("/static", files))
	return rt
}

func TestHandwrittenRootPathProxy(t *testing.T) {
	dir, url := startService(t, "root_path_proxy", func(opt router.Options) http.Handler {
		return buildRootPath(t, replay.AppDir(t, "root_path_proxy"), opt)
	})
	replay.Run(t, dir, url)
}
