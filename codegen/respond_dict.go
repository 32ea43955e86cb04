package codegen

import (
	"reflect"

	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// A dict validated into a model without the JSON round trip.
//
// Handlers often return a dict for a response model ({"total": n, "items": rows}), and
// bodies build models from keywords (User(name=..., role=...), which is User(**kw)). Both
// are pydantic's python-mode validation of a dict. The generic path dumps the dict to JSON,
// parses it and decodes it; when every key of the dict is one of the model's field keys and
// every value already has its field's type (a str for a str, an int for an int, a list of
// such for a list, a dict of such for a nested model ...), pydantic keeps the values as they
// are, so they are copied straight into the model's struct: the fields set are the keys
// present, the defaults fill the rest, the fields' own constraints are checked.
//
// The conversion is generated only for models where this is certain (no validators, keys
// without alternatives, field types of the kinds above) and it is tried first: any other
// dict, value or failed constraint returns false, and the generic path then gives the same
// result or error as before. A model instance among the values takes the generic path too.

// dictConv returns the name of func(v pyval.Value, o *T) bool converting a dict into the
// model mi as described above (false when v is not such a dict); "" when the model is not
// eligible. mi may be the model being generated (its fields are known).
func (g *gen) dictConv(mi *modelInfo) string {
	key := attrKey("dict", nil, mi)
	if name, ok := g.consts[key]; ok {
		return name
	}
	if !g.dictModelOK(mi, map[*ir.Model]bool{}) {
		g.consts[key] = ""
		return ""
	}
	name := g.pkg.get("dictTo" + mi.goName)
	g.consts[key] = name
	init := jen.Dict{}
	for _, fi := range mi.fields {
		if fi.def != nil {
			init[jen.Id(fi.goName)] = fi.def
		}
	}
	var cases []jen.Code
	var required []jen.Code
	for i, fi := range mi.fields {
		body := []jen.Code{jen.Comment(fi.f.Name + ": " + fi.f.Type.String())}
		body = append(body, g.dictAssign(jen.Id("vals").Index(jen.Id("i")), jen.Id("o").Dot(fi.goName), fi.f.Type,
			fi.f.Info.Constraints, fi.f.Pos, mi.m.Name+"."+fi.f.Name, 0)...)
		body = append(body, jen.Id("o").Dot("Set").Dot("Add").Call(jen.Lit(i)))
		cases = append(cases, jen.Case(jen.Lit(fi.keys[0])).Block(body...))
		if fi.f.Info.Required {
			required = append(required, jen.Op("!").Id("o").Dot("Set").Dot("Has").Call(jen.Lit(i)))
		}
	}
	cases = append(cases, jen.Default().Block(jen.Return(jen.False())))
	body := []jen.Code{
		jen.List(jen.Id("d"), jen.Id("ok")).Op(":=").Id("v").Assert(jen.Op("*").Qual(pkgPyval, "Dict")),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.False())),
		jen.Op("*").Id("o").Op("=").Id(mi.goName).Values(init),
		jen.Id("vals").Op(":=").Id("d").Dot("Values").Call(),
		jen.For(jen.List(jen.Id("i"), jen.Id("k")).Op(":=").Range().Id("d").Dot("Keys").Call()).Block(
			jen.List(jen.Id("ks"), jen.Id("ok")).Op(":=").Id("k").Assert(jen.Qual(pkgPyval, "Str")),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.False())),
			jen.Switch(jen.String().Call(jen.Id("ks"))).Block(cases...),
		),
	}
	if len(required) > 0 {
		cond := required[0]
		for _, r := range required[1:] {
			cond = jen.Add(cond).Op("||").Add(r)
		}
		body = append(body, jen.If(cond).Block(jen.Return(jen.False())))
	}
	body = append(body, jen.Return(jen.True()))
	f := g.file("models.go")
	f.Commentf("%s validates a dict whose keys are all fields of %s and whose values have the", name, mi.m.Name)
	f.Comment("fields' types as they are (codegen/respond_dict.go), without the JSON round trip; false")
	f.Comment("for any other value (the generic path then decides).")
	f.Func().Id(name).Params(jen.Id("v").Qual(pkgPyval, "Value"), jen.Id("o").Op("*").Id(mi.goName)).Bool().Block(body...)
	return name
}

// dictModelOK reports whether dicts convert to mi exactly (visiting: the models being
// checked; a recursive model is not converted).
func (g *gen) dictModelOK(mi *modelInfo, visiting map[*ir.Model]bool) bool {
	m := mi.m
	if visiting[m] || mi.fields == nil || m.Kind != ir.BaseModel || len(m.Validators) > 0 || m.Config.Extra == "allow" {
		return false
	}
	visiting[m] = true
	defer delete(visiting, m)
	for _, fi := range mi.fields {
		if fi.paths != nil || len(fi.keys) != 1 || fi.ti == nil || fi.ti.ptr || !g.dictTypeOK(fi.f.Type, fi.f.Info.Constraints, visiting) {
			return false
		}
	}
	return true
}

