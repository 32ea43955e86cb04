package translate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser"
)

// TestGeneratedCodeShape checks what the generated code looks like: source comments,
// constant results as frozen package variables, helpers, parameters given as arbitrary
// Go expressions.
func TestGeneratedCodeShape(t *testing.T) {
	prog, err := load.Load("testdata/shape", load.Options{Parse: parser.ParseFile, App: "main:app"})
	if err != nil {
		t.Fatal(err)
	}
	app, err := lift.Lift(prog, lift.Options{})
	if err != nil {
		t.Fatal(err)
	}
	u := NewUnit(prog, Names{})
	f := jen.NewFile("gen")
	for _, r := range app.Routes {
		for _, st := range prog.Modules["main"].File.Module.Body {
			d := asDef(st)
			if d == nil || d.name != r.Endpoint.Name {
				continue
			}
			vars := map[string]Var{}
			for _, p := range r.Dependant.Params {
				// The request object's fields, as a code generator might pass them.
				vars[p.Name] = Var{Go: jen.Id("req").Dot(strings.ToUpper(p.Name[:1]) + p.Name[1:]), Type: p.Type}
			}
			code, diags := Func(st, &Scope{Vars: vars, App: app, Module: "main", Unit: u})
			if diags != nil {
				t.Fatalf("%s: %v", d.name, diags)
			}
			f.Func().Id("h_"+d.name).Params(jen.Id("req").Op("*").Id("Params")).Params(jen.Qual(pyvalPkg, "Value"), jen.Error()).Block(code...)
		}
	}
	for _, d := range u.Decls() {
		f.Add(d)
	}
	src := fmt.Sprintf("%#v", f)
	for _, want := range []string{
		"// main.py:20: return {\"message\": \"Hello World\"}\n\treturn pyk_1, nil",
		"item_id := req.Item_id",
		"// main.py:24: if item_id not in ITEMS:",
		"_t1, err := pyval.Contains(pyc_main_ITEMS, item_id)",
		"return nil, pyval.HTTPException(pyval.IntValue(404), pyval.Str(\"Item not found\"), pyk_2)",
		"} else if pyval.Truthy(q) {\n\t\t// main.py:26: elif q:",
		"_t6, err := pyfn_main_helper(_t5, pyval.IntValue(2))",
		"y = pyval.Str(_t8 + \"|\" + _t9)",
		"_t8, err := NewItem(pyval.DictOf(pyval.Str(\"name\"), _t5, pyval.Str(\"price\"), _t7))",
		"var pyk_1 pyval.Value = pyval.Frozen(pyval.DictOf(pyval.Str(\"message\"), pyval.Str(\"Hello World\")), \"{\\\"message\\\":\\\"Hello World\\\"}\")",
		"// pyfn_main_helper is main.helper (main.py:14:1).\nfunc pyfn_main_helper(a, b pyval.Value) (pyval.Value, error) {",
		"return pyval.Add(_t1, pyc_main_LIMIT)",
	} {
		if !strings.Contains(src, want) {
			t.Errorf("generated code lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(src)
	}
	if h := u.Helpers(); len(h) != 1 || h[0].GoName != "pyfn_main_helper" {
		t.Errorf("helpers %v", h)
	}
	if m := u.Models(); len(m) != 1 || m[0].Name != "Item" {
		t.Errorf("models %v", m)
	}
}

func TestGoName(t *testing.T) {
	for in, want := range map[string]string{"item_id": "item_id", "type": "type_", "len": "len_",
		"err": "err_", "_t3": "_t3_", "pyk_1": "pyk_1_", "café": "café", "x\u0301": "x_u0301", "pyval": "pyval_"} {
		if got := GoName(in); got != want {
			t.Errorf("GoName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNilUnitInlinesConstants(t *testing.T) {
	prog, err := load.Load("testdata/shape", load.Options{Parse: parser.ParseFile, App: "main:app"})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range prog.Modules["main"].File.Module.Body {
		if d := asDef(st); d != nil && d.name == "root" {
			code, diags := Func(st, &Scope{Module: "main"})
			if diags != nil {
				t.Fatal(diags)
			}
			src := fmt.Sprintf("%#v", jen.Block(code...))
			if strings.Contains(src, "pyk_") || !strings.Contains(src, "pyval.Frozen(pyval.DictOf(") {
				t.Errorf("got %s", src)
			}
		}
	}
}
