package translate

// Containers of Enum members, UUIDs and opaque values (list[UUID], dict[str, Color]...) in
// translated bodies.
//
// Such a container is used only where its meaning does not depend on what its items can
// do: as the sole argument of the builtin len() (the number of items) and as a value
// returned directly or as an item of a returned display (path B encodes each item as
// jsonable_encoder does, checkExtUse's extOK), unless a dict in it may have such keys. Iterating it, indexing it, comparing it or
// passing it on stays refused: its items are values pyval does not fully model.

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// extContainerOK reports whether n, a name whose static type holds Enum members, UUIDs or
// opaque values without being one, is in a position where that is exact.
func (f *fn) extContainerOK(n *ast.Name, t *ir.Type) bool {
	return f.extReturnedItem(n) && !extKeys(t) || f.extLenArg(n)
}

// extKeys reports whether values of type t may hold a dict whose keys are Enum members,
// UUIDs or opaque values: jsonable_encoder encodes such keys (str(uuid), the member's
// value), pyval's path-B encoding only takes str, int, float, bool and None keys.
func extKeys(t *ir.Type) bool {
	if t == nil {
		return false
	}
	if t.Kind == ir.KindDict && len(t.Args) == 2 && containsExt(t.Args[0]) {
		return true
	}
	for _, a := range t.Args {
		if extKeys(a) {
			return true
		}
	}
	return false
}

// extLenArg reports whether n is the sole argument of a call of the builtin len().
func (f *fn) extLenArg(n ast.Expr) bool {
	if m, ok := f.u.extLenArgs[f.def]; ok {
		return m[n]
	}
	m := map[ast.Expr]bool{}
	callee := map[ast.Expr]bool{} // the names len called
	other := false                // len named anywhere else (bound by a comprehension...)
	walkStmts(f.def.body, func(st ast.Stmt) {
		for _, e := range stmtExprs(st) {
			walkExpr(e, func(x ast.Expr) {
				switch y := x.(type) {
				case *ast.Call:
					fn, ok := y.Func.(*ast.Name)
					if !ok || fn.Id != "len" {
						return
					}
					callee[fn] = true
					if len(y.Args) == 1 && len(y.Keywords) == 0 {
						if _, star := y.Args[0].(*ast.Starred); !star {
							m[y.Args[0]] = true
						}
					}
				case *ast.Name:
					if y.Id == "len" && !callee[y] {
						other = true
					}
				}
			})
		}
	})
	if other || f.locals["len"] != nil || f.mi.binds["len"] != nil {
		m = map[ast.Expr]bool{}
	}
	if f.u.extLenArgs == nil {
		f.u.extLenArgs = map[*funcDef]map[ast.Expr]bool{}
	}
	f.u.extLenArgs[f.def] = m
	return m[n]
}

// extReturnedItem reports whether n is a value returned directly or an item of a returned
// display, in a function whose result is the response.
func (f *fn) extReturnedItem(n ast.Expr) bool {
	if !f.response {
		return false
	}
	found := false
	walkStmts(f.def.body, func(st ast.Stmt) {
		if r, ok := st.(*ast.Return); ok && r.Value != nil {
			displayItems(r.Value, func(e ast.Expr) {
				if e == n {
					found = true
				}
			})
		}
	})
	return found
}
