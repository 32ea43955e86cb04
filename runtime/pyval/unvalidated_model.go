package pyval

// Model instances holding None where their field's type does not admit it.
//
// pydantic's m.model_copy(update=u) stores u's values without validating them: after
// todo.model_copy(update=patch.model_dump(exclude_unset=True)) a `title: str` field may
// hold the None a PATCH body gave to the update model's `title: Optional[str]`. Reading
// the field then gives None (t.title.lower() raises AttributeError), model_dump() and
// equality see None, and serializing the instance writes null (pydantic's str serializer
// writes a None without even a warning). The code generator gives such models (the
// translator proves which fields may hold None: codegen/translate/unvalidated_model.go)
// a mask of the fields holding None over their typed values: NullableModel.

// NullableModel is implemented by the struct generated for a model some of whose fields
// may hold a None stored unvalidated by model_copy(update=...).
type NullableModel interface {
	Model
	// CanHoldNull reports whether field i is one of those fields (its type does not admit
	// None, an update may store one).
	CanHoldNull(i int) bool
	// NullField reports whether field i holds such a None (Field(i) is then None).
	NullField(i int) bool
	// SetNullField makes field i hold None and adds it to the fields set.
	SetNullField(i int)
	// TypedField is field i's typed value, the one validation gave, beneath a None.
	TypedField(i int) Value
	// Beneath is a copy of the instance holding its typed values (no None stored).
	Beneath() Model
}

// ModelCopyNulls is v.model_copy(update=update) for v of a model implementing
// NullableModel, whose update values the translator has proved to be either exactly of
// their field's type (validation gives them back unchanged) or None: an update's None
// for a field that cannot hold one is stored as is (NullableModel), every other value
// goes through the model's constructor ctor with the fields set of v (their typed
// values; v's stored Nones carried over unless updated), which gives the typed instance
// pydantic's copy is. The copy's fields set is v's plus the updated names, as pydantic's.
// A value that is not a model raises AttributeError, as the method lookup would.
func ModelCopyNulls(v Value, update *Dict, ctor func(*Dict) (Value, error)) (Value, error) {
	m, ok := v.(NullableModel)
	if !ok {
		return nil, raise("AttributeError", "'"+v.TypeName()+"' object has no attribute 'model_copy'")
	}
	c := m.Class()
	set, hasSet := m.(interface{ FieldSet(i int) bool })
	kw := &Dict{}
	null := make([]bool, len(c.Fields))
	for i, f := range c.Fields {
		if hasSet && !set.FieldSet(i) {
			continue
		}
		kw.SetStr(f.Name, m.TypedField(i))
		null[i] = m.NullField(i)
	}
	if update != nil {
		for j, k := range update.keys {
			name, isStr := k.(Str)
			i := -1
			if isStr {
				i = c.FieldIndex(string(name))
			}
			if i < 0 {
				// the translator only passes updates whose keys are fields of the model
				return nil, raise("TypeError", "model_copy(update=) of a key that is not a field of "+c.Name)
			}
			val := update.vals[j]
			if val == None && m.CanHoldNull(i) {
				null[i] = true
				continue
			}
			null[i] = false
			kw.setHashed(update.hk[j], k, val)
		}
	}
	out, err := ctor(kw)
	if err != nil {
		return nil, err
	}
	n, ok := out.(NullableModel)
	if !ok {
		return nil, raise("TypeError", "model_copy() of "+c.Name+": the copy is a "+out.TypeName())
	}
	for i, isNull := range null {
		if isNull {
			n.SetNullField(i)
		}
	}
	return n, nil
}

// KeepNulls is ctor(kw) (a model construction validating kw) for keyword values that may
// hold instances of NullableModel models storing None (ModelCopyNulls): pydantic keeps
// such an instance as it is (revalidate_instances='never'), where the generated
// constructor would revalidate the instance's None and fail. The instances are given to
// ctor with their typed values (NullableModel.Beneath), then the Nones are stored back
// into the constructed instance's copies of them, which the translator has checked sit
// in fields of exactly their model or a list of it (pairs found through Field, whose
// values of those types point into the constructed instance).
func KeepNulls(kw *Dict, ctor func(*Dict) (Value, error)) (Value, error) {
	view, changed := beneathValue(kw, 0)
	if !changed {
		return ctor(kw)
	}
	out, err := ctor(view.(*Dict))
	if err != nil {
		return nil, err
	}
	m, ok := out.(Model)
	if !ok {
		return out, nil
	}
	c := m.Class()
	for i, f := range c.Fields {
		if src, ok := kw.GetStr(f.Name); ok {
			restoreNulls(src, m.Field(i), 0)
		}
	}
	return out, nil
}

// beneathValue is v with every NullableModel instance holding a None replaced by its
// Beneath copy (containers copied only where something changed).
func beneathValue(v Value, depth int) (Value, bool) {
	if depth > maxDepth {
		return v, false
	}
	switch x := v.(type) {
	case NullableModel:
		c := x.Class()
		for i := range c.Fields {
			if x.NullField(i) {
				return x.Beneath(), true
			}
		}
	case *List:
		items, changed := beneathItems(x.Items, depth)
		if changed {
			return &List{Items: items}, true
		}
	case Tuple:
		items, changed := beneathItems(x, depth)
		if changed {
			return Tuple(items), true
		}
	case *Dict:
		var out *Dict
		for i, val := range x.vals {
			nv, changed := beneathValue(val, depth+1)
			if changed && out == nil {
				out = &Dict{}
				for j := 0; j < i; j++ {
					out.setHashed(x.hk[j], x.keys[j], x.vals[j])
				}
			}
			if out != nil {
				out.setHashed(x.hk[i], x.keys[i], nv)
			}
		}
		if out != nil {
			return out, true
		}
	}
	return v, false
}

func beneathItems(items []Value, depth int) ([]Value, bool) {
	var out []Value
	for i, it := range items {
		nv, changed := beneathValue(it, depth+1)
		if changed && out == nil {
			out = make([]Value, len(items))
			copy(out, items[:i])
		}
		if out != nil {
			out[i] = nv
		}
	}
	return out, out != nil
}

// restoreNulls stores src's Nones into dst, its validated copy: a NullableModel instance
// of the same class, or a list whose items pair with src's.
func restoreNulls(src, dst Value, depth int) {
	if depth > maxDepth {
		return
	}
	switch x := src.(type) {
	case NullableModel:
		d, ok := dst.(NullableModel)
		if !ok || d.Class() != x.Class() {
			return
		}
		for i := range x.Class().Fields {
			if x.NullField(i) {
				d.SetNullField(i)
			}
		}
	case *List:
		restoreItems(x.Items, dst, depth)
	case Tuple:
		restoreItems(x, dst, depth)
	}
}

func restoreItems(items []Value, dst Value, depth int) {
	d, ok := dst.(*List)
	if !ok || len(d.Items) != len(items) {
		return
	}
	for i, it := range items {
		restoreNulls(it, d.Items[i], depth+1)
	}
}
