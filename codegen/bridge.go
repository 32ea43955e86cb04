package codegen

import (
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	jen "github.com/dave/jennifer/jen"
)

// Bridged routes. A route whose Python functions cannot all be translated keeps its
// routing, parameters, validation, security classes and response in Go, and runs its
// dependencies and endpoint in the app's own CPython code through runtime/pycall (the
// bridge's handler-call mode): all of them, in one bridge session per request, so that
// values and state never split between the two sides within a route.

// bridgePlan is which routes run their functions through the bridge, decided before
// generating.
type bridgePlan struct {
	routes map[*ir.Route]bool
	// forward are the routes served by request forwarding (Input.Forward): bridged routes
	// that still cannot be generated; mounts the mount paths leading to each one's app.
	forward map[*ir.Route][]string
	// reasons are why each bridged route is not native; blockers why a forwarded one
	// cannot be bridged either.
	reasons, blockers map[*ir.Route][]Refusal
	// pinned: some handler touches module state the app's functions mutate. The state
	// lives in the Python worker that runs them, so every bridged call runs on one worker.
	pinned bool
	// state is where module state lives (state.go).
	state statePlan
}

func (p *bridgePlan) has(r *ir.Route) bool { return p != nil && p.routes[r] }

func (p *bridgePlan) forwarded(r *ir.Route) ([]string, bool) {
	if p == nil {
		return nil, false
	}
	m, ok := p.forward[r]
	return m, ok
}

func (p *bridgePlan) any() bool { return p != nil && len(p.routes) > 0 }

// stateMarks are in translate's refusals of constructs that touch module state: a use
// of state the app's functions mutate or rebind, a mutation of a value the function does
// not own, a global statement. A route refused for one of them pins the bridge to one
// worker (over-pinning costs throughput, never correctness).
var stateMarks = []string{"(module state: ", "(not owned by the function)", "global statement"}

// touchesState reports a refusal for module state (see stateMarks).
func touchesState(r Refusal) bool {
	for _, m := range stateMarks {
		if strings.Contains(r.What, m) {
			return true
		}
	}
	return false
}

// planBridge decides which routes are bridged: those forced (Input.BridgeAll, a pragma
// on one of their functions) and those whose native generation is refused. With
// blockers (always with Input.Forward), each bridged route is also generated alone as a
// bridged route, and what refuses it then recorded (Analyze reports it; Forward serves
// those routes by request forwarding).
func planBridge(in Input, blockers bool) *bridgePlan {
	p := &bridgePlan{routes: map[*ir.Route]bool{}, reasons: map[*ir.Route][]Refusal{},
		blockers: map[*ir.Route][]Refusal{}, forward: map[*ir.Route][]string{}}
	p.state = planState(in)
	in.state, in.stateKept, p.pinned = p.state.goOwned, p.state.kept, p.state.pins
	eachRoute(in.App, nil, func(r *ir.Route, mounts []string) {
		rs := attemptRoute(in, r, nil)
		if len(rs) == 0 && !forcedRoute(in, r) {
			return
		}
		p.routes[r] = true
		p.reasons[r] = rs
		for _, x := range rs {
			p.pinned = p.pinned || touchesState(x)
		}
		if !blockers && !in.Forward {
			return
		}
		if bs := attemptRoute(in, r, &bridgePlan{routes: map[*ir.Route]bool{r: true}}); len(bs) > 0 {
			p.blockers[r] = bs
			if in.Forward && forwardable(r) {
				p.forward[r] = mounts
			}
		}
	})
	return p
}

// forwardable reports a route request forwarding can serve: an HTTP route (websockets
// are not forwarded).
func forwardable(r *ir.Route) bool { return r.Kind != ir.WebSocketRoute }

// eachRoute calls f for the routes of a and of its mounted FastAPI sub-apps, depth first
// in mount order, with the paths of the mounts leading to each.
func eachRoute(a *ir.App, mounts []string, f func(r *ir.Route, mounts []string)) {
	for _, r := range a.Routes {
		f(r, mounts)
	}
	for _, m := range a.Mounts {
		if m.Sub != nil {
			eachRoute(m.Sub, append(append([]string(nil), mounts...), m.Path), f)
		}
	}
}

