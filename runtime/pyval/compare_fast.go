package pyval

// eqSame is a == b for the commonest pairs of one type (two strs, two floats, two ints
// that fit in an int64), which no enum or temporal rule touches; ok is false for any other
// pair (Eq's general rules then apply).
func eqSame(a, b Value) (r, ok bool) {
	switch x := a.(type) {
	case Str:
		if y, ok := b.(Str); ok {
			return x == y, true
		}
	case Float:
		if y, ok := b.(Float); ok {
			return x == y, true // NaN == NaN is False, as in Python
		}
	case Int:
		if y, ok := b.(Int); ok && x.big == nil && y.big == nil {
			return x.small == y.small, true
		}
	}
	return false, false
}
