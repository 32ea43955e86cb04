package codegen

import (
	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// bodyPlan is how a route reads its body: FastAPI reads it once, before solving the
// dependencies, as JSON (or the raw bytes) or as a form.
type bodyPlan struct {
	// params are the body parameters of the flat dependant, in order.
	params []*ir.Param
	// embed is FastAPI's embed_body_fields: each parameter is a key of a JSON object.
	embed bool
	// form is set when the body is a form (a Form() or File() parameter).
	form bool
}

// planBody collects the flat dependant's body parameters and decides embedding as
// FastAPI's _should_embed_body_fields does.
func planBody(d *ir.Dependant) *bodyPlan {
	bp := &bodyPlan{}
	names := map[string]bool{}
	d.Walk(func(x *ir.Dependant) {
		for _, p := range x.Params {
			if p.In.IsBody() {
				bp.params = append(bp.params, p)
				names[p.Name] = true
				bp.form = bp.form || p.In != ir.InBody
			}
		}
	})
	if len(bp.params) == 0 {
		return bp
	}
	first := bp.params[0]
	bp.embed = len(names) > 1 || first.Embed || (first.In != ir.InBody && (first.Type == nil || first.Type.Kind != ir.KindModel))
	return bp
}

// readBody writes the body read that precedes the dependencies.
func (h *handler) readBody() {
	bp := h.bodyPlan
	if len(bp.params) == 0 {
		return
	}
	h.add(jen.Comment("The body, read before the dependencies as FastAPI reads it."))
	if bp.form {
		h.add(jen.List(jen.Id("form"), jen.Err()).Op(":=").Id("rq").Dot("Form").Call())
	} else {
		h.add(jen.List(jen.Id("body"), jen.Err()).Op(":=").Id("rq").Dot("JSON").Call(jen.True()))
	}
	h.add(jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())))
}

// bodyParam validates a JSON body parameter into a new pyval.Value local.
func (h *handler) bodyParam(p *ir.Param) (jen.Code, bool) {
	if h.bodyPlan.form {
		if p.In == ir.InBody {
			h.refuse(p.Pos, "body parameter %s next to form parameters", p.Name)
			return nil, false
		}
		return h.formParam(p)
	}
	if p.Type == nil {
		h.refuse(p.Pos, "body parameter %s without a type", p.Name)
		return nil, false
	}
	if p.Info.ValidationAlias != nil || p.Info.DefaultFactory != "" || p.Info.Constraints.Strict {
		h.refuse(p.Pos, "Body options of parameter %s", p.Name)
		return nil, false
	}
	if why := h.g.opaqueWhy(p.Type); why != "" {
		return h.opaqueBodyParam(p, why)
	}
	what := "body parameter " + p.Name
	ti, ok := h.g.typeOf(p.Type, p.Info.Constraints, p.Pos, what)
	if !ok {
		h.ok = false
		return nil, false
	}
	v := h.local.get(camel(p.Name, false))
	alias := p.Alias()
	var loc []jen.Code
	if h.bodyPlan.embed {
		loc = []jen.Code{jen.Lit("body"), jen.Lit(alias)}
	} else {
		loc = []jen.Code{jen.Lit("body")}
	}
	absent, ok := h.bodyAbsent(p, v, loc)
	if !ok {
		return nil, false
	}
	decode := func(x jen.Code) []jen.Code {
		return []jen.Code{
			jen.Id("s").Op(":=").Qual(pkgValidate, "NewState").Call(),
			jen.Var().Id("m").Add(ti.goType()),
			jen.If(ti.decode(jen.Id("s"), x, jen.Op("&").Id("m"))).Block(jen.Id(v).Op("=").Add(ti.toPy(jen.Id("m")))),
			jen.Id("errs").Dot("AddAll").Call(append([]jen.Code{jen.Id("s").Dot("Errors").Call()}, loc...)...),
		}
	}
	h.add(jen.Commentf("%s: %s (body)", p.Name, p.Type))
	h.add(jen.Var().Id(v).Qual(pkgPyval, "Value"))
	isNull := jen.Id("body").Dot("Kind").Op("==").Qual(pkgRequest, "BodyEmpty").Op("||").
		Id("body").Dot("Kind").Op("==").Qual(pkgRequest, "BodyJSON").Op("&&").Id("body").Dot("Value").Dot("IsNull").Call()
	if h.bodyPlan.embed {
		// body.get(alias): no body or raw bytes read as None; a JSON value that is not a
		// dict has no .get and every field is missing, defaults included.
		h.add(jen.Switch().Block(
			jen.Case(jen.Id("body").Dot("Kind").Op("!=").Qual(pkgRequest, "BodyJSON").Op("||").
				Id("body").Dot("Value").Dot("IsNull").Call()).Block(absent...),
			jen.Case(jen.Id("body").Dot("Value").Dot("Kind").Call().Op("!=").Qual(pkgPyjson, "KindObject")).Block(
				jen.Id("errs").Dot("Missing").Call(append([]jen.Code{jen.Nil()}, loc...)...)),
			jen.Default().Block(
				jen.If(jen.List(jen.Id("x"), jen.Id("ok")).Op(":=").Id("body").Dot("Value").Dot("Get").Call(jen.Lit(alias)),
					jen.Id("ok").Op("&&").Op("!").Id("x").Dot("IsNull").Call()).Block(decode(jen.Id("x"))...).Else().Block(absent...),
			),
		))
		return jen.Id(v), true
	}
	raw, ok := h.rawBodyError(p, v)
	if !ok {
		return nil, false
	}
	h.add(jen.Switch().Block(
		jen.Case(isNull).Block(absent...),
		jen.Case(jen.Id("body").Dot("Kind").Op("==").Qual(pkgRequest, "BodyRaw")).Block(raw...),
		jen.Default().Block(decode(jen.Id("body").Dot("Value"))...),
	))
	return jen.Id(v), true
}

