package server_test

// testdata/fastapi_apps/redirect_slashes_routing/main.py, written by hand
// in the shape the generator emits.

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

// class ModelName(str, Enum)
var rsModelName = validate.NewEnum(false, validate.StrChoice("alexnet"), validate.StrChoice("resnet"), validate.StrChoice("lenet"))
var rsModelNames = [...]string{"alexnet", "resnet", "lenet"}

func rsConst(body string) router.Handler {
	return func(rq *request.Request, out *response.Out) error {
		return out.JSON(200, append(out.Buf(), body...))
	}
}

func rsIntParam(param, key string, c *validate.IntConstraints, extra ...pyjson.Member) router.Handler {
	return func(rq *request.Request, out *response.Out) error {
		var errs response.Errors
		raw := rq.Param(0)
		v, e := validate.IntFromString(raw)
		if e == nil && c != nil {
			e = c.Check(v, raw)
		}
		errs.Add(e, "path", param)
		if err := errs.Err(); err != nil {
			return err
		}
		return out.Value(200, append(pyjson.Dict{{Key: key, Value: v}}, extra...))
	}
}

// @app.get("/models/{model_name}")
func rsGetModel(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	m, e := rsModelName.FromString(rq.Param(0))
	errs.Add(e, "path", "model_name")
	if err := errs.Err(); err != nil {
		return err
	}
	msg := "Have some residuals"
	switch {
	case m == 0:
		msg = "Deep Learning FTW!"
	case rsModelNames[m] == "lenet":
		msg = "LeCNN all the images"
	}
	return out.Value(200, pyjson.Dict{{Key: "model_name", Value: rsModelNames[m]}, {Key: "message", Value: msg}})
}

// @app.get("/convert/float/{x:float}")
func rsConvertFloat(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	x, e := validate.FloatFromString(rq.Param(0))
	errs.Add(e, "path", "x")
	if err := errs.Err(); err != nil {
		return err
	}
	return out.Value(200, pyjson.Dict{{Key: "x", Value: x}})
}

// @app.get("/convert/uuid/{u:uuid}")
func rsConvertUUID(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	u, e := validate.UUIDFromString(rq.Param(0))
	errs.Add(e, "path", "u")
	if err := errs.Err(); err != nil {
		return err
	}
	var version any
	if v, ok := uuidVersion(u); ok {
		version = v
	}
	return out.Value(200, pyjson.Dict{{Key: "u", Value: u.String()}, {Key: "version", Value: version}})
}

// @app.get("/items/") def list_items(limit: int = 2)
func rsListItems(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	limit := queryInt(rq, &errs, "limit", 2, nil)
	if err := errs.Err(); err != nil {
		return err
	}
	all := []string{"a", "b", "c"}
	s, e := pySliceBounds(len(all), validate.IntOf(0), limit)
	return out.Value(200, pyjson.Dict{{Key: "items", Value: all[s:e]}})
}

// @app.get("/orders") def list_orders(status: Optional[str] = None)
func rsListOrders(rq *request.Request, out *response.Out) error {
	var status any
	if raw, ok := rq.Query().Get("status"); ok {
		status = raw
	}
	return out.Value(200, pyjson.Dict{{Key: "orders", Value: []any{}}, {Key: "status", Value: status}})
}

