package codegen

import (
	"github.com/covetpy/covetgen/codegen/translate"
	"github.com/covetpy/covetgen/ir"
)

// Functions a route runs in CPython. A route that is not generated natively (refused,
// forced to the bridge by a pragma, a websocket route) runs its endpoint and dependencies
// in a bridge worker, and with them every app function they call or hand on — a
// background task they add, a helper, a callback (translate.Unit.PythonReach); so do the
// app's exception handlers, which the bridge worker runs. Those run
// in Python even when another route translates them, so module state they touch must
// stay in Python (state.go's plan drops them from the functions run natively).

// pythonReached adds to py the DefKey of the app functions r's functions may run in
// CPython (themselves included), and returns the ones it reaches beyond r's functions.
func pythonReached(u *translate.Unit, in Input, r *ir.Route, py map[string]bool) []string {
	if r.Dependant == nil || in.Prog == nil {
		return nil
	}
	var reached []string
	r.Dependant.Walk(func(d *ir.Dependant) {
		if d.Call == nil {
			return
		}
		def := findDef(in.Prog, d.Call)
		if def == nil {
			return
		}
		py[translate.DefKey(d.Call.Module, def)] = true
		for _, k := range u.PythonReach(d.Call.Module, def) {
			py[k] = true
			reached = append(reached, k)
		}
	})
	return reached
}

// handlersReached adds to py the app's exception handlers (the bridge worker runs them)
// and every app function they may run, with why (when none is known yet) naming the
// handler.
func handlersReached(u *translate.Unit, in Input, py map[string]bool, why map[string]Refusal) {
	if in.App == nil || in.Prog == nil {
		return
	}
	var visit func(a *ir.App)
	visit = func(a *ir.App) {
		for _, h := range a.ExceptionHandlers {
			if h.Handler == nil {
				continue
			}
			def := findDef(in.Prog, h.Handler)
			if def == nil {
				continue
			}
			r := Refusal{Pos: h.Pos, What: "exception handler " + h.Handler.Name + " (the bridge worker runs it)"}
			for _, k := range append([]string{translate.DefKey(h.Handler.Module, def)}, u.PythonReach(h.Handler.Module, def)...) {
				py[k] = true
				if _, seen := why[k]; !seen {
					why[k] = r
				}
			}
		}
		for _, m := range a.Mounts {
			if m.Sub != nil {
				visit(m.Sub)
			}
		}
	}
	visit(in.App)
}
