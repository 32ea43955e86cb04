package pyval

// Iterator is a Python iterator (list_iterator, dict_keyiterator, range_iterator,
// enumerate, zip, reversed, dict_items...): one-shot, advanced by Next. Generated code
// uses it only where Python consumes an iterable (for loops, comprehensions, the
// arguments of list(), sorted()...); Iterate drains it.
type Iterator struct {
	name string
	next func() (Value, bool, error)
	done bool
}

// TypeName is the Python type of the iterator.
func (it *Iterator) TypeName() string { return it.name }

// Next returns the next item; ok is false once the iterator is exhausted.
func (it *Iterator) Next() (v Value, ok bool, err error) {
	if it.done {
		return nil, false, nil
	}
	v, ok, err = it.next()
	if !ok || err != nil {
		it.done = true
	}
	return v, ok, err
}

// Collect drains the iterator.
func (it *Iterator) Collect() ([]Value, error) {
	var out []Value
	for {
		v, ok, err := it.Next()
		if err != nil {
			return nil, err
		}
		if !ok {
			return out, nil
		}
		out = append(out, v)
	}
}

func sliceIter(name string, items []Value) *Iterator {
	i := 0
	return &Iterator{name: name, next: func() (Value, bool, error) {
		if i >= len(items) {
			return nil, false, nil
		}
		i++
		return items[i-1], true, nil
	}}
}

func dictChanged() error {
	return raise("RuntimeError", "dictionary changed size during iteration")
}

// dictIter iterates a dict's keys, values or items, raising RuntimeError when the dict
// changes size, as CPython does.
func dictIter(d *Dict, name string, pick func(i int) Value) *Iterator {
	i, n := 0, d.Len()
	return &Iterator{name: name, next: func() (Value, bool, error) {
		if d.Len() != n {
			n = -1
			return nil, false, dictChanged()
		}
		if i >= n {
			return nil, false, nil
		}
		i++
		return pick(i - 1), true, nil
	}}
}

// Iter is iter(v). A list is iterated live (items appended by the loop body are seen).
func Iter(v Value) (*Iterator, error) {
	switch x := v.(type) {
	case *Iterator:
		return x, nil
	case *List:
		i := 0
		return &Iterator{name: "list_iterator", next: func() (Value, bool, error) {
			if i >= len(x.Items) {
				return nil, false, nil
			}
			i++
			return x.Items[i-1], true, nil
		}}, nil
	case *Dict:
		return dictIter(x, "dict_keyiterator", func(i int) Value { return x.keys[i] }), nil
	}
	items, err := Iterate(v)
	if err != nil {
		return nil, err
	}
	return sliceIter("iterator", items), nil
}

func noAttr(v Value, name string) error {
	return raise("AttributeError", "'"+v.TypeName()+"' object has no attribute '"+name+"'")
}

// DictItems is iter(d.items()); DictKeys iter(d.keys()); DictValues iter(d.values()).
func DictItems(v Value) (Value, error) {
	d, ok := v.(*Dict)
	if !ok {
		return nil, noAttr(v, "items")
	}
	return dictIter(d, "dict_itemiterator", func(i int) Value { return Tuple{d.keys[i], d.vals[i]} }), nil
}

// DictKeys is iter(d.keys()).
func DictKeys(v Value) (Value, error) {
	d, ok := v.(*Dict)
	if !ok {
		return nil, noAttr(v, "keys")
	}
	return dictIter(d, "dict_keyiterator", func(i int) Value { return d.keys[i] }), nil
}

// DictValues is iter(d.values()).
func DictValues(v Value) (Value, error) {
	d, ok := v.(*Dict)
	if !ok {
		return nil, noAttr(v, "values")
	}
	return dictIter(d, "dict_valueiterator", func(i int) Value { return d.vals[i] }), nil
}

// asIndex reads an int argument (bool included) as __index__ does.
func asIndex(v Value) (int64, error) {
	switch x := v.(type) {
	case Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case Int:
		if n, ok := x.Int64(); ok {
			return n, nil
		}
		return 0, overflowError("Python int too large to convert to C ssize_t")
	}
	return 0, typeError("'%s' object cannot be interpreted as an integer", v.TypeName())
}

