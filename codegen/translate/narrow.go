package translate

// Optional values narrowed by a test against None. After `if row is None: raise ...` (or
// in the branch of `if row is not None:`), a local whose static type is Optional[X] has
// type X: the test just read it and nothing rebinds it in between. An item of module
// state typed dict[K, V] read by STATE.get(k) has type Optional[V], and a helper whose
// every return yields an instance of one model or None has type Optional[model]
// (helperResultType), so `row = repo.get(k); if row is None: raise ...; return row`
// types the result as the model.

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// narrowTypes returns the local types where test is true and where it is false: types
// itself, but for a local compared with `is None` / `is not None` whose type is a union
// with None.
func (f *fn) narrowTypes(test ast.Expr, types map[string]*ir.Type) (ifTrue, ifFalse map[string]*ir.Type) {
	c, ok := test.(*ast.Compare)
	if !ok || len(c.Ops) != 1 || len(c.Comparators) != 1 || c.Ops[0] != ast.Is && c.Ops[0] != ast.IsNot {
		return types, types
	}
	n, ok := c.Left.(*ast.Name)
	if !ok || !isNoneConst(c.Comparators[0]) || f.locals[n.Id] == nil {
		return types, types
	}
	if _, comp := f.compVars[n.Id]; comp {
		return types, types
	}
	t := types[n.Id]
	if t == nil || t.Kind != ir.KindUnion {
		return types, types
	}
	nn := t.NonNone()
	if len(nn) == len(t.Args) || len(nn) == 0 {
		return types, types
	}
	rest := nn[0]
	if len(nn) > 1 {
		rest = &ir.Type{Kind: ir.KindUnion, Args: nn}
	}
	narrowed := copyTypes(types)
	narrowed[n.Id] = rest
	none := copyTypes(types)
	none[n.Id] = noneType
	if c.Ops[0] == ast.Is {
		return none, narrowed
	}
	return narrowed, none
}

// isNoneConst reports the literal None.
func isNoneConst(e ast.Expr) bool {
	k, ok := e.(*ast.Constant)
	if !ok {
		return false
	}
	_, isNone := k.Value.(ast.NoneValue)
	return isNone
}

// optionalModel splits t into a model and whether None is possible: None itself (m
// nil), or Optional[M] of one model M (ok false: another type).
func optionalModel(t *ir.Type) (m *ir.Model, none bool) {
	if t == nil {
		return nil, false
	}
	if t.Kind == ir.KindNone {
		return nil, true
	}
	if t.Kind != ir.KindUnion || len(t.NonNone()) != 1 || len(t.NonNone()) == len(t.Args) {
		return nil, false
	}
	x := t.NonNone()[0]
	if x.Kind != ir.KindModel || x.Model == nil || x.Model.Kind == ir.TypedDict {
		return nil, false
	}
	return x.Model, true
}

// helperResultType is the static type of a helper's result: the model every return
// yields, Optional of it when some return may yield None (nil: unknown).
func (f *fn) helperResultType() *ir.Type {
	if f.retMixed || f.retModel == nil {
		return nil
	}
	t := &ir.Type{Kind: ir.KindModel, Name: f.retModel.Name, Model: f.retModel}
	if f.retNone {
		return &ir.Type{Kind: ir.KindUnion, Args: []*ir.Type{t, noneType}}
	}
	return t
}

// stateGetType is the static type of STATE.get(k) with one argument on module state (or
// a container reached from it) typed dict[K, M] of a model M: Optional[M] (nil: not such
// a call, or items of another type).
func (f *fn) stateGetType(at *ast.Attribute, recv val, nargs int) *ir.Type {
	if at.Attr != "get" || nargs != 1 || recv.typ == nil || recv.typ.Kind != ir.KindDict || len(recv.typ.Args) != 2 || !f.isStateExpr(at.Value) {
		return nil
	}
	v := recv.typ.Args[1]
	if v == nil || v.Kind != ir.KindModel || v.Model == nil || v.Model.Kind == ir.TypedDict {
		return nil // containers keep their item type for the checks of stores (statetype.go)
	}
	return &ir.Type{Kind: ir.KindUnion, Args: []*ir.Type{v, noneType}}
}
