package translate

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

var routeDecorators = map[string]bool{"get": true, "post": true, "put": true, "delete": true,
	"patch": true, "options": true, "head": true, "trace": true, "api_route": true, "websocket": true}

func isRouteDecorator(e ast.Expr) bool {
	c, ok := e.(*ast.Call)
	if !ok {
		return false
	}
	at, ok := c.Func.(*ast.Attribute)
	return ok && routeDecorators[at.Attr]
}

// params lists a def's parameters in declaration order.
func params(d *funcDef) []*ast.Arg {
	if d.args == nil {
		return nil
	}
	var out []*ast.Arg
	for _, g := range [][]*ast.Arg{d.args.Posonlyargs, d.args.Args, d.args.Kwonlyargs} {
		for _, p := range g {
			if p != nil {
				out = append(out, p)
			}
		}
	}
	return out
}

// helperCall calls an app function through its translated Go func.
func (f *fn) helperCall(g global, c *ast.Call, await bool) val {
	g = f.specialize(g, c) // litspec.go: Literal arguments to str parameters
	goName, args := f.helperArgs(g, c, await)
	return f.callVal(jen.Id(goName).Call(args...), kindValue, f.u.helpers[g.module+"."+g.def.name].result)
}

// helperArgs translates the app function g called by c (once) and compiles the call's
// arguments, in order, into the Go func's arguments (defaults filled in).
func (f *fn) helperArgs(g global, c *ast.Call, await bool) (string, []jen.Code) {
	return f.helperArgsVia(g, c, await, func() (string, bool) {
		goName := f.u.helper(g, f.app, c, f)
		return goName, f.u.helpers[g.module+"."+g.def.name].state
	})
}

// helperArgsVia is helperArgs, translating the function with translate (its Go func's
// name, and whether it touches module state).
func (f *fn) helperArgsVia(g global, c *ast.Call, await bool, translate func() (string, bool)) (string, []jen.Code) {
	d := g.def
	switch {
	case d.isAsync && !await:
		f.refuse(c, "call of async function %s without await", g.name)
	case !d.isAsync && await:
		f.refuse(c, "await of %s (not an async function)", g.name)
	}
	for _, deco := range d.decos {
		if !isRouteDecorator(deco) {
			f.refuse(c, "call of %s (a decorated function)", g.name)
		}
	}
	if d.args != nil && (d.args.Vararg != nil || d.args.Kwarg != nil) {
		f.refuse(c, "call of %s (variadic parameters)", g.name)
	}
	f.noStar(c)
	ps := params(d)
	nPos := len(d.args.Posonlyargs) + len(d.args.Args)
	if len(c.Args) > nPos {
		f.refuse(c, "call of %s (too many positional arguments)", g.name)
	}
	slot := make([]int, 0, len(c.Args)+len(c.Keywords))
	exprs := append([]ast.Expr{}, c.Args...)
	for i := range c.Args {
		slot = append(slot, i)
	}
	for _, k := range c.Keywords {
		idx := -1
		for i, p := range ps {
			if p.Arg == *k.Arg && i >= len(d.args.Posonlyargs) {
				idx = i
			}
		}
		if idx < 0 {
			f.refuse(k, "call of %s (no parameter %s)", g.name, *k.Arg)
		}
		for _, s := range slot {
			if s == idx {
				f.refuse(k, "call of %s (parameter %s given twice)", g.name, *k.Arg)
			}
		}
		exprs, slot = append(exprs, k.Value), append(slot, idx)
	}
	goName, state := translate()
	if state {
		f.useState() // the helper touches module state (state.go)
	}
	vs := f.seq(exprs, f.value)
	f.checkModelArgs(g, c, vs, slot) // helper_modelparams.go
	args := make([]jen.Code, len(ps))
	for i, v := range vs {
		args[slot[i]] = v.code
	}
	f.fillDefaults(g, c, ps, args, 0)
	return goName, args
}

