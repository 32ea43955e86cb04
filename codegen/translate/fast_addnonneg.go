package translate

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/parser/ast"
)

// A cheaper overflow check of e + k in the fast path (fast.go) when k is known to be
// >= 0, as the edit distance's prev[j - 1] + cost: the sum can only overflow upwards,
// which one comparison detects (pyfast.AddNonNeg). The check stays a branch: off the
// loop-carried chain of a dynamic program's row (a saturating add and one check of the
// min measured slower: the conditional move lengthens that chain).

// addNonNeg is l + r of int operands when b's addend is known non-negative, else nil.
func (x *fastFn) addNonNeg(b *ast.BinOp, l jen.Code, lk fkind, r jen.Code, rk fkind) jen.Code {
	if b.Op != ast.Add || lk != fkInt || rk != fkInt || !x.nonNegAddend(b.Right) {
		return nil
	}
	return x.checked("AddNonNeg", l, r)
}

// localKind is the kind of local name (not a comprehension variable), fkUnknown if none.
func (x *fastFn) localKind(name string) fkind {
	if _, isComp := x.comp[name]; isComp || !x.locals[name] {
		return fkUnknown
	}
	return x.kinds[name]
}

// nonNegAddend reports whether int expression e is known to be >= 0.
func (x *fastFn) nonNegAddend(e ast.Expr) bool {
	if n, ok := e.(*ast.Name); ok && x.localKind(n.Id) == fkInt && !x.params[n.Id] {
		if _, isCounter := x.counterOf(n.Id); !isCounter {
			return x.nonNegLocal(n.Id)
		}
	}
	return x.nonNegExpr(e)
}

// nonNegLocal reports whether every binding of local name in the function is a plain
// `name = v` with v a non-negative int literal or a conditional expression of such.
func (x *fastFn) nonNegLocal(name string) bool {
	ok := true
	walkStmts(x.def.body, func(st ast.Stmt) {
		switch s := st.(type) {
		case *ast.Assign:
			for _, t := range s.Targets {
				if n, isName := t.(*ast.Name); isName && n.Id == name {
					ok = ok && len(s.Targets) == 1 && nonNegLiteral(s.Value)
				} else if containsStr(boundNames(t), name) {
					ok = false
				}
			}
		case *ast.AnnAssign:
			ok = ok && !containsStr(boundNames(s.Target), name)
		case *ast.AugAssign:
			ok = ok && !containsStr(boundNames(s.Target), name)
		case *ast.For:
			ok = ok && !containsStr(boundNames(s.Target), name)
		case *ast.If, *ast.While, *ast.Pass, *ast.ExprStmt, *ast.Return, *ast.Break, *ast.Continue:
		default:
			ok = false
		}
		for _, e := range stmtExprs(st) {
			walkExpr(e, func(e ast.Expr) {
				if _, isWalrus := e.(*ast.NamedExpr); isWalrus {
					ok = false
				}
			})
		}
	})
	return ok
}

// nonNegLiteral reports whether e is an int literal >= 0 or `a if c else b` of such.
func nonNegLiteral(e ast.Expr) bool {
	switch v := e.(type) {
	case *ast.Constant:
		i, ok := v.Value.(*ast.Int)
		return ok && i.Sign() >= 0
	case *ast.IfExp:
		return nonNegLiteral(v.Body) && nonNegLiteral(v.Orelse)
	}
	return false
}

// containsStr reports whether xs holds s.
func containsStr(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
