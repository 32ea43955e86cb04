package translate

// Starlette response objects in translated bodies (runtime/pyval/respobj.go).
//
// A body may build Response, JSONResponse, HTMLResponse, PlainTextResponse and
// RedirectResponse objects and return them (the generated handler sends them as is), and
// use FastAPI's `response: Response` parameter. On both: obj.status_code (read, and
// assigned an int), obj.headers[name] = value, obj.headers.append(name, value),
// obj.set_cookie(...) and obj.delete_cookie(...). A name holding one is used only as the
// receiver of those (or, for a built one, directly returned): any other use (aliasing,
// passing it on, putting it in a container, printing it) is refused.

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// builtRespTypes are the static types of response objects a body built, by class; the
// pointers identify them (read-only after init).
var builtRespTypes = func() map[string]*ir.Type {
	m := map[string]*ir.Type{}
	for _, c := range []string{"Response", "JSONResponse", "HTMLResponse", "PlainTextResponse", "RedirectResponse", "StreamingResponse", "FileResponse"} {
		m[c] = &ir.Type{Kind: ir.KindClass, Name: "starlette.responses." + c}
	}
	return m
}()

// respClassNames maps the qualified names a response class is imported as to its class.
var respClassNames = func() map[string]string {
	m := map[string]string{"fastapi.Response": "Response"}
	for c := range builtRespTypes {
		m["fastapi.responses."+c] = c
		m["starlette.responses."+c] = c
	}
	return m
}()

// respParamNames are the annotations of FastAPI's Response parameter.
var respParamNames = map[string]bool{"fastapi.Response": true, "fastapi.responses.Response": true,
	"starlette.responses.Response": true}

// isBuiltResp reports whether t is the type of a response object the body built.
func isBuiltResp(t *ir.Type) bool {
	return t != nil && t.Kind == ir.KindClass && builtRespTypes[shortClass(t.Name)] == t
}

func shortClass(name string) string {
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '.' {
			return name[i+1:]
		}
	}
	return name
}

// isRespType reports whether t is a response object: built, or the Response parameter.
func isRespType(t *ir.Type) bool {
	return isBuiltResp(t) || t != nil && t.Kind == ir.KindClass && respParamNames[t.Name]
}

// staticType is the static type of a local name without compiling it (nil otherwise).
func (f *fn) staticType(e ast.Expr) *ir.Type {
	n, ok := e.(*ast.Name)
	if !ok {
		return nil
	}
	if g, ok := f.compVars[n.Id]; ok {
		return f.compTypes[g]
	}
	if f.locals[n.Id] == nil {
		return nil
	}
	return f.types[n.Id]
}

// checkRespUse refuses a use of a response object outside the sanctioned positions: the
// receiver of an attribute, or (a built one) the value of a return statement.
func (f *fn) checkRespUse(n *ast.Name, t *ir.Type) {
	if f.checkBgUse(n, t) { // background.go
		return
	}
	if isReqType(t) {
		f.checkReqUse(n)
		return
	}
	if f.checkFormUse(n, t) { // reqform.go
		return
	}
	if !isRespType(t) {
		return
	}
	if !f.baseOrReturned(n, isBuiltResp(t)) {
		f.refuse(n, "use of response object %s (only its status_code, headers and cookies, or returning it)", n.Id)
	}
}

// baseOrReturned reports the use n of a name to be the receiver of an attribute, or
// (with returnable) the value of a return statement, in the function's body.
func (f *fn) baseOrReturned(n *ast.Name, returnable bool) bool {
	ok := false
	walkStmts(f.def.body, func(st ast.Stmt) {
		if r, isRet := st.(*ast.Return); isRet && r.Value == ast.Expr(n) && returnable {
			ok = true
		}
		for _, e := range stmtExprs(st) {
			walkExpr(e, func(x ast.Expr) {
				if at, isAttr := x.(*ast.Attribute); isAttr && at.Value == ast.Expr(n) {
					ok = true
				}
			})
		}
	})
	return ok
}

// BuildsResponses reports whether a body translated so far builds a response object:
// from then on, a translated endpoint's result may be one (pyval.ResponseObj), which its
// handler sends as is.
func (u *Unit) BuildsResponses() bool { return u.respBuilt }

