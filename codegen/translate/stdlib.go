package translate

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// stdlibFunc is a standard-library function a body may call (module imported with
// `import module`, called as module.name(...)).
type stdlibFunc struct {
	lo, hi int      // positional arguments
	kw     []string // keyword-only arguments, passed after the positional ones (nil if absent)
	call   func(args []jen.Code) *jen.Statement
	typ    *ir.Type
}

var stdlibFuncs = map[string]stdlibFunc{
	"base64.b64encode": {lo: 1, hi: 1, typ: bytesType, call: func(a []jen.Code) *jen.Statement {
		return q("B64Encode").Call(a[0], jen.False())
	}},
	"base64.standard_b64encode": {lo: 1, hi: 1, typ: bytesType, call: func(a []jen.Code) *jen.Statement {
		return q("B64Encode").Call(a[0], jen.False())
	}},
	"base64.urlsafe_b64encode": {lo: 1, hi: 1, typ: bytesType, call: func(a []jen.Code) *jen.Statement {
		return q("B64Encode").Call(a[0], jen.True())
	}},
	"base64.b64decode": {lo: 1, hi: 1, kw: []string{"validate"}, typ: bytesType, call: func(a []jen.Code) *jen.Statement {
		return q("B64Decode").Call(a[0], a[1], jen.False())
	}},
	"base64.standard_b64decode": {lo: 1, hi: 1, typ: bytesType, call: func(a []jen.Code) *jen.Statement {
		return q("B64Decode").Call(a[0], jen.Nil(), jen.False())
	}},
	"base64.urlsafe_b64decode": {lo: 1, hi: 1, typ: bytesType, call: func(a []jen.Code) *jen.Statement {
		return q("B64Decode").Call(a[0], jen.Nil(), jen.True())
	}},
	"secrets.compare_digest": {lo: 2, hi: 2, typ: boolType, call: func(a []jen.Code) *jen.Statement { return q("CompareDigest").Call(a...) }},
	"hmac.compare_digest":    {lo: 2, hi: 2, typ: boolType, call: func(a []jen.Code) *jen.Statement { return q("CompareDigest").Call(a...) }},
	"json.loads":             {lo: 1, hi: 1, call: func(a []jen.Code) *jen.Statement { return q("JSONLoads").Call(a...) }},
	"json.dumps": {lo: 1, hi: 1, kw: []string{"indent", "sort_keys", "ensure_ascii", "separators", "allow_nan"}, typ: strType,
		call: func(a []jen.Code) *jen.Statement {
			return q("JSONDumps").Call(a[0], q("DumpsOptions").Values(jen.Dict{
				jen.Id("Indent"): a[1], jen.Id("SortKeys"): a[2], jen.Id("EnsureASCII"): a[3],
				jen.Id("Separators"): a[4], jen.Id("AllowNaN"): a[5],
			}))
		}},
	"math.floor":    {lo: 1, hi: 1, typ: intType, call: func(a []jen.Code) *jen.Statement { return q("MathFloor").Call(a...) }},
	"math.ceil":     {lo: 1, hi: 1, typ: intType, call: func(a []jen.Code) *jen.Statement { return q("MathCeil").Call(a...) }},
	"math.sqrt":     {lo: 1, hi: 1, typ: floatType, call: func(a []jen.Code) *jen.Statement { return q("MathSqrt").Call(a...) }},
	"math.fabs":     {lo: 1, hi: 1, typ: floatType, call: func(a []jen.Code) *jen.Statement { return q("MathFabs").Call(a...) }},
	"math.isnan":    {lo: 1, hi: 1, typ: boolType, call: func(a []jen.Code) *jen.Statement { return q("MathIsnan").Call(a...) }},
	"math.isinf":    {lo: 1, hi: 1, typ: boolType, call: func(a []jen.Code) *jen.Statement { return q("MathIsinf").Call(a...) }},
	"math.isfinite": {lo: 1, hi: 1, typ: boolType, call: func(a []jen.Code) *jen.Statement { return q("MathIsfinite").Call(a...) }},
	"math.isclose": {lo: 2, hi: 2, kw: []string{"rel_tol", "abs_tol"}, typ: boolType,
		call: func(a []jen.Code) *jen.Statement { return q("MathIsclose").Call(a...) }},
}

// stdlibModuleOf returns the standard-library module an expression names (`import m` or
// `import m as n`), or "".
func (f *fn) stdlibModuleOf(e ast.Expr) string {
	if _, ok := e.(*ast.Name); !ok {
		return ""
	}
	g, ok := f.lookupGlobal(e)
	if !ok || g.kind != gStdlibModule {
		return ""
	}
	return g.name
}

// stdlibCall compiles module.name(...) for the functions of stdlibFuncs; ok false leaves
// the call to the caller (which refuses it).
func (f *fn) stdlibCall(c *ast.Call) (val, bool) {
	at, ok := c.Func.(*ast.Attribute)
	if !ok {
		return val{}, false
	}
	mod := f.stdlibModuleOf(at.Value)
	if mod == "re" {
		return f.reModuleCall(c, at.Attr), true // recall.go
	}
	if v, ok := f.hashObjCall(c, mod, at.Attr); ok { // hashext.go
		return v, true
	}
	sf, ok := stdlibFuncs[mod+"."+at.Attr]
	if mod == "" || !ok {
		return val{}, false
	}
	what := mod + "." + at.Attr + "()"
	if len(c.Args) < sf.lo || len(c.Args) > sf.hi {
		f.refuse(c, "call of %s with %d positional arguments", what, len(c.Args))
	}
	as, kw := f.args(c, what, sf.kw...)
	args := make([]jen.Code, 0, len(as)+len(sf.kw))
	for _, a := range as {
		args = append(args, a.code)
	}
	for _, k := range sf.kw {
		if v, ok := kw[k]; ok {
			args = append(args, v.code)
		} else {
			args = append(args, jen.Nil())
		}
	}
	return f.callVal(sf.call(args), kindValue, sf.typ), true
}

// stdlibConst compiles module constants (math.pi, math.inf...); ok false otherwise.
func (f *fn) stdlibConst(x *ast.Attribute) (val, bool) {
	if f.stdlibModuleOf(x.Value) != "math" {
		return val{}, false
	}
	v, ok := pyval.MathConst(x.Attr)
	if !ok {
		return val{}, false
	}
	return val{code: constCode(v), atomic: true, typ: floatType}, true
}
