package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"
)

const apiToken = "s3cret-token"

func newRouter() http.Handler {
	r := chi.NewRouter()
	r.NotFound(func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusNotFound, detail{"Not Found"})
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusMethodNotAllowed, detail{"Method Not Allowed"})
	})
	r.Get("/hello", hello)
	r.Get("/items/{item_id}", readItem)
	r.Post("/orders", createOrder)
	r.Get("/products", listProducts)
	r.Get("/me", readMe)
	r.Get("/catalog", searchCatalog)
	r.Get("/compute/primes", primes)
	r.Get("/compute/edit-distance", editDistance)
	return r
}

// ---- responses and FastAPI's error shapes ----

type detail struct {
	Detail string `json:"detail"`
}

// fieldError is one item of FastAPI's 422 "detail" list (pydantic's error format).
type fieldError struct {
	Type  string `json:"type"`
	Loc   []any  `json:"loc"`
	Msg   string `json:"msg"`
	Input any    `json:"input"`
	Ctx   *ctx   `json:"ctx,omitempty"`
}

// ctx holds the constraint that failed; pydantic prints exactly one of these keys
// (field_type comes with the list-length ones).
type ctx struct {
	FieldType    string `json:"field_type,omitempty"`
	GT           any    `json:"gt,omitempty"`
	GE           any    `json:"ge,omitempty"`
	LE           any    `json:"le,omitempty"`
	MinLength    *int   `json:"min_length,omitempty"`
	MaxLength    *int   `json:"max_length,omitempty"`
	ActualLength *int   `json:"actual_length,omitempty"`
	Pattern      string `json:"pattern,omitempty"`
	Error        string `json:"error,omitempty"`
	Expected     string `json:"expected,omitempty"`
}

