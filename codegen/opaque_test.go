package codegen

import (
	"strings"
	"testing"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/ojson"
	"github.com/covetpy/covetgen/ir/openapi"
)

// TestOpaqueRoutesBridged checks that a route touching a model Go does not generate (as
// a body parameter, inside a body type, or as its response model) is bridged with the
// reason, its body validated and its response serialized by pydantic in the worker.
// What the worker does is proved against FastAPI by runtime/bridge's TestOpaqueGolden
// and by migrate's TestE2E on the corpus apps (validators, dataclasses_app...).
func TestOpaqueRoutesBridged(t *testing.T) {
	const head = "from dataclasses import dataclass\nfrom typing import Generic, List, Literal, TypeVar, Union\n" +
		"from fastapi import Body, FastAPI\nfrom pydantic import BaseModel, ConfigDict, Field, computed_field, field_validator\n" +
		"app = FastAPI()\nT = TypeVar('T')\n" +
		"class V(BaseModel):\n    x: int\n    @field_validator('x')\n    @classmethod\n    def v(cls, x):\n        return x\n" +
		"class C(BaseModel):\n    x: int\n    @computed_field\n    @property\n    def y(self) -> int:\n        return self.x\n" +
		"class P(BaseModel, Generic[T]):\n    items: List[T]\n" +
		"@dataclass\nclass D:\n    x: int\n    def __post_init__(self):\n        pass\n" +
		"class A(BaseModel):\n    kind: Literal['a']\nclass B(BaseModel):\n    kind: Literal['b']\n" +
		"class Outer(BaseModel):\n    v: List[V]\n" +
		"class Loose(BaseModel):\n    model_config = ConfigDict(extra='allow')\n    a: int\n" +
		"class Plain(BaseModel):\n    a: int\n"
	tests := []struct {
		name, src string
		reason    string // in the route's refusals
		generated []string
	}{
		{"validators", "@app.post('/')\ndef f(m: V):\n    return 1\n",
			"body parameter m: model V has validators (main.py:7: field_validator v)", []string{"py.Body(bridge.BodyValidation{", `Fn:    "main:f"`, `Param: "m"`}},
		{"nested", "@app.post('/')\ndef f(m: Outer):\n    return 1\n",
			"body parameter m: model V has validators", []string{"py.Body("}},
		{"embedded", "@app.post('/')\ndef f(m: V, n: Plain):\n    return 1\n",
			"body parameter m: model V has validators", []string{`Embed: true`, `Key:   "m"`, `Loc:   []any{"body", "m"}`}},
		{"union", "@app.post('/')\ndef f(m: Union[A, B]):\n    return 1\n",
			"body parameter m: union of models Union[A, B]", []string{"py.Body("}},
		{"discriminated int tags", "class I1(BaseModel):\n    kind: Literal[1]\nclass I2(BaseModel):\n    kind: Literal[2]\n" +
			"@app.post('/')\ndef f(m: Union[I1, I2] = Body(discriminator='kind')):\n    return 1\n",
			"is not a str", []string{"py.Body("}},
		{"dataclass", "@app.post('/')\ndef f(m: D):\n    return 1\n",
			"body parameter m: dataclass D (main.py:22: a statement other than a field in its body (line 24))", []string{"py.Body("}},
		{"extra allow", "@app.post('/')\ndef f(m: Loose):\n    return 1\n",
			`model Loose has extra="allow"`, []string{"py.Body("}},
		{"computed response", "@app.get('/', response_model=C)\ndef f():\n    return {'x': 1}\n",
			"response model C: model C has a computed field y", []string{`bridge.ResponseField{`, `Model:    "(C)"`, `Module:   "main"`, "DumpJSON: true", "ByAlias:  true"}},
		{"generic return", "@app.get('/', response_model_exclude_none=True)\ndef f() -> P:\n    return {'items': []}\n",
			"response model P: generic model P", []string{`bridge.ResponseField{`, "ExcludeNone: true"}},
		{"response filters", "@app.get('/', response_model=List[V], response_model_exclude={0: {'x'}})\ndef f():\n    return []\n",
			"model V has validators", []string{`Exclude:  "{\"$t\":\"dict\",\"v\":[[0,{\"$t\":\"set\",\"v\":[\"x\"]}]]}"`, `Model:    "(List[V])"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generate(t, head+tt.src)
			if out == nil {
				t.Fatalf("refused: %v", rs)
			}
			if out.Bridged != 1 || out.Routes != 0 {
				t.Fatalf("%d native, %d bridged routes; want the route bridged", out.Routes, out.Bridged)
			}
			src := string(out.Files["main_py.go"])
			for _, w := range tt.generated {
				if !strings.Contains(src, w) {
					t.Errorf("main_py.go lacks %q:\n%s", w, src)
				}
			}
			if tt.reason != "" && !strings.Contains(src, tt.reason) {
				t.Errorf("the bridged route's reasons lack %q:\n%s", tt.reason, src)
			}
		})
	}
}

// TestOpaqueWhy checks which types are opaque and the reason given.
func TestOpaqueWhy(t *testing.T) {
	pos := ir.Pos{File: "app/m.py", Line: 3, Col: 1}
	plain := &ir.Model{Kind: ir.BaseModel, Name: "Plain", Fields: []*ir.Field{{Name: "a", Type: &ir.Type{Kind: ir.KindInt}}}}
	val := &ir.Model{Kind: ir.BaseModel, Name: "Val", Pos: pos, Validators: []ir.Validator{{Kind: "field", Func: "check"}}}
	self := &ir.Model{Kind: ir.BaseModel, Name: "Tree"}
	self.Fields = []*ir.Field{{Name: "kids", Type: &ir.Type{Kind: ir.KindList, Args: []*ir.Type{{Kind: ir.KindModel, Model: self}}}}}
	model := func(m *ir.Model) *ir.Type { return &ir.Type{Kind: ir.KindModel, Model: m} }
	for _, tt := range []struct {
		name string
		t    *ir.Type
		want string
	}{
		{"plain", model(plain), ""},
		{"recursive plain", model(self), ""},
		{"validators", model(val), "model Val has validators (app/m.py:3: field check)"},
		{"in a list", &ir.Type{Kind: ir.KindList, Args: []*ir.Type{model(val)}}, "model Val has validators"},
		{"optional model", &ir.Type{Kind: ir.KindUnion, Args: []*ir.Type{model(plain), {Kind: ir.KindNone}}}, ""},
		{"union of models", &ir.Type{Kind: ir.KindUnion, Args: []*ir.Type{model(plain), {Kind: ir.KindInt}}}, "union of models"},
		{"scalar union", &ir.Type{Kind: ir.KindUnion, Args: []*ir.Type{{Kind: ir.KindStr}, {Kind: ir.KindInt}}}, ""},
		{"discriminator", &ir.Type{Kind: ir.KindUnion, Discriminator: "k", Args: []*ir.Type{model(plain)}}, "discriminated union"},
		{"dataclass", model(&ir.Model{Kind: ir.Dataclass, Name: "D", Pos: pos, DataclassWhy: "base classes"}), "dataclass D (app/m.py:3: base classes)"},
		{"plain dataclass", model(&ir.Model{Kind: ir.Dataclass, Name: "D", Pos: pos}), ""},
		{"pydantic dataclass", model(&ir.Model{Kind: ir.PydanticDataclass, Name: "D", Pos: pos}), "pydantic dataclass D (app/m.py:3)"},
		{"root", model(&ir.Model{Kind: ir.BaseModel, Root: true, Name: "R", Pos: pos}), "RootModel R (app/m.py:3)"},
		{"field option", model(&ir.Model{Kind: ir.BaseModel, Name: "F", Fields: []*ir.Field{{Name: "x", Pos: pos, Type: &ir.Type{Kind: ir.KindInt},
			Info: ir.FieldInfo{Exclude: true}}}}), "model F has Field options of field x (app/m.py:3)"},
		{"unresolved", model(&ir.Model{Kind: ir.BaseModel, Unresolved: true, Validators: val.Validators}), ""},
	} {
		if got := (&gen{}).opaqueWhy(tt.t); !strings.Contains(got, tt.want) || (tt.want == "") != (got == "") {
			t.Errorf("%s: opaqueWhy = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestWorkerResponses checks which bridged routes have the worker serialize their
// response model (a return annotation, or a response_model= of a decorator of a
// module-level function; an opaque one always) and the response_model= source it gets.
func TestWorkerResponses(t *testing.T) {
	const head = "from typing import List, Optional\nfrom fastapi import APIRouter, FastAPI\nfrom pydantic import BaseModel\n" +
		"app = FastAPI()\nclass Item(BaseModel):\n    a: int\n"
	for _, tt := range []struct {
		name, src string
		want      []string // in main_py.go; nil: Go serializes the response (no ResponseField)
	}{
		{"decorator", "@app.get('/', response_model=List[Item])\ndef f():\n    return []\n",
			[]string{`Model:    "(List[Item])"`, `Module:   "main"`}},
		{"multi-line", "@app.get(\n    '/',\n    response_model=Optional[\n        Item\n    ],\n)\ndef f():\n    return None\n",
			[]string{`Model:    "(Optional[\n        Item\n    ])"`}},
		{"return annotation", "@app.get('/')\ndef f() -> Item:\n    return {'a': 1}\n",
			[]string{`bridge.ResponseField{`, `Module:   "main"`}},
		{"no response model", "@app.get('/')\ndef f():\n    return 1\n", nil},
		{"route in a function", "def make(model):\n    r = APIRouter()\n    @r.get('/', response_model=model)\n    def f():\n        return {'a': 1}\n    return r\napp.include_router(make(Item))\n", nil},
		{"annotated route in a function", "def make():\n    r = APIRouter()\n    @r.get('/')\n    def f() -> Item:\n        return {'a': 1}\n    return r\napp.include_router(make())\n",
			[]string{`bridge.ResponseField{`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generateIn(t, head+tt.src, Input{BridgeAll: true})
			if out == nil {
				t.Fatalf("refused: %v", rs)
			}
			src := string(out.Files["main_py.go"])
			if tt.want == nil {
				if strings.Contains(src, "ResponseField") {
					t.Errorf("the worker serializes the response:\n%s", src)
				}
				return
			}
			for _, w := range tt.want {
				if !strings.Contains(src, w) {
					t.Errorf("main_py.go lacks %q:\n%s", w, src)
				}
			}
		})
	}
}

// generateIn is generate with the options of in (BridgeAll...).
func generateIn(t *testing.T, src string, in Input) (*Output, []Refusal) {
	t.Helper()
	loaded := loadSource(t, src)
	app, prog := loaded.App, loaded.Prog
	doc, _ := openapi.Generate(app)
	in.App, in.Prog, in.OpenAPI, in.Command = app, prog, ojson.Marshal(doc, -1), "svc"
	return Generate(in)
}
