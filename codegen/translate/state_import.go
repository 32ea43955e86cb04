package translate

// Functions run at import time. Code run while the app is imported may call app
// functions (a decorator such as `def registered(func): REGISTRY.append(...)`, a setup
// helper called at module level, a class instantiated there): module state such a
// function touches is changed before any request, which the initial value Go computes
// from the assignment would miss. importRuns collects those functions (called directly,
// applied as decorators, methods of classes called, and, transitively, the app functions
// their bodies call by name and the defs nested in them); a state variable one of them
// touches stays in Python, as a variable code run at import uses.

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// importRuns is the set of defs code run at import may call.
type importRuns struct {
	u    *Unit
	keys map[string]ir.Pos // DefKey -> the import-time code calling it
	todo []importRun
}

type importRun struct {
	mi   *modInfo
	body []ast.Stmt
	at   ir.Pos
}

func newImportRuns(u *Unit) *importRuns { return &importRuns{u: u, keys: map[string]ir.Pos{}} }

// call records the app defs the callee expression e (in module mi) may run, called by
// code at at.
func (r *importRuns) call(mi *modInfo, e ast.Expr, at ir.Pos) {
	switch x := e.(type) {
	case *ast.Name:
		r.named(mi, x.Id, at, 0)
	case *ast.Attribute:
		if _, ok := x.Value.(*ast.Name); ok {
			g := r.u.resolveExpr(mi, x.Value, nil)
			if g.kind == gModule && g.mi != nil {
				r.named(g.mi, x.Attr, at, 0)
			}
		}
	}
}

// named records the def or class a module-level name of mi is bound to.
func (r *importRuns) named(mi *modInfo, name string, at ir.Pos, depth int) {
	b, ok := mi.binds[name]
	if !ok || depth > 20 {
		return
	}
	switch b.kind {
	case bFunc:
		r.add(mi, funcKey(mi.name, b.def), b.def.body, at)
	case bClass:
		for _, st := range b.class.Body {
			if d := asDef(st); d != nil {
				r.add(mi, DefKey(mi.name, st), d.body, at)
			}
		}
	case bImportFrom:
		if r.u.loadModule(b.target) != nil {
			r.named(r.u.module(b.target), b.attr, at, depth+1)
		}
	}
}

// add records one def and queues its body.
func (r *importRuns) add(mi *modInfo, key string, body []ast.Stmt, at ir.Pos) {
	if _, seen := r.keys[key]; seen {
		return
	}
	r.keys[key] = at
	r.todo = append(r.todo, importRun{mi: mi, body: body, at: at})
}

// close follows the calls and nested defs of the recorded defs' bodies.
func (r *importRuns) close() {
	for len(r.todo) > 0 {
		run := r.todo[len(r.todo)-1]
		r.todo = r.todo[:len(r.todo)-1]
		for _, st := range run.body {
			eachNode(st, func(x any) bool {
				switch y := x.(type) {
				case *ast.Call:
					r.call(run.mi, y.Func, run.at)
				case *ast.FunctionDef, *ast.AsyncFunctionDef:
					if d := asDef(y.(ast.Stmt)); d != nil {
						r.add(run.mi, DefKey(run.mi.name, y.(ast.Stmt)), d.body, run.at)
					}
				}
				return true
			})
		}
	}
}

// keepTouched makes the variables a def run at import touches stay in Python.
func (r *importRuns) keepTouched(vars map[string]*StateVar) {
	r.close()
	for _, v := range vars {
		if v.Why != "" {
			continue
		}
		for _, t := range v.Touchers {
			if at, ok := r.keys[t]; ok {
				v.Why = "code run at import (" + at.String() + ") calls a function using it"
				break
			}
		}
	}
}
