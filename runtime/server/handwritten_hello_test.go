package server_test

// testdata/fastapi_apps/hello/main.py, written by hand in the shape the
// generator emits.

import (
	"net/http"
	"testing"

	"github.com/covetpy/covetgen/internal/replay"
	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/router"
	"github.com/covetpy/covetgen/runtime/validate"
)

// @app.get("/")
// def root(): return {"message": "Hello World", "service": "hello", "ready": True}
func helloRoot(rq *request.Request, out *response.Out) error {
	b := append(out.Buf(), `{"message":"Hello World","service":"hello","ready":true}`...)
	return out.JSON(200, b)
}

// @app.get("/items/{item_id}")
// def read_item(item_id: int, q: Union[str, None] = None): return {"item_id": item_id, "q": q}
func helloReadItem(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	itemID, e := validate.IntFromString(rq.Param(0))
	errs.Add(e, "path", "item_id")
	q, hasQ := rq.Query().Get("q")
	if err := errs.Err(); err != nil {
		return err
	}
	b := append(out.Buf(), `{"item_id":`...)
	b, err := itemID.AppendJSON(b)
	if err != nil {
		return err
	}
	b = append(b, `,"q":`...)
	if hasQ {
		if b, err = pyjson.AppendString(b, q); err != nil {
			return err
		}
	} else {
		b = append(b, "null"...)
	}
	return out.JSON(200, append(b, '}'))
}

func buildHello(t testing.TB, dir string, opt router.Options) *router.Router {
	rt := router.New(opt)
	addDocs(t, rt, "FastAPI", openAPIDoc(t, dir))
	must(t, rt.API("/", []string{"GET"}, helloRoot))
	must(t, rt.API("/items/{item_id}", []string{"GET"}, helloReadItem))
	return rt
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestHandwrittenHello(t *testing.T) {
	dir, url := startService(t, "hello", func(opt router.Options) http.Handler {
		return buildHello(t, replay.AppDir(t, "hello"), opt)
	})
	replay.Run(t, dir, url)
}
