package migrate

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var updateCoverage = flag.Bool("update", false, "rewrite the golden files of migrate/testdata/coverage")

// coverageMin is the --min the golden outputs are written with: hello and errors pass it,
// dependencies does not.
const coverageMin = 50

// TestCoverageGolden checks every format of the coverage report of three corpus apps
// against migrate/testdata/coverage/APP.FORMAT (go test -run TestCoverageGolden -update
// rewrites them).
func TestCoverageGolden(t *testing.T) {
	exts := map[string]string{"text": "txt", "json": "json", "markdown": "md", "github": "github"}
	for _, app := range []string{"hello", "errors", "dependencies"} {
		cov, err := CoverageOf(CoverageOptions{Root: filepath.Join("..", "testdata", "fastapi_apps", app), App: "main:app"})
		if err != nil {
			t.Fatalf("%s: %v", app, err)
		}
		for _, format := range CoverageFormats {
			t.Run(app+"/"+format, func(t *testing.T) {
				var b bytes.Buffer
				if err := WriteCoverage(&b, cov, format, coverageMin); err != nil {
					t.Fatal(err)
				}
				golden := filepath.Join("testdata", "coverage", app+"."+exts[format])
				if *updateCoverage {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if got := b.String(); got != string(want) {
					t.Errorf("%s differs (run with -update to accept):\n--- got\n%s\n--- want\n%s", golden, got, want)
				}
			})
		}
	}
}

// TestCoverageJSONSchema checks the JSON keys against the schema of the package doc.
func TestCoverageJSONSchema(t *testing.T) {
	// responses_custom_native keeps a route bridged on purpose (a response class with __init__).
	cov, err := CoverageOf(CoverageOptions{Root: filepath.Join("..", "testdata", "fastapi_apps", "responses_custom_native"), App: "main:app"})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteCoverage(&b, cov, "json", 0); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(v any) []string {
		var ks []string
		for k := range v.(map[string]any) {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		return ks
	}
	check := func(what string, v any, want ...string) {
		t.Helper()
		sort.Strings(want)
		if got := keys(v); !reflect.DeepEqual(got, want) {
			t.Errorf("%s keys %v, want %v", what, got, want)
		}
	}
	check("report", doc, "app", "routes", "app_refusals", "single_worker", "totals")
	check("totals", doc["totals"], "routes", "native_routes", "bridge_routes", "blocked_routes", "forwarded_routes", "native_percent",
		"lines", "native_lines", "bridge_lines", "native_lines_percent", "app_refusals")
	routes := doc["routes"].([]any)
	check("route", routes[0], "methods", "path", "kind", "name", "endpoint", "pos", "mode", "lines", "reasons")
	var reason any
	for _, r := range routes {
		if rs, _ := r.(map[string]any)["reasons"].([]any); len(rs) > 0 && reason == nil {
			reason = rs[0]
		}
	}
	if reason == nil {
		t.Fatal("no route with reasons")
	}
	check("reason", reason, "file", "line", "col", "message")
	// The schema is documented in the package doc.
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"app_refusals", "native_percent", "native_lines_percent", "reasons", "message", "endpoint",
		"blockers", "single_worker", "blocked_routes"} {
		if !strings.Contains(string(src), `"`+k+`"`) {
			t.Errorf("package doc does not document %q", k)
		}
	}
}

// TestCoverageMatchesMigrate checks that the blockers and app-level refusals of the
// report are exactly the refusals of Run, on every corpus app.
func TestCoverageMatchesMigrate(t *testing.T) {
	if testing.Short() {
		t.Skip("migrates every corpus app")
	}
	corpus := filepath.Join("..", "testdata", "fastapi_apps")
	entries, err := os.ReadDir(corpus)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(corpus, e.Name())
		var meta struct {
			App string            `json:"app"`
			Env map[string]string `json:"env"`
		}
		if b, err := os.ReadFile(filepath.Join(dir, "meta.json")); err == nil {
			_ = json.Unmarshal(b, &meta)
		}
		t.Run(e.Name(), func(t *testing.T) {
			cov, err := CoverageOf(CoverageOptions{Root: dir, App: meta.App, Env: meta.Env})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, r := range cov.Routes {
				if (r.Mode == ModeNative) != (len(r.Reasons) == 0) {
					t.Errorf("%s: mode %s with %d reasons", r.Path, r.Mode, len(r.Reasons))
				}
				if (r.Mode == ModeBlocked) != (len(r.Blockers) > 0) {
					t.Errorf("%s: mode %s with %d blockers", r.Path, r.Mode, len(r.Blockers))
				}
				for _, x := range r.Blockers {
					got[x.String()] = true
				}
			}
			for _, x := range cov.AppRefusals {
				got[x.String()] = true
			}
			want := map[string]bool{}
			_, err = Run(Options{Root: dir, App: meta.App, Env: meta.Env, Out: filepath.Join(t.TempDir(), "svc")})
			if re, ok := err.(*RefusedError); ok {
				for _, r := range re.Refusals {
					want[r.String()] = true
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("coverage blockers differ from migrate's refusals:\ncoverage: %v\nmigrate:  %v", got, want)
			}
		})
	}
}

// TestCoveragePragma checks that "# covetgen: bridge" forces the routes of the function
// it marks (on the line above the def or its decorators, on the def line, or on a
// dependency) to the bridge, and nothing else.
func TestCoveragePragma(t *testing.T) {
	dir := t.TempDir()
	src := `from fastapi import Depends, FastAPI

app = FastAPI()


# covetgen: bridge
@app.get("/above")
def above():
    return {"a": 1}


@app.get("/defline")
def defline():  # covetgen: bridge
    return {"b": 2}


@app.get("/plain")
def plain():
    return {"c": 3}


@app.get("/between")
# covetgen: bridge
def between():
    return {"d": 4}


#covetgen:bridge
def dep():
    return 1


@app.get("/dep")
def uses_dep(x: int = Depends(dep)):
    return {"x": x}


@app.get("/notpragma")
def notpragma():
    # covetgen: bridge this is not the pragma (it is not alone, nor above a def)
    return {"e": 5}
`
	if err := os.WriteFile(filepath.Join(dir, "main.py"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cov, err := CoverageOf(CoverageOptions{Root: dir, App: "main:app"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"/above":     "main.py:6:1: " + PragmaReason,
		"/defline":   "main.py:13:17: " + PragmaReason,
		"/plain":     "",
		"/between":   "main.py:23:1: " + PragmaReason,
		"/dep":       "main.py:28:1: " + PragmaReason,
		"/notpragma": "",
	}
	if len(cov.Routes) != len(want) {
		t.Fatalf("%d routes, want %d", len(cov.Routes), len(want))
	}
	for _, r := range cov.Routes {
		w := want[r.Path]
		var got []string
		for _, x := range r.Reasons {
			got = append(got, strings.TrimPrefix(x.String(), dir+string(filepath.Separator)))
		}
		if w == "" {
			if r.Mode != ModeNative || len(got) != 0 {
				t.Errorf("%s: mode %s, reasons %v; want native", r.Path, r.Mode, got)
			}
			continue
		}
		if r.Mode != ModeBridge || len(got) != 1 || got[0] != w {
			t.Errorf("%s: mode %s, reasons %v; want bridge for %q", r.Path, r.Mode, got, w)
		}
	}
	tot := cov.Totals
	if tot.Routes != 6 || tot.NativeRoutes != 2 || tot.BridgeRoutes != 4 || tot.Lines != 13 || tot.NativeLines != 5 {
		t.Errorf("totals %+v", tot)
	}
	// The github format annotates the pragma line.
	var b bytes.Buffer
	if err := WriteCoverage(&b, cov, "github", 0); err != nil {
		t.Fatal(err)
	}
	ann := regexp.MustCompile(`(?m)^::warning file=[^,]*main\.py,line=13,col=17::route GET /defline \(main\.defline\) bridged: forced by # covetgen%3A bridge pragma$|^::warning file=[^,]*main\.py,line=13,col=17::route GET /defline \(main\.defline\) bridged: forced by # covetgen: bridge pragma$`)
	if !ann.MatchString(b.String()) {
		t.Errorf("no annotation of the pragma line:\n%s", b.String())
	}
}
