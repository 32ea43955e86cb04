package pyval

import "strings"

// InLower is `item in recv.lower()`: when both are strs the lowered string is neither built
// (for an ASCII recv) nor boxed; any other operands go through CallMethod and Contains, so
// the errors and results are those of the two steps.
func InLower(item, recv Value) (bool, error) {
	s, ok := recv.(Str)
	n, ok2 := item.(Str)
	if !ok || !ok2 {
		low, err := CallMethod(recv, "lower")
		if err != nil {
			return false, err
		}
		return Contains(low, item)
	}
	return lowerContains(string(s), string(n)), nil
}

// LowerEq is `recv.lower() == other` (and `other == recv.lower()`): without building or
// boxing the lowered string when both are strs and recv is ASCII.
func LowerEq(recv, other Value) (bool, error) {
	s, ok := recv.(Str)
	n, ok2 := other.(Str)
	if !ok || !ok2 {
		low, err := CallMethod(recv, "lower")
		if err != nil {
			return false, err
		}
		return Eq(low, other), nil
	}
	if !isASCII(string(s)) {
		return strLower(string(s)) == string(n), nil
	}
	if len(s) != len(n) {
		return false, nil
	}
	for i := 0; i < len(s); i++ {
		if lowerASCIIByte(s[i]) != n[i] {
			return false, nil
		}
	}
	return true, nil
}

// lowerContains reports whether n occurs in strLower(s).
func lowerContains(s, n string) bool {
	if !isASCII(s) {
		return strings.Contains(strLower(s), n) // full case mapping (SpecialCasing, final sigma)
	}
	// the lowered ASCII s has neither capitals nor non-ASCII bytes
	for i := 0; i < len(n); i++ {
		if c := n[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	if len(n) == 0 {
		return true
	}
	first := n[0]
	for i := 0; i+len(n) <= len(s); i++ {
		if lowerASCIIByte(s[i]) != first {
			continue
		}
		j := 1
		for j < len(n) && lowerASCIIByte(s[i+j]) == n[j] {
			j++
		}
		if j == len(n) {
			return true
		}
	}
	return false
}

func lowerASCIIByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
