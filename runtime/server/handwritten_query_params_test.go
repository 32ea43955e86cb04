package server_test

// testdata/fastapi_apps/query_params/main.py, written by hand in the shape
// the generator emits.

import (
	"math"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/internal/replay"
	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/router"
	"github.com/covetpy/covetgen/runtime/validate"
)

type qpBook struct {
	id    int64
	title string
	year  int64
	price float64
	tags  []string
}

// BOOKS (module state).
var qpBooks = []qpBook{
	{1, "Dune", 1965, 9.99, []string{"scifi", "classic"}},
	{2, "Neuromancer", 1984, 7.5, []string{"scifi", "cyberpunk"}},
	{3, "Emma", 1815, 4.0, []string{"classic", "romance"}},
	{4, "Hyperion", 1989, 11.25, []string{"scifi"}},
}

func (b qpBook) dict() pyjson.Dict {
	return pyjson.Dict{{Key: "id", Value: b.id}, {Key: "title", Value: b.title}, {Key: "year", Value: b.year},
		{Key: "price", Value: b.price}, {Key: "tags", Value: b.tags}}
}

// pySliceBounds is Python's slice clamping of [start:stop] over n items.
func pySliceBounds(n int, start, stop validate.Int) (int, int) {
	clamp := func(v validate.Int) int {
		i, ok := v.Int64()
		if !ok {
			if v.Cmp(validate.IntOf(0)) < 0 {
				i = math.MinInt64
			} else {
				i = math.MaxInt64
			}
		}
		if i < 0 {
			i += int64(n)
			if i < 0 {
				i = 0
			}
		}
		if i > int64(n) {
			i = int64(n)
		}
		return int(i)
	}
	s, e := clamp(start), clamp(stop)
	if e < s {
		e = s
	}
	return s, e
}

func addInt(a, b validate.Int) validate.Int {
	return validate.IntFromBig(a.Big().Add(a.Big(), b.Big()))
}

// queryInt reads an int query parameter with a default (validated too).
func queryInt(rq *request.Request, errs *response.Errors, name string, def int64, c *validate.IntConstraints) validate.Int {
	raw, ok := rq.Query().Get(name)
	var v validate.Int
	var e *validate.Error
	var input any = raw
	if ok {
		v, e = validate.IntFromString(raw)
	} else {
		v, input = validate.IntOf(def), validate.IntOf(def)
	}
	if e == nil && c != nil {
		e = c.Check(v, input)
	}
	errs.Add(e, "query", name)
	return v
}

func queryFloat(rq *request.Request, errs *response.Errors, name string, def float64, c *validate.FloatConstraints) float64 {
	raw, ok := rq.Query().Get(name)
	v, input := def, any(def)
	var e *validate.Error
	if ok {
		v, e = validate.FloatFromString(raw)
		input = raw
	}
	if e == nil && c != nil {
		e = c.Check(v, input)
	}
	errs.Add(e, "query", name)
	return v
}

// @app.get("/books")
func qpListBooks(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	skip := queryInt(rq, &errs, "skip", 0, nil)
	limit := queryInt(rq, &errs, "limit", 10, nil)
	sortDesc := false
	if raw, ok := rq.Query().Get("sort_desc"); ok {
		var e *validate.Error
		sortDesc, e = validate.BoolFromString(raw)
		errs.Add(e, "query", "sort_desc")
	}
	if err := errs.Err(); err != nil {
		return err
	}
	rows := slices.Clone(qpBooks)
	slices.SortStableFunc(rows, func(a, b qpBook) int { return int(a.id - b.id) })
	if sortDesc {
		slices.Reverse(rows)
	}
	s, e := pySliceBounds(len(rows), skip, addInt(skip, limit))
	items := make([]any, 0, e-s)
	for _, b := range rows[s:e] {
		items = append(items, b.dict())
	}
	return out.Value(200, pyjson.Dict{{Key: "skip", Value: skip}, {Key: "limit", Value: limit}, {Key: "items", Value: items}})
}

