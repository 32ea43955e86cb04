package pyjson

import "unicode/utf8"

// encoding is the codec json.detect_encoding picks for a bytes body.
type encoding uint8

const (
	encUTF8 encoding = iota
	encUTF8Sig
	encUTF16   // with BOM, BOM dropped
	encUTF16LE // no BOM
	encUTF16BE // no BOM
	encUTF32   // with BOM, BOM dropped
	encUTF32LE // no BOM
	encUTF32BE // no BOM
)

// detectEncoding mirrors json.detect_encoding.
func detectEncoding(b []byte) encoding {
	switch {
	case len(b) >= 4 && (b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF ||
		b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0):
		return encUTF32
	case len(b) >= 2 && (b[0] == 0xFE && b[1] == 0xFF || b[0] == 0xFF && b[1] == 0xFE):
		return encUTF16
	case len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF:
		return encUTF8Sig
	}
	if len(b) >= 4 {
		if b[0] == 0 {
			if b[1] != 0 {
				return encUTF16BE
			}
			return encUTF32BE
		}
		if b[1] == 0 {
			if b[2] != 0 || b[3] != 0 {
				return encUTF16LE
			}
			return encUTF32LE
		}
	} else if len(b) == 2 {
		if b[0] == 0 {
			return encUTF16BE
		}
		if b[1] == 0 {
			return encUTF16LE
		}
	}
	return encUTF8
}

// decodeText turns the body into WTF-8 text the way
// body.decode(detect_encoding(body), "surrogatepass") does. For UTF-8 input
// the text is returned as is (validation happens while parsing); ok is false
// when a UTF-16/32 body does not decode (bad is then the byte offset).
func decodeText(b []byte) (text []byte, utf8Input bool, bad int, ok bool) {
	switch detectEncoding(b) {
	case encUTF8:
		return b, true, 0, true
	case encUTF8Sig:
		return b[3:], true, 0, true
	case encUTF16:
		le := b[0] == 0xFF
		return decodeUTF16(b[2:], le, 2)
	case encUTF16LE:
		return decodeUTF16(b, true, 0)
	case encUTF16BE:
		return decodeUTF16(b, false, 0)
	case encUTF32:
		le := b[0] == 0xFF
		return decodeUTF32(b[4:], le, 4)
	case encUTF32LE:
		return decodeUTF32(b, true, 0)
	default:
		return decodeUTF32(b, false, 0)
	}
}

func decodeUTF16(b []byte, le bool, base int) ([]byte, bool, int, bool) {
	out := make([]byte, 0, len(b)+len(b)/2)
	unit := func(i int) rune {
		if le {
			return rune(b[i]) | rune(b[i+1])<<8
		}
		return rune(b[i])<<8 | rune(b[i+1])
	}
	i := 0
	for ; i+1 < len(b); i += 2 {
		u := unit(i)
		if u >= 0xD800 && u < 0xDC00 && i+3 < len(b) {
			if u2 := unit(i + 2); u2 >= 0xDC00 && u2 < 0xE000 {
				out = utf8.AppendRune(out, 0x10000+(u-0xD800)<<10+(u2-0xDC00))
				i += 2
				continue
			}
		}
		out = appendWTF8(out, u)
	}
	if i != len(b) {
		return nil, false, base + i, false
	}
	return out, false, 0, true
}

func decodeUTF32(b []byte, le bool, base int) ([]byte, bool, int, bool) {
	out := make([]byte, 0, len(b)/2)
	i := 0
	for ; i+3 < len(b); i += 4 {
		var u uint32
		if le {
			u = uint32(b[i]) | uint32(b[i+1])<<8 | uint32(b[i+2])<<16 | uint32(b[i+3])<<24
		} else {
			u = uint32(b[i])<<24 | uint32(b[i+1])<<16 | uint32(b[i+2])<<8 | uint32(b[i+3])
		}
		if u > 0x10FFFF {
			return nil, false, base + i, false
		}
		out = appendWTF8(out, rune(u))
	}
	if i != len(b) {
		return nil, false, base + i, false
	}
	return out, false, 0, true
}

// appendWTF8 appends r in generalized UTF-8: surrogates get their 3-byte form.
func appendWTF8(dst []byte, r rune) []byte {
	if r >= 0xD800 && r < 0xE000 {
		return append(dst, 0xED, byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F))
	}
	return utf8.AppendRune(dst, r)
}

// seqLen validates one non-ASCII WTF-8 sequence at s[i] (s[i] >= 0x80) as
// Python's UTF-8 decoder with "surrogatepass" does. It returns the sequence
// length, 0 if invalid, and whether it encodes a surrogate.
func seqLen[T string | []byte](s T, i int) (n int, surrogate bool) {
	c := s[i]
	cont := func(j int, lo, hi byte) bool {
		return j < len(s) && s[j] >= lo && s[j] <= hi
	}
	switch {
	case c >= 0xC2 && c <= 0xDF:
		if cont(i+1, 0x80, 0xBF) {
			return 2, false
		}
	case c == 0xE0:
		if cont(i+1, 0xA0, 0xBF) && cont(i+2, 0x80, 0xBF) {
			return 3, false
		}
	case c == 0xED:
		if cont(i+1, 0x80, 0xBF) && cont(i+2, 0x80, 0xBF) {
			return 3, s[i+1] >= 0xA0
		}
	case c >= 0xE1 && c <= 0xEF:
		if cont(i+1, 0x80, 0xBF) && cont(i+2, 0x80, 0xBF) {
			return 3, false
		}
	case c == 0xF0:
		if cont(i+1, 0x90, 0xBF) && cont(i+2, 0x80, 0xBF) && cont(i+3, 0x80, 0xBF) {
			return 4, false
		}
	case c >= 0xF1 && c <= 0xF3:
		if cont(i+1, 0x80, 0xBF) && cont(i+2, 0x80, 0xBF) && cont(i+3, 0x80, 0xBF) {
			return 4, false
		}
	case c == 0xF4:
		if cont(i+1, 0x80, 0x8F) && cont(i+2, 0x80, 0xBF) && cont(i+3, 0x80, 0xBF) {
			return 4, false
		}
	}
	return 0, false
}

// firstInvalid returns the offset of the first byte of s[from:] that Python's
// UTF-8 "surrogatepass" decoder rejects, or -1.
func firstInvalid(s []byte, from int) int {
	for i := from; i < len(s); {
		if s[i] < 0x80 {
			i++
			continue
		}
		n, _ := seqLen(s, i)
		if n == 0 {
			return i
		}
		i += n
	}
	return -1
}

// CharLen is Python's len() of a WTF-8 string: the number of code points,
// a lone surrogate counting as one. Bytes that are not WTF-8 count one each.
func CharLen(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// DecodeRune decodes one code point of a WTF-8 string, surrogates included.
// It returns (utf8.RuneError, 1) on an invalid byte.
func DecodeRune(s string, i int) (rune, int) {
	c := s[i]
	if c < 0x80 {
		return rune(c), 1
	}
	if c == 0xED && i+2 < len(s) && s[i+1] >= 0xA0 && s[i+1] <= 0xBF && s[i+2]&0xC0 == 0x80 {
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// HasSurrogate reports whether the WTF-8 string holds a lone surrogate (such
// a string cannot be encoded to UTF-8: FastAPI answers 500 when it has to).
func HasSurrogate(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xED && s[i+1] >= 0xA0 {
			return true
		}
	}
	return false
}

// charIndex converts a byte offset in text into a code point index.
func charIndex(text []byte, off int) int {
	if off > len(text) {
		off = len(text)
	}
	n := 0
	for _, c := range text[:off] {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	return n
}
