package translate

import (
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
)

// TestLambdaDef checks that a lambda is found at its position and translates as a def
// returning its expression.
func TestLambdaDef(t *testing.T) {
	src := "X = 1\nH = [lambda: {'ok': True}, lambda q, r=2: [q, r, X]]\n"
	prog, app := loadStateModule(t, src)
	for _, tt := range []struct {
		col    int
		params []string
	}{{6, nil}, {28, []string{"q", "r"}}} {
		def := LambdaDef(prog, "m", ir.Pos{File: "m.py", Line: 2, Col: tt.col})
		if def == nil {
			t.Fatalf("no lambda at 2:%d", tt.col)
		}
		if got := DefKey("m", def); got != "m:2:"+itoa(tt.col) {
			t.Errorf("DefKey %s, want m:2:%d", got, tt.col)
		}
		vars := map[string]Var{}
		for _, p := range tt.params {
			vars[p] = Var{Go: jen.Id(GoName(p))}
		}
		code, diags := Func(def, &Scope{Vars: vars, App: app, Module: "m", Unit: NewUnit(prog, Names{})})
		if len(diags) > 0 || code == nil {
			t.Errorf("lambda at 2:%d: %v", tt.col, diags)
		}
	}
	if LambdaDef(prog, "m", ir.Pos{File: "m.py", Line: 2, Col: 7}) != nil {
		t.Error("a lambda found where none starts")
	}
}
