package translate

import (
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
)

// TestExtContainer checks which uses of a container of UUIDs translate: the sole argument
// of len() and a returned value or display item (the corpus app extra_types' GET /ids
// checks the results against FastAPI's recorded exchanges); anything else refuses.
func TestExtContainer(t *testing.T) {
	uuid := &ir.Type{Kind: ir.KindUUID}
	list := &ir.Type{Kind: ir.KindList, Args: []*ir.Type{uuid}}
	dict := &ir.Type{Kind: ir.KindDict, Args: []*ir.Type{uuid, {Kind: ir.KindInt}}}
	for _, tt := range []struct {
		src, want string
		response  bool
		typ       *ir.Type
	}{
		{"def f(a):\n    return {'d': a, 'n': len(a)}\n", "m.py:2:18: cannot translate use of a of type dict[UUID, int] (holding Enum members or UUIDs)", true, dict},
		{"def f(a):\n    return len(a)\n", "", true, dict},
		{"def f(a):\n    return {'ids': a, 'count': len(a)}\n", "", true, nil},
		{"def f(a):\n    return a\n", "", true, nil},
		{"def f(a):\n    return [len(a), (a,)]\n", "", true, nil},
		{"def f(a):\n    return len(a)\n", "", false, nil},
		{"def f(a):\n    return {'ids': a}\n", "m.py:2:20: cannot translate use of a of type list[UUID] (holding Enum members or UUIDs)", false, nil},
		{"def f(a):\n    return a[0]\n", "m.py:2:12: cannot translate use of a of type list[UUID] (holding Enum members or UUIDs)", true, nil},
		{"def f(a):\n    return str(a)\n", "m.py:2:16: cannot translate use of a of type list[UUID] (holding Enum members or UUIDs)", true, nil},
		{"def f(a):\n    return a == a\n", "m.py:2:12: cannot translate use of a of type list[UUID] (holding Enum members or UUIDs)", true, nil},
		{"def f(a):\n    return [x for x in a]\n", "m.py:2:24: cannot translate use of a of type list[UUID] (holding Enum members or UUIDs)", true, nil},
		{"def f(a):\n    return len(a, )\n", "", true, nil},
		{"def f(a):\n    return [len(a) for len in [1]]\n", "m.py:2:13: cannot translate call of len", true, nil},
	} {
		prog, app := loadStateModule(t, tt.src)
		var got string
		for _, st := range prog.Modules["m"].File.Module.Body {
			if d := asDef(st); d != nil && d.name == "f" {
				typ := list
				if tt.typ != nil {
					typ = tt.typ
				}
				vars := map[string]Var{"a": {Go: jen.Id("a"), Type: typ}}
				_, diags := Func(st, &Scope{Vars: vars, App: app, Module: "m", Unit: NewUnit(prog, Names{}), Response: tt.response})
				if len(diags) > 0 {
					got = diags[0].String()
				}
			}
		}
		if got != tt.want {
			t.Errorf("%q (response %v):\n got %q\nwant %q", tt.src, tt.response, got, tt.want)
		}
	}
}
