package load

import (
	"os"
	"path/filepath"
	"strings"
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
	tests := []struct {
		name  string
		files map[string]string
		root  string // a file under the root, or "" for the root itself
		want  string // module:attr and position, or the error's text
	}{
		{
			name: "sub-apps mounted elsewhere are not the app",
			files: map[string]string{
				"sub.py":      "from fastapi import FastAPI\nsubapi = FastAPI()\n",
				"other.py":    "import fastapi\nextra = fastapi.FastAPI()\n",
				"main.py":     "from fastapi import FastAPI\nfrom sub import subapi\nimport other\napi = FastAPI()\napi.mount('/s', subapi)\napi.mount('/o', app=other.extra)\n",
				".venv/a.py":  "from fastapi import FastAPI\napp = FastAPI()\n",
				"notes/n.txt": "FastAPI(",
			},
			want: "main:api main.py:4:1",
		},
		{
			name: "package app",
			files: map[string]string{
				"svc/__init__.py": "",
				"svc/main.py":     "from fastapi import FastAPI\nfrom .v1 import api as v1\n\napp: FastAPI = FastAPI()\napp.mount('/v1', v1.app)\n",
				"svc/v1/api.py":   "from fastapi import FastAPI\napp = FastAPI()\n",
			},
			want: "svc.main:app svc/main.py:4:1",
		},
		{
			name: "several instances",
			files: map[string]string{
				"main.py":  "from fastapi import FastAPI\n\napp = FastAPI()\n",
				"admin.py": "from fastapi import FastAPI\nadmin = FastAPI()\n",
			},
			want: "load: 2 FastAPI() instances under ROOT; choose one with --app module:attr:\n  admin:admin (admin.py:2:1)\n  main:app (main.py:3:1)",
		},
		{
			name:  "a single file with two instances",
			files: map[string]string{"one.py": "from fastapi import FastAPI\na = FastAPI()\nb = FastAPI()\n", "main.py": "from fastapi import FastAPI\napp = FastAPI()\n"},
			root:  "one.py",
			want:  "load: 2 FastAPI() instances under ROOT; choose one with --app module:attr:\n  one:a (one.py:2:1)\n  one:b (one.py:3:1)",
		},
		{
			name:  "factory",
			files: map[string]string{"main.py": "from factory import create_app\napp = create_app()\n", "factory.py": "def create_app(): ...\n"},
			want:  "main:app main.py:2:1",
		},
		{
			name:  "syntax error",
			files: map[string]string{"main.py": "from fastapi import FastAPI\napp = FastAPI(\n"},
			want:  "main.py:2:14: SyntaxError: '(' was never closed",
		},
		{
			name:  "nothing",
			files: map[string]string{"a.py": "x = 1\n"},
			want:  "load: no module-level FastAPI() instance under ROOT: no FastAPI app found",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := writeTree(t, tt.files)
			p, err := Load(filepath.Join(root, tt.root), Options{Parse: parser.ParseFile})
			var got string
			if err != nil {
				got = strings.ReplaceAll(err.Error(), root, "ROOT")
			} else {
				got = p.AppModule + ":" + p.AppAttr + " " + p.Found.Pos.String()
			}
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
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
