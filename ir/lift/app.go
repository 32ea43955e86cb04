package lift

import (
	"errors"
	"fmt"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/load"
)

// ErrNoApp is returned when the app instance cannot be found.
var ErrNoApp = errors.New("FastAPI app not found")

// Options configure Lift.
type Options struct {
	// Env is the environment the app is read under (what os.environ and os.getenv see at
	// import time); nil means an empty environment.
	Env map[string]string
}

// Lift interprets the program's modules and returns the app's IR. Problems that do not
// prevent finding the app are reported in App.Diags; the error is non-nil only when there
// is no app.
func Lift(prog *load.Program, opts Options) (app *ir.App, err error) {
	defer func() {
		// A malformed app must give a diagnostic, never a crash; this is the last resort.
		if r := recover(); r != nil {
			app, err = nil, fmt.Errorf("lift: internal error: %v", r)
		}
	}()
	in := newInterp(prog, opts.Env)
	found, err := in.findApp()
	if len(in.broken) > 0 {
		// Python cannot import a module that does not parse: there is no app.
		return nil, fmt.Errorf("lift: %w", load.ParseErrors(in.broken))
	}
	if err != nil {
		return nil, err
	}
	app = in.liftApp(found)
	app.Module = prog.AppModule
	app.Attr = prog.AppAttr
	if app.Attr == "" {
		app.Attr = found.name
	}
	if len(in.broken) > 0 {
		return nil, fmt.Errorf("lift: %w", load.ParseErrors(in.broken))
	}
	in.liftBodyModels() // bodymodels.go
	app.Diags = append(append(append(ir.Diagnostics{}, prog.Diags...), in.diags...), app.Diags...)
	app.Models = in.models
	app.Enums = in.enums
	return app, nil
}

// findApp executes the app module and returns the instance named by the program (or, when
// none is named, the module's FastAPI() instance, preferring one called app).
func (in *interp) findApp() (*appObj, error) {
	prog := in.prog
	ms := in.module(prog.AppModule)
	if ms == nil {
		return nil, fmt.Errorf("lift: module %s: %w", prog.AppModule, ErrNoApp)
	}
	if prog.AppAttr != "" {
		var o obj = moduleObj{ms}
		for _, part := range strings.Split(prog.AppAttr, ".") {
			o = ms.attr(o, part, ir.Pos{File: ms.mod.Rel})
		}
		a, ok := o.(*appObj)
		if !ok {
			return nil, fmt.Errorf("lift: %s:%s is not a FastAPI() instance: %w", prog.AppModule, prog.AppAttr, ErrNoApp)
		}
		return a, nil
	}
	var found *appObj
	for _, n := range ms.globals.order {
		if a, ok := ms.globals.names[n].(*appObj); ok {
			if found == nil || n == "app" {
				found = a
			}
		}
	}
	if found == nil {
		return nil, fmt.Errorf("lift: no FastAPI() instance in module %s: %w", prog.AppModule, ErrNoApp)
	}
	return found, nil
}

