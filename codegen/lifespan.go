package codegen

import (
	"github.com/covetpy/covetgen/codegen/translate"
	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// Startup and shutdown handlers run natively. An app's @app.on_event("startup") and
// ("shutdown") handlers (FastAPI(on_startup=..., on_shutdown=...) too) whose functions all
// translate, taking no parameter, run in Go around serving: the startup ones in order
// before the listener accepts (one that raises stops the server before it serves, as
// uvicorn exits), the shutdown ones in order after the last request, each holding the
// module-state mutex when it touches state living in Go. The module state they fill then
// lives in Go like the state routes touch (state.go: they count as functions run
// natively). That holds only for a service without the bridge: its workers run the
// app's lifespan themselves (uvicorn runs it in each worker process), so when a route is
// bridged or the app has exception handlers, or when a handler does not translate, every
// handler runs in the workers as before, and its state stays in Python.
//
// A lifespan= function (lifespan_split.go) runs natively the same way when it is an
// @asynccontextmanager async def with one top-level bare `yield`: the statements before
// it are the startup, the ones after it the shutdown.

// lifespanBridged is the reason startup handlers run in Python when some route needs the
// bridge (its workers run the app's lifespan).
const lifespanBridged = "startup and shutdown handlers in Python (the service runs bridge workers, which run the app's lifespan)"

// lifespanHandlers are the app's startup then shutdown handlers.
func lifespanHandlers(a *ir.App) []*ir.Callable {
	if a == nil {
		return nil
	}
	return append(append([]*ir.Callable(nil), a.StartupHandlers...), a.ShutdownHandlers...)
}

// lifespanCandidate reports an app whose startup and shutdown handlers (or lifespan
// function) may run natively.
func lifespanCandidate(in Input) bool {
	a := in.App
	if a == nil || in.BridgeAll || len(a.ExceptionHandlers) > 0 {
		return false
	}
	n := len(lifespanHandlers(a))
	return a.Lifespan == nil && n > 0 || a.Lifespan != nil && n == 0
}

// lifespanCallables are the handlers, or the lifespan function.
func lifespanCallables(a *ir.App) []*ir.Callable {
	if a.Lifespan != nil {
		return []*ir.Callable{a.Lifespan}
	}
	return lifespanHandlers(a)
}

// lifespanDefs is nativeDefs' part for the lifespan: the handlers (with the helpers they
// call) are native when they all translate and in.lifespanPy is unset; otherwise they and
// the lifespan function, with everything they run, run in Python, for the reason of the
// first refusal.
func lifespanDefs(in Input, reach *translate.Unit, native map[string]bool, why map[string]Refusal, py map[string]bool) {
	a := in.App
	if a == nil || in.Prog == nil {
		return
	}
	var refused *Refusal
	if lifespanCandidate(in) {
		if in.lifespanPy {
			refused = &Refusal{Pos: lifespanCallables(a)[0].Pos, What: lifespanBridged}
		} else {
			defs, r := attemptLifespan(in)
			if r == nil {
				for _, d := range defs {
					native[d] = true
				}
				return
			}
			refused = r
		}
	}
	calls := lifespanHandlers(a)
	if a.Lifespan != nil {
		calls = append(calls, a.Lifespan)
	}
	for _, c := range calls {
		def := findDef(in.Prog, c)
		if def == nil {
			continue
		}
		keys := append([]string{translate.DefKey(c.Module, def)}, reach.PythonReach(c.Module, def)...)
		for _, k := range keys {
			py[k] = true
			if _, seen := why[k]; !seen && refused != nil {
				why[k] = *refused
			}
		}
	}
}

// attemptLifespan translates the handlers alone and returns the functions translated, or
// the first refusal.
func attemptLifespan(in Input) (defs []string, refused *Refusal) {
	return attemptAlone(in, in.App.Pos, "startup handlers", func(g *gen) { g.lifespanFuncs() })
}

// lifespanFuncs translates the handlers and returns the Go funcs of the startup ones and
// of the shutdown ones (refusals recorded).
func (g *gen) lifespanFuncs() (startup, shutdown []string) {
	a := g.in.App
	if a.Lifespan != nil {
		up, down, ok := g.lifespanSplit(a.Lifespan) // lifespan_split.go
		if !ok {
			return nil, nil
		}
		return []string{up}, []string{down}
	}
	for i, c := range lifespanHandlers(a) {
		pf := g.translated(c, nil)
		if !pf.ok {
			continue
		}
		if len(pf.params) > 0 {
			g.refuse.add(c.Pos, "startup or shutdown handler %s with parameters", c.Name)
			continue
		}
		if i < len(a.StartupHandlers) {
			startup = append(startup, pf.name)
		} else {
			shutdown = append(shutdown, pf.name)
		}
	}
	return startup, shutdown
}

// nativeLifespan is the server.Lifespan running the handlers in Go (main.go).
func (g *gen) nativeLifespan() *jen.Statement {
	startup, shutdown := g.lifespanFuncs()
	hook := func(fns []string) *jen.Statement {
		var body []jen.Code
		if g.lifespanTouchesState() {
			mu := g.unit.StateMutex()
			body = append(body, jen.Id(mu).Dot("Lock").Call(), jen.Defer().Id(mu).Dot("Unlock").Call())
		}
		for _, fn := range fns {
			body = append(body, jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id(fn).Call(), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Err()),
			))
		}
		body = append(body, jen.Return(jen.Nil()))
		return jen.Func().Params(jen.Id("ctx").Qual("context", "Context")).Error().Block(body...)
	}
	return jen.Qual(pkgServer, "Lifespan").Values(jen.Dict{
		jen.Id("Startup"):  hook(startup),
		jen.Id("Shutdown"): hook(shutdown),
	})
}

// lifespanTouchesState reports a handler touching module state living in Go.
func (g *gen) lifespanTouchesState() bool {
	for _, c := range lifespanCallables(g.in.App) {
		if def := findDef(g.in.Prog, c); def != nil && g.unit.TouchesState(translate.DefKey(c.Module, def)) {
			return true
		}
	}
	return false
}

// planLifespan completes the state plan p (made with in.state = p.goOwned): startup
// handlers that ran natively in it must run in Python after all when the service needs
// the bridge (a route not native); the plan is then made again with them in Python.
func planLifespan(in Input, p statePlan) statePlan {
	if !lifespanCandidate(in) || in.lifespanPy {
		return p
	}
	in.state = p.goOwned
	if _, refused := attemptLifespan(in); refused != nil {
		return p
	}
	if !allNative(in) {
		in.lifespanPy = true
		return planState(in)
	}
	p.lifespan = true
	return p
}

// allNative reports whether every route of the app is generated natively with the module
// state in.state living in Go.
func allNative(in Input) bool {
	all := true
	eachRoute(in.App, nil, func(r *ir.Route, _ []string) {
		if !all {
			return
		}
		if forcedRoute(in, r) || r.Kind != ir.APIRoute {
			all = false
			return
		}
		if _, refused := attemptNative(in, r); refused != nil {
			all = false
		}
	})
	return all
}

// nativeLife reports that the plan runs the startup and shutdown handlers in Go.
func (g *gen) nativeLife() bool { return g.plan != nil && g.plan.state.lifespan }
