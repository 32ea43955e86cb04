package codegen

import (
	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// urlStrDefault is the default of an HttpUrl / AnyUrl field given as a str: pydantic
// keeps the str unvalidated (validate.URLStrDefault), and only that value is the default
// for exclude_defaults (a URL validated from the same text is not equal to the str).
func urlStrDefault(t *ir.Type, def ir.Value) (jen.Code, func(v jen.Code) jen.Code, bool) {
	s, ok := def.(ir.Str)
	class := urlClass(t)
	if !ok || class == "" {
		return nil, nil, false
	}
	lit := jen.Qual(pkgValidate, "URLStrDefault").Call(jen.Lit(string(s)), jen.Lit(class == "AnyURL"))
	return lit, func(v jen.Code) jen.Code {
		return jen.Parens(jen.Add(v).Dot("IsStrDefault").Call().Op("&&").Add(v).Dot("String").Call().Op("==").Lit(string(s)))
	}, true
}
