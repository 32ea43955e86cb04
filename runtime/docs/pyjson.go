package docs

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// Param is one key of a Python dict given to the docs pages
// (swagger_ui_parameters, init_oauth), in insertion order.
//
// Value is the value after jsonable_encoder: nil, bool, int, int64,
// float64, *big.Int, string, []any, or []Param for a nested dict.
type Param struct {
	Key   string
	Value any
}

// appendDumps writes v as json.dumps(v) with its defaults: ASCII only,
// ", " and ": " separators, NaN and Infinity allowed.
func appendDumps(dst []byte, v any) ([]byte, error) {
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
	case *big.Int:
		if x == nil {
			return append(dst, "null"...), nil
		}
		return x.Append(dst, 10), nil
	case float64:
		switch {
		case math.IsNaN(x):
			return append(dst, "NaN"...), nil
		case math.IsInf(x, 1):
			return append(dst, "Infinity"...), nil
		case math.IsInf(x, -1):
			return append(dst, "-Infinity"...), nil
		}
		return pyjson.AppendFloatRepr(dst, x), nil
	case string:
		return appendASCIIString(dst, x), nil
	case []any:
		dst = append(dst, '[')
		for i, e := range x {
			if i > 0 {
				dst = append(dst, ", "...)
			}
			if dst, err = appendDumps(dst, e); err != nil {
				return dst, err
			}
		}
		return append(dst, ']'), nil
	case []Param:
		dst = append(dst, '{')
		for i, p := range x {
			if i > 0 {
				dst = append(dst, ", "...)
			}
			dst = appendASCIIString(dst, p.Key)
			dst = append(dst, ": "...)
			if dst, err = appendDumps(dst, p.Value); err != nil {
				return dst, err
			}
		}
		return append(dst, '}'), nil
	}
	return dst, fmt.Errorf("docs: cannot encode %T", v)
}

// appendASCIIString is json.dumps' ensure_ascii string form. s is WTF-8 (a
// lone surrogate is written as its \u escape, as Python does).
func appendASCIIString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	u4 := func(dst []byte, r rune) []byte {
		return append(dst, '\\', 'u', hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15])
	}
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		r, n := pyjson.DecodeRune(s, i)
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

// htmlSafeJSON is FastAPI's _html_safe_json: json.dumps with <, > and &
// escaped.
func htmlSafeJSON(v any) (string, error) {
	b, err := appendDumps(nil, v)
	if err != nil {
		return "", err
	}
	s := string(b)
	if strings.ContainsAny(s, "<>&") {
		s = strings.NewReplacer("<", `\u003c`, ">", `\u003e`, "&", `\u0026`).Replace(s)
	}
	return s, nil
}
