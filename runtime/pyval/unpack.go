package pyval

import "strings"

// UnpackStar is the starred assignment `a, *b, c = v`: the before items, a new list of
// the middle ones, then the after items.
func UnpackStar(v Value, before, after int) ([]Value, error) {
	items, err := Iterate(v)
	if err != nil {
		return nil, typeError("cannot unpack non-iterable %s object", v.TypeName())
	}
	if len(items) < before+after {
		return nil, valueError("not enough values to unpack (expected at least " + itoa(before+after) + ", got " + itoa(len(items)) + ")")
	}
	out := make([]Value, 0, before+1+after)
	out = append(out, items[:before]...)
	out = append(out, &List{Items: append([]Value(nil), items[before:len(items)-after]...)})
	return append(out, items[len(items)-after:]...), nil
}

// DivMod is divmod(a, b).
func DivMod(a, b Value) (Value, error) {
	q, err := FloorDiv(a, b)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.Class == "TypeError" && strings.Contains(e.Msg, "for //:") {
			return nil, binTypeError("divmod()", a, b)
		}
		return nil, err
	}
	r, err := Mod(a, b)
	if err != nil {
		return nil, err
	}
	return Tuple{q, r}, nil
}

// DictFrom is dict(v): a copy of a dict, or the pairs of an iterable (a model's fields).
func DictFrom(v Value) (Value, error) {
	d := &Dict{}
	if err := dictUpdate(d, v); err != nil {
		return nil, err
	}
	return d, nil
}
