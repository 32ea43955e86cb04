package response

const upperHex = "0123456789ABCDEF"

// QuoteURL is urllib.parse.quote(url, safe=":/%#?=@[]!$&'()*+,;"), what
// RedirectResponse applies to its location.
func QuoteURL(s string) string {
	n := 0
	for i := 0; i < len(s); i++ {
		if !redirectSafe(s[i]) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	b := make([]byte, 0, len(s)+2*n)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if redirectSafe(c) {
			b = append(b, c)
		} else {
			b = append(b, '%', upperHex[c>>4], upperHex[c&15])
		}
	}
	return string(b)
}

func redirectSafe(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	switch c {
	case '_', '.', '-', '~', ':', '/', '%', '#', '?', '=', '@', '[', ']', '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';':
		return true
	}
	return false
}
