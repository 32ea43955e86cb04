package translate

import (
	"testing"

	"github.com/dave/jennifer/jen"
)

// TestFuncResult checks the static type FuncResult gives a function's result: the model
// every return yields, only when no path ends otherwise.
func TestFuncResult(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"from models import Item\n\ndef f(k) -> Item:\n    return Item(name=str(k), price=1)\n", "Item"},
		{"from models import Item\n\ndef f(k):\n    if k:\n        return Item(name='a', price=1)\n    raise ValueError('no')\n", "Item"},
		// an annotation types nothing: FastAPI passes the value unchanged
		{"from models import Item\n\ndef f(k) -> Item:\n    return {'name': 'a', 'price': 1}\n", ""},
		{"from models import Item, Owner\n\ndef f(k):\n    if k:\n        return Item(name='a', price=1)\n    return Owner(name='b')\n", ""},
		{"from models import Item\n\ndef f(k):\n    if k:\n        return Item(name='a', price=1)\n", ""},
		{"def f(k):\n    return k\n", ""},
	} {
		prog, app := loadStateModule(t, tt.src)
		u := NewUnit(prog, Names{})
		got, found := "", false
		for _, st := range prog.Modules["m"].File.Module.Body {
			d := asDef(st)
			if d == nil || d.name != "f" {
				continue
			}
			vars := map[string]Var{}
			for _, p := range params(d) {
				vars[p.Arg] = Var{Go: jen.Id(GoName(p.Arg))}
			}
			code, res, diags := FuncResult(st, &Scope{Vars: vars, App: app, Module: "m", Unit: u})
			if len(diags) > 0 || code == nil {
				t.Fatalf("%q: %v", tt.src, diags)
			}
			found = true
			if res != nil && res.Model != nil {
				got = res.Model.Name
			}
		}
		if !found {
			t.Fatalf("%q: no function f", tt.src)
		}
		if got != tt.want {
			t.Errorf("%q: result %q, want %q", tt.src, got, tt.want)
		}
	}
}
