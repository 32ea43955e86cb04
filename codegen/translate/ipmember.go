package translate

// Membership tests between ipaddress values: `address in network`.
//
// pyval.Contains implements `x in c` for an ipaddress container as ipaddress does: a
// network holds the addresses and interfaces of its version within it (never another
// network), an address or interface is not iterable (TypeError), and an item that is no
// ipaddress value raises AttributeError. A value of an ipaddress type (Optional ones
// included: None is not iterable, has no _version) may then be an operand of a single
// `in` / `not in` whose other operand is a name of an ipaddress type too.

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// ipMemberOK reports whether the name n is an operand of such a membership test.
func (f *fn) ipMemberOK(n *ast.Name) bool {
	ok := false
	walkStmts(f.def.body, func(st ast.Stmt) {
		for _, e := range stmtExprs(st) {
			walkExpr(e, func(x ast.Expr) {
				c, isCmp := x.(*ast.Compare)
				if !isCmp || len(c.Ops) != 1 || len(c.Comparators) != 1 || c.Ops[0] != ast.In && c.Ops[0] != ast.NotIn {
					return
				}
				l, r := c.Left, c.Comparators[0]
				if (l == ast.Expr(n) || r == ast.Expr(n)) && f.isIPName(l) && f.isIPName(r) {
					ok = true
				}
			})
		}
	})
	return ok
}

// isIPName reports a local name whose static type is an ipaddress type, or Optional of one.
func (f *fn) isIPName(e ast.Expr) bool {
	n, ok := e.(*ast.Name)
	if !ok {
		return false
	}
	if _, comp := f.compVars[n.Id]; comp {
		return false
	}
	t := f.types[n.Id]
	if t != nil && t.Kind == ir.KindUnion && t.IsOptional() && len(t.NonNone()) == 1 {
		t = t.NonNone()[0]
	}
	return t != nil && t.Kind == ir.KindIP
}
