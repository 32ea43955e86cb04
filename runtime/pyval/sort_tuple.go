package pyval

// TupleKeyFunc is a key= lambda returning a tuple literal of len(k) items, translated to
// store the items in k instead of building the tuple. Its Value result is unused (nil: a
// translated closure returns its errors as (nil, err)).
type TupleKeyFunc func(item Value, k []Value) (Value, error)

// SortedTupleKey is sorted(iterable, key=lambda x: (e1, ..., en), reverse=reverse) (reverse
// nil: absent): Sorted with the n items of every key kept in one flat slice and compared
// as tuples are (the first unequal items decide, with <), so no tuple is allocated per item.
func SortedTupleKey(iterable Value, n int, key TupleKeyFunc, reverse Value) (Value, error) {
	items, err := Iterate(iterable)
	if err != nil {
		return nil, err
	}
	out := append([]Value(nil), items...)
	rev, err := sortReverse(reverse)
	if err != nil {
		return nil, err
	}
	keys := make([]Value, len(out)*n)
	for i, it := range out {
		if _, err := key(it, keys[i*n:(i+1)*n:(i+1)*n]); err != nil {
			return nil, err
		}
	}
	lt := func(a, b int) (bool, error) { return seqOrder(keys[a*n:(a+1)*n], keys[b*n:(b+1)*n], opLt) }
	if err := sortBy(out, rev, lt); err != nil {
		return nil, err
	}
	return &List{Items: out}, nil
}
