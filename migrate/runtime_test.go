package migrate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	rtsrc "github.com/covetpy/covetgen/runtime"
)

// TestDepsSumMatchesGoSum keeps runtime/deps.sum a copy of covetgen's go.sum lines for the
// modules the runtime imports.
func TestDepsSumMatchesGoSum(t *testing.T) {
	goSum, err := os.ReadFile(filepath.Join("..", "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, l := range strings.Split(string(goSum), "\n") {
		have[strings.TrimSpace(l)] = true
	}
	for _, l := range strings.Split(strings.TrimSpace(string(rtsrc.DepsSum())), "\n") {
		if !have[strings.TrimSpace(l)] {
			t.Errorf("runtime/deps.sum line not in go.sum: %q", l)
		}
	}
	goMod, err := os.ReadFile(filepath.Join("..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := collectRuntime(allRuntimePackages(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range rc.Modules {
		if !strings.Contains(string(goMod), m.Path+" "+m.Version) {
			t.Errorf("runtime module %s %s is not the version go.mod requires", m.Path, m.Version)
		}
	}
}

// allRuntimePackages lists the runtime packages generated code may import.
func allRuntimePackages(t *testing.T) []string {
	var out []string
	for _, p := range []string{"router", "request", "response", "validate", "pyjson", "server", "docs",
		"static", "security", "middleware", "bridge", "pycall/websocket"} {
		out = append(out, covetModule+"/runtime/"+p)
	}
	return out
}

func TestCollectRuntime(t *testing.T) {
	tests := []struct {
		imports []string
		want    []string // files that must be there
		absent  []string // files that must not
		wantErr bool
	}{
		{imports: []string{covetModule + "/runtime/router"},
			want:   []string{"router/router.go", "request/request.go", "response/response.go", "pyjson/decode.go"},
			absent: []string{"router/router_test.go", "static/staticfiles.go"}},
		{imports: []string{covetModule + "/runtime/bridge"}, // with the Python scripts it embeds
			want:   []string{"bridge/pool.go", "bridge/worker.py", "bridge/covetgen_compat.py", "pyval/doc.go"},
			absent: []string{"bridge/bridge_test.go"}},
		{imports: []string{covetModule + "/runtime/nope"}, wantErr: true},
		{imports: []string{"github.com/other/x"}, wantErr: true},
	}
	for _, tt := range tests {
		rc, err := collectRuntime(tt.imports)
		if (err != nil) != tt.wantErr {
			t.Fatalf("collectRuntime(%v): err = %v", tt.imports, err)
		}
		if err != nil {
			continue
		}
		for _, f := range tt.want {
			if rc.Files[f] == nil {
				t.Errorf("collectRuntime(%v): %s missing", tt.imports, f)
			}
		}
		for _, f := range tt.absent {
			if rc.Files[f] != nil {
				t.Errorf("collectRuntime(%v): %s copied", tt.imports, f)
			}
		}
		for f := range rc.Files {
			if strings.Contains(f, "testdata") || strings.HasSuffix(f, "_test.go") {
				t.Errorf("collectRuntime(%v): copied %s", tt.imports, f)
			}
		}
	}
}

func TestModuleName(t *testing.T) {
	for _, tt := range []struct{ out, want string }{
		{"/tmp/hello-go", "hello-go"},
		{"out", "out"},
		{"/tmp/my app!", "myapp"},
		{"/tmp/...", "service"},
	} {
		if got := moduleName(tt.out); got != tt.want {
			t.Errorf("moduleName(%q) = %q, want %q", tt.out, got, tt.want)
		}
	}
}
