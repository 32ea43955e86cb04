package codegen

import (
	"fmt"
	"sort"
	"strings"

	"github.com/covetpy/covetgen/codegen/translate"
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	jen "github.com/dave/jennifer/jen"
)

// Exception handlers of the app's own exception classes, run in Go. Translated code may
// raise the app's exception classes (codegen/translate/exc_class.go); Starlette answers
// such an exception with the handler its lookup finds along the class's MRO. That handler
// is translated on demand, the first time a body builds an instance of a class it handles
// (translate.Unit.SetExceptionHandlers); a handler that does not translate makes that
// body refused, so the route is bridged and the worker runs the Python handler as before.
// The router's exception hook (appExceptionHandlers, in exceptions.go) dispatches an app
// exception to its translated handler and hands anything else to the bridge's hook
// (HTTPException, RequestValidationError and status-code handlers, bridged functions'
// exceptions) or to FastAPI's defaults. Mounted apps keep the bridge's hook only: an
// exception a mounted app does not handle is a 500 there (its ServerErrorMiddleware
// answers before the parent's handlers see it).

// appExcHandlers are the handlers of the top app's own exception classes.
type appExcHandlers struct {
	byClass map[string]*ir.ExceptionHandler // by module.QualName, the last registration winning
	done    map[string]*excHandlerFn
	// http and codes are the handlers of HTTPException and of status codes translated
	// (exchandler_http.go); the others are called through the bridge (g.exc).
	http  *excHandlerFn
	codes map[int]*excHandlerFn
}

// excHandlerFn is one handler translated (or why not).
type excHandlerFn struct {
	goName, why string
	busy        bool
	params      []string
	code        []jen.Code
	c           *ir.Callable
}

// setupAppExceptions records the handlers of the app's own exception classes in the
// Unit, so that translated bodies may raise those classes.
func (g *gen) setupAppExceptions() {
	var hs []*ir.ExceptionHandler
	for _, h := range g.app0.ExceptionHandlers {
		if g.isAppException(h) {
			hs = append(hs, h)
		}
	}
	if len(hs) == 0 {
		return
	}
	g.appExc = &appExcHandlers{byClass: map[string]*ir.ExceptionHandler{}, done: map[string]*excHandlerFn{}}
	var classes []string
	for _, h := range hs {
		if _, seen := g.appExc.byClass[h.Exception]; !seen {
			classes = append(classes, h.Exception)
		}
		g.appExc.byClass[h.Exception] = h
	}
	g.unit.SetExceptionHandlers(classes, g.nativeExcHandler)
}

// nativeExcHandler translates the handler of the app exception class qual and returns
// "" or why it does not run in Go.
func (g *gen) nativeExcHandler(qual string) string {
	if fn := g.appExc.done[qual]; fn != nil {
		if fn.busy {
			return "its body raises an exception it handles"
		}
		return fn.why
	}
	fn := &excHandlerFn{busy: true}
	g.appExc.done[qual] = fn
	fn.why = g.translateExcHandler(qual, fn)
	fn.busy = false
	if fn.why != "" {
		fn.code = nil
	}
	return fn.why
}

func (g *gen) translateExcHandler(qual string, fn *excHandlerFn) string {
	h := g.appExc.byClass[qual]
	if h == nil || h.Handler == nil {
		return "its handler is unknown"
	}
	i := strings.LastIndexByte(qual, '.')
	typ, why := g.unit.ExceptionType(qual[:i], qual[i+1:])
	if why != "" {
		return why
	}
	return g.translateHandlerFunc(h.Handler, typ, fn)
}

// translateHandlerFunc translates the exception handler c, whose exc parameter has type
// typ, into fn; it returns why it cannot.
func (g *gen) translateHandlerFunc(c *ir.Callable, typ *ir.Type, fn *excHandlerFn) string {
	def := findDef(g.in.Prog, c)
	var args *ast.Arguments
	switch d := def.(type) {
	case *ast.FunctionDef:
		args = d.Args
	case *ast.AsyncFunctionDef:
		args = d.Args
	default:
		return "the definition of " + c.Name + " was not found"
	}
	params, why := mwParams(args)
	if why != "" {
		return c.Name + " has " + why + " (Starlette passes exactly request and exc)"
	}
	scope := &translate.Scope{App: g.in.App, Module: c.Module, Unit: g.unit, Vars: map[string]translate.Var{
		params[0]: {Go: jen.Id(translate.GoName(params[0])), Type: &ir.Type{Kind: ir.KindClass, Name: "starlette.requests.Request"}},
		params[1]: {Go: jen.Id(translate.GoName(params[1])), Type: typ},
	}}
	code, diags := translate.Func(def, scope)
	if len(diags) > 0 || code == nil {
		if len(diags) > 0 {
			return diags[0].String()
		}
		return c.Name + " does not translate"
	}
	if g.unit.TouchesState(translate.DefKey(c.Module, def)) {
		return c.Name + " uses module state living in Go"
	}
	fn.goName = g.pkg.get("py_" + c.Name)
	fn.params, fn.code, fn.c = params, code, c
	return ""
}

