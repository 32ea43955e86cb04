package pyval

import (
	"math"
	"unicode/utf8"

	"github.com/covetpy/covetgen/runtime/validate"
)

// Field values taken as they are.
//
// A generated model validates a dict whose values already have its fields' exact types
// without the generic JSON round trip (codegen/respond_dict.go). These functions take one
// value for one field type: ok only when pydantic's lax python mode keeps the value as it
// is (or converts it exactly, an int for a float); any other value (a bool for an int, a
// tuple for a list, a NaN, a str that is not valid UTF-8 ...) is false and the generic path
// then decides, giving the same result or error as before.

// maxExactFloatInt is the largest int every float64 conversion keeps exact (2**53).
const maxExactFloatInt = 1 << 53

// StrField is v for a str field: a str of valid UTF-8.
func StrField(v Value) (string, bool) {
	s, ok := v.(Str)
	if !ok || !utf8.ValidString(string(s)) {
		return "", false
	}
	return string(s), true
}

// IntField is v for an int field: an int (not a bool).
func IntField(v Value) (validate.Int, bool) {
	i, ok := v.(Int)
	if !ok {
		return validate.Int{}, false
	}
	return i.Validate(), true
}

// FloatField is v for a float field: a finite float, or an int of at most 2**53 in
// magnitude (converted exactly).
func FloatField(v Value) (float64, bool) {
	switch x := v.(type) {
	case Float:
		f := float64(x)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return 0, false
		}
		return f, true
	case Int:
		if x.big == nil && x.small >= -maxExactFloatInt && x.small <= maxExactFloatInt {
			return float64(x.small), true
		}
	}
	return 0, false
}

// BoolField is v for a bool field: a bool.
func BoolField(v Value) (bool, bool) {
	b, ok := v.(Bool)
	return bool(b), ok
}

// ListField is v for a list[T] field: a list (not a tuple) whose items all convert with
// item.
func ListField[T any](v Value, item func(Value) (T, bool)) ([]T, bool) {
	l, ok := v.(*List)
	if !ok {
		return nil, false
	}
	out := make([]T, len(l.Items))
	for i, it := range l.Items {
		if out[i], ok = item(it); !ok {
			return nil, false
		}
	}
	return out, true
}

// ListInto is ListField for items converted in place (models).
func ListInto[T any](v Value, item func(Value, *T) bool) ([]T, bool) {
	l, ok := v.(*List)
	if !ok {
		return nil, false
	}
	out := make([]T, len(l.Items))
	for i, it := range l.Items {
		if !item(it, &out[i]) {
			return nil, false
		}
	}
	return out, true
}
