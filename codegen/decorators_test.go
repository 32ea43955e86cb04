package codegen

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser"
)

// TestSeeThrough checks which functools.wraps wrappers the code generator sees through:
// only the pass-through shape, with the wrapper async exactly when the function is, as
// the decorator nearest the def.
func TestSeeThrough(t *testing.T) {
	const wrapsAsync = "import functools\n\ndef deco(func):\n    \"\"\"Doc.\"\"\"\n    @functools.wraps(func)\n    async def wrapper(*args, **kwargs):\n        return await func(*args, **kwargs)\n    return wrapper\n"
	const wrapsSync = "from functools import wraps\n\ndef deco(func):\n    @wraps(func)\n    def wrapper(*a, **kw):\n        return func(*a, **kw)\n    return wrapper\n"
	const logging = "import functools\nLOG = []\n\ndef deco(func):\n    @functools.wraps(func)\n    async def wrapper(*args, **kwargs):\n        LOG.append(1)\n        return await func(*args, **kwargs)\n    return wrapper\n"
	const dropsKw = "import functools\n\ndef deco(func):\n    @functools.wraps(func)\n    async def wrapper(*args, **kwargs):\n        return await func(*args)\n    return wrapper\n"
	const rebound = wrapsAsync + "\nfunctools = None\n"
	asyncEP := "from fastapi import FastAPI\nfrom deps import deco\n\napp = FastAPI()\n\n@app.get('/x')\n@deco\nasync def ep(q: int = 1):\n    return {'q': q}\n"
	syncEP := "from fastapi import FastAPI\nfrom deps import deco\n\napp = FastAPI()\n\n@app.get('/x')\n@deco\ndef ep(q: int = 1):\n    return {'q': q}\n"
	for _, tt := range []struct {
		name, deps, main string
		want             string // the function run ("": not seen through)
	}{
		{"async", wrapsAsync, asyncEP, "main:ep"},
		{"sync", wrapsSync, syncEP, "main:ep"},
		{"async wrapper of a plain function", wrapsAsync, syncEP, ""},
		{"plain wrapper of an async function", wrapsSync, asyncEP, ""},
		{"wrapper doing more", logging, asyncEP, ""},
		{"wrapper dropping arguments", dropsKw, asyncEP, ""},
		{"functools rebound", rebound, asyncEP, ""},
		{"generator", wrapsSync, "from fastapi import FastAPI, Depends\nfrom deps import deco\n\napp = FastAPI()\n\n@app.get('/x')\n@deco\ndef ep(q: int = 1):\n    yield q\n", ""},
	} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "deps.py"), []byte(tt.deps), 0o644)
		os.WriteFile(filepath.Join(dir, "main.py"), []byte(tt.main), 0o644)
		prog, err := load.Load(dir, load.Options{Parse: parser.ParseFile, App: "main:app"})
		if err != nil {
			t.Fatal(err)
		}
		app, err := lift.Lift(prog, lift.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, found := "", false
		eachRoute(app, nil, func(r *ir.Route, _ []string) {
			if r.Path != "/x" || r.Dependant == nil || r.Dependant.Call == nil {
				return
			}
			found = true
			if w := seeThrough(prog, r.Dependant.Call); w != nil {
				got = w.Module + ":" + w.QualName
				if findDef(prog, w) == nil {
					t.Errorf("%s: the def of %s is not found", tt.name, got)
				}
			}
		})
		if !found {
			t.Fatalf("%s: route /x not found", tt.name)
		}
		if got != tt.want {
			t.Errorf("%s: seeThrough = %q, want %q", tt.name, got, tt.want)
		}
	}
}
