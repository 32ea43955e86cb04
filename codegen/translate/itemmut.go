package translate

// Fresh empty containers stored into typed containers.
//
// Module state typed by its annotation (statetype.go) only takes values of its item type.
// An empty list or dict display evaluates to a new container that no name refers to: it
// has every list (dict) type, and the only way to add items to it afterwards is through
// the typed container, whose stores are checked. So `ROOMS.setdefault(room, [])` and
// `ROOMS[room] = []` keep ROOMS: dict[str, list[str]] true, and then
// `ROOMS.setdefault(room, []).append(text)` is checked as a store of text into a
// list[str] (isStateExpr follows setdefault). The display must be the stored expression
// itself: `x = []; ROOMS[k] = x` would leave x, an untyped alias, mutable.

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// freshEmpty reports an empty list or dict display.
func freshEmpty(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.List:
		return len(x.Elts) == 0
	case *ast.Dict:
		return len(x.Keys) == 0
	}
	return false
}

// emptyFit returns v typed as want when e, the expression v was compiled from, is an
// empty display of want's kind (a list display for a list type, a dict display for a
// dict type); else v unchanged.
func emptyFit(e ast.Expr, v val, want *ir.Type) val {
	if !freshEmpty(e) || want == nil {
		return v
	}
	_, isList := e.(*ast.List)
	if isList && want.Kind == ir.KindList && len(want.Args) == 1 ||
		!isList && want.Kind == ir.KindDict && len(want.Args) == 2 {
		v.typ = want
	}
	return v
}

// freshItem is v, the value stored by the subscript assignment into a container of
// static type bt, typed by emptyFit when the assignment being translated has one target
// and its value is an empty display (fn.freshValue).
func (f *fn) freshItem(bt *ir.Type, v val) val {
	if f.freshValue == nil {
		return v
	}
	return emptyFit(f.freshValue, v, itemType(bt))
}

// stateChainType is the static type of e, an expression isStateExpr accepts, computed
// without compiling it: the state's own type, then its items' along x[k], x.get(k),
// x.setdefault(k, d) and x.pop(k) (nil: unknown). Compiling such a call yields a value
// of unknown static type, yet the container it returns is the one held by the typed
// state: stores into it must be checked as stores into the state are.
func (f *fn) stateChainType(e ast.Expr) *ir.Type {
	switch x := e.(type) {
	case *ast.Name:
		if _, comp := f.compVars[x.Id]; comp {
			return nil
		}
		if l := f.locals[x.Id]; l != nil {
			if t := f.types[x.Id]; t != nil || !l.stateAlias {
				return t
			}
			return f.aliasChainType(x)
		}
		if g, ok := f.lookupGlobal(x); ok && g.kind == gState {
			return g.typ
		}
	case *ast.Attribute:
		if g, ok := f.lookupGlobal(x); ok && g.kind == gState {
			return g.typ
		}
	case *ast.Subscript:
		return itemType(f.stateChainType(x.Value))
	case *ast.Call:
		if at, ok := x.Func.(*ast.Attribute); ok {
			return itemType(f.stateChainType(at.Value))
		}
	}
	return nil
}

// stateStoreType is bt, the static type of a container reached from module state, or,
// when bt says nothing of its items, the type stateChainType finds for base.
func (f *fn) stateStoreType(base ast.Expr, bt *ir.Type) *ir.Type {
	if bt != nil && len(bt.Args) > 0 {
		return bt
	}
	if t := f.stateChainType(base); t != nil {
		return t
	}
	return bt
}

// aliasChainType is the static type of the state a local aliasing it holds, found from
// its bindings (row = ROOMS.get(k) compiles to a value of unknown static type, yet row is
// the list ROOMS holds): the one type its bindings' values have along the state
// (stateChainType), nil when none has one. Bindings of different static types make the
// mutation refused: the store could not be checked against one type.
func (f *fn) aliasChainType(n *ast.Name) *ir.Type {
	if f.aliasBusy[n.Id] {
		return nil // row = row[...]: the binding being followed
	}
	if f.aliasBusy == nil {
		f.aliasBusy = map[string]bool{}
	}
	f.aliasBusy[n.Id] = true
	defer delete(f.aliasBusy, n.Id)
	var found *ir.Type
	walkStmts(f.def.body, func(st ast.Stmt) {
		var targets []ast.Expr
		var value ast.Expr
		switch s := st.(type) {
		case *ast.Assign:
			targets, value = s.Targets, s.Value
		case *ast.AnnAssign:
			targets, value = []ast.Expr{s.Target}, s.Value
		}
		for _, t := range targets {
			tn, ok := t.(*ast.Name)
			if !ok || tn.Id != n.Id || value == nil {
				continue
			}
			vt := f.stateChainType(value)
			if vt == nil {
				continue
			}
			if found != nil && !sameType(found, vt) {
				f.refuse(n, "mutation of %s (it holds items of module state of static types %s and %s)", n.Id, found, vt)
			}
			found = vt
		}
	})
	return found
}
