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

// attrsModels are the models of the from_attributes test app (pydantic only, so that
// python3 without FastAPI computes the expectations from them).
const attrsModels = `from typing import Optional

from pydantic import BaseModel, ConfigDict, Field


class Tag(BaseModel):
    label: str = Field(min_length=1)
    weight: float = 1.0


class Src(BaseModel):
    id: int
    name: str
    price: float
    tags: list[str] = []
    flag: bool = False
    note: Optional[str] = None
    main_tag: Tag
    more: list[Tag] = []
    secret: str = "s"


class SrcPlus(Src):
    level: int = 1


class Out(BaseModel):
    id: int
    name: str
    price: float
    tags: list[str]
    main_tag: Tag
    more: list[Tag]


class Checked(BaseModel):
    id: int = Field(ge=10)
    name: str = Field(max_length=5)
    price: float = Field(gt=0)
    note: Optional[str] = Field(default="dflt", max_length=3)


class Defaults(BaseModel):
    id: int
    extra: int = 7
    name: str = "dflt"
    score: Optional[float] = 1.5


class Opt(BaseModel):
    name: Optional[str] = None
    flag: Optional[bool] = True
    main_tag: Optional[Tag] = None


class Aliased(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    ident: int = Field(alias="id")
    nm: str = Field(default="d", alias="nameX")
    name: str = Field(default="n", alias="other")


class Wrapped(BaseModel):
    note: str


class Forbid(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: int
    name: str
`

// attrsMain routes every target model as the response model of an endpoint returning
// the Src body, alone and in a list.
const attrsMain = `from fastapi import FastAPI

from models import Aliased, Checked, Defaults, Forbid, Opt, Out, Src, SrcPlus, Wrapped

app = FastAPI()


@app.post("/out", response_model=Out)
def out(x: Src):
    return x


@app.post("/outs", response_model=list[Out])
def outs(x: list[Src]):
    return x


@app.post("/checked", response_model=Checked)
def checked(x: Src):
    return x


@app.post("/checkeds", response_model=list[Checked])
def checkeds(x: list[Src]):
    return x


@app.post("/defaults", response_model=Defaults)
def defaults(x: Src):
    return x


@app.post("/opt", response_model=Opt)
def opt(x: Src):
    return x


@app.post("/aliased", response_model=Aliased)
def aliased(x: Src):
    return x


@app.post("/wrapped", response_model=Wrapped)
def wrapped(x: Src):
    return x


@app.post("/forbid", response_model=Forbid)
def forbid(x: Src):
    return x


@app.post("/src", response_model=Src)
def src(x: SrcPlus):
    return x


@app.post("/srcs", response_model=list[Src])
def srcs(x: list[SrcPlus]):
    return x
`

// attrsExpect computes pydantic's answers: for each body (validated as the source model,
// as FastAPI validates a JSON body) and target model (argv: target=source), whether
// validate_python(from_attributes=True) succeeds and the response body FastAPI writes
// (dump_json by alias), with and without exclude_unset.
const attrsExpect = `import json, sys
sys.path.insert(0, sys.argv[1])
import models
from pydantic import TypeAdapter, ValidationError

out = []
for body in json.load(sys.stdin):
    row = {}
    for arg in sys.argv[2:]:
        name, source = arg.split("=")
        src = getattr(models, source).model_validate(json.loads(body))
        ta = TypeAdapter(getattr(models, name))
        try:
            v = ta.validate_python(src, from_attributes=True)
        except ValidationError:
            row[name] = {"ok": False}
            continue
        row[name] = {"ok": True, "dump": ta.dump_json(v, by_alias=True).decode(),
                     "unset": ta.dump_json(v, by_alias=True, exclude_unset=True).decode()}
    out.append(row)
json.dump(out, sys.stdout)
`

// attrsBodies are Src (and SrcPlus) bodies: defaults and values set, constraints of Checked met and
// violated, None and values for the optional note, big ints, non-ASCII text.
var attrsBodies = []string{
	`{"id": 12, "name": "abc", "price": 2.5, "main_tag": {"label": "a"}}`,
	`{"id": 3, "name": "abcdefg", "price": -1, "tags": ["x", "y"], "flag": true, "note": "long note", "main_tag": {"label": "a", "weight": 2}, "more": [{"label": "b"}], "secret": "z"}`,
	`{"id": 10, "name": "", "price": 0, "note": null, "main_tag": {"label": "q"}}`,
	`{"id": 100000000000000000000, "name": "\u00fcn\u00ef", "price": 1e300, "note": "ok", "main_tag": {"label": "a"}, "more": []}`,
	`{"id": 11, "name": "abcde", "price": 0.1, "note": "abcd", "main_tag": {"label": "a"}}`,
	`{"id": -5, "name": "x", "price": 3, "tags": [], "main_tag": {"label": "\ud83d\ude00", "weight": -0.0}, "more": [{"label": "c", "weight": 1e-7}, {"label": "d"}]}`,
}

