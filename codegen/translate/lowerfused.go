package translate

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	jen "github.com/dave/jennifer/jen"
)

// lowerFused compiles `a in s.lower()`, `a not in s.lower()`, `s.lower() == b`,
// `b == s.lower()` (and their != forms) to pyval.InLower / pyval.LowerEq, which neither box
// nor (for ASCII) build the lowered string; for operands other than two strs they call
// str.lower() and compare as the unfused code does. Only receivers on which `.lower()`
// compiles to the generic method call qualify: a subscript, or a local name of static type
// str. The other operand of `s.lower() == b` is evaluated after s.lower() in Python, so it
// must be a name or a constant (evaluating it cannot fail or have effects).
func (f *fn) lowerFused(x *ast.Compare) (val, bool) {
	if len(x.Ops) != 1 || len(x.Comparators) != 1 {
		return val{}, false
	}
	op, right := x.Ops[0], x.Comparators[0]
	switch op {
	case ast.In, ast.NotIn:
		recv, ok := f.lowerRecv(right)
		if !ok {
			return val{}, false
		}
		vs := f.seq([]ast.Expr{x.Left, recv}, f.value)
		return f.negateIf(op == ast.NotIn, f.callVal(q("InLower").Call(vs[0].code, vs[1].code), kindBool, boolType)), true
	case ast.Eq, ast.NotEq:
		if recv, ok := f.lowerRecv(x.Left); ok && plainOperand(right) {
			vs := f.seq([]ast.Expr{recv, right}, f.value)
			return f.negateIf(op == ast.NotEq, f.callVal(q("LowerEq").Call(vs[0].code, vs[1].code), kindBool, boolType)), true
		}
		if recv, ok := f.lowerRecv(right); ok {
			vs := f.seq([]ast.Expr{x.Left, recv}, f.value)
			return f.negateIf(op == ast.NotEq, f.callVal(q("LowerEq").Call(vs[1].code, vs[0].code), kindBool, boolType)), true
		}
	}
	return val{}, false
}

// lowerRecv is s of an expression `s.lower()` whose call compiles to the generic method call.
func (f *fn) lowerRecv(e ast.Expr) (ast.Expr, bool) {
	c, ok := e.(*ast.Call)
	if !ok || len(c.Args) > 0 || len(c.Keywords) > 0 {
		return nil, false
	}
	at, ok := c.Func.(*ast.Attribute)
	if !ok || at.Attr != "lower" {
		return nil, false
	}
	switch r := at.Value.(type) {
	case *ast.Subscript:
		return r, true
	case *ast.Name:
		if t := f.staticType(r); t != nil && t.Kind == ir.KindStr {
			return r, true
		}
	}
	return nil, false
}

// plainOperand reports a name or a constant.
func plainOperand(e ast.Expr) bool {
	switch e.(type) {
	case *ast.Name, *ast.Constant:
		return true
	}
	return false
}

// negateIf is `not r` when neg holds.
func (f *fn) negateIf(neg bool, r val) val {
	r.typ = boolType
	if !neg {
		return r
	}
	return val{code: jen.Op("!").Add(r.code), kind: kindBool, atomic: true, tmp: r.tmp, typ: boolType}
}