// dictTypeOK reports whether a value of type t (with the field's constraints cons) is
// taken from a Python value by dictAssign.
func (g *gen) dictTypeOK(t *ir.Type, cons ir.Constraints, visiting map[*ir.Model]bool) bool {
	if t == nil || !t.Constraints.IsZero() && !reflect.DeepEqual(t.Constraints, cons) {
		return false
	}
	if t.IsOptional() {
		tn := t.NonNone()
		return len(tn) == 1 && dictScalar(tn[0]) && g.dictTypeOK(tn[0], cons, visiting)
	}
	switch t.Kind {
	case ir.KindStr, ir.KindInt, ir.KindFloat:
		return true
	case ir.KindBool:
		return cons.IsZero()
	case ir.KindList:
		if !listNames[t.Name] || len(t.Args) != 1 || !cons.IsZero() || !t.Args[0].Constraints.IsZero() {
			return false
		}
		it := t.Args[0]
		if dictScalar(it) {
			return true
		}
		return it.Kind == ir.KindModel && g.dictNestedOK(it.Model, visiting)
	case ir.KindModel:
		return cons.IsZero() && g.dictNestedOK(t.Model, visiting)
	}
	return false
}

// dictNestedOK reports whether dicts convert to the (generated) model m.
func (g *gen) dictNestedOK(m *ir.Model, visiting map[*ir.Model]bool) bool {
	mi, ok := g.readyModel(m)
	return ok && g.dictModelOK(mi, visiting)
}

// dictScalar reports a str, int, float or bool type.
func dictScalar(t *ir.Type) bool {
	switch t.Kind {
	case ir.KindStr, ir.KindInt, ir.KindFloat, ir.KindBool:
		return true
	}
	return false
}

// dictFieldFunc names the pyval func taking a value of the scalar type t.
func dictFieldFunc(t *ir.Type) string {
	switch t.Kind {
	case ir.KindStr:
		return "StrField"
	case ir.KindInt:
		return "IntField"
	case ir.KindFloat:
		return "FloatField"
	}
	return "BoolField"
}

// dictAssign writes statements assigning the Python value v to dst (addressable) of type t,
// checked by dictTypeOK, with the constraints cons; they return false when it does not
// convert.
func (g *gen) dictAssign(v, dst jen.Code, t *ir.Type, cons ir.Constraints, pos ir.Pos, what string, depth int) []jen.Code {
	if t.IsOptional() {
		ti, _ := g.typeOf(t, ir.Constraints{}, pos, what)
		return []jen.Code{jen.If(jen.List(jen.Id("_"), jen.Id("none")).Op(":=").Add(v).Assert(jen.Qual(pkgPyval, "NoneType")), jen.Id("none")).Block(
			jen.Add(dst).Op("=").Add(ti.goType()).Values(),
		).Else().Block(append([]jen.Code{jen.Add(dst).Dot("Valid").Op("=").True()},
			g.dictAssign(v, jen.Add(dst).Dot("Value"), t.NonNone()[0], cons, pos, what, depth)...)...)}
	}
	fail := jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.False()))
	switch t.Kind {
	case ir.KindStr, ir.KindInt, ir.KindFloat, ir.KindBool:
		out := []jen.Code{jen.List(jen.Id("x"), jen.Id("ok")).Op(":=").Qual(pkgPyval, dictFieldFunc(t)).Call(v), fail}
		return []jen.Code{jen.Block(append(out, g.constrainedAssign(jen.Id("x"), dst, "c", t, cons, pos, what)...)...)}
	case ir.KindList:
		it := t.Args[0]
		var call jen.Code
		if dictScalar(it) {
			call = jen.Qual(pkgPyval, "ListField").Call(v, jen.Qual(pkgPyval, dictFieldFunc(it)))
		} else {
			imi, _ := g.readyModel(it.Model)
			call = jen.Qual(pkgPyval, "ListInto").Call(v, jen.Id(g.dictConv(imi)))
		}
		return []jen.Code{jen.Block(jen.List(jen.Id("x"), jen.Id("ok")).Op(":=").Add(call), fail, jen.Add(dst).Op("=").Id("x"))}
	case ir.KindModel:
		mi, _ := g.readyModel(t.Model)
		return []jen.Code{jen.If(jen.Op("!").Id(g.dictConv(mi)).Call(v, jen.Op("&").Add(dst))).Block(jen.Return(jen.False()))}
	}
	// Unreachable for a checked type.
	return []jen.Code{jen.Return(jen.False())}
}

// dictNew is the first statement of mi's constructor (mi.newName): the dict of keywords
// converted without the round trip when it can be (jen.Null() when the model is not
// eligible).
func (g *gen) dictNew(mi *modelInfo) jen.Code {
	name := g.dictConv(mi)
	if name == "" {
		return jen.Null()
	}
	return jen.If(jen.Id("o").Op(":=").New(jen.Id(mi.goName)), jen.Id(name).Call(jen.Id("kw"), jen.Id("o"))).Block(
		jen.Return(jen.Id("o"), jen.Nil()))
}
