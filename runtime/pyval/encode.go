package pyval

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/validate"
)

// AppendJSONable appends v as FastAPI's path B writes it: jsonable_encoder(v) then
// json.dumps(ensure_ascii=False, allow_nan=False, separators=(",", ":")). A value it
// cannot encode is an error (FastAPI answers 500).
func AppendJSONable(dst []byte, v Value) ([]byte, error) {
	return appendB(dst, v, 0)
}

func (x NoneType) AppendJSONable(dst []byte) ([]byte, error) { return appendB(dst, x, 0) }
func (x Bool) AppendJSONable(dst []byte) ([]byte, error)     { return appendB(dst, x, 0) }
func (x Int) AppendJSONable(dst []byte) ([]byte, error)      { return appendB(dst, x, 0) }
func (x Float) AppendJSONable(dst []byte) ([]byte, error)    { return appendB(dst, x, 0) }
func (x Str) AppendJSONable(dst []byte) ([]byte, error)      { return appendB(dst, x, 0) }
func (x Bytes) AppendJSONable(dst []byte) ([]byte, error)    { return appendB(dst, x, 0) }
func (x *List) AppendJSONable(dst []byte) ([]byte, error)    { return appendB(dst, x, 0) }
func (x Tuple) AppendJSONable(dst []byte) ([]byte, error)    { return appendB(dst, x, 0) }
func (x *Dict) AppendJSONable(dst []byte) ([]byte, error)    { return appendB(dst, x, 0) }

var (
	_ response.JSONable = None.(NoneType)
	_ response.JSONable = (*Dict)(nil)
)

func recursion() error {
	return raise("RecursionError", "maximum recursion depth exceeded")
}

func appendInt(dst []byte, x Int) ([]byte, error) {
	if x.big == nil {
		return strconv.AppendInt(dst, x.small, 10), nil
	}
	return pyjson.AppendBigInt(dst, x.big)
}

func appendB(dst []byte, v Value, depth int) ([]byte, error) {
	if depth > maxDepth {
		return dst, recursion()
	}
	switch x := v.(type) {
	case NoneType:
		return append(dst, "null"...), nil
	case Bool:
		return strconv.AppendBool(dst, bool(x)), nil
	case Int:
		return appendInt(dst, x)
	case Float:
		return pyjson.AppendFloat(dst, float64(x))
	case Str:
		return pyjson.AppendString(dst, string(x))
	case Bytes:
		if !utf8.ValidString(string(x)) {
			return dst, raise("UnicodeDecodeError", "'utf-8' codec can't decode bytes")
		}
		return pyjson.AppendString(dst, string(x))
	case *List:
		if x.enc != "" {
			return append(dst, x.enc...), nil
		}
		return appendBSeq(dst, x.Items, depth)
	case Tuple:
		return appendBSeq(dst, x, depth)
	case *Dict:
		if x.enc != "" {
			return append(dst, x.enc...), nil
		}
		return appendBDict(dst, x, depth)
	case Model:
		var e validate.Encoder
		e.Reset(validate.ModeJSONable, validate.DumpOptions{ByAlias: true})
		e.Buf = dst
		x.Encode(&e)
		if e.Err != nil {
			return dst, e.Err
		}
		return e.Buf, nil
	case Enum:
		return appendB(dst, x.EnumValue(), depth+1)
	case UUID:
		return validate.UUID(x).AppendJSON(dst), nil
	case Date:
		return validate.Date(x).AppendJSON(dst), nil
	case extValue:
		return x.appendJSONable(dst)
	case *Caught:
		return appendCaught(dst, x, depth) // exc_app.go
	case *BareObject:
		return dst, x.jsonableError() // bareobject.go
	}
	// A value the translator should have kept from a response (a pattern, a hash object,
	// a request object...): fail, as jsonable_encoder does for an object it cannot turn
	// into a dict, rather than write nothing.
	return dst, raise("ValueError", "cannot encode a value of type '"+v.TypeName()+"'")
}

func appendBSeq(dst []byte, items []Value, depth int) ([]byte, error) {
	var err error
	dst = append(dst, '[')
	for i, it := range items {
		if i > 0 {
			dst = append(dst, ',')
		}
		if dst, err = appendB(dst, it, depth+1); err != nil {
			return dst, err
		}
	}
	return append(dst, ']'), nil
}

func appendBDict(dst []byte, d *Dict, depth int) ([]byte, error) {
	for _, k := range d.keys {
		if _, ok := k.(Bytes); ok {
			return appendBDictSlow(dst, d, depth)
		}
	}
	var err error
	dst = append(dst, '{')
	first := true
	for i, k := range d.keys {
		if s, ok := k.(Str); ok && strings.HasPrefix(string(s), "_sa") {
			continue
		}
		if !first {
			dst = append(dst, ',')
		}
		first = false
		if dst, err = appendKey(dst, k); err != nil {
			return dst, err
		}
		dst = append(dst, ':')
		if dst, err = appendB(dst, d.vals[i], depth+1); err != nil {
			return dst, err
		}
	}
	return append(dst, '}'), nil
}

