package translate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser"
)

// TestLocalImports checks which function-local imports translate: a from-import of a
// module imported with the app, binding names used only after it in its block and bound
// nowhere else in the function.
func TestLocalImports(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"def f(k):\n    from models import tax, TAX_RATE as r\n    return tax(k, r)\n", ""},
		{"def f(k):\n    from models import Item\n    return Item(name='a', price=k)\n", ""},
		{"def f(k):\n    import models\n    return models.tax(k)\n", "m.py:2:5: cannot translate import statement"},
		{"def f(k):\n    if k:\n        from models import tax\n        return tax(k)\n    return 0\n", ""},
		{"def f(k):\n    if k:\n        from models import tax\n    return tax(k)\n", "m.py:3:9: cannot translate import statement"},
		{"N = 0\n\ndef f(k):\n    from m import N\n    return N\n", "m.py:4:5: cannot translate import statement"}, // m is not imported with the app
		{"def f(k):\n    from models import tax\n    tax = 1\n    return tax\n", "m.py:2:5: cannot translate import statement"},
		{"def f(k):\n    g = tax\n    from models import tax\n    return g(k)\n", "m.py:3:5: cannot translate import statement"},
		{"def f(k):\n    from models import *\n    return k\n", "m.py:2:5: cannot translate import statement"},
	} {
		prog, app := loadStateModule(t, tt.src)
		u := NewUnit(prog, Names{})
		var got string
		for _, st := range prog.Modules["m"].File.Module.Body {
			if d := asDef(st); d != nil && d.name == "f" {
				_, diags := Func(st, &Scope{Vars: map[string]Var{"k": {Go: jen.Id("k")}}, App: app, Module: "m", Unit: u})
				if len(diags) > 0 {
					got = diags[0].String()
				}
			}
		}
		if got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.src, got, tt.want)
		}
	}
}

// TestLocalImportTouchers checks that a function importing module state in its body
// touches it (a bridged function reading it would else see Python's copy of state
// living in Go).
func TestLocalImportTouchers(t *testing.T) {
	src := "ITEMS = {}\n\ndef put(k):\n    ITEMS[k] = 1\n\n" +
		"def g(k):\n    from m import ITEMS as db\n    return db.get(k)\n\n" +
		"def h(k):\n    import m\n    return m.ITEMS\n\n" +
		"def i(k):\n    from models import tax\n    return tax(k)\n"
	prog, app := loadStateModule(t, src)
	for _, v := range NewUnit(prog, Names{}).StateVars(app) {
		if v.Key == "m.ITEMS" {
			if got := strings.Join(v.Touchers, ","); got != "m:3:1,m:6:1,m:10:1" {
				t.Errorf("touchers of m.ITEMS: %s, want m:3:1,m:6:1,m:10:1", got)
			}
			return
		}
	}
	t.Error("m.ITEMS is not module state")
}

// TestLocalImport checks which import statements in a function body are no-ops (the name
// then resolves as the module-level name would) and which are refused.
func TestLocalImport(t *testing.T) {
	tests := []struct {
		name, body string
		want       string // substring of the code ("" when refused)
		refuse     string // substring of the diagnostic
	}{
		{"in-branch", "if n < 0:\n        from fastapi import HTTPException\n\n        raise HTTPException(status_code=400, detail='negative')\n    return n",
			"pyval.HTTPException(pyval.IntValue(400)", ""},
		{"top", "from fastapi import HTTPException as E\n    if n < 0:\n        raise E(404)\n    return n", "pyval.HTTPException(pyval.IntValue(404)", ""},
		{"starlette", "from starlette.exceptions import HTTPException\n    raise HTTPException(status_code=418)", "pyval.HTTPException(pyval.IntValue(418)", ""},

		{"used-before", "if n:\n        return HTTPException\n    from fastapi import HTTPException\n    raise HTTPException(400)", "", "import statement"},
		{"used-in-other-branch", "if n:\n        from fastapi import HTTPException\n    else:\n        raise HTTPException(400)\n    return 1", "", "import statement"},
		{"rebound", "from fastapi import HTTPException\n    HTTPException = 1\n    return HTTPException", "", "import statement"},
		{"twice", "from fastapi import HTTPException\n    from fastapi import HTTPException\n    raise HTTPException(400)", "", "import statement"},
		{"parameter", "from fastapi import status as s\n    return s", "", "import statement"},
		{"app-module-not-imported", "from other import X\n    return X", "", "import statement"},
		{"relative", "from . import x\n    return x", "", "import statement"},
		{"star", "from fastapi import *\n    return 1", "", "import statement"},
		{"plain-import", "import fastapi\n    return 1", "", "import statement"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "from fastapi import BackgroundTasks\n\ndef f(tasks: BackgroundTasks, n: int, s: str):\n    " + tt.body + "\n"
			code, diags := translateTasks(t, src)
			if tt.refuse != "" {
				if len(diags) != 1 || !strings.Contains(diags[0].Msg, tt.refuse) {
					t.Fatalf("diags %v, want %q", diags, tt.refuse)
				}
				return
			}
			if len(diags) > 0 {
				t.Fatalf("refused: %v", diags)
			}
			if !strings.Contains(code, tt.want) {
				t.Errorf("code lacks %q:\n%s", tt.want, code)
			}
		})
	}
}

// TestLocalImportStartup checks the module imported must be imported with the app, and
// the name never rebound.
func TestLocalImportStartup(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"app.py":   "from fastapi import FastAPI\nimport store\n\napp = FastAPI()\n",
		"late.py":  "X = 1\n",
		"store.py": "N = 0\nITEMS = {}\n\ndef bump():\n    global N\n    N += 1\n",
		"m.py":     "def f(k):\n    from store import ITEMS\n    return ITEMS\n\ndef g(k):\n    from store import N\n    return N\n\ndef h(k):\n    from late import X\n    return X\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	prog, err := load.Load(dir, load.Options{Parse: parser.ParseFile, App: "app:app"})
	if err != nil {
		t.Fatal(err)
	}
	prog.Import("m")
	app, err := lift.Lift(prog, lift.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"f": "", "g": "m.py:6:5: cannot translate import statement", "h": "m.py:10:5: cannot translate import statement"}
	for _, st := range prog.Modules["m"].File.Module.Body {
		d := asDef(st)
		if d == nil {
			continue
		}
		got := ""
		_, diags := Func(st, &Scope{Vars: map[string]Var{"k": {Go: jen.Id("k")}}, App: app, Module: "m", Unit: NewUnit(prog, Names{})})
		if len(diags) > 0 {
			got = diags[0].String()
		}
		if got != want[d.name] {
			t.Errorf("%s: got %q, want %q", d.name, got, want[d.name])
		}
	}
}
