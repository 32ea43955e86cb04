package translate

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// Instances of plain app classes (a class used as a dependency, the class of a callable
// instance): a pyval.Instance whose static type is ClassType(class). A name of that type
// is used only as the base of an attribute: read (an instance attribute, AttributeError
// when missing, or a property's getter), assigned (an instance the function owns), or a
// method called; the getters and methods are translated as helpers taking self.

// ClassType is the static type of an instance of the app class c.
func ClassType(c *ir.Class) *ir.Type {
	return &ir.Type{Kind: ir.KindClass, Name: c.Module + "." + c.QualName, Class: c}
}

// classInfo is what a plain class defines: its methods and properties by name.
type classInfo struct {
	def     *ast.ClassDef
	mi      *modInfo
	init    *funcDef
	call    *funcDef
	methods map[string]*funcDef
	props   map[string]*funcDef
	// attrs are the class attributes (classattr.go), attrOrder their names in order.
	attrs     map[string]*binding
	attrOrder []string
}

// plainClass analyses the app class c: a module-level class without bases, decorators or
// metaclass whose body holds only a docstring, pass, __init__, __call__, undecorated
// methods and @property getters. why says what else it holds.
func (u *Unit) plainClass(c *ir.Class) (info *classInfo, why string) {
	if c == nil {
		return nil, "unknown class"
	}
	if c.QualName != c.Name {
		return nil, "class " + c.QualName + " (not defined at module level)"
	}
	mi := u.module(c.Module)
	b := mi.binds[c.Name]
	if b == nil || b.kind != bClass || b.class == nil {
		return nil, "class " + c.Name + " (its definition is not a single module-level class statement)"
	}
	cd := b.class
	if len(cd.Keywords) > 0 || len(cd.DecoratorList) > 0 || len(cd.TypeParams) > 0 {
		return nil, "class " + c.Name + " (decorated, generic or with a metaclass)"
	}
	for _, base := range cd.Bases {
		if n, ok := base.(*ast.Name); !ok || n.Id != "object" {
			return nil, "class " + c.Name + " (it has base classes)"
		}
	}
	info = &classInfo{def: cd, mi: mi, methods: map[string]*funcDef{}, props: map[string]*funcDef{}, attrs: map[string]*binding{}}
	for i, st := range cd.Body {
		if _, ok := st.(*ast.Pass); ok {
			continue
		}
		if e, ok := st.(*ast.ExprStmt); ok && i == 0 {
			if k, isConst := e.Value.(*ast.Constant); isConst {
				if _, isStr := k.Value.(ast.Str); isStr {
					continue
				}
			}
		}
		if a, why := classAttrStmt(st); a != nil || why != "" { // classattr.go
			if why != "" {
				return nil, "class " + c.Name + " (" + why + ")"
			}
			if info.attrs[a.name] != nil {
				return nil, "class " + c.Name + " (assigns " + a.name + " twice)"
			}
			info.attrs[a.name] = a.b
			info.attrOrder = append(info.attrOrder, a.name)
			continue
		}
		d := asDef(st)
		if d == nil {
			return nil, "class " + c.Name + " (a statement other than a method in its body)"
		}
		if info.attrs[d.name] != nil || info.methods[d.name] != nil || info.props[d.name] != nil || d.name == "__init__" && info.init != nil || d.name == "__call__" && info.call != nil {
			return nil, "class " + c.Name + " (defines " + d.name + " twice)"
		}
		dunder := strings.HasPrefix(d.name, "__") && strings.HasSuffix(d.name, "__")
		switch {
		case dunder && len(d.decos) == 0 && d.name == "__init__":
			info.init = d
		case dunder && len(d.decos) == 0 && d.name == "__call__":
			info.call = d
		case dunder:
			return nil, "class " + c.Name + " (defines " + d.name + ")"
		case len(d.decos) == 0:
			info.methods[d.name] = d
		case len(d.decos) == 1 && isName(d.decos[0], "property") && !d.isAsync && len(params(d)) == 1 &&
			len(d.args.Posonlyargs)+len(d.args.Args) == 1:
			info.props[d.name] = d
		default:
			return nil, "class " + c.Name + " (method " + d.name + " has decorators other than @property)"
		}
	}
	for _, a := range info.attrOrder {
		if info.methods[a] != nil || info.props[a] != nil || a == "__init__" || a == "__call__" {
			return nil, "class " + c.Name + " (" + a + " is both an attribute and a method)"
		}
	}
	return info, ""
}

func isName(e ast.Expr, id string) bool {
	n, ok := e.(*ast.Name)
	return ok && n.Id == id
}

// instClass is the plain class of an instance held by the local n (nil: not one).
func (f *fn) instClass(n *ast.Name) *ir.Class {
	if _, ok := f.compVars[n.Id]; ok {
		return nil
	}
	if f.locals[n.Id] == nil {
		return nil
	}
	t := f.types[n.Id]
	if t == nil || t.Kind != ir.KindClass || t.Class == nil {
		return nil
	}
	return t.Class
}

