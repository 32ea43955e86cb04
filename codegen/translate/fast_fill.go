package translate

import (
	"github.com/covetpy/covetgen/parser/ast"
)

// Skipping the fill of a list every item of which the next loop overwrites before
// reading it (the fast path, fast.go). The row of a dynamic program
//
//	cur = [i] + [0] * n
//	for j in range(1, n + 1):
//	    ...cur[j - 1]...
//	    cur[j] = ...
//
// is filled with n zeros that Python's semantics require but nothing can observe: the
// loop writes cur[1], ..., cur[n] in order, and reads of cur before a write are of
// cur[j - 1], already written (cur[0] is the head). The fast path then builds the list
// with pyfast.Pool.ConcatUnfilled, which copies the head and leaves the rest as it is
// (zeros in a new array, stale ints in a pooled one).
//
// The analysis is syntactic and conservative; it holds only when all of this does:
//   - the assignment is `name = [h] + [c] * n` (one-item list displays, c a constant)
//     and the loop is the very next statement, `for j in range(1, n + 1)` with the
//     builtin range, the same n (a local name or len(local)), no else;
//   - n is evaluated twice with nothing in between but the binding of name, so a local
//     (or its len) is the same value both times;
//   - the loop body writes name[j] in one top-level assignment statement (`name[j] = e`,
//     a single target) and refers to name nowhere else but as name[j - 1] reads;
//   - the body has no comprehension or lambda (whose own j could be another variable),
//     rebinds neither name nor j and has no break, continue or return, so
//     every iteration reaches the write (an exception or a deopt leaves the fast path,
//     and the generic path reruns the call from the start).
//
// A list so built is fresh, so no other local aliases it while it is incomplete.

// unfilledRow is the value of assignment st (the ast.BinOp `[h] + [c] * n`) when next
// overwrites all of its repeated items before reading them, else nil.
func (x *fastFn) unfilledRow(st, next ast.Stmt) ast.Expr {
	as, ok := st.(*ast.Assign)
	if !ok || len(as.Targets) != 1 {
		return nil
	}
	name, ok := as.Targets[0].(*ast.Name)
	if !ok {
		return nil
	}
	add, ok := as.Value.(*ast.BinOp)
	if !ok || add.Op != ast.Add || !oneItemList(add.Left, false) {
		return nil
	}
	mul, ok := add.Right.(*ast.BinOp)
	if !ok || mul.Op != ast.Mult || !oneItemList(mul.Left, true) || !x.stableCount(mul.Right, name.Id) {
		return nil
	}
	loop, ok := next.(*ast.For)
	if !ok || len(loop.Orelse) > 0 {
		return nil
	}
	j, ok := loop.Target.(*ast.Name)
	if !ok || j.Id == name.Id {
		return nil
	}
	args, isRange := x.rangeArgs(loop.Iter)
	if !isRange || len(args) < 2 || !isIntConst(args[0], 1) || (len(args) == 3 && !isIntConst(args[2], 1)) {
		return nil
	}
	stop, ok := args[1].(*ast.BinOp)
	if !ok || stop.Op != ast.Add || !isIntConst(stop.Right, 1) || !sameCount(stop.Left, mul.Right) {
		return nil
	}
	if boundIn(j.Id, loop.Body) || !overwritesRow(loop.Body, name.Id, j.Id) {
		return nil
	}
	return add
}

// oneItemList reports whether e is a list display of one item (a constant when
// constant is set).
func oneItemList(e ast.Expr, constant bool) bool {
	l, ok := e.(*ast.List)
	if !ok || len(l.Elts) != 1 {
		return false
	}
	if _, isStarred := l.Elts[0].(*ast.Starred); isStarred {
		return false
	}
	if constant {
		_, isConst := l.Elts[0].(*ast.Constant)
		return isConst
	}
	return true
}

// stableCount reports whether n is a local name or len(local) (not the row itself):
// evaluated twice with only the row's binding in between, it gives the same value.
func (x *fastFn) stableCount(n ast.Expr, row string) bool {
	switch e := n.(type) {
	case *ast.Name:
		return e.Id != row && x.locals[e.Id]
	case *ast.Call:
		if !x.isBuiltin(e.Func, "len") || len(e.Args) != 1 || len(e.Keywords) > 0 {
			return false
		}
		a, ok := e.Args[0].(*ast.Name)
		return ok && a.Id != row && x.locals[a.Id]
	}
	return false
}

// sameCount reports whether a and b are the same name or len of the same name.
func sameCount(a, b ast.Expr) bool {
	switch ea := a.(type) {
	case *ast.Name:
		eb, ok := b.(*ast.Name)
		return ok && ea.Id == eb.Id
	case *ast.Call:
		eb, ok := b.(*ast.Call)
		if !ok || len(ea.Args) != 1 || len(eb.Args) != 1 || len(ea.Keywords)+len(eb.Keywords) > 0 {
			return false
		}
		return sameCount(ea.Func, eb.Func) && sameCount(ea.Args[0], eb.Args[0])
	}
	return false
}

// isIntConst reports whether e is the int literal v.
func isIntConst(e ast.Expr, v int64) bool {
	c, ok := e.(*ast.Constant)
	if !ok {
		return false
	}
	i, ok := c.Value.(*ast.Int)
	return ok && i.IsInt64() && i.Int64() == v
}

// overwritesRow reports whether body writes row[j] in exactly one top-level
// `row[j] = e` and otherwise refers to row only as row[j - 1], with no break, continue
// or return anywhere in it.
func overwritesRow(body []ast.Stmt, row, j string) bool {
	writes, ok := 0, true
	allowed := map[ast.Expr]bool{} // the Name nodes of row's permitted uses
	for _, st := range body {
		if as, isAssign := st.(*ast.Assign); isAssign && len(as.Targets) == 1 {
			if s, isSub := as.Targets[0].(*ast.Subscript); isSub && isName(s.Value, row) && isName(s.Slice, j) {
				writes++
				allowed[s.Value] = true
			}
		}
	}
	walkStmts(body, func(st ast.Stmt) {
		switch st.(type) {
		case *ast.Break, *ast.Continue, *ast.Return:
			ok = false
		}
		for _, e := range stmtExprs(st) {
			walkExpr(e, func(e ast.Expr) {
				switch e.(type) {
				case *ast.ListComp, *ast.SetComp, *ast.DictComp, *ast.GeneratorExp, *ast.Lambda:
					ok = false // a scope of its own, where j may name another variable
				}
				s, isSub := e.(*ast.Subscript)
				if !isSub || !isName(s.Value, row) {
					return
				}
				if b, isBin := s.Slice.(*ast.BinOp); isBin && b.Op == ast.Sub && isName(b.Left, j) && isIntConst(b.Right, 1) {
					allowed[s.Value] = true
				}
			})
		}
	})
	walkStmts(body, func(st ast.Stmt) {
		for _, e := range stmtExprs(st) {
			walkExpr(e, func(e ast.Expr) {
				if isName(e, row) && !allowed[e] {
					ok = false
				}
			})
		}
	})
	return ok && writes == 1
}
