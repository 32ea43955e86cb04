package pyval

import "strconv"

// listMethod is the list methods beyond append and copy (sort is ListSort: its key is a
// translated function).
func listMethod(l *List, name string, args []Value, kw []KW) (Value, bool, error) {
	switch name {
	case "extend", "insert", "pop", "remove", "index", "count", "reverse", "clear":
	default:
		return nil, false, nil
	}
	if err := noKw(name, kw); err != nil {
		return nil, true, err
	}
	v, err := listMethodArgs(l, name, args)
	return v, true, err
}

func listMethodArgs(l *List, name string, args []Value) (Value, error) {
	switch name {
	case "extend":
		if err := argCount("list.extend", args, 1, 1); err != nil {
			return nil, err
		}
		items, err := Iterate(args[0])
		if err != nil {
			return nil, err
		}
		items = append([]Value(nil), items...) // xs.extend(xs)
		l.mutate()
		l.Items = append(l.Items, items...)
		return None, nil
	case "insert":
		if len(args) != 2 {
			return nil, typeError("insert expected 2 arguments, got " + strconv.Itoa(len(args)))
		}
		i, err := asIndex(args[0])
		if err != nil {
			return nil, err
		}
		n := int64(len(l.Items))
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		if i > n {
			i = n
		}
		l.mutate()
		l.Items = append(l.Items, nil)
		copy(l.Items[i+1:], l.Items[i:])
		l.Items[i] = args[1]
		return None, nil
	case "pop":
		if err := argCount("pop", args, 0, 1); err != nil {
			return nil, err
		}
		i := int64(-1)
		if len(args) == 1 {
			var err error
			if i, err = asIndex(args[0]); err != nil {
				return nil, err
			}
		}
		n := int64(len(l.Items))
		if n == 0 {
			return nil, raise("IndexError", "pop from empty list")
		}
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return nil, raise("IndexError", "pop index out of range")
		}
		l.mutate()
		v := l.Items[i]
		l.Items = append(l.Items[:i], l.Items[i+1:]...)
		return v, nil
	case "remove":
		if err := argCount("list.remove", args, 1, 1); err != nil {
			return nil, err
		}
		for i, it := range l.Items {
			if Eq(it, args[0]) {
				l.mutate()
				l.Items = append(l.Items[:i], l.Items[i+1:]...)
				return None, nil
			}
		}
		return nil, valueError("list.remove(x): x not in list")
	case "index":
		if err := argCount("index", args, 1, 3); err != nil {
			return nil, err
		}
		lo, hi, err := sliceBounds(optArg(args, 1), optArg(args, 2), len(l.Items))
		if err != nil {
			return nil, err
		}
		for i := lo; i < hi && i < len(l.Items); i++ {
			if Eq(l.Items[i], args[0]) {
				return IntOf(int64(i)), nil
			}
		}
		return nil, valueError(reprString(args[0]) + " is not in list")
	case "count":
		if err := argCount("list.count", args, 1, 1); err != nil {
			return nil, err
		}
		n := 0
		for _, it := range l.Items {
			if Eq(it, args[0]) {
				n++
			}
		}
		return IntOf(int64(n)), nil
	case "reverse", "clear":
		if err := argCount("list."+name, args, 0, 0); err != nil {
			return nil, err
		}
		l.mutate()
		if name == "clear" {
			l.Items = nil
			return None, nil
		}
		for i, j := 0, len(l.Items)-1; i < j; i, j = i+1, j-1 {
			l.Items[i], l.Items[j] = l.Items[j], l.Items[i]
		}
		return None, nil
	}
	return nil, nil
}

// sliceBounds reads the optional start and end of index() / find() as slice bounds over n
// items (negative from the end, clamped).
func sliceBounds(start, end Value, n int) (int, int, error) {
	lo, hi := int64(0), int64(n)
	if start != nil && !IsNone(start) {
		v, err := clampIndex(start, n)
		if err != nil {
			return 0, 0, err
		}
		lo = v
	}
	if end != nil && !IsNone(end) {
		v, err := clampIndex(end, n)
		if err != nil {
			return 0, 0, err
		}
		hi = v
	}
	return int(lo), int(hi), nil
}

func clampIndex(v Value, n int) (int64, error) {
	i, ok := asInt(v)
	if !ok {
		return 0, typeError("slice indices must be integers or have an __index__ method")
	}
	if i.big != nil {
		if i.big.Sign() < 0 {
			return 0, nil
		}
		return int64(n), nil
	}
	k := i.small
	if k < 0 {
		k += int64(n)
		if k < 0 {
			k = 0
		}
	}
	return k, nil
}

// ListSort is xs.sort(key=key, reverse=reverse) (nil: absent).
func ListSort(v Value, key KeyFunc, reverse Value) (Value, error) {
	l, ok := v.(*List)
	if !ok {
		return nil, noAttr(v, "sort")
	}
	items := append([]Value(nil), l.Items...)
	if err := SortValues(items, key, reverse); err != nil {
		return nil, err
	}
	l.mutate()
	copy(l.Items, items)
	return None, nil
}