// attemptRoute generates r alone, natively (plan nil) or as planned, and returns its
// refusals. Nothing is written.
func attemptRoute(in Input, r *ir.Route, plan *bridgePlan) []Refusal {
	g := newGen(in)
	g.plan = plan
	g.refuse.at = r.Pos
	for _, d := range r.Diags {
		g.refuse.add(d.Pos, "unresolved construct: %s", d.Msg)
	}
	func() {
		// A generator bug in one route must not hide the others.
		defer func() {
			if p := recover(); p != nil {
				g.refuse.add(r.Pos, "route %s: generator error: %v", r.Path, p)
			}
		}()
		g.route(r)
		if g.refuse.len() == 0 {
			// Models whose constructors the body calls are generated at the end.
			for _, m := range g.unit.Models() {
				g.models.get(m, m.Pos)
			}
		}
	}()
	return g.refuse.sorted()
}

// forcedRoute reports a route bridged whatever it contains: Input.BridgeAll, or a
// `# covetgen: bridge` pragma on its endpoint or one of its dependencies.
func forcedRoute(in Input, r *ir.Route) bool {
	if in.BridgeAll {
		return true
	}
	forced := false
	if r.Endpoint != nil {
		_, forced = in.Pragmas[r.Endpoint.Pos]
	}
	if r.Dependant != nil {
		r.Dependant.Walk(func(d *ir.Dependant) {
			if d.Call != nil {
				if _, ok := in.Pragmas[d.Call.Pos]; ok {
					forced = true
				}
			}
		})
	}
	return forced
}

// pyFuncName is the bridge's name of an app function ("module:QualName"); ok is false for
// what the worker cannot name: lambdas, instances, functions local to a function.
func (h *handler) pyFuncName(c *ir.Callable) (string, bool) {
	name, why := h.g.pyName(c)
	if why != "" {
		h.refuse(c.Pos, "%s", why)
		return "", false
	}
	return name, true
}

// pyTarget is the invocation fields naming c: Fn, and for a callable instance created
// inline, its class with the constant arguments it was built with. What has no
// module-level name (a lambda, a closure, a wrapped endpoint, an instance built from
// values not known statically) is named by its route (bridge_target.go).
func (h *handler) pyTarget(c *ir.Callable) (jen.Dict, bool) {
	if c.Kind != ir.InstanceCallable {
		if _, why := h.g.pyName(c); why != "" && (c.Kind == ir.FunctionCallable || c.Kind == ir.ClassCallable) {
			if t, ok := h.routeTarget(c); ok {
				return jen.Dict{jen.Id("Fn"): jen.Lit(t)}, true
			}
		}
		fn, ok := h.pyFuncName(c)
		return jen.Dict{jen.Id("Fn"): jen.Lit(fn)}, ok
	}
	if name := moduleLevelName(h.g, c); name != "" {
		// The app's own instance, by its module-level name.
		return jen.Dict{jen.Id("Fn"): jen.Lit(c.Module + ":" + name)}, true
	}
	if c.Module == "" || c.QualName == "" || c.Instance == nil {
		if t, ok := h.routeTarget(c); ok {
			return jen.Dict{jen.Id("Fn"): jen.Lit(t)}, true
		}
		h.refuse(c.Pos, "callable instance dependency %s run through the bridge", c.Name)
		return nil, false
	}
	var args, kws []jen.Code
	for i, k := range c.Instance.Keys {
		ks, _ := k.(ir.Str)
		v, ok := constArg(c.Instance.Values[i])
		if !ok {
			if t, ok := h.routeTarget(c); ok {
				return jen.Dict{jen.Id("Fn"): jen.Lit(t)}, true
			}
			h.refuse(c.Pos, "callable instance dependency %s built with %s, run through the bridge", c.Name, c.Instance.Values[i].Repr())
			return nil, false
		}
		if n := string(ks); n != "" && (n[0] < '0' || n[0] > '9') {
			kws = append(kws, jen.Qual(pkgBridge, "Kw").Call(jen.Lit(n), v))
		} else {
			args = append(args, v)
		}
	}
	return jen.Dict{
		jen.Id("Fn"):       jen.Lit(c.Module + ":" + c.QualName),
		jen.Id("Instance"): jen.True(),
		jen.Id("Init"):     jen.Index().Any().Values(append(args, kws...)...),
	}, true
}

