package lift

import (
	"strings"
	"unicode"

	"github.com/covetpy/covetgen/ir"
)

// routeLifter flattens an app's routers into IR routes.
type routeLifter struct {
	in  *interp
	app *ir.App
}

// includeCtx is FastAPI's _RouterIncludeContext: settings accumulated along an include path.
type includeCtx struct {
	s routerSettings
}

// getValueOrDefault is FastAPI's get_value_or_default: the first explicit value, else nil
// (the default).
func getValueOrDefault(vals ...obj) obj {
	for _, v := range vals {
		if v != nil {
			return v
		}
	}
	return nil
}

// forInclude is _RouterIncludeContext.for_include.
func (rl *routeLifter) forInclude(parent *routerObj, inc *includeCall) routerSettings {
	kw := inc.ms.settingsFromKw(inc.kw)
	_, hasDep := kwGet(inc.kw, "deprecated")
	_, hasIIS := kwGet(inc.kw, "include_in_schema")
	p := parent.settings
	s := routerSettings{
		prefix:          p.prefix + kw.prefix,
		tags:            append(append([]obj{}, p.tags...), kw.tags...),
		deps:            append(append([]obj{}, p.deps...), kw.deps...),
		responseClass:   getValueOrDefault(kw.responseClass, p.responseClass),
		responses:       mergeDicts(p.responses, kw.responses),
		callbacks:       append(append([]obj{}, p.callbacks...), kw.callbacks...),
		deprecated:      (hasDep && kw.deprecated) || p.deprecated,
		includeInSchema: p.includeInSchema && (!hasIIS || kw.includeInSchema),
		uniqueID:        getValueOrDefault(kw.uniqueID, p.uniqueID),
		problems:        append(append([]ir.Diagnostic{}, p.problems...), kw.problems...),
		// include_router has no strict_content_type=: the parent router's applies.
		strictContentType: p.strictContentType,
	}
	return s
}

// combine is _RouterIncludeContext.combine.
func combine(a, b routerSettings) routerSettings {
	return routerSettings{
		prefix:            a.prefix + b.prefix,
		tags:              append(append([]obj{}, a.tags...), b.tags...),
		deps:              append(append([]obj{}, a.deps...), b.deps...),
		responseClass:     getValueOrDefault(b.responseClass, a.responseClass),
		responses:         mergeDicts(a.responses, b.responses),
		callbacks:         append(append([]obj{}, a.callbacks...), b.callbacks...),
		deprecated:        a.deprecated || b.deprecated,
		includeInSchema:   a.includeInSchema && b.includeInSchema,
		uniqueID:          getValueOrDefault(b.uniqueID, a.uniqueID),
		problems:          append(append([]ir.Diagnostic{}, a.problems...), b.problems...),
		strictContentType: getValueOrDefault(b.strictContentType, a.strictContentType),
	}
}

func mergeDicts(a, b dictObj) dictObj {
	out := dictObj{keys: append([]obj{}, a.keys...), vals: append([]obj{}, a.vals...)}
	for i := range b.keys {
		out = out.with(b.keys[i], b.vals[i])
	}
	return out
}

// flatten lists the routes of a router; ctx is the include context (nil at the app's own
// router) and included the router being included.
func (rl *routeLifter) flatten(r *routerObj, ctx *routerSettings, included *routerObj) []*ir.Route {
	var out []*ir.Route
	seen := map[*routerObj]bool{}
	var walk func(r *routerObj, ctx *routerSettings, included *routerObj, depth int)
	walk = func(r *routerObj, ctx *routerSettings, included *routerObj, depth int) {
		if depth > 20 {
			return
		}
		for _, d := range r.missing {
			rl.app.RoutesUnresolved = true
			rl.app.Diags = append(rl.app.Diags, d)
		}
		for _, e := range r.entries {
			if e.route != nil {
				if route := rl.liftRoute(e.route, ctx, included); route != nil {
					out = append(out, route)
				}
				continue
			}
			inc := e.include
			if seen[inc.child] && depth > 10 {
				continue
			}
			child := rl.forInclude(r, inc)
			if ctx != nil {
				child = combine(*ctx, child)
			}
			walk(inc.child, &child, inc.child, depth+1)
		}
	}
	walk(r, ctx, included, 0)
	return out
}

