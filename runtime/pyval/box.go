package pyval

// Pre-boxed values. Converting an Int or a Str to Value allocates (the interface holds a
// pointer to a copy); CPython shares its small ints and its one-character Latin-1 strings
// instead. These tables hold such values boxed once, at package initialization, and are
// never written afterwards: handing one out is the same value an allocation would give.

const (
	// smallIntMin and smallIntMax bound the pre-boxed ints (indexes and counters of
	// typical loops, sizes of request-sized data).
	smallIntMin = -256
	smallIntMax = 10239
)

// smallInts[k-smallIntMin] is Int k boxed; latin1Strs[c] is the str of code point c.
var (
	smallInts  = makeSmallInts()
	latin1Strs = makeLatin1Strs()
)

func makeSmallInts() []Value {
	out := make([]Value, smallIntMax-smallIntMin+1)
	for k := range out {
		out[k] = Int{small: int64(k) + smallIntMin}
	}
	return out
}

func makeLatin1Strs() []Value {
	out := make([]Value, 256)
	for c := range out {
		out[c] = Str(string(rune(c)))
	}
	return out
}

// IntValue is IntOf(n) as a Value, without allocating for small n.
func IntValue(n int64) Value {
	if n >= smallIntMin && n <= smallIntMax {
		return smallInts[n-smallIntMin]
	}
	return Int{small: n}
}

// boxInt is i as a Value, without allocating for small i.
func boxInt(i Int) Value {
	if i.big == nil && i.small >= smallIntMin && i.small <= smallIntMax {
		return smallInts[i.small-smallIntMin]
	}
	return i
}

// oneChar is the str of s[i:i+n] (one code point), pre-boxed below U+0100.
func oneChar(s string, i, n int) Value {
	c := s[i]
	switch {
	case n == 1 && c < 0x80:
		return latin1Strs[c]
	case n == 2 && c >= 0xC2 && c < 0xC4: // two-byte UTF-8 of U+0080..U+00FF
		return latin1Strs[(rune(c&0x1F)<<6)|rune(s[i+1]&0x3F)]
	}
	return Str(s[i : i+n])
}
