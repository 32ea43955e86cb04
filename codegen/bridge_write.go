package codegen

import (
	"sort"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/runtime/router"
	jen "github.com/dave/jennifer/jen"
)

// writeBridged writes the handler of a bridged route: name opens the request's bridge
// call and ends it; nameBody is the handler h built (parameters, bridged functions,
// response); a pycall.Route describes the route to the bridge.
func (g *gen) writeBridged(f *jen.File, h *handler, name string) {
	r := h.r
	base := strings.TrimPrefix(name, "handle")
	inner := g.pkg.get(name + "Body")
	routeVar := g.pkg.get("pyRoute" + base)
	f.Comment("Its dependencies and endpoint run in CPython through the bridge:")
	for _, x := range g.plan.reasons[r] {
		f.Comment("  " + x.String())
	}
	if len(g.plan.reasons[r]) == 0 {
		f.Comment("  (forced: --bridge-all or a # covetgen: bridge pragma)")
	}
	f.Func().Id(name).Params(jen.Id("rq").Op("*").Qual(pkgRequest, "Request"), jen.Id("out").Op("*").Qual(pkgResponse, "Out")).Error().Block(
		jen.Id("py").Op(":=").Qual(pkgPycall, "Begin").Call(jen.Id("pyPool"), jen.Id(routeVar), jen.Id("rq")),
		jen.Return(jen.Id("py").Dot("End").Call(jen.Id("out"), jen.Id(inner).Call(jen.Id("rq"), jen.Id("out"), jen.Id("py")))),
	)
	f.Line()
	f.Commentf("%s reads and validates the parameters of %s in Go and calls its Python functions through py.", inner, r.Endpoint.Name)
	f.Func().Id(inner).Params(jen.Id("rq").Op("*").Qual(pkgRequest, "Request"), jen.Id("out").Op("*").Qual(pkgResponse, "Out"),
		jen.Id("py").Op("*").Qual(pkgPycall, "Call")).Error().Block(h.stmts...)
	f.Line()
	lit := jen.Dict{jen.Id("Models"): jen.Id("pyModels")}
	if g.plan.pinned {
		lit[jen.Id("Pinned")] = jen.True()
	}
	if g.customExceptionHandlers() {
		lit[jen.Id("Request")] = jen.True()
	}
	if len(h.tmpl.Names) > 0 {
		var names, convs []jen.Code
		for i, n := range h.tmpl.Names {
			names = append(names, jen.Lit(n))
			convs = append(convs, jen.Qual(pkgRouter, convName(h.tmpl.Convs[i])))
		}
		lit[jen.Id("Names")] = jen.Index().String().Values(names...)
		lit[jen.Id("Convs")] = jen.Index().Qual(pkgRouter, "Convertor").Values(convs...)
	}
	f.Commentf("%s tells the bridge how to run the functions of %s.", routeVar, r.Endpoint.Name)
	f.Var().Id(routeVar).Op("=").Op("&").Qual(pkgPycall, "Route").Values(lit)
}

// convName is the Go name of a router.Convertor.
func convName(c router.Convertor) string {
	switch c {
	case router.Path:
		return "Path"
	case router.Int:
		return "Int"
	case router.Float:
		return "Float"
	case router.UUID:
		return "UUID"
	}
	return "Str"
}

// customExceptionHandlers reports exception handlers of the app for its own exception
// classes: the bridge worker runs them for the exceptions bridged functions raise.
func (g *gen) customExceptionHandlers() bool {
	found := false
	var walk func(a *ir.App)
	walk = func(a *ir.App) {
		for _, h := range a.ExceptionHandlers {
			if g.isAppException(h) {
				found = true
			}
		}
		for _, m := range a.Mounts {
			if m.Sub != nil {
				walk(m.Sub)
			}
		}
	}
	walk(g.app0)
	return found
}

