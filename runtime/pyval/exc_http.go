package pyval

import (
	"math"
	"strconv"

	"github.com/covetpy/covetgen/runtime/response"
)

// httpValue is an HTTPException built as a value (`exc = HTTPException(...)`, raised
// later or never): Starlette's constructor only stores its arguments (after turning a
// None detail into the status's phrase), so headers are read and checked when it is
// raised, as the response is built after the raise.
type httpValue struct {
	status, detail, headers Value
}

func (h *httpValue) Error() string {
	s, _ := httpValueStr(h)
	return "HTTPException: " + string(s)
}

// HTTPExceptionValue is HTTPException(status_code, detail, headers) used as a value;
// detail and headers are nil when not given. A None detail becomes the status's reason
// phrase, a ValueError for a status Python's http.HTTPStatus does not know.
func HTTPExceptionValue(status, detail, headers Value) (Value, error) {
	if detail == nil || IsNone(detail) {
		phrase, err := statusPhrase(status)
		if err != nil {
			return nil, err
		}
		detail = Str(phrase)
	}
	if headers == nil {
		headers = None
	}
	return &Caught{err: &httpValue{status: status, detail: detail, headers: headers}}, nil
}

// statusPhrase is http.HTTPStatus(status).phrase: an int (or a float or bool equal to
// one) of a known status, else a ValueError.
func statusPhrase(status Value) (string, error) {
	code := int64(-1)
	switch x := status.(type) {
	case Int:
		if i, ok := x.Int64(); ok {
			code = i
		}
	case Bool:
		if x {
			code = 1
		} else {
			code = 0
		}
	case Float:
		if f := float64(x); f == math.Trunc(f) && math.Abs(f) < 1e6 {
			code = int64(f)
		}
	}
	if code >= 0 && code < 1000 {
		if p, ok := response.Phrase(int(code)); ok {
			return p, nil
		}
	}
	return "", valueError(reprString(status) + " is not a valid HTTPStatus")
}

// raiseHTTPValue is `raise exc` of an HTTPException value: the error the response is
// built from.
func raiseHTTPValue(h *httpValue) error {
	return HTTPException(h.status, h.detail, h.headers)
}

// httpValueAttr is exc.status_code, exc.detail or exc.headers (the very objects given).
func httpValueAttr(h *httpValue, name string) (Value, bool) {
	switch name {
	case "status_code":
		return h.status, true
	case "detail":
		return h.detail, true
	case "headers":
		return h.headers, true
	}
	return nil, false
}

// httpValueStr is Starlette's str(exc): "status_code: detail".
func httpValueStr(h *httpValue) (Str, error) {
	s, err := StrOf(h.status)
	if err != nil {
		return "", err
	}
	d, err := StrOf(h.detail)
	if err != nil {
		return "", err
	}
	return s + ": " + d, nil
}

// httpValueRepr is Starlette's repr(exc): HTTPException(status_code=..., detail=...).
func httpValueRepr(h *httpValue) (string, error) {
	s, err := Repr(h.status)
	if err != nil {
		return "", err
	}
	d, err := Repr(h.detail)
	if err != nil {
		return "", err
	}
	return "HTTPException(status_code=" + string(s) + ", detail=" + string(d) + ")", nil
}

// BuiltinExceptionValue is class(*args) of a builtin exception class used as a value.
func BuiltinExceptionValue(class string, args ...Value) Value {
	return &Caught{err: NewException(class, args...)}
}

// httpDetail is the detail of a raised HTTPException as Python holds it: the value a
// translated body gave, the status's phrase for None (as the routers' own 404 and 405
// have), else (a detail the bridge or the runtime gave as JSON-encodable data) its JSON
// form read back.
func httpDetail(e *response.HTTPException) (Value, error) {
	switch d := e.Detail.(type) {
	case nil:
		p, ok := response.Phrase(e.Status)
		if !ok {
			return nil, valueError(strconv.Itoa(e.Status) + " is not a valid HTTPStatus")
		}
		return Str(p), nil
	case string, Dumps:
		return detailValue(d)
	}
	b, err := response.AppendJSONable(nil, e.Detail)
	if err != nil {
		return nil, err
	}
	return JSONLoads(Str(b))
}
