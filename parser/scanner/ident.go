package scanner

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

var sprintf = fmt.Sprintf

type rng struct{ lo, hi rune }

func inTable(t []rng, r rune) bool {
	i := sort.Search(len(t), func(i int) bool { return t[i].hi >= r })
	return i < len(t) && t[i].lo <= r
}

// verifyIdentifier checks the identifier from s.start to s.pos, which holds non-ASCII
// bytes, as CPython's verify_identifier does. It reports an error and returns false if
// the identifier is not valid UTF-8 or holds a character that is not XID_Start (first)
// or XID_Continue (the rest).
func (s *Scanner) verifyIdentifier() bool {
	b := s.src[s.start:s.pos]
	if pos, msg := UTF8Error(b); msg != "" {
		_ = pos
		line, ls := s.cpyLine()
		off := s.pos - 1
		if off < ls {
			off = ls
		}
		s.errorAt(line, off, "(unicode error) "+msg, "SyntaxError")
		return false
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		var ok bool
		if i == 0 {
			ok = r == '_' || isXIDStart(r)
		} else {
			ok = isXIDContinue(r)
		}
		if !ok {
			// CPython moves the cursor after the invalid character and reports there.
			s.pos = s.start + i + n
			if isPrintable(r) {
				s.syntaxError(fmt.Sprintf("invalid character '%c' (U+%04X)", r, r))
			} else {
				s.syntaxError(fmt.Sprintf("invalid non-printable character U+%04X", r))
			}
			return false
		}
		i += n
	}
	return true
}

func isXIDStart(r rune) bool {
	if r < 128 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_'
	}
	return inTable(xidStartTable, r)
}

func isXIDContinue(r rune) bool {
	if r < 128 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
	}
	return inTable(xidContinueTable, r)
}

// isPrintable is Python's str.isprintable for one character.
func isPrintable(r rune) bool {
	if r < 128 {
		return r >= 0x20 && r < 0x7f
	}
	return inTable(printableTable, r)
}

// IsIdentifier reports whether s is a valid Python identifier (str.isidentifier).
func IsIdentifier(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	for i, r := range s {
		if i == 0 && !(r == '_' || isXIDStart(r)) || i > 0 && !isXIDContinue(r) {
			return false
		}
	}
	return true
}

// UTF8Error reports, for b that is not valid UTF-8, the byte position of the first
// undecodable sequence and the message of Python's strict UTF-8 decoder, e.g.
// "'utf-8' codec can't decode byte 0xff in position 3: invalid start byte".
// For valid UTF-8 it returns -1, "".
func UTF8Error(b []byte) (int, string) {
	isCont := func(c byte) bool { return c >= 0x80 && c < 0xC0 }
	n := len(b)
	for i := 0; i < n; {
		c := b[i]
		if c < 0x80 {
			i++
			continue
		}
		end := -1 // exclusive end of the bad sequence
		reason := ""
		rest := n - i
		switch {
		case c < 0xC2:
			end, reason = i+1, "invalid start byte"
		case c < 0xE0:
			if rest < 2 {
				end, reason = n, "unexpected end of data"
			} else if !isCont(b[i+1]) {
				end, reason = i+1, "invalid continuation byte"
			} else {
				i += 2
				continue
			}
		case c < 0xF0:
			bad2 := func(c2 byte) bool {
				return !isCont(c2) || c == 0xE0 && c2 < 0xA0 || c == 0xED && c2 >= 0xA0
			}
			if rest < 3 {
				if rest >= 2 && bad2(b[i+1]) {
					end, reason = i+1, "invalid continuation byte"
				} else {
					end, reason = n, "unexpected end of data"
				}
			} else if bad2(b[i+1]) {
				end, reason = i+1, "invalid continuation byte"
			} else if !isCont(b[i+2]) {
				end, reason = i+2, "invalid continuation byte"
			} else {
				i += 3
				continue
			}
		case c < 0xF5:
			bad2 := func(c2 byte) bool {
				return !isCont(c2) || c == 0xF0 && c2 < 0x90 || c == 0xF4 && c2 >= 0x90
			}
			if rest < 4 {
				switch {
				case rest >= 2 && bad2(b[i+1]):
					end, reason = i+1, "invalid continuation byte"
				case rest >= 3 && !isCont(b[i+2]):
					end, reason = i+2, "invalid continuation byte"
				default:
					end, reason = n, "unexpected end of data"
				}
			} else if bad2(b[i+1]) {
				end, reason = i+1, "invalid continuation byte"
			} else if !isCont(b[i+2]) {
				end, reason = i+2, "invalid continuation byte"
			} else if !isCont(b[i+3]) {
				end, reason = i+3, "invalid continuation byte"
			} else {
				i += 4
				continue
			}
		default:
			end, reason = i+1, "invalid start byte"
		}
		if end-i == 1 {
			return i, fmt.Sprintf("'utf-8' codec can't decode byte 0x%02x in position %d: %s", c, i, reason)
		}
		return i, fmt.Sprintf("'utf-8' codec can't decode bytes in position %d-%d: %s", i, end-1, reason)
	}
	return -1, ""
}

