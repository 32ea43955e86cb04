package translate

// Static types of module state from its annotation.
//
// `TODOS: Dict[int, Todo] = {}` says nothing Python enforces, but when the state lives in
// Go and is never rebound, the translator makes it true: every store into it, or into a
// container reached from it (TODOS[k] = v, an alias's item, list.append...), must have a
// value (and key) of the annotated type statically, else the store is refused. The state
// then has the annotated type, so its items are typed (TODOS[k].done, for t in
// TODOS.values(): t.priority).

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// stateAnnotation is the type the annotation of module state b gives it (nil: none, or
// not one of the shapes handled: int, str, float, bool, models of the app, and list /
// dict of those, or an initial value that does not have that type).
func (u *Unit) stateAnnotation(mi *modInfo, b *binding, app *ir.App, v pyval.Value) *ir.Type {
	an, ok := b.node.(*ast.AnnAssign)
	if !ok || an.Annotation == nil {
		return nil
	}
	t := u.annotationType(mi, an.Annotation, app)
	if t == nil || !constFits(v, t) {
		return nil
	}
	return t
}

// initStateType is the static type of module state computed at init by its translated
// expression (of static type typ): its annotation when the expression's value has that
// type (initFits; the translator then keeps it true, as for constant state), else typ.
func (u *Unit) initStateType(mi *modInfo, b *binding, app *ir.App, typ *ir.Type) *ir.Type {
	an, ok := b.node.(*ast.AnnAssign)
	if !ok || an.Annotation == nil || an.Value == nil {
		if t := u.modelDisplayType(mi, b.expr, app); t != nil {
			return t
		}
		return typ
	}
	t := u.annotationType(mi, an.Annotation, app)
	if t == nil || !u.initFits(mi, an.Value, t, app) {
		return typ
	}
	return t
}

// modelDisplayType is the static type of a display of model constructions, all of one
// model (with constant keys of one type, str or int, for a dict): the type un-annotated
// module state computed at init has, kept true as an annotation is (nil: another
// expression, an empty display or mixed items).
func (u *Unit) modelDisplayType(mi *modInfo, e ast.Expr, app *ir.App) *ir.Type {
	var items []ast.Expr
	var key *ir.Type
	switch x := e.(type) {
	case *ast.Dict:
		for _, k := range x.Keys {
			v, ok := constEval(k, u.constLookup(mi, app))
			if k == nil || !ok {
				return nil
			}
			kt := constType(v)
			if kt == nil || kt.Kind != ir.KindStr && kt.Kind != ir.KindInt || key != nil && !sameType(kt, key) {
				return nil
			}
			key = kt
		}
		items = x.Values
	case *ast.List:
		items = x.Elts
	default:
		return nil
	}
	var m *ir.Model
	for _, it := range items {
		c, ok := it.(*ast.Call)
		if !ok {
			return nil
		}
		n, ok := c.Func.(*ast.Name)
		if !ok {
			return nil
		}
		im := u.modelNamed(mi, n.Id, app)
		if im == nil || m != nil && im != m {
			return nil
		}
		m = im
	}
	if m == nil {
		return nil
	}
	mt := &ir.Type{Kind: ir.KindModel, Name: m.Name, Model: m}
	if key != nil {
		return &ir.Type{Kind: ir.KindDict, Args: []*ir.Type{key, mt}}
	}
	return &ir.Type{Kind: ir.KindList, Args: []*ir.Type{mt}}
}

