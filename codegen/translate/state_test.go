package translate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser"
)

// snippetState lists the module state of the differential snippets that can live in Go:
// every function of a snippet translates, so all of it does.
func snippetState(prog *load.Program, app *ir.App) []string {
	var keys []string
	for _, v := range NewUnit(prog, Names{}).StateVars(app) {
		if v.Why == "" {
			keys = append(keys, v.Key)
		}
	}
	return keys
}

// loadStateModule loads m.py holding src beside the differential tests' app.py.
func loadStateModule(t *testing.T, src string) (*load.Program, *ir.App) {
	t.Helper()
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join("testdata/diff", "app.py"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "app.py"), b, 0o644)
	if b, err = os.ReadFile(filepath.Join("testdata/diff", "models.py")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "models.py"), b, 0o644)
	os.WriteFile(filepath.Join(dir, "m.py"), []byte(src), 0o644)
	prog, err := load.Load(dir, load.Options{Parse: parser.ParseFile, App: "app:app"})
	if err != nil {
		t.Fatal(err)
	}
	prog.Import("m")
	app, err := lift.Lift(prog, lift.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return prog, app
}

// TestStateVars checks which names are module state, who touches them, and why some
// cannot live in Go.
func TestStateVars(t *testing.T) {
	src := "ITEMS = {}\nCOUNT = 0\nLOG = []\nLIMIT = 3\nprint(LOG)\n\n" +
		"def f(k):\n    return ITEMS.get(k, LIMIT)\n\n" +
		"def g(k):\n    global COUNT\n    COUNT += 1\n    ITEMS[k] = COUNT\n\n" +
		"def h():\n    LOG.append(1)\n    def inner():\n        return ITEMS\n    return inner\n"
	prog, app := loadStateModule(t, src)
	var got []string
	for _, v := range NewUnit(prog, Names{}).StateVars(app) {
		if !strings.HasPrefix(v.Key, "m.") {
			continue
		}
		got = append(got, v.Key+" "+strings.Join(v.Touchers, ",")+" "+v.Why)
	}
	want := []string{
		"m.COUNT m:10:1 ",
		"m.ITEMS m:7:1,m:10:1,m:17:5,m:15:1 ", // the nested def, then its enclosing def
		"m.LOG m:15:1 code run at import (m.py:5:1) uses it",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("StateVars:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestStateRefusals checks what stays refused with module state living in Go.
func TestStateRefusals(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"ITEMS = {}\nOTHER = 1\n\ndef f(k):\n    global OTHER\n    ITEMS[k] = 1\n    return 1\n", "m.py:5:5: cannot translate global statement"},
		{"ITEMS = {}\n\ndef put(d, k):\n    d[k] = 1\n\ndef f(k):\n    put(ITEMS, k)\n    return ITEMS\n", "m.py:7:5: cannot translate call of put (m.py:4:5: cannot translate mutation of d (not owned by the function))"},
		{"ITEMS = {}\n\ndef f(k):\n    row = ITEMS[k] if k else {}\n    row['a'] = 1\n    return ITEMS\n", "m.py:5:5: cannot translate mutation of row (not owned by the function)"},
		// module state typed by its annotation (statetype.go): stores must keep the type
		{"from typing import Dict\nfrom models import Item\nITEMS: Dict[str, Item] = {}\n\ndef f(k):\n    ITEMS[str(k)] = {'name': k}\n    return 1\n", "m.py:6:5: cannot translate store into ITEMS of a value that may not be a Item (its static type is dict[str, Item])"},
		{"from typing import Dict\nfrom models import Item\nITEMS: Dict[str, Item] = {}\n\ndef f(k):\n    ITEMS[k] = Item(name='a', price=1)\n    return 1\n", "m.py:6:5: cannot translate store into ITEMS of a key that may not be a str (its static type is dict[str, Item])"},
		{"from typing import Dict\nITEMS: Dict[str, int] = {}\n\ndef f(k):\n    d = ITEMS\n    d[str(k)] = 'x'\n    return 1\n", "m.py:6:5: cannot translate store into d of a value that may not be a int (its static type is dict[str, int])"},
		{"from typing import Dict\nITEMS: Dict[str, int] = {}\n\ndef f(k):\n    ITEMS[str(k)] += 1.5\n    return 1\n", "m.py:5:5: cannot translate store into ITEMS of a value that may not be a int (its static type is dict[str, int])"},
		{"from typing import Dict\nITEMS: Dict[str, int] = {}\n\ndef f(k):\n    ITEMS.setdefault(str(k))\n    return 1\n", "m.py:5:5: cannot translate store into ITEMS of a value that may not be a int (its static type is dict[str, int])"},
		{"from typing import Dict\nITEMS: Dict[str, int] = {}\n\ndef f(k):\n    ITEMS.update({str(k): 1})\n    return 1\n", "m.py:5:5: cannot translate ITEMS.update() of values that may not have the static type dict[str, int]"},
		{"from typing import Dict\nITEMS: Dict[str, int] = {}\n\ndef f(k):\n    s = str(k)\n    ITEMS[s] = ITEMS.get(s, 0) + 1\n    ITEMS[s] += 2\n    ITEMS.setdefault(s, 3)\n    return ITEMS\n", ""},
		// un-annotated state computed at init from a display of model constructions has its type
		{"from models import Item\nITEMS = {'a': Item(name='a', price=1)}\n\ndef f(k):\n    ITEMS[str(k)] = {'name': k}\n    return 1\n", "m.py:5:5: cannot translate store into ITEMS of a value that may not be a Item (its static type is dict[str, Item])"},
		{"from models import Item\nITEMS = {'a': Item(name='a', price=1)}\n\ndef f(k):\n    ITEMS[str(k)] = Item(name=str(k), price=2)\n    return [i.price for i in ITEMS.values()]\n", ""},
		// module state kept in Python says why (SetStateKept)
		{"ITEMS = {}\nKEPT = {}\n\ndef f(k):\n    return KEPT[k]\n\ndef g(k):\n    KEPT[k] = 1\n", "m.py:5:12: cannot translate use of KEPT (module state kept in Python because m.py:9:9: cannot translate with statement)"},
		{"ITEMS = {}\nKEPT = 1\n\ndef f(k):\n    global KEPT\n    KEPT += 1\n    return ITEMS\n", "m.py:5:5: cannot translate global statement (KEPT: module state kept in Python because m.py:9:9: cannot translate with statement)"},
	} {
		prog, app := loadStateModule(t, tt.src)
		u := NewUnit(prog, Names{})
		u.SetState([]string{"m.ITEMS"})
		u.SetStateKept(map[string]string{"m.KEPT": "m.py:9:9: cannot translate with statement"})
		var got string
		for _, st := range prog.Modules["m"].File.Module.Body {
			if d := asDef(st); d != nil && d.name == "f" {
				vars := map[string]Var{}
				for _, p := range params(d) {
					vars[p.Arg] = Var{Go: jen.Id(GoName(p.Arg))}
				}
				_, diags := Func(st, &Scope{Vars: vars, App: app, Module: "m", Unit: u})
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

// TestTouchesState checks that a body touching state through a helper is reported.
func TestTouchesState(t *testing.T) {
	src := "HITS = {}\n\ndef bump(k):\n    HITS[k] = HITS.get(k, 0) + 1\n    return HITS[k]\n\n" +
		"def f(k):\n    return bump(k)\n\ndef g(k):\n    return k\n"
	prog, app := loadStateModule(t, src)
	u := NewUnit(prog, Names{})
	u.SetState([]string{"m.HITS"})
	touching := map[string]bool{}
	for _, st := range prog.Modules["m"].File.Module.Body {
		if d := asDef(st); d != nil && (d.name == "f" || d.name == "g") {
			if _, diags := Func(st, &Scope{Vars: map[string]Var{"k": {Go: jen.Id("k")}}, App: app, Module: "m", Unit: u}); diags != nil {
				t.Fatal(diags)
			}
			touching[d.name] = u.TouchesState(DefKey("m", st))
		}
	}
	if !touching["f"] || touching["g"] {
		t.Errorf("TouchesState: %v, want f only", touching)
	}
	if !strings.Contains(strings.Join(u.Translated(), ","), "m:3:1") {
		t.Errorf("Translated %v lacks the helper bump (m:3:1)", u.Translated())
	}
}
