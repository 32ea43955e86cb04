package load

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/covetpy/covetgen/parser"
	"github.com/covetpy/covetgen/parser/ast"
)

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

func TestIsFramework(t *testing.T) {
	tests := []struct {
		mod  string
		want bool
	}{
		{"fastapi", true}, {"fastapi.security.oauth2", true}, {"pydantic", true}, {"typing", true},
		{"collections.abc", true}, {"os", true}, {"__future__", true}, {"shop", false}, {"sqlalchemy", false},
	}
	for _, tt := range tests {
		if got := IsFramework(tt.mod); got != tt.want {
			t.Errorf("IsFramework(%q) = %v, want %v", tt.mod, got, tt.want)
		}
	}
}

func TestLoadReachable(t *testing.T) {
	root := writeTree(t, map[string]string{
		"shop/__init__.py":         "",
		"shop/main.py":             "from .routers import items\nimport shop.db as db\nfrom fastapi import FastAPI\napp = FastAPI()\n",
		"shop/routers/__init__.py": "",
		"shop/routers/items.py":    "from ..models import Item\n",
		"shop/models.py":           "import typing\n",
		"shop/db.py":               "",
		"shop/unused.py":           "import nothing\n",
		"fastapi/__init__.py":      "raise SystemExit\n",
	})
	p, err := Load(root, Options{Parse: parser.ParseFile, App: "shop.main:app"})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{"shop", "shop.main", "shop.routers", "shop.routers.items", "shop.models", "shop.db"} {
		if p.Modules[m] == nil {
			t.Errorf("module %s not read", m)
		}
	}
	for _, m := range []string{"shop.unused", "fastapi"} {
		if p.Modules[m] != nil {
			t.Errorf("module %s should not be read", m)
		}
	}
}

func TestResolveFrom(t *testing.T) {
	str := func(s string) *string { return &s }
	tests := []struct {
		mod   string
		pkg   bool
		level int
		from  *string
		want  string
		ok    bool
	}{
		{"a.b.c", false, 1, nil, "a.b", true},
		{"a.b.c", false, 2, str("x"), "a.x", true},
		{"a.b", true, 1, str("c"), "a.b.c", true},
		{"a", false, 2, nil, "", false},
		{"m", false, 0, str("fastapi"), "fastapi", true},
	}
	p := &Program{}
	for _, tt := range tests {
		got, ok := p.ResolveFrom(&Module{Name: tt.mod, IsPackage: tt.pkg}, &ast.ImportFrom{Module: tt.from, Level: tt.level})
		if got != tt.want || ok != tt.ok {
			t.Errorf("ResolveFrom(%s, level %d) = %q, %v; want %q, %v", tt.mod, tt.level, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFindApp(t *testing.T) {
	root := writeTree(t, map[string]string{
		"sub.py":      "from fastapi import FastAPI\nsubapi = FastAPI()\n",
		"main.py":     "from fastapi import FastAPI\nfrom sub import subapi\napi = FastAPI()\napi.mount('/s', subapi)\n",
		"tools/x.py":  "import fastapi\napp = fastapi.FastAPI()\n",
		".venv/a.py":  "from fastapi import FastAPI\napp = FastAPI()\n",
		"broken.py":   "def (:\n",
		"notes/n.txt": "FastAPI(",
	})
	p, err := Load(root, Options{Parse: parser.ParseFile})
	if err != nil {
		t.Fatal(err)
	}
	// "app" beats "api", and sub-apps mounted elsewhere lose... but tools.x's app is
	// called "app": the name wins over the module.
	if p.AppModule != "tools.x" || p.AppAttr != "app" {
		t.Errorf("found %s:%s", p.AppModule, p.AppAttr)
	}
	if _, err := Load(writeTree(t, map[string]string{"a.py": "x = 1\n"}), Options{Parse: parser.ParseFile}); err == nil {
		t.Error("want ErrNoApp")
	}
}

func TestParseErrorIsDiagnostic(t *testing.T) {
	root := writeTree(t, map[string]string{"main.py": "import helper\n", "helper.py": "def (:\n"})
	p, err := Load(root, Options{Parse: parser.ParseFile, App: "main:app"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Diags) != 1 || p.Diags[0].Pos.File != "helper.py" || p.Diags[0].Pos.Line != 1 {
		t.Errorf("diags = %v", p.Diags)
	}
}
