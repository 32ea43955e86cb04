package pyval

import (
	"strings"
	"unicode"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// maxDepth bounds nesting when walking values (CPython's recursion limit).
const maxDepth = 900

type reprState struct {
	b     strings.Builder
	depth int
	err   error
}

// Repr is repr(v).
func Repr(v Value) (Str, error) {
	var st reprState
	st.repr(v)
	return Str(st.b.String()), st.err
}

// StrOf is str(v).
func StrOf(v Value) (Str, error) {
	switch x := v.(type) {
	case Str:
		return x, nil
	case Model:
		if x.Class().Dataclass {
			return Repr(x)
		}
		var st reprState
		st.modelArgs(x, " ")
		return Str(st.b.String()), st.err
	case *Caught:
		return caughtStr(x)
	}
	if s, ok := extStr(v); ok {
		return s, nil
	}
	return Repr(v)
}

// writeRepr writes repr(v) into b, ignoring errors (messages only).
func writeRepr(b *strings.Builder, v Value) {
	s, _ := Repr(v)
	b.WriteString(string(s))
}

func (st *reprState) repr(v Value) {
	if st.err != nil {
		return
	}
	st.depth++
	defer func() { st.depth-- }()
	if st.depth > maxDepth {
		st.err = raise("RecursionError", "maximum recursion depth exceeded while getting the repr of an object")
		return
	}
	b := &st.b
	switch x := v.(type) {
	case NoneType:
		b.WriteString("None")
	case Bool:
		if x {
			b.WriteString("True")
		} else {
			b.WriteString("False")
		}
	case Int:
		s, err := intStr(x)
		if err != nil {
			st.err = err
			return
		}
		b.WriteString(s)
	case Float:
		b.Write(pyjson.AppendFloatRepr(nil, float64(x)))
	case Str:
		b.WriteString(strRepr(string(x), false))
	case Bytes:
		b.WriteString(bytesRepr(string(x)))
	case *List:
		b.WriteByte('[')
		for i, it := range x.Items {
			if i > 0 {
				b.WriteString(", ")
			}
			st.repr(it)
		}
		b.WriteByte(']')
	case Tuple:
		b.WriteByte('(')
		for i, it := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			st.repr(it)
		}
		if len(x) == 1 {
			b.WriteByte(',')
		}
		b.WriteByte(')')
	case *Dict:
		b.WriteByte('{')
		for i, k := range x.keys {
			if i > 0 {
				b.WriteString(", ")
			}
			st.repr(k)
			b.WriteString(": ")
			st.repr(x.vals[i])
		}
		b.WriteByte('}')
	case Model:
		b.WriteString(x.Class().Name)
		b.WriteByte('(')
		st.modelArgs(x, ", ")
		b.WriteByte(')')
	case *Caught:
		r, err := caughtRepr(x)
		if err != nil {
			st.err = err
			return
		}
		b.WriteString(r)
	default:
		if r, ok := extRepr(v); ok {
			b.WriteString(r)
			return
		}
		b.WriteString("<" + v.TypeName() + " object>")
	}
}

func (st *reprState) modelArgs(m Model, sep string) {
	c := m.Class()
	first := true
	for i, f := range c.Fields {
		if f.NoRepr {
			continue
		}
		if !first {
			st.b.WriteString(sep)
		}
		first = false
		st.b.WriteString(f.Name)
		st.b.WriteByte('=')
		st.repr(m.Field(i))
	}
}

const hexDigits = "0123456789abcdef"

func writeHex(b *strings.Builder, v uint32, width int) {
	for i := width - 1; i >= 0; i-- {
		b.WriteByte(hexDigits[(v>>(4*uint(i)))&0xf])
	}
}

// isPrintable is Python's str.isprintable for one character.
func isPrintable(r rune) bool {
	if r >= 0xD800 && r <= 0xDFFF {
		return false
	}
	return unicode.IsPrint(r)
}

// strRepr is repr(s); ascii() when ascii is set.
func strRepr(s string, ascii bool) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(quote)
	for i := 0; i < len(s); {
		r, n := pyjson.DecodeRune(s, i)
		if r == unicode.ReplacementChar && n == 1 {
			r = rune(s[i]) | 0xDC00 // not WTF-8: show the byte as surrogateescape would
		}
		i += n
		switch {
		case r == rune(quote) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x7f && r >= 0x20:
			b.WriteRune(r)
		case !ascii && isPrintable(r):
			b.WriteRune(r)
		case r < 0x100:
			b.WriteString(`\x`)
			writeHex(&b, uint32(r), 2)
		case r < 0x10000:
			b.WriteString(`\u`)
			writeHex(&b, uint32(r), 4)
		default:
			b.WriteString(`\U`)
			writeHex(&b, uint32(r), 8)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// bytesRepr is repr(b).
func bytesRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 3)
	b.WriteByte('b')
	b.WriteByte(quote)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == quote || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < 0x20 || c >= 0x7f:
			b.WriteString(`\x`)
			writeHex(&b, uint32(c), 2)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// Ascii is ascii(v): repr with non-ASCII characters escaped.
func Ascii(v Value) (Str, error) {
	r, err := Repr(v)
	if err != nil {
		return "", err
	}
	if isASCII(string(r)) {
		return r, nil
	}
	var b strings.Builder
	for i := 0; i < len(r); {
		c, n := pyjson.DecodeRune(string(r), i)
		i += n
		switch {
		case c < 0x80:
			b.WriteRune(c)
		case c < 0x100:
			b.WriteString(`\x`)
			writeHex(&b, uint32(c), 2)
		case c < 0x10000:
			b.WriteString(`\u`)
			writeHex(&b, uint32(c), 4)
		default:
			b.WriteString(`\U`)
			writeHex(&b, uint32(c), 8)
		}
	}
	return Str(b.String()), nil
}
