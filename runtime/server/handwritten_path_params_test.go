package server_test

// testdata/fastapi_apps/path_params/main.py, written by hand in the shape
// the generator emits.

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

// class Region(str, Enum): eu = "eu"; us = "us"; apac = "ap-south"
var ppRegion = validate.NewEnum(false, validate.StrChoice("eu"), validate.StrChoice("us"), validate.StrChoice("ap-south"))

// class Priority(int, Enum): low = 1; normal = 5; high = 10
var ppPriority = validate.NewEnum(true, validate.IntChoice(1), validate.IntChoice(5), validate.IntChoice(10))
var ppPriorityValues = [...]int64{1, 5, 10}
var ppPriorityNames = [...]string{"low", "normal", "high"}
var ppRegionValues = [...]string{"eu", "us", "ap-south"}

func ptrInt(i int64) *validate.Int { v := validate.IntOf(i); return &v }
func ptrF(f float64) *float64      { return &f }
func ptrN(n int) *int              { return &n }

var (
	ppCatalogID = validate.IntConstraints{Ge: ptrInt(1), Le: ptrInt(1000)}
	ppShelf     = validate.IntConstraints{Gt: ptrInt(0), Lt: ptrInt(50)}
	ppSlot      = validate.FloatConstraints{Ge: ptrF(0), Lt: ptrF(10.5)}
	ppCode      = validate.StrConstraints{MinLength: ptrN(3), MaxLength: ptrN(6), Pattern: mustPattern("^[A-Z]+$")}
)

func mustPattern(src string) *validate.Pattern {
	p, err := validate.CompilePattern(src)
	if err != nil {
		panic(err)
	}
	return p
}

// uuidVersion is uuid.UUID.version: None unless the variant is RFC 4122.
func uuidVersion(u validate.UUID) (int, bool) {
	if u[8]&0xc0 != 0x80 {
		return 0, false
	}
	return int(u[6] >> 4), true
}

func ppStr(key, v string) func(rq *request.Request, out *response.Out) error {
	return func(rq *request.Request, out *response.Out) error {
		b := append(out.Buf(), '{')
		b, _ = pyjson.AppendString(b, key)
		b = append(b, ':')
		b, err := pyjson.AppendString(b, v)
		if err != nil {
			return err
		}
		return out.JSON(200, append(b, '}'))
	}
}

// @app.get("/users/me")
func ppReadCurrentUser(rq *request.Request, out *response.Out) error {
	return out.JSON(200, append(out.Buf(), `{"user_id":"the current user"}`...))
}

// @app.get("/users/{user_id}") / ("/files/{file_path:path}"): one str echoed back.
func ppEcho(key string) router.Handler {
	return func(rq *request.Request, out *response.Out) error { return ppStr(key, rq.Param(0))(rq, out) }
}

// @app.get("/pages/{page:int}") -> {"page": page, "kind": type(page).__name__}
func ppReadPage(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	page, e := validate.IntFromString(rq.Param(0))
	errs.Add(e, "path", "page")
	if err := errs.Err(); err != nil {
		return err
	}
	b := append(out.Buf(), `{"page":`...)
	b, err := page.AppendJSON(b)
	if err != nil {
		return err
	}
	return out.JSON(200, append(b, `,"kind":"int"}`...))
}

// @app.get("/ratios/{ratio:float}") / ("/prices/{amount}"): a float path param.
func ppReadRatio(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	ratio, e := validate.FloatFromString(rq.Param(0))
	errs.Add(e, "path", "ratio")
	if err := errs.Err(); err != nil {
		return err
	}
	b, err := response.AppendJSONable(out.Buf(), pyjson.Dict{{Key: "ratio", Value: ratio}})
	if err != nil {
		return err
	}
	return out.JSON(200, b)
}

func ppReadPrice(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	amount, e := validate.FloatFromString(rq.Param(0))
	errs.Add(e, "path", "amount")
	if err := errs.Err(); err != nil {
		return err
	}
	return out.Value(200, pyjson.Dict{{Key: "amount", Value: amount}, {Key: "doubled", Value: amount * 2}})
}

// @app.get("/orders/{order_id:uuid}") -> {"order_id": order_id, "version": order_id.version}
func ppReadOrder(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	id, e := validate.UUIDFromString(rq.Param(0))
	errs.Add(e, "path", "order_id")
	if err := errs.Err(); err != nil {
		return err
	}
	var version any
	if v, ok := uuidVersion(id); ok {
		version = v
	}
	return out.Value(200, pyjson.Dict{{Key: "order_id", Value: id}, {Key: "version", Value: version}})
}

// @app.get("/tickets/{ticket_id}") -> {"ticket_id": str(ticket_id), "hex": ticket_id.hex}
func ppReadTicket(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	id, e := validate.UUIDFromString(rq.Param(0))
	errs.Add(e, "path", "ticket_id")
	if err := errs.Err(); err != nil {
		return err
	}
	s := id.String()
	hex := s[0:8] + s[9:13] + s[14:18] + s[19:23] + s[24:]
	return out.Value(200, pyjson.Dict{{Key: "ticket_id", Value: s}, {Key: "hex", Value: hex}})
}

