package translate

// Instances of plain app classes passed to app functions (get_or_404(k, repo)): a
// parameter annotated with the class (C, Annotated[C, ...], or a module-level alias
// X = Annotated[C, ...]) holds an instance of it in the translated helper, and every call
// must pass a value statically an instance of exactly that class — the name of a local
// holding one, given as a positional or keyword argument. An instance passed to any other
// parameter, or to anything but an app function, is refused (its repr, identity and
// attributes would be reached by code that does not know its type).

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// instParamType is the instance type a parameter annotation names (nil: not a plain
// app class).
func (u *Unit) instParamType(mi *modInfo, e ast.Expr, depth int) *ir.Type {
	if depth > 5 {
		return nil
	}
	switch x := e.(type) {
	case *ast.Name:
		b := mi.binds[x.Id]
		if b == nil {
			return nil
		}
		if b.kind == bAssign {
			if sub, ok := b.expr.(*ast.Subscript); ok && isAnnotated(sub.Value) {
				return u.instParamType(mi, sub, depth+1) // X = Annotated[C, ...]
			}
			return nil
		}
		module, qual, ok := classNamed(mi, x.Id)
		if !ok {
			return nil
		}
		c := &ir.Class{Name: qual, Module: module, QualName: qual}
		if info, _ := u.plainClass(c); info == nil {
			return nil
		}
		return ClassType(c)
	case *ast.Subscript:
		if !isAnnotated(x.Value) {
			return nil
		}
		if tu, ok := x.Slice.(*ast.Tuple); ok && len(tu.Elts) > 0 {
			return u.instParamType(mi, tu.Elts[0], depth+1)
		}
	}
	return nil
}

// instArgOf reports whether the name n is an argument of a call of an app function in e
// (checkInstUse accepts that use; the call checks the parameter's type).
func (f *fn) instArgOf(n *ast.Name, e ast.Expr) bool {
	found := false
	walkExpr(e, func(x ast.Expr) {
		c, ok := x.(*ast.Call)
		if !ok {
			return
		}
		isArg := false
		for _, a := range c.Args {
			isArg = isArg || a == ast.Expr(n)
		}
		for _, k := range c.Keywords {
			isArg = isArg || k != nil && k.Arg != nil && k.Value == ast.Expr(n)
		}
		if !isArg {
			return
		}
		if g, ok := f.lookupGlobal(c.Func); ok && g.kind == gFunc && g.self == nil {
			found = true
		}
	})
	return found
}

// checkInstArgs refuses a call of g passing an instance of a plain class to a parameter
// not annotated with that very class (pt: helperParamTypes).
func (f *fn) checkInstArgs(g global, c *ast.Call, vs []val, slot []int, pt []*ir.Type) {
	for i, v := range vs {
		s := slot[i]
		if g.self != nil && s == 0 {
			continue // a method's self
		}
		if v.typ != nil && v.typ.Kind == ir.KindClass && v.typ.Class != nil && !sameType(v.typ, pt[s]) {
			f.refuse(c, "call of %s (an instance of %s passed to %s, not annotated with that class)", g.name, v.typ.Class.Name, params(g.def)[s].Arg)
		}
	}
}
