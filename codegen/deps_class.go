package codegen

import (
	"strings"

	"github.com/covetpy/covetgen/codegen/translate"
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	jen "github.com/dave/jennifer/jen"
)

// Class dependencies and callable instances, translated (translate's instances.go): a
// class used with Depends() is called as FastAPI calls it — a new pyval.Instance passed
// to its translated __init__, whose parameters are the dependency's — and the endpoint
// receives the instance, typed translate.ClassType(class); a callable instance built at
// module level is rebuilt from the constants its __init__ stored (evaluated at generation
// time) and its __call__ translated with that instance as self, shared (never assigned).

// classCall is the call expression, returning (pyval.Value, error), of the class
// dependency d: its constructor func, emitted once per class.
func (h *handler) classCall(d *ir.Dependant, vars map[string]arg) (jen.Code, bool) {
	c := d.Call
	if why := h.g.unit.CheckClass(c.Class); why != "" {
		h.refuse(d.Pos, "class dependency %s (%s)", c.Name, why)
		return nil, false
	}
	pf := h.g.classConstructor(c)
	if !pf.ok {
		h.ok = false
		return nil, false
	}
	return h.callArgs(d, pf, vars)
}

// instanceCall is the call expression of the callable instance dependency d: its
// translated __call__, self being the instance rebuilt from its constant attributes.
func (h *handler) instanceCall(d *ir.Dependant, vars map[string]arg) (jen.Code, bool) {
	c := d.Call
	self, why := h.g.unit.ConstInstance(c.Class, c.Instance)
	if why != "" {
		h.refuse(d.Pos, "callable instance dependency %s (%s)", c.Name, why)
		return nil, false
	}
	if c.Class.Call == nil {
		h.refuse(d.Pos, "callable instance dependency %s (no __call__)", c.Name)
		return nil, false
	}
	pf := h.g.translatedMethod(c, c.Class.Call, translate.Var{Go: self, Type: translate.ClassType(c.Class), Shared: true}, nil, vars)
	if !pf.ok {
		h.ok = false
		return nil, false
	}
	return h.callArgs(d, pf, vars)
}

// callArgs calls pf with the values of its parameters.
func (h *handler) callArgs(d *ir.Dependant, pf *pyFunc, vars map[string]arg) (jen.Code, bool) {
	var args []jen.Code
	for _, p := range pf.params {
		v, ok := vars[p]
		if !ok {
			h.refuse(d.Call.Pos, "parameter %s of dependency %s", p, d.Call.Name)
			return nil, false
		}
		args = append(args, v.code)
	}
	return jen.Id(pf.name).Call(args...), true
}

// depResultType is the static type of what the dependency c returns, when known.
func (h *handler) depResultType(c *ir.Callable) *ir.Type {
	if !h.py && c.Kind == ir.ClassCallable && c.Class != nil {
		return translate.ClassType(c.Class)
	}
	return nil
}

// classConstructor returns the Go func building an instance of the class dependency c, as
// c(params) does: pyval.NewInstance, then the translated __init__ when the class has one
// (emitted once per __init__).
func (g *gen) classConstructor(c *ir.Callable) *pyFunc {
	if c.Class.Init != nil {
		self := translate.Var{Type: translate.ClassType(c.Class)}
		return g.translatedMethod(c.Class.Init, c.Class.Init, self, c.Class, nil)
	}
	if pf, ok := g.funcs[c]; ok {
		return pf
	}
	pf := &pyFunc{name: g.pkg.get("py_new_" + c.Class.Name), ok: true}
	g.funcs[c] = pf
	f := g.file(moduleFile(c.Module))
	f.Commentf("%s is %s(): a new instance (%s).", pf.name, c.Class.Name, c.Class.Pos)
	f.Func().Id(pf.name).Params().Params(jen.Qual(pkgPyval, "Value"), jen.Error()).Block(
		jen.Return(jen.Qual(pkgPyval, "NewInstance").Call(jen.Lit(c.Class.Name)), jen.Nil()))
	return pf
}

// defArgs is the parameters of a def (nil for anything else).
func defArgs(def ast.Stmt) *ast.Arguments {
	switch x := def.(type) {
	case *ast.FunctionDef:
		return x.Args
	case *ast.AsyncFunctionDef:
		return x.Args
	}
	return nil
}

// translatedMethod translates the method m of an app class (cached under key) to a Go
// func whose parameters are m's but self (pyFunc.params), which self gives (self.Go), or,
// when m is the __init__ of class ctor, to the constructor of ctor's instances: self a
// new pyval.Instance, m's body run (a closure: its returns end __init__), self returned.
// The other parameters' types come from vars.
func (g *gen) translatedMethod(key, m *ir.Callable, self translate.Var, ctor *ir.Class, vars map[string]arg) *pyFunc {
	if pf, ok := g.funcs[key]; ok {
		return pf
	}
	pf := &pyFunc{}
	g.funcs[key] = pf
	def := findDef(g.in.Prog, m)
	args := defArgs(def)
	if args == nil {
		g.refuse.add(m.Pos, "method %s: its definition was not found", m.QualName)
		return pf
	}
	if args.Vararg != nil || args.Kwarg != nil || len(args.Posonlyargs)+len(args.Args) == 0 {
		g.refuse.add(m.Pos, "method %s with *args, **kwargs or no self", m.QualName)
		return pf
	}
	var all []string
	for _, group := range [][]*ast.Arg{args.Posonlyargs, args.Args, args.Kwonlyargs} {
		for _, a := range group {
			all = append(all, a.Arg)
		}
	}
	selfName := all[0]
	pf.params = all[1:]
	scope := &translate.Scope{Vars: map[string]translate.Var{selfName: self}, App: g.in.App, Module: m.Module, Unit: g.unit}
	goSelf := translate.GoName(selfName)
	if ctor != nil {
		self.Go = jen.Id(goSelf)
		scope.Vars[selfName] = self
	}
	params := scopeParams(scope, pf.params, vars)
	code, diags := translate.Func(def, scope)
	if g.refuseTranslation(code, diags, m.Pos, "method %s", m.QualName) {
		return pf
	}
	f := g.file(moduleFile(m.Module))
	if ctor != nil {
		code = []jen.Code{
			jen.Id(goSelf).Op(":=").Qual(pkgPyval, "NewInstance").Call(jen.Lit(ctor.Name)),
			jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Func().Params().Params(jen.Qual(pkgPyval, "Value"), jen.Error()).Block(code...).Call(),
				jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.Return(jen.Id(goSelf), jen.Nil()),
		}
		pf.name = g.pkg.get("py_new_" + ctor.Name)
		f.Commentf("%s is %s(%s): a new instance passed to %s (%s), translated.", pf.name, ctor.Name, strings.Join(pf.params, ", "),
			pySignature(m.QualName, all, m.IsAsync), m.Pos)
	} else {
		pf.name = g.pkg.get("py_" + identOf(m.QualName))
		f.Commentf("%s is %s (%s), translated.", pf.name, pySignature(m.QualName, all, m.IsAsync), m.Pos)
	}
	f.Func().Id(pf.name).Params(params...).Params(jen.Qual(pkgPyval, "Value"), jen.Error()).Block(code...)
	pf.ok = true
	return pf
}

// identOf turns a qualified name into a Go identifier part.
func identOf(qual string) string {
	return strings.ReplaceAll(qual, ".", "_")
}
