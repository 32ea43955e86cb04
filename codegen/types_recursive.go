package codegen

import (
	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// Recursive models. A model holding Optional[itself] (directly, or through other models)
// cannot hold the optional value inline as validate.Opt: the optional field of the model
// met again while it is being generated is a pointer instead, nil for None
// (validate.NullablePtr).

// recursiveOpt is the typeInfo of Optional[t] when t is a model being generated (ok
// false otherwise: the caller uses validate.Opt).
func (g *gen) recursiveOpt(t *ir.Type, c ir.Constraints) (*typeInfo, bool) {
	nn := t.NonNone()
	if len(nn) != 1 || nn[0].Kind != ir.KindModel || nn[0].Model == nil || !c.IsZero() {
		return nil, false
	}
	mi, ok := g.models.done[nn[0].Model]
	if !ok || !mi.generating {
		return nil, false
	}
	ti := &typeInfo{goType: func() *jen.Statement { return jen.Op("*").Id(mi.goName) }, ptr: true}
	ti.decode = func(s, x, out jen.Code) jen.Code {
		return jen.Qual(pkgValidate, "NullablePtr").Call(s, x, jen.Id(mi.decodeName), out)
	}
	ti.decoder = func() jen.Code { return decoderLit(ti.goType(), ti.decode) }
	ti.toPy = func(v jen.Code) jen.Code {
		return jen.Func().Params(jen.Id("x").Add(ti.goType())).Qual(pkgPyval, "Value").Block(
			jen.If(jen.Id("x").Op("==").Nil()).Block(jen.Return(jen.Qual(pkgPyval, "None"))),
			jen.Return(jen.Id("x")),
		).Call(v)
	}
	ti.encode = func(e, v jen.Code) []jen.Code {
		return []jen.Code{jen.If(jen.Add(v).Op("!=").Nil()).Block(jen.Add(v).Dot("Encode").Call(e)).
			Else().Block(jen.Add(e).Dot("Null").Call())}
	}
	ti.isNone = func(v jen.Code) jen.Code { return jen.Add(v).Op("==").Nil() }
	return ti, true
}
