package response

import (
	"strconv"

	"github.com/covetpy/covetgen/runtime/validate"
)

// HTTPException is fastapi.HTTPException (and Starlette's). Detail is any
// value AppendJSONable accepts; nil means the status's reason phrase, as
// detail=None does. Headers go first in the response, in order.
type HTTPException struct {
	Status  int
	Detail  any
	Headers Headers
}

// NewHTTPException is HTTPException(status_code, detail, headers) with
// headers given as (name, value) pairs in dict order.
func NewHTTPException(status int, detail any, headers ...[2]string) *HTTPException {
	var h Headers
	if len(headers) > 0 {
		h = FromPairs(headers...)
	}
	return &HTTPException{Status: status, Detail: detail, Headers: h}
}

func (e *HTTPException) Error() string {
	return strconv.Itoa(e.Status) + ": HTTPException"
}

// RequestValidationError is FastAPI's RequestValidationError: answered 422
// with {"detail": [errors]}.
type RequestValidationError struct {
	Errors []*validate.Error
}

func (e *RequestValidationError) Error() string {
	if len(e.Errors) == 0 {
		return "request validation error"
	}
	return strconv.Itoa(len(e.Errors)) + " validation errors; first: " + e.Errors[0].Error()
}

// Errors collects validation errors in FastAPI's order. The zero value is
// ready; a generated endpoint adds every failed parameter and returns Err.
type Errors struct {
	list []*validate.Error
}

// Add records err located at loc + err.Loc (e.g. "query", "limit").
func (es *Errors) Add(err *validate.Error, loc ...any) {
	if err == nil {
		return
	}
	if len(loc) > 0 {
		err = err.WithLoc(Loc(loc...)...)
	}
	es.list = append(es.list, err)
}

// AddAll records several errors under the same prefix.
func (es *Errors) AddAll(errs []*validate.Error, loc ...any) {
	for _, e := range errs {
		es.Add(e, loc...)
	}
}

// Missing records FastAPI's own "Field required" error (input null unless
// given).
func (es *Errors) Missing(input any, loc ...any) {
	es.list = append(es.list, &validate.Error{Type: "missing", Loc: Loc(loc...), Msg: "Field required", Input: input})
}

// List returns the errors so far.
func (es *Errors) List() []*validate.Error { return es.list }

// Len is the number of errors so far.
func (es *Errors) Len() int { return len(es.list) }

// Err returns the RequestValidationError, or nil when nothing failed.
func (es *Errors) Err() error {
	if len(es.list) == 0 {
		return nil
	}
	return &RequestValidationError{Errors: es.list}
}

// Loc builds a location from strings and ints.
func Loc(parts ...any) []validate.LocItem {
	out := make([]validate.LocItem, len(parts))
	for i, p := range parts {
		switch x := p.(type) {
		case string:
			out[i] = validate.Key(x)
		case int:
			out[i] = validate.Index(x)
		case validate.LocItem:
			out[i] = x
		default:
			out[i] = validate.Key("?")
		}
	}
	return out
}
