package lift

import (
	"sort"

	"github.com/covetpy/covetgen/parser/ast"
)

// Models constructed in function bodies. A BaseModel class the routes never name (a
// UserInDB built by an endpoint and returned through a response_model of its base) is
// not lifted from the signatures; the code generator needs it to translate the
// construction. liftBodyModels lifts every module-level BaseModel class called by name
// in a def of the app's modules, keeping it only when it (and every model lifting it
// brought in) is fully resolved: a model nobody's signature uses must not add
// diagnostics to the app (each model's diagnostic refuses the whole app).
func (in *interp) liftBodyModels() {
	names := make([]string, 0, len(in.mods))
	for name := range in.mods {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		ms := in.mods[name]
		if ms == nil || !ms.done || ms.mod == nil || ms.mod.File == nil || ms.mod.File.Module == nil {
			continue
		}
		for _, st := range ms.mod.File.Module.Body {
			var body []ast.Stmt
			switch d := st.(type) {
			case *ast.FunctionDef:
				body = d.Body
			case *ast.AsyncFunctionDef:
				body = d.Body
			default:
				continue
			}
			for _, b := range body {
				calledNames(b, func(n string) { in.liftCalledModel(ms, n) })
			}
		}
	}
}

// liftCalledModel lifts the module-level BaseModel class name of ms, when it is one not
// lifted yet, keeping it only when everything lifted with it is resolved.
func (in *interp) liftCalledModel(ms *modState, name string) {
	o, ok := ms.globals.names[name]
	if !ok {
		return
	}
	c, ok := o.(*classObj)
	if !ok || c.model != nil || c.kind() != modelClass {
		return
	}
	before, diags := len(in.models), len(in.diags)
	in.liftModel(c)
	for _, m := range in.models[before:] {
		if m.Unresolved || len(m.Diags) > 0 {
			in.models = in.models[:before]
			break
		}
	}
	if len(in.diags) > diags {
		in.models = in.models[:before]
		in.diags = in.diags[:diags]
	}
}

// calledNames calls fn with the name of every call of a plain name in n (nested defs
// included).
func calledNames(n ast.Node, fn func(string)) {
	ast.Inspect(n, func(x ast.Node) bool {
		if c, ok := x.(*ast.Call); ok {
			if nm, ok := c.Func.(*ast.Name); ok {
				fn(nm.Id)
			}
		}
		return true
	})
}
