package translate

// The body of an @app.middleware("http") function (runtime/pyval/pymw): its call_next
// parameter and the downstream response `await call_next(request)` returns.
//
// call_next is used only as `await call_next(request)`, request being the function's own
// request parameter, outside any try statement (the exception call_next re-raises is the
// downstream's, which translated except clauses cannot name). On the response it returns:
// status_code (read; assigned an int), headers[name] (read and assigned),
// headers.get(name[, default]), headers.append(name, value), set_cookie(...) and
// delete_cookie(...) (as on a built response, reqresp.go); a name holding it is used only
// as the base of those or returned. Starlette's response classes built in the body
// (reqresp.go) may be returned instead.

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

const pymwPkg = "github.com/covetpy/covetgen/runtime/pyval/pymw"

// The static types of call_next and of the response it returns.
const (
	callNextClass   = "starlette.middleware.base.RequestResponseEndpoint"
	downstreamClass = "starlette.middleware.base._StreamingResponse"
)

// CallNextType is the type to give the call_next parameter of an @app.middleware("http")
// function (Var.Type); its request parameter takes the Request class
// (starlette.requests.Request).
func CallNextType() *ir.Type { return &ir.Type{Kind: ir.KindClass, Name: callNextClass} }

func isClassType(t *ir.Type, name string) bool {
	return t != nil && t.Kind == ir.KindClass && t.Name == name
}

func isCallNextType(t *ir.Type) bool   { return isClassType(t, callNextClass) }
func isDownstreamType(t *ir.Type) bool { return isClassType(t, downstreamClass) }

// callNextCall compiles `await call_next(request)`; ok is false for other calls.
func (f *fn) callNextCall(c *ast.Call, await bool) (val, bool) {
	n, isName := c.Func.(*ast.Name)
	if !isName || !isCallNextType(f.staticType(n)) {
		return val{}, false
	}
	if !await {
		f.refuse(c, "call_next(...) without await")
	}
	if len(c.Args) != 1 || len(c.Keywords) != 0 {
		f.refuse(c, "call_next with %d arguments (only call_next(request))", len(c.Args)+len(c.Keywords))
	}
	arg, isName := c.Args[0].(*ast.Name)
	if !isName || !isReqType(f.staticType(arg)) || f.locals[arg.Id] == nil || !f.locals[arg.Id].isParam {
		f.refuse(c.Args[0], "call_next of %s (only of the function's request parameter)", exprName(c.Args[0]))
	}
	if f.inTry(c) {
		f.refuse(c, "call_next inside a try statement (the downstream exception it re-raises is not modelled)")
	}
	l := f.locals[n.Id]
	l.used = true
	return f.callVal(jen.Qual(pymwPkg, "Call").Call(jen.Id(l.goName)), kindValue, &ir.Type{Kind: ir.KindClass, Name: downstreamClass}), true
}

// inTry reports whether e is inside a try statement of the body.
func (f *fn) inTry(e ast.Expr) bool {
	found := false
	walkStmts(f.def.body, func(st ast.Stmt) {
		t, isTry := st.(*ast.Try)
		if !isTry || found {
			return
		}
		var inner []ast.Stmt
		inner = append(inner, t.Body...)
		for _, h := range t.Handlers {
			if h != nil {
				inner = append(inner, h.Body...)
			}
		}
		inner = append(append(inner, t.Orelse...), t.Finalbody...)
		walkStmts(inner, func(s ast.Stmt) {
			for _, x := range stmtExprs(s) {
				walkExpr(x, func(y ast.Expr) {
					if y == e {
						found = true
					}
				})
			}
		})
	})
	return found
}

// checkCallNextUse refuses a use of call_next, or of the response it returned, outside
// the sanctioned positions.
func (f *fn) checkCallNextUse(n *ast.Name, t *ir.Type) {
	switch {
	case isCallNextType(t):
		f.refuse(n, "use of %s other than `await %s(request)`", n.Id, n.Id)
	case isDownstreamType(t):
		if !f.baseOrReturned(n, true) {
			f.refuse(n, "use of the response call_next returned other than its status_code, headers and cookies, or returning it")
		}
	}
}

// downstreamBase returns the name holding the downstream response that x is an attribute
// of, or nil.
func (f *fn) downstreamBase(x *ast.Attribute) *ast.Name {
	n, isName := x.Value.(*ast.Name)
	if !isName || !isDownstreamType(f.staticType(n)) {
		return nil
	}
	return n
}

// downstreamHeaders returns the response whose headers e is (resp.headers), or nil.
func (f *fn) downstreamHeaders(e ast.Expr) *ast.Name {
	at, isAttr := e.(*ast.Attribute)
	if !isAttr {
		return nil
	}
	n := f.downstreamBase(at)
	if n != nil && at.Attr != "headers" {
		f.refuse(at, "attribute %s of the response call_next returned", at.Attr)
	}
	return n
}

