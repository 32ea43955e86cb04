package pyjson

import (
	"math"
	"math/big"
	"strconv"
)

// EncodeError is a value json.dumps (or the UTF-8 encoding of its result)
// refuses; FastAPI answers 500 Internal Server Error.
type EncodeError struct{ Msg string }

func (e *EncodeError) Error() string { return "pyjson: " + e.Msg }

const (
	msgFloatRange = "Out of range float values are not JSON compliant"
	msgUnicode    = "'utf-8' codec can't encode: surrogates not allowed"
	msgIntDigits  = "Exceeds the limit (4300 digits) for integer string conversion"
)

// Member is one key/value pair of a Dict.
type Member struct {
	Key   string
	Value any
}

// Dict is an insertion-ordered Python dict with string keys.
type Dict []Member

// Set assigns like d[key] = v: an existing key keeps its position.
func (d *Dict) Set(key string, v any) {
	for i := range *d {
		if (*d)[i].Key == key {
			(*d)[i].Value = v
			return
		}
	}
	*d = append(*d, Member{key, v})
}

// Raw is an already encoded JSON fragment, written verbatim.
type Raw []byte

// Marshal encodes v like json.dumps(v, ensure_ascii=False, allow_nan=False,
// separators=(",", ":")).encode("utf-8"). Supported: nil, bool, int, int64,
// int32, uint64, *big.Int, float64, float32, string, []any, []string, Dict,
// []Member, *Dict, Value, Raw. Any other type is an *EncodeError.
func Marshal(v any) ([]byte, error) {
	return Append(nil, v)
}

// Append is Marshal appending to dst.
func Append(dst []byte, v any) ([]byte, error) {
	return compact.Append(dst, v)
}

// Dumps holds json.dumps's formatting options: ensure_ascii, allow_nan and the
// separators. Append (FastAPI's compact form) and DefaultDumps (json.dumps(v)
// as called with no options) are the two FastAPI uses.
type Dumps struct {
	EnsureASCII     bool
	AllowNaN        bool
	ItemSep, KeySep string
}

var compact = Dumps{ItemSep: ",", KeySep: ":"}

// DefaultDumps is json.dumps(v) with its defaults: ASCII only, NaN and
// Infinity allowed, ", " and ": " separators.
func DefaultDumps() Dumps {
	return Dumps{EnsureASCII: true, AllowNaN: true, ItemSep: ", ", KeySep: ": "}
}

// Append writes v as json.dumps would with d's options; the types are Marshal's.
// A decoded Value is written in the compact form only.
func (d Dumps) Append(dst []byte, v any) ([]byte, error) {
	var err error
	switch x := v.(type) {
	case nil:
		return append(dst, "null"...), nil
	case bool:
		if x {
			return append(dst, "true"...), nil
		}
		return append(dst, "false"...), nil
	case int:
		return strconv.AppendInt(dst, int64(x), 10), nil
	case int64:
		return strconv.AppendInt(dst, x, 10), nil
	case int32:
		return strconv.AppendInt(dst, int64(x), 10), nil
	case uint64:
		return strconv.AppendUint(dst, x, 10), nil
	case *big.Int:
		return AppendBigInt(dst, x)
	case float64:
		return d.appendFloat(dst, x)
	case float32:
		return d.appendFloat(dst, float64(x))
	case string:
		return d.appendString(dst, x)
	case []string:
		dst = append(dst, '[')
		for i, s := range x {
			if i > 0 {
				dst = append(dst, d.ItemSep...)
			}
			if dst, err = d.appendString(dst, s); err != nil {
				return dst, err
			}
		}
		return append(dst, ']'), nil
	case []any:
		dst = append(dst, '[')
		for i, e := range x {
			if i > 0 {
				dst = append(dst, d.ItemSep...)
			}
			if dst, err = d.Append(dst, e); err != nil {
				return dst, err
			}
		}
		return append(dst, ']'), nil
	case *Dict:
		if x == nil {
			return append(dst, "null"...), nil
		}
		return d.Append(dst, *x)
	case []Member:
		return d.Append(dst, Dict(x))
	case Dict:
		dst = append(dst, '{')
		for i, m := range x {
			if i > 0 {
				dst = append(dst, d.ItemSep...)
			}
			if dst, err = d.appendString(dst, m.Key); err != nil {
				return dst, err
			}
			dst = append(dst, d.KeySep...)
			if dst, err = d.Append(dst, m.Value); err != nil {
				return dst, err
			}
		}
		return append(dst, '}'), nil
	case Value:
		if d != compact {
			break
		}
		return AppendValue(dst, x)
	case Raw:
		return append(dst, x...), nil
	}
	return dst, &EncodeError{Msg: "Object of unsupported Go type is not JSON serializable"}
}

func (d Dumps) appendFloat(dst []byte, f float64) ([]byte, error) {
	if d.AllowNaN {
		switch {
		case math.IsNaN(f):
			return append(dst, "NaN"...), nil
		case math.IsInf(f, 1):
			return append(dst, "Infinity"...), nil
		case math.IsInf(f, -1):
			return append(dst, "-Infinity"...), nil
		}
	}
	return AppendFloat(dst, f)
}