// isAppException reports an exception handler for a class defined in the app's own
// modules (not FastAPI's, Starlette's or a built-in exception).
func (g *gen) isAppException(h *ir.ExceptionHandler) bool {
	if h.Exception == "" || g.in.Prog == nil {
		return false
	}
	i := strings.LastIndexByte(h.Exception, '.')
	if i < 0 {
		return false
	}
	_, ok := g.in.Prog.Modules[h.Exception[:i]]
	return ok
}

// excHandlers are the app's exception handlers Go calls through the bridge
// (pycall.Handlers): of starlette's HTTPException, of RequestValidationError, of status
// codes.
type excHandlers struct {
	http, validation string
	codes            map[int]string
}

func (e *excHandlers) any() bool {
	return e.http != "" || e.validation != "" || len(e.codes) > 0
}

// goCalledHandler records an exception handler of the top app that Go calls through
// the bridge, or says why it cannot.
func (g *gen) goCalledHandler(h *ir.ExceptionHandler) string {
	if h.Handler == nil {
		return "its handler is unknown"
	}
	name, why := g.pyName(h.Handler)
	if why != "" {
		return why
	}
	switch {
	case h.Exception == "" && h.Code == 500:
		return "500 handlers run in ServerErrorMiddleware"
	case h.Exception == "":
		if g.exc.codes == nil {
			g.exc.codes = map[int]string{}
		}
		g.exc.codes[h.Code] = name
	case h.Exception == "starlette.exceptions.HTTPException":
		g.exc.http = name
	case h.Exception == "fastapi.exceptions.RequestValidationError":
		g.exc.validation = name
	default:
		return "only the app's own exception classes, starlette's HTTPException, RequestValidationError and status codes are supported"
	}
	return ""
}

// needBridge reports a service that starts the bridge's workers: bridged routes, or
// exception handlers Go calls.
func (g *gen) needBridge() bool { return g.plan.any() || g.exc.any() || g.lifespan }

// writeBridge writes bridge.go for a service with bridged routes: the worker pool and the
// models Python results are rebuilt as.
func (g *gen) writeBridge() {
	if !g.needBridge() {
		return
	}
	f := g.file("bridge.go")
	f.HeaderComment("The bridge: the app's functions covetgen did not translate run in CPython worker processes.")
	f.Comment("pyPool runs the app's Python functions (started by main before serving).")
	f.Var().Id("pyPool").Op("*").Qual(pkgBridge, "Pool")
	f.Line()
	hd := jen.Dict{jen.Id("Pool"): jen.Func().Params().Op("*").Qual(pkgBridge, "Pool").Block(jen.Return(jen.Id("pyPool")))}
	if g.exc.http != "" {
		hd[jen.Id("HTTP")] = jen.Lit(g.exc.http)
	}
	if g.exc.validation != "" {
		hd[jen.Id("Validation")] = jen.Lit(g.exc.validation)
	}
	if len(g.exc.codes) > 0 {
		codes := jen.Dict{}
		for c, fn := range g.exc.codes {
			codes[jen.Lit(c)] = jen.Lit(fn)
		}
		hd[jen.Id("Codes")] = jen.Map(jen.Int()).String().Values(codes)
	}
	f.Comment("appExceptions are the app's exception handlers: those of its own exception classes")
	f.Comment("run in the worker with the function that raised; these Go calls through the bridge.")
	f.Var().Id("appExceptions").Op("=").Op("&").Qual(pkgPycall, "Handlers").Values(hd)
	f.Line()
	var cases []jen.Code
	var models []*modelInfo
	for _, mi := range g.models.done {
		if mi.ok && mi.m.Module != "" && mi.m.QualName != "" && !strings.HasPrefix(mi.m.Module, "fastapi") && bridgeRebuildable(mi) {
			models = append(models, mi)
		}
	}
	sort.Slice(models, func(i, j int) bool { return models[i].goName < models[j].goName })
	for _, mi := range models {
		cases = append(cases, jen.Case(jen.Lit(mi.m.Module+":"+mi.m.QualName)).Block(g.rebuildModel(mi)...))
	}
	f.Comment("pyModels builds the Go value of a pydantic model instance a Python function returned")
	f.Comment("(class \"module:QualName\", its fields by name and the fields set) for the models the")
	f.Comment("service knows; an instance of another class is kept as a pyval.Object, which the")
	f.Comment("bridge sends back as the same class.")
	body := []jen.Code{}
	if len(cases) > 0 {
		body = append(body, jen.Switch(jen.Id("class")).Block(cases...))
	}
	body = append(body, jen.Return(jen.Op("&").Qual(pkgPyval, "Object").Values(jen.Dict{
		jen.Id("Class"): jen.Id("class"), jen.Id("Fields"): jen.Id("fields"), jen.Id("Set"): jen.Id("set"),
	}), jen.Nil()))
	f.Func().Id("pyModels").Params(jen.Id("class").String(), jen.Id("fields").Op("*").Qual(pkgPyval, "Dict"), jen.Id("set").Index().String()).
		Params(jen.Qual(pkgPyval, "Value"), jen.Error()).Block(body...)
}

