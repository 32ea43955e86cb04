package lift_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser"
)

// recordedRoute is one route of runtime/bridge/testdata/compat/route_table.json: the
// route table of each corpus app as the real FastAPI holds it (route_table.py).
type recordedRoute struct {
	Mounts  []string      `json:"mounts"`
	Path    string        `json:"path"`
	Name    string        `json:"name"`
	Methods []string      `json:"methods"`
	Deps    []recordedDep `json:"deps"`
}

type recordedDep struct {
	Call string        `json:"call"`
	Deps []recordedDep `json:"deps"`
}

// TestDependencyTreesMatchFastAPI requires, for every API route of every corpus app, the
// lifted dependency tree (ir.Dependant.Deps, recursively) to have FastAPI's shape: the
// same number of sub-dependants at every node, each calling a callable of the same name.
// codegen names a function without a module-level name by its index path in that tree
// (a route target), which the bridge worker follows in FastAPI's own tree.
func TestDependencyTreesMatchFastAPI(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "runtime", "bridge", "testdata", "compat", "route_table.json"))
	if err != nil {
		t.Fatal(err)
	}
	var table struct {
		Apps map[string]json.RawMessage `json:"apps"`
	}
	if err := json.Unmarshal(data, &table); err != nil {
		t.Fatal(err)
	}
	metas, err := filepath.Glob(filepath.Join("..", "..", "testdata", "fastapi_apps", "*", "meta.json"))
	if err != nil || len(metas) == 0 {
		t.Fatalf("no corpus apps (%v)", err)
	}
	for _, m := range metas {
		dir := filepath.Dir(m)
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			var recorded []recordedRoute
			if err := json.Unmarshal(table.Apps[name], &recorded); err != nil {
				t.Fatalf("route_table.json has no route list for %s: %v", name, err)
			}
			var meta struct {
				App string            `json:"app"`
				Env map[string]string `json:"env"`
			}
			raw, err := os.ReadFile(m)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(raw, &meta); err != nil {
				t.Fatal(err)
			}
			prog, err := load.Load(dir, load.Options{Parse: parser.ParseFile, App: meta.App})
			if err != nil {
				t.Fatal(err)
			}
			app, err := lift.Lift(prog, lift.Options{Env: meta.Env})
			if err != nil {
				t.Fatal(err)
			}
			checked := 0
			eachAPIRoute(app, nil, func(r *ir.Route, mounts []string) {
				rec := findRecorded(recorded, r, mounts)
				where := strings.Join(mounts, "") + " " + strings.Join(r.Methods, ",") + " " + r.Template
				if rec == nil {
					t.Errorf("%s: not in FastAPI's route table", where)
					return
				}
				checked++
				compareDeps(t, where, r.Dependant.Deps, rec.Deps)
			})
			if checked == 0 && len(recorded) > 0 {
				t.Errorf("no lifted route matched the %d recorded ones", len(recorded))
			}
		})
	}
}

// eachAPIRoute calls f for the API routes of a and of its mounted FastAPI apps.
func eachAPIRoute(a *ir.App, mounts []string, f func(*ir.Route, []string)) {
	for _, r := range a.Routes {
		if r.Kind == ir.APIRoute && r.Dependant != nil {
			f(r, mounts)
		}
	}
	for _, m := range a.Mounts {
		if m.Sub != nil {
			eachAPIRoute(m.Sub, append(append([]string(nil), mounts...), strings.TrimRight(m.Path, "/")), f)
		}
	}
}

func findRecorded(recorded []recordedRoute, r *ir.Route, mounts []string) *recordedRoute {
	methods := slices.Clone(r.Methods)
	slices.Sort(methods)
	for i, x := range recorded {
		if x.Path == r.Template && x.Name == r.Name && slices.Equal(x.Methods, methods) &&
			slices.Equal(x.Mounts, append([]string{}, mounts...)) {
			return &recorded[i]
		}
	}
	return nil
}

// compareDeps compares lifted sub-dependants with FastAPI's, by the last part of each
// callable's name ("main:get_db" and "get_db"; "instance of HTTPBasic" and
// "fastapi.security.HTTPBasic"; "f.<locals>.dep" and "dep").
func compareDeps(t *testing.T, where string, got []*ir.Dependant, want []recordedDep) {
	t.Helper()
	if len(got) != len(want) {
		var names []string
		for _, d := range got {
			names = append(names, d.Call.Name)
		}
		var wnames []string
		for _, d := range want {
			wnames = append(wnames, d.Call)
		}
		t.Errorf("%s: %d sub-dependants %v, FastAPI has %d %v", where, len(got), names, len(want), wnames)
		return
	}
	for i, d := range got {
		if g, w := lastName(d.Call.Name), lastName(want[i].Call); g != w {
			t.Errorf("%s: dependency %d calls %s, FastAPI's %s", where, i, d.Call.Name, want[i].Call)
			continue
		}
		compareDeps(t, where+" > "+d.Call.Name, d.Deps, want[i].Deps)
	}
}

func lastName(s string) string {
	s = strings.TrimPrefix(s, "instance of ")
	return s[strings.LastIndexAny(s, ".:")+1:]
}
