package codegen

import (
	"fmt"
	"strings"

	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// app generates main.go and app.go: the service entry point and the router of the app
// with its docs routes, routes and mounts.
func (g *gen) app() {
	a := g.in.App
	g.appChecks(a)
	mainGo := g.file("main.go")
	f := g.file("app.go")
	body := g.appBody(a, jen.Id("openapiJSON"), true)
	g.mainFile(mainGo, a) // after the routes: main sets the paths they use (fileresp.go)
	f.Commentf("newApp builds the FastAPI app %s:%s (%s) on the server configuration.", a.Module, a.Attr, a.Pos)
	f.Func().Id("newApp").Params(jen.Id("cfg").Qual(pkgServer, "Config")).
		Params(jen.Op("*").Qual(pkgRouter, "Router"), jen.Error()).Block(body...)
	g.writeAppExceptions() // exchandler.go
}

// appChecks refuses what the generator does not support at the app level.
func (g *gen) appChecks(a *ir.App) {
	for _, d := range a.AllDiagnostics() {
		g.refuse.add(d.Pos, "unresolved construct: %s", d.Msg)
	}
	g.appLevelChecks(a)
	g.checkSources()
}

// appLevelChecks refuses what the generator does not support in one app (the top one or
// a mounted one). A mounted app's lifespan and startup/shutdown handlers never run
// (Starlette's Mount does not forward lifespan events), so they need no support there.
func (g *gen) appLevelChecks(a *ir.App) {
	g.checkAppCall(a)
	if a.RoutesUnresolved {
		g.refuse.add(a.Pos, "app whose routes could not all be found statically")
	}
	if a.OpenAPIUnresolved {
		g.refuse.add(a.Pos, "app whose OpenAPI document depends on values unknown statically")
	}
	for _, h := range a.ExceptionHandlers {
		what := h.Exception
		if what == "" {
			what = fmt.Sprint(h.Code)
		}
		if a != g.app0 {
			g.refuse.add(h.Pos, "exception handler for %s of a mounted app", what)
			continue
		}
		if g.isAppException(h) {
			// Bridged functions' exceptions are handled in the worker; translated bodies
			// raise only classes whose handler runs in Go (exchandler.go).
			continue
		}
		if g.httpHandler(h) { // exchandler_http.go: translated, run in Go
			continue
		}
		if why := g.goCalledHandler(h); why != "" {
			g.refuse.add(h.Pos, "exception handler for %s (%s)", what, why)
		}
	}
	if a != g.app0 {
		return
	}
	// The lifespan (or the startup and shutdown handlers) runs in each bridge worker
	// around serving, as uvicorn runs it in each worker process: state it sets up
	// (module dicts, app.state, the lifespan state) is used by bridged routes only, since
	// translate refuses module state that is mutated.
	g.lifespan = a.Lifespan != nil || len(a.StartupHandlers) > 0 || len(a.ShutdownHandlers) > 0
	if g.nativeLife() {
		g.lifespan = false // the handlers run in Go (lifespan.go)
	}
}

// mainFile writes main.go.
func (g *gen) mainFile(f *jen.File, a *ir.App) {
	f.HeaderComment(fmt.Sprintf("Command %s serves the FastAPI app %s:%s, converted to Go by covetgen.", g.in.Command, a.Module, a.Attr))
	f.HeaderComment("")
	f.HeaderComment("It takes uvicorn's options: --host, --port, --root-path, --proxy-headers,")
	f.HeaderComment("--forwarded-allow-ips, --no-access-log, --timeout-keep-alive ...")
	f.Anon("embed")
	f.Comment("openapiJSON is app.openapi() as /openapi.json serves it.")
	f.Comment("")
	f.Comment("//go:embed openapi.json")
	f.Var().Id("openapiJSON").Index().Byte()
	body := []jen.Code{jen.Id("cfg").Op(":=").Qual(pkgServer, "MustConfig").Call()}
	life := jen.Qual(pkgServer, "Lifespan").Values()
	if g.nativeLife() {
		life = g.nativeLifespan() // lifespan.go
	}
	if g.needBridge() {
		if g.nativeLife() {
			g.refuse.add(a.Pos, "%s", "startup handlers translated in a service that runs bridge workers")
		}
		body, life = g.bridgeMain(a), bridgeLifespan()
		body = append(body, g.appPathInit(true)...)
	} else if decl, arg := g.appDirFlag(); decl != nil { // fileresp.go
		body = append([]jen.Code{decl, jen.Id("cfg").Op(":=").Qual(pkgServer, "MustConfig").Call(arg)}, g.appPathInit(false)...)
	}
	body = append(body,
		jen.List(jen.Id("h"), jen.Err()).Op(":=").Id("newApp").Call(jen.Id("cfg")),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Qual("fmt", "Fprintln").Call(jen.Qual("os", "Stderr"), jen.Lit("ERROR:   "), jen.Err()),
			jen.Qual("os", "Exit").Call(jen.Lit(1)),
		),
		jen.Qual(pkgServer, "Main").Call(jen.Id("h"), jen.Id("cfg"), life),
	)
	f.Func().Id("main").Params().Block(body...)
}

