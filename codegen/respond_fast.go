package codegen

import (
	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// attrsFast returns the conversion func (see respond_attrs.go) path A tries before the
// generic path for the response model t: the model's, or the item model's of a list
// (an unconstrained list[Model]); "" when there is none.
func (h *handler) attrsFast(t *ir.Type) string {
	if t == nil || !t.Constraints.IsZero() {
		return ""
	}
	if t.Kind == ir.KindList {
		if len(t.Args) != 1 || !listNames[t.Name] {
			return ""
		}
		t = t.Args[0]
		if !t.Constraints.IsZero() {
			return ""
		}
	}
	if t.Kind != ir.KindModel {
		return ""
	}
	mi, ok := h.g.readyModel(t.Model)
	if !ok {
		return ""
	}
	return h.g.attrsDispatch(mi)
}

// attrsList declares m (the []T of a list[T] response model) from res: a list or tuple
// whose items all convert with the func as, else with the generic statements slow (which
// validate into &m and return the ResponseValidationError).
func (h *handler) attrsList(t *ir.Type, as string, ti *typeInfo, slow []jen.Code) []jen.Code {
	itemType := t.Args[0]
	item, ok := h.g.readyModel(itemType.Model)
	if !ok {
		// attrsFast found it ready.
		return append([]jen.Code{jen.Var().Id("m").Add(ti.goType())}, slow...)
	}
	return []jen.Code{
		jen.Var().Id("m").Add(ti.goType()),
		jen.Block(
			jen.Var().Id("items").Index().Qual(pkgPyval, "Value"),
			jen.Id("ok").Op(":=").False(),
			jen.Switch(jen.Id("x").Op(":=").Id("res").Assert(jen.Type())).Block(
				jen.Case(jen.Op("*").Qual(pkgPyval, "List")).Block(jen.List(jen.Id("items"), jen.Id("ok")).Op("=").List(jen.Id("x").Dot("Items"), jen.True())),
				jen.Case(jen.Qual(pkgPyval, "Tuple")).Block(jen.List(jen.Id("items"), jen.Id("ok")).Op("=").List(jen.Id("x"), jen.True())),
			),
			jen.If(jen.Id("ok")).Block(
				jen.Id("m").Op("=").Make(jen.Index().Id(item.goName), jen.Len(jen.Id("items"))),
				jen.For(jen.List(jen.Id("i"), jen.Id("x")).Op(":=").Range().Id("items")).Block(
					jen.If(jen.Op("!").Id(as).Call(jen.Id("x"), jen.Op("&").Id("m").Index(jen.Id("i")))).Block(
						jen.Id("ok").Op("=").False(),
						jen.Break(),
					),
				),
			),
			jen.If(jen.Op("!").Id("ok")).Block(append([]jen.Code{
				jen.Comment("Not a list of instances that convert: the generic path decides."),
				jen.Id("m").Op("=").Nil(),
			}, slow...)...),
		),
	}
}
