package codegen

import (
	"fmt"
	"sort"

	"github.com/covetpy/covetgen/codegen/translate"
	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// Module state ownership. A module-level name the app mutates or rebinds (a dict of
// records, a counter) lives either in Go — one package variable of the service, guarded
// by one mutex held for each translated body that touches it (codegen/translate's
// state.go) — or in Python, in the bridge worker that runs every function touching it
// (the bridge is then pinned to one worker). It lives in Go when every function that
// refers to it translates: each is the endpoint, a dependency or a helper of a route
// generated natively. Any other function referring to it (a route's function refused for
// another reason, a background task, a startup handler, an exception handler, a function
// no route calls) keeps it in Python, and with it every route whose functions touch it.
// Keeping a name in Python can make more routes refuse, so the decision is a fixpoint.

// statePlan is where the app's module state lives.
type statePlan struct {
	// goOwned are the keys ("module.NAME") of the names living in Go, sorted.
	goOwned []string
	// pins: some data (StateVar.Data) stays in Python and functions refer to it, so
	// bridged calls must run on one worker. Other objects the app mutates (a connection,
	// a client) pin the bridge as before: when a route is refused for using them
	// (touchesState).
	pins bool
}

// planState decides which module state lives in Go (see above).
func planState(in Input) statePlan {
	if in.Prog == nil || in.App == nil {
		return statePlan{}
	}
	vars := translate.NewUnit(in.Prog, translate.Names{}).StateVars(in.App)
	live := map[string]bool{}
	for _, v := range vars {
		if v.Why == "" && len(v.Touchers) > 0 && !in.BridgeAll {
			live[v.Key] = true
		}
	}
	for len(live) > 0 {
		in.state = sortedKeys(live)
		native := nativeDefs(in)
		changed := false
		for _, v := range vars {
			if !live[v.Key] {
				continue
			}
			for _, t := range v.Touchers {
				if !native[t] {
					delete(live, v.Key)
					changed = true
					break
				}
			}
		}
		if !changed {
			break
		}
	}
	p := statePlan{goOwned: sortedKeys(live)}
	for _, v := range vars {
		if !live[v.Key] && v.Data && len(v.Touchers) > 0 {
			p.pins = true
		}
	}
	return p
}

// nativeDefs returns the DefKey of every function translated by a route generated
// natively with the module state in.state living in Go.
func nativeDefs(in Input) map[string]bool {
	native := map[string]bool{}
	eachRoute(in.App, nil, func(r *ir.Route, _ []string) {
		if forcedRoute(in, r) {
			return
		}
		if r.Kind != ir.APIRoute {
			return // only API routes' handlers take the state mutex
		}
		defs, ok := attemptNative(in, r)
		if !ok {
			return
		}
		for _, d := range defs {
			native[d] = true
		}
	})
	return native
}

// attemptNative generates r alone natively, as attemptRoute does, and returns the
// functions translated for it; ok is false when the route is refused.
func attemptNative(in Input, r *ir.Route) (defs []string, ok bool) {
	if len(r.Diags) > 0 {
		return nil, false
	}
	g := newGen(in)
	g.refuse.at = r.Pos
	defer func() {
		if p := recover(); p != nil {
			defs, ok = nil, false
		}
	}()
	g.route(r)
	if g.refuse.len() == 0 {
		for _, m := range g.unit.Models() {
			g.models.get(m, m.Pos)
		}
	}
	if g.refuse.len() > 0 {
		return nil, false
	}
	return g.unit.Translated(), true
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// String describes the plan (tests, debugging).
func (p statePlan) String() string {
	return fmt.Sprintf("go=%v pins=%v", p.goOwned, p.pins)
}

// lockState makes the handler hold the state mutex from statement at (after the body is
// read, before the first dependency) to its return, when a function of the route touches
// module state living in Go: values it returns may be state itself, used by the next
// function and encoded into the response.
func (h *handler) lockState(at int) {
	if h.py || h.r.Kind != ir.APIRoute || !h.touchesState() {
		return
	}
	mu := h.g.unit.StateMutex()
	lock := []jen.Code{
		jen.Id(mu).Dot("Lock").Call().Comment("module state (translated functions touch it)"),
		jen.Defer().Id(mu).Dot("Unlock").Call(),
	}
	rest := append([]jen.Code(nil), h.stmts[at:]...)
	h.stmts = append(append(h.stmts[:at], lock...), rest...)
}

// touchesState reports whether a translated function of the route touches module state.
func (h *handler) touchesState() bool {
	touches := false
	h.r.Dependant.Walk(func(d *ir.Dependant) {
		if d.Call == nil {
			return
		}
		if def := findDef(h.g.in.Prog, d.Call); def != nil && h.g.unit.TouchesState(translate.DefKey(d.Call.Module, def)) {
			touches = true
		}
	})
	return touches
}
