package codegen

import (
	"strings"
	"testing"
)

// TestPlainDataclass checks that a route taking and returning a plain standard-library
// dataclass is generated natively with the dataclass's differences from a model, and that
// one pydantic cannot be trusted to treat as a model stays bridged with the reason.
// migrate's TestE2E proves the behaviour on the corpus app dataclasses_app.
func TestPlainDataclass(t *testing.T) {
	const head = "from dataclasses import InitVar, dataclass, field\nfrom typing import ClassVar, List\nfrom fastapi import FastAPI\napp = FastAPI()\n"
	const route = "@app.post('/')\ndef f(m: D) -> D:\n    return m\n"
	out, rs := generate(t, head+"@dataclass\nclass D:\n    '''doc'''\n    x: int\n    k: ClassVar[int] = 3\n    tags: List[str] = field(default_factory=list)\n    y: float = 1.5\n"+route)
	if out == nil || out.Routes != 1 {
		t.Fatalf("plain dataclass not native: %v", rs)
	}
	src := string(out.Files["models.go"])
	for _, w := range []string{`s.DataclassInput(v, "D")`, "e.BeginDataclass()", "e.EndDataclass()", "Dataclass: true", "o.Set.Add(2)"} {
		if !strings.Contains(src, w) {
			t.Errorf("models.go lacks %q", w)
		}
	}
	for _, tt := range []struct{ name, class, why string }{
		{"post_init", "@dataclass\nclass D:\n    x: int\n    def __post_init__(self):\n        self.x += 1\n", "a statement other than a field"},
		{"init=False", "@dataclass\nclass D:\n    x: int = field(default=0, init=False)\n", "field(init=...)"},
		{"options", "@dataclass(frozen=True)\nclass D:\n    x: int\n", "@dataclass(...) options"},
		{"base", "@dataclass\nclass B:\n    x: int\n@dataclass\nclass D(B):\n    y: int\n", "base classes"},
		{"private", "@dataclass\nclass D:\n    _x: int\n", "leading underscore"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generate(t, head+tt.class+route)
			if out == nil {
				t.Fatalf("refused: %v", rs)
			}
			if out.Routes != 0 || out.Bridged != 1 {
				t.Fatalf("%d native, %d bridged; want bridged", out.Routes, out.Bridged)
			}
			if src := string(out.Files["main_py.go"]); !strings.Contains(src, tt.why) {
				t.Errorf("the bridged route's reasons lack %q", tt.why)
			}
		})
	}
}
