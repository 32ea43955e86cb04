package pyval

import "unsafe"

// asciiLower is str.lower() of an ASCII string: s itself when it has no capital letter,
// else one allocation (strings.ToLower scans s twice and writes byte by byte).
func asciiLower(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, len(s))
	copy(b, s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return unsafe.String(&b[0], len(b)) // b is not written again
}
