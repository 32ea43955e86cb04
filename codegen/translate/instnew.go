package translate

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// Instances built in a body: Cls(args) of a plain app class (instances.go) is a new
// pyval.Instance passed to the class's __init__, translated once per class as a
// constructor helper pyfn_<module>_<Class>_new(params) — self owned by it (its
// attributes may be assigned), its other parameters not (their values belong to the
// caller). The value has the static type ClassType(class); a local every binding of
// which is such a construction is owned by the function: it may assign the instance's
// attributes (session = Session("s1"); session.closed = True).

// instNew compiles Cls(args) for the plain app class g (ok false: g is not a class
// statement without bases, which other translations may know).
func (f *fn) instNew(g global, c *ast.Call) (val, bool) {
	b := f.u.module(g.module).binds[g.name]
	if b == nil || b.kind != bClass || b.class == nil || len(b.class.Bases) > 0 {
		return val{}, false
	}
	cls := &ir.Class{Name: g.name, Module: g.module, QualName: g.name}
	info, why := f.u.plainClass(cls)
	if info == nil {
		f.refuse(c, "call of %s (%s)", g.name, why)
	}
	if !f.assignedToName(c) {
		f.refuse(c, "construction of %s other than assigned to a name (its type would be lost)", g.name)
	}
	if info.init == nil {
		if len(c.Args)+len(c.Keywords) > 0 {
			f.refuse(c, "call of %s with arguments (it has no __init__)", g.name)
		}
		return val{code: q("NewInstance").Call(jen.Lit(g.name)), atomic: true, typ: ClassType(cls)}, true
	}
	a := *info.init.args
	switch {
	case info.init.isAsync:
		f.refuse(c, "call of %s (its __init__ is async)", g.name)
	case len(a.Posonlyargs) > 0:
		a.Posonlyargs = a.Posonlyargs[1:]
	case len(a.Args) > 0:
		a.Args = a.Args[1:]
	default:
		f.refuse(c, "call of %s (its __init__ has no self parameter)", g.name)
	}
	if len(a.Defaults) > len(a.Posonlyargs)+len(a.Args) {
		f.refuse(c, "call of %s (a default for self)", g.name)
	}
	// helperCall binds the arguments to the parameters after self, which the
	// constructor helper (ctorHelper) takes.
	noSelf := *info.init
	noSelf.name = g.name + ".__init__"
	noSelf.args = &a
	v := f.helperCall(global{kind: gFunc, module: g.module, name: noSelf.name, def: &noSelf, mi: info.mi, ctor: cls}, c, false)
	v.typ = ClassType(cls)
	return v, true
}

// ctorHelper translates the __init__ of g.ctor once as its constructor helper (see above)
// and returns the Go func's name; a refusal in it becomes the caller's. g.def is the
// __init__ without self, named Class.__init__.
func (u *Unit) ctorHelper(g global, app *ir.App, c *ast.Call, caller *fn) string {
	cls := g.ctor
	key := g.module + "." + g.def.name
	h, ok := u.helpers[key]
	if ok {
		if h.busy {
			caller.refuse(c, "recursive construction of %s", cls.Name)
		}
		if h.diag != nil {
			caller.refuse(c, "call of %s (%s)", cls.Name, h.diag)
		}
		return h.GoName
	}
	info, _ := u.plainClass(cls)
	full := *info.init
	full.name = g.def.name
	h = &helperInfo{Helper: Helper{Module: g.module, Name: g.def.name}, busy: true, def: &full, mod: g.mi}
	u.helpers[key] = h
	u.hOrder = append(u.hOrder, h)
	ps := params(&full)
	vars := map[string]Var{}
	for i, p := range ps {
		if i == 0 {
			vars[p.Arg] = Var{Go: jen.Id(GoName(p.Arg)), Type: ClassType(cls)}
			continue
		}
		vars[p.Arg] = Var{Go: jen.Id(GoName(p.Arg)), Shared: true}
	}
	fg := global{kind: gFunc, module: g.module, name: full.name, def: &full, mi: g.mi}
	code, diag, state := u.translateCtor(fg, app, vars)
	h.busy, h.state, h.result = false, state, ClassType(cls)
	if diag != nil {
		h.diag = diag
		caller.refuse(c, "call of %s (%s)", cls.Name, diag)
	}
	h.GoName = u.goIdent("pyfn_"+identPart(g.module)+"_"+identPart(cls.Name)+"_new", key)
	var plist []jen.Code
	for _, p := range ps[1:] {
		plist = append(plist, jen.Id(GoName(p.Arg)))
	}
	sig := jen.Func().Id(h.GoName)
	if len(plist) > 0 {
		sig = sig.Params(jen.List(plist...).Qual(pyvalPkg, "Value"))
	} else {
		sig = sig.Params()
	}
	self := GoName(ps[0].Arg)
	body := []jen.Code{
		jen.Id(self).Op(":=").Add(q("NewInstance")).Call(jen.Lit(cls.Name)),
		jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Func().Params().Params(q("Value"), jen.Error()).Block(code...).Call(),
			jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Id(self), jen.Nil()),
	}
	pos := g.mi.pos(nodeOfDef(&full))
	u.translatedDef(funcKey(g.module, &full), state)
	u.decls = append(u.decls, jen.Commentf("%s is %s(...): a new instance passed to %s (%s).", h.GoName, cls.Name, full.name, pos),
		sig.Params(q("Value"), jen.Error()).Block(body...))
	return h.GoName
}

