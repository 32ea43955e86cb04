package pyval

// FormData is Starlette's FormData (an ImmutableMultiDict) as await request.form() gives
// it to a translated body: its (key, value) pairs in order, each value a str or an
// *UploadFile. A body uses it only through the methods below (the translator refuses
// anything else), with Starlette 0.47.3's results.
type FormData struct {
	Items []FormPair
}

// FormPair is one field of a form.
type FormPair struct {
	Key   string
	Value Value // Str or *UploadFile
}

// TypeName is "FormData".
func (*FormData) TypeName() string { return "FormData" }

func asForm(v Value) (*FormData, error) {
	f, ok := v.(*FormData)
	if !ok {
		return nil, raise("AttributeError", "'"+v.TypeName()+"' object has no attribute 'multi_items'")
	}
	return f, nil
}

// FormMultiItems is form.multi_items(): a new list of (key, value) tuples in order.
func FormMultiItems(v Value) (Value, error) {
	f, err := asForm(v)
	if err != nil {
		return nil, err
	}
	out := make([]Value, len(f.Items))
	for i, it := range f.Items {
		out[i] = Tuple{Str(it.Key), it.Value}
	}
	return NewList(out...), nil
}

// FormGetList is form.getlist(key): the values of key in order (a new list; [] when
// there is none). A key that is not a str matches nothing.
func FormGetList(v, key Value) (Value, error) {
	f, err := asForm(v)
	if err != nil {
		return nil, err
	}
	k, isStr := key.(Str)
	out := []Value{}
	for _, it := range f.Items {
		if isStr && it.Key == string(k) {
			out = append(out, it.Value)
		}
	}
	return NewList(out...), nil
}

// FormGet is form.get(key, default=None) (def nil: not given): the last value of key,
// as the multidict's dict keeps it.
func FormGet(v, key, def Value) (Value, error) {
	f, err := asForm(v)
	if err != nil {
		return nil, err
	}
	if x, ok, err := formLast(f, key); err != nil || ok {
		return x, err
	}
	if def == nil {
		return None, nil
	}
	return def, nil
}

// FormItem is form[key]: the last value of key, or KeyError.
func FormItem(v, key Value) (Value, error) {
	f, err := asForm(v)
	if err != nil {
		return nil, err
	}
	x, ok, err := formLast(f, key)
	if err != nil || ok {
		return x, err
	}
	return nil, KeyError(key)
}

// formLast finds the last value of key (the translator gives only str keys).
func formLast(f *FormData, key Value) (Value, bool, error) {
	k, isStr := key.(Str)
	if !isStr {
		return nil, false, nil
	}
	for i := len(f.Items) - 1; i >= 0; i-- {
		if f.Items[i].Key == string(k) {
			return f.Items[i].Value, true, nil
		}
	}
	return nil, false, nil
}

// FormItemHasAttr is hasattr(value, name) for a form value (a str or an UploadFile) and
// an attribute name of UploadFile that str has none of.
func FormItemHasAttr(v Value, name string) (Value, error) {
	switch v.(type) {
	case *UploadFile:
		return True, nil
	case Str:
		return False, nil
	}
	return nil, raise("NotImplementedError", "hasattr of a "+v.TypeName())
}

// UploadOnlyAttr reports an attribute of Starlette's UploadFile that str has none of:
// FormItemHasAttr answers hasattr of these only.
func UploadOnlyAttr(name string) bool {
	switch name {
	case "filename", "file", "size", "headers", "content_type", "read", "write", "seek", "close":
		return true
	}
	return false
}
