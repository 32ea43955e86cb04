package validate

import "github.com/covetpy/covetgen/runtime/pyjson"

// NullablePtr validates Optional[T] into a pointer, nil for None: the representation of
// an optional field whose model contains itself (class Category: parent: Optional[Category]),
// which a value cannot hold. It accepts what Nullable accepts.
func NullablePtr[T any](s *State, v pyjson.Value, item Decoder[T], out **T) bool {
	if v.Kind() == pyjson.KindNull {
		*out = nil
		return true
	}
	x := new(T)
	if !item(s, v, x) {
		*out = nil
		return false
	}
	*out = x
	return true
}
