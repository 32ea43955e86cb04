package server_test

// testdata/fastapi_apps/errors/main.py, written by hand in the shape the
// generator emits.

import (
	"errors"
	"net/http"
	"sync"
	"testing"

	"github.com/covetpy/covetgen/internal/replay"
	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/router"
	"github.com/covetpy/covetgen/runtime/validate"
)

// erApp is the module state: STOCK = {"apple": 3, "pear": 0}.
type erApp struct {
	mu    sync.Mutex
	keys  []string
	stock map[string]validate.Int
}

func newErApp() *erApp {
	return &erApp{keys: []string{"apple", "pear"}, stock: map[string]validate.Int{"apple": validate.IntOf(3), "pear": validate.IntOf(0)}}
}

func (a *erApp) get(sku string) (validate.Int, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	v, ok := a.stock[sku]
	return v, ok
}

func (a *erApp) set(sku string, v validate.Int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, ok := a.stock[sku]; !ok {
		a.keys = append(a.keys, sku)
	}
	a.stock[sku] = v
}

// class Restock(BaseModel)
type erRestock struct {
	sku       string
	quantity  validate.Int
	expires   *validate.Date
	warehouse *validate.Int
}

var (
	erSku      = validate.StrConstraints{MinLength: ptrN(2)}
	erQuantity = validate.IntConstraints{Gt: ptrInt(0)}
)

const msgModelAttributes = "Input should be a valid dictionary or object to extract fields from"

// erRestockFromJSON validates a Restock in pydantic's python (lax) mode;
// errors are located under loc.
func erRestockFromJSON(v pyjson.Value, raw []byte, isRaw bool, loc ...any) (erRestock, []*validate.Error) {
	var m erRestock
	var errs response.Errors
	if isRaw || v.Kind() != pyjson.KindObject {
		var input any = v
		if isRaw {
			input = raw
		}
		errs.Add(&validate.Error{Type: "model_attributes_type", Msg: msgModelAttributes, Input: input}, loc...)
		return m, errs.List()
	}
	at := func(k string) []any { return append(append([]any{}, loc...), k) }
	if f, ok := v.Get("sku"); ok {
		s, e := validate.StrFromJSON(f)
		if e == nil {
			s, e = erSku.Apply(s, f)
		}
		errs.Add(e, at("sku")...)
		m.sku = s
	} else {
		errs.Missing(v, at("sku")...)
	}
	if f, ok := v.Get("quantity"); ok {
		q, e := validate.IntFromJSON(f)
		if e == nil {
			e = erQuantity.Check(q, f)
		}
		errs.Add(e, at("quantity")...)
		m.quantity = q
	} else {
		errs.Missing(v, at("quantity")...)
	}
	if f, ok := v.Get("expires"); ok && !f.IsNull() {
		d, e := validate.DateFromJSON(f)
		errs.Add(e, at("expires")...)
		m.expires = &d
	}
	if f, ok := v.Get("warehouse"); ok && !f.IsNull() {
		w, e := validate.IntFromJSON(f)
		errs.Add(e, at("warehouse")...)
		m.warehouse = &w
	}
	return m, errs.List()
}

// body reads a JSON body for a single non-embedded model parameter.
func erBody(rq *request.Request) (request.JSONBody, error) {
	return rq.JSON(true)
}

func (a *erApp) readStock(rq *request.Request, out *response.Out) error {
	sku := rq.Param(0)
	q, ok := a.get(sku)
	if !ok {
		return response.NewHTTPException(404, "Item not found")
	}
	return out.Value(200, pyjson.Dict{{Key: "sku", Value: sku}, {Key: "quantity", Value: q}})
}

func (a *erApp) reserve(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	sku := rq.Param(0)
	quantity := queryInt(rq, &errs, "quantity", 1, nil)
	if err := errs.Err(); err != nil {
		return err
	}
	available, ok := a.get(sku)
	if !ok {
		return response.NewHTTPException(404, pyjson.Dict{{Key: "error", Value: "unknown_sku"}, {Key: "sku", Value: sku}})
	}
	if quantity.Cmp(available) > 0 {
		return response.NewHTTPException(409,
			[]any{pyjson.Dict{{Key: "msg", Value: "insufficient stock"}, {Key: "available", Value: available}, {Key: "requested", Value: quantity}}},
			[2]string{"X-Error", "There goes my error"}, [2]string{"Retry-After", "30"})
	}
	return out.Value(200, pyjson.Dict{{Key: "reserved", Value: quantity}})
}

func erTeapot(rq *request.Request, out *response.Out) error {
	return response.NewHTTPException(418, nil)
}