// appExcHook is the router's exception hook of an app with handlers of its own exception
// classes: the Go dispatcher for the top app, the bridge's hook (or FastAPI's defaults)
// for a mounted one.
func (g *gen) appExcHook(top bool) jen.Code {
	if g.appExc == nil {
		return nil
	}
	if top {
		return jen.Id("opt").Dot("Exceptions").Op("=").Id("appExceptionHandlers").
			Comment("the app's exception handlers (exceptions.go)")
	}
	if g.needBridge() {
		return jen.Id("opt").Dot("Exceptions").Op("=").Id("appExceptions").Dot("Exceptions")
	}
	return jen.Id("opt").Dot("Exceptions").Op("=").Nil()
}

// writeAppExceptions writes exceptions.go: the handlers translated and the dispatcher.
func (g *gen) writeAppExceptions() {
	if g.appExc == nil {
		return
	}
	f := g.file("exceptions.go")
	f.HeaderComment("The app's exception handlers that run in Go, translated.")
	emit := func(fn *excHandlerFn, what string) {
		f.Commentf("%s is %s (%s), translated: the handler of %s.", fn.goName, pySignature(fn.c.Name, fn.params, fn.c.IsAsync), fn.c.Pos, what)
		f.Func().Id(fn.goName).Params(jen.Id(translate.GoName(fn.params[0])), jen.Id(translate.GoName(fn.params[1])).Qual(pkgPyval, "Value")).
			Params(jen.Qual(pkgPyval, "Value"), jen.Error()).Block(fn.code...)
		f.Line()
	}
	for _, code := range sortedInts(g.appExc.codes) {
		emit(g.appExc.codes[code], fmt.Sprint(code))
	}
	if g.appExc.http != nil {
		emit(g.appExc.http, "HTTPException")
	}
	var classes []string
	for q := range g.appExc.byClass {
		classes = append(classes, q)
	}
	sort.Strings(classes)
	var lits, cases []jen.Code
	for i, q := range classes {
		lits = append(lits, jen.Lit(q))
		fn := g.appExc.done[q]
		if fn == nil || fn.why != "" || fn.goName == "" {
			continue // no translated body raises it (bridged functions' run in the worker)
		}
		emit(fn, q)
		cases = append(cases, jen.Case(jen.Lit(i)).Block(
			jen.Return(jen.Qual(pkgPyval, "HandlerResponse").Call(
				jen.Id(fn.goName).Call(jen.Qual(pkgPyval+"/pyreq", "Of").Call(jen.Id("rq")), jen.Id("exc")))),
		))
	}
	fallback := jen.Return(jen.Nil(), jen.Nil())
	if g.needBridge() {
		fallback = jen.Return(jen.Id("appExceptions").Dot("Exceptions").Call(jen.Id("rq"), jen.Id("err")))
	}
	body := g.httpDispatch(fallback) // exchandler_http.go
	if len(cases) > 0 {
		body = append(body,
			jen.List(jen.Id("i"), jen.Id("exc")).Op(":=").Qual(pkgPyval, "ExcLookup").Call(append([]jen.Code{jen.Id("err")}, lits...)...),
			jen.Switch(jen.Id("i")).Block(cases...))
	}
	body = append(body, fallback)
	f.Comment("appExceptionHandlers is the router's exception hook: an HTTPException goes to the translated")
	f.Comment("handler of its status code or class, an exception of the app's own classes to the handler")
	f.Comment("Starlette's lookup along its MRO finds, when translated; anything else to the bridge's hook")
	f.Comment("or FastAPI's defaults.")
	f.Func().Id("appExceptionHandlers").Params(jen.Id("rq").Op("*").Qual(pkgRequest, "Request"), jen.Err().Error()).
		Params(jen.Op("*").Qual(pkgResponse, "Response"), jen.Error()).Block(body...)
}
