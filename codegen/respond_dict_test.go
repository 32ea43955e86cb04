package codegen_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/migrate"
)

// dictModels are the models of the dict-conversion test app (pydantic only: python3
// without FastAPI computes the expectations).
const dictModels = `from typing import Optional

from pydantic import BaseModel, ConfigDict, Field


class Tag(BaseModel):
    label: str = Field(min_length=1)
    weight: float = 1.0


class Row(BaseModel):
    id: int
    name: str
    price: float
    tags: list[str] = []
    flag: bool = False
    note: Optional[str] = None
    main: Tag
    more: list[Tag] = []
    scores: list[int] = []


class Checked(BaseModel):
    id: int = Field(ge=10)
    name: str = Field(max_length=5)
    price: float = Field(gt=0)
    note: Optional[str] = Field(default="dflt", max_length=3)


class Forbid(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: int
    name: str = "n"


class Aliased(BaseModel):
    ident: int = Field(alias="id")
`

// dictMain returns its JSON body, a dict, for each response model.
const dictMain = `from fastapi import Body, FastAPI

from models import Aliased, Checked, Forbid, Row

app = FastAPI()


@app.post("/row", response_model=Row)
def row(x: dict = Body()):
    return x


@app.post("/rows", response_model=list[Row])
def rows(x: list = Body()):
    return x


@app.post("/checked", response_model=Checked)
def checked(x: dict = Body()):
    return x


@app.post("/forbid", response_model=Forbid)
def forbid(x: dict = Body()):
    return x


@app.post("/aliased", response_model=Aliased)
def aliased(x: dict = Body()):
    return x
`

// dictExpect validates each body (json.loads: the dict a handler would return) as each
// model in python mode, as FastAPI validates a response, and dumps it by alias.
const dictExpect = `import json, sys
sys.path.insert(0, sys.argv[1])
import models
from pydantic import TypeAdapter, ValidationError

out = []
for body in json.load(sys.stdin):
    row = {}
    for name in sys.argv[2:]:
        ta = TypeAdapter(getattr(models, name))
        try:
            v = ta.validate_python(json.loads(body))
        except ValidationError:
            row[name] = {"ok": False}
            continue
        row[name] = {"ok": True, "dump": ta.dump_json(v, by_alias=True).decode(),
                     "unset": ta.dump_json(v, by_alias=True, exclude_unset=True).decode()}
    out.append(row)
json.dump(out, sys.stdout)
`

// dictBodies: exact types, defaults, an int for a float, nested dicts and lists of them,
// None, non-ASCII text, big ints; and values that do not convert as they are (a bool for
// an int, a float for an int, a str for a float, missing required keys, extra keys,
// violated constraints), where the conversion must leave the decision to the generic path.
var dictBodies = []string{
	`{"id": 12, "name": "abc", "price": 2.5, "main": {"label": "a"}}`,
	`{"id": 3, "name": "abcdefg", "price": -1, "tags": ["x", "y"], "flag": true, "note": "long note", "main": {"label": "a", "weight": 2}, "more": [{"label": "b"}], "scores": [1, 2]}`,
	`{"id": 10, "name": "", "price": 0, "note": null, "main": {"label": "q"}}`,
	`{"id": 100000000000000000000, "name": "\u00fcn\u00ef", "price": 1e300, "note": "ok", "main": {"label": "a"}, "more": []}`,
	`{"id": 11, "name": "abcde", "price": 0.1, "note": "abc", "main": {"label": "a"}}`,
	`{"id": -5, "name": "x", "price": 9007199254740993, "main": {"label": "\ud83d\ude00", "weight": -0.0}, "more": [{"label": "c", "weight": 1e-7}, {"label": "d"}]}`,
	`{"id": true, "name": "x", "price": 1.5, "main": {"label": "a"}}`,
	`{"id": 1.0, "name": "x", "price": "1.5", "main": {"label": "a"}}`,
	`{"id": 12, "name": "abc", "price": 2.5, "main": {"label": ""}}`,
	`{"id": 12, "name": "abc", "price": 2.5, "main": {"label": "a"}, "other": 1}`,
	`{"name": "abc", "price": 2.5, "main": {"label": "a"}}`,
	`{"id": 12, "name": "abc", "price": 2.5, "main": {"label": "a"}, "tags": ["a", 1], "scores": [true]}`,
	`{"id": 12, "name": "abc", "price": 2.5, "main": null}`,
	`{"id": 12}`,
	`{"id": 12, "name": "a"}`,
	`{"id": 12, "name": "a", "ident": 3}`,
	`{"id": 11, "name": "abcde", "price": 0.1, "note": "abc"}`,
	`{"id": 10, "name": "", "price": 3, "note": null}`,
	`{"id": 9, "name": "abcdef", "price": 0, "note": "abcd"}`,
	`{"id": 10, "name": "ab", "price": 1, "note": "abcd"}`,
	`{"label": "a"}`,
	`{"label": "\u00e9", "weight": 2}`,
	`{"label": "a", "weight": true}`,
	`[1]`,
	`null`,
}