func (d Dumps) appendString(dst []byte, s string) ([]byte, error) {
	if d.EnsureASCII {
		return AppendStringASCII(dst, s), nil
	}
	return AppendString(dst, s)
}

// AppendStringASCII writes a JSON string as json.dumps(ensure_ascii=True)
// does. s is WTF-8: a lone surrogate is written as its \u escape, as Python
// does; characters past U+FFFF as surrogate pairs.
func AppendStringASCII(dst []byte, s string) []byte {
	u4 := func(dst []byte, r rune) []byte {
		return append(dst, '\\', 'u', hexDigits[r>>12&15], hexDigits[r>>8&15], hexDigits[r>>4&15], hexDigits[r&15])
	}
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		r, n := DecodeRune(s, i)
		i += n
		switch {
		case r == '"':
			dst = append(dst, '\\', '"')
		case r == '\\':
			dst = append(dst, '\\', '\\')
		case r == '\n':
			dst = append(dst, '\\', 'n')
		case r == '\r':
			dst = append(dst, '\\', 'r')
		case r == '\t':
			dst = append(dst, '\\', 't')
		case r == '\b':
			dst = append(dst, '\\', 'b')
		case r == '\f':
			dst = append(dst, '\\', 'f')
		case r >= 0x20 && r < 0x7f:
			dst = append(dst, byte(r))
		case r > 0xffff:
			r -= 0x10000
			dst = u4(dst, 0xd800|(r>>10&0x3ff))
			dst = u4(dst, 0xdc00|(r&0x3ff))
		default:
			dst = u4(dst, r)
		}
	}
	return append(dst, '"')
}

// AppendFloat writes a float as json.dumps does (Python repr); NaN and ±Inf
// are an *EncodeError (allow_nan=False).
func AppendFloat(dst []byte, f float64) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return dst, &EncodeError{Msg: msgFloatRange}
	}
	return AppendFloatRepr(dst, f), nil
}

// AppendBigInt writes an int; more than 4300 digits is CPython's ValueError.
func AppendBigInt(dst []byte, x *big.Int) ([]byte, error) {
	if x == nil {
		return append(dst, "null"...), nil
	}
	if x.IsInt64() {
		return strconv.AppendInt(dst, x.Int64(), 10), nil
	}
	start := len(dst)
	dst = x.Append(dst, 10)
	digits := len(dst) - start
	if x.Sign() < 0 {
		digits--
	}
	if digits > maxIntDigits {
		return dst[:start], &EncodeError{Msg: msgIntDigits}
	}
	return dst, nil
}

const hexDigits = "0123456789abcdef"

// AppendString writes a JSON string as json.dumps(ensure_ascii=False) does:
// only '"', '\\' and control characters are escaped. A lone surrogate or
// invalid byte is an *EncodeError (the UTF-8 encoding of the body fails).
func AppendString(dst []byte, s string) ([]byte, error) {
	dst = append(dst, '"')
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x80 {
			n, sur := seqLen(s, i)
			if n == 0 || sur {
				return dst, &EncodeError{Msg: msgUnicode}
			}
			i += n
			continue
		}
		if c >= 0x20 && c != '"' && c != '\\' {
			i++
			continue
		}
		dst = append(dst, s[last:i]...)
		switch c {
		case '"':
			dst = append(dst, '\\', '"')
		case '\\':
			dst = append(dst, '\\', '\\')
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		case '\b':
			dst = append(dst, '\\', 'b')
		case '\f':
			dst = append(dst, '\\', 'f')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
		}
		i++
		last = i
	}
	dst = append(dst, s[last:]...)
	return append(dst, '"'), nil
}

// AppendValue re-encodes a decoded value as json.dumps(json.loads(...))
// would: ints and floats normalised ("-0" -> 0, "1E2" -> 100.0), duplicate
// keys collapsed.
func AppendValue(dst []byte, v Value) ([]byte, error) {
	var err error
	switch v.Kind() {
	case KindNull:
		return append(dst, "null"...), nil
	case KindTrue:
		return append(dst, "true"...), nil
	case KindFalse:
		return append(dst, "false"...), nil
	case KindInt:
		if i, ok := v.Int64(); ok {
			return strconv.AppendInt(dst, i, 10), nil
		}
		return AppendBigInt(dst, v.BigInt())
	case KindFloat:
		f, _ := v.Float64()
		return AppendFloat(dst, f)
	case KindString:
		return AppendString(dst, v.Str())
	case KindArray:
		dst = append(dst, '[')
		for it := v.Elems(); it.Next(); {
			if it.Index() > 0 {
				dst = append(dst, ',')
			}
			if dst, err = AppendValue(dst, it.Value()); err != nil {
				return dst, err
			}
		}
		return append(dst, ']'), nil
	case KindObject:
		dst = append(dst, '{')
		first := true
		for it := v.Members(); it.Next(); {
			if !first {
				dst = append(dst, ',')
			}
			first = false
			if dst, err = AppendString(dst, it.Key()); err != nil {
				return dst, err
			}
			dst = append(dst, ':')
			if dst, err = AppendValue(dst, it.Value()); err != nil {
				return dst, err
			}
		}
		return append(dst, '}'), nil
	}
	return dst, &EncodeError{Msg: "invalid value"}
}
