package response

import (
	"unicode/utf8"

	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/validate"
)

// JSONable is implemented by generated types (models, dataclasses, enums)
// that write themselves as jsonable_encoder + json.dumps(ensure_ascii=False,
// separators=(",", ":")) would: FastAPI's path B.
type JSONable interface {
	AppendJSONable(dst []byte) ([]byte, error)
}

// PydanticJSON is implemented by generated models that write pydantic's JSON
// serialization (model_dump_json / TypeAdapter.dump_json): path A, used
// when a route has a response model.
type PydanticJSON interface {
	AppendPydanticJSON(dst []byte) ([]byte, error)
}

// AppendJSONable appends v encoded as jsonable_encoder + json.dumps (path
// B). v is nil, bool, an int type, float64, string, []byte (UTF-8 decoded),
// []any, []string, pyjson.Dict, pyjson.Value, pyjson.Raw, a JSONable, a
// validate value writing itself (validate.JSONer: Int, Decimal...),
// validate.UUID or validate.Date. Anything else, NaN/inf floats and
// unencodable strings are a *pyjson.EncodeError (FastAPI answers 500).
func AppendJSONable(dst []byte, v any) ([]byte, error) {
	var err error
	switch x := v.(type) {
	case JSONable:
		return x.AppendJSONable(dst)
	case validate.JSONer:
		return x.AppendInputJSON(dst)
	case validate.UUID:
		return x.AppendJSON(dst), nil
	case validate.Date:
		return x.AppendJSON(dst), nil
	case []byte:
		if !utf8.Valid(x) {
			return dst, &pyjson.EncodeError{Msg: "'utf-8' codec can't decode bytes"}
		}
		return pyjson.AppendString(dst, string(x))
	case []any:
		dst = append(dst, '[')
		for i, e := range x {
			if i > 0 {
				dst = append(dst, ',')
			}
			if dst, err = AppendJSONable(dst, e); err != nil {
				return dst, err
			}
		}
		return append(dst, ']'), nil
	case pyjson.Dict:
		dst = append(dst, '{')
		for i, m := range x {
			if i > 0 {
				dst = append(dst, ',')
			}
			if dst, err = pyjson.AppendString(dst, m.Key); err != nil {
				return dst, err
			}
			dst = append(dst, ':')
			if dst, err = AppendJSONable(dst, m.Value); err != nil {
				return dst, err
			}
		}
		return append(dst, '}'), nil
	case *pyjson.Dict:
		if x == nil {
			return append(dst, "null"...), nil
		}
		return AppendJSONable(dst, *x)
	}
	return pyjson.Append(dst, v)
}
