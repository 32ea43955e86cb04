package codegen

import (
	"strings"
	"testing"
)

// TestModelUnionResponse checks when a union of models as response model is validated
// natively (the result made of dicts, lists and scalars, or an instance of one member's
// class) and when the route stays bridged with the reason. What the native code answers
// is proved against FastAPI by migrate's TestE2E on response_models (GET /vehicles/{kind}).
func TestModelUnionResponse(t *testing.T) {
	const head = "from typing import Union\nfrom fastapi import FastAPI\nfrom pydantic import BaseModel\napp = FastAPI()\n" +
		"class A(BaseModel):\n    x: int = 0\nclass B(BaseModel):\n    y: str = ''\nclass C(BaseModel):\n    z: int = 0\n"
	tests := []struct {
		name, src string
		native    bool
		want      string // in main_py.go: generated code, or the bridged route's reason
	}{
		{"displays", "@app.get('/{k}', response_model=Union[A, B])\ndef f(k: str):\n    if k == 'a':\n        return {'x': 1}\n    return {'y': k, 'l': [1, None, 2.5, True]}\n",
			true, `u.Try("B")`},
		{"annotation", "@app.get('/')\ndef f() -> Union[A, B]:\n    return {'x': 1}\n", true, `u.Try("A")`},
		{"instance", "@app.get('/', response_model=Union[A, B])\ndef f():\n    return B(y='q')\n", true, "res.(*B)"},
		{"other instance", "@app.get('/', response_model=Union[A, B])\ndef f():\n    return C(z=1)\n", false,
			"response model Union[A, B]: the endpoint returns an instance of C (validated from its attributes)"},
		{"nested instance", "@app.get('/', response_model=Union[A, B])\ndef f():\n    return {'x': A()}\n", false,
			"response model Union[A, B]: the endpoint's result may hold a model instance"},
		{"tuple", "@app.get('/', response_model=Union[A, B])\ndef f():\n    return {'x': (1, 2)}\n", false,
			"may hold a model instance"},
		{"int keys", "@app.get('/', response_model=Union[A, B])\ndef f():\n    return {1: 2}\n", false,
			"may hold a model instance"},
		{"mixed", "@app.get('/{k}', response_model=Union[A, B])\ndef f(k: str):\n    if k:\n        return A()\n    return {'y': k}\n", false,
			"may hold a model instance"},
		{"options", "@app.get('/', response_model=Union[A, B], response_model_exclude_none=True)\ndef f():\n    return {'x': 1}\n", false,
			"response model Union[A, B] with response_model_* options"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generate(t, head+tt.src)
			if out == nil {
				t.Fatalf("refused: %v", rs)
			}
			if native := out.Routes == 1 && out.Bridged == 0; native != tt.native {
				t.Fatalf("%d native, %d bridged routes; want native %v", out.Routes, out.Bridged, tt.native)
			}
			if src := string(out.Files["main_py.go"]); !strings.Contains(src, tt.want) {
				t.Errorf("main_py.go lacks %q:\n%s", tt.want, src)
			}
		})
	}
}
