package translate

// More of the request in translated bodies (runtime/pyval/pyreq/values.go):
// str(request.url), str(request.base_url), str(request.url_for("name")) of an HTTP route
// without path parameters that the app's routes name unambiguously, request.cookies and
// request.path_params (dicts; path parameters only when no route of the app converts
// them: all are str), dict() of those and of request.query_params,
// request.headers.getlist(key), request.client (a (host, port) tuple or None) and
// request.client.host / .port.

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// reqDictMappings are the request's mappings dict() of which a body may take.
var reqDictMappings = map[string]bool{"query_params": true, "cookies": true, "path_params": true}

// reqBuiltin compiles str() of request.url, request.base_url and request.url_for(...),
// and dict() of request.query_params, .cookies and .path_params; ok is false for other
// calls.
func (f *fn) reqBuiltin(name string, c *ast.Call) (val, bool) {
	if (name != "str" && name != "dict") || len(c.Args) != 1 || len(c.Keywords) != 0 {
		return val{}, false
	}
	switch x := c.Args[0].(type) {
	case *ast.Attribute:
		if !isReqType(f.staticType(x.Value)) {
			return val{}, false
		}
		switch {
		case name == "str" && x.Attr == "url":
			base := f.value(x.Value)
			return f.callVal(jen.Qual(pyreqPkg, "URL").Call(base.code, jen.Lit("")), kindValue, strType), true
		case name == "str" && x.Attr == "base_url":
			base := f.value(x.Value)
			return f.callVal(jen.Qual(pyreqPkg, "BaseURL").Call(base.code), kindValue, strType), true
		case name == "dict" && reqDictMappings[x.Attr]:
			f.checkPathParams(x)
			base := f.value(x.Value)
			return f.callVal(jen.Qual(pyreqPkg, "Dict").Call(base.code, jen.Lit(x.Attr)), kindValue, dictType), true
		}
	case *ast.Call:
		at, ok := x.Func.(*ast.Attribute)
		if name != "str" || !ok || at.Attr != "url_for" || !isReqType(f.staticType(at.Value)) {
			return val{}, false
		}
		if len(x.Args) != 1 || len(x.Keywords) != 0 {
			f.refuse(x, "request.url_for with path parameters")
		}
		route, ok := constStr(x.Args[0])
		if !ok {
			f.refuse(x, "request.url_for of a name that is not a constant")
		}
		path, why := urlForPath(f.app, route)
		if why != "" {
			f.refuse(x, "request.url_for(%q) (%s)", route, why)
		}
		base := f.value(at.Value)
		return f.callVal(jen.Qual(pyreqPkg, "URLFor").Call(base.code, jen.Lit(path)), kindValue, strType), true
	}
	return val{}, false
}

// reqValueAttribute compiles request.cookies, request.path_params and request.client as
// values, and request.client.host / .port.
func (f *fn) reqValueAttribute(x *ast.Attribute) (val, bool) {
	if inner, ok := x.Value.(*ast.Attribute); ok && inner.Attr == "client" && isReqType(f.staticType(inner.Value)) {
		if x.Attr != "host" && x.Attr != "port" {
			f.refuse(x, "attribute %s of a request's client", x.Attr)
		}
		typ := strType
		if x.Attr == "port" {
			typ = intType
		}
		base := f.value(inner.Value)
		return f.callVal(jen.Qual(pyreqPkg, "ClientPart").Call(base.code, jen.Lit(x.Attr)), kindValue, typ), true
	}
	if !isReqType(f.staticType(x.Value)) {
		return val{}, false
	}
	switch x.Attr {
	case "cookies", "path_params":
		f.checkPathParams(x)
		base := f.value(x.Value)
		return f.callVal(jen.Qual(pyreqPkg, "Dict").Call(base.code, jen.Lit(x.Attr)), kindValue, dictType), true
	case "client":
		base := f.value(x.Value)
		return f.callVal(jen.Qual(pyreqPkg, "Client").Call(base.code), kindValue, nil), true
	}
	return val{}, false
}

