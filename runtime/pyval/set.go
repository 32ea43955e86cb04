package pyval

import "strings"

// Set is a set or frozenset of hashable items, in the order Python iterates it (as
// runtime/validate builds it). Translated bodies only pass sets through: operations on
// them are refused by the translator.
type Set struct {
	Items  []Value
	Frozen bool
}

func (s Set) TypeName() string {
	if s.Frozen {
		return "frozenset"
	}
	return "set"
}

func (s Set) pyStr() Str { return Str(s.pyRepr()) }

// pyRepr is "{1, 2}", "set()", "frozenset({1, 2})" or "frozenset()".
func (s Set) pyRepr() string {
	if len(s.Items) == 0 {
		return s.TypeName() + "()"
	}
	var b strings.Builder
	if s.Frozen {
		b.WriteString("frozenset(")
	}
	b.WriteByte('{')
	for i, it := range s.Items {
		if i > 0 {
			b.WriteString(", ")
		}
		writeRepr(&b, it)
	}
	b.WriteByte('}')
	if s.Frozen {
		b.WriteByte(')')
	}
	return b.String()
}

func (s Set) truthy() bool { return len(s.Items) > 0 }

// eq is set equality (a set equals a frozenset of the same items).
func (s Set) eq(o Value) bool {
	y, ok := o.(Set)
	if !ok || len(y.Items) != len(s.Items) {
		return false
	}
	for _, a := range s.Items {
		found := false
		for _, b := range y.Items {
			if Eq(a, b) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// appendJSONable is jsonable_encoder's list of the items.
func (s Set) appendJSONable(dst []byte) ([]byte, error) { return appendBSeq(dst, s.Items, 0) }

func (s Set) appendValidation(dst []byte, depth int) ([]byte, error) {
	return appendBridgeSeq(dst, s.Items, depth)
}
