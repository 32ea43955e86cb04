package codegen

import (
	"fmt"

	"github.com/covetpy/covetgen/codegen/translate"
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	jen "github.com/dave/jennifer/jen"
)

// An @app.middleware("http") function is FastAPI's add_middleware(BaseHTTPMiddleware,
// dispatch=func): it takes its place in the user middleware like any add_middleware call
// (the last declared outermost, inside ServerErrorMiddleware and outside
// ExceptionMiddleware). Its body is translated (codegen/translate/callnext.go) into a Go
// func(request, call_next pyval.Value) (pyval.Value, error) that runtime/pyval/pymw runs
// with BaseHTTPMiddleware's semantics. A function that does not translate makes the app
// refused: bridging a middleware is not supported.

const pkgPymw = pkgPyval + "/pymw"

// httpMiddleware is the middleware of an @app.middleware("http") function of app a.
func (g *gen) httpMiddleware(a *ir.App, m *ir.Middleware) (jen.Code, bool) {
	c := m.Func
	if c == nil {
		g.refuse.add(m.Pos, "@app.middleware(\"http\") function whose definition is unknown")
		return nil, false
	}
	if a != g.app0 {
		g.refuse.add(m.Pos, "@app.middleware(\"http\") function %s of a mounted app", c.Name)
		return nil, false
	}
	def, isAsync := findDef(g.in.Prog, c).(*ast.AsyncFunctionDef)
	if !isAsync || def == nil {
		// Starlette awaits what a def returns: a sync function always fails (a 500).
		g.refuse.add(m.Pos, "@app.middleware(\"http\") function %s that is not an async def", c.Name)
		return nil, false
	}
	params, why := mwParams(def.Args)
	if why != "" {
		g.refuse.add(m.Pos, "@app.middleware(\"http\") function %s with %s (Starlette passes exactly request and call_next)", c.Name, why)
		return nil, false
	}
	vars := map[string]arg{
		params[0]: {typ: &ir.Type{Kind: ir.KindClass, Name: "starlette.requests.Request"}},
		params[1]: {typ: translate.CallNextType()},
	}
	pf := g.translated(c, vars)
	if !pf.ok {
		return nil, false
	}
	return jen.Qual(pkgPymw, "HTTP").Call(jen.Id(pf.name), jen.Qual(pkgPymw, "Scope").Values(jen.Dict{
		jen.Id("ServerRootPath"): jen.Id("opt").Dot("ServerRootPath"),
		jen.Id("RootPath"):       jen.Id("opt").Dot("RootPath"),
	})), true
}

// mwParams returns the two positional parameters of a middleware function, or why it has
// others.
func mwParams(a *ast.Arguments) ([]string, string) {
	if a == nil {
		return nil, "no parameters"
	}
	switch {
	case a.Vararg != nil || a.Kwarg != nil:
		return nil, "*args or **kwargs"
	case len(a.Kwonlyargs) > 0:
		return nil, "keyword-only parameters"
	}
	var names []string
	for _, group := range [][]*ast.Arg{a.Posonlyargs, a.Args} {
		for _, p := range group {
			if p != nil {
				names = append(names, p.Arg)
			}
		}
	}
	if len(names) != 2 {
		return nil, fmt.Sprintf("%d positional parameters", len(names))
	}
	return names, ""
}
