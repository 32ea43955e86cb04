package codegen

import (
	"strings"
	"testing"
)

// TestGenericModels checks that parametrizations of a generic model are generated as
// models of their own (bodies, response models, constructions in bodies) while the
// unparametrized class stays opaque. What the generated routes answer is proved against
// FastAPI by migrate's TestE2E on migrate/testdata/apps/generics.
func TestGenericModels(t *testing.T) {
	const head = "from typing import Generic, List, TypeVar\nfrom fastapi import FastAPI\nfrom pydantic import BaseModel\napp = FastAPI()\n" +
		"T = TypeVar('T')\nclass Item(BaseModel):\n    name: str\nclass Page(BaseModel, Generic[T]):\n    items: List[T]\n    total: int = 0\n"
	tests := []struct {
		name, src string
		native    bool
		want      string // in main_py.go: generated code, or the bridged route's reason
	}{
		{"body and response", "@app.post('/')\ndef f(p: Page[Item]) -> Page[Item]:\n    return p\n", true, "decodePageItem("},
		{"construction", "@app.get('/')\ndef f(n: int) -> Page[int]:\n    return Page[int](items=[n], total=1)\n", true, "NewPageint("},
		{"unparametrized", "@app.post('/')\ndef f(p: Page):\n    return p\n", false, "body parameter p: generic model Page"},
		{"construction of an alias", "I = int\n@app.get('/')\ndef f(n: int) -> Page[int]:\n    return Page[I](items=[n], total=1)\n", false,
			"construction of Page[...] with this type argument"},
		{"unseen parametrization", "@app.get('/')\ndef f(n: int) -> Page[int]:\n    return Page[str](items=[], total=1)\n", false,
			"construction of Page[str] (a parametrization the lifter did not see)"},
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
			all := ""
			for _, b := range out.Files {
				all += string(b)
			}
			if !strings.Contains(all, tt.want) {
				t.Errorf("the generated files lack %q:\n%s", tt.want, out.Files["main_py.go"])
			}
		})
	}
}