// downstreamAttribute compiles resp.status_code.
func (f *fn) downstreamAttribute(x *ast.Attribute) (val, bool) {
	if n := f.downstreamHeaders(x.Value); n != nil {
		f.refuse(x, "headers.%s of the response call_next returned, not called", x.Attr)
	}
	n := f.downstreamBase(x)
	if n == nil {
		return val{}, false
	}
	if x.Attr != "status_code" {
		f.refuse(x, "attribute %s of the response call_next returned (only status_code, headers[...], headers.get, headers.append, set_cookie and delete_cookie)", x.Attr)
	}
	base := f.value(n)
	return f.callVal(jen.Qual(pymwPkg, "Status").Call(base.code), kindValue, intType), true
}

// downstreamSubscript compiles resp.headers[name].
func (f *fn) downstreamSubscript(x *ast.Subscript) (val, bool) {
	n := f.downstreamHeaders(x.Value)
	if n == nil {
		return val{}, false
	}
	if _, isSlice := x.Slice.(*ast.Slice); isSlice {
		f.refuse(x, "slice of a response's headers")
	}
	vs := f.seq([]ast.Expr{n, x.Slice}, f.value)
	return f.callVal(jen.Qual(pymwPkg, "Header").Call(vs[0].code, vs[1].code), kindValue, strType), true
}

// downstreamMethod compiles resp.set_cookie(...), resp.delete_cookie(...),
// resp.headers.get(name[, default]) and resp.headers.append(name, value).
func (f *fn) downstreamMethod(c *ast.Call, at *ast.Attribute) (val, bool) {
	if n := f.downstreamBase(at); n != nil {
		return f.cookieCall(c, at, "the response call_next returned", jen.Qual(pymwPkg, "SetCookie"), jen.Qual(pymwPkg, "DeleteCookie")), true
	}
	n := f.downstreamHeaders(at.Value)
	if n == nil {
		return val{}, false
	}
	f.noStar(c)
	switch at.Attr {
	case "get":
		if len(c.Args) < 1 || len(c.Args)+len(c.Keywords) > 2 {
			f.refuse(c, "headers.get with %d arguments", len(c.Args)+len(c.Keywords))
		}
		base := f.value(n)
		as, kw := f.args(c, "headers.get()", "default")
		def := jen.Nil()
		if len(as) == 2 {
			def = as[1].code
		} else if d, given := kw["default"]; given {
			def = d.code
		}
		return f.callVal(jen.Qual(pymwPkg, "GetHeader").Call(base.code, as[0].code, def), kindValue, nil), true
	case "append":
		if len(c.Args) != 2 || len(c.Keywords) != 0 {
			f.refuse(c, "headers.append with %d arguments", len(c.Args)+len(c.Keywords))
		}
		base := f.value(n)
		as, _ := f.args(c, "headers.append()")
		return f.callVal(jen.Qual(pymwPkg, "AppendHeader").Call(base.code, as[0].code, as[1].code), kindValue, noneType), true
	}
	f.refuse(c, "method %s of the headers of the response call_next returned", at.Attr)
	return val{}, false
}

// downstreamStore compiles resp.status_code = v and resp.headers[name] = v; ok is false
// for other targets. v is already evaluated (Python evaluates the value first).
func (f *fn) downstreamStore(t ast.Expr, v val) bool {
	switch x := t.(type) {
	case *ast.Attribute:
		n := f.downstreamBase(x)
		if n == nil {
			if f.downstreamHeaders(x.Value) != nil {
				f.refuse(x, "assignment to headers.%s of a response", x.Attr)
			}
			return false
		}
		if x.Attr != "status_code" {
			f.refuse(x, "assignment to attribute %s of the response call_next returned", x.Attr)
		}
		if !isIntType(v.typ) {
			f.refuse(x, "assignment to status_code of a value that may not be an int")
		}
		if !v.atomic {
			v = f.hoist(v)
		}
		base := f.value(n)
		f.errOnly(jen.Qual(pymwPkg, "SetStatus").Call(base.code, v.code))
		return true
	case *ast.Subscript:
		n := f.downstreamHeaders(x.Value)
		if n == nil {
			return false
		}
		if _, isSlice := x.Slice.(*ast.Slice); isSlice {
			f.refuse(x, "slice assignment")
		}
		if !v.atomic {
			v = f.hoist(v)
		}
		vs := f.seq([]ast.Expr{n, x.Slice}, f.value)
		f.errOnly(jen.Qual(pymwPkg, "SetHeader").Call(vs[0].code, vs[1].code, v.code))
		return true
	}
	return false
}