// bridgeRebuildable reports a model whose fields can be looked up by a single input key
// (no AliasPath / AliasChoices validation aliases) and without validators, which
// rebuilding would run again on values Python already validated (validators.go).
func bridgeRebuildable(mi *modelInfo) bool {
	if len(mi.m.Validators) > 0 {
		return false
	}
	for _, fi := range mi.fields {
		if len(fi.f.Info.ValidationAliasPaths) > 0 || len(fi.keys) == 0 {
			return false
		}
	}
	return true
}

// rebuildModel is the case of pyModels for one model: the fields validated by its
// constructor (renamed to their input aliases), then the fields set as Python had them.
func (g *gen) rebuildModel(mi *modelInfo) []jen.Code {
	kw := jen.Id("fields")
	var stmts []jen.Code
	renamed := false
	for _, fi := range mi.fields {
		if fi.keys[0] != fi.f.Name {
			renamed = true
		}
	}
	if renamed {
		kw = jen.Id("kw")
		stmts = append(stmts, jen.Id("kw").Op(":=").Op("&").Qual(pkgPyval, "Dict").Values())
		for _, fi := range mi.fields {
			stmts = append(stmts, jen.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Id("fields").Dot("GetStr").Call(jen.Lit(fi.f.Name)), jen.Id("ok")).Block(
				jen.Id("kw").Dot("SetStr").Call(jen.Lit(fi.keys[0]), jen.Id("v")),
			))
		}
	}
	return append(stmts,
		jen.List(jen.Id("v"), jen.Err()).Op(":=").Id(mi.newName).Call(kw),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Id("o").Op(":=").Id("v").Assert(jen.Op("*").Id(mi.goName)),
		jen.Id("o").Dot("Set").Op("=").Qual(pkgValidate, "FieldsSet").Values(),
		jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Id("set")).Block(
			jen.If(jen.Id("i").Op(":=").Id(mi.className).Dot("FieldIndex").Call(jen.Id("name")), jen.Id("i").Op(">=").Lit(0)).Block(
				jen.Id("o").Dot("Set").Dot("Add").Call(jen.Id("i")),
			),
		),
		jen.Return(jen.Id("o"), jen.Nil()),
	)
}

// bridgeMain is main's body for a service with bridged routes: the bridge's flags
// registered with the server's, and the worker pool started before serving and shut down
// after the last request.
func (g *gen) bridgeMain(a *ir.App) []jen.Code {
	cfgCall := jen.Qual(pkgServer, "MustConfig").Call(jen.Func().Params(jen.Id("fs").Op("*").Qual("flag", "FlagSet")).Block(
		jen.Id("py").Op("=").Qual(pkgBridge, "Flags").Call(jen.Id("fs")),
	))
	body := []jen.Code{
		jen.Var().Id("py").Op("*").Qual(pkgBridge, "Config"),
		jen.Id("cfg").Op(":=").Add(cfgCall),
		jen.Id("py").Dot("App").Op("=").Lit(a.Module + ":" + a.Attr),
		jen.If(jen.Id("py").Dot("AppDir").Op("==").Lit("")).Block(
			jen.Id("py").Dot("AppDir").Op("=").Lit(g.in.AppDir).Comment("the app's root given to covetgen migrate"),
		),
	}
	if g.plan != nil && len(g.plan.forward) > 0 {
		body = append(body, jen.Id("py").Dot("NeedFastAPI").Op("=").True().Comment("some routes are served by request forwarding"))
	}
	body = append(body, jen.If(jen.Id("py").Dot("Workers").Op("==").Lit(0)).Block(
		jen.Comment("One Python process by default, as uvicorn runs the app: module state (a dict,"),
		jen.Comment("a counter, a database opened at import) then has one owner. --workers N runs N,"),
		jen.Comment("as uvicorn --workers N does."),
		jen.Id("py").Dot("Workers").Op("=").Lit(1),
	))
	return body
}