// appBody is the body of a function building the router of a (or of a mounted sub-app
// when top is false): it declares rt and returns it.
func (g *gen) appBody(a *ir.App, doc jen.Code, top bool) []jen.Code {
	var body []jen.Code
	if top {
		body = append(body, jen.Id("opt").Op(":=").Id("cfg").Dot("RouterOptions").Call())
	} else {
		body = append(body, jen.Id("opt").Op(":=").Id("parent"))
		body = append(body, jen.Id("opt").Dot("RootPath").Op("=").Lit(""))
		body = append(body, jen.Id("opt").Dot("StrictSlashes").Op("=").False())
	}
	if a.RootPath != "" {
		body = append(body, jen.Id("opt").Dot("RootPath").Op("=").Lit(a.RootPath).Comment("FastAPI(root_path=...)"))
	}
	if !a.RedirectSlashes {
		body = append(body, jen.Id("opt").Dot("StrictSlashes").Op("=").True().Comment("redirect_slashes=False"))
	}
	if top && g.needBridge() {
		body = append(body, jen.Id("opt").Dot("Exceptions").Op("=").Id("appExceptions").Dot("Exceptions").
			Comment("the app's exception handlers, run in CPython"))
	}
	if hook := g.appExcHook(top); hook != nil { // exchandler.go
		body = append(body, hook)
	}
	body = append(body, g.middlewareStack(a)...)
	body = append(body, jen.Id("rt").Op(":=").Qual(pkgRouter, "New").Call(jen.Id("opt")))
	body = append(body, g.docsRoutes(a, doc)...)
	var table, wsRoutes []jen.Code
	for _, r := range a.Routes {
		h, ok := g.route(r)
		if !ok {
			continue
		}
		if r.Kind == ir.WebSocketRoute {
			wsRoutes = append(wsRoutes, webSocketRegistration(r, h)) // websocket.go
			continue
		}
		methods := make([]jen.Code, len(r.Methods))
		for i, m := range r.Methods {
			methods[i] = jen.Lit(m)
		}
		table = append(table, jen.Values(jen.Lit(r.Template), jen.Index().String().Values(methods...), jen.Id(h)).Op(",").
			Comment(fmt.Sprintf("%s %s", r.Pos, r.Name)))
	}
	if len(table) > 0 {
		g.helpers["apiRoute"] = true
		body = append(body,
			jen.For(jen.List(jen.Id("_"), jen.Id("r")).Op(":=").Range().Index().Id("apiRoute").
				Custom(jen.Options{Open: "{", Close: "}", Multi: true}, table...),
			).Block(
				jen.If(jen.Err().Op(":=").Id("rt").Dot("API").Call(jen.Id("r").Dot("path"), jen.Id("r").Dot("methods"), jen.Id("r").Dot("handler")),
					jen.Err().Op("!=").Nil()).Block(
					jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit("route %s: %w"), jen.Id("r").Dot("path"), jen.Err())),
				),
			))
	}
	body = append(body, wsRoutes...)
	for _, m := range a.Mounts {
		body = append(body, g.mount(a, m)...)
	}
	body = append(body, jen.Return(jen.Id("rt"), jen.Nil()))
	return body
}

