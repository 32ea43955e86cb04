package pyval

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// ValidationInput converts v to the JSON value the generated JSON-mode decoders validate
// in place of pydantic's python-mode input: a model becomes its model_dump() (field names),
// a tuple an array, bytes a string (UTF-8), non-str dict keys strings (json.dumps'
// spellings), NaN and infinities their JSON extensions. See the package
// documentation for where this differs from python mode.
func ValidationInput(v Value) (pyjson.Value, error) {
	b, err := appendBridge(nil, v, 0)
	if err != nil {
		return pyjson.Value{}, err
	}
	doc, err := pyjson.Parse(b)
	if err != nil {
		return pyjson.Value{}, err
	}
	return doc.Root(), nil
}

func appendBridge(dst []byte, v Value, depth int) ([]byte, error) {
	if depth > maxDepth {
		return dst, recursion()
	}
	var err error
	switch x := v.(type) {
	case NoneType, Bool, Int:
		return appendB(dst, x, depth)
	case Float:
		f := float64(x)
		switch {
		case math.IsNaN(f):
			return append(dst, "NaN"...), nil
		case math.IsInf(f, 1):
			return append(dst, "Infinity"...), nil
		case math.IsInf(f, -1):
			return append(dst, "-Infinity"...), nil
		}
		return pyjson.AppendFloatRepr(dst, f), nil
	case Str:
		return appendBridgeStr(dst, string(x)), nil
	case Bytes:
		if !utf8.ValidString(string(x)) {
			return dst, raise("UnicodeDecodeError", "'utf-8' codec can't decode bytes")
		}
		return appendBridgeStr(dst, string(x)), nil
	case *List:
		return appendBridgeSeq(dst, x.Items, depth)
	case Tuple:
		return appendBridgeSeq(dst, x, depth)
	case Model:
		return appendBridge(dst, ModelDump(x), depth)
	case *Dict:
		dst = append(dst, '{')
		for i, k := range x.keys {
			if i > 0 {
				dst = append(dst, ',')
			}
			switch kk := k.(type) {
			case Str:
				dst = appendBridgeStr(dst, string(kk))
			case Bytes:
				dst = appendBridgeStr(dst, string(kk))
			default:
				if dst, err = appendKey(dst, k); err != nil {
					return dst, err
				}
			}
			dst = append(dst, ':')
			if dst, err = appendBridge(dst, x.vals[i], depth+1); err != nil {
				return dst, err
			}
		}
		return append(dst, '}'), nil
	case Enum:
		// A member validates as its value (what pydantic's enum validator accepts from
		// JSON); a UUID and a date as their str().
		return appendBridge(dst, x.EnumValue(), depth+1)
	case UUID, Date:
		s, _ := extStr(x)
		return appendBridgeStr(dst, string(s)), nil
	case extValue:
		return x.appendValidation(dst, depth)
	case *Object:
		return appendBridge(dst, x.Fields, depth+1)
	}
	return dst, typeError("cannot validate a value of type %s", v.TypeName())
}

func appendBridgeSeq(dst []byte, items []Value, depth int) ([]byte, error) {
	var err error
	dst = append(dst, '[')
	for i, it := range items {
		if i > 0 {
			dst = append(dst, ',')
		}
		if dst, err = appendBridge(dst, it, depth+1); err != nil {
			return dst, err
		}
	}
	return append(dst, ']'), nil
}

// appendBridgeStr writes a JSON string, escaping everything outside printable ASCII so
// lone surrogates survive (pyjson.Parse decodes them back to WTF-8).
func appendBridgeStr(dst []byte, s string) []byte {
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		r, n := pyjson.DecodeRune(s, i)
		i += n
		switch {
		case r == '"' || r == '\\':
			dst = append(dst, '\\', byte(r))
		case r >= 0x20 && r < 0x7f:
			dst = append(dst, byte(r))
		case r > 0xFFFF:
			r -= 0x10000
			dst = appendU(dst, 0xD800+(r>>10))
			dst = appendU(dst, 0xDC00+(r&0x3FF))
		default:
			dst = appendU(dst, r)
		}
	}
	return append(dst, '"')
}

func appendU(dst []byte, r rune) []byte {
	h := strconv.FormatInt(int64(r), 16)
	dst = append(dst, `\u`...)
	for k := len(h); k < 4; k++ {
		dst = append(dst, '0')
	}
	return append(dst, h...)
}

// FromJSON converts a decoded JSON value (a body parameter of type Any, dict or list) to
// the Value json.loads would give.
func FromJSON(v pyjson.Value) Value {
	switch v.Kind() {
	case pyjson.KindNull:
		return None
	case pyjson.KindTrue:
		return True
	case pyjson.KindFalse:
		return False
	case pyjson.KindInt:
		if i, ok := v.Int64(); ok {
			return IntOf(i)
		}
		return bigInt(v.BigInt())
	case pyjson.KindFloat:
		f, _ := v.Float64()
		return Float(f)
	case pyjson.KindString:
		return Str(v.Str())
	case pyjson.KindArray:
		items := make([]Value, 0, v.Len())
		for it := v.Elems(); it.Next(); {
			items = append(items, FromJSON(it.Value()))
		}
		return &List{Items: items}
	case pyjson.KindObject:
		d := &Dict{}
		for it := v.Members(); it.Next(); {
			d.SetStr(it.Key(), FromJSON(it.Value()))
		}
		return d
	}
	return None
}
