package codegen

// Models some of whose fields may hold a None stored unvalidated by model_copy(update=)
// (translate's Unit.NullableFields, codegen/translate/unvalidated_model.go).
//
// Their struct gets a mask of the fields holding such a None (Null) over the typed
// values, and implements pyval.NullableModel: Field reads None for a masked field,
// TypedField the typed value beneath, Encode writes null (pydantic's serializers write a
// None unwarned, and it counts as None for exclude_none, never as the default).

import (
	"fmt"

	jen "github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
)

// nullableSet is the set of field indexes of mi that may hold an unvalidated None.
func (ms *modelSet) nullableSet(mi *modelInfo) map[int]bool {
	names := ms.g.unit.NullableFields(ms.g.in.App, mi.m)
	if len(names) == 0 {
		return nil
	}
	out := map[int]bool{}
	for i, f := range mi.m.Fields {
		for _, n := range names {
			if f.Name == n {
				out[i] = true
			}
		}
	}
	return out
}

// nullStructField is the struct field holding the mask (nil for other models).
func nullStructField(nulls map[int]bool) []jen.Code {
	if nulls == nil {
		return nil
	}
	return []jen.Code{jen.Id("Null").Qual(pkgValidate, "FieldsSet").Comment("fields holding a None stored unvalidated by model_copy(update=)")}
}

// writeNullMethods writes Field (over TypedField, written by the caller under that name)
// and the other pyval.NullableModel methods.
func (ms *modelSet) writeNullMethods(mi *modelInfo, nulls map[int]bool) {
	f := ms.g.file("models.go")
	recv := func() *jen.Statement { return jen.Id("o").Op("*").Id(mi.goName) }
	f.Comment("Field returns field i as a Python value (None when an update stored one).")
	f.Func().Params(recv()).Id("Field").Params(jen.Id("i").Int()).Qual(pkgPyval, "Value").Block(
		jen.If(jen.Id("o").Dot("Null").Dot("Has").Call(jen.Id("i"))).Block(jen.Return(jen.Qual(pkgPyval, "None"))),
		jen.Return(jen.Id("o").Dot("TypedField").Call(jen.Id("i"))),
	)
	var idx []jen.Code
	for i := range mi.m.Fields {
		if nulls[i] {
			idx = append(idx, jen.Lit(i))
		}
	}
	f.Comment("CanHoldNull reports whether field i may hold a None an update stored.")
	f.Func().Params(recv()).Id("CanHoldNull").Params(jen.Id("i").Int()).Bool().Block(
		jen.Switch(jen.Id("i")).Block(jen.Case(idx...).Block(jen.Return(jen.True()))),
		jen.Return(jen.False()),
	)
	f.Comment("NullField reports whether field i holds a None an update stored.")
	f.Func().Params(recv()).Id("NullField").Params(jen.Id("i").Int()).Bool().Block(
		jen.Return(jen.Id("o").Dot("Null").Dot("Has").Call(jen.Id("i"))),
	)
	f.Comment("SetNullField stores None in field i and marks it set.")
	f.Func().Params(recv()).Id("SetNullField").Params(jen.Id("i").Int()).Block(
		jen.Id("o").Dot("Null").Dot("Add").Call(jen.Id("i")),
		jen.Id("o").Dot("Set").Dot("Add").Call(jen.Id("i")),
	)
	f.Comment("Beneath is a copy holding the typed values (no None stored).")
	f.Func().Params(recv()).Id("Beneath").Params().Qual(pkgPyval, "Model").Block(
		jen.Id("c").Op(":=").Op("*").Id("o"),
		jen.Id("c").Dot("Null").Op("=").Qual(pkgValidate, "FieldsSet").Values(),
		jen.Return(jen.Op("&").Id("c")),
	)
}

// nullEncode adapts the Encode statement of field i: its isDefault and isNone arguments
// and its body, when the field may hold a stored None.
func nullEncode(nulls map[int]bool, i int, isDef, isNone jen.Code, body []jen.Code) (jen.Code, jen.Code, []jen.Code) {
	if !nulls[i] {
		return isDef, isNone, body
	}
	null := func() *jen.Statement { return jen.Id("o").Dot("Null").Dot("Has").Call(jen.Lit(i)) }
	def, none := jen.Code(jen.False()), jen.Code(null())
	if !isFalse(isDef) {
		def = jen.Op("!").Add(null()).Op("&&").Add(isDef)
	}
	if !isFalse(isNone) {
		none = jen.Add(null()).Op("||").Add(isNone)
	}
	return def, none, []jen.Code{jen.If(null()).Block(jen.Id("e").Dot("Null").Call()).Else().Block(body...)}
}

// isFalse reports whether code is the constant false.
func isFalse(code jen.Code) bool { return fmt.Sprintf("%#v", code) == "false" }

// nullResponse reports whether the response model t may receive an instance storing an
// unvalidated None (path A then validates pyval.BeneathOf(res) and stores the Nones back
// with pyval.RestoreNulls, as pydantic keeps such an instance as is); a t where the
// instance could not be found again is refused (ok false).
func (h *handler) nullResponse(t *ir.Type) (wrap, ok bool) {
	mentions, why := h.g.unit.NullRestorable(h.g.in.App, t)
	if !mentions {
		return false, true
	}
	if why == "" && t.Kind != ir.KindModel {
		why = "a response model other than a model class may hold an instance storing an unvalidated None"
	}
	if why != "" {
		h.refuse(h.r.Pos, "response model %s: %s", t, why)
		return false, false
	}
	return true, true
}

// nullValidation adapts path A's validation of res into dst (a model pointer) when wrap:
// the input's view and the statement storing the Nones back after decoding.
func nullValidation(wrap bool, dst jen.Code) (src jen.Code, after []jen.Code) {
	if !wrap {
		return jen.Id("res"), nil
	}
	return jen.Qual(pkgPyval, "BeneathOf").Call(jen.Id("res")),
		[]jen.Code{jen.If(jen.Err().Op(":=").Qual(pkgPyval, "RestoreNulls").Call(jen.Id("res"), dst), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))}
}
