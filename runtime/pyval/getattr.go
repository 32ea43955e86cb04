package pyval

// GetAttrDynamic is getattr(v, name) for a model field whose name is a value: a name that
// is not a str raises TypeError, one that is not a field AttributeError (translated code
// calls it only where every name it may get is a field).
func GetAttrDynamic(v, name Value) (Value, error) {
	s, ok := name.(Str)
	if !ok {
		return nil, typeError("attribute name must be string, not '" + name.TypeName() + "'")
	}
	return GetAttr(v, string(s))
}
