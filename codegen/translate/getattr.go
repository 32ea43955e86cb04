package translate

// getattr(model, name) with a name known statically to be among the model's fields, and
// the str methods that keep a Literal parameter's values known (key = sort.lstrip("-")).
//
// A pydantic model instance has many attributes besides its fields (model_dump, copy,
// __class__, the class's own methods...), which a translated body cannot produce: getattr
// is translated only when every value the name may take is a field of the model (a
// constant, or a value of a Literal type whose members are all field names), so the
// result is the field's value as pyval.GetAttr reads it. The name's value is still
// checked at run time (a str that is not a field raises AttributeError, a non-str
// TypeError), as Python does.

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
	"github.com/covetpy/covetgen/runtime/pyval"
)

func init() { builtinFuncs["getattr"] = true }

// getattrCall compiles getattr(obj, name).
func (f *fn) getattrCall(c *ast.Call) val {
	if len(c.Args) == 3 && len(c.Keywords) == 0 {
		return f.getattrDefault(c) // getattr_default.go
	}
	if len(c.Args) != 2 || len(c.Keywords) > 0 {
		f.refuse(c, "getattr() with other than two positional arguments")
	}
	as, _ := f.args(c, "getattr()")
	m := modelOf(as[0].typ)
	if m == nil || as[0].typ.Kind != ir.KindModel {
		f.refuse(c, "getattr() of a value that is not statically a model")
	}
	names, ok := f.staticStrs(c.Args[1], as[1].typ)
	if !ok {
		f.refuse(c.Args[1], "getattr() with a name not known statically (a constant or a Literal of field names)")
	}
	var rt *ir.Type
	for i, n := range names {
		fd := m.Field(n)
		if fd == nil {
			f.refuse(c.Args[1], "getattr() of %s (not a field of %s)", n, m.Name)
		}
		if !Holdable(fd.Type) {
			f.refuse(c.Args[1], "getattr() of field %s of type %s", n, fd.Type)
		}
		if i == 0 {
			rt = f.fieldType(m, fd)
		} else if !sameType(rt, f.fieldType(m, fd)) {
			rt = nil
		}
	}
	if len(names) > 1 {
		rt = nil // conservatively unknown when the fields' types differ, or in general
	}
	return f.callVal(q("GetAttrDynamic").Call(as[0].code, as[1].code), kindValue, rt)
}

// staticStrs lists the str values an argument may take: a constant, or a value whose
// static type is a Literal of str members.
func (f *fn) staticStrs(e ast.Expr, t *ir.Type) ([]string, bool) {
	if s, ok := constStr(e); ok {
		return []string{s}, true
	}
	if t == nil || t.Kind != ir.KindLiteral || len(t.Values) == 0 {
		return nil, false
	}
	var out []string
	for _, v := range t.Values {
		s, ok := v.(ir.Str)
		if !ok {
			return nil, false
		}
		out = append(out, string(s))
	}
	return out, true
}

// literalStrMethod is the static type of recv.name(args) for a str method called with
// constant arguments on a value of a Literal type of str members: the Literal of the
// results, computed now (nil: not such a call, or a result that is not a str).
func (f *fn) literalStrMethod(c *ast.Call, name string, recv *ir.Type) *ir.Type {
	if methodResult[name] != strType || len(c.Keywords) > 0 || recv == nil || recv.Kind != ir.KindLiteral {
		return nil
	}
	recvs, ok := f.staticStrs(nil, recv)
	if !ok {
		return nil
	}
	var args []pyval.Value
	for _, a := range c.Args {
		v, ok := constEval(a, f.u.constLookup(f.mi, f.app))
		if !ok {
			return nil
		}
		args = append(args, v)
	}
	out := &ir.Type{Kind: ir.KindLiteral}
	seen := map[string]bool{}
	for _, s := range recvs {
		r, err := pyval.CallMethod(pyval.Str(s), name, args...)
		rs, isStr := r.(pyval.Str)
		if err != nil || !isStr {
			return nil
		}
		if !seen[string(rs)] {
			seen[string(rs)] = true
			out.Values = append(out.Values, ir.Str(rs))
		}
	}
	return out
}

// commonModelType is the model type every value has statically (nil: none, or another
// type). Fields of a model-typed value are read through pyval.GetAttr, which checks the
// value at run time.
func commonModelType(vs []val) *ir.Type {
	if len(vs) == 0 {
		return nil
	}
	for _, v := range vs {
		if v.typ == nil || v.typ.Kind != ir.KindModel || v.typ.Model == nil || !sameType(v.typ, vs[0].typ) {
			return nil
		}
	}
	return vs[0].typ
}
