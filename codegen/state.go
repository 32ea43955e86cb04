package codegen

import (
	"fmt"
	"sort"
	"strings"

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
// A function a route not generated natively runs in CPython — its endpoint, dependencies
// and every app function they call or add as a background task (background_state.go) —
// is not run natively, even when another route translates it.
// Keeping a name in Python can make more routes refuse, so the decision is a fixpoint.
// Why a name stays in Python (the first refusal of the route running a function touching
// it, or that no route served natively runs that function) is recorded and given to the
// translator (translate.Unit.SetStateKept): the coverage report then says it on every
// route refused for using the name, instead of only "module state".

// statePlan is where the app's module state lives.
type statePlan struct {
	// goOwned are the keys ("module.NAME") of the names living in Go, sorted.
	goOwned []string
	// kept says, for each name that is data the functions touching it would keep in
	// Python (key "module.NAME"), why: the first refusal of the function that kept it
	// there (coverage shows it on every route refused for using the name).
	kept map[string]string
	// pins: some data (StateVar.Data) stays in Python and functions refer to it, so
	// bridged calls must run on one worker. Other objects the app mutates (a connection,
	// a client) pin the bridge as before: when a route is refused for using them
	// (touchesState).
	pins bool
	// lifespan: the app's startup and shutdown handlers run natively (lifespan.go).
	lifespan bool
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
	kept := map[string]string{}
	for len(live) > 0 {
		in.state = sortedKeys(live)
		native, why := nativeDefs(in)
		changed := false
		for _, v := range vars {
			if !live[v.Key] {
				continue
			}
			if t, ok := firstNotNative(v.Touchers, native, why); ok {
				delete(live, v.Key)
				kept[v.Key] = keptReason(in, t, why)
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	p := statePlan{goOwned: sortedKeys(live), kept: kept}
	for _, v := range vars {
		if !live[v.Key] && v.Data && len(v.Touchers) > 0 {
			p.pins = true
		}
	}
	return planLifespan(in, p) // lifespan.go
}

// nativeDefs returns the DefKey of every function translated by a route generated
// natively with the module state in.state living in Go, and for the functions of the
// routes refused (their endpoint and dependencies) the first refusal of the route.
func nativeDefs(in Input) (native map[string]bool, why map[string]Refusal) {
	native, why = map[string]bool{}, map[string]Refusal{}
	reach, py := translate.NewUnit(in.Prog, translate.Names{}), map[string]bool{} // background_state.go
	eachRoute(in.App, nil, func(r *ir.Route, _ []string) {
		if forcedRoute(in, r) || r.Kind != ir.APIRoute {
			pythonReached(reach, in, r, py) // only API routes' handlers take the state mutex
			return
		}
		defs, refused := attemptNative(in, r)
		if refused != nil {
			for _, d := range append(routeDefs(in, r), pythonReached(reach, in, r, py)...) {
				if _, seen := why[d]; !seen {
					why[d] = *refused
				}
			}
			return
		}
		for _, d := range defs {
			native[d] = true
		}
	})
	lifespanDefs(in, reach, native, why, py) // lifespan.go
	handlersReached(reach, in, py, why)      // background_state.go
	for d := range py {
		delete(native, d) // it runs in CPython too
	}
	return native, why
}

// routeDefs are the DefKey of the route's endpoint and dependencies found in the sources.
func routeDefs(in Input, r *ir.Route) []string {
	var out []string
	if r.Dependant == nil {
		return nil
	}
	r.Dependant.Walk(func(d *ir.Dependant) {
		if d.Call == nil {
			return
		}
		c := d.Call
		if w := seeThrough(in.Prog, c); w != nil {
			c = w // decorators.go
		}
		if def := findDef(in.Prog, c); def != nil {
			out = append(out, translate.DefKey(c.Module, def))
		}
	})
	return out
}

// firstNotNative returns the first toucher not translated natively, preferring one whose
// route was refused (it has a reason of its own).
func firstNotNative(touchers []string, native map[string]bool, why map[string]Refusal) (string, bool) {
	first, found := "", false
	for _, t := range touchers {
		if native[t] {
			continue
		}
		if _, ok := why[t]; ok {
			return t, true
		}
		if !found {
			first, found = t, true
		}
	}
	return first, found
}

// keptReason says why the function toucher keeps module state in Python: its route's first
// refusal, or that no route served natively runs it.
func keptReason(in Input, toucher string, why map[string]Refusal) string {
	if r, ok := why[toucher]; ok {
		return r.String()
	}
	return "function " + toucherName(in, toucher) + " is not run by a route served natively"
}

// toucherName is "file:line" of a DefKey ("module:line:col"), or the key itself.
func toucherName(in Input, key string) string {
	i := strings.Index(key, ":")
	if i < 0 || in.Prog == nil {
		return key
	}
	m := in.Prog.Modules[key[:i]]
	if m == nil || m.File == nil {
		return key
	}
	line := key[i+1:]
	if j := strings.Index(line, ":"); j >= 0 {
		line = line[:j]
	}
	return "at " + m.Rel + ":" + line
}

// attemptNative generates r alone natively, as attemptRoute does, and returns the
// functions translated for it, or (refused non-nil) the route's first refusal.
func attemptNative(in Input, r *ir.Route) (defs []string, refused *Refusal) {
	if len(r.Diags) > 0 {
		return nil, &Refusal{Pos: r.Diags[0].Pos, What: "unresolved construct: " + r.Diags[0].Msg}
	}
	return attemptAlone(in, r.Pos, "route "+r.Path, func(g *gen) { g.route(r) })
}

// attemptAlone runs gen, with a generator of its own, for what (named in a generator
// error) at pos, and returns the functions translated, or the first refusal.
func attemptAlone(in Input, pos ir.Pos, what string, gen func(g *gen)) (defs []string, refused *Refusal) {
	g := newGen(in)
	g.refuse.at = pos
	defer func() {
		if p := recover(); p != nil {
			defs, refused = nil, &Refusal{Pos: pos, What: fmt.Sprintf("%s: generator error: %v", what, p)}
		}
	}()
	gen(g)
	if g.refuse.len() == 0 {
		for _, m := range g.unit.Models() {
			g.models.get(m, m.Pos)
		}
	}
	if g.refuse.len() > 0 {
		first := g.refuse.sorted()[0]
		return nil, &first
	}
	return g.unit.Translated(), nil
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
		c := d.Call
		if w := seeThrough(h.g.in.Prog, c); w != nil {
			c = w // decorators.go
		}
		if def := findDef(h.g.in.Prog, c); def != nil && h.g.unit.TouchesState(translate.DefKey(c.Module, def)) {
			touches = true
		}
	})
	return touches
}