// respCall compiles a call of a response class (name is the class's qualified name).
func (f *fn) respCall(name string, c *ast.Call) (val, bool) {
	class, ok := respClassNames[name]
	if !ok {
		return val{}, false
	}
	f.u.respBuilt = true
	if class == "FileResponse" {
		return f.fileRespCall(c), true // fileresp.go
	}
	params := []string{"content", "status_code", "headers", "media_type"}
	if class == "RedirectResponse" {
		params = []string{"url", "status_code", "headers"}
	}
	if len(c.Args) > len(params) {
		f.refuse(c, "%s with %d positional arguments", class, len(c.Args))
	}
	pos, kw := f.args(c, class+"()", append(params, "background")...) // background: background.go
	slots := make([]val, len(params))
	has := make([]bool, len(params))
	for i, v := range pos {
		slots[i], has[i] = v, true
	}
	for i, p := range params {
		if v, given := kw[p]; given {
			if has[i] {
				f.refuse(c, "%s argument %s given twice", class, p)
			}
			slots[i], has[i] = v, true
		}
	}
	args := make([]jen.Code, len(params))
	for i := range params {
		args[i] = jen.Nil()
		if has[i] {
			args[i] = slots[i].code
		}
	}
	if has[1] && !isIntType(slots[1].typ) {
		f.refuse(c, "%s status_code that may not be an int", class)
	}
	if class == "RedirectResponse" {
		if !has[0] {
			f.refuse(c, "RedirectResponse without url")
		}
		return f.withBackground(c, f.callVal(q("NewRedirectResponse").Call(args...), kindValue, builtRespTypes[class]), kw), true
	}
	if class == "JSONResponse" && !has[0] {
		f.refuse(c, "JSONResponse without content")
	}
	return f.withBackground(c, f.callVal(q("NewResponse").Call(append([]jen.Code{jen.Lit(class)}, args...)...), kindValue, builtRespTypes[class]), kw), true
}

func isIntType(t *ir.Type) bool { return t != nil && t.Kind == ir.KindInt }

// respAttribute compiles obj.status_code of a response object (and the request's
// attributes, reqobj.go).
func (f *fn) respAttribute(x *ast.Attribute) (val, bool) {
	if v, ok := f.reqAttribute(x); ok {
		return v, true
	}
	if v, ok := f.uploadAttribute(x); ok {
		return v, true
	}
	if !isRespType(f.staticType(x.Value)) {
		return val{}, false
	}
	if x.Attr != "status_code" {
		f.refuse(x, "attribute %s of a response object", x.Attr)
	}
	base := f.value(x.Value)
	return f.callVal(q("RespStatus").Call(base.code), kindValue, nil), true
}

// respMethod compiles obj.set_cookie(...), obj.delete_cookie(...) and
// obj.headers.append(name, value) on a response object.
func (f *fn) respMethod(c *ast.Call, at *ast.Attribute) (val, bool) {
	if v, ok := f.reqMethod(c, at); ok {
		return v, true
	}
	if v, ok := f.formMethod(c, at); ok { // reqform.go
		return v, true
	}
	if v, ok := f.uploadHeadersCall(c, at); ok {
		return v, true
	}
	if hs, ok := at.Value.(*ast.Attribute); ok && isRespType(f.staticType(hs.Value)) {
		f.refuseFileRespChange(c, f.staticType(hs.Value)) // fileresp.go
		if hs.Attr != "headers" || at.Attr != "append" {
			f.refuse(c, "method %s of a response object's %s", at.Attr, hs.Attr)
		}
		base := f.value(hs.Value)
		if len(c.Args) != 2 {
			f.refuse(c, "headers.append with %d arguments", len(c.Args))
		}
		as, _ := f.args(c, "headers.append()")
		return f.callVal(q("RespAppendHeader").Call(base.code, as[0].code, as[1].code), kindValue, noneType), true
	}
	if !isRespType(f.staticType(at.Value)) {
		return val{}, false
	}
	f.refuseFileRespChange(c, f.staticType(at.Value)) // fileresp.go
	return f.cookieCall(c, at, "a response object", q("RespSetCookie"), q("RespDeleteCookie")), true
}

