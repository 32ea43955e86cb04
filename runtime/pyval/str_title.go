package pyval

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// strTitle is str.title(): a character following a cased one is lowercased (full
// mapping, final sigma included), any other is titlecased (full mapping,
// titleCase); whether a character is cased is the Unicode Cased property (casedRanges:
// both tables are CPython 3.11's, Unicode 14.0).
func strTitle(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	prevCased := false
	for i := 0; i < len(s); {
		r, n := pyjson.DecodeRune(s, i)
		if r == utf8.RuneError && n == 1 || r >= 0xD800 && r <= 0xDFFF {
			b.WriteString(s[i : i+n])
			prevCased = false
			i += n
			continue
		}
		switch {
		case prevCased && r == 0x3A3:
			if finalSigma(s, i, i+n) {
				b.WriteRune(0x3C2)
			} else {
				b.WriteRune(0x3C3)
			}
		case prevCased:
			if sp, ok := lowerSpecial[r]; ok {
				b.WriteString(sp)
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
		default:
			if sp, ok := titleCase[r]; ok {
				b.WriteString(sp)
			} else {
				b.WriteRune(r)
			}
		}
		prevCased = titleCased(r)
		i += n
	}
	return b.String()
}

// titleCased reports whether r is cased (casedRanges, binary search).
func titleCased(r rune) bool {
	lo, hi := 0, len(casedRanges)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case r < casedRanges[m][0]:
			hi = m
		case r > casedRanges[m][1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}
