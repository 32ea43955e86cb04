package translate

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// Translating the uses of class attributes living in Go (classattr.go): Class.attr,
// cls.attr (cls = type(inst)) and inst.attr read, assigned and augmented.

// classAttrConst returns the state of attribute attr of the plain class c (evaluated once,
// as u.constant does for module state).
func (u *Unit) classAttrConst(c *ir.Class, info *classInfo, attr string, app *ir.App) *constInfo {
	key := classAttrKey(c.Module, c.Name, attr)
	if ci, ok := u.consts[key]; ok {
		return ci
	}
	ci := &constInfo{}
	u.consts[key] = ci
	name := c.Name + "." + attr
	if !u.st.keys[key] {
		ci.err = u.keptWhy(key, name)
		if _, known := u.st.kept[key]; !known {
			ci.err = "use of " + name + " (a class attribute living in Python)"
		}
		return ci
	}
	b := info.attrs[attr]
	v, ok := constEval(b.expr, u.constLookup(info.mi, app))
	if !ok || namesIn(b.expr) {
		ci.err = "use of " + name + " (the value of a class attribute is not a constant)"
		return ci
	}
	u.stateConstant(info.mi, name, key, b, app, v, true, ci) // state.go
	if u.classAttrUses(info.mi, c.Name, info).stored[attr] {
		ci.typ = nil // rebound: no static type
	}
	return ci
}

// attrClass is the class whose attribute x reads (through the class, cls = type(inst), or
// an instance of it: inst true), with its analysis; ok false when x.Value is none of those.
func (f *fn) attrClass(x *ast.Attribute) (c *ir.Class, info *classInfo, inst, ok bool) {
	n, isName := x.Value.(*ast.Name)
	if !isName {
		return nil, nil, false, false
	}
	if _, comp := f.compVars[n.Id]; comp {
		return nil, nil, false, false
	}
	if l := f.locals[n.Id]; l != nil {
		t := f.types[n.Id]
		if c = classOfObj(t); c == nil {
			if c = f.instClass(n); c == nil {
				return nil, nil, false, false
			}
			inst = true
		}
		if !f.assigned[n.Id] {
			return nil, nil, false, false // reading the name checks it is bound
		}
	} else {
		g, found := f.lookupGlobal(n)
		if !found || g.kind != gOtherClass {
			return nil, nil, false, false
		}
		c = &ir.Class{Name: g.name, Module: g.module, QualName: g.name}
	}
	info, _ = f.u.plainClass(c)
	if info == nil || info.attrs[x.Attr] == nil {
		return nil, nil, false, false
	}
	return c, info, inst, true
}

// classAttrGlobal resolves x to the state of a class attribute: Class.attr, cls.attr, and
// inst.attr when no instance may shadow it (lookupGlobal calls it first).
func (f *fn) classAttrGlobal(x *ast.Attribute) (global, bool) {
	c, info, inst, ok := f.attrClass(x)
	if !ok || inst && f.u.classAttrUses(info.mi, c.Name, info).shadow[x.Attr] {
		return global{}, false
	}
	ci := f.u.classAttrConst(c, info, x.Attr, f.app)
	if ci.err != "" {
		return global{why: ci.err}, true
	}
	return global{kind: gState, module: c.Module, name: ci.goName, typ: ci.typ}, true
}

// instClassAttrRead compiles inst.attr for a class attribute attr (instAttribute): the
// state, or, when an instance may shadow it, the instance's attribute if it has one.
func (f *fn) instClassAttrRead(x *ast.Attribute, n *ast.Name, c *ir.Class, info *classInfo) val {
	if g, ok := f.classAttrGlobal(x); ok {
		return f.globalValue(g, x)
	}
	ci := f.u.classAttrConst(c, info, x.Attr, f.app)
	if ci.err != "" {
		f.refuse(x, "%s", ci.err)
	}
	f.useState()
	base := f.name(n)
	return val{code: q("InstGetAttrOr").Call(base.code, jen.Lit(x.Attr), jen.Id(ci.goName)), typ: nil}
}

