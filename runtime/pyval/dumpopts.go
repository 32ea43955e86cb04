package pyval

// DumpOptions are the model_dump() keyword arguments translated bodies pass.
type DumpOptions struct {
	// ExcludeUnset leaves out the fields not in a model's fields set (models implementing
	// FieldSet(i int) bool; a model without it has every field set).
	ExcludeUnset bool
	// ExcludeNone leaves out the fields whose value is None.
	ExcludeNone bool
}

// ModelDumpWith is m.model_dump(exclude_unset=..., exclude_none=...) in python mode: as
// ModelDump, the options applied to m and to every model nested in it (in fields, lists,
// tuples and dict values), never to the items of plain dicts.
func ModelDumpWith(m Model, o DumpOptions) *Dict {
	c := m.Class()
	set, hasSet := m.(interface{ FieldSet(i int) bool })
	d := &Dict{}
	for i, f := range c.Fields {
		if f.Exclude || o.ExcludeUnset && hasSet && !set.FieldSet(i) {
			continue
		}
		v := m.Field(i)
		if o.ExcludeNone && v == None {
			continue
		}
		d.SetStr(f.Name, dumpValueWith(v, o))
	}
	return d
}

func dumpValueWith(v Value, o DumpOptions) Value {
	switch x := v.(type) {
	case Model:
		return ModelDumpWith(x, o)
	case *List:
		out := make([]Value, len(x.Items))
		for i, it := range x.Items {
			out[i] = dumpValueWith(it, o)
		}
		return &List{Items: out}
	case Tuple:
		out := make(Tuple, len(x))
		for i, it := range x {
			out[i] = dumpValueWith(it, o)
		}
		return out
	case *Dict:
		out := &Dict{}
		for i, k := range x.keys {
			out.setHashed(x.hk[i], k, dumpValueWith(x.vals[i], o))
		}
		return out
	}
	return v
}

// ModelDumpOf is v.model_dump(**o) for a value statically a model (a value that is not
// one raises AttributeError, as the method lookup would).
func ModelDumpOf(v Value, o DumpOptions) (Value, error) {
	m, ok := v.(Model)
	if !ok {
		return nil, raise("AttributeError", "'"+v.TypeName()+"' object has no attribute 'model_dump'")
	}
	return ModelDumpWith(m, o), nil
}
