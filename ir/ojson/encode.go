package ojson

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Marshal writes v as Python's json.dumps(v, ensure_ascii=False) does: with indent > 0 as
// json.dumps(indent=indent), with indent 0 on one line with the default ", " and ": "
// separators, and with indent < 0 in the compact form (separators "," and ":").
func Marshal(v Value, indent int) []byte {
	var b bytes.Buffer
	e := encoder{b: &b, indent: indent}
	e.value(v, 0)
	return b.Bytes()
}

// MarshalIndent writes v as json.dumps(v, indent=2, ensure_ascii=False) + "\n", the form of
// the recorded goldens.
func MarshalIndent(v Value) []byte {
	var b bytes.Buffer
	e := encoder{b: &b, indent: 2}
	e.value(v, 0)
	b.WriteByte('\n')
	return b.Bytes()
}

type encoder struct {
	b      *bytes.Buffer
	indent int
}

// spaces is sliced for indentation.
var spaces = strings.Repeat(" ", 256)

func (e *encoder) newline(level int) {
	if e.indent > 0 {
		e.b.WriteByte('\n')
		for n := e.indent * level; n > 0; n -= len(spaces) {
			e.b.WriteString(spaces[:min(n, len(spaces))])
		}
	}
}

func (e *encoder) itemSep() {
	switch {
	case e.indent > 0:
		e.b.WriteByte(',')
	case e.indent == 0:
		e.b.WriteString(", ")
	default:
		e.b.WriteByte(',')
	}
}

func (e *encoder) keySep() {
	if e.indent < 0 {
		e.b.WriteByte(':')
	} else {
		e.b.WriteString(": ")
	}
}

func (e *encoder) value(v Value, level int) {
	switch x := v.(type) {
	case nil, Null:
		e.b.WriteString("null")
	case Bool:
		if x {
			e.b.WriteString("true")
		} else {
			e.b.WriteString("false")
		}
	case Number:
		e.b.WriteString(string(x))
	case String:
		writeString(e.b, string(x))
	case Array:
		if len(x) == 0 {
			e.b.WriteString("[]")
			return
		}
		e.b.WriteByte('[')
		for i, el := range x {
			if i > 0 {
				e.itemSep()
			}
			e.newline(level + 1)
			e.value(el, level+1)
		}
		e.newline(level)
		e.b.WriteByte(']')
	case *Object:
		if x.Len() == 0 {
			e.b.WriteString("{}")
			return
		}
		e.b.WriteByte('{')
		for i, k := range x.keys {
			if i > 0 {
				e.itemSep()
			}
			e.newline(level + 1)
			writeString(e.b, k)
			e.keySep()
			e.value(x.vals[i], level+1)
		}
		e.newline(level)
		e.b.WriteByte('}')
	}
}

// writeString quotes s as json.dumps(ensure_ascii=False): only '"', '\\' and control
// characters are escaped.
// WriteString writes s as a JSON string literal, as json.dumps(ensure_ascii=False) does.
func WriteString(b *strings.Builder, s string) { writeString(b, s) }

// stringWriter is a strings.Builder or a bytes.Buffer.
type stringWriter interface {
	WriteByte(c byte) error
	WriteString(s string) (int, error)
}

func writeString[W stringWriter](b W, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '"':
				b.WriteString(`\"`)
			case '\\':
				b.WriteString(`\\`)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			case '\b':
				b.WriteString(`\b`)
			case '\f':
				b.WriteString(`\f`)
			default:
				if c < 0x20 {
					b.WriteString(`\u00`)
					h := strconv.FormatInt(int64(c), 16)
					if len(h) < 2 {
						b.WriteByte('0')
					}
					b.WriteString(h)
				} else {
					b.WriteByte(c)
				}
			}
			i++
			continue
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+n])
		i += n
	}
	b.WriteByte('"')
}
