package codegen

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/codegen/translate"
	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser"
)

// loadCorpusApp loads an app of testdata/fastapi_apps.
func loadCorpusApp(t *testing.T, name string) Input {
	t.Helper()
	dir := filepath.Join("..", "testdata", "fastapi_apps", name)
	var meta struct{ App string }
	if b, err := os.ReadFile(filepath.Join(dir, "meta.json")); err == nil {
		json.Unmarshal(b, &meta)
	}
	if meta.App == "" {
		meta.App = "main:app"
	}
	prog, err := load.Load(dir, load.Options{Parse: parser.ParseFile, App: meta.App})
	if err != nil {
		t.Fatal(err)
	}
	app, err := lift.Lift(prog, lift.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return Input{App: app, Prog: prog, Command: "svc"}
}

// TestPlanState checks where the module state of corpus apps lives: in Go when every
// function touching it translates (errors: STOCK; dependencies: CALLS), else in Python,
// pinning the bridge when it is data (nested_models_shop; routers_pkg's ITEMS_DB, built by
// model calls, pins as before, through the refusals).
func TestPlanState(t *testing.T) {
	for _, tt := range []struct {
		app, goOwned string
		pins         bool
	}{
		{"errors", "main.STOCK", false},
		{"crud_memory", "main.TODOS,main._next_id", false}, // patch_todo's model_copy (unvalidated_model.go)
		// record_click runs as a native background task; EPOCH (a timezone.utc datetime) is built at init
		{"bridge_special", "main.CLICKS,main.EPOCH,main.LINKS", false},
		{"dependencies", "main.CALLS,main.EVENTS", false}, // get_session is a native yield dependency
		{"routers_pkg", "shop.db.ITEMS_DB", false},
		{"openapi_meta", "main.INVOICES", false},
		{"nested_models_shop", "", true},
		{"exception_handlers", "main.STOCK", false}, // OutOfStock is raised and handled in Go
		{"background_tasks", "main.LOG,main.OUTBOX", false},
		{"streaming", "", false},
		{"security_oauth2", "main.FAKE_USERS", false}, // current_user typed by get_current_user's returns (deptype.go)
		{"sql_like_repo", "", true},                   // class attributes of HeroRepository (classattr.go), kept in Python
	} {
		in := loadCorpusApp(t, tt.app)
		for _, v := range translate.NewUnit(in.Prog, translate.Names{}).StateVars(in.App) {
			t.Logf("%s: %s why=%q touchers=%v", tt.app, v.Key, v.Why, v.Touchers)
		}
		p := planState(in)
		if got := strings.Join(p.goOwned, ","); got != tt.goOwned || p.pins != tt.pins {
			t.Errorf("%s: %v, want go=%s pins=%v", tt.app, p, tt.goOwned, tt.pins)
		}
	}
}

// TestPlanStateKept checks the reason recorded for module state kept in Python: the first
// refusal of a function touching it (coverage shows it on the routes refused for using it).
// The app is crud_memory with patch_todo's update no longer the model_dump() the
// translator types (unvalidated_model.go): that dump is then refused.
func TestPlanStateKept(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "testdata", "fastapi_apps", "crud_memory", "main.py"))
	if err != nil {
		t.Fatal(err)
	}
	const from, to = "current.model_copy(update=changes)", "current.model_copy(update=dict(changes))"
	if !strings.Contains(string(src), from) {
		t.Fatalf("crud_memory no longer calls %s", from)
	}
	for _, tt := range []struct{ key, want string }{
		{"main.TODOS", "main.py:113:15: cannot translate model_dump() of TodoUpdate here (it holds Enum members: only spread with ** into a model construction)"},
		{"main._next_id", "main.py:60:5: cannot translate mutation of TODOS (not owned by the function)"},
	} {
		in := loadSource(t, strings.Replace(string(src), from, to, 1))
		p := planState(in)
		if got := p.kept[tt.key]; got != tt.want {
			t.Errorf("kept[%s] = %q, want %q", tt.key, got, tt.want)
		}
	}
}
