package translate

import (
	"strings"

	"github.com/dave/jennifer/jen"

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

// decodeReplace compiles b.decode(encoding, errors="replace" or "ignore") (UTF-8 or
// ASCII, given positionally or by keyword); ok false for other decode calls.
func (f *fn) decodeReplace(c *ast.Call, at *ast.Attribute) (val, bool) {
	if at.Attr != "decode" {
		return val{}, false
	}
	ps := reParams(c, []string{"encoding", "errors"}, "decode()", f.refuse)
	errs, ok := ps["errors"]
	if !ok {
		return val{}, false
	}
	mode, isStr := constStr(errs)
	if !isStr || mode != "replace" && mode != "ignore" {
		return val{}, false
	}
	ascii := false
	if e, ok := ps["encoding"]; ok {
		s, isStr := constStr(e)
		if !isStr || !knownEncoding(s) {
			f.refuse(e, "decode() argument %s (only \"utf-8\" and \"ascii\")", exprName(e))
		}
		ascii = isASCIIName(s)
	}
	recv := f.value(at.Value)
	fn := "BytesDecodeReplace"
	if mode == "ignore" {
		fn = "BytesDecodeIgnore"
	}
	return f.callVal(q(fn).Call(recv.code, jen.Lit(ascii)), kindValue, strType), true
}

// isASCIIName reports whether an encoding name knownEncoding accepts spells ASCII.
func isASCIIName(name string) bool {
	switch strings.NewReplacer("-", "_", " ", "_").Replace(strings.ToLower(name)) {
	case "ascii", "us_ascii", "646":
		return true
	}
	return false
}
