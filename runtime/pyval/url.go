package pyval

import (
	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/validate"
)

// URL is a pydantic HttpUrl or AnyUrl: str() is its normalized text; jsonable_encoder
// and the bridge send that text (pydantic validates it back to the same URL).
type URL validate.URL

func (u URL) TypeName() string { return validate.URL(u).Class() }

func (u URL) pyStr() Str     { return Str(validate.URL(u).String()) }
func (u URL) pyRepr() string { r, _ := Repr(u.pyStr()); return u.TypeName() + "(" + string(r) + ")" }
func (URL) truthy() bool     { return true }
func (u URL) eq(o Value) bool {
	y, ok := o.(URL)
	return ok && u == y
}
func (u URL) appendJSONable(dst []byte) ([]byte, error) {
	return pyjson.AppendString(dst, validate.URL(u).String())
}
func (u URL) appendValidation(dst []byte, _ int) ([]byte, error) {
	return appendBridgeStr(dst, validate.URL(u).String()), nil
}
