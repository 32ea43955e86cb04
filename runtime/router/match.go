package router

import (
	"strings"
	"unicode/utf8"
)

// Match matches s against the whole template (Python's re.match with the
// pattern's trailing '$', which also matches before a final "\n"),
// appending the parameter values to dst. Parameters take the longest
// candidate first and back off as Python's backtracking does.
func (t *Template) Match(s string, dst []string) ([]string, bool) {
	if t.static {
		if s == t.prefix || (len(s) == len(t.prefix)+1 && s[len(s)-1] == '\n' && s[:len(t.prefix)] == t.prefix) {
			return dst, true
		}
		return dst, false
	}
	if !strings.HasPrefix(s, t.prefix) {
		return dst, false
	}
	return matchPieces(t.pieces, s, 0, dst)
}

// atEnd is '$' at pos.
func atEnd(s string, pos int) bool {
	return pos == len(s) || (pos == len(s)-1 && s[pos] == '\n')
}

// greedyOnly reports that only the longest candidate of parameter p can be
// followed by what comes after it (the end, or a literal starting with a
// character outside the parameter's class): no backtracking is needed.
func greedyOnly(p piece, rest []piece) bool {
	if len(rest) == 0 {
		return true
	}
	if rest[0].conv != 0 {
		return false
	}
	c := rest[0].lit[0]
	switch p.conv {
	case Str:
		return c == '/'
	case Path:
		return c == '\n'
	case Int:
		return c < '0' || c > '9'
	case Float:
		return (c < '0' || c > '9') && c != '.'
	case UUID:
		return true
	}
	return false
}

// longest is the longest candidate end of parameter p at pos (ok false:
// no candidate).
func longest(p piece, s string, pos int) (int, bool) {
	switch p.conv {
	case Str:
		if i := strings.IndexByte(s[pos:], '/'); i >= 0 {
			return pos + i, i > 0
		}
		return len(s), pos < len(s)
	case Path:
		if i := strings.IndexByte(s[pos:], '\n'); i >= 0 {
			return pos + i, true
		}
		return len(s), true
	case Int:
		d := digits(s, pos)
		return pos + d, d > 0
	case Float:
		d := digits(s, pos)
		if d == 0 {
			return 0, false
		}
		if q := pos + d; q < len(s) && s[q] == '.' {
			if f := digits(s, q+1); f > 0 {
				return q + 1 + f, true
			}
		}
		return pos + d, true
	case UUID:
		return matchUUID(s, pos)
	}
	return 0, false
}

// candidates lists the candidate ends of p at pos in Python's order.
func candidates(p piece, s string, pos int, buf []int) []int {
	switch p.conv {
	case Str, Path:
		stop, ok := longest(p, s, pos)
		if !ok {
			return buf
		}
		min := pos
		if p.conv == Str {
			min = pos + 1
		}
		for end := stop; end >= min; end-- {
			buf = append(buf, end)
		}
	case Int:
		for end := pos + digits(s, pos); end > pos; end-- {
			buf = append(buf, end)
		}
	case Float:
		d := digits(s, pos)
		if d == 0 {
			return buf
		}
		if q := pos + d; q < len(s) && s[q] == '.' {
			for f := digits(s, q+1); f > 0; f-- {
				buf = append(buf, q+1+f)
			}
		}
		for end := pos + d; end > pos; end-- {
			buf = append(buf, end)
		}
	case UUID:
		if end, ok := matchUUID(s, pos); ok {
			buf = append(buf, end)
		}
	}
	return buf
}

func matchPieces(ps []piece, s string, pos int, dst []string) ([]string, bool) {
	for len(ps) > 0 && ps[0].conv == 0 {
		if !strings.HasPrefix(s[pos:], ps[0].lit) {
			return dst, false
		}
		pos += len(ps[0].lit)
		ps = ps[1:]
	}
	if len(ps) == 0 {
		return dst, atEnd(s, pos)
	}
	p, rest := ps[0], ps[1:]
	if greedyOnly(p, rest) {
		end, ok := longest(p, s, pos)
		if !ok {
			return dst, false
		}
		if len(rest) == 0 {
			// '$' after the longest candidate, or after the one before a
			// final newline ([^/]+ and [0-9]+ cannot end there otherwise).
			if !atEnd(s, end) {
				return dst, false
			}
			return append(dst, s[pos:end]), true
		}
		return matchPieces(rest, s, end, append(dst, s[pos:end]))
	}
	var cbuf [32]int
	for _, end := range candidates(p, s, pos, cbuf[:0]) {
		if len(rest) == 0 && !atEnd(s, end) {
			continue
		}
		if len(rest) > 0 && rest[0].conv == 0 && !strings.HasPrefix(s[end:], rest[0].lit) {
			continue
		}
		if end < len(s) && !utf8.RuneStart(s[end]) {
			continue
		}
		if out, ok := matchPieces(rest, s, end, append(dst, s[pos:end])); ok {
			return out, true
		}
	}
	return dst, false
}

func digits(s string, pos int) int {
	n := 0
	for pos+n < len(s) && s[pos+n] >= '0' && s[pos+n] <= '9' {
		n++
	}
	return n
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// matchUUID is "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}":
// a hex digit never matches '-', so each optional hyphen is taken iff present.
func matchUUID(s string, pos int) (int, bool) {
	groups := [...]int{8, 4, 4, 4, 12}
	for g, n := range groups {
		if g > 0 && pos < len(s) && s[pos] == '-' {
			pos++
		}
		for k := 0; k < n; k++ {
			if pos >= len(s) || !isHex(s[pos]) {
				return 0, false
			}
			pos++
		}
	}
	return pos, true
}
