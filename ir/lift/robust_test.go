package lift_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/ir/openapi"
	"github.com/covetpy/covetgen/parser"
)

// TestMutatedApps lifts corpus apps with lines deleted, duplicated or cut short: the lifter
// and the emitter must answer with diagnostics or an error, never panic.
func TestMutatedApps(t *testing.T) {
	corpus, _ := filepath.Glob("../../testdata/fastapi_apps/*/main.py")
	if len(corpus) == 0 {
		t.Skip("no corpus")
	}
	rng := rand.New(rand.NewPCG(7, 11))
	for _, path := range corpus {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(src), "\n")
		for i := 0; i < 6; i++ {
			mutated := append([]string{}, lines...)
			for j := 0; j < 1+rng.IntN(4); j++ {
				k := rng.IntN(len(mutated))
				switch rng.IntN(4) {
				case 0:
					mutated = append(mutated[:k], mutated[k+1:]...)
				case 1:
					mutated = append(mutated[:k+1], mutated[k:]...)
				case 2:
					if l := mutated[k]; len(l) > 0 {
						mutated[k] = l[:rng.IntN(len(l))]
					}
				default:
					mutated[k] = strings.ReplaceAll(mutated[k], "(", "[")
				}
			}
			liftNoPanic(t, path, strings.Join(mutated, "\n"))
		}
	}
}

func liftNoPanic(t *testing.T, name, src string) {
	t.Helper()
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "main.py"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("%s: panic: %v\n%s", name, r, src)
		}
	}()
	prog, err := load.Load(root, load.Options{Parse: parser.ParseFile, App: "main:app"})
	if err != nil {
		return
	}
	app, err := lift.Lift(prog, lift.Options{})
	if err != nil {
		if strings.Contains(err.Error(), "internal error") {
			t.Errorf("%s: %v\n%s", name, err, src)
		}
		return
	}
	_, diags := openapi.Generate(app)
	for _, d := range diags {
		if strings.Contains(d.Msg, "internal error") {
			t.Errorf("%s: %s\n%s", name, d, src)
		}
	}
}

// TestOddApps lifts small apps that use Python in ways covetgen does not model.
func TestOddApps(t *testing.T) {
	for _, src := range []string{
		"from fastapi import FastAPI\napp = FastAPI()\n@app.get(PATH)\ndef f(): ...\n",
		"from fastapi import FastAPI\napp = FastAPI()\napp.include_router(undefined_router)\n",
		"from fastapi import FastAPI\napp = FastAPI()\n@app.get('/x', responses={404: 'nope'}, openapi_extra={'responses': 5})\ndef f(q: 'Undefined' = 1): ...\n",
		"from fastapi import FastAPI, Depends\napp = FastAPI()\ndef d(x = Depends(d)): ...\n@app.get('/x')\ndef f(y = Depends(d)): ...\n",
		"from fastapi import FastAPI\nimport pydantic\nclass M(pydantic.BaseModel, M2):\n    x: 'M'\napp = FastAPI()\n@app.post('/m')\ndef f(m: M) -> list[M]: ...\n",
		"from fastapi import FastAPI\ndef f(): return f()\napp = FastAPI(title=f())\n",
		"from fastapi import FastAPI\nfrom typing import Annotated\napp = FastAPI()\n@app.get('/{a}')\ndef f(a: Annotated[int, 5, 'x'] = 3, *args, **kw): ...\n",
		"from fastapi import FastAPI\nx = [1, 2]\nx += x\napp = FastAPI(title={1: 2}[1], version=x[9])\n",
	} {
		liftNoPanic(t, "odd", src)
	}
}
