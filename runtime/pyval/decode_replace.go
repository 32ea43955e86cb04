package pyval

import "unicode/utf8"

// BytesDecodeReplace is b.decode(encoding, errors="replace") for UTF-8 (ascii false) or
// ASCII: each maximal ill-formed subsequence (each byte above 0x7f for ASCII) becomes
// one U+FFFD, as CPython's decoders do.
func BytesDecodeReplace(b Value, ascii bool) (Value, error) { return bytesDecodeLax(b, ascii, true) }

// BytesDecodeIgnore is b.decode(encoding, errors="ignore"): the ill-formed subsequences
// BytesDecodeReplace replaces are dropped.
func BytesDecodeIgnore(b Value, ascii bool) (Value, error) { return bytesDecodeLax(b, ascii, false) }

func bytesDecodeLax(b Value, ascii, replace bool) (Value, error) {
	x, ok := b.(Bytes)
	if !ok {
		return nil, attrError(b, "decode")
	}
	s := string(x)
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			out = append(out, c)
			i++
			continue
		}
		if ascii {
			if replace {
				out = utf8.AppendRune(out, utf8.RuneError)
			}
			i++
			continue
		}
		n := utf8ValidPrefix(s[i:])
		if n > 0 {
			out = append(out, s[i:i+n]...)
			i += n
			continue
		}
		if replace {
			out = utf8.AppendRune(out, utf8.RuneError)
		}
		i += utf8MaximalSubpart(s[i:])
	}
	return Str(out), nil
}

// utf8ValidPrefix is the length of the well-formed sequence s starts with (0: none).
func utf8ValidPrefix(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && n <= 1 {
		return 0
	}
	return n
}

// utf8MaximalSubpart is the length of the maximal subpart of an ill-formed sequence at
// the start of s (at least 1): the lead byte and the continuation bytes that could still
// have begun a well-formed sequence (Unicode's "U+FFFD substitution of maximal subparts").
func utf8MaximalSubpart(s string) int {
	c := s[0]
	var need int
	lo, hi := byte(0x80), byte(0xbf)
	switch {
	case c >= 0xc2 && c <= 0xdf:
		need = 1
	case c == 0xe0:
		need, lo = 2, 0xa0
	case c >= 0xe1 && c <= 0xec, c == 0xee, c == 0xef:
		need = 2
	case c == 0xed:
		need, hi = 2, 0x9f
	case c == 0xf0:
		need, lo = 3, 0x90
	case c >= 0xf1 && c <= 0xf3:
		need = 3
	case c == 0xf4:
		need, hi = 3, 0x8f
	default:
		return 1
	}
	n := 1
	for k := 0; k < need && n < len(s); k++ {
		b := s[n]
		if b < lo || b > hi {
			break
		}
		lo, hi = 0x80, 0xbf
		n++
	}
	return n
}
