package codegen

import (
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/runtime/router"
	jen "github.com/dave/jennifer/jen"
)

// handler is the generation state of one route's handler.
type handler struct {
	g     *gen
	r     *ir.Route
	tmpl  *router.Template
	local *names
	// stmts is the handler body so far.
	stmts []jen.Code
	// ok is false once something was refused.
	ok bool
	// pre are declarations put before stmts; cache maps a dependency cache key to the
	// local caching its result.
	pre   []jen.Code
	cache map[string]string
	// bodyPlan is the route's body reading.
	bodyPlan *bodyPlan
	// keyCount counts the dependencies of the route by cache key.
	keyCount map[string]int
	// py: the route's functions run through the bridge (py is the handler's *pycall.Call).
	py bool
	// gens names the handler's *pygen.Stack once a yield dependency is entered natively
	// (deps_yield.go).
	gens string
}

func (h *handler) refuse(pos ir.Pos, format string, args ...any) {
	h.g.refuse.add(pos, format, args...)
	h.ok = false
}

func (h *handler) add(c ...jen.Code) { h.stmts = append(h.stmts, c...) }

// route generates the handler of r and returns its Go name; ok is false when the route
// is refused (the refusals are recorded).
func (g *gen) route(r *ir.Route) (string, bool) {
	h := &handler{g: g, r: r, ok: true, local: newNames(goPkgNames...), cache: map[string]string{}, py: g.plan.has(r)}
	h.local.outer = g.pkg
	g.refuse.at = r.Pos
	defer func() { g.refuse.at = g.app0.Pos }()
	if mounts, ok := g.plan.forwarded(r); ok {
		return g.writeForwarded(r, mounts)
	}
	switch r.Kind {
	case ir.WebSocketRoute:
		if h.py {
			return g.webSocketRoute(h) // websocket.go
		}
		h.refuse(r.Pos, "websocket route %s", r.Path)
		return "", false
	case ir.StarletteRoute:
		h.refuse(r.Pos, "Starlette route %s (add_route)", r.Path)
		return "", false
	}
	if r.Unresolved {
		h.refuse(r.Pos, "route %s %s, which the lifter could not resolve", strings.Join(r.Methods, ","), r.Path)
	}
	tmpl, err := router.Compile(r.Template)
	if err != nil {
		h.refuse(r.Pos, "route path %q: %v", r.Template, err)
		return "", false
	}
	h.tmpl = tmpl
	name := g.pkg.get("handle" + camel(r.Name, true))
	h.body()
	if !h.ok {
		return "", false
	}
	f := g.file(moduleFile(r.Endpoint.Module))
	f.Commentf("%s serves @%s(%q) (%s), endpoint %s.", name, strings.ToLower(strings.Join(r.Methods, ",")), r.Path, r.Pos, r.Endpoint.Name)
	if h.py {
		g.writeBridged(f, h, name)
		g.bridged++
		return name, true
	}
	if h.gens != "" {
		g.writeWithGens(f, h, name) // deps_yield.go
		g.routes++
		return name, true
	}
	f.Func().Id(name).Params(jen.Id("rq").Op("*").Qual(pkgRequest, "Request"), jen.Id("out").Op("*").Qual(pkgResponse, "Out")).
		Error().Block(h.stmts...)
	g.routes++
	return name, true
}

// moduleFile is the Go file of the routes of a Python module ("app.routers.items" ->
// "app_routers_items_py.go").
func moduleFile(module string) string {
	if module == "" {
		module = "app"
	}
	return strings.ReplaceAll(module, ".", "_") + "_py.go"
}

// body fills the handler: parameters and dependencies in FastAPI's order, the endpoint
// call, the response.
func (h *handler) body() {
	r := h.r
	d := r.Dependant
	if d == nil {
		h.refuse(r.Pos, "route without a dependant")
		return
	}
	h.bodyPlan = planBody(d)
	h.keyCount = map[string]int{}
	for _, s := range d.Deps {
		s.Walk(func(x *ir.Dependant) { h.keyCount[cacheKey(x)]++ })
	}
	h.readBody()
	lockAt := len(h.stmts) // module state: the mutex is taken here (state.go)
	vars := h.solve(d)
	if !h.ok {
		return
	}
	validates := len(h.stmts) > 0
	if validates {
		h.add(jen.If(jen.Err().Op(":=").Id("errs").Dot("Err").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())))
	}
	if h.py {
		if !h.pyEndpoint(d, vars) {
			h.ok = false
			return
		}
	} else if isGeneratorEndpoint(r) {
		if !h.streamEndpoint(d, vars) { // stream.go
			h.ok = false
			return
		}
	} else {
		fn, args, ok := h.g.endpointFunc(r, d, vars)
		if !ok {
			h.ok = false
			return
		}
		h.add(jen.List(jen.Id("res"), jen.Err()).Op(":=").Id(fn).Call(args...))
		h.add(jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())))
	}
	if h.py || !isGeneratorEndpoint(r) {
		h.respond()
	}
	h.lockState(lockAt)
	var pre []jen.Code
	if validates {
		pre = append(pre, jen.Var().Id("errs").Qual(pkgResponse, "Errors"))
	}
	h.stmts = append(append(pre, h.pre...), h.stmts...)
}

// status is the route's status code.
func (h *handler) status() int {
	if h.r.StatusCode != nil {
		return *h.r.StatusCode
	}
	if h.r.ResponseClass != nil && h.r.ResponseClass.DefaultStatus != 0 {
		return h.r.ResponseClass.DefaultStatus
	}
	return 200
}

// pathIndex returns the index of a path parameter in the route template.
func (h *handler) pathIndex(name string) (int, router.Convertor, bool) {
	for i, n := range h.tmpl.Names {
		if n == name {
			return i, h.tmpl.Convs[i], true
		}
	}
	return 0, 0, false
}