// bridgeLifespan starts and stops the worker pool around serving.
func bridgeLifespan() *jen.Statement {
	return jen.Qual(pkgServer, "Lifespan").Values(jen.Dict{
		jen.Id("Startup"): jen.Func().Params(jen.Id("ctx").Qual("context", "Context")).Params(jen.Err().Error()).Block(
			jen.List(jen.Id("pyPool"), jen.Err()).Op("=").Qual(pkgBridge, "Start").Call(jen.Id("ctx"), jen.Op("*").Id("py")),
			jen.Return(jen.Err()),
		),
		jen.Id("Shutdown"): jen.Func().Params(jen.Id("ctx").Qual("context", "Context")).Error().Block(
			jen.Return(jen.Id("pyPool").Dot("Shutdown").Call(jen.Id("ctx"))),
		),
	})
}

// writeForwarded writes the handler of a route served by request forwarding: the whole
// request goes to the app's own route in a worker (pycall.Forward).
func (g *gen) writeForwarded(r *ir.Route, mounts []string) (string, bool) {
	if _, err := router.Compile(r.Template); err != nil {
		g.refuse.add(r.Pos, "route path %q: %v", r.Template, err)
		return "", false
	}
	name := g.pkg.get("handle" + camel(r.Name, true))
	routeVar := g.pkg.get("pyForward" + camel(r.Name, true))
	module := ""
	if r.Endpoint != nil {
		module = r.Endpoint.Module
	}
	f := g.file(moduleFile(module))
	f.Commentf("%s serves @%s(%q) (%s) by request forwarding: the whole request runs in the", name, strings.ToLower(strings.Join(r.Methods, ",")), r.Path, r.Pos)
	f.Comment("app's own FastAPI route in a worker, because neither Go nor a handler call can serve it:")
	for _, x := range g.plan.blockers[r] {
		f.Comment("  " + x.String())
	}
	f.Func().Id(name).Params(jen.Id("rq").Op("*").Qual(pkgRequest, "Request"), jen.Id("out").Op("*").Qual(pkgResponse, "Out")).Error().Block(
		jen.Return(jen.Qual(pkgPycall, "Forward").Call(jen.Id("pyPool"), jen.Id(routeVar), jen.Id("rq"), jen.Id("out"))),
	)
	f.Line()
	methods := make([]jen.Code, len(r.Methods))
	for i, m := range r.Methods {
		methods[i] = jen.Lit(m)
	}
	lit := jen.Dict{
		jen.Id("Path"):    jen.Lit(r.Path),
		jen.Id("Name"):    jen.Lit(r.Name),
		jen.Id("Methods"): jen.Index().String().Values(methods...),
	}
	if len(mounts) > 0 {
		ms := make([]jen.Code, len(mounts))
		for i, m := range mounts {
			ms[i] = jen.Lit(m)
		}
		lit[jen.Id("Mounts")] = jen.Index().String().Values(ms...)
	}
	f.Commentf("%s names the route to the worker.", routeVar)
	f.Var().Id(routeVar).Op("=").Op("&").Qual(pkgBridge, "ForwardRoute").Values(lit)
	g.forwarded++
	return name, true
}
