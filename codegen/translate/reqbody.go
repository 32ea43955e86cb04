package translate

// The request's body in translated bodies (runtime/pyval/pyreq/body.go): await
// request.body() (bytes) and await request.json() (json.loads of it, a value the body
// does not own: Starlette caches it on the request, so it may not be mutated).

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/parser/ast"
)

// reqBodyMethods are the awaited methods of the request, by their pyreq function.
var reqBodyMethods = map[string]string{"body": "Body", "json": "JSON"}

// reqUploadCall compiles await request.body() / request.json() and the awaited methods of
// an UploadFile (upload.go).
func (f *fn) reqUploadCall(c *ast.Call, await bool) (val, bool) {
	if v, ok := f.reqFormCall(c, await); ok { // reqform.go
		return v, true
	}
	if v, ok := f.uploadAwait(c, await); ok {
		return v, true
	}
	at, ok := c.Func.(*ast.Attribute)
	if !ok || !isReqType(f.staticType(at.Value)) {
		return val{}, false
	}
	fn, known := reqBodyMethods[at.Attr]
	if !known {
		return val{}, false
	}
	if !await {
		f.refuse(c, "request.%s() without await", at.Attr)
	}
	if len(c.Args) > 0 || len(c.Keywords) > 0 {
		f.refuse(c, "request.%s() with arguments", at.Attr)
	}
	base := f.value(at.Value)
	typ := bytesType
	if at.Attr == "json" {
		typ = nil
	}
	return f.callVal(jen.Qual(pyreqPkg, fn).Call(base.code), kindValue, typ), true
}