// constArg is the Go value of a constant argument, as the bridge sends it.
func constArg(v ir.Value) (jen.Code, bool) {
	switch x := v.(type) {
	case ir.None:
		return jen.Nil(), true
	case ir.Bool:
		return jen.Lit(bool(x)), true
	case ir.Str:
		return jen.Lit(string(x)), true
	case ir.Float:
		return jen.Lit(float64(x)), true
	case ir.Int:
		if !x.V.IsInt64() {
			return nil, false
		}
		return jen.Lit(x.V.Int64()), true
	case ir.List:
		var items []jen.Code
		for _, it := range x {
			c, ok := constArg(it)
			if !ok {
				return nil, false
			}
			items = append(items, c)
		}
		return jen.Index().Any().Values(items...), true
	}
	return nil, false
}

// moduleLevelName is the name a module-level assignment binds the instance c to
// (bar_checker = ContainsChecker("bar")), or "".
func moduleLevelName(g *gen, c *ir.Callable) string {
	m := g.in.Prog.Modules[c.Module]
	if m == nil || m.File == nil || m.File.Module == nil {
		return ""
	}
	for _, s := range m.File.Module.Body {
		a, ok := s.(*ast.Assign)
		if !ok || len(a.Targets) != 1 {
			continue
		}
		n, ok := a.Targets[0].(*ast.Name)
		if ok && m.Pos(a.Value) == c.Pos {
			return n.Id
		}
	}
	return ""
}

// pyName is the bridge's name of c, or why it has none.
func (g *gen) pyName(c *ir.Callable) (name, why string) {
	switch c.Kind {
	case ir.FunctionCallable, ir.ClassCallable:
	case ir.InstanceCallable:
		return "", "callable instance dependency " + c.Name + " run through the bridge"
	default:
		return "", "dependency " + c.Name + " run through the bridge"
	}
	if c.Name == "<lambda>" || c.QualName == "" || c.Module == "" {
		return "", "function " + c.Name + " run through the bridge (it has no module-level name)"
	}
	if c.Kind == ir.FunctionCallable && !moduleLevelDef(g, c) {
		return "", "function " + c.Name + " run through the bridge (it is not defined at module or class level)"
	}
	return c.Module + ":" + c.QualName, ""
}

// moduleLevelDef reports whether the def of c is a statement of its module or of a class
// at module level (so module:QualName finds it).
func moduleLevelDef(g *gen, c *ir.Callable) bool { return findDefIn(g.in.Prog, c, true) != nil }