// dictTargets are the response models, and whether dictTo<Model> must exist.
var dictTargets = []struct {
	name string
	conv bool
}{
	{"Row", true},
	{"Checked", true},
	{"Forbid", true},
	{"Tag", true},
	{"Aliased", true},
}

// dictModuleTest runs inside the generated module: for each body and model, the dict
// conversion against pydantic (success, body with and without exclude_unset) and against
// the generic path (ValidationInput + the decoder).
const dictModuleTest = `package main

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/validate"
)

type target struct {
	fast, slow func(v pyval.Value) (ok bool, dump, unset string)
}

func enc(m interface{ Encode(*validate.Encoder) }) (string, string) {
	var out [2]string
	for i, unset := range []bool{false, true} {
		e := &validate.Encoder{}
		e.Reset(validate.ModePydantic, validate.DumpOptions{ByAlias: true, ExcludeUnset: unset})
		m.Encode(e)
		out[i] = string(e.Buf)
	}
	return out[0], out[1]
}

func mk[T any, P interface {
	*T
	Encode(*validate.Encoder)
}](as func(pyval.Value, P) bool, decode func(*validate.State, pyjson.Value, P) bool) target {
	return target{
		fast: func(v pyval.Value) (bool, string, string) {
			var m T
			if !as(v, &m) {
				return false, "", ""
			}
			d, u := enc(P(&m))
			return true, d, u
		},
		slow: func(v pyval.Value) (bool, string, string) {
			in, err := pyval.ValidationInput(v)
			if err != nil {
				return false, "", ""
			}
			var m T
			if !decode(validate.NewState(), in, &m) {
				return false, "", ""
			}
			d, u := enc(P(&m))
			return true, d, u
		},
	}
}

func TestDicts(t *testing.T) {
	targets := map[string]target{
TARGETS
	}
	var bodies []string
	var want []map[string]struct {
		Ok          bool
		Dump, Unset string
	}
	for name, v := range map[string]any{"bodies.json": &bodies, "expect.json": &want} {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatal(err)
		}
	}
	fastOK := map[string]int{}
	for i, body := range bodies {
		doc, err := pyjson.Parse([]byte(body))
		if err != nil {
			t.Fatal(err)
		}
		v := pyval.FromJSON(doc.Root())
		for name, tg := range targets {
			ok, d, u := tg.fast(v)
			if !ok {
				continue // the generic path decides: the e2e goldens' business
			}
			fastOK[name]++
			sok, sd, su := tg.slow(v)
			if !sok || d != sd || u != su {
				t.Errorf("body %d, %s: fast (%s, %s) != generic (%v, %s, %s)", i, name, d, u, sok, sd, su)
			}
			if w := want[i][name]; !w.Ok || d != w.Dump || u != w.Unset {
				t.Errorf("body %d, %s: fast (%s, exclude_unset %s), pydantic %+v", i, name, d, u, w)
			}
		}
	}
	for name := range targets {
		if fastOK[name] == 0 {
			t.Errorf("%s: the conversion never applied", name)
		}
	}
}
`

// TestResponseFromDict migrates an app whose endpoints return dicts for response models,
// and checks the generated dict conversions: that they exist where expected, that the
// handlers and constructors try them, and that where they apply they give the generic
// path's model and pydantic's response body (with and without exclude_unset).
func TestResponseFromDict(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Fatal("python3 with pydantic 2 is needed")
	}
	dir := t.TempDir()
	app, out := filepath.Join(dir, "app"), filepath.Join(dir, "svc")
	if err := os.MkdirAll(app, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string]string{"models.py": dictModels, "main.py": dictMain} {
		if err := os.WriteFile(filepath.Join(app, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := migrate.Run(migrate.Options{Root: app, App: "main:app", Out: out}); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	models, err := os.ReadFile(filepath.Join(out, "models.go"))
	if err != nil {
		t.Fatal(err)
	}
	var names, entries []string
	for _, tg := range dictTargets {
		conv := "func dictTo" + tg.name + "("
		if got := strings.Contains(string(models), conv); got != tg.conv {
			t.Errorf("models.go has %s: %v, want %v", conv, got, tg.conv)
		}
		if !tg.conv {
			continue
		}
		if !strings.Contains(string(models), "if o := new("+tg.name+"); dictTo"+tg.name+"(kw, o) {") {
			t.Errorf("New%s does not try the conversion", tg.name)
		}
		names = append(names, tg.name)
		entries = append(entries, "\t\t\""+tg.name+"\": mk(dictTo"+tg.name+", decode"+tg.name+"),")
	}
	bodies, _ := json.Marshal(dictBodies)
	py := exec.Command("python3", append([]string{"-c", dictExpect, app}, names...)...)
	py.Stdin = strings.NewReader(string(bodies))
	expect, err := py.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	test := strings.Replace(dictModuleTest, "TARGETS", strings.Join(entries, "\n"), 1)
	for name, b := range map[string][]byte{"dicts_test.go": []byte(test), "bodies.json": bodies, "expect.json": expect} {
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "test", "-count=1", "-run", "TestDicts", ".")
	cmd.Dir = out
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=readonly", "GOWORK=off")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go test in the generated module: %v\n%s", err, b)
	}
}
