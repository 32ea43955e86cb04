package pyval

// GetAttrDefault is getattr(v, name, def) for a value statically a model, a union of
// models or None, with a name the translator checked is, on each of those classes, either
// a field or no attribute at all (codegen/translate getattr_default.go): a field's value,
// or def.
func GetAttrDefault(v Value, name string, def Value) (Value, error) {
	switch x := v.(type) {
	case Model:
		if i := x.Class().FieldIndex(name); i >= 0 {
			return x.Field(i), nil
		}
		return def, nil
	case NoneType:
		return def, nil
	}
	// Not a value of the static type the translator saw: no silent default.
	return nil, raise("TypeError", "getattr() of a "+v.TypeName()+" where a model was expected")
}
