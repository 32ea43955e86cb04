package bridge

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// compatRun is what testdata/compat/cases.py prints: the stack it ran on, the versions
// of the packages it saw, and one JSON value per case.
type compatRun struct {
	Stack    string                     `json:"stack"`
	Versions map[string]string          `json:"versions"`
	Cases    map[string]json.RawMessage `json:"cases"`
}

// TestCompatGolden runs the case table testdata/compat/cases.py with python3 and the
// stand-ins of covetgen_compat.py installed as worker.py installs them (no FastAPI on the
// path), and requires every case to equal what the real FastAPI/Starlette gave when
// tools/goldens/record_compat.py recorded testdata/compat/golden.json.
func TestCompatGolden(t *testing.T) {
	env, ok := stacks(t)["compat"]
	if !ok {
		t.Skip("python3 imports fastapi by itself: the stand-ins are never installed here")
	}
	golden, err := readCompatGolden(filepath.Join("testdata", "compat", "golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := runCompatCases(env, "cases.py")
	if err != nil {
		t.Fatal(err)
	}
	if got.Stack != "compat" {
		t.Fatalf("cases.py ran on stack %q, want compat", got.Stack)
	}
	names := make([]string, 0, len(golden.Cases))
	for name := range golden.Cases {
		names = append(names, name)
	}
	sort.Strings(names)
	failed := 0
	for _, name := range names {
		if !compatCaseEqual(t, name, golden.Cases[name], got.Cases[name]) {
			failed++
		}
	}
	var extra []string
	for name := range got.Cases {
		if _, ok := golden.Cases[name]; !ok {
			extra = append(extra, name)
		}
	}
	sort.Strings(extra)
	if len(extra) > 0 {
		t.Errorf("cases not in golden.json (re-record with tools/goldens/record_compat.py): %v", extra)
	}
	t.Logf("%d/%d cases equal to the recording (golden: %v; here: python %s)",
		len(names)-failed, len(names), golden.Versions, got.Versions["python"])
}

// compatCaseEqual reports (as a subtest) whether the compat value of case name equals
// the recorded one, byte for byte once both are compacted.
func compatCaseEqual(t *testing.T, name string, want, got json.RawMessage) bool {
	return t.Run(name, func(t *testing.T) {
		if got == nil {
			t.Fatalf("the compat run has no case %s", name)
		}
		var w, g bytes.Buffer
		if err := json.Compact(&w, want); err != nil {
			t.Fatalf("golden: %v", err)
		}
		if err := json.Compact(&g, got); err != nil {
			t.Fatalf("compat run: %v", err)
		}
		if !bytes.Equal(w.Bytes(), g.Bytes()) {
			t.Errorf("compat differs from FastAPI\n got: %s\nwant: %s", g.Bytes(), w.Bytes())
		}
	})
}

func readCompatGolden(path string) (*compatRun, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var run compatRun
	if err := json.Unmarshal(data, &run); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	if run.Stack != "real" || len(run.Cases) == 0 {
		return nil, fmt.Errorf("%s: %d cases from stack %q; want the real stack's recording", path, len(run.Cases), run.Stack)
	}
	return &run, nil
}

// runCompatCases runs testdata/compat/<script> in compat mode with this directory as the
// place of covetgen_compat.py, as worker.py finds it next to itself.
func runCompatCases(env []string, script string) (*compatRun, error) {
	here, err := filepath.Abs(".")
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, python(), filepath.Join("testdata", "compat", script), "compat", here)
	cmd.Env = append(append([]string(nil), env...), "PYTHONHASHSEED=0", "TZ=UTC")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s compat: %w\n%s", script, err, stderr.Bytes())
	}
	var run compatRun
	if err := json.Unmarshal(out, &run); err != nil {
		return nil, fmt.Errorf("%s compat output: %w", script, err)
	}
	return &run, nil
}

// TestCompatImportsCorpus imports every app of the corpus (testdata/fastapi_apps) with
// the stand-ins installed: a worker cannot start on an app whose fastapi/starlette
// imports or module-level app calls the stand-ins lack.
func TestCompatImportsCorpus(t *testing.T) {
	env, ok := stacks(t)["compat"]
	if !ok {
		t.Skip("python3 imports fastapi by itself: the stand-ins are never installed here")
	}
	metas, err := filepath.Glob(filepath.Join("..", "..", "testdata", "fastapi_apps", "*", "meta.json"))
	if err != nil || len(metas) == 0 {
		t.Fatalf("no corpus apps found (%v)", err)
	}
	here, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	args := []string{filepath.Join("testdata", "compat", "import_apps.py"), here}
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
		t.Fatalf("import_apps.py: %v\n%s", err, stderr.Bytes())
	}
	var got map[string]string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("import_apps.py output: %v", err)
	}
	for _, m := range metas {
		dir, _ := filepath.Abs(filepath.Dir(m))
		if res := got[dir]; res != "ok" {
			t.Errorf("%s does not import with the stand-ins: %s", filepath.Base(dir), res)
		}
	}
}

// checkCompatCases runs testdata/compat/<script> under the stand-ins and requires every
// case of testdata/compat/<golden> (recorded from FastAPI) to be equal, and no case more
// or less; rerecord says how the golden is recorded.
func checkCompatCases(t *testing.T, script, golden, rerecord string) {
	t.Helper()
	env, ok := stacks(t)["compat"]
	if !ok {
		t.Skip("python3 imports fastapi by itself: the stand-ins are never installed here")
	}
	want, err := readCompatGolden(filepath.Join("testdata", "compat", golden))
	if err != nil {
		t.Fatal(err)
	}
	got, err := runCompatCases(env, script)
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(want.Cases))
	for name := range want.Cases {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		compatCaseEqual(t, name, want.Cases[name], got.Cases[name])
	}
	if len(got.Cases) != len(want.Cases) {
		t.Errorf("the compat run has %d cases, the golden %d (re-record with %s)", len(got.Cases), len(want.Cases), rerecord)
	}
}
