package request

import (
	"strings"
	"unicode/utf8"
)

// Cookie returns a cookie's value from the first Cookie header, parsed as
// Starlette's cookie_parser does (the last of repeated names wins).
func (r *Request) Cookie(name string) (string, bool) {
	cs := r.Cookies()
	for i := len(cs) - 1; i >= 0; i-- {
		if cs[i].Name == name {
			return cs[i].Value, true
		}
	}
	return "", false
}

// Cookies returns the cookies in header order (duplicates kept; Starlette's
// dict keeps the last value at the first position).
func (r *Request) Cookies() []Pair {
	if !r.cookiesParsed {
		r.cookiesParsed = true
		if h, ok := r.Header("Cookie"); ok {
			r.cookies = ParseCookies(r.cookies[:0], h)
		}
	}
	return r.cookies
}

// ParseCookies is Starlette's cookie_parser over a (latin-1 decoded)
// Cookie header: split on ';', a chunk without '=' is a value with an
// empty name, names and values stripped, empty chunks skipped, values
// unquoted by http.cookies._unquote.
func ParseCookies(dst []Pair, header string) []Pair {
	for header != "" {
		var chunk string
		if i := strings.IndexByte(header, ';'); i >= 0 {
			chunk, header = header[:i], header[i+1:]
		} else {
			chunk, header = header, ""
		}
		var key, val string
		if k, v, ok := strings.Cut(chunk, "="); ok {
			key, val = k, v
		} else {
			val = chunk
		}
		key, val = pyStrip(key), pyStrip(val)
		if key != "" || val != "" {
			dst = append(dst, Pair{key, CookieUnquote(val)})
		}
	}
	return dst
}

// pyStrip is str.strip() for the characters a header can hold.
func pyStrip(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		switch r {
		case ' ', '\t', '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x1f, 0x85, 0xa0:
			return true
		}
		return false
	})
}

// CookieUnquote is http.cookies._unquote: a value in double quotes loses
// them, and inside, \ooo octal escapes (\000 to \377) and \X become the
// character.
func CookieUnquote(s string) string {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return s
	}
	s = s[1 : len(s)-1]
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' || i+1 >= len(s) || s[i+1] == '\n' {
			b.WriteByte(c)
			i++
			continue
		}
		if i+3 < len(s) && s[i+1] >= '0' && s[i+1] <= '3' && isOct(s[i+2]) && isOct(s[i+3]) {
			v := (s[i+1]-'0')<<6 | (s[i+2]-'0')<<3 | (s[i+3] - '0')
			b.WriteRune(rune(v))
			i += 4
			continue
		}
		// \X: the next character, whatever it is
		_, n := utf8.DecodeRuneInString(s[i+1:])
		b.WriteString(s[i+1 : i+1+n])
		i += 1 + n
	}
	return b.String()
}

func isOct(c byte) bool { return c >= '0' && c <= '7' }
