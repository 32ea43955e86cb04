package pyval

import "github.com/covetpy/covetgen/runtime/validate"

// Model is implemented by the struct generated for each pydantic model a translated body
// uses. See the package documentation for the contract.
type Model interface {
	// TypeName is the class name.
	Value
	// Class describes the model class (one shared *Class per model).
	Class() *Class
	// Field returns field i of Class().Fields as a Value.
	Field(i int) Value
	// Encode writes the model with the encoder's mode and options (the generator's
	// per-model encoder; path B uses validate.ModeJSONable with by_alias=True).
	Encode(e *validate.Encoder)
}

// Class describes a model class.
type Class struct {
	// Name is the class name (repr, error messages).
	Name string
	// Qual is "module:QualName", how the bridge names the class to Python ("" when the
	// class is not the app's: it is then named by Name in the app's module).
	Qual string
	// Fields are the model's fields in pydantic's order (ir.Model.Fields).
	Fields []ClassField
	// Dataclass marks a standard-library dataclass: str() is its repr() and it is not
	// iterable.
	Dataclass bool
}

// ClassField is one field of a Class.
type ClassField struct {
	Name string
	// Exclude is Field(exclude=True): left out of model_dump.
	Exclude bool
	// NoRepr is Field(repr=False): left out of repr and str.
	NoRepr bool
}

// FieldIndex returns the index of field name, or -1.
func (c *Class) FieldIndex(name string) int {
	for i := range c.Fields {
		if c.Fields[i].Name == name {
			return i
		}
	}
	return -1
}

// GetAttr is v.name for a model field.
func GetAttr(v Value, name string) (Value, error) {
	if m, ok := v.(Model); ok {
		if i := m.Class().FieldIndex(name); i >= 0 {
			return m.Field(i), nil
		}
	}
	return nil, raise("AttributeError", "'"+v.TypeName()+"' object has no attribute '"+name+"'")
}

// ModelDump is m.model_dump() (python mode, no options): a new dict of the fields not
// excluded, nested models dumped, containers copied.
func ModelDump(m Model) *Dict {
	c := m.Class()
	d := &Dict{}
	for i, f := range c.Fields {
		if f.Exclude {
			continue
		}
		d.SetStr(f.Name, dumpValue(m.Field(i)))
	}
	return d
}

func dumpValue(v Value) Value {
	switch x := v.(type) {
	case Model:
		return ModelDump(x)
	case *List:
		out := make([]Value, len(x.Items))
		for i, it := range x.Items {
			out[i] = dumpValue(it)
		}
		return &List{Items: out}
	case Tuple:
		out := make(Tuple, len(x))
		for i, it := range x {
			out[i] = dumpValue(it)
		}
		return out
	case *Dict:
		out := &Dict{}
		for i, k := range x.keys {
			out.setHashed(x.hk[i], k, dumpValue(x.vals[i]))
		}
		return out
	}
	return v
}

func modelEq(x, y Model) bool {
	c := x.Class()
	if c != y.Class() {
		return false
	}
	for i := range c.Fields {
		if !Eq(x.Field(i), y.Field(i)) {
			return false
		}
	}
	return true
}