// @app.get("/scalars")
func qpScalars(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	q := rq.Query()
	var name string
	if raw, ok := q.Get("name"); ok {
		name = raw
	} else {
		errs.Missing(nil, "query", "name")
	}
	var count validate.Int
	if raw, ok := q.Get("count"); ok {
		var e *validate.Error
		count, e = validate.IntFromString(raw)
		errs.Add(e, "query", "count")
	} else {
		errs.Missing(nil, "query", "count")
	}
	var ratio float64
	if raw, ok := q.Get("ratio"); ok {
		var e *validate.Error
		ratio, e = validate.FloatFromString(raw)
		errs.Add(e, "query", "ratio")
	} else {
		errs.Missing(nil, "query", "ratio")
	}
	var active bool
	if raw, ok := q.Get("active"); ok {
		var e *validate.Error
		active, e = validate.BoolFromString(raw)
		errs.Add(e, "query", "active")
	} else {
		errs.Missing(nil, "query", "active")
	}
	var nickname any
	if raw, ok := q.Get("nickname"); ok {
		nickname = raw
	}
	var level any
	if raw, ok := q.Get("level"); ok {
		v, e := validate.IntFromString(raw)
		errs.Add(e, "query", "level")
		level = v
	}
	score := queryFloat(rq, &errs, "score", 1.5, nil)
	verbose := true
	if raw, ok := q.Get("verbose"); ok {
		var e *validate.Error
		verbose, e = validate.BoolFromString(raw)
		errs.Add(e, "query", "verbose")
	}
	label := "default"
	if raw, ok := q.Get("label"); ok {
		label = raw
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return out.Value(200, pyjson.Dict{
		{Key: "name", Value: name}, {Key: "count", Value: count}, {Key: "ratio", Value: ratio},
		{Key: "active", Value: active}, {Key: "nickname", Value: nickname}, {Key: "level", Value: level},
		{Key: "score", Value: score}, {Key: "verbose", Value: verbose}, {Key: "label", Value: label},
	})
}

func qpHasAll(b qpBook, tags []string) bool {
	for _, t := range tags {
		if !slices.Contains(b.tags, t) {
			return false
		}
	}
	return true
}

// @app.get("/tags")
func qpBooksByTags(rq *request.Request, out *response.Out) error {
	tags := rq.Query().All("tag")
	if tags == nil {
		tags = []string{}
	}
	hits := []any{}
	for _, b := range qpBooks {
		if qpHasAll(b, tags) {
			hits = append(hits, b.id)
		}
	}
	return out.Value(200, pyjson.Dict{{Key: "tags", Value: tags}, {Key: "ids", Value: hits}})
}

// @app.get("/tags/required") tag: Annotated[list[str], Query(min_length=1, max_length=3)]
func qpRequiredTags(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	tags := rq.Query().All("tag")
	if len(tags) == 0 {
		errs.Missing(nil, "query", "tag")
	} else {
		errs.Add(validate.CheckLength("List", len(tags), ptrN(1), ptrN(3), tags), "query", "tag")
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return out.Value(200, pyjson.Dict{{Key: "tags", Value: tags}})
}

// @app.get("/years") year: list[int] = Query(default=[1965, 1984])
func qpYears(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	raws := rq.Query().All("year")
	years := []any{}
	if len(raws) == 0 {
		years = []any{int64(1965), int64(1984)}
	}
	for i, raw := range raws {
		v, e := validate.IntFromString(raw)
		errs.Add(e, "query", "year", i)
		years = append(years, v)
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return out.Value(200, pyjson.Dict{{Key: "years", Value: years}})
}

var (
	qpSearchQ    = validate.StrConstraints{MinLength: ptrN(3), MaxLength: ptrN(20), Pattern: mustPattern("^[a-zA-Z ]+$")}
	qpSearchISBN = validate.StrConstraints{Pattern: mustPattern(`^\d{3}-\d{10}$`)}
)

// @app.get("/search")
func qpSearch(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	var q, isbn *string
	if raw, ok := rq.Query().Get("q"); ok {
		v, e := qpSearchQ.Apply(raw, raw)
		errs.Add(e, "query", "q")
		q = &v
	}
	if raw, ok := rq.Query().Get("isbn"); ok {
		v, e := qpSearchISBN.Apply(raw, raw)
		errs.Add(e, "query", "isbn")
		isbn = &v
	}
	if err := errs.Err(); err != nil {
		return err
	}
	books := []any{}
	for _, b := range qpBooks {
		if q == nil || strings.Contains(strings.ToLower(b.title), strings.ToLower(*q)) {
			books = append(books, pyjson.Dict{{Key: "id", Value: b.id}})
		}
	}
	results := pyjson.Dict{{Key: "books", Value: books}}
	if q != nil && *q != "" {
		results.Set("q", *q)
	}
	if isbn != nil && *isbn != "" {
		results.Set("isbn", *isbn)
	}
	return out.Value(200, results)
}

var qpPageSize = validate.IntConstraints{Ge: ptrInt(1), Le: ptrInt(100)}

// @app.get("/aliased")
func qpAliased(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	var itemQuery any
	if raw, ok := rq.Query().Get("item-query"); ok {
		itemQuery = raw
	}
	pageSize := queryInt(rq, &errs, "pageSize", 20, &qpPageSize)
	if err := errs.Err(); err != nil {
		return err
	}
	return out.Value(200, pyjson.Dict{{Key: "item_query", Value: itemQuery}, {Key: "page_size", Value: pageSize}})
}

// @app.get("/legacy")
func qpLegacy(rq *request.Request, out *response.Out) error {
	get := func(name string) any {
		if raw, ok := rq.Query().Get(name); ok {
			return raw
		}
		return nil
	}
	old, nw, secret := get("old"), get("new"), get("secret")
	if s, ok := secret.(string); ok && s != "" {
		return out.Value(200, pyjson.Dict{{Key: "secret", Value: s}})
	}
	return out.Value(200, pyjson.Dict{{Key: "old", Value: old}, {Key: "new", Value: nw}})
}

var (
	qpLow  = validate.FloatConstraints{Ge: ptrF(0)}
	qpHigh = validate.FloatConstraints{Gt: ptrF(0), Le: ptrF(1000)}
)

// @app.get("/price-range")
func qpPriceRange(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	low := queryFloat(rq, &errs, "low", 0, &qpLow)
	high := queryFloat(rq, &errs, "high", 1000, &qpHigh)
	if err := errs.Err(); err != nil {
		return err
	}
	hits := []any{}
	for _, b := range qpBooks {
		if low <= b.price && b.price <= high {
			hits = append(hits, b.id)
		}
	}
	return out.Value(200, pyjson.Dict{{Key: "low", Value: low}, {Key: "high", Value: high}, {Key: "ids", Value: hits}})
}

// requiredStr is a required str query parameter with constraints.
func requiredStr(rq *request.Request, errs *response.Errors, name string, c *validate.StrConstraints) string {
	raw, ok := rq.Query().Get(name)
	if !ok {
		errs.Missing(nil, "query", name)
		return ""
	}
	v, e := c.Apply(raw, raw)
	errs.Add(e, "query", name)
	return v
}

// @app.get("/required-str")
func qpRequiredStr(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	code := requiredStr(rq, &errs, "code", &validate.StrConstraints{MinLength: ptrN(2)})
	if err := errs.Err(); err != nil {
		return err
	}
	return out.Value(200, pyjson.Dict{{Key: "code", Value: code}})
}

// @app.get("/ellipsis")
func qpEllipsis(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	token := requiredStr(rq, &errs, "token", &validate.StrConstraints{MaxLength: ptrN(8)})
	if err := errs.Err(); err != nil {
		return err
	}
	return out.Value(200, pyjson.Dict{{Key: "token", Value: token}})
}

var qpPage = validate.IntConstraints{Ge: ptrInt(1)}

// @app.get("/misconfigured")
func qpMisconfigured(rq *request.Request, out *response.Out) error {
	var errs response.Errors
	page := queryInt(rq, &errs, "page", 0, &qpPage)
	perPage := queryFloat(rq, &errs, "per_page", 25, nil)
	if err := errs.Err(); err != nil {
		return err
	}
	return out.Value(200, pyjson.Dict{{Key: "page", Value: page}, {Key: "per_page", Value: perPage}})
}

func buildQueryParams(t testing.TB, dir string, opt router.Options) *router.Router {
	rt := router.New(opt)
	addDocs(t, rt, "Bookshop search", openAPIDoc(t, dir))
	get := []string{"GET"}
	must(t, rt.API("/books", get, qpListBooks))
	must(t, rt.API("/scalars", get, qpScalars))
	must(t, rt.API("/tags", get, qpBooksByTags))
	must(t, rt.API("/tags/required", get, qpRequiredTags))
	must(t, rt.API("/years", get, qpYears))
	must(t, rt.API("/search", get, qpSearch))
	must(t, rt.API("/aliased", get, qpAliased))
	must(t, rt.API("/legacy", get, qpLegacy))
	must(t, rt.API("/price-range", get, qpPriceRange))
	must(t, rt.API("/required-str", get, qpRequiredStr))
	must(t, rt.API("/ellipsis", get, qpEllipsis))
	must(t, rt.API("/misconfigured", get, qpMisconfigured))
	return rt
}

func TestHandwrittenQueryParams(t *testing.T) {
	dir, url := startService(t, "query_params", func(opt router.Options) http.Handler {
		return buildQueryParams(t, replay.AppDir(t, "query_params"), opt)
	})
	replay.Run(t, dir, url)
}