// instOf returns the instance base of at and its class analysis (ok false: at's base is
// not an instance of a plain class).
func (f *fn) instOf(at *ast.Attribute) (*ast.Name, *ir.Class, *classInfo, bool) {
	n, ok := at.Value.(*ast.Name)
	if !ok {
		return nil, nil, nil, false
	}
	c := f.instClass(n)
	if c == nil {
		return nil, nil, nil, false
	}
	info, why := f.u.plainClass(c)
	if info == nil {
		f.refuse(at, "attribute %s of an instance of %s", at.Attr, why)
	}
	if strings.HasPrefix(at.Attr, "__") && strings.HasSuffix(at.Attr, "__") {
		f.refuse(at, "attribute %s of an instance of %s", at.Attr, c.Name)
	}
	return n, c, info, true
}

// checkInstUse refuses a name holding an instance of an app class used other than as the
// base of an attribute.
func (f *fn) checkInstUse(n *ast.Name, t *ir.Type) {
	if t == nil || t.Kind != ir.KindClass || t.Class == nil {
		return
	}
	ok := false
	walkStmts(f.def.body, func(st ast.Stmt) {
		for _, e := range stmtExprs(st) {
			walkExpr(e, func(x ast.Expr) {
				if at, isAttr := x.(*ast.Attribute); isAttr && at.Value == ast.Expr(n) {
					ok = true
				}
			})
			ok = ok || f.instArgOf(n, e) // instargs.go
		}
		if a, isAssign := st.(*ast.Assign); isAssign {
			for _, tgt := range a.Targets {
				if at, isAttr := tgt.(*ast.Attribute); isAttr && at.Value == ast.Expr(n) {
					ok = true
				}
			}
		}
	})
	if !ok {
		f.refuse(n, "use of %s (an instance of %s) other than reading or assigning its attributes", n.Id, t.Class.Name)
	}
}

// instAttribute compiles a read of an attribute of an instance of a plain class.
func (f *fn) instAttribute(x *ast.Attribute) (val, bool) {
	n, c, info, ok := f.instOf(x)
	if !ok {
		return val{}, false
	}
	if info.attrs[x.Attr] != nil {
		return f.instClassAttrRead(x, n, c, info), true // classattr_use.go
	}
	if d := info.props[x.Attr]; d != nil {
		call := &ast.Call{Func: x, Args: []ast.Expr{n}, Span: x.Span}
		return f.helperCall(f.methodGlobal(c, info, d), call, false), true
	}
	if info.methods[x.Attr] != nil || x.Attr == "__init__" || x.Attr == "__call__" {
		f.refuse(x, "method %s of %s used other than called", x.Attr, c.Name)
	}
	base := f.name(n)
	return f.callVal(q("InstGetAttr").Call(base.code, jen.Lit(x.Attr)), kindValue, f.u.instAttrType(c, info, x.Attr, f.app)), true // litspec.go
}

// instMethodCall compiles inst.method(args) through the method's helper.
func (f *fn) instMethodCall(c *ast.Call, await bool) (val, bool) {
	at, ok := c.Func.(*ast.Attribute)
	if !ok {
		return val{}, false
	}
	n, cls, info, ok := f.instOf(at)
	if !ok {
		return val{}, false
	}
	d := info.methods[at.Attr]
	if d == nil {
		f.refuse(c, "call of %s.%s (not a method of %s)", n.Id, at.Attr, cls.Name)
	}
	if nPos := len(d.args.Posonlyargs) + len(d.args.Args); nPos == 0 || d.args.Vararg != nil {
		f.refuse(c, "call of %s.%s (no self parameter)", n.Id, at.Attr)
	}
	call := &ast.Call{Func: at, Args: append([]ast.Expr{n}, c.Args...), Keywords: c.Keywords, Span: c.Span}
	return f.helperCall(f.methodGlobal(cls, info, d), call, await), true
}

// methodGlobal names a method or property getter of a plain class as a helper whose first
// parameter holds an instance of the class.
func (f *fn) methodGlobal(c *ir.Class, info *classInfo, d *funcDef) global {
	m := *d
	m.name = c.Name + "." + d.name
	m.decos = nil // @property: called as the getter
	return global{kind: gFunc, module: c.Module, name: m.name, def: &m, mi: info.mi, self: ClassType(c)}
}

// instStore compiles inst.attr = v for an instance the function owns.
func (f *fn) instStore(x *ast.Attribute, v val) bool {
	if f.classAttrStore(x, v) { // classattr_use.go
		return true
	}
	n, c, info, ok := f.instOf(x)
	if !ok {
		return false
	}
	if info.props[x.Attr] != nil || info.methods[x.Attr] != nil {
		f.refuse(x, "assignment to %s.%s (a method or property of %s)", n.Id, x.Attr, c.Name)
	}
	l := f.locals[n.Id]
	if (!f.endpoint || !l.isParam || f.vars[n.Id].Shared) && !f.builtHere(n.Id) { // builtHere: instnew.go
		f.refuse(x, "assignment to attribute %s of %s (an instance the function does not own)", x.Attr, n.Id)
	}
	if !v.atomic {
		v = f.hoist(v)
	}
	base := f.name(n)
	f.errOnly(q("InstSetAttr").Call(base.code, jen.Lit(x.Attr), v.code))
	return true
}
