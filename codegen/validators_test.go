package codegen

import (
	"strings"
	"testing"

	"github.com/covetpy/covetgen/parser"
)

func TestShadowsBuiltinExc(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"import os\nx = 1\n", ""},
		{"ValueError = KeyError\n", "ValueError"},
		{"from errors import AssertionError\n", "AssertionError"},
		{"from errors import *\n", "*"},
		{"class ValueError(Exception):\n    pass\n", "ValueError"},
		{"import errors as ValueError\n", "ValueError"},
		{"def f():\n    ValueError = 1\n", ""},
	} {
		f, err := parser.ParseFile("m.py", []byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		if got := shadowsBuiltinExc(f.Module.Body); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.src, got, tc.want)
		}
	}
}

// TestValidatorModels checks which models with validators are generated in Go (their
// validators run in the decoder) and which stay with pydantic in the bridge worker.
func TestValidatorModels(t *testing.T) {
	const head = "from typing import Optional\nfrom fastapi import FastAPI\nfrom pydantic import BaseModel, field_validator, model_validator\napp = FastAPI()\n"
	const route = "@app.post('/')\ndef f(m: M) -> M:\n    return m\n"
	tests := []struct {
		name, model string
		native      bool
		want        string // in models.go when native
	}{
		{"after str validator", "class M(BaseModel):\n    name: str\n    parent: Optional['M'] = None\n    @field_validator('name')\n    @classmethod\n    def no_slash(cls, v):\n        assert '/' not in v, 'no slash'\n        return v\n",
			true, "validate.RunAfter(&o.Name, mNoSlash)"},
		{"before validator", "class M(BaseModel):\n    name: str\n    @field_validator('name', mode='before')\n    @classmethod\n    def f(cls, v):\n        return v\n", true, "pyval.RunBefore(s, in[0], mF)"},
		{"before validator of a list", "class M(BaseModel):\n    tags: list[str] = []\n    @field_validator('tags', mode='before')\n    @classmethod\n    def f(cls, v):\n        if isinstance(v, str):\n            return v.split(',')\n        return v\n", true, "pyval.RunBefore(s, in[0], mF)"},
		{"after validator of an AliasChoices field", "from pydantic import AliasChoices, Field\nclass M(BaseModel):\n    name: str = Field(validation_alias=AliasChoices('n', 'name'))\n    @field_validator('name')\n    @classmethod\n    def f(cls, v):\n        assert v\n        return v\n", false, ""},
		{"before and after validators of a field", "class M(BaseModel):\n    name: str\n    @field_validator('name', mode='before')\n    @classmethod\n    def b(cls, v):\n        return v\n    @field_validator('name')\n    @classmethod\n    def a(cls, v):\n        return v\n", false, ""},
		{"after and before validators of a field", "class M(BaseModel):\n    name: str\n    @field_validator('name')\n    @classmethod\n    def a(cls, v):\n        return v\n    @field_validator('name', mode='before')\n    @classmethod\n    def b(cls, v):\n        return v\n", false, ""},
		{"before validator of a dict field", "class M(BaseModel):\n    d: dict[str, str]\n    @field_validator('d', mode='before')\n    @classmethod\n    def f(cls, v):\n        return v\n", false, ""},
		{"before validator outside the subset", "class M(BaseModel):\n    name: str\n    @field_validator('name', mode='before')\n    @classmethod\n    def f(cls, v):\n        return str(v)\n", false, ""},
		{"before validator, str method without isinstance", "class M(BaseModel):\n    name: str\n    @field_validator('name', mode='before')\n    @classmethod\n    def f(cls, v):\n        return v.strip()\n", false, ""},
		{"model validator", "class M(BaseModel):\n    name: str\n    @model_validator(mode='after')\n    def f(self):\n        return self\n", false, ""},
		{"int field", "class M(BaseModel):\n    n: int\n    @field_validator('n')\n    @classmethod\n    def f(cls, v):\n        return v\n", false, ""},
		{"transform", "class M(BaseModel):\n    name: str\n    @field_validator('name')\n    @classmethod\n    def f(cls, v):\n        return v.lower()\n", true, "validate.RunAfter(&o.Name, mF)"},
		{"other transform", "class M(BaseModel):\n    name: str\n    @field_validator('name')\n    @classmethod\n    def f(cls, v):\n        return v.title()\n", false, ""},
	}
	construct := "class M(BaseModel):\n    name: str\n    @field_validator('name')\n    @classmethod\n    def f(cls, v):\n        if v.startswith('_'):\n            raise ValueError('private')\n        return v\n"
	t.Run("construction", func(t *testing.T) {
		out, rs := generate(t, head+construct+"@app.get('/')\ndef g(q: str):\n    return M(name=q).model_dump()\n")
		if out == nil || out.Bridged != 0 {
			t.Fatalf("construction of a model with native validators is not native: %v", rs)
		}
	})
	t.Run("member of a discriminated union", func(t *testing.T) {
		src := head + "from typing import Annotated, Literal, Union\nfrom pydantic import Field\n" +
			"class Card(BaseModel):\n    method: Literal['card']\n    number: str\n" +
			"class Bank(BaseModel):\n    method: Literal['bank']\n    iban: str\n    @field_validator('iban')\n    @classmethod\n    def up(cls, v):\n        if not v[:2].isalpha():\n            raise ValueError('country code')\n        return v.replace(' ', '').upper()\n" +
			"Pay = Annotated[Union[Card, Bank], Field(discriminator='method')]\n" +
			"class Order(BaseModel):\n    payment: Pay\n" +
			"@app.post('/')\ndef f(o: Order):\n    return o\n"
		out, rs := generate(t, src)
		if out == nil || out.Bridged != 0 {
			t.Fatalf("not native: %v", rs)
		}
		if !strings.Contains(string(out.Files["models.go"]), "validate.RunAfter(&o.Iban, bankUp)") {
			t.Errorf("models.go does not run Bank's validator:\n%s", out.Files["models.go"])
		}
	})
	t.Run("construction with a before validator", func(t *testing.T) {
		// Its input would reach the validator through JSON (tuples become lists): bridged.
		before := "class M(BaseModel):\n    tags: list[str] = []\n    @field_validator('tags', mode='before')\n    @classmethod\n    def f(cls, v):\n        return v\n"
		out, rs := generate(t, head+before+"@app.get('/')\ndef g(q: str):\n    return M(tags=(q,)).model_dump()\n")
		if out == nil || out.Bridged != 1 {
			t.Fatalf("construction of a model with a before validator is not bridged: %v", rs)
		}
	})
	t.Run("response of another class", func(t *testing.T) {
		// FastAPI validates an N as M from its attributes: M's validators run, so the
		// value goes through decodeM, not a typed copy.
		out, rs := generate(t, head+construct+"class N(BaseModel):\n    name: str\n@app.get('/', response_model=M)\ndef g(q: str):\n    return N(name=q)\n")
		if out == nil || out.Bridged != 0 {
			t.Fatalf("not native: %v", rs)
		}
		if strings.Contains(string(out.Files["models.go"]), "convNToM") {
			t.Errorf("models.go converts N to M without M's validators")
		}
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generate(t, head+tt.model+route)
			if out == nil {
				t.Fatalf("refused: %v", rs)
			}
			if native := out.Bridged == 0; native != tt.native {
				t.Fatalf("native = %v, want %v", native, tt.native)
			}
			if tt.want != "" && !strings.Contains(string(out.Files["models.go"]), tt.want) {
				t.Errorf("models.go lacks %q:\n%s", tt.want, out.Files["models.go"])
			}
		})
	}
}
