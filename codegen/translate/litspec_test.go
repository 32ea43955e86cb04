package translate

import (
	"testing"

	"github.com/dave/jennifer/jen"
)

// TestLitSpecRefusals checks when an instance attribute or a str parameter is not known
// to hold a Literal (litspec.go); what translates is compared with CPython by
// litspec.snip.
func TestLitSpecRefusals(t *testing.T) {
	const cls = "from typing import Literal\nfrom models import Item\n\nclass P:\n    def __init__(self, key: Literal['name', 'price'] = 'name'):\n        self.key = key\n\n" +
		"def pick(it: Item, key: str):\n    return getattr(it, key)\n\n"
	const unknown = "cannot translate call of pick (m.py:9:24: cannot translate getattr() with a name not known statically (a constant or a Literal of field names))"
	for _, tt := range []struct{ name, src, want string }{
		{"typed", "def f(p: P):\n    return pick(Item(name='a', price=1), p.key)\n", ""},
		{"constructed by the app", "def g():\n    q = P('price')\n    return q\n\ndef f(p: P):\n    return pick(Item(name='a', price=1), p.key)\n", "m.py:16:12: " + unknown},
		{"stored elsewhere", "def g(p: P):\n    p.key = 'tags'\n\ndef f(p: P):\n    return pick(Item(name='a', price=1), p.key)\n", "m.py:15:12: " + unknown},
		{"int parameter", "def pick2(it: Item, key: int):\n    return getattr(it, key)\n\ndef f(p: P):\n    return pick2(Item(name='a', price=1), p.key)\n",
			"m.py:15:12: cannot translate call of pick2 (m.py:12:24: cannot translate getattr() with a name not known statically (a constant or a Literal of field names))"},
		{"not a field", "def f(p: P):\n    return pick(Item(name='a', price=1), 'model_dump')\n",
			"m.py:12:12: cannot translate call of pick#1 (m.py:9:24: cannot translate getattr() of model_dump (not a field of Item))"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			prog, app := loadStateModule(t, cls+tt.src)
			u := NewUnit(prog, Names{})
			for _, st := range prog.Modules["m"].File.Module.Body {
				d := asDef(st)
				if d == nil || d.name != "f" {
					continue
				}
				vars := map[string]Var{}
				for _, p := range params(d) {
					vars[p.Arg] = Var{Go: jen.Id(GoName(p.Arg)), Type: snippetClass(u, "m", p.Annotation)}
				}
				_, diags := Func(st, &Scope{Vars: vars, App: app, Module: "m", Unit: u})
				got := ""
				if len(diags) > 0 {
					got = diags[0].String()
				}
				if got != tt.want {
					t.Errorf("got  %q\nwant %q", got, tt.want)
				}
			}
		})
	}
}
