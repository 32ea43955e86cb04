package codegen

import (
	"github.com/covetpy/covetgen/codegen/translate"
	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// A response model that is a union of models (response_model=Union[Plane, Car]).
//
// FastAPI validates the endpoint's result with the union in pydantic's smart mode
// (from_attributes, python mode) and serializes the member instance that won with that
// member's serializer. validate.Union reproduces the smart mode over the members' generated
// decoders (the most model fields set wins, then the highest exactness, then the first),
// which is exact for an input made of dicts, lists and scalars: the result goes through
// pyval.ValidationInput as for any other response model.
//
// A model instance in the result is another matter: pydantic takes an instance of a
// member's own class as it is (exactly, at once), validates an instance of another class
// from its attributes, and an instance nested in a dict counts no fields set where its
// dump would. So the route is generated only when the endpoint's static result type holds
// no model (the result is made of dicts, lists and scalars) or is exactly one member's
// class (that member wins, the instance as it is). Anything else, a discriminator, None
// among the members, response_model_* options or a member Go does not generate, keeps the
// route bridged with the reason.

// modelUnionRespond writes the response of a route whose response model is a union of
// models; false when the response model is not one (respond goes on).
func (h *handler) modelUnionRespond() bool {
	r := h.r
	t := r.ResponseModel
	if !isModelUnion(t) || h.py {
		return false
	}
	if t.Discriminator != "" || !t.Constraints.IsZero() {
		return false // discrim.go, or refused by opaqueWhy
	}
	if given(r.ResponseModelInclude) || given(r.ResponseModelExclude) || r.ResponseModelExcludeUnset ||
		r.ResponseModelExcludeDefaults || r.ResponseModelExcludeNone || !r.ResponseModelByAlias {
		h.refuse(r.Pos, "response model %s with response_model_* options", t)
		return true
	}
	items := make([]*typeInfo, len(t.Args))
	for i, m := range t.Args {
		if why := h.g.opaqueWhy(m); why != "" {
			h.refuse(r.Pos, "response model %s: %s", t, why)
			return true
		}
		ti, ok := h.g.typeOf(m, ir.Constraints{}, r.Pos, "response model")
		if !ok {
			h.ok = false
			return true
		}
		items[i] = ti
	}
	pf := h.g.translatedIn(r.Dependant.Call, nil, pathB(r), returnModel(r)) // the cached endpoint
	instance := -1                                                          // the member whose instance the result is
	if res := pf.result; res != nil && res.Kind == ir.KindModel && res.Model != nil {
		for i, m := range t.Args {
			if m.Model == res.Model {
				instance = i
			}
		}
		if instance < 0 {
			h.refuse(r.Pos, "response model %s: the endpoint returns an instance of %s (validated from its attributes)", t, res.Model.Name)
			return true
		}
	} else if !h.g.resultModelFree(r.Dependant.Call) {
		h.refuse(r.Pos, "response model %s: the endpoint's result may hold a model instance (pydantic takes one as it is)", t)
		return true
	}
	ti := unionType(items)
	mode := "ModePydantic"
	if !r.ResponseClassDefault {
		mode = "ModeJSONMode"
	}
	h.add(jen.Commentf("response_model %s: the result validated in pydantic's smart mode, then serialized as the member that won.", t))
	h.add(jen.Var().Id("m").Add(ti.goType()))
	if instance >= 0 {
		mi, _ := h.g.models.get(t.Args[instance].Model, r.Pos)
		h.add(jen.List(jen.Id("inst"), jen.Id("isModel")).Op(":=").Id("res").Assert(jen.Op("*").Id(mi.goName)),
			jen.If(jen.Op("!").Id("isModel")).Block(
				jen.Return(jen.Qual(pkgPyval, "NewException").Call(jen.Lit("ResponseValidationError")))),
			jen.Id("m").Dot("Which").Op("=").Lit(instance),
			jen.Id("m").Dot(unionMember(instance)).Op("=").Op("*").Id("inst"))
	} else {
		body := []jen.Code{
			jen.List(jen.Id("in"), jen.Err()).Op(":=").Qual(pkgPyval, "ValidationInput").Call(jen.Id("res")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.Id("s").Op(":=").Qual(pkgValidate, "NewState").Call(),
			jen.Id("u").Op(":=").Id("s").Dot("Union").Call(jen.False()),
		}
		for i, it := range items {
			body = append(body, jen.If(jen.Id("u").Dot("Try").Call(jen.Lit(t.Args[i].Model.Name))).Block(
				jen.Id("u").Dot("Result").Call(jen.Lit(i), it.decode(jen.Id("s"), jen.Id("in"), jen.Op("&").Id("m").Dot(unionMember(i))))))
		}
		body = append(body,
			jen.List(jen.Id("w"), jen.Id("ok")).Op(":=").Id("u").Dot("End").Call(),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Qual(pkgPyval, "NewException").Call(jen.Lit("ResponseValidationError")))),
			jen.Id("m").Dot("Which").Op("=").Id("w"))
		h.add(body...)
	}
	opts, ok := h.dumpOptions()
	if !ok {
		return true
	}
	h.add(jen.Id("e").Op(":=").Op("&").Qual(pkgValidate, "Encoder").Values(jen.Dict{jen.Id("Buf"): jen.Id("out").Dot("Buf").Call()}))
	h.add(jen.Id("e").Dot("Reset").Call(jen.Qual(pkgValidate, mode), opts))
	h.add(ti.encode(jen.Id("e"), jen.Id("m"))...)
	h.add(jen.If(jen.Id("e").Dot("Err").Op("!=").Nil()).Block(jen.Return(jen.Id("e").Dot("Err"))))
	h.add(jen.Return(jen.Id("out").Dot("JSON").Call(jen.Lit(h.status()), jen.Id("e").Dot("Buf"))))
	return true
}

// isModelUnion reports whether t is a union of two or more pydantic models (BaseModel
// subclasses: dataclasses validate their instances by other rules) and nothing else.
func isModelUnion(t *ir.Type) bool {
	if t == nil || t.Kind != ir.KindUnion || len(t.Args) < 2 {
		return false
	}
	for _, m := range t.Args {
		if m == nil || m.Kind != ir.KindModel || m.Model == nil || m.Model.Kind != ir.BaseModel {
			return false
		}
	}
	return true
}

// resultModelFree reports whether the translated function c returns values holding no
// model instance on every path (translate's ResultModelFree).
func (g *gen) resultModelFree(c *ir.Callable) bool {
	if w := seeThrough(g.in.Prog, c); w != nil {
		c = w
	}
	def := findDef(g.in.Prog, c)
	return def != nil && g.unit.ResultModelFree(translate.DefKey(c.Module, def))
}
