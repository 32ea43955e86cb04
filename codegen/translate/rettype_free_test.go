package translate

import (
	"testing"

	"github.com/dave/jennifer/jen"
)

// TestResultModelFree checks which functions are known to return values holding no model
// instance: every return a constant (not bytes), an f-string, a name of a scalar static
// type, or a list / str-keyed dict display of those.
func TestResultModelFree(t *testing.T) {
	for _, tt := range []struct {
		src  string
		free bool
	}{
		{"def f(a):\n    if a:\n        return {'x': 1, a: [None, 2.5, True, f'{a}']}\n    return 'x'\n", true},
		{"def f(a):\n    if a:\n        return 1\n", true},
		{"def f(a):\n    b = len(a)\n    return {'n': b}\n", true},
		{"def f(a):\n    return Item(name=a, price=1)\n", false},
		{"def f(a):\n    return {'i': Item(name=a, price=1)}\n", false},
		{"def f(a):\n    return (1, 2)\n", false},
		{"def f(a):\n    return {1: 2}\n", false},
		{"def f(a):\n    return b'x'\n", false},
		{"def f(a):\n    b = [1]\n    return b\n", false},
		{"def f(a):\n    return [*[1]]\n", false},
	} {
		prog, app := loadStateModule(t, "from models import Item\n"+tt.src)
		u := NewUnit(prog, Names{})
		for _, st := range prog.Modules["m"].File.Module.Body {
			if d := asDef(st); d != nil && d.name == "f" {
				vars := map[string]Var{"a": {Go: jen.Id("a"), Type: strType}}
				if _, diags := Func(st, &Scope{Vars: vars, App: app, Module: "m", Unit: u}); len(diags) > 0 {
					t.Fatalf("%q: %v", tt.src, diags)
				}
				if got := u.ResultModelFree(DefKey("m", st)); got != tt.free {
					t.Errorf("%q: ResultModelFree %v, want %v", tt.src, got, tt.free)
				}
			}
		}
	}
}
