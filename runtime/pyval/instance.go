package pyval

// Instance is an instance of a plain class of the app (a class used as a dependency, or
// the class of a callable instance) built by translated code: its class's name and its
// instance attributes (its __dict__), in assignment order. Translated code only reads and
// assigns its attributes: it never reaches repr, comparison or encoding.
type Instance struct {
	Class string
	Attrs *Dict
}

// NewInstance returns an instance of class (its name, as type(x).__name__ spells it)
// without attributes.
func NewInstance(class string) *Instance {
	return &Instance{Class: class, Attrs: &Dict{}}
}

// TypeName is the class's name.
func (o *Instance) TypeName() string { return o.Class }

// InstGetAttr is o.name for an instance attribute: AttributeError when o has none of that
// name (the class defines no class attribute, descriptor or __getattr__ that would answer).
func InstGetAttr(o Value, name string) (Value, error) {
	inst, ok := o.(*Instance)
	if !ok {
		return nil, raise("AttributeError", "'"+o.TypeName()+"' object has no attribute '"+name+"'")
	}
	if v, found := inst.Attrs.GetStr(name); found {
		return v, nil
	}
	return nil, raise("AttributeError", "'"+inst.Class+"' object has no attribute '"+name+"'")
}

// InstSetAttr is o.name = v for an instance attribute (the class defines no property or
// __setattr__ of that name).
func InstSetAttr(o Value, name string, v Value) error {
	inst, ok := o.(*Instance)
	if !ok {
		return raise("AttributeError", "'"+o.TypeName()+"' object has no attribute '"+name+"'")
	}
	inst.Attrs.SetStr(name, v)
	return nil
}
