package pyval

// Helpers for the code translated displays, unpacking and calls compile to.

// DictUpdate merges a mapping into d, as {**m} does.
func DictUpdate(d *Dict, m Value) error {
	src, ok := m.(*Dict)
	if !ok {
		return typeError("'%s' object is not a mapping", m.TypeName())
	}
	for i, k := range src.keys {
		d.setHashed(src.hk[i], k, src.vals[i])
	}
	return nil
}

// KwUpdate merges **m into keyword arguments kw: keys must be str and new.
func KwUpdate(kw *Dict, m Value) error {
	src, ok := m.(*Dict)
	if !ok {
		return typeError("argument after ** must be a mapping, not %s", m.TypeName())
	}
	for i, k := range src.keys {
		s, ok := k.(Str)
		if !ok {
			return typeError("keywords must be strings")
		}
		if _, dup := kw.GetStr(string(s)); dup {
			return typeError("got multiple values for keyword argument '" + string(s) + "'")
		}
		kw.setHashed(src.hk[i], k, src.vals[i])
	}
	return nil
}

// ListExtend appends the items of an iterable to l, as [*it] does.
func ListExtend(l *List, it Value) error {
	items, err := Iterate(it)
	if err != nil {
		return err
	}
	l.mutate()
	l.Items = append(l.Items, items...)
	return nil
}

// Unpack is `a, b = v`: v's items, exactly n of them.
func Unpack(v Value, n int) ([]Value, error) {
	items, err := Iterate(v)
	if err != nil {
		return nil, typeError("cannot unpack non-iterable %s object", v.TypeName())
	}
	if len(items) < n {
		return nil, valueError("not enough values to unpack (expected " + itoa(n) + ", got " + itoa(len(items)) + ")")
	}
	if len(items) > n {
		return nil, valueError("too many values to unpack (expected " + itoa(n) + ")")
	}
	return items, nil
}

// ToList is list(v) (no argument: nil).
func ToList(v Value) (Value, error) {
	if v == nil {
		return &List{}, nil
	}
	items, err := Iterate(v)
	if err != nil {
		return nil, err
	}
	return &List{Items: append([]Value(nil), items...)}, nil
}

// ToTuple is tuple(v) (no argument: nil).
func ToTuple(v Value) (Value, error) {
	if v == nil {
		return Tuple{}, nil
	}
	if t, ok := v.(Tuple); ok {
		return t, nil
	}
	items, err := Iterate(v)
	if err != nil {
		return nil, err
	}
	return Tuple(append([]Value(nil), items...)), nil
}

func itoa(n int) string { return IntOf(int64(n)).String() }
