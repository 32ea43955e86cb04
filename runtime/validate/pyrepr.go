package validate

import (
	"strings"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// pyStr is Python's str() of a decoded JSON value (a str is itself, the
// rest is repr).
func pyStr(v pyjson.Value) string {
	if v.Kind() == pyjson.KindString {
		return v.Str()
	}
	var b strings.Builder
	pyRepr(&b, v)
	return b.String()
}

// pyRepr writes Python's repr() of a decoded JSON value.
func pyRepr(b *strings.Builder, v pyjson.Value) {
	switch v.Kind() {
	case pyjson.KindNull:
		b.WriteString("None")
	case pyjson.KindTrue:
		b.WriteString("True")
	case pyjson.KindFalse:
		b.WriteString("False")
	case pyjson.KindInt:
		n, _ := IntFromJSON(v)
		b.WriteString(n.String())
	case pyjson.KindFloat:
		f, _ := v.Float64()
		b.Write(pyjson.AppendFloatRepr(nil, f))
	case pyjson.KindString:
		b.WriteString(pyReprStr(v.Str()))
	case pyjson.KindArray:
		b.WriteByte('[')
		for it := v.Elems(); it.Next(); {
			if it.Index() > 0 {
				b.WriteString(", ")
			}
			pyRepr(b, it.Value())
		}
		b.WriteByte(']')
	case pyjson.KindObject:
		b.WriteByte('{')
		first := true
		for it := v.Members(); it.Next(); {
			if !first {
				b.WriteString(", ")
			}
			first = false
			b.WriteString(pyReprStr(it.Key()))
			b.WriteString(": ")
			pyRepr(b, it.Value())
		}
		b.WriteByte('}')
	}
}
