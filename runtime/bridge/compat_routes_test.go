package bridge

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestCompatRouteTable lists, for every app of the corpus, the route table worker.py
// finds route targets in (testdata/compat/route_table.py: routes through the mounts and
// the included routers, each with its dependency tree, and whether the worker's lookup
// finds each callable again) with the stand-ins of covetgen_compat.py installed, and
// requires it to equal what the real FastAPI gave when tools/goldens/record_compat.py
// recorded testdata/compat/route_table.json.
func TestCompatRouteTable(t *testing.T) {
	env, ok := stacks(t)["compat"]
	if !ok {
		t.Skip("python3 imports fastapi by itself: the stand-ins are never installed here")
	}
	data, err := os.ReadFile(filepath.Join("testdata", "compat", "route_table.json"))
	if err != nil {
		t.Fatal(err)
	}
	var golden routeTableRun
	if err := json.Unmarshal(data, &golden); err != nil {
		t.Fatalf("route_table.json: %v", err)
	}
	if golden.Stack != "real" || len(golden.Apps) == 0 {
		t.Fatalf("route_table.json: %d apps from stack %q; want the real stack's recording", len(golden.Apps), golden.Stack)
	}
	metas, err := filepath.Glob(filepath.Join("..", "..", "testdata", "fastapi_apps", "*", "meta.json"))
	if err != nil || len(metas) == 0 {
		t.Fatalf("no corpus apps found (%v)", err)
	}
	here, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	args := []string{filepath.Join("testdata", "compat", "route_table.py"), "compat", here}
	for _, m := range metas {
		dir, err := filepath.Abs(filepath.Dir(m))
		if err != nil {
			t.Fatal(err)
		}
		args = append(args, dir)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, python(), args...)
	cmd.Env = append(append([]string(nil), env...), "PYTHONHASHSEED=0", "TZ=UTC")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("route_table.py compat: %v\n%s", err, stderr.Bytes())
	}
	var got routeTableRun
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("route_table.py output: %v", err)
	}
	for _, m := range metas {
		name := filepath.Base(filepath.Dir(m))
		t.Run(name, func(t *testing.T) {
			want, ok := golden.Apps[name]
			if !ok {
				t.Fatalf("no recording of %s: re-record with tools/goldens/record_compat.py", name)
			}
			var w, g bytes.Buffer
			if err := json.Compact(&w, want); err != nil {
				t.Fatalf("golden: %v", err)
			}
			if err := json.Compact(&g, got.Apps[name]); err != nil {
				t.Fatalf("compat run: %v", err)
			}
			if !bytes.Equal(w.Bytes(), g.Bytes()) {
				t.Errorf("the stand-ins' route table differs from FastAPI's\n got: %s\nwant: %s", g.Bytes(), w.Bytes())
			}
		})
	}
}

// routeTableRun is what testdata/compat/route_table.py prints: the stack it ran on and,
// per app directory name, its routes (or the error importing it).
type routeTableRun struct {
	Stack string                     `json:"stack"`
	Apps  map[string]json.RawMessage `json:"apps"`
}
