package codegen

import (
	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// urlClass is the pydantic URL class t is among those generated code validates
// (validate.URL): "HTTPURL" (HttpUrl), "AnyURL" (AnyUrl), or "".
func urlClass(t *ir.Type) string {
	if t.Kind != ir.KindURL {
		return ""
	}
	switch t.Name {
	case "HttpUrl", "pydantic.HttpUrl", "pydantic.networks.HttpUrl":
		return "HTTPURL"
	case "AnyUrl", "pydantic.AnyUrl", "pydantic.networks.AnyUrl":
		return "AnyURL"
	}
	return ""
}

// urlTypeOf is typeOf for HttpUrl and AnyUrl fields: validated and written as pydantic
// does (validate.URL), a pyval.URL in translated bodies.
func (g *gen) urlTypeOf(t *ir.Type, c ir.Constraints, pos ir.Pos, what string) (*typeInfo, bool) {
	class := urlClass(t)
	if class == "" || !c.IsZero() {
		g.refuse.add(pos, "%s of type %s", what, t)
		return nil, false
	}
	ti := &typeInfo{goType: func() *jen.Statement { return jen.Qual(pkgValidate, "URL") }}
	ti.decode = func(s, x, out jen.Code) jen.Code { return jen.Add(s).Dot(class).Call(x, out) }
	ti.decoder = func() jen.Code { return jen.Qual(pkgValidate, "Decode"+class) }
	ti.toPy = func(v jen.Code) jen.Code { return jen.Qual(pkgPyval, "FromURL").Call(v) }
	ti.encode = func(e, v jen.Code) []jen.Code { return []jen.Code{jen.Add(e).Dot("URL").Call(v)} }
	return ti, true
}

// urlConv validates a parameter string as an HttpUrl or an AnyUrl.
func (g *gen) urlConv(t *ir.Type, c ir.Constraints, pos ir.Pos, what string) (convFunc, bool) {
	class := urlClass(t)
	if class == "" || !c.IsZero() {
		g.refuse.add(pos, "%s of type %s", what, t)
		return nil, false
	}
	return func(raw jen.Code, dst string, loc []jen.Code) []jen.Code {
		return []jen.Code{
			jen.List(jen.Id("v"), jen.Id("e")).Op(":=").Qual(pkgValidate, class+"FromString").Call(raw),
			jen.Id("errs").Dot("Add").Call(append([]jen.Code{jen.Id("e")}, loc...)...),
			jen.Id(dst).Op("=").Qual(pkgPyval, "URL").Call(jen.Id("v")),
		}
	}, true
}