type validationError struct {
	Detail []fieldError `json:"detail"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "Internal Server Error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	w.Write(b)
}

// pyFloat marshals like Python's float repr, which FastAPI prints: 5.0, not 5.
type pyFloat float64

func (f pyFloat) MarshalJSON() ([]byte, error) {
	return appendPyFloat(nil, float64(f)), nil
}

func appendPyFloat(b []byte, f float64) []byte {
	if abs := f; abs != 0 && (abs < 1e-4 && abs > -1e-4 || abs >= 1e16 || abs <= -1e16) {
		return strconv.AppendFloat(b, f, 'e', -1, 64)
	}
	n := len(b)
	b = strconv.AppendFloat(b, f, 'f', -1, 64)
	for _, c := range b[n:] {
		if c == '.' {
			return b
		}
	}
	return append(b, '.', '0')
}

// validator collects errors in pydantic's order (fields in declaration order, depth first).
type validator struct{ errs []fieldError }

func (v *validator) add(typ string, loc []any, msg string, input any, c *ctx) {
	v.errs = append(v.errs, fieldError{Type: typ, Loc: loc, Msg: msg, Input: input, Ctx: c})
}

func (v *validator) missing(loc []any, input any) {
	v.add("missing", loc, "Field required", input, nil)
}

func (v *validator) strLen(loc []any, s string, minLen, maxLen int) {
	n := utf8.RuneCountInString(s)
	switch {
	case minLen > 0 && n < minLen:
		v.add("string_too_short", loc, fmt.Sprintf("String should have at least %d %s", minLen, plural(minLen, "character")), s, &ctx{MinLength: &minLen})
	case maxLen > 0 && n > maxLen:
		v.add("string_too_long", loc, fmt.Sprintf("String should have at most %d %s", maxLen, plural(maxLen, "character")), s, &ctx{MaxLength: &maxLen})
	}
}

func (v *validator) pattern(loc []any, s string, re *regexp.Regexp) {
	if !re.MatchString(s) {
		p := re.String()
		v.add("string_pattern_mismatch", loc, "String should match pattern '"+p+"'", s, &ctx{Pattern: p})
	}
}

func (v *validator) intRange(loc []any, n int64, input any, ge, le *int64) {
	switch {
	case ge != nil && n < *ge:
		v.add("greater_than_equal", loc, fmt.Sprintf("Input should be greater than or equal to %d", *ge), input, &ctx{GE: *ge})
	case le != nil && n > *le:
		v.add("less_than_equal", loc, fmt.Sprintf("Input should be less than or equal to %d", *le), input, &ctx{LE: *le})
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func i64(n int64) *int64 { return &n }

func (v *validator) respond(w http.ResponseWriter) bool {
	if len(v.errs) == 0 {
		return false
	}
	writeJSON(w, http.StatusUnprocessableEntity, validationError{v.errs})
	return true
}

// ---- (a) GET /hello ----

type message struct {
	Message string `json:"message"`
}

func hello(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, message{"Hello, world"})
}

// ---- (b) GET /items/{item_id}?q=&limit= ----

type item struct {
	ItemID int64   `json:"item_id"`
	Q      *string `json:"q"`
	Limit  int64   `json:"limit"`
}

func readItem(w http.ResponseWriter, r *http.Request) {
	var v validator
	out := item{Limit: 10}
	raw := chi.URLParam(r, "item_id")
	loc := []any{"path", "item_id"}
	if n, err := strconv.ParseInt(raw, 10, 64); err != nil {
		v.add("int_parsing", loc, "Input should be a valid integer, unable to parse string as an integer", raw, nil)
	} else {
		v.intRange(loc, n, raw, i64(1), i64(1_000_000))
		out.ItemID = n
	}
	query := r.URL.Query()
	if qs, ok := query["q"]; ok {
		q := qs[len(qs)-1]
		v.strLen([]any{"query", "q"}, q, 2, 50)
		out.Q = &q
	}
	if ls, ok := query["limit"]; ok {
		raw := ls[len(ls)-1]
		loc := []any{"query", "limit"}
		if n, err := strconv.ParseInt(raw, 10, 64); err != nil {
			v.add("int_parsing", loc, "Input should be a valid integer, unable to parse string as an integer", raw, nil)
		} else {
			v.intRange(loc, n, raw, i64(1), i64(100))
			out.Limit = n
		}
	}
	if v.respond(w) {
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// ---- (c)/(e) POST /orders ----

type customer struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

type lineItem struct {
	SKU       string  `json:"sku"`
	Quantity  int64   `json:"quantity"`
	UnitPrice pyFloat `json:"unit_price"`
}

// orderOut is the response model: Order without internal_code.
type orderOut struct {
	OrderID  int64      `json:"order_id"`
	Customer customer   `json:"customer"`
	Items    []lineItem `json:"items"`
	Note     *string    `json:"note"`
}

// The request side keeps nested objects raw so a missing field can echo its object as
// pydantic does; pointers tell a missing field from a zero value.
type orderIn struct {
	OrderID      *int64            `json:"order_id"`
	Customer     json.RawMessage   `json:"customer"`
	Items        []json.RawMessage `json:"items"`
	Note         *string           `json:"note"`
	InternalCode *string           `json:"internal_code"`
}

type customerIn struct {
	Name  *string `json:"name"`
	Email *string `json:"email"`
}

type lineItemIn struct {
	SKU       *string  `json:"sku"`
	Quantity  *int64   `json:"quantity"`
	UnitPrice *float64 `json:"unit_price"`
}

var (
	emailRE = regexp.MustCompile(`^[^@ ]+@[^@ ]+\.[a-z]{2,}$`)
	skuRE   = regexp.MustCompile(`^[A-Z]{3}-[0-9]{4}$`)
)

func createOrder(w http.ResponseWriter, r *http.Request) {
	var v validator
	body, err := readBody(w, r)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, detail{"There was an error parsing the body"})
		return
	}
	var in orderIn
	if !decode(&v, body, &in, []any{"body"}) {
		v.respond(w)
		return
	}
	var out orderOut
	if in.OrderID == nil {
		v.missing([]any{"body", "order_id"}, compact(body))
	} else {
		v.intRange([]any{"body", "order_id"}, *in.OrderID, *in.OrderID, i64(1), nil)
		out.OrderID = *in.OrderID
	}
	if in.Customer == nil {
		v.missing([]any{"body", "customer"}, compact(body))
	} else {
		out.Customer = validateCustomer(&v, in.Customer)
	}
	if in.Items == nil {
		v.missing([]any{"body", "items"}, compact(body))
	} else {
		loc := []any{"body", "items"}
		if n := len(in.Items); n < 1 || n > 50 {
			field := "List"
			if n < 1 {
				minLen := 1
				v.add("too_short", loc, fmt.Sprintf("List should have at least 1 item after validation, not %d", n), compactList(in.Items), &ctx{FieldType: field, MinLength: &minLen, ActualLength: &n})
			} else {
				maxLen := 50
				v.add("too_long", loc, fmt.Sprintf("List should have at most 50 items after validation, not %d", n), compactList(in.Items), &ctx{FieldType: field, MaxLength: &maxLen, ActualLength: &n})
			}
		}
		out.Items = make([]lineItem, len(in.Items))
		for i, raw := range in.Items {
			out.Items[i] = validateLineItem(&v, raw, i)
		}
	}
	if in.Note != nil {
		v.strLen([]any{"body", "note"}, *in.Note, 0, 200)
		out.Note = in.Note
	}
	if v.respond(w) {
		return
	}
	writeJSON(w, http.StatusCreated, out)
}

func validateCustomer(v *validator, raw json.RawMessage) customer {
	var in customerIn
	var out customer
	if !decode(v, raw, &in, []any{"body", "customer"}) {
		return out
	}
	if in.Name == nil {
		v.missing([]any{"body", "customer", "name"}, compact(raw))
	} else {
		v.strLen([]any{"body", "customer", "name"}, *in.Name, 1, 100)
		out.Name = *in.Name
	}
	if in.Email == nil {
		v.missing([]any{"body", "customer", "email"}, compact(raw))
	} else {
		v.pattern([]any{"body", "customer", "email"}, *in.Email, emailRE)
		out.Email = *in.Email
	}
	return out
}

func validateLineItem(v *validator, raw json.RawMessage, i int) lineItem {
	var in lineItemIn
	var out lineItem
	if !decode(v, raw, &in, []any{"body", "items", i}) {
		return out
	}
	if in.SKU == nil {
		v.missing([]any{"body", "items", i, "sku"}, compact(raw))
	} else {
		v.pattern([]any{"body", "items", i, "sku"}, *in.SKU, skuRE)
		out.SKU = *in.SKU
	}
	if in.Quantity == nil {
		v.missing([]any{"body", "items", i, "quantity"}, compact(raw))
	} else if q := *in.Quantity; q <= 0 {
		v.add("greater_than", []any{"body", "items", i, "quantity"}, "Input should be greater than 0", q, &ctx{GT: 0})
	} else if q > 1000 {
		v.add("less_than_equal", []any{"body", "items", i, "quantity"}, "Input should be less than or equal to 1000", q, &ctx{LE: 1000})
	} else {
		out.Quantity = q
	}
	if in.UnitPrice == nil {
		v.missing([]any{"body", "items", i, "unit_price"}, compact(raw))
	} else if p := *in.UnitPrice; !(p > 0) {
		// the input is echoed as sent (an int stays an int); the bound is the float 0.0
		v.add("greater_than", []any{"body", "items", i, "unit_price"}, "Input should be greater than 0", p, &ctx{GT: pyFloat(0)})
	} else {
		out.UnitPrice = pyFloat(p)
	}
	return out
}

func readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	return io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
}

// decode unmarshals one JSON object, turning syntax and type errors into FastAPI-style items.
func decode(v *validator, data []byte, dst any, loc []any) bool {
	err := json.Unmarshal(data, dst)
	if err == nil {
		return true
	}
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		v.add("json_invalid", append(loc, syn.Offset-1), "JSON decode error", map[string]any{}, &ctx{Error: syn.Error()})
	case errors.As(err, &typ) && typ.Field == "":
		v.add("model_attributes_type", loc, "Input should be a valid dictionary or object to extract fields from", json.RawMessage(compact(data)), nil)
	case errors.As(err, &typ):
		v.add(typ.Type.Kind().String()+"_type", append(append([]any{}, loc...), typ.Field), "Input should be a valid "+typ.Type.String(), typ.Value, nil)
	default:
		v.add("value_error", loc, err.Error(), nil, nil)
	}
	return false
}

// compact echoes a raw JSON value as the input of an error (json.Marshal compacts it).
func compact(raw []byte) json.RawMessage {
	return json.RawMessage(raw)
}

func compactList(items []json.RawMessage) any {
	if items == nil {
		return []any{}
	}
	return items
}

// ---- (d) GET /products ----

type product struct {
	ID      int64    `json:"id"`
	Name    string   `json:"name"`
	Price   pyFloat  `json:"price"`
	Tags    []string `json:"tags"`
	InStock bool     `json:"in_stock"`
	Cost    pyFloat  `json:"-"` // not in the response model
}

var products = func() []product {
	ps := make([]product, 0, 100)
	for i := int64(1); i <= 100; i++ {
		ps = append(ps, product{
			ID:      i,
			Name:    "Product " + strconv.FormatInt(i, 10),
			Price:   pyFloat(float64(i) * 1.25),
			Tags:    []string{"cat-" + strconv.FormatInt(i%7, 10), "bench"},
			InStock: i%3 != 0,
			Cost:    pyFloat(float64(i) * 0.5),
		})
	}
	return ps
}()

func listProducts(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, products)
}

// ---- (f) GET /me: token from X-Token -> current user ----

type user struct {
	Username string `json:"username"`
	Role     string `json:"role"`
	Token    string `json:"token"`
}

func tokenFrom(w http.ResponseWriter, r *http.Request) (string, bool) {
	vals := r.Header.Values("X-Token")
	if len(vals) == 0 {
		var v validator
		v.missing([]any{"header", "x-token"}, nil)
		v.respond(w)
		return "", false
	}
	if vals[0] != apiToken {
		writeJSON(w, http.StatusUnauthorized, detail{"Invalid X-Token header"})
		return "", false
	}
	return vals[0], true
}

func currentUser(w http.ResponseWriter, r *http.Request) (user, bool) {
	token, ok := tokenFrom(w, r)
	if !ok {
		return user{}, false
	}
	return user{Username: "alice", Role: "admin", Token: token}, true
}

func readMe(w http.ResponseWriter, r *http.Request) {
	u, ok := currentUser(w, r)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, u)
}
