package middleware_test

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/internal/replay"
	"github.com/covetpy/covetgen/runtime/middleware"
	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/router"
	"github.com/covetpy/covetgen/runtime/validate"
)

// testdata/fastapi_apps/middleware, in the shape generated code takes:
// endpoints on runtime/router, the app's middleware declared on a
// middleware.Stack in source order (add_middleware calls, then the two
// @app.middleware("http") functions), the Stack wrapping the router.

// queryInt reads `name: int = def` from the query.
func queryInt(rq *request.Request, errs *response.Errors, name string, def int64) int64 {
	v, ok := rq.Query().Get(name)
	if !ok {
		return def
	}
	n, e := validate.IntFromString(v)
	errs.Add(e, "query", name)
	i, _ := n.Int64()
	return i
}

// dictBody reads `payload: dict`.
func dictBody(rq *request.Request, errs *response.Errors) (pyjson.Value, error) {
	b, err := rq.JSON(false)
	if err != nil {
		return pyjson.Value{}, err
	}
	switch {
	case b.Kind == request.BodyEmpty:
		errs.Missing(nil, "body")
	case b.Kind != request.BodyJSON:
		errs.Add(&validate.Error{Type: "dict_type", Msg: "Input should be a valid dictionary", Input: string(b.Raw)}, "body")
	case b.Value.Kind() != pyjson.KindObject:
		errs.Add(&validate.Error{Type: "dict_type", Msg: "Input should be a valid dictionary", Input: b.Value}, "body")
	}
	return b.Value, nil
}

func middlewareApp(t *testing.T) http.Handler {
	rt := router.New(router.Options{PropagatePanics: true})
	add := func(path, method string, h router.Handler) {
		if err := rt.API(path, []string{method}, h); err != nil {
			t.Fatal(err)
		}
	}
	add("/small", "GET", func(rq *request.Request, out *response.Out) error {
		return out.JSON(200, append(out.Buf(), `{"message":"tiny"}`...))
	})
	add("/large", "GET", func(rq *request.Request, out *response.Out) error {
		var errs response.Errors
		n := queryInt(rq, &errs, "n", 100)
		if err := errs.Err(); err != nil {
			return err
		}
		b := append(out.Buf(), `{"items":[`...)
		for i := int64(0); i < n; i++ {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"id":`...)
			b = strconv.AppendInt(b, i, 10)
			b = append(b, `,"label":"item number `...)
			b = strconv.AppendInt(b, i, 10)
			b = append(b, `"}`...)
		}
		return out.JSON(200, append(b, "]}"...))
	})
	add("/text", "GET", func(rq *request.Request, out *response.Out) error {
		var errs response.Errors
		n := queryInt(rq, &errs, "repeat", 1)
		if err := errs.Err(); err != nil {
			return err
		}
		return out.Content(200, "text/plain", []byte(strings.Repeat("lorem ipsum dolor sit amet ", int(max(n, 0)))))
	})
	add("/echo", "POST", func(rq *request.Request, out *response.Out) error {
		var errs response.Errors
		v, err := dictBody(rq, &errs)
		if err != nil {
			return err
		}
		if err := errs.Err(); err != nil {
			return err
		}
		b, err := pyjson.AppendValue(append(out.Buf(), `{"received":`...), v)
		if err != nil {
			return err
		}
		return out.JSON(200, append(b, '}'))
	})
	add("/things/{thing_id}", "PUT", func(rq *request.Request, out *response.Out) error {
		var errs response.Errors
		id, e := validate.IntFromString(rq.Param(0))
		errs.Add(e, "path", "thing_id")
		v, err := dictBody(rq, &errs)
		if err != nil {
			return err
		}
		if err := errs.Err(); err != nil {
			return err
		}
		n, _ := id.Int64()
		d := pyjson.Dict{{Key: "id", Value: n}}
		for it := v.Members(); it.Next(); {
			d.Set(it.Key(), it.Value())
		}
		b, err := pyjson.Append(out.Buf(), d)
		if err != nil {
			return err
		}
		return out.JSON(200, b)
	})
	add("/things/{thing_id}", "DELETE", func(rq *request.Request, out *response.Out) error {
		var errs response.Errors
		id, e := validate.IntFromString(rq.Param(0))
		errs.Add(e, "path", "thing_id")
		if err := errs.Err(); err != nil {
			return err
		}
		b, err := id.AppendJSON(append(out.Buf(), `{"deleted":`...))
		if err != nil {
			return err
		}
		return out.JSON(200, append(b, '}'))
	})
	add("/blocked", "GET", func(rq *request.Request, out *response.Out) error {
		return out.JSON(200, append(out.Buf(), `{"unreachable":true}`...))
	})
	add("/boom", "GET", func(rq *request.Request, out *response.Out) error {
		panic("kaboom") // raise RuntimeError("kaboom")
	})

	var st middleware.Stack
	st.Error.Log = func(*http.Request, any, []byte) {}
	gz, err := middleware.GZip(600, 6)
	if err != nil {
		t.Fatal(err)
	}
	st.Add(gz)
	maxAge := 300
	cors, err := middleware.CORS(middleware.CORSOptions{
		AllowOrigins:     []string{"https://app.example.com", "http://localhost:3000"},
		AllowOriginRegex: `https://.*\.preview\.example\.org`,
		AllowCredentials: true,
		AllowMethods:     []string{"GET", "POST", "PUT"},
		AllowHeaders:     []string{"X-Custom-Header", "Authorization"},
		ExposeHeaders:    []string{"X-Served-By"},
		MaxAge:           &maxAge,
	})
	if err != nil {
		t.Fatal(err)
	}
	st.Add(cors)
	th, err := middleware.TrustedHost([]string{"testserver", "*.example.com", "localhost"}, true)
	if err != nil {
		t.Fatal(err)
	}
	st.Add(th)
	// @app.middleware("http") async def add_served_by(request, call_next)
	st.AddHTTP(func(r *http.Request, callNext middleware.CallNext) http.Handler {
		if r.URL.Path == "/blocked" {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_ = response.JSONResponse(451, []byte(`{"detail":"Blocked by middleware"}`), nil).Write(w, r)
			})
		}
		resp := callNext(r)
		resp.Header().Set("X-Served-By", "covet-mw")
		resp.Header().Set("X-Path-Seen", r.URL.Path)
		return resp
	})
	// @app.middleware("http") async def count_query(request, call_next)
	st.AddHTTP(func(r *http.Request, callNext middleware.CallNext) http.Handler {
		resp := callNext(r)
		resp.Header().Set("X-Query-Count", strconv.Itoa(len(r.URL.Query())))
		return resp
	})
	return st.Handler(rt)
}

func TestGoldenMiddleware(t *testing.T) {
	app := replay.AppDir(t, "middleware")
	replay.Prepare(t, app)
	srv := httptest.NewServer(middlewareApp(t))
	defer srv.Close()
	replay.Run(t, app, srv.URL)
}
