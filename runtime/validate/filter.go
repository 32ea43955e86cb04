package validate

// Filter is a model_dump include/exclude argument: Keys maps a field name,
// a dict key or a list index (in decimal) to what is kept/dropped below
// it; a nil *Filter value is pydantic's True / ... (the whole value). The
// key "__all__" applies to every element and merges with a specific one
// as pydantic-core merges them. A set {"a", "b"} is Keys{"a": nil, "b": nil}.
type Filter struct {
	Keys map[string]*Filter
}

// FilterSet is the Filter of a set of names.
func FilterSet(names ...string) *Filter {
	f := &Filter{Keys: make(map[string]*Filter, len(names))}
	for _, n := range names {
		f.Keys[n] = nil
	}
	return f
}

// lookup is merge_all_value: the entry for key merged with "__all__".
func (f *Filter) lookup(key string) (*Filter, bool) {
	item, hasItem := f.Keys[key]
	all, hasAll := f.Keys["__all__"]
	switch {
	case hasItem && hasAll:
		if item == nil || all == nil {
			return item, true
		}
		return mergeFilters(item, all), true
	case hasItem:
		return item, true
	case hasAll:
		return all, true
	}
	return nil, false
}

func mergeFilters(item, all *Filter) *Filter {
	out := &Filter{Keys: make(map[string]*Filter, len(item.Keys)+len(all.Keys))}
	for k, v := range item.Keys {
		out.Keys[k] = v
	}
	for k, av := range all.Keys {
		if iv, ok := out.Keys[k]; ok {
			if iv == nil {
				continue
			}
			if av != nil {
				out.Keys[k] = mergeFilters(iv, av)
			}
			continue
		}
		out.Keys[k] = av
	}
	return out
}

// filterChild is pydantic-core's filter(): whether the child under key is
// written, and the include/exclude that apply inside it.
func filterChild(inc, exc *Filter, key string) (nextInc, nextExc *Filter, ok bool) {
	if exc != nil {
		if v, present := exc.lookup(key); present {
			if v == nil {
				return nil, nil, false
			}
			nextExc = v
		}
	}
	if inc != nil {
		v, present := inc.lookup(key)
		if !present {
			return nil, nil, false
		}
		return v, nextExc, true
	}
	return nil, nextExc, true
}
