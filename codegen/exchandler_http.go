package codegen

import (
	"github.com/covetpy/covetgen/codegen/translate"
	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// Handlers of starlette's HTTPException and of status codes (other than 500) of the top
// app run in Go when their body translates, with exc an HTTPException whose status_code
// and detail can be read: the dispatcher (exceptions.go) tries the handler of the status
// code first, then the one of the class, as Starlette's ExceptionMiddleware does; a
// handler that does not translate is called through the bridge as before (pycall.Handlers).

// httpHandler decides where the handler h of HTTPException or of a status code runs:
// true when translated (it is then not called through the bridge), false when the bridge
// calls it (goCalledHandler) or it is not such a handler. A later registration of the
// same key replaces an earlier one, wherever that one ran.
func (g *gen) httpHandler(h *ir.ExceptionHandler) bool {
	isHTTP := h.Exception == "starlette.exceptions.HTTPException"
	isCode := h.Exception == "" && h.Code != 500
	if !isHTTP && !isCode || h.Handler == nil {
		return false
	}
	fn := &excHandlerFn{}
	// A handler that does not translate may leave models its body builds in the Unit: try
	// it on a generator of its own first.
	ok := newGen(g.in).translateHandlerFunc(h.Handler, translate.HTTPExceptionType(), &excHandlerFn{}) == "" &&
		g.translateHandlerFunc(h.Handler, translate.HTTPExceptionType(), fn) == ""
	if ok && g.appExc == nil {
		g.appExc = &appExcHandlers{byClass: map[string]*ir.ExceptionHandler{}, done: map[string]*excHandlerFn{}}
	}
	switch {
	case isHTTP && ok:
		g.appExc.http, g.exc.http = fn, ""
	case isHTTP && g.appExc != nil:
		g.appExc.http = nil
	case ok:
		if g.appExc.codes == nil {
			g.appExc.codes = map[int]*excHandlerFn{}
		}
		g.appExc.codes[h.Code] = fn
		delete(g.exc.codes, h.Code)
	case g.appExc != nil:
		delete(g.appExc.codes, h.Code)
	}
	return ok
}

// httpDispatch is the part of the dispatcher for an HTTPException: the translated handler
// of its status code, or the bridge's hook when that handler runs in Python, then the
// translated handler of the class.
func (g *gen) httpDispatch(fallback jen.Code) []jen.Code {
	a := g.appExc
	if a.http == nil && len(a.codes) == 0 {
		return nil
	}
	call := func(fn *excHandlerFn) jen.Code {
		return jen.Return(jen.Qual(pkgPyval, "HandlerResponse").Call(
			jen.Id(fn.goName).Call(jen.Qual(pkgPyval+"/pyreq", "Of").Call(jen.Id("rq")), jen.Qual(pkgPyval, "CaughtOf").Call(jen.Id("he")))))
	}
	var cases []jen.Code
	for _, code := range sortedInts(a.codes) {
		cases = append(cases, jen.Case(jen.Lit(code)).Block(call(a.codes[code])))
	}
	if bridged := sortedInts(g.exc.codes); len(bridged) > 0 {
		var lits []jen.Code
		for _, c := range bridged {
			lits = append(lits, jen.Lit(c))
		}
		cases = append(cases, jen.Case(lits...).Block(fallback))
	}
	var body []jen.Code
	if len(cases) > 0 {
		body = append(body, jen.Switch(jen.Id("he").Dot("Status")).Block(cases...))
	}
	if a.http != nil {
		body = append(body, call(a.http))
	}
	return []jen.Code{
		jen.Var().Id("he").Op("*").Qual(pkgResponse, "HTTPException"),
		jen.If(jen.Qual("errors", "As").Call(jen.Id("err"), jen.Op("&").Id("he"))).Block(body...),
	}
}

func sortedInts[V any](m map[int]V) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
