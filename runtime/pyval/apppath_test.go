package pyval

import (
	"os"
	"path/filepath"
	"testing"
)

// appPathScript applies each case's operations with pathlib, as the app does at import.
const appPathScript = `
import json, os, sys
from pathlib import Path
out = []
for c in json.load(sys.stdin):
    p = Path(os.path.join(c["root"], c["file"]))
    for op in c["ops"]:
        if op == "resolve":
            p = p.resolve()
        elif op == "parent":
            p = p.parent
        else:
            p = p / op[len("join:"):]
    out.append(str(p))
json.dump(out, sys.stdout)
`

// TestAppPath compares AppPath and PathOps with pathlib, symlinks and missing files
// included.
func TestAppPath(t *testing.T) {
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "real", "pkg"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "real", "pkg", "main.py"), nil, 0o644))
	must(os.Symlink(filepath.Join(dir, "real"), filepath.Join(dir, "link")))
	must(os.Symlink(filepath.Join(dir, "real", "pkg", "main.py"), filepath.Join(dir, "real", "alias.py")))
	type tc struct {
		Root string   `json:"root"`
		File string   `json:"file"`
		Ops  []string `json:"ops"`
	}
	cases := []tc{
		{dir + "/real", "pkg/main.py", []string{"parent"}},
		{dir + "/link", "pkg/main.py", []string{"resolve", "parent"}},
		{dir + "/link", "pkg/main.py", []string{"parent", "join:report.csv"}},
		{dir + "/link", "pkg/main.py", []string{"parent", "resolve", "join:a/./b//c/", "join:../d"}},
		{dir + "/link", "alias.py", []string{"resolve", "parent", "parent"}},
		{dir + "/link", "pkg/missing.py", []string{"resolve", "parent"}},
		{dir + "/nowhere", "x/y.py", []string{"resolve", "join:..", "parent"}},
		{dir + "/real", "pkg/main.py", []string{"parent", "join:..", "resolve"}},
		{"/", "main.py", []string{"parent", "parent", "join:etc"}},
		{dir + "/real", "pkg/main.py", []string{"join:/abs/x", "parent"}},
	}
	var want []string
	pyOracle(t, appPathScript, cases, &want)
	for i, c := range cases {
		if got := AppPath(c.Root, c.File, c.Ops...); got != Str(want[i]) {
			t.Errorf("case %d %v: AppPath = %q, pathlib %q", i, c, got, want[i])
		}
		// PathOps continues lexically from a base path.
		var rest []string
		for j, op := range c.Ops {
			if op == "resolve" {
				rest = c.Ops[j+1:]
			}
		}
		hasResolve := false
		for _, op := range c.Ops {
			hasResolve = hasResolve || op == "resolve"
		}
		if !hasResolve {
			continue
		}
		base := AppPath(c.Root, c.File, c.Ops[:len(c.Ops)-len(rest)]...)
		if got, err := PathOps(base, rest...); err != nil || got != Str(want[i]) {
			t.Errorf("case %d: PathOps = %v, %v; pathlib %q", i, got, err, want[i])
		}
	}
	if _, err := PathOps(Str("/a"), "resolve"); err == nil {
		t.Error("PathOps resolve: no error")
	}
}