// dictMethod is the dict methods beyond get and copy.
func dictMethod(d *Dict, name string, args []Value, kw []KW) (Value, bool, error) {
	switch name {
	case "pop", "setdefault", "update", "clear", "popitem", "keys", "values", "items":
	default:
		return nil, false, nil
	}
	if name != "update" {
		if err := noKw(name, kw); err != nil {
			return nil, true, err
		}
	}
	v, err := dictMethodArgs(d, name, args, kw)
	return v, true, err
}

func dictMethodArgs(d *Dict, name string, args []Value, kw []KW) (Value, error) {
	switch name {
	case "pop":
		if err := argCount("pop", args, 1, 2); err != nil {
			return nil, err
		}
		v, ok, err := d.Pop(args[0])
		if err != nil {
			return nil, err
		}
		if !ok {
			if len(args) == 2 {
				return args[1], nil
			}
			return nil, KeyError(args[0])
		}
		return v, nil
	case "setdefault":
		if err := argCount("setdefault", args, 1, 2); err != nil {
			return nil, err
		}
		v, ok, err := d.Get(args[0])
		if err != nil {
			return nil, err
		}
		if ok {
			return v, nil
		}
		def := None
		if len(args) == 2 {
			def = args[1]
		}
		if err := d.Set(args[0], def); err != nil {
			return nil, err
		}
		return def, nil
	case "update":
		if err := argCount("update", args, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 1 {
			if err := dictUpdate(d, args[0]); err != nil {
				return nil, err
			}
		}
		for _, k := range kw {
			d.SetStr(k.Name, k.Value)
		}
		return None, nil
	case "clear":
		if err := argCount("dict.clear", args, 0, 0); err != nil {
			return nil, err
		}
		if d.isFrozen {
			panic("pyval: mutation of a frozen dict")
		}
		d.keys, d.vals, d.hk, d.index = nil, nil, nil, nil
		return None, nil
	case "popitem":
		if err := argCount("dict.popitem", args, 0, 0); err != nil {
			return nil, err
		}
		if d.Len() == 0 {
			return nil, raise("KeyError", "popitem(): dictionary is empty")
		}
		k := d.keys[len(d.keys)-1]
		v, _, err := d.Pop(k)
		if err != nil {
			return nil, err
		}
		return Tuple{k, v}, nil
	case "keys", "values", "items":
		if err := argCount("dict."+name, args, 0, 0); err != nil {
			return nil, err
		}
		switch name {
		case "keys":
			return DictKeys(d)
		case "values":
			return DictValues(d)
		}
		return DictItems(d)
	}
	return nil, nil
}

// dictUpdate is d.update(other): a dict, or an iterable of pairs.
func dictUpdate(d *Dict, other Value) error {
	if o, ok := other.(*Dict); ok {
		keys, vals := append([]Value(nil), o.keys...), append([]Value(nil), o.vals...)
		for i, k := range keys {
			if err := d.Set(k, vals[i]); err != nil {
				return err
			}
		}
		return nil
	}
	items, err := Iterate(other)
	if err != nil {
		return err
	}
	for i, it := range items {
		pair, err := Iterate(it)
		if err != nil {
			return typeError("cannot convert dictionary update sequence element #" + strconv.Itoa(i) + " to a sequence")
		}
		if len(pair) != 2 {
			return valueError("dictionary update sequence element #" + strconv.Itoa(i) + " has length " + strconv.Itoa(len(pair)) + "; 2 is required")
		}
		if err := d.Set(pair[0], pair[1]); err != nil {
			return err
		}
	}
	return nil
}

// Pop removes key and returns its value; ok is false when it is absent.
func (d *Dict) Pop(key Value) (v Value, ok bool, err error) {
	k, err := hashKey(key)
	if err != nil {
		return nil, false, err
	}
	i := d.find(k)
	if i < 0 {
		return nil, false, nil
	}
	if d.isFrozen {
		panic("pyval: mutation of a frozen dict")
	}
	v = d.vals[i]
	d.keys = append(d.keys[:i], d.keys[i+1:]...)
	d.vals = append(d.vals[:i], d.vals[i+1:]...)
	d.hk = append(d.hk[:i], d.hk[i+1:]...)
	if d.index != nil {
		d.index = make(map[hkey]int, 2*len(d.keys))
		for j, h := range d.hk {
			d.index[h] = j
		}
	}
	return v, true, nil
}

// DelItem is `del v[key]` (a slice key deletes a list slice).
func DelItem(v, key Value) error {
	switch x := v.(type) {
	case *Dict:
		_, ok, err := x.Pop(key)
		if err != nil {
			return err
		}
		if !ok {
			return KeyError(key)
		}
		return nil
	case *List:
		i, err := index(key, len(x.Items), "list")
		if err != nil {
			if e, ok := err.(*Exception); ok && e.Class == "IndexError" {
				return raise("IndexError", "list assignment index out of range")
			}
			return err
		}
		x.mutate()
		x.Items = append(x.Items[:i], x.Items[i+1:]...)
		return nil
	case Tuple:
		return typeError("'tuple' object doesn't support item deletion")
	case Str:
		return typeError("'str' object doesn't support item deletion")
	}
	return typeError("'%s' object does not support item deletion", v.TypeName())
}
