package translate

// App-defined response classes in bodies: PrettyJSON(content=...) for a subclass of
// Response, JSONResponse, HTMLResponse or PlainTextResponse that the code generator renders
// in Go (Names.ResponseClass). The object built is used as one of its Starlette base
// class (status_code, headers, cookies, returned as is).

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/parser/ast"
)

// customRespCall compiles a call of the app-defined class g (not a model): false when it
// is not a response class the code generator knows.
func (f *fn) customRespCall(g global, c *ast.Call) (val, bool) {
	resolve := f.u.names.ResponseClass
	if resolve == nil || g.module == "" {
		return val{}, false
	}
	code, base, why, ok := resolve(g.module + "." + g.name)
	if !ok {
		return val{}, false
	}
	if why != "" {
		f.refuse(c, "response class %s: %s", g.name, why)
	}
	typ := builtRespTypes[base]
	if typ == nil || base == "RedirectResponse" || base == "FileResponse" {
		f.refuse(c, "response class %s based on %s", g.name, base)
	}
	f.u.respBuilt = true
	params := []string{"content", "status_code", "headers", "media_type"}
	if len(c.Args) > len(params) {
		f.refuse(c, "%s with %d positional arguments", g.name, len(c.Args))
	}
	pos, kw := f.args(c, g.name+"()", params...)
	args := []jen.Code{code, jen.Nil(), jen.Nil(), jen.Nil(), jen.Nil()}
	has := make([]bool, len(params))
	for i, v := range pos {
		args[i+1], has[i] = v.code, true
		if i == 1 && !isIntType(v.typ) {
			f.refuse(c, "%s status_code that may not be an int", g.name)
		}
	}
	for i, p := range params {
		v, given := kw[p]
		if !given {
			continue
		}
		if has[i] {
			f.refuse(c, "%s argument %s given twice", g.name, p)
		}
		if i == 1 && !isIntType(v.typ) {
			f.refuse(c, "%s status_code that may not be an int", g.name)
		}
		args[i+1], has[i] = v.code, true
	}
	if base == "JSONResponse" && !has[0] {
		f.refuse(c, "%s without content", g.name)
	}
	return f.callVal(q("NewCustomResponse").Call(args...), kindValue, typ), true
}
