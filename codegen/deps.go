package codegen

import (
	"sort"
	"strings"

	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// solve writes FastAPI's solve_dependencies for d: its sub-dependencies depth first (each
// one called only when its own inputs validated, its result cached per request), then its
// path, query, header and cookie parameters, then its body parameters. It returns the
// pyval.Value expression of every parameter of d's callable, by Python name.
func (h *handler) solve(d *ir.Dependant) map[string]arg {
	vars := map[string]arg{}
	for _, sub := range d.Deps {
		v := h.solveDep(sub)
		if sub.Name != "" && v.code != nil {
			vars[sub.Name] = v
		}
	}
	for _, in := range []ir.ParamIn{ir.InPath, ir.InQuery, ir.InHeader, ir.InCookie} {
		for _, p := range d.Params {
			if p.In != in {
				continue
			}
			if v, ok := h.param(p); ok {
				vars[p.Name] = arg{jen.Id(v), p.Type}
			}
		}
	}
	for _, p := range d.Params {
		if p.In.IsBody() {
			if v, ok := h.bodyParam(p); ok {
				vars[p.Name] = arg{v, p.Type}
			}
		}
	}
	for _, p := range d.Params {
		if p.In.IsSpecial() {
			if v, ok := h.special(p, d); ok {
				typ := p.Type
				if p.In == ir.InSecurityScopes {
					typ = &ir.Type{Kind: ir.KindModel, Model: securityScopesModel}
				}
				vars[p.Name] = arg{v, typ}
			}
		}
	}
	return vars
}

// arg is a value passed to a translated function: its pyval.Value expression and its IR
// type (nil: unknown).
type arg struct {
	code jen.Code
	typ  *ir.Type
}

// solveDep writes the solving and the call of a sub-dependency and returns the local
// holding its result.
func (h *handler) solveDep(d *ir.Dependant) arg {
	c := d.Call
	if d.Pos.IsValid() && !strings.HasPrefix(d.Pos.File, "<") {
		h.g.refuse.at = d.Pos
	}
	if isPasswordForm(c) {
		return h.passwordFormDep(d)
	}
	switch {
	case d.Security != nil:
		code, typ := h.securityDep(d)
		return arg{code, typ}
	case isPasswordForm(c):
		return h.passwordFormDep(d)
	case c.Kind == ir.FrameworkCallable:
		h.refuse(d.Pos, "dependency %s", c.Name)
		return arg{}
	case h.py:
		// Run through the bridge whatever its kind (pyCall refuses what it cannot name).
	}
	outer := h.g.refuse.at
	h.g.refuse.at = d.Pos
	defer func() { h.g.refuse.at = outer }()
	mark := h.local.get("mark")
	h.add(jen.Commentf("Depends(%s) (%s)", c.Name, d.Pos))
	h.add(jen.Id(mark).Op(":=").Id("errs").Dot("Len").Call())
	vars := h.solve(d)
	if !h.ok {
		return arg{}
	}
	typ := h.depResultType(c)
	var invoke jen.Code
	ok := false
	if c.IsGenerator && !h.py {
		invoke, typ, ok = h.genCall(d, vars) // deps_yield.go
	} else {
		invoke, ok = h.depCall(d, vars)
	}
	if !ok {
		return arg{}
	}
	if typ == nil && !h.py && c.Kind == ir.FunctionCallable {
		// FastAPI passes the value as is: typed by what the dependency returns (translate's deptype.go).
		if pf, found := h.g.funcs[c]; found && pf.ok {
			typ = pf.result
		}
	}
	if d.Name == "" && h.keyCount[cacheKey(d)] < 2 {
		// dependencies=[Depends(...)]: called for its effects, the value unused.
		h.add(jen.If(jen.Id("errs").Dot("Len").Call().Op("==").Id(mark)).Block(
			jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Add(invoke), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		))
		return arg{}
	}
	result := h.local.get("dep" + camel(c.Name, true))
	call := []jen.Code{
		jen.List(jen.Id("v"), jen.Err()).Op(":=").Add(invoke),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Id(result).Op("=").Id("v"),
	}
	h.add(jen.Var().Id(result).Qual(pkgPyval, "Value"))
	guarded := call
	if h.keyCount[cacheKey(d)] > 1 {
		saved := h.stmts
		h.stmts = nil
		h.cached(d, result, call)
		guarded = h.stmts
		h.stmts = saved
	}
	h.add(jen.If(jen.Id("errs").Dot("Len").Call().Op("==").Id(mark)).Block(guarded...))
	return arg{jen.Id(result), typ}
}

// depCall is the call expression of a dependency's function, returning (pyval.Value,
// error): its translation, or its invocation through the bridge.
func (h *handler) depCall(d *ir.Dependant, vars map[string]arg) (jen.Code, bool) {
	c := d.Call
	if h.py {
		var extra jen.Dict
		if c.IsGenerator {
			extra = jen.Dict{jen.Id("Generator"): jen.True()}
			if d.Scope == "function" {
				extra[jen.Id("FunctionScope")] = jen.True()
			}
		}
		inv, ok := h.pyCall(d, vars, extra)
		if !ok {
			return nil, false
		}
		return h.pyDepCall(inv), true // bridge.go
	}
	switch c.Kind {
	case ir.ClassCallable:
		return h.classCall(d, vars) // deps_class.go
	case ir.InstanceCallable:
		return h.instanceCall(d, vars)
	}
	pf := h.g.translated(c, vars)
	if !pf.ok {
		h.ok = false
		return nil, false
	}
	var args []jen.Code
	for _, p := range pf.params {
		v, ok := vars[p]
		if !ok {
			h.refuse(c.Pos, "parameter %s of dependency %s", p, c.Name)
			return nil, false
		}
		args = append(args, v.code)
	}
	return jen.Id(pf.name).Call(args...), true
}

// cacheKey is FastAPI's dependency cache key: the callable, the OAuth scopes when the
// dependency uses them, and the computed scope.
func cacheKey(d *ir.Dependant) string {
	scopes := ""
	if usesScopes(d) {
		set := map[string]bool{}
		for _, s := range append(append([]string{}, d.ParentScopes...), d.OwnScopes...) {
			set[s] = true
		}
		list := make([]string, 0, len(set))
		for s := range set {
			list = append(list, s)
		}
		sort.Strings(list)
		scopes = strings.Join(list, " ")
	}
	scope := d.Scope
	if scope == "" && d.Call.IsGenerator {
		scope = "request"
	}
	return d.Call.Key + "\x00" + scopes + "\x00" + scope
}

// usesScopes is FastAPI's _uses_scopes.
func usesScopes(d *ir.Dependant) bool {
	if len(d.OwnScopes) > 0 || d.Security != nil {
		return true
	}
	for _, p := range d.Params {
		if p.In == ir.InSecurityScopes {
			return true
		}
	}
	for _, s := range d.Deps {
		if usesScopes(s) {
			return true
		}
	}
	return false
}

// special fills a parameter FastAPI injects by type (Request, Response, BackgroundTasks...).
func (h *handler) special(p *ir.Param, d *ir.Dependant) (jen.Code, bool) {
	if p.In == ir.InSecurityScopes {
		return h.securityScopes(d), true
	}
	if v, ok := h.reqRespParam(p); ok {
		return v, true
	}
	if v, ok := h.backgroundParam(p); ok { // background.go
		return v, true
	}
	if h.py && (p.In == ir.InRequest || p.In == ir.InResponse || p.In == ir.InBackgroundTasks) {
		// Built by the bridge worker (pyCall names them in the invocation).
		return nil, false
	}
	h.refuse(p.Pos, "%s parameter %s", p.In, p.Name)
	return nil, false
}

// isPasswordForm reports fastapi.security's OAuth2PasswordRequestForm(Strict) class.
func isPasswordForm(c *ir.Callable) bool {
	name := c.Name
	if c.Kind != ir.FrameworkCallable {
		if !strings.HasPrefix(c.Module, "fastapi.security") {
			return false
		}
		name = "fastapi.security." + c.Name
	}
	return name == "fastapi.security.OAuth2PasswordRequestForm" || name == "fastapi.security.OAuth2PasswordRequestFormStrict"
}