// pyCall writes the bridge invocation of d's callable with its parameters from vars and
// returns the bridge.Invocation literal; ok is false when a parameter cannot be sent.
func (h *handler) pyCall(d *ir.Dependant, vars map[string]arg, extra jen.Dict) (jen.Code, bool) {
	c := d.Call
	lit, ok := h.pyTarget(c)
	if !ok {
		return nil, false
	}
	var args []jen.Code
	var reqP, respP, bgP []jen.Code
	for _, p := range d.Params {
		switch p.In {
		case ir.InRequest:
			reqP = append(reqP, jen.Lit(p.Name))
			continue
		case ir.InResponse:
			respP = append(respP, jen.Lit(p.Name))
			continue
		case ir.InBackgroundTasks:
			bgP = append(bgP, jen.Lit(p.Name))
			continue
		case ir.InWebSocket, ir.InHTTPConnection:
			h.refuse(p.Pos, "%s parameter %s of a function run through the bridge", p.In, p.Name)
			return nil, false
		}
		if p.In != ir.InSecurityScopes && hasClassType(p.Type) && !onlyUploadClasses(p.Type) {
			h.refuse(p.Pos, "parameter %s of type %s of a function run through the bridge", p.Name, p.Type)
			return nil, false
		}
		v, ok := vars[p.Name]
		if !ok || v.code == nil {
			h.refuse(p.Pos, "parameter %s of %s", p.Name, c.Name)
			return nil, false
		}
		args = append(args, jen.Qual(pkgBridge, "Kw").Call(jen.Lit(p.Name), v.code))
	}
	for _, s := range d.Deps {
		if s.Name == "" {
			continue
		}
		v, ok := vars[s.Name]
		if !ok || v.code == nil {
			h.refuse(s.Pos, "parameter %s of %s", s.Name, c.Name)
			return nil, false
		}
		args = append(args, jen.Qual(pkgBridge, "Kw").Call(jen.Lit(s.Name), v.code))
	}
	if len(args) > 0 {
		lit[jen.Id("Args")] = jen.Index().Any().Custom(jen.Options{Open: "{", Close: "}", Multi: true, Separator: ","}, args...)
	}
	for k, list := range map[string][]jen.Code{"RequestParams": reqP, "ResponseParams": respP, "BackgroundParams": bgP} {
		if len(list) > 0 {
			lit[jen.Id(k)] = jen.Index().String().Values(list...)
		}
	}
	for k, v := range extra {
		lit[k] = v
	}
	return jen.Qual(pkgBridge, "Invocation").Values(lit), true
}

// pyDepCall is the call expression of a bridged dependency's invocation inv: py.Later,
// which queues the call to run in the same round trip as the route's next call whose
// reply Go needs (the endpoint's: one round trip for all the route's functions; an
// exception one raises comes back from it, or from py.End when Go's own error comes
// first). In a bridged route Go never needs a dependency's value in between: solve's
// vars go only to later bridged calls (pyCall); security classes and parameters are
// read from the request, never from a Python result, and what Go raises meanwhile is
// answered after the queued calls ran (py.End), as FastAPI raises it after them. A
// value Go reads must come from py.Dep instead, which sends the queued calls with its
// own and returns the result: a consumer added in Go must break the chain that way.
func (h *handler) pyDepCall(inv jen.Code) jen.Code {
	return jen.Id("py").Dot("Later").Call(inv)
}

// hasClassType reports a type that holds an arbitrary class (UploadFile, a user class):
// values the bridge has no form for.
func hasClassType(t *ir.Type) bool {
	if t == nil {
		return false
	}
	if t.Kind == ir.KindClass {
		return true
	}
	for _, a := range t.Args {
		if hasClassType(a) {
			return true
		}
	}
	return false
}

// pyEndpoint writes the bridged call of the endpoint: res (its value) or, on path B or
// with an opaque response model (workerResponds), resBody (the body Python rendered),
// or the Response it returned, already set on out.
func (h *handler) pyEndpoint(d *ir.Dependant, vars map[string]arg) bool {
	var extra jen.Dict
	lhs := []jen.Code{jen.Id("res"), jen.Id("_"), jen.Id("done"), jen.Err()}
	switch {
	case h.classResponds():
		// The worker builds the response with the route's response class (respclass.go).
		rc, ok := h.responseClass()
		if !ok {
			return false
		}
		extra = jen.Dict{jen.Id("Class"): rc}
		lhs[0] = jen.Id("_")
	case h.workerResponds():
		// The worker validates and serializes the result (an opaque response model).
		rf, ok := h.responseField()
		if !ok {
			return false
		}
		extra = jen.Dict{jen.Id("Response"): rf}
		lhs[0], lhs[1] = jen.Id("_"), jen.Id("resBody")
	case pathB(h.r):
		extra = jen.Dict{jen.Id("Body"): jen.True()}
		lhs[0], lhs[1] = jen.Id("_"), jen.Id("resBody")
	}
	inv, ok := h.pyCall(d, vars, extra)
	if !ok {
		return false
	}
	h.add(jen.List(lhs...).Op(":=").Id("py").Dot("Endpoint").Call(jen.Id("out"), inv))
	h.add(jen.If(jen.Err().Op("!=").Nil().Op("||").Id("done")).Block(jen.Return(jen.Err())))
	return true
}
