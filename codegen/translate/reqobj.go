package translate

// FastAPI's `request: Request` parameter in translated bodies (runtime/pyval/pyreq):
// read-only. request.method; request.url.path / .query / .scheme / .netloc;
// request.headers, request.query_params, request.cookies and request.scope (constant keys
// root_path, path, method, scheme, type) through .get(key[, default]) and [key]; request.query_params.getlist(key) and .multi_items(). Any other use of the
// request (aliasing it, passing it on, other attributes) is refused (checkRespUse).

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

const pyreqPkg = "github.com/covetpy/covetgen/runtime/pyval/pyreq"

// reqParamNames are the annotations of FastAPI's Request parameter.
var reqParamNames = map[string]bool{"fastapi.Request": true, "fastapi.requests.Request": true,
	"starlette.requests.Request": true}

// isReqType reports whether t is the Request parameter's type.
func isReqType(t *ir.Type) bool {
	return t != nil && t.Kind == ir.KindClass && reqParamNames[t.Name]
}

// reqMappings are the request's mappings a body may read.
var reqMappings = map[string]bool{"headers": true, "query_params": true, "cookies": true, "scope": true}

// reqScopeKeys are the scope keys a body may read (always present in an HTTP scope).
var reqScopeKeys = map[string]bool{"root_path": true, "path": true, "method": true, "scheme": true, "type": true}

// checkScopeKey refuses request.scope lookups other than of the keys pyreq answers.
func (f *fn) checkScopeKey(mapping string, key ast.Expr) {
	if mapping != "scope" {
		return
	}
	if s, ok := constStr(key); !ok || !reqScopeKeys[s] {
		f.refuse(key, "request.scope key %s (only root_path, path, method, scheme and type)", exprName(key))
	}
}

// reqAttribute compiles request.method and request.url.<part>.
func (f *fn) reqAttribute(x *ast.Attribute) (val, bool) {
	if v, ok := f.reqValueAttribute(x); ok { // reqvalues.go
		return v, true
	}
	if inner, ok := x.Value.(*ast.Attribute); ok && isReqType(f.staticType(inner.Value)) {
		switch {
		case inner.Attr == "url" && (x.Attr == "path" || x.Attr == "query" || x.Attr == "scheme" || x.Attr == "netloc"):
		default:
			f.refuse(x, "attribute %s of a request's %s", x.Attr, inner.Attr)
		}
		base := f.value(inner.Value)
		return f.callVal(jen.Qual(pyreqPkg, "URL").Call(base.code, jen.Lit(x.Attr)), kindValue, strType), true
	}
	if !isReqType(f.staticType(x.Value)) {
		return val{}, false
	}
	if x.Attr != "method" {
		f.refuse(x, "attribute %s of a request", x.Attr)
	}
	base := f.value(x.Value)
	return f.callVal(jen.Qual(pyreqPkg, "Method").Call(base.code), kindValue, strType), true
}

// reqMethod compiles request.<mapping>.get(key[, default]), .getlist(key) and
// .multi_items().
func (f *fn) reqMethod(c *ast.Call, at *ast.Attribute) (val, bool) {
	if v, ok := f.reqHeaderList(c, at); ok { // reqvalues.go
		return v, true
	}
	hs, ok := at.Value.(*ast.Attribute)
	if !ok || !isReqType(f.staticType(hs.Value)) {
		return val{}, false
	}
	if !reqMappings[hs.Attr] {
		f.refuse(c, "method %s of a request's %s", at.Attr, hs.Attr)
	}
	mapping := hs.Attr
	base := f.value(hs.Value)
	switch {
	case at.Attr == "get":
		if len(c.Args) < 1 || len(c.Args)+len(c.Keywords) > 2 {
			f.refuse(c, "%s.get with %d arguments", mapping, len(c.Args)+len(c.Keywords))
		}
		f.checkScopeKey(mapping, c.Args[0])
		as, kw := f.args(c, mapping+".get()", "default")
		def := jen.Nil()
		if len(as) == 2 {
			def = as[1].code
		} else if d, ok := kw["default"]; ok {
			def = d.code
		}
		return f.callVal(jen.Qual(pyreqPkg, "Get").Call(base.code, jen.Lit(mapping), as[0].code, def), kindValue, nil), true
	case at.Attr == "getlist" && mapping == "query_params":
		if len(c.Args) != 1 {
			f.refuse(c, "getlist with %d arguments", len(c.Args))
		}
		as, _ := f.args(c, "getlist()")
		return f.callVal(jen.Qual(pyreqPkg, "GetList").Call(base.code, as[0].code), kindValue, listType), true
	case at.Attr == "multi_items" && mapping == "query_params":
		if len(c.Args) != 0 || len(c.Keywords) != 0 {
			f.refuse(c, "multi_items with arguments")
		}
		return f.callVal(jen.Qual(pyreqPkg, "MultiItems").Call(base.code), kindValue, listType), true
	}
	f.refuse(c, "method %s of a request's %s", at.Attr, mapping)
	return val{}, false
}

// reqSubscript compiles request.<mapping>[key] (and an UploadFile's headers[key]).
func (f *fn) reqSubscript(x *ast.Subscript) (val, bool) {
	if v, ok := f.uploadHeadersItem(x); ok {
		return v, true
	}
	hs, ok := x.Value.(*ast.Attribute)
	if !ok || !isReqType(f.staticType(hs.Value)) {
		return val{}, false
	}
	if !reqMappings[hs.Attr] {
		f.refuse(x, "subscript of a request's %s", hs.Attr)
	}
	if _, isSlice := x.Slice.(*ast.Slice); isSlice {
		f.refuse(x, "slice of a request's %s", hs.Attr)
	}
	f.checkScopeKey(hs.Attr, x.Slice)
	base := f.value(hs.Value)
	key := f.seq([]ast.Expr{x.Slice}, f.value)[0]
	return f.callVal(jen.Qual(pyreqPkg, "Item").Call(base.code, jen.Lit(hs.Attr), key.code), kindValue, strType), true
}
