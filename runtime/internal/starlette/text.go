package starlette

import (
	"unicode/utf8"
)

// Latin1 returns the Python str a header value becomes when Starlette decodes
// its bytes as latin-1, as UTF-8: every byte is one code point U+0000..U+00FF.
func Latin1(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	b := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); i++ {
		b = utf8.AppendRune(b, rune(s[i]))
	}
	return string(b)
}

// isLatin1Space reports whether byte c, read as a latin-1 character, is
// whitespace to Python's str.isspace.
func isLatin1Space(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x1c, 0x1d, 0x1e, 0x1f, 0x85, 0xa0:
		return true
	}
	return false
}

// StripLatin1 is Python's str.strip() applied to a header value decoded as
// latin-1; s stays in its raw byte form.
func StripLatin1(s string) string {
	i, j := 0, len(s)
	for i < j && isLatin1Space(s[i]) {
		i++
	}
	for j > i && isLatin1Space(s[j-1]) {
		j--
	}
	return s[i:j]
}

// LowerASCII lower-cases the ASCII letters of s. Python's str.lower() also
// lower-cases latin-1 letters (À -> à); callers compare the result against
// ASCII names only, where the two agree.
func LowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for k := i; k < len(b); k++ {
				if 'A' <= b[k] && b[k] <= 'Z' {
					b[k] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// EqualFoldASCII compares ASCII letters case-insensitively and every other
// byte exactly (unlike strings.EqualFold, no Unicode folding: "ſ" is not "s").
func EqualFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// DecodeUTF8Replace is Python's bytes.decode("utf-8", "replace"): every
// maximal invalid subpart becomes one U+FFFD (Go's range loop would give one
// per byte).
func DecodeUTF8Replace(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return string(AppendUTF8Replace(make([]byte, 0, len(s)+8), s))
}

// AppendUTF8Replace appends s decoded as DecodeUTF8Replace does.
func AppendUTF8Replace(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError || n > 1 {
			dst = append(dst, s[i:i+n]...)
			i += n
			continue
		}
		dst = utf8.AppendRune(dst, utf8.RuneError)
		i += invalidSubpart(s[i:])
	}
	return dst
}

// invalidSubpart is the length of the maximal subpart of an ill-formed
// sequence at the start of s (at least 1), per Unicode's "U+FFFD
// substitution of maximal subparts", which CPython follows.
func invalidSubpart(s string) int {
	c := s[0]
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
	for k := 0; k < need && n < len(s); k++ {
		x := s[n]
		if k > 0 {
			lo, hi = 0x80, 0xBF
		}
		if x < lo || x > hi {
			break
		}
		n++
	}
	return n
}
