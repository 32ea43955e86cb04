package translate

// Construction of a standard-library dataclass: Recipe("x", 2, tags=[...]).
//
// A dataclass __init__ stores its arguments as given, without validating them. The
// translation calls the model's generated constructor (which validates, as pydantic
// does), so it is accepted only when validation is certain to give the arguments back
// unchanged: a plain dataclass (ir.Model.DataclassWhy empty: no __post_init__, no
// InitVar, no options), every argument's static type being exactly its field's type (or
// one member of an Optional field), field types whose validation of such a value is the
// identity (identityType: str, int, float, bool, None, plain Enum members, lists and
// Optional of those; a list only as a default factory's fresh list: __init__ stores a list
// argument by reference) and omitted fields whose default is exactly of the field's type,
// and no constraint on any field. An argument that may hold another
// type (sum() of floats is the int 0 when empty; pydantic would make it 0.0) is refused:
// the instance would then hold an unvalidated value the typed model cannot carry.

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// dataclassCall compiles the construction of the plain dataclass m.
func (f *fn) dataclassCall(m *ir.Model, c *ast.Call) val {
	switch {
	case m.DataclassWhy != "":
		f.refuse(c, "construction of %s (a dataclass: %s)", m.Name, m.DataclassWhy)
	case m.Unresolved:
		f.refuse(c, "construction of %s (a dataclass not fully resolved)", m.Name)
	case len(m.Validators) > 0 || len(m.Computed) > 0 || len(m.TypeParams) > 0:
		f.refuse(c, "construction of %s (a dataclass with validators or type parameters)", m.Name)
	}
	if len(c.Args) > len(m.Fields) {
		f.refuse(c, "construction of %s with %d positional arguments (it takes %d)", m.Name, len(c.Args), len(m.Fields))
	}
	// The field each argument sets, in source order (positional, then keywords).
	var exprs []ast.Expr
	var fields []*ir.Field
	given := map[string]bool{}
	for i, a := range c.Args {
		if _, star := a.(*ast.Starred); star {
			f.refuse(a, "construction of %s with *args", m.Name)
		}
		exprs = append(exprs, a)
		fields = append(fields, m.Fields[i])
		given[m.Fields[i].Name] = true
	}
	for _, k := range c.Keywords {
		if k == nil || k.Arg == nil {
			f.refuse(c, "construction of %s with **kwargs (dataclass __init__ does not validate them)", m.Name)
		}
		fd := m.Field(*k.Arg)
		switch {
		case fd == nil:
			f.refuse(k, "construction of %s with keyword %s (not a field: TypeError)", m.Name, *k.Arg)
		case given[fd.Name]:
			f.refuse(k, "construction of %s with field %s given twice (TypeError)", m.Name, fd.Name)
		}
		exprs = append(exprs, k.Value)
		fields = append(fields, fd)
		given[fd.Name] = true
	}
	for _, fd := range m.Fields {
		if !fd.Info.Constraints.IsZero() || fd.Info.Alias != nil || fd.Info.ValidationAlias != nil {
			f.refuse(c, "construction of %s (field %s has constraints or an alias pydantic would apply)", m.Name, fd.Name)
		}
		if !f.identityType(fd.Type) {
			f.refuse(c, "construction of %s (field %s of type %s: dataclass __init__ stores values unvalidated)", m.Name, fd.Name, fd.Type)
		}
		if !given[fd.Name] && fd.Info.Required {
			f.refuse(c, "construction of %s without field %s (TypeError)", m.Name, fd.Name)
		}
		if !given[fd.Name] && !defaultFits(fd) {
			f.refuse(c, "construction of %s without field %s (its default may not be a %s: dataclass __init__ stores it as is)", m.Name, fd.Name, fd.Type)
		}
	}
	vs := f.seq(exprs, f.value)
	var items []jen.Code
	for i, fd := range fields {
		if hasList(fd.Type) {
			// __init__ stores the very list (a later mutation shows through the instance);
			// the typed instance holds a copy
			f.refuse(exprs[i], "construction of %s with a list for field %s (dataclass __init__ stores it by reference)", m.Name, fd.Name)
		}
		if !copyFits(vs[i].typ, fd.Type) {
			f.refuse(exprs[i], "construction of %s: field %s given a value that may not be a %s (dataclass __init__ stores it unvalidated)", m.Name, fd.Name, fd.Type)
		}
		items = append(items, q("Str").Call(jen.Lit(fd.Name)), vs[i].code)
	}
	f.u.useModel(m)
	ctor := jen.Add(f.u.names.ModelNew(m))
	return f.callVal(ctor.Call(q("DictOf").Call(items...)), kindValue, &ir.Type{Kind: ir.KindModel, Name: m.Name, Model: m})
}

// defaultFits reports whether the default of fd, stored as is by a dataclass __init__
// when the argument is omitted, is exactly of fd's type (the generated constructor holds
// it converted: 1 for a float field would become 1.0). A list or dict factory fits a
// list or dict field.
func defaultFits(fd *ir.Field) bool {
	in := fd.Info
	if in.Required {
		return true
	}
	if in.DefaultFactory != "" {
		// the factory's result when the lifter knows it: list -> [], dict -> {}
		switch x := in.FactoryValue.(type) {
		case ir.List:
			return len(x) == 0 && (in.DefaultFactory == "list" || in.DefaultFactory == "builtins.list") && fd.Type.Kind == ir.KindList
		case *ir.Dict:
			return len(x.Keys) == 0 && (in.DefaultFactory == "dict" || in.DefaultFactory == "builtins.dict") && fd.Type.Kind == ir.KindDict
		}
		return false
	}
	t := fd.Type
	if _, isNone := in.Default.(ir.None); isNone {
		return t.Kind == ir.KindNone || t.Kind == ir.KindUnion && t.IsOptional()
	}
	if t.IsOptional() {
		rest := t.NonNone()
		if len(rest) != 1 {
			return false
		}
		t = rest[0]
	}
	switch in.Default.(type) {
	case ir.Str:
		return t.Kind == ir.KindStr
	case ir.Int:
		return t.Kind == ir.KindInt
	case ir.Float:
		return t.Kind == ir.KindFloat
	case ir.Bool:
		return t.Kind == ir.KindBool
	}
	return false
}

// hasList reports whether a value of type t may be a list.
func hasList(t *ir.Type) bool {
	if t == nil || t.Kind == ir.KindList {
		return true
	}
	for _, a := range t.Args {
		if hasList(a) {
			return true
		}
	}
	return false
}
