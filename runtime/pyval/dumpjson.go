package pyval

import "github.com/covetpy/covetgen/runtime/validate"

// ModelDumpJSON is m.model_dump_json() without arguments: pydantic's JSON serializer
// (compact, fields by name, inf and NaN as null), written by the model's own encoder.
func ModelDumpJSON(v Value) (Value, error) {
	m, ok := v.(Model)
	if !ok {
		return nil, attrError(v, "model_dump_json")
	}
	var e validate.Encoder
	e.Reset(validate.ModePydantic, validate.DumpOptions{})
	m.Encode(&e)
	if e.Err != nil {
		return nil, e.Err
	}
	return Str(e.Buf), nil
}
