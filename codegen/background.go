package codegen

import (
	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// BackgroundTasks of natively translated functions (codegen/translate/background.go,
// runtime/pyval/background.go).

// backgroundParam fills FastAPI's BackgroundTasks parameter of a translated function: the
// request's tasks (out.Tasks), which the endpoint and its dependencies share as FastAPI
// passes them one object. The router runs them after sending the response (also a
// response object the endpoint returned that has no background of its own), never after
// an error response.
func (h *handler) backgroundParam(p *ir.Param) (jen.Code, bool) {
	if h.py || p.In != ir.InBackgroundTasks {
		return nil, false
	}
	return jen.Qual(pkgPyval, "BackgroundOf").Call(jen.Op("&").Id("out").Dot("Tasks")), true
}
