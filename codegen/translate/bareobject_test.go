package translate

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
)

// TestBareObject checks where object() translates: returned, or as an item of a returned
// display, by an endpoint whose result goes to path B (pyval.BareObject's encoding failure
// is checked against FastAPI by TestBareObjectJSONable and the corpus app errors' GET
// /unserializable); elsewhere it refuses.
func TestBareObject(t *testing.T) {
	for _, tt := range []struct {
		src      string
		response bool
		want     string
	}{
		{"def f(a):\n    return {'value': object()}\n", true, ""},
		{"def f(a):\n    return [1, (object(),)]\n", true, ""},
		{"def f(a):\n    return object()\n", true, ""},
		{"def f(a):\n    return {'value': object()}\n", false, "m.py:2:22: cannot translate call of object() outside a returned display"},
		{"def f(a):\n    o = object()\n    return {'value': o}\n", true, "m.py:2:9: cannot translate call of object() outside a returned display"},
		{"def f(a):\n    return repr(object())\n", true, "m.py:2:17: cannot translate call of object() outside a returned display"},
		{"def f(a):\n    return {'value': object(1)}\n", true, "m.py:2:22: cannot translate call of object"},
	} {
		prog, app := loadStateModule(t, tt.src)
		var got string
		for _, st := range prog.Modules["m"].File.Module.Body {
			if d := asDef(st); d != nil && d.name == "f" {
				vars := map[string]Var{"a": {Go: jen.Id("a"), Type: strType}}
				code, diags := Func(st, &Scope{Vars: vars, App: app, Module: "m", Unit: NewUnit(prog, Names{}), Response: tt.response})
				if len(diags) > 0 {
					got = diags[0].String()
				} else if !strings.Contains(jen.Func().Id("g").Params().Block(code...).GoString(), "NewBareObject()") {
					t.Errorf("%q: no pyval.NewBareObject() in the translation", tt.src)
				}
			}
		}
		if !strings.HasPrefix(got, tt.want) || (tt.want == "") != (got == "") {
			t.Errorf("%q (response %v):\n got %q\nwant %q", tt.src, tt.response, got, tt.want)
		}
	}
}
