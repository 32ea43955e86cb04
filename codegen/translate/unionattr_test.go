package translate

import (
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
)

// TestUnionAttribute checks which attributes of a value of a union of models translate:
// a field every member has (the corpus app aliases_unions' POST /shapes/many checks the
// results against FastAPI's recorded exchanges); a field some member lacks, or a union
// with None, refuses.
func TestUnionAttribute(t *testing.T) {
	const (
		union    = "union"
		optional = "optional"
		list     = "list"
	)
	for _, tt := range []struct {
		src, typ, want string
	}{
		{"def f(a):\n    return {'n': a.name, 'u': a.name.upper()}\n", union, ""},
		{"def f(a):\n    return {'names': [x.name for x in a], 'count': len(a)}\n", list, ""},
		{"def f(a):\n    return a.price\n", union, "m.py:2:12: cannot translate attribute price of a value of type Union[Item, Owner] (not a field of Owner)"},
		{"def f(a):\n    return a.name\n", optional, "m.py:2:12: cannot translate attribute name of a value of unknown type"},
		{"def f(a):\n    return a.model_dump\n", union, "m.py:2:12: cannot translate attribute model_dump of a value of type Union[Item, Owner] (not a field of Item)"},
	} {
		prog, app := loadStateModule(t, tt.src)
		model := func(name string) *ir.Type {
			for _, m := range app.Models {
				if m.Name == name {
					return &ir.Type{Kind: ir.KindModel, Name: name, Model: m}
				}
			}
			t.Fatalf("no model %s", name)
			return nil
		}
		typ := &ir.Type{Kind: ir.KindUnion, Args: []*ir.Type{model("Item"), model("Owner")}}
		switch tt.typ {
		case optional:
			typ.Args = append(typ.Args, noneType)
		case list:
			typ = &ir.Type{Kind: ir.KindList, Args: []*ir.Type{typ}}
		}
		var got string
		for _, st := range prog.Modules["m"].File.Module.Body {
			if d := asDef(st); d != nil && d.name == "f" {
				vars := map[string]Var{"a": {Go: jen.Id("a"), Type: typ}}
				_, diags := Func(st, &Scope{Vars: vars, App: app, Module: "m", Unit: NewUnit(prog, Names{}), Response: true})
				if len(diags) > 0 {
					got = diags[0].String()
				}
			}
		}
		if got != tt.want {
			t.Errorf("%q (a: %v):\n got %q\nwant %q", tt.src, typ, got, tt.want)
		}
	}
}
