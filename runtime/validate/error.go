package validate

import (
	"strconv"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// LocItem is one element of an error location: a key or a list index.
type LocItem struct {
	Key     string
	Index   int
	IsIndex bool
}

// Key is a string location element.
func Key(s string) LocItem { return LocItem{Key: s} }

// Index is an integer location element.
func Index(i int) LocItem { return LocItem{Index: i, IsIndex: true} }

// CtxItem is one ctx entry. Value is written with pyjson.Append, so an int
// stays `0` and a float64 becomes `0.0`; pyjson.Dict{} writes `{}` (what
// FastAPI's jsonable_encoder makes of an exception object).
type CtxItem struct {
	Key   string
	Value any
}

// Error is one item of a pydantic ValidationError as FastAPI reports it.
// Input is any value pyjson.Append accepts, a pyjson.Value, or a string
// (raw parameter text); nil is JSON null.
type Error struct {
	Type  string
	Loc   []LocItem
	Msg   string
	Input any
	Ctx   []CtxItem // nil: no "ctx" key
}

// Error implements error with pydantic's one-line summary.
func (e *Error) Error() string { return e.Type + ": " + e.Msg }

// WithLoc returns a copy of e located at prefix + e.Loc.
func (e *Error) WithLoc(prefix ...LocItem) *Error {
	c := *e
	c.Loc = append(append([]LocItem(nil), prefix...), e.Loc...)
	return &c
}

func newErr(typ, msg string, input any, ctx ...CtxItem) *Error {
	return &Error{Type: typ, Msg: msg, Input: input, Ctx: ctx}
}

// AppendError writes one error object: {"type","loc","msg","input"[,"ctx"]}.
// The error is a *pyjson.EncodeError when FastAPI itself would fail to
// encode it (a NaN input, a lone surrogate): it answers 500 then.
func AppendError(dst []byte, e *Error) ([]byte, error) {
	var err error
	dst = append(dst, `{"type":`...)
	if dst, err = pyjson.AppendString(dst, e.Type); err != nil {
		return dst, err
	}
	dst = append(dst, `,"loc":[`...)
	for i, l := range e.Loc {
		if i > 0 {
			dst = append(dst, ',')
		}
		if l.IsIndex {
			dst = strconv.AppendInt(dst, int64(l.Index), 10)
		} else if dst, err = pyjson.AppendString(dst, lossy(l.Key)); err != nil {
			return dst, err
		}
	}
	dst = append(dst, `],"msg":`...)
	if dst, err = pyjson.AppendString(dst, e.Msg); err != nil {
		return dst, err
	}
	dst = append(dst, `,"input":`...)
	if dst, err = appendInput(dst, e.Input); err != nil {
		return dst, err
	}
	if e.Ctx != nil {
		dst = append(dst, `,"ctx":{`...)
		for i, c := range e.Ctx {
			if i > 0 {
				dst = append(dst, ',')
			}
			if dst, err = pyjson.AppendString(dst, c.Key); err != nil {
				return dst, err
			}
			dst = append(dst, ':')
			if dst, err = appendInput(dst, c.Value); err != nil {
				return dst, err
			}
		}
		dst = append(dst, '}')
	}
	return append(dst, '}'), nil
}

// AppendErrors writes a JSON list of errors (e.errors() as FastAPI encodes it).
func AppendErrors(dst []byte, errs []*Error) ([]byte, error) {
	var err error
	dst = append(dst, '[')
	for i, e := range errs {
		if i > 0 {
			dst = append(dst, ',')
		}
		if dst, err = AppendError(dst, e); err != nil {
			return dst, err
		}
	}
	return append(dst, ']'), nil
}

// AppendDetail writes FastAPI's 422 body {"detail":[...]}.
func AppendDetail(dst []byte, errs []*Error) ([]byte, error) {
	dst = append(dst, `{"detail":`...)
	dst, err := AppendErrors(dst, errs)
	if err != nil {
		return dst, err
	}
	return append(dst, '}'), nil
}

// JSONer is a value that writes itself as jsonable_encoder + json.dumps would.
type JSONer interface {
	AppendInputJSON(dst []byte) ([]byte, error)
}

func appendInput(dst []byte, v any) ([]byte, error) {
	switch x := v.(type) {
	case JSONer:
		return x.AppendInputJSON(dst)
	case []byte: // jsonable_encoder decodes bytes as UTF-8
		return pyjson.AppendString(dst, string(x))
	}
	return pyjson.Append(dst, v)
}

// TypePythonException is the Type of an Error standing for a Python
// exception that escapes pydantic (an OverflowError building a timedelta):
// FastAPI does not answer 422 but 500 Internal Server Error.
const TypePythonException = "python_exception"

// withValue and withStr set the input of an error built without one, so
// that the input is boxed into an interface only when there is an error.
func withValue[T any](x T, err *Error, v pyjson.Value) (T, *Error) {
	if err != nil {
		err.Input = v
	}
	return x, err
}

func withStr[T any](x T, err *Error, s string) (T, *Error) {
	if err != nil {
		err.Input = s
	}
	return x, err
}
