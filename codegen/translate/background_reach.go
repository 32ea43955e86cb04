package translate

import "github.com/covetpy/covetgen/parser/ast"

// PythonReach returns the DefKey of every module-level function of the app that the
// function def of module may run: each name (or module.name) in its body that resolves
// to an app function or class (its methods) — called, or passed on as a background task
// or a callback — and, transitively, what those refer to. A function a bridged route
// runs in CPython runs these there too (a background task it adds, a helper it calls),
// so module state they touch must stay in Python. Names bound locally that shadow a
// function count too: the answer may be larger than the truth, never smaller.
func (u *Unit) PythonReach(module string, def ast.Stmt) []string {
	d := asDef(def)
	if d == nil || u.prog == nil {
		return nil
	}
	r := &reach{u: u, seen: map[string]bool{}}
	r.body(u.module(module), d.body)
	return r.out
}

// reach is one PythonReach walk.
type reach struct {
	u    *Unit
	seen map[string]bool
	out  []string
}

// body visits the names of a body of module mi.
func (r *reach) body(mi *modInfo, body []ast.Stmt) {
	for _, st := range body {
		eachNode(st, func(x any) bool {
			switch y := x.(type) {
			case *ast.Name:
				r.name(mi, y.Id, 0)
			case *ast.Attribute:
				if n, ok := y.Value.(*ast.Name); ok {
					if b := mi.binds[n.Id]; b != nil && b.kind == bImport && r.u.loadModule(b.target) != nil {
						r.name(r.u.module(b.target), y.Attr, 0)
					}
				}
			}
			return true
		})
	}
}

// name follows a module-level name of mi to the function or class it binds.
func (r *reach) name(mi *modInfo, name string, depth int) {
	b := mi.binds[name]
	if b == nil || depth > 20 {
		return
	}
	switch b.kind {
	case bFunc:
		r.def(mi, b.def)
	case bClass:
		if b.class == nil {
			return
		}
		for _, st := range b.class.Body {
			if d := asDef(st); d != nil {
				r.def(mi, d)
			}
		}
	case bImportFrom:
		if r.u.loadModule(b.target) != nil {
			r.name(r.u.module(b.target), b.attr, depth+1)
		}
	}
}

// def records a function and visits its body once.
func (r *reach) def(mi *modInfo, d *funcDef) {
	key := funcKey(mi.name, d)
	if r.seen[key] {
		return
	}
	r.seen[key] = true
	r.out = append(r.out, key)
	r.body(mi, d.body)
}
