package request

import (
	"strings"
	"unicode/utf8"

	"github.com/covetpy/covetgen/runtime/internal/starlette"
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
	if utf8.Valid(b) {
		return append(dst, b...)
	}
	return starlette.AppendUTF8Replace(dst, string(b))
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
