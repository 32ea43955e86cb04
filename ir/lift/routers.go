package lift

import (
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

func (ms *modState) newApp(kw []kwArg, pos ir.Pos) *appObj {
	r := &routerObj{settings: ms.settingsFromKw(kw), pos: pos, ms: ms}
	r.settings.prefix = ""
	if v, ok := kwGet(kw, "default_response_class"); ok {
		r.settings.responseClass = v
	}
	a := &appObj{router: r, kw: kw, pos: pos, webhooks: &routerObj{settings: defaultSettings(), pos: pos, ms: ms}}
	return a
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
	switch m.name {
	case "get", "post", "put", "delete", "patch", "options", "head", "trace":
		path, _ := arg(0, "path")
		return &routeDecorator{router: router, methods: []string{strings.ToUpper(m.name)}, path: path, kw: kw, pos: pos, kind: ir.APIRoute}
	case "api_route":
		path, _ := arg(0, "path")
		return &routeDecorator{router: router, methods: methodsOf(kw), path: path, kw: kw, pos: pos, kind: ir.APIRoute}
	case "websocket", "websocket_route":
		path, _ := arg(0, "path")
		return &routeDecorator{router: router, path: path, kw: kw, pos: pos, kind: ir.WebSocketRoute}
	case "route":
		path, _ := arg(0, "path")
		return &routeDecorator{router: router, methods: methodsOf(kw), path: path, kw: kw, pos: pos, kind: ir.StarletteRoute}
	case "add_api_route", "add_api_websocket_route", "add_route", "add_websocket_route":
		path, _ := arg(0, "path")
		fn, _ := arg(1, "endpoint")
		kind := ir.APIRoute
		switch m.name {
		case "add_api_websocket_route", "add_websocket_route":
			kind = ir.WebSocketRoute
		case "add_route":
			kind = ir.StarletteRoute
		}
		d := &routeDecorator{router: router, methods: methodsOf(kw), path: path, kw: kw, pos: pos, kind: kind}
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
		mw := &ir.Middleware{Pos: pos, Options: &ir.Dict{}}
		if len(args) > 0 {
			mw.Class = objName(args[0])
		}
		for i, a := range args[1:] {
			v, _ := toValue(a)
			mw.Options.Set(ir.NewInt(int64(i)), v)
		}
		for _, k := range kw {
			v, _ := toValue(k.val)
			mw.Options.Set(ir.Str(k.name), v)
		}
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
	m.Path, _ = constStr(get(0, "path"))
	m.Name, _ = constStr(get(2, "name"))
	switch sub := get(1, "app").(type) {
	case *appObj:
		m.Sub = ms.in.liftApp(sub)
	case fwCall:
		if sub.name == "starlette.staticfiles.StaticFiles" {
			st := &ir.StaticFiles{CheckDir: true}
			if v, ok := kwGet(sub.kw, "directory"); ok {
				st.Directory, _ = constStr(v)
			} else if len(sub.args) > 0 {
				st.Directory, _ = constStr(sub.args[0])
			}
			if v, ok := kwGet(sub.kw, "html"); ok {
				st.HTML, _ = truthValue(v)
			}
			if v, ok := kwGet(sub.kw, "check_dir"); ok {
				st.CheckDir, _ = truthValue(v)
			}
			m.Static = st
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
	var diags ir.Diagnostics
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
		d.app.entries = append(d.app.entries, appEntry{middleware: &ir.Middleware{Class: typ, Func: c, Pos: d.pos}})
	case "exception_handler":
		h := &ir.ExceptionHandler{Handler: c, Pos: d.pos}
		if len(d.args) > 0 {
			if v, ok := d.args[0].(valObj); ok {
				if i, ok := v.v.(ir.Int); ok && i.V.IsInt64() {
					h.Code = int(i.V.Int64())
				}
			} else {
				h.Exception = objName(d.args[0])
			}
		}
		d.app.entries = append(d.app.entries, appEntry{handler: h})
	case "on_event":
		evt := ""
		if len(d.args) > 0 {
			evt, _ = constStr(d.args[0])
		}
		if evt == "shutdown" {
			d.app.shutdown = append(d.app.shutdown, c)
		} else {
			d.app.startup = append(d.app.startup, c)
		}
	}
}
