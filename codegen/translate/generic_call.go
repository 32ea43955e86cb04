package translate

// Construction of a parametrized generic model: Page[int](items=..., total=...).
//
// pydantic caches a generic model's parametrizations, so Page[int] in a body is the very
// class Page[int] of an annotation, which the lifter made a model of its own (named as
// pydantic names it, "Page[int]", the type variables substituted in its fields). The
// translation constructs that model as any other. Only type arguments written as a
// builtin scalar type (int, str, float, bool) or a model class of the app by its own
// name are matched; anything else (an alias, Optional[...], List[...]) refuses.

import (
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// genericScalars are the builtin types a type argument may name.
var genericScalars = map[string]bool{"int": true, "str": true, "float": true, "bool": true}

// genericModelCall compiles Origin[Args](...) (ok false: the callee is not a subscripted
// generic model of the app).
func (f *fn) genericModelCall(c *ast.Call, await bool) (val, bool) {
	sub, ok := c.Func.(*ast.Subscript)
	if !ok || await {
		return val{}, false
	}
	origin := f.genericModelNamed(sub.Value)
	if origin == nil {
		return val{}, false
	}
	elts := []ast.Expr{sub.Slice}
	if t, ok := sub.Slice.(*ast.Tuple); ok {
		elts = t.Elts
	}
	var names []string
	for _, e := range elts {
		name, ok := f.typeArgName(e)
		if !ok {
			f.refuse(e, "construction of %s[...] with this type argument (only int, str, float, bool or a model class by its name)", origin.Name)
		}
		names = append(names, name)
	}
	name := origin.Name + "[" + strings.Join(names, ", ") + "]"
	for _, m := range f.app.Models {
		if m.GenericOrigin != nil && sameModel(m.GenericOrigin, origin) && m.Name == name {
			return f.modelCall(m, c, false), true
		}
	}
	f.refuse(c, "construction of %s (a parametrization the lifter did not see)", name)
	return val{}, false
}

// genericModelNamed is the generic model (with type parameters) e names, or nil.
func (f *fn) genericModelNamed(e ast.Expr) *ir.Model {
	n, ok := e.(*ast.Name)
	if !ok || f.shadowed(n.Id) || f.app == nil {
		return nil
	}
	g, ok := f.lookupGlobal(n)
	if !ok || g.kind != gModel || g.model == nil || len(g.model.TypeParams) == 0 || g.model.GenericOrigin != nil {
		return nil
	}
	return g.model
}

// typeArgName is the name pydantic shows for the type argument e: a builtin scalar type or
// a (non-generic) model class of the app named by its own name.
func (f *fn) typeArgName(e ast.Expr) (string, bool) {
	n, ok := e.(*ast.Name)
	if !ok || f.shadowed(n.Id) {
		return "", false
	}
	if genericScalars[n.Id] {
		return n.Id, f.mi.binds[n.Id] == nil
	}
	g, ok := f.lookupGlobal(n)
	if !ok || g.kind != gModel || g.model == nil || g.model.Name != n.Id || len(g.model.TypeParams) > 0 || g.model.GenericOrigin != nil {
		return "", false
	}
	return n.Id, true
}

// shadowed reports whether name is a local or comprehension variable of the function.
func (f *fn) shadowed(name string) bool {
	if _, comp := f.compVars[name]; comp {
		return true
	}
	return f.locals[name] != nil
}

// sameModel reports whether a and b are the same model class.
func sameModel(a, b *ir.Model) bool {
	return a == b || a.Module == b.Module && a.QualName == b.QualName && a.Name == b.Name
}