// initFits reports whether the value of e, a module-level expression, has type t:
// displays of containers whose items have t's item types, constructions of t's model
// (a model class called returns an instance of that very class, or raises), constants
// of type t.
func (u *Unit) initFits(mi *modInfo, e ast.Expr, t *ir.Type, app *ir.App) bool {
	switch x := e.(type) {
	case *ast.Dict:
		if t.Kind != ir.KindDict || len(t.Args) != 2 {
			return false
		}
		for i, k := range x.Keys {
			if k == nil || !u.initFits(mi, k, t.Args[0], app) || !u.initFits(mi, x.Values[i], t.Args[1], app) {
				return false
			}
		}
		return true
	case *ast.List:
		if t.Kind != ir.KindList || len(t.Args) != 1 {
			return false
		}
		for _, it := range x.Elts {
			if _, star := it.(*ast.Starred); star || !u.initFits(mi, it, t.Args[0], app) {
				return false
			}
		}
		return true
	case *ast.Call:
		n, ok := x.Func.(*ast.Name)
		return ok && t.Kind == ir.KindModel && t.Model != nil && u.modelNamed(mi, n.Id, app) == t.Model
	}
	v, ok := constEval(e, u.constLookup(mi, app))
	return ok && constFits(v, t)
}

// annotationType resolves a module-level annotation (nil: unsupported).
func (u *Unit) annotationType(mi *modInfo, e ast.Expr, app *ir.App) *ir.Type {
	switch x := e.(type) {
	case *ast.Name:
		if _, shadow := mi.binds[x.Id]; !shadow {
			switch x.Id {
			case "int":
				return intType
			case "str":
				return strType
			case "float":
				return floatType
			case "bool":
				return boolType
			}
		}
		if m := u.modelNamed(mi, x.Id, app); m != nil {
			return &ir.Type{Kind: ir.KindModel, Name: m.Name, Model: m}
		}
	case *ast.Subscript:
		base, ok := x.Value.(*ast.Name)
		if !ok {
			return nil
		}
		var args []ast.Expr
		if tu, ok := x.Slice.(*ast.Tuple); ok {
			args = tu.Elts
		} else {
			args = []ast.Expr{x.Slice}
		}
		var kind ir.Kind
		var n int
		switch {
		case u.typingName(mi, base.Id, "Dict", "dict"):
			kind, n = ir.KindDict, 2
		case u.typingName(mi, base.Id, "List", "list"):
			kind, n = ir.KindList, 1
		default:
			return nil
		}
		if len(args) != n {
			return nil
		}
		t := &ir.Type{Kind: kind}
		for _, a := range args {
			at := u.annotationType(mi, a, app)
			if at == nil {
				return nil
			}
			t.Args = append(t.Args, at)
		}
		if kind == ir.KindDict && t.Args[0].Kind != ir.KindStr && t.Args[0].Kind != ir.KindInt {
			return nil
		}
		return t
	}
	return nil
}

// typingName reports whether name is typing's generic (from typing import Dict) or the
// builtin (dict), unshadowed.
func (u *Unit) typingName(mi *modInfo, name, typingAttr, builtin string) bool {
	b, ok := mi.binds[name]
	if !ok {
		return name == builtin
	}
	return b.kind == bImportFrom && b.target == "typing" && b.attr == typingAttr && name == typingAttr
}

// modelNamed is the app's model a module-level name designates (a class of the module or
// one imported from another module).
func (u *Unit) modelNamed(mi *modInfo, name string, app *ir.App) *ir.Model {
	module, qual, ok := classNamed(mi, name)
	if !ok || app == nil {
		return nil
	}
	for _, m := range app.Models {
		if m.Module == module && m.QualName == qual && m.Kind == ir.BaseModel {
			return m
		}
	}
	return nil
}

// classNamed is the module and qualified name of the class a module-level name designates
// (a class of the module, or a name imported from another module); ok false for other
// bindings.
func classNamed(mi *modInfo, name string) (module, qual string, ok bool) {
	b, found := mi.binds[name]
	switch {
	case !found:
		return "", "", false
	case b.kind == bClass:
		return mi.name, name, true
	case b.kind == bImportFrom:
		return b.target, b.attr, true
	}
	return "", "", false
}

