package translate

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser"
)

// nullModels are the models of the tests of unvalidated_model.go (m.py starts with them).
const nullModels = `from enum import Enum
from fastapi import FastAPI
from typing import List, Optional
from pydantic import BaseModel, Field


class Level(str, Enum):
    low = "low"
    high = "high"


class Note(BaseModel):
    id: int
    title: str
    done: bool = False
    level: Level = Level.low
    tags: List[str] = []


class NotePatch(BaseModel):
    title: Optional[str] = Field(default=None, min_length=1)
    done: Optional[bool] = None
    level: Optional[Level] = None
    tags: Optional[List[str]] = None


class Page(BaseModel):
    items: List[Note]


class Box(BaseModel):
    note: Optional[Note] = None


def get(i: int) -> Note:
    return Note(id=i, title="x")


app = FastAPI()


@app.post("/n", response_model=Page)
def route(p: NotePatch, b: Box):
    pass
`

// translateNulls translates f of m.py (nullModels then src), its parameters typed by their
// annotations, and returns the body's code, the diagnostics and the nullable fields of Note.
func translateNulls(t *testing.T, src string) (string, []ir.Diagnostic, []string) {
	t.Helper()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "m.py"), []byte(nullModels+src), 0o644)
	prog, err := load.Load(dir, load.Options{Parse: parser.ParseFile, App: "m:app"})
	if err != nil {
		t.Fatal(err)
	}
	prog.Import("m")
	app, err := lift.Lift(prog, lift.Options{})
	if err != nil {
		t.Fatal(err)
	}
	u := NewUnit(prog, Names{})
	var note *ir.Model
	for _, m := range app.Models {
		if m.Name == "Note" {
			note = m
		}
	}
	if note == nil {
		t.Fatal("Note not lifted")
	}
	for _, st := range prog.Modules["m"].File.Module.Body {
		if d := asDef(st); d != nil && d.name == "f" {
			vars := map[string]Var{}
			for _, p := range params(d) {
				vars[p.Arg] = Var{Go: jen.Id(GoName(p.Arg)), Type: annotationType(p.Annotation, app)}
			}
			code, diags := Func(st, &Scope{Vars: vars, App: app, Module: "m", Unit: u})
			return fmt.Sprintf("%#v", jen.Block(code...)), diags, u.NullableFields(app, note)
		}
	}
	t.Fatal("no f")
	return "", nil, nil
}

func TestUnvalidatedModel(t *testing.T) {
	const patch = "\ndef f(p: NotePatch):\n    cur = get(1)\n    changes = p.model_dump(exclude_unset=True)\n    new = cur.model_copy(update=changes)\n"
	tests := []struct {
		name, src string
		want      []string // substrings of the code
		refuse    string   // substring of the diagnostic ("" when it translates)
		nullable  string   // Note's fields that may hold None
	}{
		{"copy", patch + "    return new\n", []string{"pyval.ModelCopyNulls(cur, changes, NewNote)"}, "", "title,done,level,tags"},
		{"copy-direct-dump", "\ndef f(p: NotePatch):\n    return get(1).model_copy(update=p.model_dump())\n", nil,
			"model_copy(update=) of other than a dict display", ""},
		{"read-optional", patch + "    return new.title.lower(), new.level.value, new.tags, new.done\n",
			[]string{`pyval.GetAttr(new_, "title")`, `pyval.OptEnumAttr(`}, "", "title,done,level,tags"},
		{"display-copy-of-nullable", patch + "    return new.model_copy(update={'done': True})\n",
			[]string{"pyval.ModelCopyNulls(new_, pyval.DictOf("}, "", "title,done,level,tags"},
		{"page-keeps", patch + "    return Page(items=[new])\n", []string{"pyval.KeepNulls(pyval.DictOf("}, "", "title,done,level,tags"},
		{"box-refused", patch + "    return Box(note=new)\n", nil, "construction of Box (a value of type", "title,done,level,tags"},
		{"update-used-twice", patch + "    return changes\n", nil, "model_dump() of NotePatch here (it holds Enum members", ""},
		{"update-rebound-param", "\ndef f(p: NotePatch):\n    p = NotePatch()\n    changes = p.model_dump()\n    return get(1).model_copy(update=changes)\n", nil,
			"model_dump() of NotePatch here (it holds Enum members", ""},
		{"receiver-unknown", "\ndef f(p: NotePatch, cur):\n    changes = p.model_dump()\n    return cur.model_copy(update=changes)\n", nil,
			"model_dump() of NotePatch here (it holds Enum members", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, diags, nullable := translateNulls(t, tc.src)
			if got := strings.Join(nullable, ","); got != tc.nullable {
				t.Errorf("nullable fields %q, want %q", got, tc.nullable)
			}
			if tc.refuse != "" {
				if len(diags) == 0 || !strings.Contains(diags[0].Msg, tc.refuse) {
					t.Fatalf("diags %v, want %q", diags, tc.refuse)
				}
				return
			}
			if len(diags) > 0 {
				t.Fatalf("refused: %v", diags)
			}
			for _, w := range tc.want {
				if !strings.Contains(code, w) {
					t.Errorf("code lacks %q:\n%s", w, code)
				}
			}
		})
	}
}

func TestUnvalidatedModelMisfit(t *testing.T) {
	// the update model's field is not Optional of the target's type, or the target field is
	// constrained: refused (the scan still widens reads, which only refuses more)
	for _, tc := range []struct{ patch, want string }{
		{"class P(BaseModel):\n    done: Optional[int] = None\n", "field done of type"},
		{"class P(BaseModel):\n    other: Optional[str] = None\n", "field other is not a field of Note"},
	} {
		src := "\n" + tc.patch + "\n@app.post('/p')\ndef route2(p: P):\n    pass\n\ndef f(p: P):\n    cur = get(1)\n    changes = p.model_dump(exclude_unset=True)\n    return cur.model_copy(update=changes)\n"
		_, diags, _ := translateNulls(t, src)
		if len(diags) == 0 || !strings.Contains(diags[0].Msg, tc.want) {
			t.Errorf("%s: diags %v, want %q", tc.patch, diags, tc.want)
		}
	}
}