// @app.put("/things/{thing_id}") def put_thing(thing_id: int, payload: dict)
func rsPutThing(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	id, e := validate.IntFromString(rq.Param(0))
	errs.Add(e, "path", "thing_id")
	body, err := rq.JSON(true)
	if err != nil {
		return err
	}
	switch {
	case body.Kind == request.BodyEmpty || (body.Kind == request.BodyJSON && body.Value.IsNull()):
		errs.Missing(nil, "body")
	case body.Kind == request.BodyRaw:
		errs.Add(&validate.Error{Type: "dict_type", Msg: "Input should be a valid dictionary", Input: body.Raw}, "body")
	case body.Value.Kind() != pyjson.KindObject:
		errs.Add(&validate.Error{Type: "dict_type", Msg: "Input should be a valid dictionary", Input: body.Value}, "body")
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return out.Value(200, pyjson.Dict{{Key: "thing_id", Value: id}, {Key: "method", Value: "PUT"}, {Key: "payload", Value: body.Value}})
}

// @app.api_route("/multi", methods=["GET", "POST"]) -> {"method": request.method}
func rsMulti(rq *request.Request, out *response.Out) error {
	return out.Value(200, pyjson.Dict{{Key: "method", Value: rq.Method()}})
}

// @app.api_route("/explicit-head", methods=["GET", "HEAD"])
func rsExplicitHead(rq *request.Request, out *response.Out) error {
	out.Param.Headers.Set("X-Handled", "yes")
	return out.JSON(200, append(out.Buf(), `{"head":"supported"}`...))
}

// @app.api_route("/explicit-options", methods=["OPTIONS"]) -> None
func rsExplicitOptions(rq *request.Request, out *response.Out) error {
	out.Param.Headers.Set("Allow", "GET, OPTIONS")
	return out.JSON(200, append(out.Buf(), "null"...))
}

var rsLegacyCode = validate.IntConstraints{Ge: ptrInt(1)}

func buildRedirectSlashes(t testing.TB, dir string, opt router.Options) *router.Router {
	rt := router.New(opt)
	addDocs(t, rt, "Routing rules", openAPIDoc(t, dir))
	get := []string{"GET"}
	must(t, rt.API("/users/me", get, rsConst(`{"user_id":"the current user"}`)))
	must(t, rt.API("/users/{user_id}", get, ppEcho("user_id")))
	must(t, rt.API("/teams/{team_id}", get, rsIntParam("team_id", "team_id", nil)))
	must(t, rt.API("/teams/special", get, rsConst(`{"team":"special"}`)))
	must(t, rt.API("/teams/special", []string{"POST"}, rsConst(`{"created":"special"}`)))
	must(t, rt.API("/models/{model_name}", get, rsGetModel))
	must(t, rt.API("/files/{file_path:path}", get, ppEcho("file_path")))
	must(t, rt.API("/convert/int/{n:int}", get, rsIntParam("n", "n", nil, pyjson.Member{Key: "type", Value: "int"})))
	must(t, rt.API("/convert/float/{x:float}", get, rsConvertFloat))
	must(t, rt.API("/convert/uuid/{u:uuid}", get, rsConvertUUID))
	must(t, rt.API("/convert/{anything}", get, ppEcho("fallback")))
	must(t, rt.API("/items/", get, rsListItems))
	must(t, rt.API("/orders", get, rsListOrders))
	must(t, rt.API("/things/{thing_id}", get, rsIntParam("thing_id", "thing_id", nil, pyjson.Member{Key: "method", Value: "GET"})))
	must(t, rt.API("/things/{thing_id}", []string{"PUT"}, rsPutThing))
	must(t, rt.API("/multi", []string{"GET", "POST"}, rsMulti))
	must(t, rt.API("/explicit-head", []string{"GET", "HEAD"}, rsExplicitHead))
	must(t, rt.API("/explicit-options", []string{"OPTIONS"}, rsExplicitOptions))
	must(t, rt.API("/legacy/{code}", []string{"GET", "DELETE"}, rsIntParam("code", "legacy_code", &rsLegacyCode)))
	must(t, rt.API("/legacy-status", get, rsConst(`{"ok":true}`)))
	must(t, rt.API("/nested/leaf/", get, rsConst(`{"leaf":true}`)))

	// strict = FastAPI(title="Strict slashes", redirect_slashes=False); app.mount("/strict", strict)
	sopt := opt
	sopt.StrictSlashes = true
	strict := router.New(sopt)
	must(t, strict.API("/thing", get, rsConst(`{"strict":"no slash"}`)))
	must(t, strict.API("/other/", get, rsConst(`{"strict":"slash"}`)))
	must(t, rt.Mount("/strict", strict))
	return rt
}

func TestHandwrittenRedirectSlashes(t *testing.T) {
	dir, url := startService(t, "redirect_slashes_routing", func(opt router.Options) http.Handler {
		return buildRedirectSlashes(t, replay.AppDir(t, "redirect_slashes_routing"), opt)
	})
	replay.Run(t, dir, url)
}
