package codegen

import (
	"strings"

	jen "github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/codegen/translate"
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// paramNames records in pf.params the parameter names of c's definition args, in order;
// false (refused) when c takes *args or **kwargs.
func (g *gen) paramNames(c *ir.Callable, args *ast.Arguments, pf *pyFunc) bool {
	if args.Vararg != nil || args.Kwarg != nil {
		g.refuse.add(c.Pos, "function %s with *args or **kwargs", c.Name)
		return false
	}
	for _, group := range [][]*ast.Arg{args.Posonlyargs, args.Args, args.Kwonlyargs} {
		for _, a := range group {
			pf.params = append(pf.params, a.Arg)
		}
	}
	return true
}

// scopeParams binds each of the function's parameters in scope to the Go parameter of its
// name, typed by vars, and returns the Go parameter list: first (if any), then the
// parameters, of type pyval.Value.
func scopeParams(scope *translate.Scope, names []string, vars map[string]arg, first ...jen.Code) []jen.Code {
	params := first
	for _, p := range names {
		goName := translate.GoName(p)
		scope.Vars[p] = translate.Var{Go: jen.Id(goName), Type: vars[p].typ}
		params = append(params, jen.Id(goName))
	}
	if len(params) > len(first) {
		params[len(params)-1] = jen.Add(params[len(params)-1]).Qual(pkgPyval, "Value")
	}
	return params
}

// defParams finds the definition of c and records its parameter names (paramNames);
// nil (refused) when it is missing or cannot be called with named parameters.
func (g *gen) defParams(c *ir.Callable, pf *pyFunc) ast.Stmt {
	def := findDef(g.in.Prog, c)
	args := defArgs(def)
	if args == nil {
		g.refuse.add(c.Pos, "function %s: its definition was not found", c.Name)
		return nil
	}
	if !g.paramNames(c, args, pf) {
		return nil
	}
	return def
}

// refuseTranslation records why translate refused a function: its diagnostics, or the
// function itself (at pos, named by format and args) when it gave none. It reports
// whether the function was refused.
func (g *gen) refuseTranslation(code []jen.Code, diags []ir.Diagnostic, pos ir.Pos, format string, args ...any) bool {
	if len(diags) == 0 && code != nil {
		return false
	}
	for _, d := range diags {
		g.refuse.add(d.Pos, "%s", strings.TrimPrefix(d.Msg, "cannot translate "))
	}
	if len(diags) == 0 {
		g.refuse.add(pos, format, args...)
	}
	return true
}