// NFKC normalization (what CPython applies to non-ASCII identifiers). The tables cover
// every identifier character (generated from python3.13's unicodedata); characters that
// cannot occur in identifiers are left as they are.

const (
	sBase  = 0xAC00
	lBase  = 0x1100
	vBase  = 0x1161
	tBase  = 0x11A7
	lCount = 19
	vCount = 21
	tCount = 28
	nCount = vCount * tCount
	sCount = lCount * nCount
)

func nfkdOf(r rune) (string, bool) {
	i := sort.Search(len(nfkdKeys), func(i int) bool { return nfkdKeys[i] >= r })
	if i < len(nfkdKeys) && nfkdKeys[i] == r {
		return nfkdData[nfkdOff[i]:nfkdOff[i+1]], true
	}
	return "", false
}

// NormalizeIdent returns the NFKC normalization of an identifier, as CPython stores it.
func NormalizeIdent(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii || !utf8.ValidString(s) {
		return s
	}
	// Decompose.
	rs := make([]rune, 0, len(s))
	for _, r := range s {
		if r >= sBase && r < sBase+sCount {
			si := r - sBase
			rs = append(rs, lBase+si/nCount, vBase+(si%nCount)/tCount)
			if t := si % tCount; t != 0 {
				rs = append(rs, tBase+t)
			}
			continue
		}
		if d, ok := nfkdOf(r); ok {
			for _, x := range d {
				rs = append(rs, x)
			}
			continue
		}
		rs = append(rs, r)
	}
	// Canonical ordering.
	for i := 1; i < len(rs); i++ {
		c := cccTable[rs[i]]
		if c == 0 {
			continue
		}
		for j := i; j > 0; j-- {
			p := cccTable[rs[j-1]]
			if p == 0 || p <= c {
				break
			}
			rs[j-1], rs[j] = rs[j], rs[j-1]
		}
	}
	// Canonical composition.
	if len(rs) > 0 {
		starter := -1
		if cccTable[rs[0]] == 0 {
			starter = 0
		}
		out := rs[:1]
		lastCCC := int(cccTable[rs[0]])
		if starter == 0 {
			lastCCC = 0
		}
		for _, r := range rs[1:] {
			c := int(cccTable[r])
			if starter >= 0 {
				st := out[starter]
				blocked := len(out)-1 != starter && (lastCCC == 0 || lastCCC >= c)
				if !blocked {
					// Hangul
					if st >= lBase && st < lBase+lCount && r >= vBase && r < vBase+vCount && len(out)-1 == starter {
						out[starter] = sBase + ((st-lBase)*vCount+(r-vBase))*tCount
						continue
					}
					if st >= sBase && st < sBase+sCount && (st-sBase)%tCount == 0 && r > tBase && r < tBase+tCount && len(out)-1 == starter {
						out[starter] = st + (r - tBase)
						continue
					}
					if comp, ok := composeTable[uint64(st)<<21|uint64(r)]; ok {
						out[starter] = comp
						continue
					}
				}
			}
			if c == 0 {
				starter = len(out)
			}
			lastCCC = c
			out = append(out, r)
		}
		rs = out
	}
	var sb strings.Builder
	for _, r := range rs {
		sb.WriteRune(r)
	}
	return sb.String()
}
