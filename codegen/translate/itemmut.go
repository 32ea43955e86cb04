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
		if f.locals[x.Id] != nil {
			return f.types[x.Id]
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