// @app.get("/flags/{flag}")
func ppReadFlag(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	flag, e := validate.BoolFromString(rq.Param(0))
	errs.Add(e, "path", "flag")
	if err := errs.Err(); err != nil {
		return err
	}
	return out.Value(200, pyjson.Dict{{Key: "flag", Value: flag}})
}

// @app.get("/regions/{region}")
func ppReadRegion(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	region, e := ppRegion.FromString(rq.Param(0))
	errs.Add(e, "path", "region")
	if err := errs.Err(); err != nil {
		return err
	}
	var msg string
	switch {
	case region == 0: // region is Region.eu
		msg = "Data stays in Frankfurt"
	case ppRegionValues[region] == "us":
		msg = "Data stays in Virginia"
	default:
		msg = "Data stays in Mumbai"
	}
	return out.Value(200, pyjson.Dict{{Key: "region", Value: ppRegionValues[region]}, {Key: "message", Value: msg}})
}

// @app.get("/queues/{priority}") -> {"priority": priority, "name": priority.name}
func ppReadQueue(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	p, e := ppPriority.FromString(rq.Param(0))
	errs.Add(e, "path", "priority")
	if err := errs.Err(); err != nil {
		return err
	}
	return out.Value(200, pyjson.Dict{{Key: "priority", Value: ppPriorityValues[p]}, {Key: "name", Value: ppPriorityNames[p]}})
}

// @app.get("/catalog/{item_id}") item_id: Annotated[int, Path(ge=1, le=1000)]
func ppReadCatalogItem(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	raw := rq.Param(0)
	id, e := validate.IntFromString(raw)
	if e == nil {
		e = ppCatalogID.Check(id, raw)
	}
	errs.Add(e, "path", "item_id")
	if err := errs.Err(); err != nil {
		return err
	}
	return out.Value(200, pyjson.Dict{{Key: "item_id", Value: id}})
}

// @app.get("/shelves/{shelf}/slots/{slot}")
func ppReadSlot(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	rawShelf, rawSlot := rq.Param(0), rq.Param(1)
	shelf, e := validate.IntFromString(rawShelf)
	if e == nil {
		e = ppShelf.Check(shelf, rawShelf)
	}
	errs.Add(e, "path", "shelf")
	slot, e := validate.FloatFromString(rawSlot)
	if e == nil {
		e = ppSlot.Check(slot, rawSlot)
	}
	errs.Add(e, "path", "slot")
	if err := errs.Err(); err != nil {
		return err
	}
	return out.Value(200, pyjson.Dict{{Key: "shelf", Value: shelf}, {Key: "slot", Value: slot}})
}

// @app.get("/codes/{code}")
func ppReadCode(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	raw := rq.Param(0)
	code, e := ppCode.Apply(raw, raw)
	errs.Add(e, "path", "code")
	if err := errs.Err(); err != nil {
		return err
	}
	return out.Value(200, pyjson.Dict{{Key: "code", Value: code}})
}

// @app.get("/regions/{region}/priorities/{priority}")
func ppReadRegionPriority(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	region, e := ppRegion.FromString(rq.Param(0))
	errs.Add(e, "path", "region")
	priority, e := ppPriority.FromString(rq.Param(1))
	errs.Add(e, "path", "priority")
	if err := errs.Err(); err != nil {
		return err
	}
	return out.Value(200, pyjson.Dict{{Key: "region", Value: ppRegionValues[region]}, {Key: "priority", Value: ppPriorityValues[priority]}})
}

func buildPathParams(t testing.TB, dir string, opt router.Options) *router.Router {
	rt := router.New(opt)
	addDocs(t, rt, "Path params", openAPIDoc(t, dir))
	get := []string{"GET"}
	must(t, rt.API("/users/me", get, ppReadCurrentUser))
	must(t, rt.API("/users/{user_id}", get, ppEcho("user_id")))
	must(t, rt.API("/files/{file_path:path}", get, ppEcho("file_path")))
	must(t, rt.API("/pages/{page:int}", get, ppReadPage))
	must(t, rt.API("/ratios/{ratio:float}", get, ppReadRatio))
	must(t, rt.API("/orders/{order_id:uuid}", get, ppReadOrder))
	must(t, rt.API("/tickets/{ticket_id}", get, ppReadTicket))
	must(t, rt.API("/prices/{amount}", get, ppReadPrice))
	must(t, rt.API("/flags/{flag}", get, ppReadFlag))
	must(t, rt.API("/regions/{region}", get, ppReadRegion))
	must(t, rt.API("/queues/{priority}", get, ppReadQueue))
	must(t, rt.API("/catalog/{item_id}", get, ppReadCatalogItem))
	must(t, rt.API("/shelves/{shelf}/slots/{slot}", get, ppReadSlot))
	must(t, rt.API("/codes/{code}", get, ppReadCode))
	must(t, rt.API("/regions/{region}/priorities/{priority}", get, ppReadRegionPriority))
	return rt
}

func TestHandwrittenPathParams(t *testing.T) {
	dir, url := startService(t, "path_params", func(opt router.Options) http.Handler {
		return buildPathParams(t, replay.AppDir(t, "path_params"), opt)
	})
	replay.Run(t, dir, url)
}