// liftApp builds the IR of a FastAPI() instance.
func (in *interp) liftApp(a *appObj) *ir.App {
	if a.ir != nil {
		return a.ir
	}
	app := &ir.App{Title: "FastAPI", Version: "0.1.0", OpenAPIVersion: "3.1.0", SeparateInputOutputSchemas: true,
		RedirectSlashes: true, Pos: a.pos}
	a.ir = app
	// appProblem reports what changes every route of the app (middleware, exception
	// handlers) and marks the app.
	appProblem := func(pos ir.Pos, format string, args ...any) {
		app.Diags.Add(pos, format, args...)
		app.Unresolved = true
	}
	def := func(s string) *string { return &s }
	app.OpenAPIURL, app.DocsURL, app.RedocURL = def("/openapi.json"), def("/docs"), def("/redoc")
	app.SwaggerUIOAuth2RedirectURL = def("/docs/oauth2-redirect")
	optStr := func(o obj) *string {
		if s, ok := constStr(o); ok {
			return &s
		}
		return nil
	}
	app.RootPathInServers = true
	app.Extra = &ir.Dict{}
	openapiPrefix := ""
	for _, k := range a.kw {
		v, known := toValue(k.val)
		_, isNone := v.(ir.None)
		switch k.name {
		case "title":
			if s, ok := constStr(k.val); ok {
				app.Title = s
			} else {
				app.OpenAPIUnresolved = true
				app.Diags.Add(k.pos, "app title not known statically")
			}
		case "version":
			if s, ok := constStr(k.val); ok {
				app.Version = s
			} else {
				app.OpenAPIUnresolved = true
				app.Diags.Add(k.pos, "app version not known statically")
			}
		case "openapi_version":
			if s, ok := constStr(k.val); ok {
				app.OpenAPIVersion = s
			}
		case "summary":
			app.Summary = optStr(k.val)
		case "description":
			if s, ok := constStr(k.val); ok {
				app.Description = s
			}
		case "terms_of_service":
			app.TermsOfService = optStr(k.val)
		case "contact":
			app.Contact = nonNone(v)
		case "license_info":
			app.LicenseInfo = nonNone(v)
		case "openapi_tags":
			app.OpenAPITags = nonNone(v)
		case "servers":
			app.Servers = nonNone(v)
		case "openapi_external_docs":
			app.ExternalDocs = nonNone(v)
		case "root_path":
			app.RootPath, _ = constStr(k.val)
		case "openapi_url", "docs_url", "redoc_url", "swagger_ui_oauth2_redirect_url":
			u := optStr(k.val)
			if u == nil && !isNone {
				app.RoutesUnresolved = true
				app.Diags.Add(k.pos, "%s= not known statically%s", k.name, whyUnknown(k.val))
			}
			switch k.name {
			case "openapi_url":
				app.OpenAPIURL = u
			case "docs_url":
				app.DocsURL = u
			case "redoc_url":
				app.RedocURL = u
			default:
				app.SwaggerUIOAuth2RedirectURL = u
			}
		case "swagger_ui_parameters":
			app.SwaggerUIParameters = nonNone(v)
		case "separate_input_output_schemas":
			app.SeparateInputOutputSchemas, _ = truthValue(k.val)
		case "redirect_slashes", "debug", "root_path_in_servers":
			b, ok := truthValue(k.val)
			if !ok {
				app.Diags.Add(k.pos, "%s= not known statically%s", k.name, whyUnknown(k.val))
				app.RoutesUnresolved = true
			}
			switch k.name {
			case "redirect_slashes":
				app.RedirectSlashes = b
			case "debug":
				app.Debug = b
			default:
				app.RootPathInServers = b
			}
		case "swagger_ui_init_oauth":
			app.SwaggerUIInitOAuth = nonNone(v)
			if !known {
				app.Diags.Add(k.pos, "swagger_ui_init_oauth= not known statically")
				app.RoutesUnresolved = true
			}
		case "openapi_prefix":
			// root_path = root_path or openapi_prefix
			if s, ok := constStr(k.val); ok {
				openapiPrefix = s
			} else if !isNone {
				app.OpenAPIUnresolved = true
				app.Diags.Add(k.pos, "openapi_prefix= not known statically")
			}
		case "webhooks":
			if _, ok := k.val.(*routerObj); !ok && !isNone {
				app.RoutesUnresolved = true
				app.Diags.Add(k.pos, "webhooks= is not an APIRouter known statically")
			}
		case "routes":
			if items, ok := iterItems(k.val); !isNone && (!ok || len(items) > 0) {
				app.RoutesUnresolved = true
				app.Diags.Add(k.pos, "FastAPI(routes=...) is not supported")
			}
		case "dependencies", "default_response_class", "responses", "callbacks", "deprecated",
			"include_in_schema", "generate_unique_id_function", "strict_content_type":
			// Read into the app router's settings (settingsFromKw).
		default:
			// **extra: stored as app.extra, not used by FastAPI.
			app.Extra.Set(ir.Str(k.name), v)
			if !known {
				app.Diags.Add(k.pos, "FastAPI(%s=...) not known statically (stored in app.extra)", k.name)
			}
		case "lifespan":
			if !isNone {
				app.Lifespan = in.callableOf(k.val)
			}
		case "on_startup", "on_shutdown":
			for _, it := range seqItems(k.val) {
				if k.name == "on_startup" {
					app.StartupHandlers = append(app.StartupHandlers, in.callableOf(it))
				} else {
					app.ShutdownHandlers = append(app.ShutdownHandlers, in.callableOf(it))
				}
			}
		case "exception_handlers":
			if d, ok := k.val.(dictObj); !ok && !isNone {
				app.RoutesUnresolved = true
				app.Diags.Add(k.pos, "exception_handlers= is not a dict known statically")
			} else if ok {
				for i, key := range d.keys {
					h := &ir.ExceptionHandler{Handler: in.callableOf(d.vals[i]), Pos: k.pos}
					var problem string
					h.Exception, h.Code, problem = exceptionKey(key)
					if problem != "" {
						appProblem(k.pos, "exception_handlers= key %s", problem)
					}
					if u, ok := d.vals[i].(unknownObj); ok {
						appProblem(k.pos, "exception_handlers= handler not known statically (%s)", u.why)
					}
					app.ExceptionHandlers = append(app.ExceptionHandlers, h)
				}
			}
		case "middleware":
			items, ok := iterItems(k.val)
			if !ok && !isNone {
				appProblem(k.pos, "middleware= not known statically%s", whyUnknown(k.val))
			}
			for _, it := range items {
				c, ok := it.(fwCall)
				if !ok || !isMiddlewareCall(c.name) || len(c.args) == 0 {
					appProblem(k.pos, "middleware= entry not known statically%s", whyUnknown(it))
					continue
				}
				app.Middleware = append(app.Middleware, middlewareOf(c.args[0], c.args[1:], c.kw, c.pos, "Middleware", appProblem))
			}
		}
		switch k.name {
		case "summary", "description", "terms_of_service", "contact", "license_info", "openapi_tags", "servers",
			"openapi_external_docs", "openapi_version", "separate_input_output_schemas", "root_path",
			"swagger_ui_parameters":
			if !known {
				app.OpenAPIUnresolved = true
				app.Diags.Add(k.pos, "%s= not known statically", k.name)
			}
		}
	}
	if len(a.problems) > 0 {
		app.Diags = append(app.Diags, a.problems...)
		app.Unresolved = true
	}
	for _, e := range a.entries {
		switch {
		case e.mount != nil:
			app.Mounts = append(app.Mounts, e.mount)
		case e.middleware != nil:
			app.Middleware = append(app.Middleware, e.middleware)
		case e.handler != nil:
			app.ExceptionHandlers = append(app.ExceptionHandlers, e.handler)
		}
	}
	app.StartupHandlers = append(app.StartupHandlers, a.startup...)
	app.ShutdownHandlers = append(app.ShutdownHandlers, a.shutdown...)
	rl := &routeLifter{in: in, app: app}
	app.Routes = rl.flatten(a.router, nil, nil)
	app.Webhooks = rl.flatten(a.webhooks, nil, nil)
	for _, pos := range a.openapiOverride {
		app.OpenAPIUnresolved = true
		app.Diags.Add(pos, "the app replaces its OpenAPI document (app.openapi / app.openapi_schema); the generated one is FastAPI's default")
	}
	if app.RootPath == "" {
		app.RootPath = openapiPrefix
	}
	if app.OpenAPIUnresolved {
		app.Diags.Add(a.pos, "the OpenAPI document depends on values covetgen cannot compute")
	}
	return app
}

