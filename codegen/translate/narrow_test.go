package translate

import (
	"testing"

	"github.com/dave/jennifer/jen"
)

// TestNarrowRefusals checks that a test against None narrows only where it must hold;
// what translates is compared with CPython by state_narrow.snip.
func TestNarrowRefusals(t *testing.T) {
	const head = "from typing import Dict\nfrom models import Item\nITEMS: Dict[str, Item] = {}\n\n" +
		"def put(k: str):\n    ITEMS[k] = Item(name=k, price=1)\n\ndef lookup(k: str):\n    return ITEMS.get(k)\n\ndef price_of(it: Item):\n    return it.price\n\n"
	for _, tt := range []struct{ src, want string }{
		{"def f(k):\n    it = lookup(k)\n    if it is None:\n        pass\n    return price_of(it)\n",
			"m.py:18:12: cannot translate call of price_of (argument it not known to be a Item)"},
		{"def f(k):\n    it = lookup(k)\n    if it is not None:\n        return 0\n    return price_of(it)\n",
			"m.py:18:12: cannot translate call of price_of (argument it not known to be a Item)"},
		{"def f(k):\n    it = lookup(k)\n    if it is None:\n        it = lookup('x')\n    return price_of(it)\n",
			"m.py:18:12: cannot translate call of price_of (argument it not known to be a Item)"},
		{"def f(k):\n    it = lookup(k)\n    if it is None:\n        return 0\n    return price_of(it)\n", ""},
		{"def f(k):\n    it = ITEMS.get(k)\n    it.price = 2\n    return 0\n", "m.py:16:5: cannot translate assignment to attribute price"},
		{"def f(k):\n    it = lookup(k)\n    if it is not None:\n        return price_of(it)\n    return 0\n", ""},
	} {
		prog, app := loadStateModule(t, head+tt.src)
		u := NewUnit(prog, Names{})
		u.SetState([]string{"m.ITEMS"})
		var got string
		for _, st := range prog.Modules["m"].File.Module.Body {
			if d := asDef(st); d != nil && d.name == "f" {
				_, diags := Func(st, &Scope{Vars: map[string]Var{"k": {Go: jen.Id("k")}}, App: app, Module: "m", Unit: u})
				for _, dg := range diags {
					got = dg.String()
				}
			}
		}
		if got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.src, got, tt.want)
		}
	}
}
