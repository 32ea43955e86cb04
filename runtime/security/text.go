package security

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isPySpace is str.isspace for one character.
func isPySpace(r rune) bool {
	switch r {
	case 0x1c, 0x1d, 0x1e, 0x1f:
		return true
	}
	return unicode.IsSpace(r)
}

// pyStrip is str.strip().
func pyStrip(s string) string { return strings.TrimFunc(s, isPySpace) }

// pySplit is str.split() (runs of whitespace, no empty items).
func pySplit(s string) []string { return strings.FieldsFunc(s, isPySpace) }

// partitionSpace is str.partition(" ").
func partitionSpace(s string) (head, tail string, found bool) {
	return strings.Cut(s, " ")
}

// pyTitle is str.title() (simple case mappings): a character after a cased
// one is lower-cased, any other title-cased.
func pyTitle(s string) string {
	var b strings.Builder
	prevCased := false
	for _, r := range s {
		if prevCased {
			b.WriteRune(unicode.ToLower(r))
		} else {
			b.WriteRune(unicode.ToTitle(r))
		}
		prevCased = unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r)
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