func rangeArgs(args []Value) (start, stop, step int64, err error) {
	if len(args) == 0 || len(args) > 3 {
		return 0, 0, 0, typeError("range expected at most 3 arguments")
	}
	n := make([]int64, len(args))
	for i, a := range args {
		if n[i], err = asIndex(a); err != nil {
			return
		}
	}
	switch len(n) {
	case 1:
		return 0, n[0], 1, nil
	case 2:
		return n[0], n[1], 1, nil
	}
	if n[2] == 0 {
		return 0, 0, 0, valueError("range() arg 3 must not be zero")
	}
	return n[0], n[1], n[2], nil
}

// Range is iter(range(args...)), lazily.
func Range(args ...Value) (Value, error) {
	c, err := CountRange(args...)
	if err != nil {
		return nil, err
	}
	return &Iterator{name: "range_iterator", next: func() (Value, bool, error) {
		v, ok := c.Next()
		return v, ok, nil
	}}, nil
}

// ReversedRange is reversed(range(args...)).
func ReversedRange(args ...Value) (Value, error) {
	it, err := Range(args...)
	if err != nil {
		return nil, err
	}
	items, err := it.(*Iterator).Collect()
	if err != nil {
		return nil, err
	}
	return reversedSlice(items), nil
}

func reversedSlice(items []Value) *Iterator {
	i := len(items)
	return &Iterator{name: "reversed", next: func() (Value, bool, error) {
		if i <= 0 {
			return nil, false, nil
		}
		i--
		return items[i], true, nil
	}}
}

// Reversed is reversed(v) for sequences and dicts.
func Reversed(v Value) (Value, error) {
	switch x := v.(type) {
	case *List:
		i := len(x.Items)
		return &Iterator{name: "list_reverseiterator", next: func() (Value, bool, error) {
			if i <= 0 || i > len(x.Items) {
				i = 0
				return nil, false, nil
			}
			i--
			return x.Items[i], true, nil
		}}, nil
	case Tuple, Str, Bytes:
		items, err := Iterate(v)
		if err != nil {
			return nil, err
		}
		return reversedSlice(items), nil
	case *Dict:
		keys := append([]Value(nil), x.keys...)
		it := reversedSlice(keys)
		n := x.Len()
		inner := it.next
		it.next = func() (Value, bool, error) {
			if x.Len() != n {
				return nil, false, dictChanged()
			}
			return inner()
		}
		return it, nil
	}
	return nil, typeError("'%s' object is not reversible", v.TypeName())
}

// Enumerate is enumerate(v, start) (start nil: 0).
func Enumerate(v, start Value) (Value, error) {
	it, err := Iter(v)
	if err != nil {
		return nil, err
	}
	var n Value = Int{}
	if start != nil {
		switch start.(type) {
		case Int, Bool:
			if n, err = Add(Int{}, start); err != nil {
				return nil, err
			}
		default:
			return nil, typeError("'%s' object cannot be interpreted as an integer", start.TypeName())
		}
	}
	return &Iterator{name: "enumerate", next: func() (Value, bool, error) {
		v, ok, err := it.Next()
		if !ok || err != nil {
			return nil, false, err
		}
		i := n
		if n, err = Add(n, Int{small: 1}); err != nil {
			return nil, false, err
		}
		return Tuple{i, v}, true, nil
	}}, nil
}

// Zip is zip(vs...): tuples until the shortest input is exhausted.
func Zip(vs ...Value) (Value, error) {
	its := make([]*Iterator, len(vs))
	for i, v := range vs {
		it, err := Iter(v)
		if err != nil {
			if e, ok := err.(*Exception); ok && e.Class == "TypeError" {
				return nil, typeError("'%s' object is not iterable", v.TypeName())
			}
			return nil, err
		}
		its[i] = it
	}
	return &Iterator{name: "zip", next: func() (Value, bool, error) {
		if len(its) == 0 {
			return nil, false, nil
		}
		t := make(Tuple, len(its))
		for i, it := range its {
			v, ok, err := it.Next()
			if !ok || err != nil {
				return nil, false, err
			}
			t[i] = v
		}
		return t, true, nil
	}}, nil
}
