package pyval

// KeyFunc is a key= function (a translated lambda or function).
type KeyFunc func(Value) (Value, error)

// Sorted is sorted(iterable, key=key, reverse=reverse) (key, reverse nil: absent): a
// stable sort comparing with < only, in CPython's order for short lists (count_run then
// binary insertion), so that the first failing comparison raises the same TypeError.
func Sorted(iterable Value, key KeyFunc, reverse Value) (Value, error) {
	items, err := Iterate(iterable)
	if err != nil {
		return nil, err
	}
	out := append([]Value(nil), items...)
	if err := SortValues(out, key, reverse); err != nil {
		return nil, err
	}
	return &List{Items: out}, nil
}

// SortValues sorts items in place as list.sort(key=key, reverse=reverse).
func SortValues(items []Value, key KeyFunc, reverse Value) error {
	rev, err := sortReverse(reverse)
	if err != nil {
		return err
	}
	keys := items
	if key != nil {
		keys = make([]Value, len(items))
		for i, it := range items {
			k, err := key(it)
			if err != nil {
				return err
			}
			keys[i] = k
		}
	}
	return sortBy(items, rev, func(a, b int) (bool, error) { return order(keys[a], keys[b], opLt) })
}

// sortReverse is the reverse= argument of a sort as a flag (nil: absent).
func sortReverse(reverse Value) (bool, error) {
	if reverse == nil {
		return false, nil
	}
	n, err := asIndex(reverse)
	return n != 0, err
}

// sortBy sorts items in place, stably, with lt comparing the items at two indexes (their
// keys); rev as list.sort's reverse=True.
func sortBy(items []Value, rev bool, lt func(a, b int) (bool, error)) error {
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	if rev {
		reverseInts(idx)
	}
	var err error
	if len(idx) < 64 {
		err = binarySort(idx, lt)
	} else {
		idx, err = mergeSort(idx, lt)
	}
	if err != nil {
		return err
	}
	if rev {
		reverseInts(idx)
	}
	sorted := make([]Value, len(items))
	for i, j := range idx {
		sorted[i] = items[j]
	}
	copy(items, sorted)
	return nil
}

func reverseInts(a []int) {
	for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
		a[i], a[j] = a[j], a[i]
	}
}

// binarySort is CPython's count_run followed by binary insertion.
func binarySort(a []int, lt func(a, b int) (bool, error)) error {
	n := len(a)
	if n < 2 {
		return nil
	}
	run := 2
	desc, err := lt(a[1], a[0])
	if err != nil {
		return err
	}
	for ; run < n; run++ {
		k, err := lt(a[run], a[run-1])
		if err != nil {
			return err
		}
		if k != desc {
			break
		}
	}
	if desc {
		reverseInts(a[:run])
	}
	for start := run; start < n; start++ {
		pivot := a[start]
		l, r := 0, start
		for l < r {
			p := l + (r-l)/2
			k, err := lt(pivot, a[p])
			if err != nil {
				return err
			}
			if k {
				r = p
			} else {
				l = p + 1
			}
		}
		copy(a[l+1:start+1], a[l:start])
		a[l] = pivot
	}
	return nil
}

func mergeSort(a []int, lt func(a, b int) (bool, error)) ([]int, error) {
	if len(a) < 64 {
		return a, binarySort(a, lt)
	}
	m := len(a) / 2
	l, err := mergeSort(append([]int(nil), a[:m]...), lt)
	if err != nil {
		return nil, err
	}
	r, err := mergeSort(append([]int(nil), a[m:]...), lt)
	if err != nil {
		return nil, err
	}
	out := a[:0]
	i, j := 0, 0
	for i < len(l) && j < len(r) {
		k, err := lt(r[j], l[i])
		if err != nil {
			return nil, err
		}
		if k {
			out = append(out, r[j])
			j++
		} else {
			out = append(out, l[i])
			i++
		}
	}
	out = append(out, l[i:]...)
	return append(out, r[j:]...), nil
}

// MinKey is min(args..., key=key, default=def); MaxKey max(...).
func MinKey(args []Value, key KeyFunc, def Value) (Value, error) {
	return minMaxKey(args, key, def, opLt, "min")
}

// MaxKey is max(args..., key=key, default=def).
func MaxKey(args []Value, key KeyFunc, def Value) (Value, error) {
	return minMaxKey(args, key, def, opGt, "max")
}

func minMaxKey(args []Value, key KeyFunc, def Value, op cmpOp, name string) (Value, error) {
	if key == nil {
		return minMax(args, def, op, name)
	}
	items := args
	switch len(args) {
	case 0:
		return nil, typeError(name + " expected at least 1 argument, got 0")
	case 1:
		var err error
		if items, err = Iterate(args[0]); err != nil {
			return nil, err
		}
	default:
		if def != nil {
			return nil, typeError("Cannot specify a default for " + name + "() with multiple positional arguments")
		}
	}
	if len(items) == 0 {
		if def != nil {
			return def, nil
		}
		return nil, valueError(name + "() arg is an empty sequence")
	}
	best := items[0]
	bestKey, err := key(best)
	if err != nil {
		return nil, err
	}
	for _, it := range items[1:] {
		k, err := key(it)
		if err != nil {
			return nil, err
		}
		better, err := order(k, bestKey, op)
		if err != nil {
			return nil, err
		}
		if better {
			best, bestKey = it, k
		}
	}
	return best, nil
}

// Any is any(iterable); All all(iterable).
func Any(iterable Value) (bool, error) {
	it, err := Iter(iterable)
	if err != nil {
		return false, err
	}
	for {
		v, ok, err := it.Next()
		if err != nil || !ok {
			return false, err
		}
		if Truthy(v) {
			return true, nil
		}
	}
}

// All is all(iterable).
func All(iterable Value) (bool, error) {
	it, err := Iter(iterable)
	if err != nil {
		return false, err
	}
	for {
		v, ok, err := it.Next()
		if err != nil || !ok {
			return err == nil, err
		}
		if !Truthy(v) {
			return false, nil
		}
	}
}
