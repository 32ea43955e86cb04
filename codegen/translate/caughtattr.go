package translate

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// Attributes of a caught HTTPException: in the handlers of `except HTTPException as exc`
// (HTTPException alone), exc.status_code and exc.detail are read through
// pyval.CaughtAttr (the exception a yield dependency sees thrown in is usually one).

// caughtHTTPClass names the static type of a name bound by `except HTTPException as exc`.
const caughtHTTPClass = "<caught fastapi.HTTPException>"

// caughtHTTPAttrs are the attributes read.
var caughtHTTPAttrs = map[string]bool{"status_code": true, "detail": true}

// caughtType is the static type of the name an except clause catching classes binds.
func caughtType(classes []string) *ir.Type {
	if len(classes) == 0 {
		return nil
	}
	for _, c := range classes {
		if c != "HTTPException" {
			return nil
		}
	}
	return &ir.Type{Kind: ir.KindClass, Name: caughtHTTPClass}
}

// caughtAttrBase reports x, an attribute read of a caught HTTPException that
// caughtAttribute translates, given the classes its clause catches.
func caughtAttrBase(x ast.Expr, name string, classes []string) bool {
	at, ok := x.(*ast.Attribute)
	if !ok || caughtType(classes) == nil || !caughtHTTPAttrs[at.Attr] || at.Ctx != ast.Load {
		return false
	}
	n, ok := at.Value.(*ast.Name)
	return ok && n.Id == name
}

// caughtAttribute compiles exc.status_code / exc.detail (ok false: x is not one).
func (f *fn) caughtAttribute(x *ast.Attribute) (val, bool) {
	n, ok := x.Value.(*ast.Name)
	if !ok || f.locals[n.Id] == nil || !caughtHTTPAttrs[x.Attr] {
		return val{}, false
	}
	if t := f.types[n.Id]; t == nil || t.Kind != ir.KindClass || t.Name != caughtHTTPClass {
		return val{}, false
	}
	base := f.name(n)
	var typ *ir.Type
	if x.Attr == "status_code" {
		typ = intType
	}
	return f.callVal(q("CaughtAttr").Call(base.code, jen.Lit(x.Attr)), kindValue, typ), true
}
