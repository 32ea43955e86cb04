package pyval

import "testing"

// TestBareObjectJSONable checks that encoding object() fails as FastAPI's
// jsonable_encoder does (recorded with FastAPI 0.141: ValueError whose str() is the repr
// of the list of the two TypeErrors of dict(o) and vars(o)), wherever it is nested.
func TestBareObjectJSONable(t *testing.T) {
	const msg = `[TypeError("'object' object is not iterable"), TypeError('vars() argument must have __dict__ attribute')]`
	d := &Dict{}
	d.SetStr("value", NewBareObject())
	for _, v := range []Value{NewBareObject(), d, &List{Items: []Value{Int{small: 1}, NewBareObject()}}} {
		_, err := AppendJSONable(nil, v)
		e, ok := err.(*Exception)
		if !ok || e.Class != "ValueError" || e.Msg != msg {
			t.Fatalf("AppendJSONable(%T): %v; want ValueError: %s", v, err, msg)
		}
		if l, ok := e.Args[0].(*List); !ok || len(l.Items) != 2 || l.Items[0].TypeName() != "TypeError" {
			t.Errorf("args %v; want the list of both TypeErrors", e.Args)
		}
	}
	if NewBareObject().TypeName() != "object" || NewBareObject() == NewBareObject() {
		t.Error("object(): type name object, each instance distinct")
	}
}