// fillDefaults sets each argument c left out (nil in args) to the constant default of
// its parameter: ps are the parameters of g's def from the skip-th on.
func (f *fn) fillDefaults(g global, c *ast.Call, ps []*ast.Arg, args []jen.Code, skip int) {
	for i, p := range ps {
		if args[i] != nil {
			continue
		}
		def := defaultOf(g.def, i+skip)
		if def == nil {
			f.refuse(c, "call of %s (missing argument %s)", g.name, p.Arg)
		}
		v, ok := constEval(def, f.u.constLookup(g.mi, f.app))
		if !ok {
			f.refuse(c, "call of %s (default of %s not a constant)", g.name, p.Arg)
		}
		args[i] = f.constVal(v).code
	}
}

// defaultOf returns the default of parameter i (nil when it has none).
func defaultOf(d *funcDef, i int) ast.Expr {
	a := d.args
	nPos := len(a.Posonlyargs) + len(a.Args)
	if i < nPos {
		k := i - (nPos - len(a.Defaults))
		if k >= 0 && k < len(a.Defaults) {
			return a.Defaults[k]
		}
		return nil
	}
	k := i - nPos
	if k < len(a.KwDefaults) {
		return a.KwDefaults[k]
	}
	return nil
}

// helper translates an app function once and returns its Go func's name; a refusal in it
// becomes the caller's.
func (u *Unit) helper(g global, app *ir.App, c *ast.Call, caller *fn) string {
	if g.ctor != nil {
		return u.ctorHelper(g, app, c, caller) // instnew.go
	}
	key := g.module + "." + g.def.name
	h, ok := u.helpers[key]
	if ok {
		if h.busy {
			caller.refuse(c, "recursive call of %s", g.def.name)
		}
		if h.diag != nil {
			caller.refuse(c, "call of %s (%s)", g.def.name, h.diag)
		}
		return h.GoName
	}
	h = &helperInfo{Helper: Helper{Module: g.module, Name: g.def.name}, busy: true, def: g.def, mod: g.mi}
	u.helpers[key] = h
	u.hOrder = append(u.hOrder, h)
	vars := map[string]Var{}
	ps := params(g.def)
	pt := u.helperParamTypes(g, app) // helper_modelparams.go
	for i, p := range ps {
		vars[p.Arg] = Var{Go: jen.Id(GoName(p.Arg)), Type: pt[i]}
		if i == 0 && g.self != nil {
			vars[p.Arg] = Var{Go: jen.Id(GoName(p.Arg)), Type: g.self} // a method (instances.go)
		}
	}
	code, diag, state, result := u.translateHelper(g, app, vars)
	h.busy, h.state, h.result = false, state, result
	if diag != nil {
		h.diag = diag
		caller.refuse(c, "call of %s (%s)", g.def.name, diag)
	}
	h.GoName = u.goIdent("pyfn_"+identPart(g.module)+"_"+identPart(g.def.name), key)
	plist := make([]jen.Code, len(ps))
	for i, p := range ps {
		plist[i] = jen.Id(GoName(p.Arg))
	}
	sig := jen.Func().Id(h.GoName)
	if len(plist) > 0 {
		sig = sig.Params(jen.List(plist...).Qual(pyvalPkg, "Value"))
	} else {
		sig = sig.Params()
	}
	pos := g.mi.pos(nodeOfDef(g.def))
	u.translatedDef(funcKey(g.module, g.def), state)
	u.decls = append(u.decls, jen.Commentf("%s is %s.%s (%s).", h.GoName, g.module, g.def.name, pos),
		sig.Params(jen.Qual(pyvalPkg, "Value"), jen.Error()).Block(code...))
	return h.GoName
}

func nodeOfDef(d *funcDef) ast.Node {
	return &ast.Pass{Span: *d.span}
}

func (u *Unit) translateHelper(g global, app *ir.App, vars map[string]Var) (code []jen.Code, diag *ir.Diagnostic, state bool, result *ir.Type) {
	defer func() {
		if r := recover(); r != nil {
			code = nil
			if diag = refusalDiag(r); diag != nil {
				return
			}
			diag = &ir.Diagnostic{Pos: g.mi.pos(nodeOfDef(g.def)), Msg: fmt.Sprintf("cannot translate function: internal error: %v", r)}
		}
	}()
	hf := newFn(u, g.mi, app, g.def, vars, false)
	code = hf.translate()
	return code, nil, hf.usesState, hf.helperResultType() // narrow.go
}
