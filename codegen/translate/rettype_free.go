package translate

// Results made of dicts, lists and scalars only.
//
// A response model pydantic validates in smart union mode treats a model instance
// differently from its dump (an instance of a member's class is taken as it is), so the
// code generator validates a union response model natively only when the endpoint's
// result cannot hold a model instance (codegen/respond_union.go). That is known here,
// syntactically: every return statement's value is a constant, an f-string, a name whose
// static type is str, int, float, bool or None, or a list display or a dict display with
// str keys of those (an implicit return gives None). Tuples and other keys are left out:
// pyval.ValidationInput writes them as JSON arrays and str keys, which pydantic's python
// mode validates with another exactness than the tuple or key itself.

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// noteReturnFree records a return whose value may hold a model instance.
func (f *fn) noteReturnFree(e ast.Expr) {
	if !f.modelFreeExpr(e) {
		f.retHolds = true
	}
}

// modelFreeExpr reports whether the value of e is made of displays, constants and scalars.
func (f *fn) modelFreeExpr(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Constant:
		switch x.Value.(type) {
		case ast.NoneValue, ast.Bool, *ast.Int, ast.Float, ast.Str:
			return true
		}
		return false // bytes are written as str (another exactness)
	case *ast.JoinedStr:
		return true
	case *ast.Name:
		if g, comp := f.compVars[x.Id]; comp {
			return scalarType(f.compTypes[g])
		}
		return f.locals[x.Id] != nil && scalarType(f.types[x.Id])
	case *ast.Dict:
		for i, k := range x.Keys {
			if k == nil || !f.strExpr(k) || !f.modelFreeExpr(x.Values[i]) {
				return false
			}
		}
		return true
	case *ast.List:
		return f.modelFreeAll(x.Elts)
	}
	return false
}

func (f *fn) modelFreeAll(es []ast.Expr) bool {
	for _, e := range es {
		if _, star := e.(*ast.Starred); star || !f.modelFreeExpr(e) {
			return false
		}
	}
	return true
}

// strExpr reports whether e is a str constant or a name of static type str.
func (f *fn) strExpr(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Constant:
		_, isStr := x.Value.(ast.Str)
		return isStr
	case *ast.JoinedStr:
		return true
	case *ast.Name:
		return f.locals[x.Id] != nil && f.types[x.Id] != nil && f.types[x.Id].Kind == ir.KindStr
	}
	return false
}

// scalarType reports whether t is str, int, float, bool, None or a Literal of those.
func scalarType(t *ir.Type) bool {
	if t == nil {
		return false
	}
	switch t.Kind {
	case ir.KindStr, ir.KindInt, ir.KindFloat, ir.KindBool, ir.KindNone:
		return true
	case ir.KindLiteral:
		return plainLiteral(t)
	}
	return false
}

// noteModelFree records whether the def translated as key returns values holding no model.
func (u *Unit) noteModelFree(key string, free bool) {
	if u.modelFree == nil {
		u.modelFree = map[string]bool{}
	}
	u.modelFree[key] = free
}

// ResultModelFree reports whether the def translated as defKey (DefKey) returns, on every
// path, values made of dicts, lists, tuples, str, int, float, bool and None only: no model
// instance can be in its result.
func (u *Unit) ResultModelFree(defKey string) bool { return u.modelFree[defKey] }
