package codegen

import (
	"sort"

	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// respond writes the endpoint's result res as the route's response: path A (a response
// model: the value validated as the model, then serialized with the response_model_*
// options) or path B (jsonable_encoder + json.dumps).
func (h *handler) respond() {
	r := h.r
	rc := r.ResponseClass
	if rc == nil {
		h.refuse(r.Pos, "route without a response class")
		return
	}
	if h.classResponds() {
		// py.Endpoint has sent the response the worker built (respclass.go).
		h.add(jen.Return(jen.Qual("errors", "New").Call(jen.Lit("bridge: the worker sent no response"))))
		return
	}
	h.sendResponseObject()
	if fileClass(rc.Name) {
		h.fileResponse() // fileresp.go
		return
	}
	if !nativeClass(rc.Name) && h.customRespond() {
		// An app-defined class (respclass_native_respond.go).
		return
	}
	switch customClassName(rc) {
	case "fastapi.responses.JSONResponse", "starlette.responses.JSONResponse":
	case "fastapi.responses.HTMLResponse", "starlette.responses.HTMLResponse",
		"fastapi.responses.PlainTextResponse", "starlette.responses.PlainTextResponse",
		"fastapi.responses.Response", "starlette.responses.Response":
		h.textResponse(rc.MediaType)
		return
	case "fastapi.responses.RedirectResponse", "starlette.responses.RedirectResponse":
		h.redirectResponse()
		return
	default:
		h.refuse(r.Pos, "response_class %s", rc.Name)
		return
	}
	if r.ResponseModel == nil {
		if r.ResponseModelInclude != nil || r.ResponseModelExclude != nil || r.ResponseModelExcludeUnset ||
			r.ResponseModelExcludeDefaults || r.ResponseModelExcludeNone || !r.ResponseModelByAlias {
			// FastAPI ignores these without a response model.
			h.add(jen.Comment("response_model_* options have no effect without a response model."))
		}
		if h.py {
			h.add(jen.Return(jen.Id("out").Dot("JSON").Call(jen.Lit(h.status()), jen.Id("resBody"))))
			return
		}
		h.add(jen.Return(jen.Id("out").Dot("Value").Call(jen.Lit(h.status()), jen.Id("res"))))
		return
	}
	if h.workerResponds() {
		h.add(jen.Commentf("response_model %s: validated and serialized by pydantic in the worker.", r.ResponseModel))
		h.add(jen.Return(jen.Id("out").Dot("JSON").Call(jen.Lit(h.status()), jen.Id("resBody"))))
		return
	}
	if h.modelUnionRespond() { // respond_union.go
		return
	}
	if why := h.g.opaqueWhy(r.ResponseModel); why != "" {
		h.refuse(r.Pos, "response model %s: %s", r.ResponseModel, why)
		return
	}
	h.pathA()
}

// pathA validates res as the response model and writes it.
func (h *handler) pathA() {
	r := h.r
	t := r.ResponseModel
	ti, ok := h.g.typeOf(t, ir.Constraints{}, r.Pos, "response model")
	if !ok {
		h.ok = false
		return
	}
	opts, ok := h.dumpOptions()
	if !ok {
		return
	}
	mode := "ModePydantic"
	if !r.ResponseClassDefault {
		mode = "ModeJSONMode"
	}
	h.add(jen.Commentf("response_model %s: the result validated (an instance of the model as is), then serialized.", t))
	var decl []jen.Code
	wrap, ok := h.nullResponse(t) // models_nullable.go
	if !ok {
		return
	}
	validateInto := func(dst jen.Code) []jen.Code {
		src, after := nullValidation(wrap, dst)
		return append([]jen.Code{
			jen.List(jen.Id("in"), jen.Err()).Op(":=").Qual(pkgPyval, "ValidationInput").Call(src),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.Id("s").Op(":=").Qual(pkgValidate, "NewState").Call(),
			jen.If(jen.Op("!").Add(ti.decode(jen.Id("s"), jen.Id("in"), dst))).Block(
				jen.Return(jen.Qual(pkgPyval, "NewException").Call(jen.Lit("ResponseValidationError"))),
			),
		}, after...)
	}
	if t.Kind == ir.KindModel {
		mi, _ := h.g.models.get(t.Model, r.Pos)
		slow := validateInto(jen.Id("m"))
		if as := h.attrsFast(t); as != "" {
			// An instance of another model converts without the JSON round trip.
			slow = []jen.Code{jen.If(jen.Op("!").Id(as).Call(jen.Id("res"), jen.Id("m"))).Block(slow...)}
		}
		decl = []jen.Code{
			jen.List(jen.Id("m"), jen.Id("isModel")).Op(":=").Id("res").Assert(jen.Op("*").Id(mi.goName)),
			jen.If(jen.Op("!").Id("isModel")).Block(append([]jen.Code{jen.Id("m").Op("=").New(jen.Id(mi.goName))},
				slow...)...),
		}
	} else if as := h.attrsFast(t); as != "" {
		decl = h.attrsList(t, as, ti, validateInto(jen.Op("&").Id("m")))
	} else {
		decl = append([]jen.Code{jen.Var().Id("m").Add(ti.goType())}, validateInto(jen.Op("&").Id("m"))...)
	}
	h.add(decl...)
	h.add(jen.Id("e").Op(":=").Id("out").Dot("Encoder").Call(jen.Qual(pkgValidate, mode), opts))
	h.add(ti.encode(jen.Id("e"), jen.Id("m"))...)
	h.add(jen.If(jen.Id("e").Dot("Err").Op("!=").Nil()).Block(jen.Return(jen.Id("e").Dot("Err"))))
	h.add(jen.Return(jen.Id("out").Dot("JSON").Call(jen.Lit(h.status()), jen.Id("e").Dot("Buf"))))
}

// dumpOptions declares the route's validate.DumpOptions and returns its expression.
func (h *handler) dumpOptions() (jen.Code, bool) {
	r := h.r
	d := jen.Dict{}
	if r.ResponseModelByAlias {
		d[jen.Id("ByAlias")] = jen.True()
	}
	if r.ResponseModelExcludeUnset {
		d[jen.Id("ExcludeUnset")] = jen.True()
	}
	if r.ResponseModelExcludeDefaults {
		d[jen.Id("ExcludeDefaults")] = jen.True()
	}
	if r.ResponseModelExcludeNone {
		d[jen.Id("ExcludeNone")] = jen.True()
	}
	for _, x := range []struct {
		key string
		v   ir.Value
	}{{"Include", r.ResponseModelInclude}, {"Exclude", r.ResponseModelExclude}} {
		if x.v == nil {
			continue
		}
		if _, isNone := x.v.(ir.None); isNone {
			continue
		}
		f, ok := filterOf(x.v)
		if !ok {
			h.refuse(r.Pos, "response_model_%s=%s", lowerFirst(x.key), x.v.Repr())
			return nil, false
		}
		d[jen.Id(x.key)] = f
	}
	name := h.g.pkg.get("dump" + camel(r.Name, true))
	f := h.g.file("validators.go")
	f.Commentf("%s are the response_model_* options of %s (%s).", name, r.Name, r.Pos)
	f.Var().Id(name).Op("=").Qual(pkgValidate, "DumpOptions").Values(d)
	return jen.Id(name), true
}

// filterOf is the validate.Filter of an include/exclude value: a set (or list/tuple) of
// names, or a dict of name -> True/... or a nested filter.
func filterOf(v ir.Value) (jen.Code, bool) {
	var names []ir.Value
	switch x := v.(type) {
	case ir.Set:
		names = x.Items
	case ir.List:
		names = x
	case ir.Tuple:
		names = x
	case *ir.Dict:
		keys := jen.Dict{}
		for i, k := range x.Keys {
			ks, ok := filterKey(k)
			if !ok {
				return nil, false
			}
			var sub jen.Code
			switch y := x.Values[i].(type) {
			case ir.Bool:
				if !y {
					return nil, false
				}
				sub = jen.Nil()
			case ir.Ellipsis:
				sub = jen.Nil()
			default:
				f, ok := filterOf(y)
				if !ok {
					return nil, false
				}
				sub = f
			}
			keys[jen.Lit(ks)] = sub
		}
		return jen.Op("&").Qual(pkgValidate, "Filter").Values(jen.Dict{
			jen.Id("Keys"): jen.Map(jen.String()).Op("*").Qual(pkgValidate, "Filter").Values(keys)}), true
	default:
		return nil, false
	}
	var lits []string
	for _, n := range names {
		s, ok := filterKey(n)
		if !ok {
			return nil, false
		}
		lits = append(lits, s)
	}
	sort.Strings(lits)
	args := make([]jen.Code, len(lits))
	for i, s := range lits {
		args[i] = jen.Lit(s)
	}
	return jen.Qual(pkgValidate, "FilterSet").Call(args...), true
}

// filterKey is a filter key: a field name or a list index in decimal.
func filterKey(v ir.Value) (string, bool) {
	switch x := v.(type) {
	case ir.Str:
		return string(x), true
	case ir.Int:
		return x.V.String(), true
	}
	return "", false
}

// textResponse writes the result with a str-rendering response class (HTMLResponse,
// PlainTextResponse, Response): the content (jsonable_encoder of the result, or the
// serialized response model) encoded as UTF-8; None is an empty body, anything else fails
// in render (a 500).
func (h *handler) textResponse(mediaType string) {
	r := h.r
	if r.ResponseModel != nil && r.ResponseModel.Kind != ir.KindStr {
		h.refuse(r.Pos, "response model %s with response_class %s", r.ResponseModel, r.ResponseClass.Name)
		return
	}
	if r.ResponseModel != nil && !r.ResponseModel.Constraints.IsZero() {
		h.refuse(r.Pos, "constrained response model %s", r.ResponseModel)
		return
	}
	h.g.helpers["renderText"] = true
	h.add(
		jen.List(jen.Id("b"), jen.Err()).Op(":=").Id("renderText").Call(jen.Id("out").Dot("Buf").Call(), jen.Id("res")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Return(jen.Id("out").Dot("Content").Call(jen.Lit(h.status()), jen.Lit(mediaType), jen.Id("b"))),
	)
}

// redirectResponse writes response_class=RedirectResponse: the result is the URL.
func (h *handler) redirectResponse() {
	r := h.r
	if r.ResponseModel != nil {
		h.refuse(r.Pos, "response model %s with response_class RedirectResponse", r.ResponseModel)
		return
	}
	h.g.helpers["renderText"] = true
	h.add(
		jen.List(jen.Id("u"), jen.Id("isStr")).Op(":=").Id("res").Assert(jen.Qual(pkgPyval, "Str")),
		jen.If(jen.Op("!").Id("isStr")).Block(jen.Return(jen.Qual(pkgPyval, "NewException").Call(jen.Lit("TypeError")))),
		jen.Return(jen.Id("out").Dot("Send").Call(jen.Qual(pkgResponse, "RedirectResponse").Call(
			jen.String().Parens(jen.Id("u")), jen.Lit(h.status()), jen.Nil()))),
	)
}
