package codegen

import (
	"github.com/covetpy/covetgen/codegen/translate"
	"github.com/covetpy/covetgen/ir"
)

// Functions a route runs in CPython. A route that is not generated natively (refused,
// forced to the bridge by a pragma, a websocket route) runs its endpoint and dependencies
// in a bridge worker, and with them every app function they call or hand on — a
// background task they add, a helper, a callback (translate.Unit.PythonReach). Those run
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
