package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

const corpus = "../../testdata/fastapi_apps"

// runCLI runs `covetgen openapi ARGS...` and returns its exit status, stdout and stderr.
func runCLI(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(append([]string{"openapi"}, args...), &out, &errOut)
	return code, out.String(), errOut.String()
}

// writeTree writes files under a temporary root.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, src := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// TestOpenAPICorpus runs the command on corpus apps: stdout must equal the document FastAPI
// served, byte for byte, and stderr only name the app found.
func TestOpenAPICorpus(t *testing.T) {
	tests := []struct {
		app    string
		args   []string
		stderr string
	}{
		{"openapi_meta", nil, `covetgen: using app "main:app" (main.py:35:1)` + "\n"},
		{"routers_pkg", nil, `covetgen: using app "shop.main:app" (shop/main.py:10:1)` + "\n"},
		{"mounts_static", nil, `covetgen: using app "main:app" (main.py:10:1)` + "\n"},
		{"settings_env", []string{"--app", "main:app", "--env", "APP_NAME=covet-demo", "--env", "ITEMS_PER_USER=7"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.app, func(t *testing.T) {
			dir := filepath.Join(corpus, tt.app)
			want, err := os.ReadFile(filepath.Join(dir, "golden", "openapi.json"))
			if err != nil {
				t.Fatal(err)
			}
			code, out, errOut := runCLI(append([]string{dir}, tt.args...)...)
			if code != 0 || errOut != tt.stderr {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 0, stderr:\n%s", code, errOut, tt.stderr)
			}
			if out != string(want) {
				t.Errorf("stdout differs from golden/openapi.json (%d bytes, want %d)", len(out), len(want))
			}
		})
	}
}

// corpusDiagnostics are the diagnostics corpus apps are expected to give (constructs whose
// document is exact but whose calls need the bridge).
var corpusDiagnostics = map[string]string{}

// TestOpenAPIWholeCorpus checks every corpus app the same way, with meta.json's app found
// without --app.
func TestOpenAPIWholeCorpus(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join(corpus, "*", "meta.json"))
	if len(dirs) == 0 {
		t.Skip("no corpus")
	}
	for _, m := range dirs {
		dir := filepath.Dir(m)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			var meta struct {
				App string            `json:"app"`
				Env map[string]string `json:"env"`
			}
			raw, err := os.ReadFile(m)
			if err != nil || json.Unmarshal(raw, &meta) != nil {
				t.Fatalf("meta.json: %v", err)
			}
			args := []string{dir}
			var keys []string
			for k := range meta.Env {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				args = append(args, "--env", k+"="+meta.Env[k])
			}
			want, err := os.ReadFile(filepath.Join(dir, "golden", "openapi.json"))
			if err != nil {
				t.Skip("no golden")
			}
			code, out, errOut := runCLI(args...)
			first, rest, _ := strings.Cut(errOut, "\n")
			if code != 0 || !strings.HasPrefix(first, `covetgen: using app "`+meta.App+`" (`) ||
				rest != corpusDiagnostics[filepath.Base(dir)] {
				t.Errorf("exit %d, stderr:\n%s", code, errOut)
			}
			if out != string(want) {
				t.Errorf("stdout differs from golden/openapi.json")
			}
		})
	}
}

// TestOpenAPIErrors covers what keeps the command from producing a document.
func TestOpenAPIErrors(t *testing.T) {
	tests := []struct {
		name   string
		files  map[string]string
		args   []string
		code   int
		stderr string
	}{
		{
			name: "the app found is named",
			files: map[string]string{
				"main.py":  "from fastapi import FastAPI\n\nimport admin\n\n# the service\n\n\napp = FastAPI()\napp.mount('/admin', admin.panel)\n",
				"admin.py": "from fastapi import FastAPI\npanel = FastAPI()\n",
			},
			stderr: `covetgen: using app "main:app" (main.py:8:1)` + "\n",
		},
		{
			name: "several instances",
			files: map[string]string{
				"main.py":      "from fastapi import FastAPI\napp = FastAPI()\n",
				"admin/api.py": "import fastapi\n\nadmin_app = fastapi.FastAPI(title='Admin')\n",
			},
			code: 1,
			stderr: "covetgen openapi: load: 2 FastAPI() instances under ROOT; choose one with --app module:attr:\n" +
				"  admin.api:admin_app (admin/api.py:3:1)\n  main:app (main.py:2:1)\n",
		},
		{
			name: "several instances, one chosen",
			files: map[string]string{
				"main.py":      "from fastapi import FastAPI\napp = FastAPI()\n",
				"admin/api.py": "import fastapi\n\nadmin_app = fastapi.FastAPI(title='Admin')\n",
			},
			args: []string{"--app", "admin.api:admin_app"},
		},
		{
			name:   "syntax error in the app module",
			files:  map[string]string{"main.py": "from fastapi import FastAPI\napp = FastAPI()\n@app.get('/')\ndef root(:\n    return 1\n"},
			code:   1,
			stderr: "main.py:4:10: SyntaxError: invalid syntax\n",
		},
		{
			name: "syntax error in an imported module",
			files: map[string]string{
				"main.py":          "from fastapi import FastAPI\nfrom shop.models import Item\napp = FastAPI()\n",
				"shop/__init__.py": "",
				"shop/models.py":   "class Item:\n    x: int = \n",
			},
			code:   1,
			stderr: "shop/models.py:2:14: SyntaxError: invalid syntax\n",
		},
		{
			name:   "no app",
			files:  map[string]string{"main.py": "print('hello')\n"},
			code:   1,
			stderr: "covetgen openapi: load: no module-level FastAPI() instance under ROOT: no FastAPI app found\n",
		},
		{
			name:   "not an app",
			files:  map[string]string{"main.py": "app = 3\n"},
			args:   []string{"--app", "main:app"},
			code:   1,
			stderr: "covetgen openapi: lift: main:app is not a FastAPI() instance: FastAPI app not found\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := writeTree(t, tt.files)
			code, out, errOut := runCLI(append([]string{root}, tt.args...)...)
			errOut = strings.ReplaceAll(errOut, root, "ROOT")
			if code != tt.code || errOut != tt.stderr {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", code, errOut, tt.code, tt.stderr)
			}
			if (tt.code == 0) != strings.HasPrefix(out, "{\n  \"openapi\": \"3.1.0\"") {
				t.Errorf("stdout: %.80q", out)
			}
		})
	}
}

// TestOpenAPIOutputFile checks -o: the document goes to the file, nothing to stdout.
func TestOpenAPIOutputFile(t *testing.T) {
	root := writeTree(t, map[string]string{"main.py": "from fastapi import FastAPI\napp = FastAPI(title='T')\n"})
	dst := filepath.Join(t.TempDir(), "doc.json")
	code, out, _ := runCLI(root, "-o", dst, "--app", "main:app")
	got, err := os.ReadFile(dst)
	if code != 0 || out != "" || err != nil || !bytes.Contains(got, []byte(`"title": "T"`)) {
		t.Errorf("exit %d, stdout %q, file %q (%v)", code, out, got, err)
	}
}