// liftRoute builds one route with its effective settings.
func (rl *routeLifter) liftRoute(pr *pendingRoute, ctx *routerSettings, included *routerObj) *ir.Route {
	in := rl.in
	ms := pr.ms
	kw := pr.kw
	rs := pr.router
	route := &ir.Route{Kind: pr.kind, Methods: pr.methods, Pos: pr.pos, ResponseDescription: "Successful Response",
		ResponseModelByAlias: true, IncludeInSchema: true, Diags: append(ir.Diagnostics{}, pr.diags...)}
	defer in.reportTo(&route.Diags)()
	// Route-level settings, as add_api_route merges them with its router's.
	rkw := ms.settingsFromKw(kw)
	_, hasDep := kwGet(kw, "deprecated")
	_, hasIIS := kwGet(kw, "include_in_schema")
	tags := append(append([]obj{}, rs.tags...), rkw.tags...)
	deps := append(append([]obj{}, rs.deps...), rkw.deps...)
	responses := mergeDicts(rs.responses, rkw.responses)
	deprecated := (hasDep && rkw.deprecated) || rs.deprecated
	iis := (!hasIIS || rkw.includeInSchema) && rs.includeInSchema
	respClassKw, _ := kwGet(kw, "response_class")
	respClass := getValueOrDefault(respClassKw, rs.responseClass)
	callbacks := append(append([]obj{}, rs.callbacks...), rkw.callbacks...)
	uidKw, _ := kwGet(kw, "generate_unique_id_function")
	uid := getValueOrDefault(uidKw, rs.uniqueID)
	sct := getValueOrDefault(rkw.strictContentType, rs.strictContentType)
	path := pr.path
	if ctx != nil {
		path = ctx.prefix + path
		tags = append(append([]obj{}, ctx.tags...), tags...)
		deps = append(append([]obj{}, ctx.deps...), deps...)
		responses = mergeDicts(ctx.responses, responses)
		deprecated = deprecated || ctx.deprecated
		iis = iis && ctx.includeInSchema
		var inclClass, inclUID obj
		if included != nil {
			inclClass, inclUID = included.settings.responseClass, included.settings.uniqueID
		}
		respClass = getValueOrDefault(respClass, inclClass, ctx.responseClass)
		callbacks = append(append([]obj{}, ctx.callbacks...), callbacks...)
		uid = getValueOrDefault(uid, inclUID, ctx.uniqueID)
		var inclSCT obj
		if included != nil {
			inclSCT = included.settings.strictContentType
		}
		sct = getValueOrDefault(sct, inclSCT, ctx.strictContentType)
	}
	route.StrictContentType = true
	if sct != nil {
		route.StrictContentType, _ = truthValue(sct)
	}
	route.Diags = append(route.Diags, rs.problems...)
	route.Diags = append(route.Diags, rkw.problems...)
	if ctx != nil {
		route.Diags = append(route.Diags, ctx.problems...)
	}
	route.Path = pathFormat(path)
	route.Template = path
	route.Deprecated = deprecated
	route.IncludeInSchema = iis
	for _, t := range tags {
		v, _ := toValue(t)
		switch x := v.(type) {
		case ir.Str:
			route.Tags = append(route.Tags, string(x))
		case ir.EnumMember:
			if s, ok := x.MemberValue().(ir.Str); ok {
				route.Tags = append(route.Tags, string(s))
			}
		default:
			route.Diags.Add(pr.pos, "tag not known statically")
		}
	}
	fn := pr.fn
	for _, n := range notesOf(fn) {
		route.Diags.Add(n.Pos, "%s", n.Msg)
	}
	route.Endpoint = in.callableOf(fn)
	route.Endpoint.Key = callKey(fn)
	route.Name = route.Endpoint.Name
	if f, ok := fn.(*funcObj); ok {
		// __name__: the def's name (a closure's Callable is named by its qualified name;
		// functools.wraps copied the wrapped function's name onto a wrapper).
		route.Name = f.name
	}
	if v, ok := kwGet(kw, "name"); ok {
		if s, ok := constStr(v); ok {
			route.Name = s
		} else if !isNoneObj(v) {
			route.Diags.Add(pr.pos, "route name= not known statically%s", whyUnknown(v))
		}
	}
	if pr.kind != ir.APIRoute {
		d := in.buildDependant(fn, dependantOpts{path: route.Path, useCache: true, pos: pr.pos}, &route.Diags)
		route.Dependant = d
		rl.finish(route)
		return route
	}
	if len(route.Methods) == 0 {
		route.Methods = []string{"GET"}
	}
	route.Methods = pySetOrder(route.Methods)
	if v, ok := kwGet(kw, "status_code"); ok {
		if val, ok := v.(valObj); ok {
			if n, ok := val.v.(ir.Int); ok && n.V.IsInt64() {
				c := int(n.V.Int64())
				route.StatusCode = &c
			}
		} else {
			route.Diags.Add(pr.pos, "status_code not known statically")
		}
	}
	str := func(name string) *string {
		if v, ok := kwGet(kw, name); ok {
			if s, ok := constStr(v); ok {
				return &s
			}
			if !isNoneObj(v) {
				route.Diags.Add(pr.pos, "%s= not known statically%s", name, whyUnknown(v))
			}
		}
		return nil
	}
	route.Summary = str("summary")
	route.OperationID = str("operation_id")
	if s := str("response_description"); s != nil {
		route.ResponseDescription = *s
	}
	if s := str("description"); s != nil && *s != "" {
		route.Description = *s
	} else if route.Endpoint.Doc != nil {
		route.Description = ir.CleanDoc(*route.Endpoint.Doc)
	}
	if i := strings.IndexByte(route.Description, '\f'); i >= 0 {
		route.Description = route.Description[:i]
	}
	route.Description = strings.TrimFunc(route.Description, unicode.IsSpace)
	if v, ok := kwGet(kw, "openapi_extra"); ok {
		var known bool
		route.OpenAPIExtra, known = toValue(v)
		route.OpenAPIExtra = nonNone(route.OpenAPIExtra)
		if !known {
			route.Diags.Add(pr.pos, "openapi_extra= not known statically%s", whyUnknown(v))
		}
	}
	for _, name := range []string{"response_model_exclude_unset", "response_model_exclude_defaults", "response_model_exclude_none", "response_model_by_alias"} {
		if v, ok := kwGet(kw, name); ok {
			b, known := truthValue(v)
			if !known {
				route.Diags.Add(pr.pos, "%s= not known statically%s", name, whyUnknown(v))
			}
			switch name {
			case "response_model_exclude_unset":
				route.ResponseModelExcludeUnset = b
			case "response_model_exclude_defaults":
				route.ResponseModelExcludeDefaults = b
			case "response_model_exclude_none":
				route.ResponseModelExcludeNone = b
			case "response_model_by_alias":
				route.ResponseModelByAlias = b
			}
		}
	}
	for _, name := range []string{"response_model_include", "response_model_exclude"} {
		if v, ok := kwGet(kw, name); ok {
			val, known := toValue(v)
			if !known {
				route.Diags.Add(pr.pos, "%s= not known statically%s", name, whyUnknown(v))
			}
			if name == "response_model_include" {
				route.ResponseModelInclude = nonNone(val)
			} else {
				route.ResponseModelExclude = nonNone(val)
			}
		}
	}
	route.ResponseClass, route.ResponseClassDefault = rl.responseClass(respClass)
	// Unique id: operation_id, else the generate_unique_id function.
	// Dependencies: the effective dependencies= first, then the endpoint's parameters.
	d := in.buildDependant(fn, dependantOpts{path: route.Path, useCache: true, scope: "function", pos: pr.pos}, &route.Diags)
	var pre []*ir.Dependant
	for _, dep := range deps {
		c, ok := isDependsCall(dep)
		if !ok {
			route.Diags.Add(pr.pos, "dependencies= entry is not a Depends()")
			continue
		}
		var target obj
		if len(c.args) > 0 {
			target = c.args[0]
		}
		if v, ok := kwGet(c.kw, "dependency"); ok {
			target = v
		}
		var own []string
		if c.name == "fastapi.Security" {
			var sc obj
			if v, ok := kwGet(c.kw, "scopes"); ok {
				sc = v
			} else if len(c.args) > 1 {
				sc = c.args[1]
			}
			for _, it := range seqItems(sc) {
				if s, ok := constStr(it); ok {
					own = append(own, s)
				}
			}
		}
		useCache, scope := dependsOptions(c, &route.Diags)
		pre = append(pre, in.buildDependant(target, dependantOpts{path: route.Path, ownScopes: own, scope: scope,
			useCache: useCache, isSecurity: c.name == "fastapi.Security", pos: c.pos}, &route.Diags))
	}
	d.Deps = append(pre, d.Deps...)
	route.Dependant = d
	// Responses.
	for i, key := range responses.keys {
		er := &ir.ExtraResponse{Pos: pr.pos}
		er.Key, _ = toValue(key)
		spec, ok := responses.vals[i].(dictObj)
		if !ok {
			route.Diags.Add(pr.pos, "responses entry is not a dict")
			continue
		}
		er.Spec = &ir.Dict{}
		for j, k := range spec.keys {
			ks, _ := constStr(k)
			if ks == "model" {
				if t := ms.typeOf(spec.vals[j], pr.pos); t != nil {
					er.Model = t
					if p := typeProblem(t); p != "" {
						route.Diags.Add(pr.pos, "model of response %s %s", er.Key.Repr(), p)
					}
				}
				continue
			}
			kv, _ := toValue(k)
			vv, known := toValue(spec.vals[j])
			if !known {
				route.Diags.Add(pr.pos, "responses entry value not known statically")
			}
			er.Spec.Set(kv, vv)
		}
		route.Responses = append(route.Responses, er)
	}
	for _, cb := range callbacks {
		if rr, ok := cb.(routesRef); ok {
			sub := &routeLifter{in: in, app: rl.app}
			route.Callbacks = append(route.Callbacks, sub.flatten(rr.router, nil, nil)...)
		}
	}
	if route.Endpoint.IsGenerator {
		route.IsJSONStream = route.ResponseClassDefault
		route.IsSSEStream = route.ResponseClass != nil && strings.HasSuffix(route.ResponseClass.Name, "EventSourceResponse")
	}
	rl.responseModel(route, pr, fn, kw)
	if p := typeProblem(route.ResponseModel); p != "" {
		route.Diags.Add(pr.pos, "response model %s", p)
	}
	rl.uniqueID(route, uid)
	rl.finish(route)
	return route
}

