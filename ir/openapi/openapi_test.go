package openapi_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/ir/ojson"
	"github.com/covetpy/covetgen/ir/openapi"
	"github.com/covetpy/covetgen/parser"
)

// goldenDirs are the app folders compared with a recorded FastAPI document: the corpus,
// and this package's own probe apps.
var goldenDirs = []string{"../../testdata/fastapi_apps", "testdata"}

// TestOpenAPIGoldens lifts every app that has a recorded OpenAPI document and compares the
// emitted document with it: same keys and values, numbers equal in value and in kind (1 is
// not 1.0). Key order differences are logged, not failed.
func TestOpenAPIGoldens(t *testing.T) {
	n := 0
	for _, root := range goldenDirs {
		dirs, err := os.ReadDir(root)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range dirs {
			dir := filepath.Join(root, d.Name())
			golden := filepath.Join(dir, "golden", "openapi.json")
			if _, err := os.Stat(golden); err != nil {
				continue
			}
			n++
			t.Run(d.Name(), func(t *testing.T) { checkGolden(t, dir, golden) })
		}
	}
	if n == 0 {
		t.Fatal("no app with a golden/openapi.json")
	}
}

func checkGolden(t *testing.T, dir, golden string) {
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	var meta struct {
		App string            `json:"app"`
		Env map[string]string `json:"env"`
	}
	if raw, err := os.ReadFile(filepath.Join(dir, "meta.json")); err == nil {
		if err := json.Unmarshal(raw, &meta); err != nil {
			t.Fatalf("meta.json: %v", err)
		}
	}
	prog, err := load.Load(dir, load.Options{Parse: parser.ParseFile, App: meta.App})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	app, err := lift.Lift(prog, lift.Options{Env: meta.Env})
	if err != nil {
		t.Fatalf("lift: %v", err)
	}
	doc, diags := openapi.Generate(app)
	wv, err := ojson.Decode(want)
	if err != nil {
		t.Fatal(err)
	}
	if diffs := ojson.Diff(doc, wv, 15); len(diffs) > 0 {
		for _, dg := range append(app.AllDiagnostics(), diags...) {
			t.Logf("diagnostic: %s", dg)
		}
		t.Errorf("OpenAPI differs from golden:\n  %s", strings.Join(diffs, "\n  "))
		return
	}
	if od := ojson.OrderDiff(doc, wv, 5); len(od) > 0 {
		t.Logf("key order differs (JSON-equal):\n  %s", strings.Join(od, "\n  "))
	}
}
