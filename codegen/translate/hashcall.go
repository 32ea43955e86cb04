package translate

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// hashCall compiles hashlib.<algo>(data).hexdigest() / .digest(); ok false when c is not
// of that shape.
func (f *fn) hashCall(c *ast.Call, at *ast.Attribute) (val, bool) {
	inner, ctor, ok := digestOf(at)
	if !ok {
		return val{}, false
	}
	mod, ok := f.lookupGlobal(ctor.Value)
	if !ok || mod.kind != gStdlibModule || mod.name != "hashlib" || !pyval.IsHashAlgorithm(ctor.Attr) {
		return val{}, false
	}
	if len(inner.Keywords) > 0 || len(inner.Args) > 1 {
		f.refuse(inner, "hashlib.%s() with other than one positional argument", ctor.Attr)
	}
	if len(c.Args) > 0 || len(c.Keywords) > 0 {
		f.refuse(c, "%s() with arguments", at.Attr)
	}
	as, _ := f.args(inner, "hashlib."+ctor.Attr+"()")
	var data jen.Code = jen.Nil()
	if len(as) == 1 {
		data = as[0].code
	}
	t := strType
	if at.Attr == "digest" {
		t = nil
	}
	return f.callVal(q("HashDigest").Call(jen.Lit(ctor.Attr), data, jen.Lit(at.Attr == "hexdigest")), kindValue, t), true
}

// digestOf matches at, the callee of <x>.<ctor>(...).hexdigest() or .digest(): the
// constructor call and its attribute; ok false for another shape.
func digestOf(at *ast.Attribute) (inner *ast.Call, ctor *ast.Attribute, ok bool) {
	if at.Attr != "hexdigest" && at.Attr != "digest" {
		return nil, nil, false
	}
	if inner, ok = at.Value.(*ast.Call); !ok {
		return nil, nil, false
	}
	if ctor, ok = inner.Func.(*ast.Attribute); !ok {
		return nil, nil, false
	}
	return inner, ctor, true
}
