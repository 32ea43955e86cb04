package lift

import (
	"github.com/covetpy/covetgen/ir"
)

// typeProblem says what keeps a field, parameter or response type from being used as
// lifted: a part not resolved, or a class covetgen does not model (a pydantic type such as
// SecretStr, a plain class). It is phrased to follow "type of field M.f" and is "" when the
// type is fine. Models are not entered: they report their own fields.
func typeProblem(t *ir.Type) string {
	if t == nil {
		return ""
	}
	switch t.Kind {
	case ir.KindUnknown:
		return "not resolved: " + t.Name
	case ir.KindClass:
		if t.Name == "fastapi.UploadFile" {
			return ""
		}
		return "uses " + t.Name + ", which is not supported"
	}
	for _, a := range t.Args {
		if p := typeProblem(a); p != "" {
			return p
		}
	}
	return ""
}

// harmlessMetadata are Annotated metadata that do not change the JSON Schema (validators
// run at request time; documentation markers).
var harmlessMetadata = map[string]bool{
	"pydantic.AfterValidator": true, "pydantic.BeforeValidator": true, "pydantic.WrapValidator": true,
	"typing.Doc": true, "annotated_doc.Doc": true,
}

// metadataProblem says why an Annotated metadata item is not applied ("" when it is, or
// when it changes nothing covetgen models).
func metadataProblem(m obj) string {
	switch x := m.(type) {
	case unknownObj:
		return "Annotated metadata not known statically (" + x.why + ")"
	case fwCall:
		if x.name == "pydantic.Field" || harmlessMetadata[x.name] {
			return ""
		}
		if _, ok := constraintsOf(x); ok {
			return ""
		}
		if _, ok := isFieldInfoCall(x); ok {
			return ""
		}
		if _, ok := isDependsCall(x); ok {
			return ""
		}
		return "Annotated metadata " + shortName(x.name) + "(...) is not supported"
	case fwObj:
		if harmlessMetadata[x.name] {
			return ""
		}
		return "Annotated metadata " + shortName(x.name) + " is not supported"
	case *instanceObj:
		return "Annotated metadata " + x.cls.def.Name + "(...) is not supported"
	}
	return ""
}
