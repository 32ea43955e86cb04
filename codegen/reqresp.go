package codegen

import (
	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// Request and response objects of natively translated functions (see
// codegen/translate/reqresp.go and runtime/pyval/respobj.go).

// reqRespParam fills FastAPI's `response: Response` parameter of a translated function
// (the request's Response parameter state, out.Param, which the endpoint and its
// dependencies share, as FastAPI passes them one sub-response) and its `request:
// Request` parameter (read-only, runtime/pyval/pyreq).
func (h *handler) reqRespParam(p *ir.Param) (jen.Code, bool) {
	if h.py {
		return nil, false
	}
	switch p.In {
	case ir.InResponse:
		return jen.Qual(pkgPyval, "ResponseParamOf").Call(jen.Op("&").Id("out").Dot("Param")), true
	case ir.InRequest:
		return jen.Qual(pkgPyval+"/pyreq", "Of").Call(jen.Id("rq")), true
	}
	return nil, false
}

// sendResponseObject writes, once a translated body builds response objects, the check
// that sends a result that is one as is: FastAPI returns a Response the endpoint returned
// without the response model, the route's status or the Response parameter's headers
// (its BackgroundTasks still run when the object has none).
func (h *handler) sendResponseObject() {
	if h.py || !h.g.unit.BuildsResponses() {
		return
	}
	ro := h.local.get("ro")
	h.add(jen.If(jen.List(jen.Id(ro), jen.Id("isResp")).Op(":=").Id("res").Assert(jen.Op("*").Qual(pkgPyval, "ResponseObj")), jen.Id("isResp")).Block(
		jen.Return(jen.Id("out").Dot("Send").Call(jen.Id(ro).Dot("Resp").Call())),
	))
}
