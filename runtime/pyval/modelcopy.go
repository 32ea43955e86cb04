package pyval

// ModelCopyInput is the keyword dict that validates into m.model_copy(update=update) when
// the translator has checked that validation changes nothing (codegen/translate's
// modelcopy.go: every update value already has its field's exact type, no constraint,
// alias, factory or validator is involved): the fields in m's fields set with their
// values, then the update's items. The model built from it has the same values as the
// copy and, as pydantic's copy, m's fields set plus the updated names.
// A value that is not a model raises AttributeError, as model_copy of it would.
func ModelCopyInput(v Value, update *Dict) (*Dict, error) {
	m, ok := v.(Model)
	if !ok {
		return nil, raise("AttributeError", "'"+v.TypeName()+"' object has no attribute 'model_copy'")
	}
	kw := &Dict{}
	c := m.Class()
	set, hasSet := m.(interface{ FieldSet(i int) bool })
	for i, f := range c.Fields {
		if hasSet && !set.FieldSet(i) {
			continue
		}
		kw.SetStr(f.Name, m.Field(i))
	}
	if update != nil {
		for i, k := range update.keys {
			kw.setHashed(update.hk[i], k, update.vals[i])
		}
	}
	return kw, nil
}
