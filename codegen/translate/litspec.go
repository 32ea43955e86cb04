package translate

// Literal values through instances and helpers: the two steps that let
// getattr(row, order_by) (getattr.go) know order_by statically when it comes from a
// class dependency's Literal parameter through an app function's `str` parameter.
//
// An attribute of an instance of a plain class has the type of the Literal annotation of
// the __init__ parameter stored into it (self.order_by = order_by) when that statement is
// the app's only store of an attribute of that name and the app never constructs the
// class itself: its instances are then built by FastAPI (a class dependency), which
// validated the parameter (a str Literal's value is one of its members).
//
// An app function called with a value of a Literal type of str members for a parameter
// annotated str (or not annotated) is translated for that call with the parameter typed
// by the Literal (a specialization: one Go func per distinct set of such argument types).

import (
	"sort"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// instAttrType is the static type of inst.attr for an instance of the plain class c (nil:
// unknown).
func (u *Unit) instAttrType(c *ir.Class, info *classInfo, attr string, app *ir.App) *ir.Type {
	key := c.Module + "." + c.Name + "." + attr
	if t, ok := u.attrTypes[key]; ok {
		return t
	}
	t := u.instAttrTypeOnce(c, info, attr)
	if u.attrTypes == nil {
		u.attrTypes = map[string]*ir.Type{}
	}
	u.attrTypes[key] = t
	return t
}

// instAttrTypeOnce computes instAttrType.
func (u *Unit) instAttrTypeOnce(c *ir.Class, info *classInfo, attr string) *ir.Type {
	if info.init == nil || u.prog == nil {
		return nil
	}
	var param *ast.Arg
	ps := params(info.init)
	if len(ps) == 0 {
		return nil
	}
	self := ps[0].Arg
	for _, st := range info.init.body {
		a, ok := st.(*ast.Assign)
		if !ok || len(a.Targets) != 1 {
			continue
		}
		at, ok := a.Targets[0].(*ast.Attribute)
		if !ok || at.Attr != attr || !isName(at.Value, self) {
			continue
		}
		n, ok := a.Value.(*ast.Name)
		if !ok || param != nil {
			return nil
		}
		for _, p := range ps[1:] {
			if p.Arg == n.Id {
				param = p
			}
		}
	}
	if param == nil || param.Annotation == nil || rebinds(info.init.body, param.Arg) {
		return nil
	}
	t := u.literalAnnotation(info.mi, param.Annotation)
	if t == nil {
		return nil
	}
	stores, named := 0, false
	for _, mname := range u.prog.Order {
		m := u.module(mname)
		if m.mod == nil || m.mod.File == nil || m.mod.File.Module == nil {
			continue
		}
		names := classNamesIn(m, c.Module, c.Name)
		eachNode(m.mod.File.Module, func(x any) bool {
			switch y := x.(type) {
			case *ast.Attribute:
				if y.Attr == attr && (y.Ctx == ast.Store || y.Ctx == ast.Del) {
					stores++
				}
			case *ast.Arg:
				return false // a parameter's annotation: a class dependency, built by FastAPI
			case *ast.Name:
				if names[y.Id] && y.Ctx == ast.Load {
					named = true
				}
			case *ast.ClassDef:
				if y == info.def {
					for _, b := range y.Body {
						eachNode(b, func(z any) bool {
							if at, ok := z.(*ast.Attribute); ok && at.Attr == attr && (at.Ctx == ast.Store || at.Ctx == ast.Del) {
								stores++
							}
							return true
						})
					}
					return false
				}
			}
			return true
		})
	}
	if stores != 1 || named {
		return nil
	}
	return t
}

// rebinds reports whether a body binds name.
func rebinds(body []ast.Stmt, name string) bool {
	found := false
	walkStmts(body, func(st ast.Stmt) {
		for _, n := range StmtBoundNames(st) {
			found = found || n == name
		}
	})
	return found
}

// literalAnnotation is the type of an annotation Literal["a", "b", ...] of str members
// (typing's Literal, unshadowed; nil otherwise).
func (u *Unit) literalAnnotation(mi *modInfo, e ast.Expr) *ir.Type {
	sub, ok := e.(*ast.Subscript)
	if !ok {
		return nil
	}
	n, ok := sub.Value.(*ast.Name)
	if !ok || !u.typingName(mi, n.Id, "Literal", "") {
		return nil
	}
	elts := []ast.Expr{sub.Slice}
	if tu, ok := sub.Slice.(*ast.Tuple); ok {
		elts = tu.Elts
	}
	t := &ir.Type{Kind: ir.KindLiteral}
	for _, el := range elts {
		s, ok := constStr(el)
		if !ok {
			return nil
		}
		t.Values = append(t.Values, ir.Str(s))
	}
	if len(t.Values) == 0 {
		return nil
	}
	return t
}

// literalArgType is the static type of a call argument when it is a Literal of str
// members, computed without compiling it (nil: another or unknown type).
func (f *fn) literalArgType(e ast.Expr) *ir.Type {
	var t *ir.Type
	switch x := e.(type) {
	case *ast.Constant:
		if s, ok := constStr(x); ok {
			t = &ir.Type{Kind: ir.KindLiteral, Values: []ir.Value{ir.Str(s)}}
		}
	case *ast.Name:
		if g, comp := f.compVars[x.Id]; comp {
			t = f.compTypes[g]
		} else if f.locals[x.Id] != nil && f.assigned[x.Id] {
			t = f.types[x.Id]
		}
	case *ast.Attribute:
		n, ok := x.Value.(*ast.Name)
		if !ok || f.locals[n.Id] == nil || !f.assigned[n.Id] {
			return nil
		}
		c := f.instClass(n)
		if c == nil {
			return nil
		}
		info, _ := f.u.plainClass(c)
		if info == nil || info.props[x.Attr] != nil || info.methods[x.Attr] != nil || info.attrs[x.Attr] != nil {
			return nil
		}
		t = f.u.instAttrType(c, info, x.Attr, f.app)
	}
	if _, ok := f.staticStrs(nil, t); !ok {
		return nil
	}
	return t
}

// specialize returns g, or, when the call c passes Literal values of str members to
// parameters annotated str or not annotated, g renamed for that specialization, whose
// helperParamTypes give those parameters the Literal types.
func (f *fn) specialize(g global, c *ast.Call) global {
	if g.kind != gFunc || g.def == nil || g.ctor != nil {
		return g
	}
	ps := params(g.def)
	spec := make([]*ir.Type, len(ps))
	var parts []string
	set := func(i int, e ast.Expr) {
		if i < 0 || i >= len(ps) || g.self != nil && i == 0 {
			return
		}
		if a := ps[i].Annotation; a != nil && !(isName(a, "str") && f.u.module(g.module).binds["str"] == nil) {
			return
		}
		if !namesGetattr(g.def.body, ps[i].Arg) {
			return // only a getattr name needs the Literal
		}
		if t := f.literalArgType(e); t != nil {
			spec[i] = t
			parts = append(parts, ps[i].Arg+"="+t.String())
		}
	}
	nPosOnly := 0
	if g.def.args != nil {
		nPosOnly = len(g.def.args.Posonlyargs)
	}
	for i, a := range c.Args {
		if _, star := a.(*ast.Starred); !star {
			set(i, a)
		}
	}
	for _, k := range c.Keywords {
		if k == nil || k.Arg == nil {
			continue
		}
		for i, p := range ps {
			if p.Arg == *k.Arg && i >= nPosOnly {
				set(i, k.Value)
			}
		}
	}
	if len(parts) == 0 {
		return g
	}
	sort.Strings(parts)
	key := g.module + "." + g.def.name + "{" + strings.Join(parts, ",") + "}"
	if f.u.specs == nil {
		f.u.specs = map[string]string{}
		f.u.specTypes = map[string][]*ir.Type{}
	}
	name, ok := f.u.specs[key]
	if !ok {
		name = g.def.name + "#" + itoa(len(f.u.specs)+1)
		f.u.specs[key] = name
		f.u.specTypes[g.module+"."+name] = spec
	}
	d := *g.def
	d.name = name
	g.def = &d
	g.name = name
	return g
}

// specTypes overrides out (helperParamTypes of g) with g's specialization's types.
func (u *Unit) specParamTypes(g global, out []*ir.Type) {
	for i, t := range u.specTypes[g.module+"."+g.def.name] {
		if t != nil && i < len(out) {
			out[i] = t
		}
	}
}

// namesGetattr reports whether a body uses the name as the attribute name of a getattr
// call, or passes it to a call (which may use it so).
func namesGetattr(body []ast.Stmt, name string) bool {
	found := false
	walkStmts(body, func(st ast.Stmt) {
		for _, e := range stmtExprs(st) {
			walkExpr(e, func(x ast.Expr) {
				c, ok := x.(*ast.Call)
				if !ok {
					return
				}
				args := append([]ast.Expr(nil), c.Args...)
				for _, k := range c.Keywords {
					if k != nil {
						args = append(args, k.Value)
					}
				}
				if fn, ok := c.Func.(*ast.Name); ok && fn.Id == "getattr" && len(c.Args) > 1 {
					args = []ast.Expr{c.Args[1]}
				} else if ok && fn.Id != "getattr" && builtinFuncs[fn.Id] {
					return // other builtins take no attribute names
				}
				for _, a := range args {
					found = found || isName(a, name)
				}
			})
		}
	})
	return found
}
