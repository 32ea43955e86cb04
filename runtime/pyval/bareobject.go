package pyval

// BareObject is an instance of the builtin class object (object()): it has no attributes
// and no __dict__, so jsonable_encoder cannot encode it (AppendJSONable fails with
// FastAPI's ValueError). Translated code only puts one in a returned display.
type BareObject struct {
	_ byte // each instance has its own address (identity)
}

// NewBareObject is object().
func NewBareObject() *BareObject { return &BareObject{} }

// TypeName is "object".
func (*BareObject) TypeName() string { return "object" }

// jsonableError is the ValueError jsonable_encoder raises for o: dict(o) failed, then
// vars(o); its only argument is the list of both TypeErrors.
func (o *BareObject) jsonableError() *Exception {
	iter := raise("TypeError", "'object' object is not iterable")
	vars := raise("TypeError", "vars() argument must have __dict__ attribute")
	e := valueError(`[TypeError("'object' object is not iterable"), TypeError('vars() argument must have __dict__ attribute')]`)
	e.Args = []Value{&List{Items: []Value{CaughtOf(iter), CaughtOf(vars)}}}
	return e
}