func erTeapotCustom(rq *request.Request, out *response.Out) error {
	return response.NewHTTPException(418, "I refuse to brew coffee")
}

// @app.get("/codes/{code}") raise HTTPException(status_code=code)
func erCode(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	code, e := validate.IntFromString(rq.Param(0))
	errs.Add(e, "path", "code")
	if err := errs.Err(); err != nil {
		return err
	}
	c, ok := code.Int64()
	if !ok || c < 0 || c > 1<<31 {
		return errors.New("ValueError: not a valid HTTPStatus")
	}
	return response.NewHTTPException(int(c), nil)
}

func erDetailNone(rq *request.Request, out *response.Out) error {
	return response.NewHTTPException(400, nil)
}

func erDetailNumber(rq *request.Request, out *response.Out) error {
	return response.NewHTTPException(400, 12.5)
}

func erAuthRequired(rq *request.Request, out *response.Out) error {
	return response.NewHTTPException(401, "Not authenticated", [2]string{"WWW-Authenticate", "Bearer"})
}

func erCrash(rq *request.Request, out *response.Out) error {
	return errors.New("RuntimeError: boom")
}

func erCrashAsync(rq *request.Request, out *response.Out) error {
	return errors.New("ZeroDivisionError: division by zero")
}

func (a *erApp) crashKey(rq *request.Request, out *response.Out) error {
	sku := "missing"
	if raw, ok := rq.Query().Get("sku"); ok {
		sku = raw
	}
	q, ok := a.get(sku)
	if !ok {
		return errors.New("KeyError: " + sku)
	}
	return out.Value(200, pyjson.Dict{{Key: "quantity", Value: q}})
}

type pyObject struct{} // object(): not JSON serializable

func erUnserializable(rq *request.Request, out *response.Out) error {
	return out.Value(200, pyjson.Dict{{Key: "value", Value: pyObject{}}})
}

func erNaN(rq *request.Request, out *response.Out) error {
	return out.Value(200, pyjson.Dict{{Key: "value", Value: nan()}})
}

// @app.post("/restock") def restock(item: Restock)
func (a *erApp) restock(rq *request.Request, out *response.Out) error {
	body, err := erBody(rq)
	if err != nil {
		return err
	}
	var errs response.Errors
	var item erRestock
	if body.Kind == request.BodyEmpty || (body.Kind == request.BodyJSON && body.Value.IsNull()) {
		errs.Missing(nil, "body")
	} else {
		var es []*validate.Error
		item, es = erRestockFromJSON(body.Value, body.Raw, body.Kind == request.BodyRaw, "body")
		errs.AddAll(es)
	}
	if err := errs.Err(); err != nil {
		return err
	}
	cur, _ := a.get(item.sku)
	a.set(item.sku, addInt(cur, item.quantity))
	q, _ := a.get(item.sku)
	return out.Value(200, pyjson.Dict{{Key: "sku", Value: item.sku}, {Key: "quantity", Value: q}})
}

