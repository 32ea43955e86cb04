package translate

// Attributes of a value whose static type is a union of models (an item of a
// list[Union[Circle, Rect]], a discriminated union parameter...).
//
// x.attr reads the attribute of whichever model x holds: pyval.GetAttr reads it from the
// instance at run time, exactly as Python does, when every member of the union is a model
// with a field named attr (a member without it would raise AttributeError in Python, or
// find a method or class attribute there). The static type of the result is the union of
// the members' field types.

import (
	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// unionAttribute compiles x.attr of base, a value of a union of models (ok false: base's
// type is not such a union).
func (f *fn) unionAttribute(x *ast.Attribute, base val) (val, bool) {
	t := base.typ
	if t == nil || t.Kind != ir.KindUnion || len(t.Args) < 2 {
		return val{}, false
	}
	var types []*ir.Type
	for _, a := range t.Args {
		if a == nil || a.Kind != ir.KindModel || a.Model == nil || a.Model.Kind == ir.TypedDict {
			return val{}, false // None or a non-model member: not a union of models
		}
		fd := a.Model.Field(x.Attr)
		if fd == nil {
			f.refuse(x, "attribute %s of a value of type %s (not a field of %s)", x.Attr, t, a.Model.Name)
		}
		if !Holdable(fd.Type) {
			f.refuse(x, "attribute %s of type %s (of %s)", x.Attr, fd.Type, a.Model.Name)
		}
		types = append(types, fd.Type)
	}
	return f.callVal(q("GetAttr").Call(base.code, jen.Lit(x.Attr)), kindValue, unionOfTypes(types)), true
}

// unionOfTypes is the static type of a value of one of types: the type itself when they
// are all the same, their union otherwise (nested unions flattened, duplicates dropped).
func unionOfTypes(types []*ir.Type) *ir.Type {
	var args []*ir.Type
	seen := map[string]bool{}
	var add func(t *ir.Type)
	add = func(t *ir.Type) {
		if t.Kind == ir.KindUnion {
			for _, a := range t.Args {
				add(a)
			}
			return
		}
		if k := t.String(); !seen[k] {
			seen[k] = true
			args = append(args, t)
		}
	}
	for _, t := range types {
		add(t)
	}
	if len(args) == 1 {
		return args[0]
	}
	return &ir.Type{Kind: ir.KindUnion, Args: args}
}
