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
func ModelCopyNulls(v Value, updateValue Value, ctor func(*Dict) (Value, error)) (Value, error) {
	m, ok := v.(NullableModel)
	if !ok {
		return nil, raise("AttributeError", "'"+v.TypeName()+"' object has no attribute 'model_copy'")
	}
	update, ok := updateValue.(*Dict)
	if !ok {
		return nil, raise("TypeError", "model_copy(update=) of a "+updateValue.TypeName())
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
	{
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
	if !ok || n.Class() != c {
		// v is not of the class the translator typed it with: its copy would be of v's class
		return nil, raise("TypeError", "model_copy() of a "+c.Name+" typed as a "+out.TypeName())
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
	if !restoreNulls(kw, out, 0) {
		return nil, errNullLost()
	}
	return out, nil
}

// errNullLost is the error of a validation that gave an instance storing a None to a
// position where its validated copy is not found again (another class, a container other
// than a list): refused rather than answered with the typed value beneath the None.
func errNullLost() error {
	return raise("TypeError", "an instance holding a None stored by model_copy(update=) was validated where covetgen cannot keep it")
}

// BeneathView is v, for validation, with every model instance holding a stored None (in
// v or nested in it) replaced by the dump of its typed values; changed is false when
// there is none (v is then returned as is).
func BeneathView(v Value) (view Value, changed bool) { return beneathValue(v, 0) }

// RestoreNulls stores the Nones held by the instances in src (a value BeneathView
// replaced) into dst, the value validated from it, as KeepNulls does; an error when one
// of them has no copy of its class in dst to store them in.
func RestoreNulls(src, dst Value) error {
	if !restoreNulls(src, dst, 0) {
		return errNullLost()
	}
	return nil
}

// beneathValue is v with every NullableModel instance holding a None replaced by its
// Beneath copy (containers copied only where something changed).
func beneathValue(v Value, depth int) (Value, bool) {
	if depth > maxDepth {
		return v, false
	}
	switch x := v.(type) {
	case Model:
		if holdsNull(x, depth) {
			return beneathDump(x, depth), true
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

// holdsNull reports whether m, or a model in its fields, holds a stored None.
func holdsNull(m Model, depth int) bool {
	if depth > maxDepth {
		return false
	}
	c := m.Class()
	if n, nullable := m.(NullableModel); nullable {
		for i := range c.Fields {
			if n.NullField(i) {
				return true
			}
		}
	}
	for i := range c.Fields {
		if _, changed := beneathValue(m.Field(i), depth+1); changed {
			return true
		}
	}
	return false
}

// beneathDump is m.model_dump() (python mode, as ValidationInput dumps a model) of the
// typed values of m and of the models nested in it.
func beneathDump(m Model, depth int) *Dict {
	c := m.Class()
	n, nullable := m.(NullableModel)
	d := &Dict{}
	for i, f := range c.Fields {
		if f.Exclude {
			continue
		}
		v := m.Field(i)
		if nullable && n.NullField(i) {
			v = n.TypedField(i)
		}
		if nv, changed := beneathValue(v, depth+1); changed {
			v = nv
		}
		d.SetStr(f.Name, dumpValue(v))
	}
	return d
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

// restoreNulls stores src's Nones into dst, its validated copy: a model instance of the
// same class (its fields in turn), a model validated from a dict of keyword values (by
// field name), or a list whose items pair with src's. It reports false when src holds a
// stored None whose copy it cannot find.
func restoreNulls(src, dst Value, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch x := src.(type) {
	case Model:
		if !holdsNull(x, depth) {
			return true
		}
		d, ok := dst.(Model)
		if !ok || d.Class() != x.Class() {
			return false
		}
		n, nullable := x.(NullableModel)
		dn, dstNullable := d.(NullableModel)
		for i := range x.Class().Fields {
			if nullable && n.NullField(i) {
				if !dstNullable {
					return false
				}
				dn.SetNullField(i)
				continue
			}
			if !restoreNulls(x.Field(i), d.Field(i), depth+1) {
				return false
			}
		}
		return true
	case *Dict:
		if _, changed := beneathValue(x, depth); !changed {
			return true
		}
		// keyword arguments (or a dict validated) into a model: by field name
		d, ok := dst.(Model)
		if !ok {
			return false
		}
		for j, k := range x.keys {
			i := -1
			if name, isStr := k.(Str); isStr {
				i = d.Class().FieldIndex(string(name))
			}
			if i < 0 {
				if _, changed := beneathValue(x.vals[j], depth+1); changed {
					return false
				}
				continue
			}
			if !restoreNulls(x.vals[j], d.Field(i), depth+1) {
				return false
			}
		}
		return true
	case *List:
		return restoreItems(x.Items, dst, depth)
	case Tuple:
		return restoreItems(x, dst, depth)
	}
	return true
}

func restoreItems(items []Value, dst Value, depth int) bool {
	if _, changed := beneathItems(items, depth); !changed {
		return true
	}
	d, ok := dst.(*List)
	if !ok || len(d.Items) != len(items) {
		return false
	}
	for i, it := range items {
		if !restoreNulls(it, d.Items[i], depth+1) {
			return false
		}
	}
	return true
}

// BeneathOf is BeneathView's view alone (v itself when nothing changed).
func BeneathOf(v Value) Value {
	view, _ := beneathValue(v, 0)
	return view
}

// OptEnumAttr is v.value or v.name (attr) for v an Enum member or None (a field an update
// may have set to None): None has no such attribute.
func OptEnumAttr(v Value, attr string) (Value, error) {
	e, ok := v.(Enum)
	if !ok {
		return nil, raise("AttributeError", "'"+v.TypeName()+"' object has no attribute '"+attr+"'")
	}
	if attr == "name" {
		return e.EnumName(), nil
	}
	return e.EnumValue(), nil
}