// finish marks a route unresolved when it carries diagnostics or uses an unresolved type
// or model.
func (rl *routeLifter) finish(route *ir.Route) {
	seen := map[*ir.Model]bool{}
	var check func(t *ir.Type)
	check = func(t *ir.Type) {
		if t == nil {
			return
		}
		if t.Kind == ir.KindModel && t.Model != nil && !seen[t.Model] {
			seen[t.Model] = true
			if t.Model.Unresolved {
				route.Diags.Add(route.Pos, "uses model %s, which is not fully resolved", t.Model.Name)
			}
			for _, f := range t.Model.Fields {
				check(f.Type)
			}
		}
		for _, a := range t.Args {
			check(a)
		}
	}
	if route.Dependant != nil {
		route.Dependant.Walk(func(d *ir.Dependant) {
			for _, p := range d.Params {
				check(p.Type)
			}
		})
	}
	check(route.ResponseModel)
	for _, er := range route.Responses {
		check(er.Model)
	}
	if len(route.Diags) > 0 {
		route.Unresolved = true
	}
}

// responseModel applies response_model= or the return annotation.
func (rl *routeLifter) responseModel(route *ir.Route, pr *pendingRoute, fn obj, kw []kwArg) {
	ms := pr.ms
	isGen := route.Endpoint.IsGenerator
	if v, ok := kwGet(kw, "response_model"); ok {
		if val, ok := v.(valObj); ok {
			if _, none := val.v.(ir.None); none {
				return
			}
		}
		route.ResponseModel = ms.typeOf(v, pr.pos)
		return
	}
	f, ok := fn.(*funcObj)
	if !ok || f.ret == nil {
		return
	}
	ann := f.ms.resolveForward(f.ms.eval(f.ret, f.annScope()), 0)
	t := f.ms.typeOf(ann, pr.pos)
	if t.Kind == ir.KindNone {
		return
	}
	if t.Kind == ir.KindClass && strings.HasPrefix(t.Name, "fastapi.responses.") {
		return
	}
	switch t.Name {
	case "typing.AsyncIterable", "typing.AsyncIterator", "typing.AsyncGenerator", "typing.Iterable", "typing.Iterator", "typing.Generator":
		if t.Kind == ir.KindClass || t.Kind == ir.KindList {
			if isGen {
				item := &ir.Type{Kind: ir.KindAny}
				if len(t.Args) > 0 {
					item = t.Args[0]
				}
				cls := route.ResponseClass
				if route.ResponseClassDefault || (cls != nil && cls.Name == "fastapi.sse.EventSourceResponse") {
					if !(item.Kind == ir.KindClass && item.Name == "fastapi.sse.ServerSentEvent") {
						route.StreamItem = item
					}
				}
				return
			}
		}
	}
	if t.Kind == ir.KindUnion {
		for _, a := range t.Args {
			if a.Kind == ir.KindClass && strings.HasPrefix(a.Name, "fastapi.responses.") {
				route.Diags.Add(pr.pos, "return annotation %s is not a valid response model; set response_model=None", t)
				return
			}
		}
	}
	route.ResponseModel = t
}