// docsRoutes registers what FastAPI.setup() adds.
func (g *gen) docsRoutes(a *ir.App, doc jen.Code) []jen.Code {
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	fields := jen.Dict{
		jen.Id("Title"):             jen.Lit(a.Title),
		jen.Id("OpenAPIURL"):        jen.Lit(str(a.OpenAPIURL)),
		jen.Id("DocsURL"):           jen.Lit(str(a.DocsURL)),
		jen.Id("RedocURL"):          jen.Lit(str(a.RedocURL)),
		jen.Id("OAuth2RedirectURL"): jen.Lit(str(a.SwaggerUIOAuth2RedirectURL)),
		jen.Id("RootPath"):          jen.Qual(pkgRouter, "RootPathOf"),
	}
	if a.SwaggerUIParameters != nil {
		if _, isNone := a.SwaggerUIParameters.(ir.None); !isNone {
			ps, ok := docsParams(a.SwaggerUIParameters)
			if !ok {
				g.refuse.add(a.Pos, "swagger_ui_parameters %s", a.SwaggerUIParameters.Repr())
			} else {
				fields[jen.Id("SwaggerUIParameters")] = ps
			}
		}
	}
	return []jen.Code{
		jen.List(jen.Id("docRoutes"), jen.Err()).Op(":=").Qual(pkgDocs, "Routes").Call(jen.Qual(pkgDocs, "App").Values(fields), doc),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.For(jen.List(jen.Id("_"), jen.Id("d")).Op(":=").Range().Id("docRoutes")).Block(
			jen.If(jen.Err().Op(":=").Id("rt").Dot("RouteHTTP").Call(jen.Id("d").Dot("Path"), jen.Nil(), jen.Id("d").Dot("Handler")),
				jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		),
	}
}

// docsParams converts a swagger_ui_parameters dict to []docs.Param.
func docsParams(v ir.Value) (jen.Code, bool) {
	d, ok := v.(*ir.Dict)
	if !ok {
		return nil, false
	}
	var items []jen.Code
	for i, k := range d.Keys {
		ks, ok := k.(ir.Str)
		if !ok {
			return nil, false
		}
		val, ok := docsValue(d.Values[i])
		if !ok {
			return nil, false
		}
		items = append(items, jen.Values(jen.Dict{jen.Id("Key"): jen.Lit(string(ks)), jen.Id("Value"): val}))
	}
	return jen.Index().Qual(pkgDocs, "Param").Values(items...), true
}

// docsValue is a JSON-able value as docs.Param holds it.
func docsValue(v ir.Value) (jen.Code, bool) {
	switch x := v.(type) {
	case ir.None:
		return jen.Nil(), true
	case ir.Bool:
		return jen.Lit(bool(x)), true
	case ir.Int:
		if x.V.IsInt64() {
			return jen.Int64().Call(jen.Lit(x.V.Int64())), true
		}
		return nil, false
	case ir.Float:
		return jen.Lit(float64(x)), true
	case ir.Str:
		return jen.Lit(string(x)), true
	case ir.List:
		return docsList(x)
	case ir.Tuple:
		return docsList(x)
	case *ir.Dict:
		return docsParams(x)
	}
	return nil, false
}

func docsList(vs []ir.Value) (jen.Code, bool) {
	var items []jen.Code
	for _, e := range vs {
		c, ok := docsValue(e)
		if !ok {
			return nil, false
		}
		items = append(items, c)
	}
	return jen.Index().Any().Values(items...), true
}

// mount registers one app.mount.
func (g *gen) mount(parent *ir.App, m *ir.Mount) []jen.Code {
	switch {
	case m.Static != nil && m.Static.Directory == "":
		g.refuse.add(m.Pos, "StaticFiles whose directory is not known statically")
		return nil
	case m.Static != nil && m.Static.FollowSymlink:
		g.refuse.add(m.Pos, "StaticFiles(follow_symlink=True)")
		return nil
	case m.Static != nil:
		// A directory the app computes from __file__ is relative to the app root, the folder
		// the service was migrated from. It is resolved, like a directory written relative to
		// the working directory, against the service's working directory: the service runs
		// from the app folder as uvicorn does (the replay harness does so too), and the
		// binary stays relocatable, which embedding the absolute root would break.
		what := fmt.Sprintf("directory=%q", m.Static.Directory)
		if m.Static.RootRelative {
			what = fmt.Sprintf("directory computed from __file__: %q relative to the app root", m.Static.Directory)
		}
		cfg := jen.Dict{
			jen.Id("Directory"): jen.Id("cfg").Dot("Resolve").Call(jen.Lit(m.Static.Directory)),
			jen.Id("Scope"):     jen.Id("mountScope"),
		}
		if m.Static.HTML {
			cfg[jen.Id("HTML")] = jen.True()
		}
		if !m.Static.CheckDir {
			cfg[jen.Id("SkipCheckDir")] = jen.True()
		}
		g.helpers["mountScope"] = true
		v := g.pkgLocal("files")
		return []jen.Code{
			jen.Comment(fmt.Sprintf("%s: app.mount(%q, StaticFiles(%s))", m.Pos, m.Path, what)),
			jen.List(jen.Id(v), jen.Err()).Op(":=").Qual(pkgStatic, "New").Call(jen.Qual(pkgStatic, "Config").Values(cfg)),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			// StaticFiles serves HTTP only: a websocket handshake to it is uvicorn's 500.
			jen.If(jen.Err().Op(":=").Id("rt").Dot("MountHTTP").Call(jen.Lit(m.Path), jen.Id(v)), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), jen.Err())),
		}
	case m.Sub != nil:
		g.appLevelChecks(m.Sub)
		if g.in.SubOpenAPI[m] == nil {
			g.refuse.add(m.Pos, "mounted app without its OpenAPI document")
			return nil
		}
		fn := g.pkg.get("new" + camel(m.Sub.Attr, true) + "App")
		doc := g.pkg.get(camel(m.Sub.Attr, false) + "OpenAPI")
		f := g.file("app.go")
		f.Commentf("%s is %s:%s's app.openapi(), served by the mounted app.", doc, m.Sub.Module, m.Sub.Attr)
		f.Const().Id(doc).Op("=").Lit(string(g.in.SubOpenAPI[m]))
		body := g.appBody(m.Sub, jen.Index().Byte().Parens(jen.Id(doc)), false)
		// The sub-app's docs take the document as bytes.
		f.Commentf("%s builds the FastAPI app %s:%s (%s), mounted at %q.", fn, m.Sub.Module, m.Sub.Attr, m.Sub.Pos, m.Path)
		f.Func().Id(fn).Params(jen.Id("cfg").Qual(pkgServer, "Config"), jen.Id("parent").Qual(pkgRouter, "Options")).
			Params(jen.Op("*").Qual(pkgRouter, "Router"), jen.Error()).Block(body...)
		v := g.pkgLocal("sub")
		return []jen.Code{
			jen.Comment(fmt.Sprintf("%s: app.mount(%q, %s)", m.Pos, m.Path, m.Sub.Attr)),
			jen.List(jen.Id(v), jen.Err()).Op(":=").Id(fn).Call(jen.Id("cfg"), jen.Id("opt")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.If(jen.Err().Op(":=").Id("rt").Dot("Mount").Call(jen.Lit(m.Path), jen.Id(v)), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), jen.Err())),
		}
	}
	g.refuse.add(m.Pos, "mount of %s", strings.TrimSpace(m.Other))
	return nil
}

// pkgLocal returns a fresh local name (locals of builders share the package namer to stay
// distinct from each other; they never clash with package names either).
func (g *gen) pkgLocal(base string) string { return g.pkg.get(base) }