// attrsTargets are the target models, the model of the instance the endpoint returns, and
// whether a conversion must exist (the others fall back to the generic path: a required
// field that is None in Src, extra attributes under extra="forbid").
var attrsTargets = []struct {
	name, src string
	conv      bool
	listForm  bool
}{
	{"Out", "Src", true, true},
	{"Checked", "Src", true, true},
	{"Defaults", "Src", true, false},
	{"Opt", "Src", true, false},
	{"Aliased", "Src", true, false},
	{"Wrapped", "Src", false, false},
	{"Forbid", "Src", false, false},
	{"Src", "SrcPlus", true, true},
}

// attrsModuleTest runs inside the generated module: for each body and target, the typed
// conversion against pydantic (success, response body with and without exclude_unset) and
// against the generic path (ValidationInput + the JSON-mode decoder: the same body; its
// fields set differ for instances kept as they are, where the conversion is pydantic's).
const attrsModuleTest = `package main

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/validate"
)

type target struct {
	src  func(v pyjson.Value) pyval.Value
	fast func(v pyval.Value) (ok bool, dump, unset string)
	slow func(v pyval.Value) (ok bool, dump, unset string)
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

func mk[S, T any, PS interface {
	*S
	pyval.Value
}, P interface {
	*T
	Encode(*validate.Encoder)
}](src func(*validate.State, pyjson.Value, PS) bool, as func(pyval.Value, P) bool, decode func(*validate.State, pyjson.Value, P) bool) target {
	return target{
		src: func(v pyjson.Value) pyval.Value {
			var m S
			if !src(validate.NewState(), v, &m) {
				return nil
			}
			return PS(&m)
		},
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

func TestAttrs(t *testing.T) {
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
		for name, tg := range targets {
			src := tg.src(doc.Root())
			if src == nil {
				t.Fatalf("body %d does not validate as the source of %s", i, name)
			}
			ok, d, u := tg.fast(src)
			sok, sd, _ := tg.slow(src)
			w := want[i][name]
			if !ok {
				// The generic path decides; its answer is the e2e goldens' business.
				continue
			}
			fastOK[name]++
			if !sok || d != sd {
				t.Errorf("body %d, %s: fast %s != generic (%v, %s)", i, name, d, sok, sd)
			}
			if !w.Ok || d != w.Dump || u != w.Unset {
				t.Errorf("body %d, %s: fast (%s, exclude_unset %s), pydantic %+v", i, name, d, u, w)
			}
		}
		for name, tg := range targets {
			// A conversion fails exactly where pydantic fails.
			ok, _, _ := tg.fast(tg.src(doc.Root()))
			if w := want[i][name]; ok != w.Ok {
				t.Errorf("body %d, %s: fast ok=%v, pydantic ok=%v", i, name, ok, w.Ok)
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

// TestResponseFromAttributes migrates an app whose endpoints return a model instance for
// other response models, and checks the generated conversions: where they exist (and
// not for the pairs that cannot convert), that they give the generic path's model and
// pydantic's response body, and that they fail exactly where pydantic's validation fails.
func TestResponseFromAttributes(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Fatal("python3 with pydantic 2 is needed")
	}
	dir := t.TempDir()
	app, out := filepath.Join(dir, "app"), filepath.Join(dir, "svc")
	if err := os.MkdirAll(app, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string]string{"models.py": attrsModels, "main.py": attrsMain} {
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
	handlers, err := os.ReadFile(filepath.Join(out, "main_py.go"))
	if err != nil {
		t.Fatal(err)
	}
	var names, entries []string
	for _, tg := range attrsTargets {
		conv := "func conv" + tg.src + "To" + tg.name + "("
		if got := strings.Contains(string(models), conv); got != tg.conv {
			t.Errorf("models.go has %s: %v, want %v", conv, got, tg.conv)
		}
		if tg.conv {
			names = append(names, tg.name+"="+tg.src)
			entries = append(entries, "\t\t\""+tg.name+"\": mk(decode"+tg.src+", as"+tg.name+", decode"+tg.name+"),")
			if !strings.Contains(string(handlers), "if !as"+tg.name+"(res, m) {") {
				t.Errorf("the handler of %s does not try the conversion", tg.name)
			}
		}
		if tg.listForm && !strings.Contains(string(handlers), "if !as"+tg.name+"(x, &m[i]) {") {
			t.Errorf("the list handler of %s does not try the conversion", tg.name)
		}
	}
	bodies, _ := json.Marshal(attrsBodies)
	py := exec.Command("python3", append([]string{"-c", attrsExpect, app}, names...)...)
	py.Stdin = strings.NewReader(string(bodies))
	expect, err := py.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	test := strings.Replace(attrsModuleTest, "TARGETS", strings.Join(entries, "\n"), 1)
	for name, b := range map[string][]byte{"attrs_test.go": []byte(test), "bodies.json": bodies, "expect.json": expect} {
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "test", "-count=1", "-run", "TestAttrs", ".")
	cmd.Dir = out
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=readonly", "GOWORK=off")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go test in the generated module: %v\n%s", err, b)
	}
}
