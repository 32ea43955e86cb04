package codegen

import (
	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// opaqueBodyParam is bodyParam for a parameter of an opaque type (opaque.go): refused
// natively (why says what is opaque); in a bridged route Go reads the body as for any
// other body parameter (content type, JSON errors, embedding, a missing or null value)
// and pydantic validates the value in the worker, the instance staying there (a ref
// passed to the function). Its errors join the request's in FastAPI's order.
func (h *handler) opaqueBodyParam(p *ir.Param, why string) (jen.Code, bool) {
	if !h.py {
		h.refuse(p.Pos, "body parameter %s: %s", p.Name, why)
		return nil, false
	}
	owner := h.paramOwner(p)
	if owner == nil || owner.Call == nil {
		h.refuse(p.Pos, "body parameter %s: its function is unknown", p.Name)
		return nil, false
	}
	target, ok := h.pyTarget(owner.Call)
	if !ok {
		return nil, false
	}
	v := h.local.get(camel(p.Name, false))
	alias := p.Alias()
	loc := []jen.Code{jen.Lit("body")}
	if h.bodyPlan.embed {
		loc = append(loc, jen.Lit(alias))
	}
	absent, ok := h.bodyAbsent(p, v, loc)
	if !ok {
		return nil, false
	}
	validate := func(raw bool) []jen.Code {
		lit := jen.Dict{jen.Id("Param"): jen.Lit(p.Name), jen.Id("Loc"): jen.Index().Any().Values(loc...)}
		for k, x := range target {
			lit[k] = x
		}
		if h.bodyPlan.embed {
			lit[jen.Id("Embed")] = jen.True()
			lit[jen.Id("Key")] = jen.Lit(alias)
		}
		if raw {
			lit[jen.Id("Raw")] = jen.True()
		}
		return []jen.Code{
			jen.List(jen.Id("pv"), jen.Id("perrs"), jen.Err()).Op(":=").Id("py").Dot("Body").Call(jen.Qual(pkgBridge, "BodyValidation").Values(lit)),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.Id(v).Op("=").Id("pv"),
			jen.Id("errs").Dot("AddAll").Call(jen.Id("perrs")),
		}
	}
	h.add(jen.Commentf("%s: %s (body, validated by pydantic in the worker: %s)", p.Name, p.Type, why))
	h.add(jen.Var().Id(v).Qual(pkgPyval, "Value"))
	if h.bodyPlan.embed {
		h.add(jen.Switch().Block(
			jen.Case(jen.Id("body").Dot("Kind").Op("!=").Qual(pkgRequest, "BodyJSON").Op("||").
				Id("body").Dot("Value").Dot("IsNull").Call()).Block(absent...),
			jen.Case(jen.Id("body").Dot("Value").Dot("Kind").Call().Op("!=").Qual(pkgPyjson, "KindObject")).Block(
				jen.Id("errs").Dot("Missing").Call(append([]jen.Code{jen.Nil()}, loc...)...)),
			jen.Default().Block(
				jen.If(jen.List(jen.Id("x"), jen.Id("ok")).Op(":=").Id("body").Dot("Value").Dot("Get").Call(jen.Lit(alias)),
					jen.Id("ok").Op("&&").Op("!").Id("x").Dot("IsNull").Call()).Block(validate(false)...).Else().Block(absent...),
			),
		))
		return jen.Id(v), true
	}
	isNull := jen.Id("body").Dot("Kind").Op("==").Qual(pkgRequest, "BodyEmpty").Op("||").
		Id("body").Dot("Kind").Op("==").Qual(pkgRequest, "BodyJSON").Op("&&").Id("body").Dot("Value").Dot("IsNull").Call()
	h.add(jen.Switch().Block(
		jen.Case(isNull).Block(absent...),
		jen.Case(jen.Id("body").Dot("Kind").Op("==").Qual(pkgRequest, "BodyRaw")).Block(validate(true)...),
		jen.Default().Block(validate(false)...),
	))
	return jen.Id(v), true
}

// paramOwner is the dependant of the route whose callable declares p.
func (h *handler) paramOwner(p *ir.Param) *ir.Dependant {
	var owner *ir.Dependant
	h.r.Dependant.Walk(func(d *ir.Dependant) {
		for _, x := range d.Params {
			if x == p && owner == nil {
				owner = d
			}
		}
	})
	return owner
}
