package translate

import (
	"testing"

	"github.com/dave/jennifer/jen"
)

// TestFreshEmptyStores checks which stores of empty displays into typed module state
// translate: the display itself, stored by a single-target assignment or as setdefault's
// default, has the item type; an alias of it, a second target or a non-empty display
// does not.
func TestFreshEmptyStores(t *testing.T) {
	const head = "from typing import Dict, List\nROOMS: Dict[str, List[str]] = {}\n\ndef f(k: str):\n"
	for _, tt := range []struct{ body, want string }{
		{"    ROOMS.setdefault(k, []).append(k)\n    return ROOMS\n", ""},
		{"    ROOMS[k] = []\n    ROOMS[k].append(k)\n    return ROOMS\n", ""},
		// items reached through get / setdefault / pop are typed as the state's items
		{"    ROOMS.setdefault(k, []).append(1)\n    return ROOMS\n", "m.py:5:5: cannot translate store into ROOMS.setdefault() of a value that may not be a str (its static type is list[str])"},
		{"    x = []\n    ROOMS[k] = x\n    x.append(1)\n    return ROOMS\n", "m.py:6:5: cannot translate store into ROOMS of a value that may not be a list[str] (its static type is dict[str, list[str]])"},
		{"    x = ROOMS[k] = []\n    x.append(1)\n    return ROOMS\n", "m.py:5:9: cannot translate store into ROOMS of a value that may not be a list[str] (its static type is dict[str, list[str]])"},
		{"    ROOMS[k].append(1)\n    return ROOMS\n", "m.py:5:5: cannot translate store into ROOMS[...] of a value that may not be a str (its static type is list[str])"},
		{"    ROOMS.get(k).append(1)\n    return ROOMS\n", "m.py:5:5: cannot translate store into ROOMS.get() of a value that may not be a str (its static type is list[str])"},
		{"    ROOMS.pop(k).append(1)\n    return ROOMS\n", "m.py:5:5: cannot translate store into ROOMS.pop() of a value that may not be a str (its static type is list[str])"},
		{"    ROOMS.get(k)[0] = 1\n    return ROOMS\n", "m.py:5:5: cannot translate store into ROOMS.get() of a value that may not be a str (its static type is list[str])"},
		{"    ROOMS.get(k)[0] += 1\n    return ROOMS\n", "m.py:5:5: cannot translate store into ROOMS.get() of a value that may not be a str (its static type is list[str])"},
		{"    ROOMS.setdefault(k, []).extend([1])\n    return ROOMS\n", "m.py:5:5: cannot translate ROOMS.setdefault().extend() of values that may not have the static type list[str]"},
		// locals aliasing items of typed state are checked as the state is
		{"    row = ROOMS.get(k)\n    row.append(1)\n    return ROOMS\n", "m.py:6:5: cannot translate store into row of a value that may not be a str (its static type is list[str])"},
		{"    row = ROOMS.setdefault(k, [])\n    row.append(1)\n    return ROOMS\n", "m.py:6:5: cannot translate store into row of a value that may not be a str (its static type is list[str])"},
		{"    row = ROOMS.setdefault(k, [])\n    row.append(k)\n    row[0] = k\n    return ROOMS\n", ""},
		{"    for row in ROOMS.values():\n        row.append(1)\n    return ROOMS\n", "m.py:6:9: cannot translate store into row of a value that may not be a str (its static type is list[str])"},
		{"    ROOMS.get(k)[0] = k\n    return ROOMS\n", ""},
		{"    ROOMS.setdefault(k).append(1)\n    return ROOMS\n", "m.py:5:5: cannot translate store into ROOMS of a value that may not be a list[str] (its static type is dict[str, list[str]])"},
		{"    ROOMS[k] = {}\n    return ROOMS\n", "m.py:5:5: cannot translate store into ROOMS of a value that may not be a list[str] (its static type is dict[str, list[str]])"},
		{"    ROOMS.setdefault(k, [1])\n    return ROOMS\n", "m.py:5:5: cannot translate store into ROOMS of a value that may not be a list[str] (its static type is dict[str, list[str]])"},
	} {
		prog, app := loadStateModule(t, head+tt.body)
		u := NewUnit(prog, Names{})
		u.SetState([]string{"m.ROOMS"})
		got := ""
		for _, st := range prog.Modules["m"].File.Module.Body {
			if d := asDef(st); d != nil && d.name == "f" {
				_, diags := Func(st, &Scope{Vars: map[string]Var{"k": {Go: jen.Id("k"), Type: strType}}, App: app, Module: "m", Unit: u})
				for _, dg := range diags {
					got = dg.String()
				}
			}
		}
		if got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.body, got, tt.want)
		}
	}
}