// translateCtor translates an __init__ body whose self (vars' first parameter, not
// Shared) the function owns.
func (u *Unit) translateCtor(g global, app *ir.App, vars map[string]Var) (code []jen.Code, diag *ir.Diagnostic, state bool) {
	defer func() {
		if r := recover(); r != nil {
			code = nil
			if diag = refusalDiag(r); diag == nil {
				panic(r)
			}
		}
	}()
	hf := newFn(u, g.mi, app, g.def, vars, true)
	code = hf.translate()
	return code, nil, hf.usesState
}

// builtHere reports whether the local name is bound only by constructions of plain app
// classes in this body (and is no parameter): the function owns the instance.
func (f *fn) builtHere(name string) bool {
	l := f.locals[name]
	if l == nil || l.isParam {
		return false
	}
	bound, other := false, false
	walkStmts(f.def.body, func(st ast.Stmt) {
		var value ast.Expr
		var targets []ast.Expr
		switch s := st.(type) {
		case *ast.Assign:
			value, targets = s.Value, s.Targets
		case *ast.AnnAssign:
			value, targets = s.Value, []ast.Expr{s.Target}
		default:
			for _, n := range StmtBoundNames(st) {
				if n == name {
					other = true
				}
			}
			if t, ok := st.(*ast.Try); ok {
				for _, h := range t.Handlers {
					if h != nil && h.Name != nil && *h.Name == name {
						other = true
					}
				}
			}
			return
		}
		for _, t := range targets {
			n, isName := t.(*ast.Name)
			if !isName {
				for _, b := range boundNames(t) {
					if b == name {
						other = true
					}
				}
				continue
			}
			if n.Id != name {
				continue
			}
			bound = true
			if !f.isConstruction(value) {
				other = true
			}
		}
	})
	return bound && !other
}

// isConstruction reports a call of a plain app class.
func (f *fn) isConstruction(e ast.Expr) bool {
	c, ok := e.(*ast.Call)
	if !ok {
		return false
	}
	g, ok := f.lookupGlobal(c.Func)
	if !ok || g.kind != gOtherClass {
		return false
	}
	info, _ := f.u.plainClass(&ir.Class{Name: g.name, Module: g.module, QualName: g.name})
	return info != nil
}

// assignedToName reports whether the call c is the whole value of an assignment to one
// name of the body: the name then carries the instance's static type, and checkInstUse
// keeps every use of it to its attributes, methods and the app functions annotated with
// its class. Anywhere else (returned, an item of a display, an argument) the instance
// would reach code that does not know its type.
func (f *fn) assignedToName(c *ast.Call) bool {
	ok := false
	walkStmts(f.def.body, func(st ast.Stmt) {
		switch s := st.(type) {
		case *ast.Assign:
			if s.Value == ast.Expr(c) && len(s.Targets) == 1 {
				n, isName := s.Targets[0].(*ast.Name)
				ok = isName && !f.globals[n.Id]
			}
		case *ast.AnnAssign:
			if s.Value == ast.Expr(c) {
				n, isName := s.Target.(*ast.Name)
				ok = isName && !f.globals[n.Id]
			}
		}
	})
	return ok
}