// instAttrCur is the current value of inst.attr for an augmented assignment: the
// instance's attribute, or the class attribute it falls back to.
func (f *fn) instAttrCur(base val, x *ast.Attribute, c *ir.Class, info *classInfo) val {
	if info.attrs[x.Attr] == nil {
		return f.callVal(q("InstGetAttr").Call(base.code, jen.Lit(x.Attr)), kindValue, nil)
	}
	ci := f.u.classAttrConst(c, info, x.Attr, f.app)
	if ci.err != "" {
		f.refuse(x, "%s", ci.err)
	}
	f.useState()
	return f.hoist(val{code: q("InstGetAttrOr").Call(base.code, jen.Lit(x.Attr), jen.Id(ci.goName))})
}

// classAttrStore compiles Class.attr = v and cls.attr = v: the state is rebound (ok false:
// x is not such a target).
func (f *fn) classAttrStore(x *ast.Attribute, v val) bool {
	_, _, inst, ok := f.attrClass(x)
	if !ok || inst {
		return false
	}
	g, _ := f.classAttrGlobal(x)
	if g.kind != gState {
		f.refuse(x, "%s", g.why)
	}
	f.useState()
	f.emit(jen.Id(g.name).Op("=").Add(v.code))
	return true
}

// classAttrAug compiles Class.attr op= v and cls.attr op= v: the state is read, v
// evaluated, the operator applied (in place for += and *= of a list, as Python) and the
// result stored back into the state.
func (f *fn) classAttrAug(s *ast.AugAssign, x *ast.Attribute) bool {
	_, _, inst, ok := f.attrClass(x)
	if !ok || inst {
		return false
	}
	op, known := binOps[s.Op]
	if !known {
		f.refuse(s, "%s operator", opSymbol(s.Op))
	}
	g, _ := f.classAttrGlobal(x)
	if g.kind != gState {
		f.refuse(x, "%s", g.why)
	}
	cur := f.hoist(f.globalValue(g, x))
	fname := op.name
	if s.Op == ast.Add || s.Op == ast.Mult {
		fname = "I" + op.name
	}
	rhs := f.seq([]ast.Expr{s.Value}, f.value)[0]
	r := f.callVal(q(fname).Call(cur.code, rhs.code), kindValue, nil)
	f.emit(jen.Id(g.name).Op("=").Add(r.code))
	return true
}

// typeOfInst compiles type(inst) of an instance of a plain class whose attributes are
// class attributes: the class object, used only as the base of its attributes.
func (f *fn) typeOfInst(c *ast.Call) (val, bool) {
	fn, ok := c.Func.(*ast.Name)
	if !ok || fn.Id != "type" || f.locals["type"] != nil || len(c.Args) != 1 || len(c.Keywords) != 0 {
		return val{}, false
	}
	if _, shadow := f.mi.binds["type"]; shadow {
		return val{}, false
	}
	n, ok := c.Args[0].(*ast.Name)
	if !ok {
		return val{}, false
	}
	cls := f.instClass(n)
	if cls == nil {
		return val{}, false
	}
	info, why := f.u.plainClass(cls)
	if info == nil {
		f.refuse(c, "type() of an instance of %s", why)
	}
	if len(info.attrOrder) == 0 || !f.assigned[n.Id] {
		return val{}, false
	}
	return val{code: q("None"), atomic: true, typ: classObjType(cls)}, true
}

// checkClassObjUse refuses a name holding a class object (type(inst)) used other than as
// the base of its class attributes, which never read the name.
func (f *fn) checkClassObjUse(n *ast.Name, t *ir.Type) {
	if c := classOfObj(t); c != nil {
		f.refuse(n, "use of %s (the class %s) other than reading or assigning its class attributes", n.Id, c.Name)
	}
}
