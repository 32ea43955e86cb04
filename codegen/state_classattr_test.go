package codegen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser"
)

// TestPlanStateClassAttrs checks that the class attributes of a repository class live in
// Go when every function that may reach them is served natively, and in Python (pinning
// the bridge) as soon as one route running them is bridged.
func TestPlanStateClassAttrs(t *testing.T) {
	const app = `from typing import Annotated
from fastapi import Depends, FastAPI

class Repo:
    _rows: dict = {}
    _next = 1

    def add(self, name: str):
        cls = type(self)
        row = {"id": cls._next, "name": name}
        cls._rows[row["id"]] = row
        cls._next += 1
        return row

    def get(self, rid: int):
        return self._rows.get(rid)

def get_repo():
    repo = Repo()
    yield repo

RepoDep = Annotated[Repo, Depends(get_repo)]
app = FastAPI()

@app.post("/rows")
def add(name: str, repo: RepoDep):
    return repo.add(name)

@app.get("/rows/{rid}")
def get(rid: int, repo: RepoDep):
    return repo.get(rid)
`
	for _, tt := range []struct {
		name, extra, goOwned string
		pins                 bool
	}{
		{"all native", "", "main.Repo._next,main.Repo._rows", false},
		{"one bridged", "\n@app.get(\"/n\")\ndef n(repo: RepoDep):\n    with open(\"x\") as fh:\n        return repo.get(1)\n", "", true},
	} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "main.py"), []byte(app+tt.extra), 0o644)
		prog, err := load.Load(dir, load.Options{Parse: parser.ParseFile, App: "main:app"})
		if err != nil {
			t.Fatal(err)
		}
		a, err := lift.Lift(prog, lift.Options{})
		if err != nil {
			t.Fatal(err)
		}
		p := planState(Input{App: a, Prog: prog, Command: "svc"})
		if got := strings.Join(p.goOwned, ","); got != tt.goOwned || p.pins != tt.pins {
			t.Errorf("%s: %v, want go=%s pins=%v", tt.name, p, tt.goOwned, tt.pins)
		}
	}
}
