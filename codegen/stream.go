package codegen

import (
	"strings"

	"github.com/covetpy/covetgen/codegen/translate"
	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// Generator endpoints, generated natively. FastAPI 0.141 calls a generator endpoint to
// get its generator and streams what it yields (fastapi/routing.py get_request_handler):
//
//   - JSON Lines (the default response class): each item validated as the return
//     annotation's item type and serialized by pydantic (dump_json, the response_model_*
//     options applying), or, without an item type, json.dumps(jsonable_encoder(item));
//     then "\n". Media type application/jsonl;
//   - server-sent events (response_class=EventSourceResponse): a ServerSentEvent item as
//     its fields say, any other item as the data field, serialized as for JSON Lines;
//     keep-alive comments after 15 seconds of silence (pyval.StreamSSE);
//   - a StreamingResponse given the generator (response_class=StreamingResponse): each
//     chunk as Starlette writes it (bytes, or str in UTF-8), no media type.
//
// The endpoint is translated by translate.StreamFunc, each yield calling back into
// runtime/pyval's Stream, which encodes and writes the item as one chunk of the response
// (chunked encoding); the body runs when the router writes the response, after the
// handler returned, as Starlette iterates the generator after sending the headers. An
// error mid-stream aborts the response; a client that went away stops the generator
// (its finally clauses run).
//
//	return out.Stream(200, "application/jsonl", func(w io.Writer) error {
//		return pyval.Stream(w, func(yield func(pyval.Value) error) error {
//			_, err := py_ticks(yield, n)
//			return err
//		}, streamItemTicks)
//	})
//
// Refused (the route is bridged): a response model (FastAPI ignores it), yield
// dependencies (their exit would have to wait for the stream), module state (the body
// runs outside the handler's lock), other response classes.

// streamEndpoint writes the handler's response for the generator endpoint d (vars are
// the solved arguments); false when refused.
func (h *handler) streamEndpoint(d *ir.Dependant, vars map[string]arg) bool {
	r := h.r
	kind := streamKind(r)
	switch {
	case r.ResponseModel != nil:
		h.refuse(r.Pos, "response model %s of the generator endpoint %s", r.ResponseModel, r.Endpoint.Name)
		return false
	case h.gens != "":
		h.refuse(r.Endpoint.Pos, "generator endpoint %s with yield dependencies", r.Endpoint.Name)
		return false
	}
	var mediaType string
	var enc jen.Code
	switch kind {
	case "StreamJSONL":
		mediaType = "application/jsonl"
		e, ok := h.itemEncoder(true)
		if !ok {
			return false
		}
		enc = e
	case "StreamSSE":
		e, ok := h.itemEncoder(false)
		if !ok {
			return false
		}
		enc = jen.Qual(pkgPyval, "SSEEncoder").Call(e)
	case "StreamRaw":
		name := ""
		if r.ResponseClass != nil {
			name = r.ResponseClass.Name
		}
		switch name {
		case "fastapi.responses.StreamingResponse", "starlette.responses.StreamingResponse":
		default:
			h.refuse(r.Pos, "response_class %s of the generator endpoint %s", name, r.Endpoint.Name)
			return false
		}
		enc = jen.Qual(pkgPyval, "StreamChunk")
	default:
		h.refuse(r.Endpoint.Pos, "streaming endpoint %s", r.Endpoint.Name)
		return false
	}
	pf := h.g.translatedStream(d.Call, vars, kind != "StreamRaw" && streamItem(r) == nil)
	if !pf.ok {
		return false
	}
	args := []jen.Code{jen.Id("yield")}
	for _, p := range pf.params {
		v, ok := vars[p]
		if !ok {
			h.refuse(d.Call.Pos, "parameter %s of %s", p, d.Call.Name)
			return false
		}
		args = append(args, v.code)
	}
	if h.touchesState() {
		h.refuse(r.Endpoint.Pos, "generator endpoint %s touching module state (it runs while the response is sent)", r.Endpoint.Name)
		return false
	}
	body := jen.Func().Params(jen.Id("yield").Func().Params(jen.Qual(pkgPyval, "Value")).Error()).Error().Block(
		jen.List(jen.Id("_"), jen.Err()).Op(":=").Id(pf.name).Call(args...),
		jen.Return(jen.Err()),
	)
	if kind == "StreamSSE" {
		h.add(jen.Return(jen.Id("out").Dot("StreamSSE").Call(jen.Lit(h.status()),
			jen.Func().Params(jen.Id("w").Qual("io", "Writer")).Error().Block(
				jen.Return(jen.Qual(pkgPyval, "StreamSSE").Call(jen.Id("w"), body, enc, jen.Qual(pkgPyval, "SSEPing"))),
			))))
		return true
	}
	h.add(jen.Return(jen.Id("out").Dot("Stream").Call(jen.Lit(h.status()), jen.Lit(mediaType),
		jen.Func().Params(jen.Id("w").Qual("io", "Writer")).Error().Block(
			jen.Return(jen.Qual(pkgPyval, "Stream").Call(jen.Id("w"), body, enc)),
		))))
	return true
}

// streamItem is the item type of the generator endpoint r FastAPI validates its items
// as (nil: none; ServerSentEvent is not one).
func streamItem(r *ir.Route) *ir.Type {
	t := r.StreamItem
	if t != nil && t.Kind == ir.KindClass && strings.HasSuffix(t.Name, "ServerSentEvent") {
		return nil
	}
	return t
}

// itemEncoder is the pyval.StreamEncoder of the route's items: a generated func
// validating and serializing the item type, or json.dumps(jsonable_encoder(item)); each
// followed by a newline with lines (JSON Lines).
func (h *handler) itemEncoder(lines bool) (jen.Code, bool) {
	r := h.r
	t := streamItem(r)
	if t == nil && lines {
		return jen.Qual(pkgPyval, "StreamJSONDumps"), true
	}
	if t == nil {
		return jen.Qual(pkgPyval, "SSEDumps"), true
	}
	if why := h.g.opaqueWhy(t); why != "" {
		h.refuse(r.Pos, "stream item type %s: %s", t, why)
		return nil, false
	}
	ti, ok := h.g.typeOf(t, ir.Constraints{}, r.Pos, "stream item")
	if !ok {
		h.ok = false
		return nil, false
	}
	opts, ok := h.dumpOptions()
	if !ok {
		return nil, false
	}
	name := h.g.pkg.get("streamItem" + camel(r.Name, true))
	validate := []jen.Code{
		jen.List(jen.Id("in"), jen.Err()).Op(":=").Qual(pkgPyval, "ValidationInput").Call(jen.Id("item")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("dst"), jen.Err())),
		jen.Id("s").Op(":=").Qual(pkgValidate, "NewState").Call(),
	}
	fail := jen.Return(jen.Id("dst"), jen.Qual(pkgPyval, "NewException").Call(jen.Lit("ResponseValidationError")))
	var decl []jen.Code
	if t.Kind == ir.KindModel {
		mi, ok := h.g.models.get(t.Model, r.Pos)
		if !ok {
			h.ok = false
			return nil, false
		}
		// An instance of the model is kept as is (pydantic does not revalidate it).
		validate = append(validate, jen.Id("m").Op("=").New(jen.Id(mi.goName)),
			jen.If(jen.Op("!").Add(ti.decode(jen.Id("s"), jen.Id("in"), jen.Id("m")))).Block(fail))
		decl = []jen.Code{
			jen.List(jen.Id("m"), jen.Id("isModel")).Op(":=").Id("item").Assert(jen.Op("*").Id(mi.goName)),
			jen.If(jen.Op("!").Id("isModel")).Block(validate...),
		}
	} else {
		validate = append(validate, jen.If(jen.Op("!").Add(ti.decode(jen.Id("s"), jen.Id("in"), jen.Op("&").Id("m")))).Block(fail))
		decl = append([]jen.Code{jen.Var().Id("m").Add(ti.goType())}, validate...)
	}
	code := append(decl,
		jen.Id("e").Op(":=").Op("&").Qual(pkgValidate, "Encoder").Values(jen.Dict{jen.Id("Buf"): jen.Id("dst")}),
		jen.Id("e").Dot("Reset").Call(jen.Qual(pkgValidate, "ModePydantic"), opts),
	)
	code = append(code, ti.encode(jen.Id("e"), jen.Id("m"))...)
	code = append(code,
		jen.If(jen.Id("e").Dot("Err").Op("!=").Nil()).Block(jen.Return(jen.Id("dst"), jen.Id("e").Dot("Err"))),
	)
	if lines {
		code = append(code, jen.Return(jen.Append(jen.Id("e").Dot("Buf"), jen.LitRune('\n')), jen.Nil()))
	} else {
		code = append(code, jen.Return(jen.Id("e").Dot("Buf"), jen.Nil()))
	}
	f := h.g.file(moduleFile(r.Endpoint.Module))
	f.Commentf("%s serializes one item of %s: validated as %s, serialized by pydantic (then a newline for JSON Lines).", name, r.Endpoint.Name, t)
	f.Func().Id(name).Params(jen.Id("dst").Index().Byte(), jen.Id("item").Qual(pkgPyval, "Value")).
		Params(jen.Index().Byte(), jen.Error()).Block(code...)
	return jen.Id(name), true
}

