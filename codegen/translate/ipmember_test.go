package translate

import (
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
)

// TestIPMember checks which membership tests of ipaddress values translate: both
// operands names of ipaddress types (pyval.Contains; its results are checked against
// CPython in runtime/pyval's TestIPContainsMatchesCPython).
func TestIPMember(t *testing.T) {
	addr := &ir.Type{Kind: ir.KindIP, Name: "ipaddress.IPv4Address"}
	net := &ir.Type{Kind: ir.KindIP, Name: "ipaddress.IPv4Network"}
	optNet := &ir.Type{Kind: ir.KindUnion, Args: []*ir.Type{net, noneType}}
	for _, tt := range []struct {
		src  string
		b    *ir.Type
		want string
	}{
		{"def f(a, b):\n    return {'in': b is not None and a in b, 'out': a not in b}\n", optNet, ""},
		{"def f(a, b):\n    return a in b\n", net, ""},
		{"def f(a, b):\n    return a in [b]\n", net, "m.py:2:12: cannot translate use of a of type ipaddress.IPv4Address here (only .value/.name/.hex/.version, str(), comparisons and returned displays)"},
		{"def f(a, b):\n    return a in b\n", strType, "m.py:2:12: cannot translate use of a of type ipaddress.IPv4Address here (only .value/.name/.hex/.version, str(), comparisons and returned displays)"},
		{"def f(a, b):\n    return b in a < b\n", net, "m.py:2:12: cannot translate use of b of type ipaddress.IPv4Network here (only .value/.name/.hex/.version, str(), comparisons and returned displays)"},
	} {
		prog, app := loadStateModule(t, tt.src)
		var got string
		for _, st := range prog.Modules["m"].File.Module.Body {
			if d := asDef(st); d != nil && d.name == "f" {
				vars := map[string]Var{"a": {Go: jen.Id("a"), Type: addr}, "b": {Go: jen.Id("b"), Type: tt.b}}
				_, diags := Func(st, &Scope{Vars: vars, App: app, Module: "m", Unit: NewUnit(prog, Names{})})
				if len(diags) > 0 {
					got = diags[0].String()
				}
			}
		}
		if got != tt.want {
			t.Errorf("%q (b: %v):\n got %q\nwant %q", tt.src, tt.b, got, tt.want)
		}
	}
}
