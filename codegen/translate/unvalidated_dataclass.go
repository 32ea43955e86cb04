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
//
// One exception: `return D(...)` in an endpoint whose result goes straight to path A
// with D as response model (Scope.ReturnModel). FastAPI validates the instance, which
// pydantic passes through as is, then its float serializer writes an int as the float it
// converts to, exactly what validating the int as a float gives (0 is written 0.0 either
// way). Nothing else sees the instance, so a float field may be given a float or a small
// int literal (sum() of floats: a float, or 0 when empty).

import (
	"math/big"

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
	direct := f.returnsToModel(c, m)
	vs := f.seq(exprs, f.value)
	var items []jen.Code
	for i, fd := range fields {
		if hasList(fd.Type) {
			// __init__ stores the very list (a later mutation shows through the instance);
			// the typed instance holds a copy
			f.refuse(exprs[i], "construction of %s with a list for field %s (dataclass __init__ stores it by reference)", m.Name, fd.Name)
		}
		if !copyFits(vs[i].typ, fd.Type) && !(direct && floatSerialFits(vs[i].typ, fd.Type)) {
			f.refuse(exprs[i], "construction of %s: field %s given a value that may not be a %s (dataclass __init__ stores it unvalidated)%s", m.Name, fd.Name, fd.Type, typeNote(vs[i].typ))
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

// sumType is the static type of sum() of a generator (no start) whose items have the
// static types elts: int when they are all ints, a float or the start value 0 (the empty
// sum) when they are all floats, nil (unknown) otherwise.
func sumType(elts []*ir.Type) *ir.Type {
	if len(elts) == 0 {
		return nil
	}
	k := elts[0]
	for _, t := range elts {
		if t == nil || !sameType(t, k) || t.Kind != ir.KindInt && t.Kind != ir.KindFloat || !t.Constraints.IsZero() {
			return nil
		}
	}
	if k.Kind == ir.KindInt {
		return intType
	}
	return &ir.Type{Kind: ir.KindUnion, Args: []*ir.Type{floatType, {Kind: ir.KindLiteral, Values: []ir.Value{ir.Int{V: big.NewInt(0)}}}}}
}

// typeNote is ": it is a T" for a value of known static type t ("" when t is unknown).
func typeNote(t *ir.Type) string {
	if t == nil {
		return ""
	}
	return ": it is a " + t.String()
}

// orDefaultType reports whether `a or b` with a of static type at and b of static type bt
// is statically a bt: at is Optional[bt] (a None or falsy a gives b, a truthy one is a
// bt) for bt a str, int, float or bool.
func orDefaultType(at, bt *ir.Type) bool {
	if at == nil || bt == nil || !at.IsOptional() || !bt.Constraints.IsZero() {
		return false
	}
	switch bt.Kind {
	case ir.KindStr, ir.KindInt, ir.KindFloat, ir.KindBool:
	default:
		return false
	}
	rest := at.NonNone()
	return len(rest) == 1 && sameType(rest[0], bt)
}

// returnsToModel reports whether the construction c of m is the value of a return
// statement of the endpoint body f translates, whose result goes straight to path A with
// response model m (Scope.ReturnModel).
func (f *fn) returnsToModel(c *ast.Call, m *ir.Model) bool {
	if f.returnModel == nil || f.returnModel != m || f.gen != nil {
		return false
	}
	found := false
	walkStmts(f.def.body, func(st ast.Stmt) {
		if r, isRet := st.(*ast.Return); isRet && r.Value == ast.Expr(c) {
			found = true
		}
	})
	return found
}

// floatSerialFits reports whether a value of static type vt given to a field of type ft
// is serialized by ft's serializer as validating it would make it: ft is float (or
// Optional[float]) and vt a float, an int literal of magnitude at most 2**53 (converted
// exactly) or a union of those.
func floatSerialFits(vt, ft *ir.Type) bool {
	if vt == nil || ft == nil || !ft.Constraints.IsZero() {
		return false
	}
	if ft.IsOptional() {
		rest := ft.NonNone()
		if len(rest) != 1 {
			return false
		}
		ft = rest[0]
	}
	if ft.Kind != ir.KindFloat || !ft.Constraints.IsZero() {
		return false
	}
	return floatLike(vt)
}

// floatLike reports whether every value of static type t is a float or an int of
// magnitude at most 2**53.
func floatLike(t *ir.Type) bool {
	switch t.Kind {
	case ir.KindFloat:
		return t.Constraints.IsZero()
	case ir.KindLiteral:
		limit := new(big.Int).Lsh(big.NewInt(1), 53)
		for _, v := range t.Values {
			n, isInt := v.(ir.Int)
			if !isInt || n.V == nil || new(big.Int).Abs(n.V).Cmp(limit) > 0 {
				return false
			}
		}
		return len(t.Values) > 0
	case ir.KindUnion:
		for _, a := range t.Args {
			if !floatLike(a) {
				return false
			}
		}
		return len(t.Args) > 0
	}
	return false
}
