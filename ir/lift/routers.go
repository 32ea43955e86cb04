package lift

import (
	"fmt"
	"slices"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// routerObj is an APIRouter (an app's own router too): its settings and its route list.
type routerObj struct {
	settings routerSettings
	entries  []routerEntry
	pos      ir.Pos
	ms       *modState
	// missing say which registrations on the router could not be followed.
	missing []ir.Diagnostic
}

// routerSettings are the settings FastAPI copies from a router into each route it adds, and
// the fields of an include context (fastapi.routing._RouterIncludeContext).
type routerSettings struct {
	prefix    string
	tags      []obj
	deps      []obj
	responses dictObj
	// responseClass is nil for Default(JSONResponse).
	responseClass   obj
	deprecated      bool
	includeInSchema bool
	callbacks       []obj
	// uniqueID is nil for Default(generate_unique_id).
	uniqueID obj
	// strictContentType is nil for Default(True).
	strictContentType obj
	// problems are the settings not known statically: every route they apply to carries
	// them.
	problems []ir.Diagnostic
}

func defaultSettings() routerSettings { return routerSettings{includeInSchema: true} }

func isRouteMethod(name string) bool {
	switch name {
	case "get", "post", "put", "delete", "patch", "options", "head", "trace", "api_route", "websocket",
		"add_api_route", "add_api_websocket_route", "add_route", "websocket_route", "add_websocket_route",
		"include_router", "route":
		return true
	}
	return false
}

func isRouterMethod(name string) bool { return isRouteMethod(name) || name == "on_event" }

func isAppMethod(name string) bool {
	if isRouteMethod(name) {
		return true
	}
	switch name {
	case "mount", "add_middleware", "middleware", "exception_handler", "add_exception_handler", "on_event",
		"add_event_handler", "openapi", "host":
		return true
	}
	return false
}

// settingsFromKw reads APIRouter(...) / FastAPI(...) / include_router(...) / route keyword
// arguments; the ones not known statically are recorded as problems.
func (ms *modState) settingsFromKw(kw []kwArg) routerSettings {
	s := defaultSettings()
	problem := func(k kwArg, what string) {
		s.problems = append(s.problems, ir.Diagnostic{Pos: k.pos, Msg: k.name + "= " + what + whyUnknown(k.val)})
	}
	list := func(k kwArg) []obj {
		if isNoneObj(k.val) {
			return nil
		}
		if _, ok := k.val.(seqObj); !ok {
			if _, ok := k.val.(routesRef); !ok {
				problem(k, "is not a list known statically")
			}
		}
		return seqItems(k.val)
	}
	for _, k := range kw {
		switch k.name {
		case "prefix":
			var ok bool
			if s.prefix, ok = constStr(k.val); !ok {
				problem(k, "not known statically")
			}
		case "tags":
			s.tags = list(k)
		case "dependencies":
			s.deps = list(k)
		case "callbacks":
			s.callbacks = list(k)
		case "responses":
			if d, ok := k.val.(dictObj); ok {
				s.responses = d
			} else if !isNoneObj(k.val) {
				problem(k, "is not a dict known statically")
			}
		case "default_response_class":
			s.responseClass = k.val
			if _, ok := k.val.(unknownObj); ok {
				problem(k, "not known statically")
			}
		case "deprecated", "include_in_schema":
			b, ok := truthValue(k.val)
			if !ok {
				problem(k, "not known statically")
			}
			if k.name == "deprecated" {
				s.deprecated = b
			} else {
				s.includeInSchema = b
			}
		case "generate_unique_id_function":
			s.uniqueID = k.val
		case "strict_content_type":
			if _, ok := truthValue(k.val); ok {
				s.strictContentType = k.val
			} else {
				problem(k, "not known statically")
			}
		case "route_class":
			if !isFw(k.val, "fastapi.routing.APIRoute") {
				problem(k, "is a custom APIRoute class (it changes how requests are handled), not supported")
			}
		}
	}
	return s
}

func seqItems(o obj) []obj {
	switch x := o.(type) {
	case seqObj:
		return x.items
	case routesRef:
		return []obj{x}
	}
	return nil
}

func constStr(o obj) (string, bool) {
	if v, ok := o.(valObj); ok {
		if s, ok := v.v.(ir.Str); ok {
			return string(s), true
		}
	}
	return "", false
}

// routerKeywords are APIRouter()'s keywords (FastAPI 0.141.1) that settingsFromKw reads or
// that have no effect on a router that is included (redirect_slashes and
// dependency_overrides_provider act only on an app's own router).
var routerKeywords = words("prefix tags dependencies default_response_class responses callbacks " +
	"route_class deprecated include_in_schema generate_unique_id_function strict_content_type " +
	"redirect_slashes dependency_overrides_provider")

// newRouter is APIRouter(...). Keywords that add routes, handlers or behaviour the lift does
// not follow are recorded as missing routes (the app is marked RoutesUnresolved); an unknown
// keyword is a TypeError when the module is imported.
func (ms *modState) newRouter(kw []kwArg, pos ir.Pos) *routerObj {
	r := &routerObj{settings: ms.settingsFromKw(kw), pos: pos, ms: ms}
	for _, k := range kw {
		if routerKeywords[k.name] {
			continue
		}
		switch k.name {
		case "routes", "on_startup", "on_shutdown", "lifespan", "default":
			if items, ok := iterItems(k.val); (ok && len(items) == 0) || isNoneObj(k.val) {
				continue
			}
			r.missing = append(r.missing, ir.Diagnostic{Pos: k.pos, Msg: "APIRouter(" + k.name + "=...) is not supported"})
		default:
			r.missing = append(r.missing, ir.Diagnostic{Pos: k.pos, Msg: "APIRouter(" + k.name + "=...) is not an APIRouter argument (TypeError when the module is imported)"})
		}
	}
	return r
}

func (ms *modState) newApp(kw []kwArg, pos ir.Pos) *appObj {
	r := &routerObj{settings: ms.settingsFromKw(kw), pos: pos, ms: ms}
	r.settings.prefix = ""
	if v, ok := kwGet(kw, "default_response_class"); ok {
		r.settings.responseClass = v
	}
	a := &appObj{router: r, kw: kw, pos: pos, webhooks: &routerObj{settings: defaultSettings(), pos: pos, ms: ms}}
	if w, ok := kwGet(kw, "webhooks"); ok {
		if wr, ok := w.(*routerObj); ok {
			a.webhooks = wr // webhooks or APIRouter()
		}
	}
	return a
}

// includeKeywords are include_router()'s keywords (FastAPI 0.141.1).
var includeKeywords = words("router prefix tags dependencies default_response_class responses callbacks " +
	"deprecated include_in_schema generate_unique_id_function")

// routeOpKeywords are the keywords of the path operation decorators (get ... trace) of
// FastAPI 0.141.1; api_route adds methods; add_api_route adds endpoint and methods, and on an
// APIRouter (not on the app) route_class_override and strict_content_type.
var routeOpKeywords = words("path response_model status_code tags dependencies summary description " +
	"response_description responses deprecated operation_id response_model_include response_model_exclude " +
	"response_model_by_alias response_model_exclude_unset response_model_exclude_defaults " +
	"response_model_exclude_none include_in_schema response_class name callbacks openapi_extra " +
	"generate_unique_id_function")

// routeKeywordProblems reports the keywords a path operation method does not take (a
// TypeError when the module is imported) and the ones the lift does not follow.
func routeKeywordProblems(method string, onApp bool, kw []kwArg) []ir.Diagnostic {
	var out []ir.Diagnostic
	for _, k := range kw {
		if routeOpKeywords[k.name] {
			continue
		}
		switch {
		case k.name == "methods" && (method == "api_route" || method == "add_api_route"):
			continue
		case k.name == "endpoint" && method == "add_api_route":
			continue
		case k.name == "strict_content_type" && method == "add_api_route" && !onApp:
			continue
		case k.name == "route_class_override" && method == "add_api_route" && !onApp:
			if !isNoneObj(k.val) {
				out = append(out, ir.Diagnostic{Pos: k.pos, Msg: "add_api_route(route_class_override=...) is not supported"})
			}
			continue
		}
		switch method {
		case "get", "post", "put", "delete", "patch", "options", "head", "trace", "api_route", "add_api_route":
			out = append(out, ir.Diagnostic{Pos: k.pos, Msg: method + "(" + k.name + "=...) is not an argument of " + method + " (TypeError when the module is imported)"})
		}
	}
	return out
}

// otherRouteParams are the parameters of the websocket and Starlette route methods in
// FastAPI 0.141.1 (positional ones first, then keyword-only after "*"); "endpoint" stands
// for FastAPI.add_route / FastAPI.add_websocket_route's "route" parameter.
var otherRouteParams = map[string][]string{
	"websocket":               {"path", "name", "*", "dependencies"},
	"add_api_websocket_route": {"path", "endpoint", "name", "*", "dependencies"},
	"websocket_route":         {"path", "name"},
	"add_websocket_route":     {"path", "endpoint", "name"},
	"route":                   {"path", "methods", "name", "include_in_schema"},
	"add_route":               {"path", "endpoint", "methods", "name", "include_in_schema"},
}

// otherRouteArgs binds the arguments of a websocket or Starlette route method to its
// parameters (all as keywords) and reports what the method does not take (a TypeError when
// the module is imported).
func otherRouteArgs(method string, onApp bool, args []obj, kw []kwArg, pos ir.Pos) ([]kwArg, []ir.Diagnostic) {
	params := otherRouteParams[method]
	fnParam := "endpoint"
	if onApp && (method == "add_route" || method == "add_websocket_route") {
		fnParam = "route"
	}
	var out []kwArg
	var problems []ir.Diagnostic
	bad := func(p ir.Pos, msg string) {
		problems = append(problems, ir.Diagnostic{Pos: p, Msg: msg + " (TypeError when the module is imported)"})
	}
	nPos := len(params)
	if i := slices.Index(params, "*"); i >= 0 {
		nPos = i
	}
	for i, a := range args {
		if i >= nPos {
			bad(pos, fmt.Sprintf("%s() takes at most %d positional arguments", method, nPos))
			break
		}
		out = append(out, kwArg{name: params[i], val: a, pos: pos})
	}
	for _, k := range kw {
		name := k.name
		if name == fnParam {
			name = "endpoint"
		} else if name == "endpoint" || name == "*" || !slices.Contains(params, name) {
			bad(k.pos, method+"("+k.name+"=...) is not an argument of "+method)
			continue
		}
		if _, dup := kwGet(out, name); dup {
			bad(k.pos, method+"() got multiple values for argument "+k.name)
			continue
		}
		out = append(out, kwArg{name: name, val: k.val, pos: k.pos})
	}
	return out, problems
}

// dropKw returns kw without the given names.
func dropKw(kw []kwArg, names ...string) []kwArg {
	var out []kwArg
	for _, k := range kw {
		if !slices.Contains(names, k.name) {
			out = append(out, k)
		}
	}
	return out
}

// callMethod calls a method of an app, a router or a known value.
func (ms *modState) callMethod(m boundMethod, args []obj, kw []kwArg, pos ir.Pos, call *ast.Call) obj {
	var router *routerObj
	var app *appObj
	switch r := m.recv.(type) {
	case *appObj:
		app, router = r, r.router
	case *routerObj:
		router = r
	case valObj:
		return ms.valueMethod(r, m.name, args, kw, pos)
	case dictObj:
		return ms.dictMethod(r, m.name, args, pos)
	}
	if router == nil {
		return unknownObj{why: "method ." + m.name + " not known", pos: pos}
	}
	arg := func(i int, name string) (obj, bool) {
		if v, ok := kwGet(kw, name); ok {
			return v, true
		}
		if i < len(args) {
			return args[i], true
		}
		return nil, false
	}
	badKw := routeKeywordProblems(m.name, app != nil, kw)
	switch m.name {
	case "get", "post", "put", "delete", "patch", "options", "head", "trace":
		path, _ := arg(0, "path")
		return &routeDecorator{router: router, methods: []string{strings.ToUpper(m.name)}, path: path, kw: kw, pos: pos, kind: ir.APIRoute, problems: badKw}
	case "api_route":
		path, _ := arg(0, "path")
		return &routeDecorator{router: router, methods: methodsOf(kw), path: path, kw: kw, pos: pos, kind: ir.APIRoute, problems: badKw}
	case "websocket", "websocket_route", "route":
		nkw, problems := otherRouteArgs(m.name, app != nil, args, kw, pos)
		path, _ := kwGet(nkw, "path")
		kind := ir.WebSocketRoute
		if m.name == "route" {
			kind = ir.StarletteRoute
		}
		return &routeDecorator{router: router, methods: methodsOf(nkw), path: path, kw: dropKw(nkw, "path"), pos: pos, kind: kind, problems: problems}
	case "add_api_route":
		path, _ := arg(0, "path")
		fn, _ := arg(1, "endpoint")
		d := &routeDecorator{router: router, methods: methodsOf(kw), path: path, kw: kw, pos: pos, kind: ir.APIRoute, problems: badKw}
		ms.register(d, fn)
		return valObj{ir.None{}}
	case "add_api_websocket_route", "add_route", "add_websocket_route":
		nkw, problems := otherRouteArgs(m.name, app != nil, args, kw, pos)
		path, _ := kwGet(nkw, "path")
		fn, _ := kwGet(nkw, "endpoint")
		kind := ir.WebSocketRoute
		if m.name == "add_route" {
			kind = ir.StarletteRoute
		}
		d := &routeDecorator{router: router, methods: methodsOf(nkw), path: path, kw: dropKw(nkw, "path", "endpoint"), pos: pos, kind: kind, problems: problems}
		if fn == nil {
			fn = unknownObj{why: m.name + "() without an endpoint (TypeError when the module is imported)", pos: pos}
		}
		ms.register(d, fn)
		return valObj{ir.None{}}
	case "include_router":
		if d, ok := ms.in.inDynamicLoop("routers"); ok {
			router.addMissing(d)
			return valObj{ir.None{}}
		}
		child, _ := arg(0, "router")
		cr, ok := child.(*routerObj)
		if !ok {
			if a, ok := child.(*appObj); ok {
				cr = a.router
			}
		}
		if cr == nil {
			why := "not a router"
			if u, ok := child.(unknownObj); ok {
				why = u.why
			}
			router.addMissing(ir.Diagnostic{Pos: pos, Msg: "include_router of a router not known statically (" + why + "); its routes are missing"})
			return valObj{ir.None{}}
		}
		for _, k := range kw {
			if !includeKeywords[k.name] {
				router.addMissing(ir.Diagnostic{Pos: k.pos, Msg: "include_router(" + k.name + "=...) is not an argument of include_router (TypeError when the module is imported)"})
			}
		}
		router.entries = append(router.entries, routerEntry{include: &includeCall{child: cr, kw: kw, pos: pos, ms: ms}})
		return valObj{ir.None{}}
	}
	if app == nil {
		return unknownObj{why: "router method ." + m.name, pos: pos}
	}
	switch m.name {
	case "mount", "add_middleware", "add_exception_handler", "add_event_handler":
		if d, ok := ms.in.inDynamicLoop(m.name + " calls"); ok {
			if m.name == "mount" {
				app.router.addMissing(d) // the mounted paths are missing
			} else {
				ms.in.diags = append(ms.in.diags, d)
			}
			return valObj{ir.None{}}
		}
	}
	switch m.name {
	case "mount":
		return ms.mount(app, args, kw, pos)
	case "add_middleware":
		if len(args) == 0 {
			app.problems.Add(pos, "add_middleware() without a middleware class (TypeError when the module is imported)")
			return valObj{ir.None{}}
		}
		mw := middlewareOf(args[0], args[1:], kw, pos, "add_middleware", app.problems.Add)
		app.entries = append(app.entries, appEntry{middleware: mw})
		return valObj{ir.None{}}
	case "middleware", "exception_handler", "on_event":
		return &registerDecorator{app: app, kind: m.name, args: args, pos: pos}
	case "add_exception_handler", "add_event_handler":
		d := &registerDecorator{app: app, kind: strings.TrimPrefix(m.name, "add_"), pos: pos}
		if len(args) > 0 {
			d.args = args[:1]
		}
		if d.kind == "event_handler" {
			d.kind = "on_event"
		}
		if len(args) > 1 {
			ms.applyRegister(d, args[1])
		}
		return valObj{ir.None{}}
	}
	return unknownObj{why: "app method ." + m.name, pos: pos}
}

func methodsOf(kw []kwArg) []string {
	v, ok := kwGet(kw, "methods")
	if !ok {
		return nil
	}
	var out []string
	for _, it := range seqItems(v) {
		if s, ok := constStr(it); ok {
			out = append(out, strings.ToUpper(s))
		}
	}
	return out
}

// objName returns the qualified name of a class-like object.
func objName(o obj) string {
	switch x := o.(type) {
	case fwObj:
		return x.name
	case *classObj:
		return x.ms.mod.Name + "." + x.def.Name
	case *funcObj:
		return x.ms.mod.Name + "." + x.name
	case fwCall:
		return x.name
	case valObj:
		return x.v.Repr()
	}
	return "?"
}

// staticFiles reads StaticFiles(directory=..., html=..., check_dir=..., follow_symlink=...).
// A directory it cannot evaluate exactly is reported and left "".
func (ms *modState) staticFiles(c fwCall) *ir.StaticFiles {
	st := &ir.StaticFiles{CheckDir: true}
	if len(c.args) > 0 {
		ms.in.report(c.pos, "StaticFiles() takes keyword arguments only (TypeError when the module is imported)")
	}
	boolKw := func(k kwArg, dst *bool) {
		if b, ok := truthValue(k.val); ok {
			*dst = b
		} else {
			ms.in.report(c.pos, "StaticFiles(%s=...) not known statically%s", k.name, whyUnknown(k.val))
		}
	}
	dirGiven := false
	for _, k := range c.kw {
		switch k.name {
		case "directory":
			if isNoneObj(k.val) {
				continue
			}
			dirGiven = true
			switch v := k.val.(type) {
			case fsPathObj:
				st.Directory, st.RootRelative = v.rel, true
			default:
				if s, ok := strValue(v, 0); ok && s != "" {
					st.Directory = s
				} else {
					ms.in.report(c.pos, "StaticFiles(directory=...) not known statically%s", whyUnknown(k.val))
				}
			}
		case "html":
			boolKw(k, &st.HTML)
		case "check_dir":
			boolKw(k, &st.CheckDir)
		case "follow_symlink":
			boolKw(k, &st.FollowSymlink)
		case "packages":
			if !isNoneObj(k.val) {
				ms.in.report(c.pos, "StaticFiles(packages=...) is not supported")
			}
		default:
			ms.in.report(c.pos, "StaticFiles(%s=...) is not a StaticFiles argument (TypeError when the module is imported)", k.name)
		}
	}
	if !dirGiven && len(c.args) == 0 {
		if _, ok := kwGet(c.kw, "packages"); !ok {
			ms.in.report(c.pos, "StaticFiles() without directory= serves nothing")
		}
	}
	return st
}

func (ms *modState) mount(app *appObj, args []obj, kw []kwArg, pos ir.Pos) obj {
	m := &ir.Mount{Pos: pos}
	get := func(i int, name string) obj {
		if v, ok := kwGet(kw, name); ok {
			return v
		}
		if i < len(args) {
			return args[i]
		}
		return nil
	}
	var ok bool
	if m.Path, ok = constStr(get(0, "path")); !ok {
		ms.in.report(pos, "mount path not known statically%s", whyUnknown(get(0, "path")))
		m.Unresolved = true
	}
	if n := get(2, "name"); n != nil && !isNoneObj(n) {
		if m.Name, ok = constStr(n); !ok {
			ms.in.report(pos, "mount name not known statically%s", whyUnknown(n))
			m.Unresolved = true
		}
	}
	switch sub := get(1, "app").(type) {
	case *appObj:
		m.Sub = ms.in.liftApp(sub)
	case fwCall:
		if sub.name == "starlette.staticfiles.StaticFiles" {
			m.Static = ms.staticFiles(sub)
			m.Unresolved = m.Unresolved || m.Static.Directory == ""
		} else {
			m.Other = sub.name
		}
	default:
		m.Other = objName(sub)
	}
	app.entries = append(app.entries, appEntry{mount: m})
	return valObj{ir.None{}}
}

// register adds a route to a router.
func (ms *modState) register(d *routeDecorator, fn obj) {
	if dg, ok := ms.in.inDynamicLoop("routes"); ok {
		d.router.addMissing(dg)
		return
	}
	path, ok := constStr(d.path)
	diags := append(ir.Diagnostics{}, d.problems...)
	if !ok {
		diags.Add(d.pos, "route path not known statically%s", whyUnknown(d.path))
	}
	if v, ok := kwGet(d.kw, "methods"); ok && !isNoneObj(v) {
		items, isSeq := iterItems(v)
		known := isSeq
		for _, it := range items {
			if _, ok := constStr(it); !ok {
				known = false
			}
		}
		if !known {
			diags.Add(d.pos, "methods= not known statically%s", whyUnknown(v))
		}
	}
	methods := d.methods
	if d.kind == ir.APIRoute && len(methods) == 0 {
		methods = []string{"GET"}
	}
	pr := &pendingRoute{kind: d.kind, path: d.router.settings.prefix + path, methods: methods, fn: fn, kw: d.kw,
		pos: d.pos, ms: ms, router: d.router.settings, diags: diags}
	d.router.entries = append(d.router.entries, routerEntry{route: pr})
}

// applyRegister registers an exception handler, a function middleware or an event handler.
func (ms *modState) applyRegister(d *registerDecorator, fn obj) {
	c := ms.in.callableOf(fn)
	switch d.kind {
	case "middleware":
		typ := "http"
		if len(d.args) > 0 {
			typ, _ = constStr(d.args[0])
		}
		if typ != "http" {
			d.app.problems.Add(d.pos, "middleware type not \"http\"%s (AssertionError when the module is imported)", whyUnknown(d.args[0]))
		}
		d.app.entries = append(d.app.entries, appEntry{middleware: &ir.Middleware{Class: typ, Func: c, Pos: d.pos}})
	case "exception_handler":
		h := &ir.ExceptionHandler{Handler: c, Pos: d.pos}
		if len(d.args) > 0 {
			var problem string
			h.Exception, h.Code, problem = exceptionKey(d.args[0])
			if problem != "" {
				d.app.problems.Add(d.pos, "exception handler key %s", problem)
			}
		} else {
			d.app.problems.Add(d.pos, "exception handler without an exception class or status code")
		}
		d.app.entries = append(d.app.entries, appEntry{handler: h})
	case "on_event":
		evt := ""
		if len(d.args) > 0 {
			evt, _ = constStr(d.args[0])
		}
		if evt != "startup" && evt != "shutdown" {
			d.app.problems.Add(d.pos, "event type not \"startup\" or \"shutdown\" (AssertionError when the module is imported)")
		}
		if evt == "shutdown" {
			d.app.shutdown = append(d.app.shutdown, c)
		} else {
			d.app.startup = append(d.app.startup, c)
		}
	}
}
