package codegen

import (
	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// customRespond writes the result of a native endpoint whose response class is
// app-defined (respclass_native.go), as FastAPI's serialize_response then cls(content)
// do. It returns false when FastAPI does not use the class: a response model with the
// class coming from a default (FastAPI's dump_json path sends a plain application/json
// Response), which respond then writes as for JSONResponse. A class Go cannot render
// refuses the route (it is bridged, the worker building the response).
func (h *handler) customRespond() bool {
	r := h.r
	rc := r.ResponseClass
	if r.ResponseModel != nil && r.ResponseClassDefault {
		return false
	}
	cc, why := h.g.customClassOf(rc)
	if why != "" {
		h.refuse(r.Pos, "response_class %s: %s", rc.Name, why)
		return true
	}
	if !cc.json && cc.render == "" {
		// Response's own render: str as UTF-8, None as nothing.
		h.textResponse(cc.media)
		return true
	}
	var body jen.Code
	if r.ResponseModel != nil {
		// The response model serialized in JSON mode: pathA's encoded bytes.
		if why := h.g.opaqueWhy(r.ResponseModel); why != "" {
			h.refuse(r.Pos, "response model %s: %s", r.ResponseModel, why)
			return true
		}
		h.pathA()
		if !h.ok {
			return true
		}
		h.stmts = h.stmts[:len(h.stmts)-1] // pathA's return out.JSON(...)
		body = jen.Id("e").Dot("Buf")
	} else if cc.render != "" {
		// jsonable_encoder(res) as values, so render sees dict keys and floats as in Python.
		rb := h.local.get("rendered")
		h.add(
			jen.List(jen.Id(rb), jen.Err()).Op(":=").Qual(pkgPyval, "RenderResult").Call(jen.Id(cc.render), jen.Id("res")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.Return(jen.Id("out").Dot("Content").Call(jen.Lit(h.status()), jen.Lit(cc.media), jen.Id(rb))),
		)
		return true
	} else {
		b := h.local.get("enc")
		h.add(
			jen.List(jen.Id(b), jen.Err()).Op(":=").Qual(pkgResponse, "AppendJSONable").Call(jen.Id("out").Dot("Buf").Call(), jen.Id("res")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		)
		body = jen.Id(b)
	}
	h.sendCustom(cc, body)
	return true
}

// sendCustom returns the response of class cc for content encoded as JSON in body (the
// response model serialized, or path B's encoding): JSONResponse's render (the same
// bytes) or the translated render method given the content decoded.
func (h *handler) sendCustom(cc *customClass, body jen.Code) {
	if cc.render != "" {
		rb := h.local.get("rendered")
		h.add(
			jen.List(jen.Id(rb), jen.Err()).Op(":=").Qual(pkgPyval, "RenderCustom").Call(jen.Id(cc.render), body),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		)
		body = jen.Id(rb)
	}
	h.add(jen.Return(jen.Id("out").Dot("Content").Call(jen.Lit(h.status()), jen.Lit(cc.media), body)))
}

// customClassName is the class name respond writes a route with: JSONResponse for an
// app-defined class FastAPI bypasses (customRespond).
func customClassName(rc *ir.ResponseClass) string {
	if nativeClass(rc.Name) {
		return rc.Name
	}
	return "fastapi.responses.JSONResponse"
}
