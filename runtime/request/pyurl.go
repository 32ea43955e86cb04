package request

import (
	"strings"
	"unicode/utf8"
)

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// Latin1 decodes bytes as latin-1 (each byte one code point), as Starlette
// decodes header values and the query string; ASCII comes back unchanged
// without allocating.
func Latin1(s string) string {
	i := 0
	for i < len(s) && s[i] < 0x80 {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, 0, len(s)+8)
	b = append(b, s[:i]...)
	for ; i < len(s); i++ {
		if c := s[i]; c < 0x80 {
			b = append(b, c)
		} else {
			b = utf8.AppendRune(b, rune(c))
		}
	}
	return string(b)
}

// appendUTF8Replace appends b decoded as Python's
// bytes.decode("utf-8", "replace"): each maximal invalid subpart becomes
// one U+FFFD.
func appendUTF8Replace(dst []byte, b []byte) []byte {
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || n > 1 {
			dst = append(dst, b[i:i+n]...)
			i += n
			continue
		}
		dst = append(dst, "\uFFFD"...)
		i += invalidSubpart(b[i:])
	}
	return dst
}

// invalidSubpart is the length of the maximal subpart of an ill-formed
// UTF-8 sequence at the start of b (Unicode 3.9, what CPython follows): at
// least 1.
func invalidSubpart(b []byte) int {
	c := b[0]
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c == 0xE0:
		need, lo = 2, 0xA0
	case c >= 0xE1 && c <= 0xEC, c == 0xEE, c == 0xEF:
		need = 2
	case c == 0xED:
		need, hi = 2, 0x9F
	case c == 0xF0:
		need, lo = 3, 0x90
	case c >= 0xF1 && c <= 0xF3:
		need = 3
	case c == 0xF4:
		need, hi = 3, 0x8F
	default:
		return 1
	}
	n := 1
	for k := 0; k < need && n < len(b); k++ {
		x := b[n]
		if x < lo || x > hi {
			break
		}
		lo, hi = 0x80, 0xBF
		n++
	}
	return n
}

// PyString returns s (raw bytes) as the str Python's
// decode("utf-8", "replace") makes of it.
func PyString(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return string(appendUTF8Replace(nil, []byte(s)))
}

// Unquote is urllib.parse.unquote(s) for a str s (given as UTF-8): %XX
// escapes inside runs of ASCII decode as UTF-8 with errors="replace";
// non-ASCII characters stay as they are. plus turns '+' into ' ' first
// (unquote_plus).
func Unquote(s string, plus bool) string {
	if strings.IndexByte(s, '%') < 0 && (!plus || strings.IndexByte(s, '+') < 0) {
		return s
	}
	out := make([]byte, 0, len(s))
	var run []byte
	flush := func() {
		if run != nil {
			out = appendUTF8Replace(out, run)
			run = run[:0]
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x80:
			// a non-ASCII character ends the ASCII run
			flush()
			_, n := utf8.DecodeRuneInString(s[i:])
			out = append(out, s[i:i+n]...)
			i += n
		case c == '%' && i+2 < len(s):
			hi, ok1 := unhex(s[i+1])
			lo, ok2 := unhex(s[i+2])
			if ok1 && ok2 {
				run = append(run, hi<<4|lo)
				i += 3
				continue
			}
			run = append(run, c)
			i++
		case c == '+' && plus:
			run = append(run, ' ')
			i++
		default:
			run = append(run, c)
			i++
		}
	}
	flush()
	return string(out)
}