// reqHeaderList compiles request.headers.getlist(key).
func (f *fn) reqHeaderList(c *ast.Call, at *ast.Attribute) (val, bool) {
	hs, ok := at.Value.(*ast.Attribute)
	if !ok || hs.Attr != "headers" || at.Attr != "getlist" || !isReqType(f.staticType(hs.Value)) {
		return val{}, false
	}
	if len(c.Args) != 1 || len(c.Keywords) != 0 {
		f.refuse(c, "headers.getlist with %d arguments", len(c.Args)+len(c.Keywords))
	}
	base := f.value(hs.Value)
	as, _ := f.args(c, "getlist()")
	return f.callVal(jen.Qual(pyreqPkg, "HeaderList").Call(base.code, as[0].code), kindValue, listOf(strType)), true
}

// checkPathParams refuses request.path_params unless every path parameter of the app is
// a str (no route or mount template converts one).
func (f *fn) checkPathParams(x *ast.Attribute) {
	if x.Attr != "path_params" {
		return
	}
	if why := convertedParams(f.app); why != "" {
		f.refuse(x, "request.path_params (%s)", why)
	}
}

// convertedParams says why path parameters of app may not all be str ("" when they are).
func convertedParams(app *ir.App) string {
	if app == nil {
		return "no app"
	}
	if app.RoutesUnresolved {
		return "some routes of the app are not known"
	}
	for _, r := range app.Routes {
		if c := converter(r.Template); c != "" {
			return "route " + r.Template + " converts its parameters with " + c
		}
	}
	for _, m := range app.Mounts {
		if c := converter(m.Path); c != "" || m.Unresolved {
			return "mount " + m.Path + " converts its parameters"
		}
		if m.Sub != nil {
			if why := convertedParams(m.Sub); why != "" {
				return why
			}
		} else if m.Static == nil {
			return "mount " + m.Path + " of an application that is not known"
		}
	}
	return ""
}

// converter is the first convertor other than str and path a template names ("" when
// none).
func converter(tpl string) string {
	for {
		i := strings.IndexByte(tpl, '{')
		if i < 0 {
			return ""
		}
		j := strings.IndexByte(tpl[i:], '}')
		if j < 0 {
			return ""
		}
		p := tpl[i+1 : i+j]
		if k := strings.IndexByte(p, ':'); k >= 0 {
			if c := p[k+1:]; c != "str" && c != "path" {
				return c
			}
		}
		tpl = tpl[i+j+1:]
	}
}

// docRouteNames are the names of the routes FastAPI adds for its documentation, before
// the app's own.
var docRouteNames = map[string]bool{"openapi": true, "swagger_ui_html": true, "swagger_ui_redirect": true, "redoc_html": true}

// urlForPath is the path Starlette's url_path_for(name) gives in app for an HTTP route
// without path parameters; why says why it is not known statically.
func urlForPath(app *ir.App, name string) (path, why string) {
	if app == nil {
		return "", "no app"
	}
	if docRouteNames[name] || strings.Contains(name, ":") {
		return "", "a documentation or mounted route's name"
	}
	var found []string
	var ws bool
	var search func(a *ir.App, prefix string) string
	search = func(a *ir.App, prefix string) string {
		if a.RoutesUnresolved {
			return "some routes of the app are not known"
		}
		for _, r := range a.Routes {
			if r.Name == name {
				found = append(found, prefix+r.Path)
				ws = ws || r.Kind == ir.WebSocketRoute
			}
		}
		for _, m := range a.Mounts {
			switch {
			case m.Unresolved:
				return "mount " + m.Path + " is not known exactly"
			case m.Name == name:
				return "a mount's name"
			case m.Name != "":
			case m.Sub != nil:
				if why := search(m.Sub, prefix+strings.TrimRight(m.Path, "/")); why != "" {
					return why
				}
			case m.Static == nil:
				return "mount " + m.Path + " of an application that is not known"
			}
		}
		return ""
	}
	if why := search(app, ""); why != "" {
		return "", why
	}
	switch {
	case len(found) == 0:
		return "", "no route of that name"
	case len(found) > 1:
		return "", "several routes of that name"
	case ws:
		return "", "a websocket route"
	case strings.Contains(found[0], "{"):
		return "", "a route with path parameters"
	}
	return found[0], ""
}
