package codegen

import (
	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// Plain standard-library dataclasses (ir.Model.DataclassWhy == "") are generated as
// models, with what pydantic and FastAPI do differently for them:
//   - anything but an object is dataclass_type ("Input should be a dictionary or an
//     instance of X", ctx class_name), not model_attributes_type;
//   - every field counts as set (pydantic keeps no fields set for a dataclass:
//     exclude_unset leaves nothing out);
//   - jsonable_encoder (path B) encodes dataclasses.asdict(obj) as a plain dict: the
//     values inside are converted as plain values are, not as model_dump(mode="json")
//     converts a model's (validate.Encoder.BeginDataclass);
//   - str() is repr() and the instance is not iterable (pyval.Class.Dataclass).

// modelInput is the check opening a model's decoder.
func modelInput(m *ir.Model) jen.Code {
	if m.Kind == ir.Dataclass {
		return jen.If(jen.Op("!").Id("s").Dot("DataclassInput").Call(jen.Id("v"), jen.Lit(m.Name))).Block(jen.Return(jen.False()))
	}
	return jen.If(jen.Op("!").Id("s").Dot("ModelInput").Call(jen.Id("v"))).Block(jen.Return(jen.False()))
}

// dataclassAllSet marks every field of a dataclass set once decoded.
func dataclassAllSet(m *ir.Model, n int) []jen.Code {
	if m.Kind != ir.Dataclass {
		return nil
	}
	var out []jen.Code
	for i := 0; i < n; i++ {
		out = append(out, jen.Id("o").Dot("Set").Dot("Add").Call(jen.Lit(i)))
	}
	return out
}

// encodeBrackets are the validate.Encoder methods opening and closing a model's value.
func encodeBrackets(m *ir.Model) (begin, end string) {
	if m.Kind == ir.Dataclass {
		return "BeginDataclass", "EndDataclass"
	}
	return "BeginModel", "EndModel"
}

// dataclassTypeErr adds the dataclass_type error of input (at the body's location).
func dataclassTypeErr(m *ir.Model, input jen.Code) []jen.Code {
	return []jen.Code{jen.Id("errs").Dot("Add").Call(jen.Op("&").Qual(pkgValidate, "Error").Values(jen.Dict{
		jen.Id("Type"):  jen.Lit("dataclass_type"),
		jen.Id("Msg"):   jen.Lit("Input should be a dictionary or an instance of " + m.Name),
		jen.Id("Input"): input,
		jen.Id("Ctx"): jen.Index().Qual(pkgValidate, "CtxItem").Values(jen.Values(jen.Dict{
			jen.Id("Key"): jen.Lit("class_name"), jen.Id("Value"): jen.Lit(m.Name)})),
	}), jen.Lit("body"))}
}
