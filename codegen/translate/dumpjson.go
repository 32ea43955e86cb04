package translate

import (
	"github.com/covetpy/covetgen/parser/ast"
)

// dumpJSONCall compiles model.model_dump_json() (no arguments) of a value statically a
// model whose dump the runtime reproduces; ok false for other methods.
func (f *fn) dumpJSONCall(c *ast.Call, at *ast.Attribute) (val, bool) {
	if at.Attr != "model_dump_json" {
		return val{}, false
	}
	recv := f.value(at.Value)
	m := modelOf(recv.typ)
	if m == nil {
		f.refuse(c, "call of method model_dump_json() on a value of unknown type")
	}
	if len(c.Args) > 0 || len(c.Keywords) > 0 {
		f.refuse(c, "model_dump_json() with arguments")
	}
	f.checkDumpable(c, m)
	return f.callVal(q("ModelDumpJSON").Call(recv.code), kindValue, strType), true
}
