package translate

// Starlette UploadFile values in translated bodies (runtime/pyval/upload_ops.go): a name
// whose static type is UploadFile or Optional[UploadFile] (a File() parameter, an item of
// a list[UploadFile] one) answers await x.read([size]), await x.seek(offset),
// x.filename, x.content_type, x.size, and x.headers.items() / keys() / values() /
// get(key[, default]) / getlist(key) / [key]. On None (an optional file not sent) each
// raises AttributeError, as in Python.

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// uploadClassName is the qualified name the lifter gives FastAPI's and Starlette's
// UploadFile.
const uploadClassName = "fastapi.UploadFile"

// isUploadType reports UploadFile and Optional[UploadFile].
func isUploadType(t *ir.Type) bool {
	if t == nil {
		return false
	}
	if t.Kind == ir.KindClass {
		return t.Name == uploadClassName
	}
	if isFormItemType(t) {
		return true // a form's value: the UploadFile operations raise AttributeError on a str (reqform.go)
	}
	if t.Kind == ir.KindUnion {
		nn := t.NonNone()
		return len(nn) == 1 && len(nn) < len(t.Args) && isUploadType(nn[0])
	}
	return false
}

// uploadBase compiles the receiver e when its static type is an UploadFile.
func (f *fn) uploadBase(e ast.Expr) (val, bool) {
	if !isUploadType(f.staticType(e)) {
		return val{}, false
	}
	return f.value(e), true
}

var optStrType = &ir.Type{Kind: ir.KindUnion, Args: []*ir.Type{strType, noneType}}

// uploadAttrTypes are the attributes of an UploadFile a body reads, with their types.
var uploadAttrTypes = map[string]*ir.Type{"filename": strType, "content_type": optStrType, "size": intType}

// uploadAttribute compiles x.filename, x.content_type and x.size of an UploadFile.
func (f *fn) uploadAttribute(x *ast.Attribute) (val, bool) {
	if !isUploadType(f.staticType(x.Value)) {
		return val{}, false
	}
	t, ok := uploadAttrTypes[x.Attr]
	if !ok {
		f.refuse(x, "attribute %s of an UploadFile (only filename, content_type and size, its headers' methods, and await read() / seek())", x.Attr)
	}
	base := f.value(x.Value)
	return f.callVal(q("UploadAttr").Call(base.code, jen.Lit(x.Attr)), kindValue, t), true
}

// uploadAwait compiles await x.read([size]) and await x.seek(offset) of an UploadFile.
func (f *fn) uploadAwait(c *ast.Call, await bool) (val, bool) {
	at, ok := c.Func.(*ast.Attribute)
	if !ok || !isUploadType(f.staticType(at.Value)) {
		return val{}, false
	}
	switch at.Attr {
	case "read", "seek":
	default:
		f.refuse(c, "method %s of an UploadFile (only await read() and await seek())", at.Attr)
	}
	if !await {
		f.refuse(c, "%s() of an UploadFile without await", at.Attr)
	}
	if at.Attr == "read" {
		if len(c.Args) > 1 || len(c.Args)+len(c.Keywords) > 1 {
			f.refuse(c, "read() with %d arguments", len(c.Args)+len(c.Keywords))
		}
		base := f.value(at.Value)
		as, kw := f.args(c, "read()", "size")
		size := jen.Nil()
		if len(as) == 1 {
			size = as[0].code
		} else if s, ok := kw["size"]; ok {
			size = s.code
		}
		return f.callVal(q("UploadRead").Call(base.code, size), kindValue, bytesType), true
	}
	if len(c.Args)+len(c.Keywords) != 1 {
		f.refuse(c, "seek() with %d arguments", len(c.Args)+len(c.Keywords))
	}
	base := f.value(at.Value)
	as, kw := f.args(c, "seek()", "offset")
	off := kw["offset"]
	if len(as) == 1 {
		off = as[0]
	}
	return f.callVal(q("UploadSeek").Call(base.code, off.code), kindValue, noneType), true
}

// uploadHeaderMethods are the methods of an UploadFile's headers a body calls, with the
// types of their results.
var uploadHeaderMethods = map[string]*ir.Type{"items": listOf(&ir.Type{Kind: ir.KindTuple, Args: []*ir.Type{strType, strType}}),
	"keys": listOf(strType), "values": listOf(strType), "get": nil, "getlist": listOf(strType)}

// uploadHeadersCall compiles x.headers.<method>(...) of an UploadFile.
func (f *fn) uploadHeadersCall(c *ast.Call, at *ast.Attribute) (val, bool) {
	hs, ok := at.Value.(*ast.Attribute)
	if !ok || !isUploadType(f.staticType(hs.Value)) {
		return val{}, false
	}
	t, known := uploadHeaderMethods[at.Attr]
	if hs.Attr != "headers" || !known {
		f.refuse(c, "method %s of an UploadFile's %s", at.Attr, hs.Attr)
	}
	if len(c.Keywords) > 0 {
		f.refuse(c, "headers.%s with keyword arguments", at.Attr)
	}
	base := f.value(hs.Value)
	as, _ := f.args(c, "headers."+at.Attr+"()")
	args := []jen.Code{base.code, jen.Lit(at.Attr)}
	for _, a := range as {
		args = append(args, a.code)
	}
	return f.callVal(q("UploadHeaders").Call(args...), kindValue, t), true
}

// uploadHeadersItem compiles x.headers[key] of an UploadFile.
func (f *fn) uploadHeadersItem(x *ast.Subscript) (val, bool) {
	hs, ok := x.Value.(*ast.Attribute)
	if !ok || !isUploadType(f.staticType(hs.Value)) {
		return val{}, false
	}
	if hs.Attr != "headers" {
		f.refuse(x, "subscript of an UploadFile's %s", hs.Attr)
	}
	if _, isSlice := x.Slice.(*ast.Slice); isSlice {
		f.refuse(x, "slice of an UploadFile's headers")
	}
	base := f.value(hs.Value)
	key := f.seq([]ast.Expr{x.Slice}, f.value)[0]
	return f.callVal(q("UploadHeaders").Call(base.code, jen.Lit("[]"), key.code), kindValue, strType), true
}

// reqIterCall compiles x.headers.items() / keys() / values() of an UploadFile iterated
// by a loop or a comprehension (where d.items() is otherwise a dict's).
func (f *fn) reqIterCall(c *ast.Call) (val, bool) {
	if at, ok := c.Func.(*ast.Attribute); ok {
		return f.uploadHeadersCall(c, at)
	}
	return val{}, false
}
