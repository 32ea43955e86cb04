package codegen

import (
	"fmt"
	"strings"

	"github.com/covetpy/covetgen/codegen/translate"
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	jen "github.com/dave/jennifer/jen"
)

// pyFunc is a Python function translated into a Go func of pyval.Value parameters.
type pyFunc struct {
	name string
	// params are the Python parameter names in declaration order.
	params []string
	ok     bool
	// yielded is the static type of what a yield dependency yields (deps_yield.go).
	yielded *ir.Type
	// result is the static type of what the function returns (translate.FuncResult).
	result *ir.Type
}

// translated returns the Go func of the Python function c, translating it on first use;
// types gives the IR type of each parameter known to the caller.
func (g *gen) translated(c *ir.Callable, vars map[string]arg) *pyFunc {
	return g.translatedAs(c, vars, false)
}

// translatedAs is translated; response marks an endpoint whose result is written by path B
// as is (translate.Scope.Response).
func (g *gen) translatedAs(c *ir.Callable, vars map[string]arg, response bool) *pyFunc {
	return g.translatedIn(c, vars, response, nil)
}

// translatedIn is translatedAs; ret is translate.Scope.ReturnModel (unvalidated_return.go).
func (g *gen) translatedIn(c *ir.Callable, vars map[string]arg, response bool, ret *ir.Model) *pyFunc {
	cache := g.funcs
	if response {
		cache = g.respFuncs
	}
	if ret != nil {
		cache = g.retCache(ret)
	}
	if pf, ok := cache[c]; ok {
		return pf
	}
	pf := &pyFunc{}
	cache[c] = pf
	if w := seeThrough(g.in.Prog, c); w != nil {
		c = w // a pass-through wrapper runs the function it wraps (decorators.go)
	}
	def := findDef(g.in.Prog, c)
	if def == nil && c.Name == "<lambda>" {
		def = translate.LambdaDef(g.in.Prog, c.Module, c.Pos) // a lambda's body is its return
	}
	var args *ast.Arguments
	var body []ast.Stmt
	switch x := def.(type) {
	case *ast.FunctionDef:
		args, body = x.Args, x.Body
	case *ast.AsyncFunctionDef:
		args, body = x.Args, x.Body
	default:
		if c.Name == "<lambda>" {
			g.refuse.add(c.Pos, "lambda endpoint or dependency")
		} else {
			g.refuse.add(c.Pos, "function %s: its definition was not found", c.Name)
		}
		return pf
	}
	_ = body
	if !g.paramNames(c, args, pf) {
		return pf
	}
	scope := &translate.Scope{Vars: map[string]translate.Var{}, App: g.in.App, Module: c.Module, Unit: g.unit, Response: response, ReturnModel: ret}
	params := scopeParams(scope, pf.params, vars)
	code, result, diags := translate.FuncResult(def, scope)
	if g.refuseTranslation(code, diags, c.Pos, "function %s", c.Name) {
		return pf
	}
	pf.result = result
	// py_<name>: camel-cased handler locals never contain an underscore, so the two never
	// meet; translate's own package-level names are pyfn_, pyc_ and pyk_.
	pf.name = g.pkg.get("py_" + strings.NewReplacer("<", "", ">", "").Replace(c.Name)) // py_lambda for a lambda
	f := g.file(moduleFile(c.Module))
	f.Commentf("%s is %s (%s), translated.", pf.name, pySignature(c.Name, pf.params, c.IsAsync), c.Pos)
	f.Func().Id(pf.name).Params(params...).Params(jen.Qual(pkgPyval, "Value"), jen.Error()).Block(code...)
	pf.ok = true
	return pf
}

// pySignature renders "def name(a, b)" for comments.
func pySignature(name string, params []string, async bool) string {
	s := fmt.Sprintf("def %s(%s)", name, strings.Join(params, ", "))
	if async {
		s = "async " + s
	}
	return s
}

// endpointFunc translates the endpoint of r and returns the Go func to call with its
// arguments, taken from vars (Python parameter name -> pyval.Value expression).
func (g *gen) endpointFunc(r *ir.Route, d *ir.Dependant, vars map[string]arg) (string, []jen.Code, bool) {
	pf := g.translatedIn(d.Call, vars, pathB(r), returnModel(r)) // unvalidated_return.go
	if !pf.ok {
		return "", nil, false
	}
	var args []jen.Code
	for _, p := range pf.params {
		v, ok := vars[p]
		if !ok {
			g.refuse.add(d.Call.Pos, "parameter %s of %s", p, d.Call.Name)
			return "", nil, false
		}
		args = append(args, v.code)
	}
	return pf.name, args, true
}