// constFits reports whether the constant v has type t (each item, for containers).
func constFits(v pyval.Value, t *ir.Type) bool {
	switch x := v.(type) {
	case *pyval.Dict:
		if t.Kind != ir.KindDict {
			return false
		}
		for i, k := range x.Keys() {
			if !constFits(k, t.Args[0]) || !constFits(x.Values()[i], t.Args[1]) {
				return false
			}
		}
		return true
	case *pyval.List:
		if t.Kind != ir.KindList {
			return false
		}
		for _, it := range x.Items {
			if !constFits(it, t.Args[0]) {
				return false
			}
		}
		return true
	}
	return sameType(constType(v), t)
}

// fits reports whether a value of static type vt may be stored where the static type t
// promises its items' type (t nil or a bare Any: anything).
func fits(vt, t *ir.Type) bool {
	if t == nil || t.Kind == ir.KindAny && len(t.Args) == 0 {
		return true
	}
	return vt != nil && sameType(vt, t)
}

// checkTypedStore refuses storing value v (under key k; nil: none) into base, a container
// of static type bt, when the value or key may not have the type bt promises for its
// items: the container would then hold something else than its static type says.
func (f *fn) checkTypedStore(n ast.Node, what string, bt *ir.Type, k, v *val) {
	if bt == nil {
		return
	}
	switch bt.Kind {
	case ir.KindDict:
		if len(bt.Args) != 2 {
			return
		}
		if k != nil && !fits(k.typ, bt.Args[0]) {
			f.refuse(n, "store into %s of a key that may not be a %s (its static type is %s)", what, bt.Args[0], bt)
		}
		if v != nil && !fits(v.typ, bt.Args[1]) {
			f.refuse(n, "store into %s of a value that may not be a %s (its static type is %s)", what, bt.Args[1], bt)
		}
	case ir.KindList:
		if len(bt.Args) != 1 {
			return
		}
		if v != nil && !fits(v.typ, bt.Args[0]) {
			f.refuse(n, "store into %s of a value that may not be a %s (its static type is %s)", what, bt.Args[0], bt)
		}
	}
}

// checkStateStore checks a store into base, module state or a container reached from it,
// of static type bt (checkTypedStore). Other containers are not checked here.
func (f *fn) checkStateStore(base ast.Expr, bt *ir.Type, k, v *val) {
	if f.isStateExpr(base) {
		f.checkTypedStore(base, exprName(base), f.stateStoreType(base, bt), k, v) // itemmut.go
	}
}

// checkTypedMethod checks the values a mutating method stores into a container of a
// static item type (see checkTypedStore); extend and update must take a container of
// the very same static type.
func (f *fn) checkTypedMethod(c *ast.Call, at *ast.Attribute, name string, recv val, as []val, kw map[string]val) {
	if !f.isStateExpr(at.Value) {
		return
	}
	bt := f.stateStoreType(at.Value, recv.typ) // itemmut.go
	if bt == nil || len(bt.Args) == 0 || bt.Kind != ir.KindDict && bt.Kind != ir.KindList {
		return
	}
	what := exprName(at.Value)
	switch name {
	case "append":
		if len(as) == 1 {
			f.checkTypedStore(c, what, bt, nil, &as[0])
		}
	case "insert":
		if len(as) == 2 {
			f.checkTypedStore(c, what, bt, nil, &as[1])
		}
	case "setdefault":
		switch len(as) {
		case 1:
			none := val{typ: noneType}
			f.checkTypedStore(c, what, bt, &as[0], &none)
		case 2:
			dflt := as[1]
			if len(c.Args) == 2 {
				dflt = emptyFit(c.Args[1], dflt, itemType(bt)) // itemmut.go
			}
			f.checkTypedStore(c, what, bt, &as[0], &dflt)
		}
	case "extend", "update":
		if len(kw) > 0 || len(as) != 1 || !sameType(as[0].typ, bt) {
			f.refuse(c, "%s.%s() of values that may not have the static type %s", what, name, bt)
		}
	}
}