// rawBodyError is what a single body parameter becomes given a body that is not JSON:
// the raw bytes, which pydantic validates as bytes (a str, int, float or bool parses the
// bytes as their UTF-8 text; containers and models reject them).
func (h *handler) rawBodyError(p *ir.Param, v string) ([]jen.Code, bool) {
	t := p.Type
	if t.Kind == ir.KindUnion && t.IsOptional() && len(t.NonNone()) == 1 {
		t = t.NonNone()[0]
	}
	typeErr := func(typ, msg string) []jen.Code {
		return []jen.Code{jen.Id("errs").Dot("Add").Call(jen.Op("&").Qual(pkgValidate, "Error").Values(jen.Dict{
			jen.Id("Type"): jen.Lit(typ), jen.Id("Msg"): jen.Lit(msg), jen.Id("Input"): jen.Id("body").Dot("Raw"),
		}), jen.Lit("body"))}
	}
	switch t.Kind {
	case ir.KindModel:
		if t.Model != nil && t.Model.Kind == ir.Dataclass {
			return dataclassTypeErr(t.Model, jen.Id("body").Dot("Raw")), true // models_dataclass.go
		}
		return typeErr("model_attributes_type", "Input should be a valid dictionary or object to extract fields from"), true
	case ir.KindUnion:
		if t.Discriminator != "" { // discrim.go: a non-dict input has no tag
			return typeErr("model_attributes_type", "Input should be a valid dictionary or object to extract fields from"), true
		}
	case ir.KindDict:
		return typeErr("dict_type", "Input should be a valid dictionary"), true
	case ir.KindList:
		return typeErr("list_type", "Input should be a valid list"), true
	case ir.KindStr, ir.KindInt, ir.KindFloat, ir.KindBool:
		conv, ok := h.g.stringConv(t, p.Info.Constraints, p.Pos, "body parameter "+p.Name)
		if !ok {
			h.ok = false
			return nil, false
		}
		invalid := map[ir.Kind][2]string{
			ir.KindStr:   {"string_unicode", "Input should be a valid string, unable to parse raw data as a unicode string"},
			ir.KindInt:   {"int_parsing", "Input should be a valid integer, unable to parse string as an integer"},
			ir.KindFloat: {"float_parsing", "Input should be a valid number, unable to parse string as a number"},
			ir.KindBool:  {"bool_parsing", "Input should be a valid boolean, unable to interpret input"},
		}[t.Kind]
		valid := conv(jen.String().Parens(jen.Id("body").Dot("Raw")), v, []jen.Code{jen.Lit("body")})
		if t.Kind != ir.KindStr || len(valid) > 1 {
			valid = withInput(conv, jen.Id("body").Dot("Raw"))(jen.String().Parens(jen.Id("body").Dot("Raw")), v, []jen.Code{jen.Lit("body")})
		}
		return []jen.Code{jen.If(jen.Qual("unicode/utf8", "Valid").Call(jen.Id("body").Dot("Raw"))).Block(valid...).
			Else().Block(typeErr(invalid[0], invalid[1])...)}, true
	}
	h.refuse(p.Pos, "body parameter %s of type %s (a non-JSON body would be validated as bytes)", p.Name, p.Type)
	return nil, false
}

// pyValue is the pyval expression of a constant (a fresh value per evaluation).
func (g *gen) pyValue(v ir.Value) (jen.Code, bool) {
	if c, ok := g.pyConst(v); ok {
		return c, true
	}
	switch x := v.(type) {
	case ir.List:
		var items []jen.Code
		for _, it := range x {
			c, ok := g.pyValue(it)
			if !ok {
				return nil, false
			}
			items = append(items, c)
		}
		return jen.Qual(pkgPyval, "NewList").Call(items...), true
	case *ir.Dict:
		var kv []jen.Code
		for i, k := range x.Keys {
			kc, ok := g.pyConst(k)
			if !ok {
				return nil, false
			}
			vc, ok := g.pyValue(x.Values[i])
			if !ok {
				return nil, false
			}
			kv = append(kv, kc, vc)
		}
		return jen.Qual(pkgPyval, "DictOf").Call(kv...), true
	}
	return nil, false
}

// bodyAbsent is what a body parameter gets when its value is absent (None: an empty body,
// JSON null, a null or missing key): "missing" when it is required, else its default as
// written, unvalidated, assigned to v.
func (h *handler) bodyAbsent(p *ir.Param, v string, loc []jen.Code) ([]jen.Code, bool) {
	if p.Info.Required {
		return []jen.Code{jen.Id("errs").Dot("Missing").Call(append([]jen.Code{jen.Nil()}, loc...)...)}, true
	}
	def, ok := h.g.pyValue(p.Info.Default)
	if !ok {
		h.refuse(p.Pos, "default %s of body parameter %s", p.Info.Default.Repr(), p.Name)
		return nil, false
	}
	return []jen.Code{jen.Id(v).Op("=").Add(def)}, true
}
