package translate

// m.model_copy(update={...}).
//
// pydantic copies the instance and stores the update's values without validating them,
// adding their names to the fields set. The translation builds the copy by validating
// the fields set's values plus the update (pyval.ModelCopyInput, then the model's
// constructor), which gives the very same instance only when validation changes nothing;
// so it is accepted only when that is certain: update is a dict display of constant
// field names whose values have the field's exact static type (a bool for a bool field,
// not an int: pydantic would store the int as is), the fields are of types whose
// validation of such a value is the identity (str, int, float, bool, None, plain Enum
// members, lists and Optional of those) with no constraint on the updated ones, and the
// model has no validators, aliases, default factories or extra fields.

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// modelCopy compiles recv.model_copy(update=...) (ok false: not a model_copy call).
func (f *fn) modelCopy(c *ast.Call, at *ast.Attribute) (val, bool) {
	if at.Attr != "model_copy" {
		return val{}, false
	}
	recv := f.value(at.Value)
	if recv.typ == nil || recv.typ.Kind != ir.KindModel || recv.typ.Model == nil {
		f.refuse(c, "model_copy() of a value that is not statically a model")
	}
	m := recv.typ.Model
	if m.Kind != ir.BaseModel {
		f.refuse(c, "model_copy() of %s (a dataclass has no such method)", m.Name)
	}
	f.checkCopyable(c, m)
	if len(c.Args) > 0 || len(c.Keywords) != 1 || c.Keywords[0].Arg == nil || *c.Keywords[0].Arg != "update" {
		f.refuse(c, "model_copy() with other arguments than update=")
	}
	d, ok := c.Keywords[0].Value.(*ast.Dict)
	if !ok {
		return f.modelCopyDump(c, recv, m), true // unvalidated_model.go
	}
	for _, k := range d.Keys {
		name, isStr := constStr(k)
		if k == nil || !isStr {
			f.refuse(d, "model_copy(update=) with keys other than constant field names")
		}
		fd := m.Field(name)
		if fd == nil {
			f.refuse(k, "model_copy(update=) of %s (not a field of %s)", name, m.Name)
		}
		if !fd.Info.Constraints.IsZero() {
			f.refuse(k, "model_copy(update=) of field %s (constrained: pydantic would not check the value)", name)
		}
	}
	if !recv.atomic {
		recv = f.hoist(recv)
	}
	vs := f.seq(d.Values, f.value)
	var items []jen.Code
	for i, k := range d.Keys {
		name, _ := constStr(k)
		fd := m.Field(name)
		if !copyFits(vs[i].typ, fd.Type) {
			f.refuse(d.Values[i], "model_copy(update=) of field %s with a value that may not be a %s (pydantic stores it unvalidated)", name, fd.Type)
		}
		items = append(items, q("Str").Call(jen.Lit(name)), vs[i].code)
	}
	f.u.useModel(m)
	ctor := jen.Add(f.u.names.ModelNew(m))
	if f.nullable(m) { // unvalidated_model.go
		return f.callVal(q("ModelCopyNulls").Call(recv.code, q("DictOf").Call(items...), ctor), kindValue, recv.typ), true
	}
	kw := f.callVal(q("ModelCopyInput").Call(recv.code, q("DictOf").Call(items...)), kindValue, nil)
	return f.callVal(ctor.Call(kw.code), kindValue, recv.typ), true
}

// checkCopyable refuses model_copy() of models whose revalidation could differ from a copy.
func (f *fn) checkCopyable(c *ast.Call, m *ir.Model) {
	switch {
	case m.Kind != ir.BaseModel || m.Root:
		f.refuse(c, "model_copy() of %s (not a plain BaseModel)", m.Name)
	case len(m.Validators) > 0 || len(m.Computed) > 0:
		f.refuse(c, "model_copy() of %s (validators, serializers or computed fields)", m.Name)
	case m.Config.Extra == "allow":
		f.refuse(c, "model_copy() of %s (extra fields allowed)", m.Name)
	}
	for _, fd := range m.Fields {
		in := fd.Info
		if in.Alias != nil || in.ValidationAlias != nil || in.SerializationAlias != nil || len(in.ValidationAliasPaths) > 0 || in.AliasPriority > 0 {
			f.refuse(c, "model_copy() of %s (field %s has an alias)", m.Name, fd.Name)
		}
		if in.DefaultFactory != "" || in.Exclude || in.Discriminator != "" || in.Constraints.Strict {
			f.refuse(c, "model_copy() of %s (Field options of field %s)", m.Name, fd.Name)
		}
		if !f.identityType(fd.Type) {
			f.refuse(c, "model_copy() of %s (field %s of type %s)", m.Name, fd.Name, fd.Type)
		}
	}
}

// identityType reports whether validating a value of static type t as t gives it back.
func (f *fn) identityType(t *ir.Type) bool {
	if t == nil {
		return false
	}
	switch t.Kind {
	case ir.KindStr, ir.KindInt, ir.KindFloat, ir.KindBool, ir.KindNone:
		return true
	case ir.KindEnum:
		return t.Enum != nil && f.u.enumPlain(t.Enum) && f.u.EnumClassCode(t.Enum) != nil
	case ir.KindList, ir.KindUnion:
		if t.Kind == ir.KindUnion && !t.IsOptional() {
			return false
		}
		for _, a := range t.Args {
			if !f.identityType(a) {
				return false
			}
		}
		return len(t.Args) > 0
	}
	return false
}

// copyFits reports whether a value of static type vt validates as field type ft into
// itself: the same type, or one member of an Optional.
func copyFits(vt, ft *ir.Type) bool {
	if vt == nil || ft == nil {
		return false
	}
	if sameType(vt, ft) {
		return true
	}
	if ft.Kind == ir.KindUnion && ft.IsOptional() {
		for _, a := range ft.Args {
			if sameType(vt, a) {
				return true
			}
		}
	}
	return false
}