// translatedStream returns the Go func of the generator endpoint c (translate.StreamFunc),
// taking the yield callback first; response marks items written by FastAPI's path B
// (translate.Scope.Response).
func (g *gen) translatedStream(c *ir.Callable, vars map[string]arg, response bool) *pyFunc {
	if pf, ok := g.streamFuncs[c]; ok {
		return pf
	}
	pf := &pyFunc{}
	g.streamFuncs[c] = pf
	def := g.defParams(c, pf)
	if def == nil {
		return pf
	}
	scope := &translate.Scope{Vars: map[string]translate.Var{}, App: g.in.App, Module: c.Module, Unit: g.unit, Response: response}
	params := scopeParams(scope, pf.params, vars, jen.Id("yield").Func().Params(jen.Qual(pkgPyval, "Value")).Error())
	code, diags := translate.StreamFunc(def, scope, jen.Id("yield"))
	if g.refuseTranslation(code, diags, c.Pos, "function %s", c.Name) {
		return pf
	}
	pf.name = g.pkg.get("py_" + c.Name)
	f := g.file(moduleFile(c.Module))
	f.Commentf("%s is %s (%s), a generator endpoint, translated: yield(v) streams v.", pf.name, pySignature(c.Name, pf.params, c.IsAsync), c.Pos)
	f.Func().Id(pf.name).Params(params...).Params(jen.Qual(pkgPyval, "Value"), jen.Error()).Block(code...)
	pf.ok = true
	return pf
}