func nonNone(v ir.Value) ir.Value {
	if _, ok := v.(ir.None); ok {
		return nil
	}
	return v
}

// isMiddlewareCall tells whether a framework call is starlette's Middleware(cls, *args, **kw).
func isMiddlewareCall(name string) bool {
	return name == "starlette.middleware.Middleware" || name == "fastapi.middleware.Middleware"
}

// middlewareOf builds the IR of a middleware class with its arguments (Middleware(cls, *args,
// **kwargs) or add_middleware(cls, *args, **kwargs)): keyword arguments under their names,
// positional ones after the class under their index. report is called for what is not known.
func middlewareOf(cls obj, args []obj, kw []kwArg, pos ir.Pos, what string, report func(ir.Pos, string, ...any)) *ir.Middleware {
	mw := &ir.Middleware{Class: objName(cls), Options: &ir.Dict{}, Pos: pos}
	switch cls.(type) {
	case fwObj, *classObj:
	default:
		report(pos, "%s class not known statically%s", what, whyUnknown(cls))
	}
	for i, a := range args {
		v, known := toValue(a)
		if !known {
			report(pos, "%s argument %d not known statically%s", what, i+1, whyUnknown(a))
		}
		mw.Options.Set(ir.NewInt(int64(i)), v)
	}
	for _, k := range kw {
		v, known := toValue(k.val)
		if !known {
			report(pos, "%s(%s=...) not known statically%s", what, k.name, whyUnknown(k.val))
		}
		mw.Options.Set(ir.Str(k.name), v)
	}
	return mw
}

// exceptionKey reads the key of an exception handler: an exception class or a status code.
// problem says why it is neither (known statically).
func exceptionKey(o obj) (exc string, code int, problem string) {
	switch x := o.(type) {
	case *classObj, fwObj:
		return objName(o), 0, ""
	case valObj:
		if n, ok := x.v.(ir.Int); ok && n.V.IsInt64() {
			return "", int(n.V.Int64()), ""
		}
		return "", 0, x.v.Repr() + " is neither an exception class nor a status code"
	}
	return "", 0, "not known statically" + whyUnknown(o)
}
