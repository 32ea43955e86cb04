package ast

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FloatRepr formats f as Python's repr(float): the shortest round-tripping digits, in fixed
// notation when the decimal exponent is in [-4, 16) (always with a fractional part), else in
// scientific notation with a signed exponent of at least two digits.
func FloatRepr(f float64) string {
	return pyFloat(f, true)
}

// complexImagRepr formats the imaginary part as repr(complex) does: like repr(float) but
// without forcing a fractional part ("1j", "1.5j", "1e+16j").
func complexImagRepr(f float64) string {
	return pyFloat(f, false)
}

func pyFloat(f float64, forceFrac bool) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	// Shortest digits and decimal exponent from strconv's 'e' form: d.ddddde±XX.
	s := strconv.FormatFloat(f, 'e', -1, 64)
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	mant, expStr, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expStr)
	digits := strings.Replace(mant, ".", "", 1)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	if exp >= -4 && exp < 16 {
		if exp < 0 {
			b.WriteString("0.")
			b.WriteString(strings.Repeat("0", -exp-1))
			b.WriteString(digits)
		} else if len(digits) <= exp+1 {
			b.WriteString(digits)
			b.WriteString(strings.Repeat("0", exp+1-len(digits)))
			if forceFrac {
				b.WriteString(".0")
			}
		} else {
			b.WriteString(digits[:exp+1])
			b.WriteByte('.')
			b.WriteString(digits[exp+1:])
		}
		return b.String()
	}
	b.WriteString(digits[:1])
	if len(digits) > 1 {
		b.WriteByte('.')
		b.WriteString(digits[1:])
	}
	b.WriteByte('e')
	if exp < 0 {
		b.WriteByte('-')
		exp = -exp
	} else {
		b.WriteByte('+')
	}
	if exp < 10 {
		b.WriteByte('0')
	}
	b.WriteString(strconv.Itoa(exp))
	return b.String()
}

// decodeWTF8 decodes one code point of generalized UTF-8, surrogates included.
func decodeWTF8(s string) (rune, int) {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && n == 1 && len(s) >= 3 && s[0] == 0xED && s[1]&0xE0 == 0xA0 && s[2]&0xC0 == 0x80 {
		return rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	return r, n
}

// StrRepr formats a (WTF-8) string as Python's repr(str).
func StrRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(quote)
	for i := 0; i < len(s); {
		r, n := decodeWTF8(s[i:])
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
		case isPrintable(r):
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

// BytesRepr formats a byte string as Python's repr(bytes).
func BytesRepr(s string) string {
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

func writeHex(b *strings.Builder, v uint32, width int) {
	const hexdigits = "0123456789abcdef"
	for i := width - 1; i >= 0; i-- {
		b.WriteByte(hexdigits[(v>>(4*uint(i)))&0xf])
	}
}

// isPrintable reports whether Python's str.isprintable holds for r: every character but those
// of categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs (the ASCII space excepted).
func isPrintable(r rune) bool {
	if r >= 0xD800 && r <= 0xDFFF {
		return false
	}
	if unicode.IsPrint(r) {
		return true
	}
	return unicode15_1Printable(r)
}

// unicode15_1Printable covers characters assigned in Unicode 15.1 (Python 3.13's database)
// that Go's Unicode tables may not know yet.
func unicode15_1Printable(r rune) bool {
	if unicode.Version >= "15.1.0" {
		return false
	}
	return (r >= 0x2FFC && r <= 0x2FFF) || r == 0x31EF || (r >= 0x2EBF0 && r <= 0x2EE5D)
}