// appendBDictSlow handles bytes keys, which jsonable_encoder decodes to str (possibly
// merging with an equal str key).
func appendBDictSlow(dst []byte, d *Dict, depth int) ([]byte, error) {
	enc := &Dict{}
	for i, k := range d.keys {
		if s, ok := k.(Str); ok && strings.HasPrefix(string(s), "_sa") {
			continue
		}
		if b, ok := k.(Bytes); ok {
			if !utf8.ValidString(string(b)) {
				return dst, raise("UnicodeDecodeError", "'utf-8' codec can't decode bytes")
			}
			k = Str(b)
		}
		if err := enc.Set(k, d.vals[i]); err != nil {
			return dst, err
		}
	}
	return appendBDict(dst, enc, depth)
}

// appendKey writes a dict key as json.dumps converts it.
func appendKey(dst []byte, k Value) ([]byte, error) {
	switch x := k.(type) {
	case Str:
		return pyjson.AppendString(dst, string(x))
	case Int:
		dst = append(dst, '"')
		dst, err := appendInt(dst, x)
		return append(dst, '"'), err
	case Bool:
		if x {
			return append(dst, `"true"`...), nil
		}
		return append(dst, `"false"`...), nil
	case NoneType:
		return append(dst, `"null"`...), nil
	case Float:
		f := float64(x)
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return dst, valueError("Out of range float values are not JSON compliant")
		}
		dst = append(dst, '"')
		dst = pyjson.AppendFloatRepr(dst, f)
		return append(dst, '"'), nil
	case Tuple:
		return dst, typeError("unhashable type: 'list'")
	}
	return dst, typeError("keys must be str, int, float, bool or None, not %s", k.TypeName())
}

// Dumps wraps a value to be written by plain json.dumps(ensure_ascii=False,
// allow_nan=False, separators=(",", ":")) — no jsonable_encoder — as Starlette's
// JSONResponse renders an HTTPException's detail.
type Dumps struct{ V Value }

// AppendJSONable implements response.JSONable.
func (d Dumps) AppendJSONable(dst []byte) ([]byte, error) { return appendDumps(dst, d.V, 0) }

func appendDumps(dst []byte, v Value, depth int) ([]byte, error) {
	if depth > maxDepth {
		return dst, recursion()
	}
	var err error
	switch x := v.(type) {
	case NoneType, Bool, Int, Float, Str:
		return appendB(dst, x, depth)
	case *List:
		return appendDumpsSeq(dst, x.Items, depth)
	case Tuple:
		return appendDumpsSeq(dst, x, depth)
	case *Dict:
		dst = append(dst, '{')
		for i, k := range x.keys {
			if i > 0 {
				dst = append(dst, ',')
			}
			if dst, err = appendKey(dst, k); err != nil {
				return dst, err
			}
			dst = append(dst, ':')
			if dst, err = appendDumps(dst, x.vals[i], depth+1); err != nil {
				return dst, err
			}
		}
		return append(dst, '}'), nil
	}
	return dst, typeError("Object of type %s is not JSON serializable", v.TypeName())
}

func appendDumpsSeq(dst []byte, items []Value, depth int) ([]byte, error) {
	var err error
	dst = append(dst, '[')
	for i, it := range items {
		if i > 0 {
			dst = append(dst, ',')
		}
		if dst, err = appendDumps(dst, it, depth+1); err != nil {
			return dst, err
		}
	}
	return append(dst, ']'), nil
}

// HTTPException is `raise HTTPException(status_code, detail, headers)`: the error to
// return. detail and headers are nil when not given. As in Starlette, a None detail is
// the status's reason phrase (a status Python has no phrase for is a ValueError), and
// headers must map str to latin-1 str.
func HTTPException(status, detail, headers Value) error {
	si, ok := status.(Int)
	if !ok || si.big != nil || si.small < 100 || si.small > 999 {
		if detail == nil || IsNone(detail) {
			return valueError(reprString(status) + " is not a valid HTTPStatus")
		}
		return typeError("invalid status code %s", reprString(status))
	}
	code := int(si.small)
	var det any
	if detail == nil || IsNone(detail) {
		phrase, ok := response.Phrase(code)
		if !ok {
			return valueError(strconv.Itoa(code) + " is not a valid HTTPStatus")
		}
		det = phrase
	} else {
		det = Dumps{detail}
	}
	var pairs [][2]string
	if headers != nil && !IsNone(headers) {
		d, ok := headers.(*Dict)
		if !ok {
			return raise("AttributeError", "'"+headers.TypeName()+"' object has no attribute 'items'")
		}
		for i, k := range d.keys {
			ks, ok1 := k.(Str)
			vs, ok2 := d.vals[i].(Str)
			if !ok1 || !ok2 {
				return raise("AttributeError", "header names and values must be str")
			}
			if !latin1(string(ks)) || !latin1(string(vs)) {
				return raise("UnicodeEncodeError", "'latin-1' codec can't encode characters")
			}
			pairs = append(pairs, [2]string{latin1Bytes(strLower(string(ks))), latin1Bytes(string(vs))})
		}
	}
	return response.NewHTTPException(code, det, pairs...)
}

func latin1(s string) bool {
	for _, r := range s {
		if r > 0xFF || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// latin1Bytes encodes a latin-1 string as its raw bytes (what goes on the wire).
func latin1Bytes(s string) string {
	if isASCII(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = append(b, byte(r))
	}
	return string(b)
}
