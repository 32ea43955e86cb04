package pyval

import (
	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/validate"
)

// Field validators of mode "before" (codegen/translate validator_before.go).

// StrMethodValue is s.name(args...) for a str method that cannot fail with the arguments
// given (str.split with a non-empty str separator).
func StrMethodValue(s, name string, args ...Value) Value {
	r, err := CallMethod(Str(s), name, args...)
	if err != nil {
		return Str(s) // unreachable for the methods and arguments translate emits
	}
	return r
}

// RunBefore runs the before validator fn of a field on its raw input in: the value to
// validate as the field (fn's result, as the JSON the decoder reads), or false after
// recording fn's error (at the field's location, with the raw input).
func RunBefore(s *validate.State, in pyjson.Value, fn func(Value) (Value, *validate.Error)) (pyjson.Value, bool) {
	r, e := fn(FromJSON(in))
	if e != nil {
		s.AddValidatorError(e, in)
		return pyjson.Value{}, false
	}
	out, err := ValidationInput(r)
	if err != nil {
		s.AddValidatorError(validate.ValueError(err.Error()), in)
		return pyjson.Value{}, false
	}
	return out, true
}

// StrSplitItems is the items of a str.split result (StrMethodValue) as Go strings.
func StrSplitItems(v Value) []string {
	l, ok := v.(*List)
	if !ok {
		return nil
	}
	out := make([]string, 0, len(l.Items))
	for _, it := range l.Items {
		if s, ok := it.(Str); ok {
			out = append(out, string(s))
		}
	}
	return out
}
