package translate

// Sets in translated bodies (runtime/pyval set_ops.go).
//
// A set's iteration order is CPython's hash-table order: seeded for str items (any
// order is one CPython may produce) but deterministic for ints, and pyval keeps a set's
// items in first-insertion order. So a set a body builds — set(iterable),
// frozenset(iterable), a set display, a set comprehension — and a value of a set type
// (a model field or a parameter, validated in CPython's order) is used only where its
// order cannot show: as the argument of sorted() or len(), as the right operand of in /
// not in, or as an operand of | & - ^ in such a position. A one-item set display may
// also be an item of a returned display (one item, one order). Anything else
// (iteration, set methods, returning a set) is refused.

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

func init() {
	builtinFuncs["set"] = true
	builtinFuncs["frozenset"] = true
}

// setType is the static type of a set built by a body.
var setType = &ir.Type{Kind: ir.KindSet, Name: "set"}

func isSetType(t *ir.Type) bool {
	return t != nil && (t.Kind == ir.KindSet || t.Kind == ir.KindFrozenSet)
}

// setPositions are, per function, the expressions in a position where a set's order
// cannot show (sorted() / len() argument, right operand of in), and the one-item set
// displays inside a returned display.
func (f *fn) setPositions() map[ast.Expr]bool {
	if f.setPos != nil {
		return f.setPos
	}
	m := map[ast.Expr]bool{}
	var mark func(e ast.Expr)
	mark = func(e ast.Expr) {
		m[e] = true
		if b, ok := e.(*ast.BinOp); ok {
			switch b.Op {
			case ast.BitOr, ast.BitAnd, ast.Sub, ast.BitXor: // operands of a set operation
				mark(b.Left)
				mark(b.Right)
			}
		}
	}
	display := func(e ast.Expr) {
		displayItems(e, func(e ast.Expr) {
			if x, ok := e.(*ast.Set); ok && len(x.Elts) == 1 {
				if _, star := x.Elts[0].(*ast.Starred); !star {
					m[x] = true
				}
			}
		})
	}
	walkStmts(f.def.body, func(st ast.Stmt) {
		if r, ok := st.(*ast.Return); ok && r.Value != nil {
			display(r.Value)
		}
		for _, e := range stmtExprs(st) {
			walkExpr(e, func(x ast.Expr) {
				switch y := x.(type) {
				case *ast.Call:
					if n, ok := y.Func.(*ast.Name); ok && (n.Id == "sorted" || n.Id == "len") && len(y.Args) == 1 &&
						f.locals[n.Id] == nil && f.mi.binds[n.Id] == nil {
						mark(y.Args[0])
					}
				case *ast.Compare:
					for i, op := range y.Ops {
						if op == ast.In || op == ast.NotIn {
							mark(y.Comparators[i])
						}
					}
				}
			})
		}
	})
	f.setPos = m
	return m
}

// setOpType is the static type of a | b, a & b, a - b, a ^ b of two sets (nil: not that).
func setOpType(op ast.Operator, a, b *ir.Type) *ir.Type {
	if !isSetType(a) || !isSetType(b) {
		return nil
	}
	switch op {
	case ast.BitOr, ast.BitAnd, ast.Sub, ast.BitXor:
		if a.Kind == ir.KindFrozenSet {
			return &ir.Type{Kind: ir.KindFrozenSet, Name: "frozenset"}
		}
		return setType
	}
	return nil
}

// setOK reports whether e, a set-valued expression, is in a position where its order
// cannot show.
func (f *fn) setOK(e ast.Expr) bool { return f.setPositions()[e] }

// setDisplay compiles {a, b, ...}.
func (f *fn) setDisplay(x *ast.Set) val {
	if !f.setOK(x) {
		f.refuse(x, "set display (only as the argument of sorted() or len(), the right operand of in, or one item returned)")
	}
	for _, e := range x.Elts {
		if _, star := e.(*ast.Starred); star {
			f.refuse(e, "set display with *unpacking")
		}
	}
	vs := f.seq(x.Elts, f.value)
	args := []jen.Code{jen.False()}
	for _, v := range vs {
		args = append(args, v.code)
	}
	return f.callVal(q("SetDisplay").Call(args...), kindValue, setType)
}

// setComp compiles {elt for ...}: the items in order, then the set.
func (f *fn) setComp(x *ast.SetComp) val {
	if !f.setOK(x) {
		f.refuse(x, "set comprehension (only as the argument of sorted() or len(), or the right operand of in)")
	}
	items := f.listComp(x.Elt, x.Generators)
	return f.callVal(q("SetOf").Call(items.code, jen.False()), kindValue, setType)
}

// setCall compiles set(iterable) and frozenset(iterable).
func (f *fn) setCall(name string, c *ast.Call) val {
	if !f.setOK(c) {
		f.refuse(c, "%s() (only as the argument of sorted() or len(), or the right operand of in)", name)
	}
	if len(c.Args) > 1 || len(c.Keywords) > 0 {
		f.refuse(c, "%s() with more than one argument", name)
	}
	frozen := jen.Lit(name == "frozenset")
	if len(c.Args) == 0 {
		return f.callVal(q("SetOf").Call(jen.Nil(), frozen), kindValue, setType)
	}
	as, _ := f.consumerArgs(c, name+"()")
	return f.callVal(q("SetOf").Call(as[0].code, frozen), kindValue, setType)
}
