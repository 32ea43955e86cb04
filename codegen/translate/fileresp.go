package translate

// FileResponse(path, status_code=200, headers=None, media_type=None, background=None,
// filename=None, content_disposition_type="attachment") built in a body
// (runtime pyfile.NewFileResponse): the handler sends it as Starlette does, headers, stat
// headers and Range answers included (runtime/static). The object is used like the
// other response objects a body builds (reqresp.go), but only returned or read its
// status_code: its headers and cookies are not those Starlette's FileResponse sends
// (stat headers are added when it is sent), so assigning them is refused.
//
// Arguments whose value could make the Go response differ are refused statically: the
// path must be a str or a path computed from __file__ (fspath.go), media_type None or a
// non-empty str constant, filename None or a str, content_disposition_type a str; the
// deprecated method= and stat_result= are refused.

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// fileRespParams are FileResponse's parameters, in order, as the translator takes them
// (background is handled by withBackground).
var fileRespParams = []string{"path", "status_code", "headers", "media_type", "background", "filename", "stat_result", "method", "content_disposition_type"}

// isFileResp reports t to be the type of a FileResponse a body built.
func isFileResp(t *ir.Type) bool { return t != nil && t == builtRespTypes["FileResponse"] }

// isFileRespCall reports c to call FileResponse.
func (f *fn) isFileRespCall(c *ast.Call) bool {
	g, ok := f.lookupGlobal(c.Func)
	return ok && g.kind == gFramework && respClassNames[g.name] == "FileResponse"
}

// fileRespPathKw is the path= keyword argument of a FileResponse call (nil: none).
func fileRespPathKw(c *ast.Call) ast.Expr {
	for _, k := range c.Keywords {
		if k.Arg != nil && *k.Arg == "path" {
			return k.Value
		}
	}
	return nil
}

// fileRespCall compiles a FileResponse(...) call.
func (f *fn) fileRespCall(c *ast.Call) val {
	if len(c.Args) > len(fileRespParams) {
		f.refuse(c, "FileResponse with %d positional arguments", len(c.Args))
	}
	for i := range c.Args {
		if p := fileRespParams[i]; p == "background" || p == "stat_result" || p == "method" {
			f.refuse(c.Args[i], "FileResponse argument %s given positionally", p)
		}
	}
	pos, kw := f.args(c, "FileResponse()", fileRespParams...)
	slots := map[string]val{}
	for i, v := range pos {
		slots[fileRespParams[i]] = v
	}
	for p, v := range kw {
		if _, twice := slots[p]; twice {
			f.refuse(c, "FileResponse argument %s given twice", p)
		}
		if p != "background" {
			slots[p] = v
		}
	}
	for _, p := range []string{"stat_result", "method"} {
		if _, given := slots[p]; given {
			f.refuse(c, "FileResponse(%s=...)", p)
		}
	}
	path, given := slots["path"]
	if !given {
		f.refuse(c, "FileResponse without path")
	}
	if path.typ != fsPathType && kindOf(path.typ) != ir.KindStr {
		f.refuse(c, "FileResponse path that may not be a str")
	}
	if st, given := slots["status_code"]; given && !isIntType(st.typ) {
		f.refuse(c, "FileResponse status_code that may not be an int")
	}
	if mt, given := slots["media_type"]; given && kindOf(mt.typ) != ir.KindNone {
		if s, ok := f.constArg(c, "media_type"); !ok || s == "" {
			f.refuse(c, "FileResponse media_type that is not a non-empty str constant or None")
		}
	}
	if fn, given := slots["filename"]; given && kindOf(fn.typ) != ir.KindStr && kindOf(fn.typ) != ir.KindNone {
		f.refuse(c, "FileResponse filename that may not be a str or None")
	}
	if cd, given := slots["content_disposition_type"]; given && kindOf(cd.typ) != ir.KindStr {
		f.refuse(c, "FileResponse content_disposition_type that may not be a str")
	}
	f.u.respBuilt = true
	args := make([]jen.Code, 0, 6)
	for _, p := range []string{"path", "status_code", "headers", "media_type", "filename", "content_disposition_type"} {
		if v, given := slots[p]; given {
			args = append(args, v.code)
		} else {
			args = append(args, jen.Nil())
		}
	}
	resp := f.callVal(jen.Qual(pyfilePkg, "NewFileResponse").Call(args...), kindValue, builtRespTypes["FileResponse"])
	return f.withBackground(c, resp, kw)
}

// pyfilePkg is the runtime package of FileResponse objects (it carries runtime/static).
const pyfilePkg = "github.com/covetpy/covetgen/runtime/pyval/pyfile"

// constArg is the str constant given as the keyword argument name (or positionally) of
// the FileResponse call c.
func (f *fn) constArg(c *ast.Call, name string) (string, bool) {
	var e ast.Expr
	for i, a := range c.Args {
		if fileRespParams[i] == name {
			e = a
		}
	}
	for _, k := range c.Keywords {
		if k.Arg != nil && *k.Arg == name {
			e = k.Value
		}
	}
	if e == nil {
		return "", false
	}
	v, ok := constEval(e, f.constLookup)
	s, isStr := v.(pyval.Str)
	return string(s), ok && isStr
}

// refuseFileRespChange refuses assigning or calling methods on a FileResponse object t.
func (f *fn) refuseFileRespChange(n ast.Node, t *ir.Type) {
	if isFileResp(t) {
		f.refuse(n, "change of a FileResponse's headers, cookies or status (Starlette adds its headers when it sends it)")
	}
}