// @app.post("/restock/bulk") def restock_bulk(items: list[Restock], dry_run: bool = False)
func (a *erApp) restockBulk(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	dryRun := false
	if raw, ok := rq.Query().Get("dry_run"); ok {
		var e *validate.Error
		dryRun, e = validate.BoolFromString(raw)
		errs.Add(e, "query", "dry_run")
	}
	body, err := erBody(rq)
	if err != nil {
		return err
	}
	count := 0
	switch {
	case body.Kind == request.BodyEmpty || (body.Kind == request.BodyJSON && body.Value.IsNull()):
		errs.Missing(nil, "body")
	case body.Kind == request.BodyRaw || body.Value.Kind() != pyjson.KindArray:
		var input any = body.Value
		if body.Kind == request.BodyRaw {
			input = body.Raw
		}
		errs.Add(&validate.Error{Type: "list_type", Msg: "Input should be a valid list", Input: input}, "body")
	default:
		for it := body.Value.Elems(); it.Next(); {
			_, es := erRestockFromJSON(it.Value(), nil, false, "body", it.Index())
			errs.AddAll(es)
			count++
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return out.Value(200, pyjson.Dict{{Key: "count", Value: count}, {Key: "dry_run", Value: dryRun}})
}

var (
	erN = validate.IntConstraints{Ge: ptrInt(10), Le: ptrInt(20)}
	erS = validate.StrConstraints{MaxLength: ptrN(3)}
)

// @app.get("/validate")
func erValidateMany(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	q := rq.Query()
	req := func(name string) (string, bool) {
		raw, ok := q.Get(name)
		if !ok {
			errs.Missing(nil, "query", name)
		}
		return raw, ok
	}
	var (
		i, n validate.Int
		f    float64
		b    bool
		d    validate.Date
		s    string
		e    *validate.Error
	)
	if raw, ok := req("i"); ok {
		i, e = validate.IntFromString(raw)
		errs.Add(e, "query", "i")
	}
	if raw, ok := req("f"); ok {
		f, e = validate.FloatFromString(raw)
		errs.Add(e, "query", "f")
	}
	if raw, ok := req("b"); ok {
		b, e = validate.BoolFromString(raw)
		errs.Add(e, "query", "b")
	}
	if raw, ok := req("d"); ok {
		d, e = validate.DateFromString(raw)
		errs.Add(e, "query", "d")
	}
	if raw, ok := req("n"); ok {
		n, e = validate.IntFromString(raw)
		if e == nil {
			e = erN.Check(n, raw)
		}
		errs.Add(e, "query", "n")
	}
	if raw, ok := req("s"); ok {
		s, e = erS.Apply(raw, raw)
		errs.Add(e, "query", "s")
	}
	l := []any{}
	for k, raw := range q.All("l") {
		v, e := validate.IntFromString(raw)
		errs.Add(e, "query", "l", k)
		l = append(l, v)
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return out.Value(200, pyjson.Dict{{Key: "i", Value: i}, {Key: "f", Value: f}, {Key: "b", Value: b},
		{Key: "d", Value: d}, {Key: "n", Value: n}, {Key: "s", Value: s}, {Key: "l", Value: l}})
}

// @app.post("/adjust/{sku}") delta: Body(embed=True) int, reason: Body(embed=True) str = "manual"
func (a *erApp) adjust(rq *request.Request, out *response.Out) error {
	sku := rq.Param(0)
	body, err := erBody(rq)
	if err != nil {
		return err
	}
	var errs response.Errors
	field := func(name string) (pyjson.Value, bool) {
		if body.Kind != request.BodyJSON || body.Value.Kind() != pyjson.KindObject {
			return pyjson.Value{}, false
		}
		v, ok := body.Value.Get(name)
		return v, ok && !v.IsNull()
	}
	var delta validate.Int
	if v, ok := field("delta"); ok {
		var e *validate.Error
		delta, e = validate.IntFromJSON(v)
		errs.Add(e, "body", "delta")
	} else {
		errs.Missing(nil, "body", "delta")
	}
	reason := "manual"
	if v, ok := field("reason"); ok {
		var e *validate.Error
		reason, e = validate.StrFromJSON(v)
		errs.Add(e, "body", "reason")
	}
	if err := errs.Err(); err != nil {
		return err
	}
	cur, ok := a.get(sku)
	if !ok {
		return response.NewHTTPException(404, "Item not found")
	}
	a.set(sku, addInt(cur, delta))
	q, _ := a.get(sku)
	return out.Value(200, pyjson.Dict{{Key: "sku", Value: sku}, {Key: "quantity", Value: q}, {Key: "reason", Value: reason}})
}

func buildErrors(t testing.TB, dir string, opt router.Options) *router.Router {
	a := newErApp()
	rt := router.New(opt)
	addDocs(t, rt, "Inventory errors", openAPIDoc(t, dir))
	get, post := []string{"GET"}, []string{"POST"}
	must(t, rt.API("/stock/{sku}", get, a.readStock))
	must(t, rt.API("/stock/{sku}/reserve", get, a.reserve))
	must(t, rt.API("/teapot", get, erTeapot))
	must(t, rt.API("/teapot/custom", get, erTeapotCustom))
	must(t, rt.API("/codes/{code}", get, erCode))
	must(t, rt.API("/detail-none", get, erDetailNone))
	must(t, rt.API("/detail-number", get, erDetailNumber))
	must(t, rt.API("/auth-required", get, erAuthRequired))
	must(t, rt.API("/crash", get, erCrash))
	must(t, rt.API("/crash/async", get, erCrashAsync))
	must(t, rt.API("/crash/key", get, a.crashKey))
	must(t, rt.API("/unserializable", get, erUnserializable))
	must(t, rt.API("/nan", get, erNaN))
	must(t, rt.API("/restock", post, a.restock))
	must(t, rt.API("/restock/bulk", post, a.restockBulk))
	must(t, rt.API("/validate", get, erValidateMany))
	must(t, rt.API("/adjust/{sku}", post, a.adjust))
	return rt
}

func TestHandwrittenErrors(t *testing.T) {
	opt := func(o router.Options) router.Options { o.ErrorLog = func(string) {}; return o }
	dir, url := startService(t, "errors", func(o router.Options) http.Handler {
		return buildErrors(t, replay.AppDir(t, "errors"), opt(o))
	})
	replay.Run(t, dir, url)
}