// cookieCall compiles obj.set_cookie(...) and obj.delete_cookie(...) (any other method of
// obj, what, is refused) as a call of set or del with obj and a pyval.CookieArgs.
func (f *fn) cookieCall(c *ast.Call, at *ast.Attribute, what string, set, del *jen.Statement) val {
	var params []string
	var fn *jen.Statement
	switch at.Attr {
	case "set_cookie":
		params, fn = []string{"key", "value", "max_age", "expires", "path", "domain", "secure", "httponly", "samesite"}, set
	case "delete_cookie":
		params, fn = []string{"key", "path", "domain", "secure", "httponly", "samesite"}, del
	default:
		f.refuse(c, "method %s of %s", at.Attr, what)
	}
	if len(c.Args) > len(params) {
		f.refuse(c, "%s with %d positional arguments", at.Attr, len(c.Args))
	}
	base := f.value(at.Value)
	pos, kw := f.args(c, at.Attr+"()", params...)
	fields := jen.Dict{}
	setField := func(p string, v val) {
		if (p == "max_age" || p == "expires") && !cookieNumberType(v.typ) && !(p == "expires" && kindOf(v.typ) == ir.KindDateTime) {
			f.refuse(c, "%s argument %s that may not be an int, a str or None", at.Attr, p)
		}
		fields[jen.Id(cookieField[p])] = v.code
	}
	given := map[string]bool{}
	for i, v := range pos {
		given[params[i]] = true
		setField(params[i], v)
	}
	for p, v := range kw {
		if given[p] {
			f.refuse(c, "%s argument %s given twice", at.Attr, p)
		}
		given[p] = true
		setField(p, v)
	}
	if !given["key"] {
		f.refuse(c, "%s without key", at.Attr)
	}
	return f.callVal(fn.Call(base.code, q("CookieArgs").Values(fields)), kindValue, noneType)
}

// cookieField is the pyval.CookieArgs field of each set_cookie parameter.
var cookieField = map[string]string{"key": "Key", "value": "Value", "max_age": "MaxAge", "expires": "Expires",
	"path": "Path", "domain": "Domain", "secure": "Secure", "httponly": "HTTPOnly", "samesite": "SameSite"}

// cookieNumberType reports whether a max_age / expires argument is statically an int, a
// str or None (an expires may also be a datetime: temporal.go).
func cookieNumberType(t *ir.Type) bool {
	if t == nil {
		return false
	}
	switch t.Kind {
	case ir.KindInt, ir.KindStr, ir.KindNone, ir.KindBool:
		return true
	case ir.KindUnion:
		for _, a := range t.Args {
			if !cookieNumberType(a) {
				return false
			}
		}
		return true
	}
	return false
}

// respStore compiles obj.status_code = v and obj.headers[name] = v; ok is false for other
// targets.
func (f *fn) respStore(t ast.Expr, v val) bool {
	switch x := t.(type) {
	case *ast.Attribute:
		if !isRespType(f.staticType(x.Value)) {
			return false
		}
		f.refuseFileRespChange(x, f.staticType(x.Value)) // fileresp.go
		if x.Attr != "status_code" {
			f.refuse(x, "assignment to attribute %s of a response object", x.Attr)
		}
		if !isIntType(v.typ) {
			f.refuse(x, "assignment to status_code of a value that may not be an int")
		}
		if !v.atomic {
			v = f.hoist(v)
		}
		base := f.value(x.Value)
		f.errOnly(q("RespSetStatus").Call(base.code, v.code))
		return true
	case *ast.Subscript:
		hs, ok := x.Value.(*ast.Attribute)
		if !ok || !isRespType(f.staticType(hs.Value)) {
			return false
		}
		f.refuseFileRespChange(x, f.staticType(hs.Value)) // fileresp.go
		if hs.Attr != "headers" {
			f.refuse(x, "item assignment to %s of a response object", hs.Attr)
		}
		if _, isSlice := x.Slice.(*ast.Slice); isSlice {
			f.refuse(x, "slice assignment")
		}
		if !v.atomic {
			v = f.hoist(v)
		}
		base := f.value(hs.Value)
		key := f.seq([]ast.Expr{x.Slice}, f.value)[0]
		f.errOnly(q("RespSetHeader").Call(base.code, key.code, v.code))
		return true
	}
	return false
}

// checkReqUse refuses a use of the request other than as the base of an attribute.
func (f *fn) checkReqUse(n *ast.Name) {
	ok := false
	walkStmts(f.def.body, func(st ast.Stmt) {
		for _, e := range stmtExprs(st) {
			walkExpr(e, func(x ast.Expr) {
				if at, isAttr := x.(*ast.Attribute); isAttr && at.Value == ast.Expr(n) {
					ok = true
				}
			})
		}
	})
	if !ok {
		f.refuse(n, "use of request object %s (only its method, url, headers, query_params and cookies)", n.Id)
	}
}
