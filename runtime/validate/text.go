package validate

import (
	"strings"
	"unicode"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// rustTrim is Rust's str::trim (Unicode White_Space at both ends).
func rustTrim(s string) string {
	return strings.TrimFunc(s, unicode.IsSpace)
}

// pyStrip is Python's str.strip() (str.isspace characters at both ends).
func pyStrip(s string) string {
	return strings.TrimFunc(s, isPySpace)
}

func isPySpace(r rune) bool {
	switch r {
	case '\x1c', '\x1d', '\x1e', '\x1f':
		return true
	}
	return unicode.IsSpace(r)
}

// charLen is Python's len(str).
func charLen(s string) int { return pyjson.CharLen(s) }

// pyReprStr is Python's repr() of a str.
func pyReprStr(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for i := 0; i < len(s); {
		r, n := pyjson.DecodeRune(s, i)
		i += n
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\x`)
			b.WriteByte("0123456789abcdef"[r>>4])
			b.WriteByte("0123456789abcdef"[r&0xF])
		case r >= 0xD800 && r < 0xE000 || r > 0x7f && !isPrintable(r):
			switch {
			case r <= 0xff:
				b.WriteString(`\x`)
				writeHex(&b, r, 2)
			case r <= 0xffff:
				b.WriteString(`\u`)
				writeHex(&b, r, 4)
			default:
				b.WriteString(`\U`)
				writeHex(&b, r, 8)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// isPrintable approximates Python's str.isprintable for non-ASCII runes.
func isPrintable(r rune) bool {
	if r == ' ' {
		return true
	}
	return unicode.IsPrint(r)
}

func writeHex(b *strings.Builder, r rune, n int) {
	for i := n - 1; i >= 0; i-- {
		b.WriteByte("0123456789abcdef"[(r>>(4*i))&0xF])
	}
}

// lossy replaces lone surrogates with U+FFFD (PyO3's to_string_lossy, which
// pydantic applies to str location elements).
func lossy(s string) string {
	if !pyjson.HasSurrogate(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := pyjson.DecodeRune(s, i)
		if r >= 0xD800 && r < 0xE000 {
			r = 0xFFFD
		}
		b.WriteRune(r)
		i += n
	}
	return b.String()
}
