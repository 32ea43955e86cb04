package codegen

import (
	"github.com/covetpy/covetgen/codegen/translate"
	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// Yield dependencies, generated natively. A generator function used with Depends() is
// translated by translate.GenFunc to a Go func taking a yield callback first:
//
//	func py_get_db(yield func(pyval.Value) error, params pyval.Value) (pyval.Value, error)
//
// and the handler enters it on the request's runtime/pyval/pygen.Stack, which runs the
// body to its yield (the dependency's value) and later resumes it, or throws the
// request's error in at the yield, with FastAPI 0.141's timing (the package
// documentation of pygen). A route with such a dependency is written as two funcs:
//
//	func handleX(rq *request.Request, out *response.Out) error {
//		gens := pygen.Begin(rq.HTTP.Context(), &pyc_state_mu) // nil without module state
//		defer gens.Abandon()
//		return gens.End(out, handleXBody(rq, out, gens))
//	}
//
// handleXBody being the handler as usual, its yield dependencies entered with
// gens.Enter(scope == "function", func(yield ...) error { ... }). Caching (use_cache) is
// the other dependencies': the generator is entered once per request and cache key.

const pkgPygen = "github.com/covetpy/covetgen/runtime/pyval/pygen"

// gensVar returns the handler's local holding its *pygen.Stack, naming it on first use
// (which makes the route written by writeWithGens).
func (h *handler) gensVar() string {
	if h.gens == "" {
		h.gens = h.local.get("gens")
	}
	return h.gens
}

// genCall is the call expression, returning (pyval.Value, error), entering the yield
// dependency d on the request's stack, and the static type of the value it yields.
func (h *handler) genCall(d *ir.Dependant, vars map[string]arg) (jen.Code, *ir.Type, bool) {
	c := d.Call
	if c.Kind != ir.FunctionCallable {
		h.refuse(d.Pos, "dependency with yield %s (a method or a callable instance)", c.Name)
		return nil, nil, false
	}
	for _, p := range d.Params {
		if p.In.IsSpecial() && p.In != ir.InSecurityScopes {
			// Its exit code may run once the request's objects are recycled (a response
			// the client did not take): it may only hold values.
			h.refuse(p.Pos, "%s parameter %s of the yield dependency %s", p.In, p.Name, c.Name)
			return nil, nil, false
		}
	}
	pf := h.g.translatedGen(c, vars)
	if !pf.ok {
		h.ok = false
		return nil, nil, false
	}
	args := []jen.Code{jen.Id("yield")}
	for _, p := range pf.params {
		v, ok := vars[p]
		if !ok {
			h.refuse(c.Pos, "parameter %s of dependency %s", p, c.Name)
			return nil, nil, false
		}
		args = append(args, v.code)
	}
	body := jen.Func().Params(jen.Id("yield").Func().Params(jen.Qual(pkgPyval, "Value")).Error()).Error().Block(
		jen.List(jen.Id("_"), jen.Err()).Op(":=").Id(pf.name).Call(args...),
		jen.Return(jen.Err()),
	)
	return jen.Id(h.gensVar()).Dot("Enter").Call(jen.Lit(d.Scope == "function"), body), pf.yielded, true
}

// translatedGen returns the Go func of the generator function c (translate.GenFunc),
// translating it on first use; vars gives the IR type of each parameter.
func (g *gen) translatedGen(c *ir.Callable, vars map[string]arg) *pyFunc {
	if pf, ok := g.funcs[c]; ok {
		return pf
	}
	pf := &pyFunc{}
	g.funcs[c] = pf
	def := g.defParams(c, pf)
	if def == nil {
		return pf
	}
	scope := &translate.Scope{Vars: map[string]translate.Var{}, App: g.in.App, Module: c.Module, Unit: g.unit}
	params := scopeParams(scope, pf.params, vars, jen.Id("yield").Func().Params(jen.Qual(pkgPyval, "Value")).Error())
	code, yielded, diags := translate.GenFunc(def, scope, jen.Id("yield"))
	if g.refuseTranslation(code, diags, c.Pos, "function %s", c.Name) {
		return pf
	}
	pf.name = g.pkg.get("py_" + c.Name)
	f := g.file(moduleFile(c.Module))
	f.Commentf("%s is %s (%s), a yield dependency, translated: yield(v) stands for its yield.", pf.name, pySignature(c.Name, pf.params, c.IsAsync), c.Pos)
	f.Func().Id(pf.name).Params(params...).Params(jen.Qual(pkgPyval, "Value"), jen.Error()).Block(code...)
	pf.ok, pf.yielded = true, yielded
	return pf
}

// writeWithGens writes the route of h, which enters yield dependencies: name runs the
// handler's body (nameBody) between pygen.Begin and Stack.End.
func (g *gen) writeWithGens(f *jen.File, h *handler, name string) {
	inner := g.pkg.get(name + "Body")
	mu := jen.Nil()
	if h.r.Kind == ir.APIRoute && h.touchesState() {
		mu = jen.Op("&").Id(g.unit.StateMutex())
	}
	f.Func().Id(name).Params(jen.Id("rq").Op("*").Qual(pkgRequest, "Request"), jen.Id("out").Op("*").Qual(pkgResponse, "Out")).Error().Block(
		jen.Id(h.gens).Op(":=").Qual(pkgPygen, "Begin").Call(jen.Id("rq").Dot("HTTP").Dot("Context").Call(), mu),
		jen.Defer().Id(h.gens).Dot("Abandon").Call(),
		jen.Return(jen.Id(h.gens).Dot("End").Call(jen.Id("out"), jen.Id(inner).Call(jen.Id("rq"), jen.Id("out"), jen.Id(h.gens)))),
	)
	f.Line()
	f.Commentf("%s reads and validates the parameters of %s, enters its yield dependencies on %s and calls it.", inner, h.r.Endpoint.Name, h.gens)
	f.Func().Id(inner).Params(jen.Id("rq").Op("*").Qual(pkgRequest, "Request"), jen.Id("out").Op("*").Qual(pkgResponse, "Out"),
		jen.Id(h.gens).Op("*").Qual(pkgPygen, "Stack")).Error().Block(h.stmts...)
}
