package pyval

import "github.com/covetpy/covetgen/runtime/response"

// CaughtAttr is exc.status_code or exc.detail of an HTTPException bound by
// `except HTTPException as exc` (v a CaughtOf value): the status as an int, the detail
// as given, or the status's reason phrase when it was None (Starlette fills it in).
func CaughtAttr(v Value, name string) (Value, error) {
	c, ok := v.(*Caught)
	if !ok {
		return nil, typeError("not an exception")
	}
	e, ok := c.err.(*response.HTTPException)
	if !ok {
		return nil, raise("AttributeError", "'"+c.TypeName()+"' object has no attribute '"+name+"'")
	}
	switch name {
	case "status_code":
		return IntValue(int64(e.Status)), nil
	case "detail":
		if e.Detail == nil {
			phrase, ok := response.Phrase(e.Status)
			if !ok {
				return nil, raise("ValueError", "not a valid HTTPStatus")
			}
			return Str(phrase), nil
		}
		return detailValue(e.Detail)
	}
	return nil, raise("AttributeError", "'HTTPException' object has no attribute '"+name+"'")
}
