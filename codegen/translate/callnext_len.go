package translate

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/parser/ast"
)

// lenMappings are the request's mappings whose len a body may take (that of headers
// counts raw header lines, which net/http does not keep).
var lenMappings = map[string]bool{"query_params": true, "cookies": true}

// reqLen compiles len(request.query_params) and len(request.cookies); ok is false for
// other calls.
func (f *fn) reqLen(name string, c *ast.Call) (val, bool) {
	if name != "len" || len(c.Args) != 1 || len(c.Keywords) != 0 {
		return val{}, false
	}
	at, isAttr := c.Args[0].(*ast.Attribute)
	if !isAttr || !isReqType(f.staticType(at.Value)) {
		return val{}, false
	}
	if !lenMappings[at.Attr] {
		f.refuse(c, "len of a request's %s (only of query_params and cookies)", at.Attr)
	}
	base := f.value(at.Value)
	return f.callVal(jen.Qual(pyreqPkg, "Len").Call(base.code, jen.Lit(at.Attr)), kindValue, intType), true
}
