package pyval

import (
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/runtime/response"
)

// Caught is an exception bound by `except ... as e`: str(e), repr(e), f"{e}" and
// `raise e` are what translated code does with it.
type Caught struct{ err error }

// CaughtOf wraps the error a try statement caught.
func CaughtOf(err error) Value { return &Caught{err: err} }

// TypeName is the exception's class name.
func (c *Caught) TypeName() string {
	switch e := c.err.(type) {
	case *Exception:
		return e.Class[strings.LastIndexByte(e.Class, '.')+1:] // binascii.Error: Error
	case *response.HTTPException, *httpValue:
		return "HTTPException"
	}
	return "Exception"
}

// Err is the exception as the error translated code returns.
func (c *Caught) Err() error { return c.err }

// ExcMatch reports whether err is an instance of one of classes, as an except clause
// naming them tests it. HTTPException (FastAPI's, a subclass of Starlette's) is an
// Exception; errors that are not Python exceptions match nothing.
func ExcMatch(err error, classes ...string) bool {
	switch e := err.(type) {
	case *Exception:
		for _, c := range classes {
			if e.IsInstance(c) {
				return true
			}
		}
	case *response.HTTPException:
		for _, c := range classes {
			if c == "HTTPException" || c == "Exception" || c == "BaseException" {
				return true
			}
		}
	}
	return false
}

// RaiseValue is `raise v` for a value bound by `except ... as v`.
func RaiseValue(v Value) error {
	if c, ok := v.(*Caught); ok {
		if h, isValue := c.err.(*httpValue); isValue { // exc_http.go
			return raiseHTTPValue(h)
		}
		return c.err
	}
	return typeError("exceptions must derive from BaseException")
}

// caughtStr is str(e): the message of a builtin exception; "status: detail" for an
// HTTPException, as Starlette spells it.
func caughtStr(c *Caught) (Str, error) {
	switch e := c.err.(type) {
	case *httpValue: // exc_http.go
		return httpValueStr(e)
	case *Exception:
		if err := unreproducible(e); err != nil { // exc_app.go
			return "", err
		}
		return Str(e.Msg), nil
	case *response.HTTPException:
		d, err := httpDetail(e) // exc_http.go
		if err != nil {
			return "", err
		}
		s, err := StrOf(d)
		if err != nil {
			return "", err
		}
		return Str(strconv.Itoa(e.Status) + ": " + string(s)), nil
	}
	return Str(c.err.Error()), nil
}

// caughtRepr is repr(e): Class(arg, ...) for a builtin exception,
// HTTPException(status_code=..., detail=...) for an HTTPException.
func caughtRepr(c *Caught) (string, error) {
	switch e := c.err.(type) {
	case *httpValue: // exc_http.go
		return httpValueRepr(e)
	case *Exception:
		if err := unreproducible(e); err != nil { // exc_app.go
			return "", err
		}
		var st reprState
		st.b.WriteString(e.Class[strings.LastIndexByte(e.Class, '.')+1:] + "(")
		for i, a := range e.Args {
			if i > 0 {
				st.b.WriteString(", ")
			}
			st.repr(a)
		}
		st.b.WriteByte(')')
		return st.b.String(), st.err
	case *response.HTTPException:
		d, err := httpDetail(e) // exc_http.go
		if err != nil {
			return "", err
		}
		r, err := Repr(d)
		if err != nil {
			return "", err
		}
		return "HTTPException(status_code=" + strconv.Itoa(e.Status) + ", detail=" + string(r) + ")", nil
	}
	return "", typeError("cannot repr %s", c.err.Error())
}

// detailValue is the Python value of an HTTPException's detail.
func detailValue(d any) (Value, error) {
	switch x := d.(type) {
	case string:
		return Str(x), nil
	case Dumps:
		return x.V, nil
	}
	return nil, typeError("unsupported HTTPException detail")
}