// responseClass resolves a response class object.
func (rl *routeLifter) responseClass(o obj) (*ir.ResponseClass, bool) {
	if o == nil {
		return &ir.ResponseClass{Name: "fastapi.responses.JSONResponse", MediaType: "application/json", IsJSON: true, DefaultStatus: 200}, true
	}
	switch x := o.(type) {
	case fwObj:
		return frameworkResponseClass(x.name), false
	case *classObj:
		// A subclass of a framework response class: media_type may be overridden.
		rc := &ir.ResponseClass{Name: x.ms.mod.Name + "." + x.def.Name, DefaultStatus: 200, Pos: x.pos}
		base := rl.baseResponse(x, 0)
		if base != nil {
			rc.MediaType, rc.IsJSON, rc.DefaultStatus = base.MediaType, base.IsJSON, base.DefaultStatus
		}
		if v, ok := x.attrs.names["media_type"]; ok {
			if s, ok := constStr(v); ok {
				rc.MediaType = s
			} else {
				rc.MediaType = ""
			}
		}
		return rc, false
	}
	return &ir.ResponseClass{Name: "?", MediaType: "application/json", IsJSON: true, DefaultStatus: 200}, false
}

func (rl *routeLifter) baseResponse(c *classObj, depth int) *ir.ResponseClass {
	if depth > 20 {
		return nil
	}
	for _, b := range c.bases {
		switch x := b.(type) {
		case fwObj:
			return frameworkResponseClass(x.name)
		case *classObj:
			if r := rl.baseResponse(x, depth+1); r != nil {
				if v, ok := x.attrs.names["media_type"]; ok {
					if s, ok := constStr(v); ok {
						r.MediaType = s
					}
				}
				return r
			}
		}
	}
	return nil
}

// frameworkResponseClass describes FastAPI's and Starlette's response classes.
func frameworkResponseClass(name string) *ir.ResponseClass {
	rc := &ir.ResponseClass{Name: name, DefaultStatus: 200}
	switch strings.TrimPrefix(name, "fastapi.responses.") {
	case "JSONResponse", "ORJSONResponse", "UJSONResponse":
		rc.MediaType, rc.IsJSON = "application/json", true
	case "HTMLResponse":
		rc.MediaType = "text/html"
	case "PlainTextResponse":
		rc.MediaType = "text/plain"
	case "RedirectResponse":
		rc.DefaultStatus = 307
	case "EventSourceResponse":
		rc.MediaType = "text/event-stream"
	}
	if name == "fastapi.sse.EventSourceResponse" {
		rc.MediaType = "text/event-stream"
	}
	return rc
}
