package pyval

// Sets built by translated bodies. The translator only lets a body build a set where its
// iteration order cannot show (the argument of sorted() or len(), the right operand of
// in, a one-item display): the items are kept in first-insertion order, with Python's
// set membership (1, 1.0 and True are one item; unhashable items raise TypeError).

// SetOf is set(iterable) (frozen: frozenset(iterable)); v nil is set().
func SetOf(v Value, frozen bool) (Value, error) {
	if v == nil {
		return Set{Frozen: frozen}, nil
	}
	items, err := Iterate(v)
	if err != nil {
		return nil, err
	}
	return SetDisplay(frozen, items...)
}

// SetDisplay is {a, b, ...} (frozen: frozenset of those items).
func SetDisplay(frozen bool, items ...Value) (Value, error) {
	seen := &Dict{}
	out := make([]Value, 0, len(items))
	for _, it := range items {
		k, err := hashKey(it)
		if err != nil {
			return nil, err
		}
		if seen.find(k) >= 0 {
			continue
		}
		seen.setHashed(k, it, None)
		out = append(out, it)
	}
	return Set{Items: out, Frozen: frozen}, nil
}

// setContains is item in s: a TypeError for an unhashable item, as CPython.
func setContains(s Set, item Value) (bool, error) {
	if _, err := hashKey(item); err != nil {
		return false, err
	}
	return seqContains(s.Items, item), nil
}

// setBinOp is a | b, a & b, a - b and a ^ b of two sets (ok false: an operand is not a
// set): a set of a's kind (set or frozenset), items in first-insertion order.
func setBinOp(op byte, a, b Value) (Value, bool, error) {
	x, ok1 := a.(Set)
	y, ok2 := b.(Set)
	if !ok1 || !ok2 {
		return nil, false, nil
	}
	inY := func(v Value) bool { return seqContains(y.Items, v) }
	inX := func(v Value) bool { return seqContains(x.Items, v) }
	var items []Value
	switch op {
	case '|':
		items = append(append(items, x.Items...), y.Items...)
	case '&':
		// CPython iterates the smaller set (b when the sizes are equal): its items are kept
		small, large := y, x
		if len(x.Items) < len(y.Items) {
			small, large = x, y
		}
		for _, v := range small.Items {
			if seqContains(large.Items, v) {
				items = append(items, v)
			}
		}
	case '-':
		for _, v := range x.Items {
			if !inY(v) {
				items = append(items, v)
			}
		}
	case '^':
		for _, v := range x.Items {
			if !inY(v) {
				items = append(items, v)
			}
		}
		for _, v := range y.Items {
			if !inX(v) {
				items = append(items, v)
			}
		}
	default:
		return nil, false, nil
	}
	r, err := SetDisplay(x.Frozen, items...)
	return r, true, err
}
