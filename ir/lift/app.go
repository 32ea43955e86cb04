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
	def := func(s string) *string { return &s }
	app.OpenAPIURL, app.DocsURL, app.RedocURL = def("/openapi.json"), def("/docs"), def("/redoc")
	app.SwaggerUIOAuth2RedirectURL = def("/docs/oauth2-redirect")
	optStr := func(o obj) *string {
		if s, ok := constStr(o); ok {
			return &s
		}
		return nil
	}
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
		case "openapi_url":
			app.OpenAPIURL = optStr(k.val)
		case "docs_url":
			app.DocsURL = optStr(k.val)
		case "redoc_url":
			app.RedocURL = optStr(k.val)
		case "swagger_ui_oauth2_redirect_url":
			app.SwaggerUIOAuth2RedirectURL = optStr(k.val)
		case "swagger_ui_parameters":
			app.SwaggerUIParameters = nonNone(v)
		case "separate_input_output_schemas":
			app.SeparateInputOutputSchemas, _ = truthValue(k.val)
		case "redirect_slashes":
			app.RedirectSlashes, _ = truthValue(k.val)
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
			if d, ok := k.val.(dictObj); ok {
				for i, key := range d.keys {
					h := &ir.ExceptionHandler{Handler: in.callableOf(d.vals[i]), Pos: k.pos}
					if kv, ok := key.(valObj); ok {
						if n, ok := kv.v.(ir.Int); ok && n.V.IsInt64() {
							h.Code = int(n.V.Int64())
						}
					} else {
						h.Exception = objName(key)
					}
					app.ExceptionHandlers = append(app.ExceptionHandlers, h)
				}
			}
		case "middleware":
			for _, it := range seqItems(k.val) {
				if c, ok := it.(fwCall); ok && len(c.args) > 0 {
					mw := &ir.Middleware{Class: objName(c.args[0]), Options: &ir.Dict{}, Pos: c.pos}
					for _, kk := range c.kw {
						vv, _ := toValue(kk.val)
						mw.Options.Set(ir.Str(kk.name), vv)
					}
					app.Middleware = append(app.Middleware, mw)
				}
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
