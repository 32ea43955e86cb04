package codegen

import (
	"strings"
	"testing"
)

// TestDataclassConstruction checks that a body constructing a plain dataclass from
// arguments of its fields' exact types is native (the generated constructor, whose
// validation gives them back unchanged), and that a construction whose arguments or
// omitted defaults may have another type (dataclass __init__ stores them unvalidated)
// stays bridged with the reason.
func TestDataclassConstruction(t *testing.T) {
	const head = "from dataclasses import dataclass, field\nfrom typing import List, Optional\nfrom fastapi import FastAPI\napp = FastAPI()\n" +
		"@dataclass\nclass D:\n    x: int\n    name: str\n    y: float = 1.5\n    tags: List[str] = field(default_factory=list)\n    note: Optional[str] = None\n" +
		"@dataclass\nclass E:\n    y: float = 1\n"
	out, rs := generate(t, head+"@app.get('/')\ndef f(x: int, s: str) -> D:\n    return D(x, s.upper(), note=s)\n")
	if out == nil || out.Routes != 1 {
		t.Fatalf("dataclass construction not native: %v", rs)
	}
	src := string(out.Files["main_py.go"])
	if !strings.Contains(src, `NewD(pyval.DictOf(pyval.Str("x"), x, pyval.Str("name"), _t`) {
		t.Errorf("the construction does not call the constructor with the fields named:\n%s", src)
	}
	for _, tt := range []struct{ name, route, why string }{
		{"wrong type", "def f(x: str) -> D:\n    return D(x, x)", "field x given a value that may not be a int"},
		{"unknown type", "def f(x: List[float]) -> D:\n    return D(1, 'a', sum(x))", "field y given a value that may not be a float"},
		{"int for float", "def f(x: int) -> D:\n    return D(1, 'a', x)", "field y given a value that may not be a float"},
		{"missing", "def f(x: int) -> D:\n    return D(x)", "without field name (TypeError)"},
		{"unknown keyword", "def f(x: int) -> D:\n    return D(x, 'a', z=1)", "with keyword z (not a field: TypeError)"},
		{"twice", "def f(x: int) -> D:\n    return D(x, 'a', x=1)", "with field x given twice (TypeError)"},
		{"too many", "def f(x: int) -> D:\n    return D(x, 'a', 1.0, [], None, 2)", "with 6 positional arguments (it takes 5)"},
		{"int default", "def f() -> E:\n    return E()", "without field y (its default may not be a float"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generate(t, head+"@app.get('/')\n"+tt.route+"\n")
			if out == nil {
				t.Fatalf("refused: %v", rs)
			}
			if out.Bridged != 1 {
				t.Fatalf("%d native, %d bridged; want one bridged", out.Routes, out.Bridged)
			}
			if src := string(out.Files["main_py.go"]); !strings.Contains(src, tt.why) {
				t.Errorf("the bridged route's reasons lack %q", tt.why)
			}
		})
	}
}

// TestDataclassReturnedToPathA checks that `return D(...)` in an endpoint whose response
// model is D may give a float field a value that is a float or the int 0 (sum() of
// floats): pydantic passes the instance through and its float serializer writes 0 as
// 0.0, as the generated constructor's validation makes it. Anywhere else (path B, a
// local variable, response_model_* options) the construction stays refused.
func TestDataclassReturnedToPathA(t *testing.T) {
	const head = "from dataclasses import dataclass\nfrom typing import List, Optional\nfrom fastapi import FastAPI\napp = FastAPI()\n" +
		"@dataclass\nclass S:\n    total: float\n    minutes: int = 0\n"
	native := []struct{ name, route string }{
		{"sum of floats", "@app.post('/', response_model=S)\ndef f(xs: List[float], ms: List[Optional[int]]):\n    return S(total=sum(x for x in xs), minutes=sum(m or 0 for m in ms))\n"},
		{"float", "@app.get('/')\ndef f(b: bool) -> S:\n    if b:\n        return S(0.0)\n    return S(1.5, 2)\n"},
	}
	for _, tt := range native {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generate(t, head+tt.route)
			if out == nil || out.Routes != 1 {
				t.Fatalf("not native: %v", rs)
			}
		})
	}
	refused := []struct{ name, route, why string }{
		{"path B", "@app.post('/')\ndef f(xs: List[float]):\n    return S(total=sum(x for x in xs))\n@app.get('/s', response_model=S)\ndef g():\n    return S(1.5)\n", "field total given a value that may not be a float"},
		{"local", "@app.post('/', response_model=S)\ndef f(xs: List[float]):\n    s = S(total=sum(x for x in xs))\n    return s\n", "field total given a value that may not be a float"},
		{"exclude_none", "@app.post('/', response_model=S, response_model_exclude_none=True)\ndef f(xs: List[float]):\n    return S(total=sum(x for x in xs))\n", "field total given a value that may not be a float"},
		{"int param", "@app.get('/', response_model=S)\ndef f(n: int):\n    return S(n)\n", "field total given a value that may not be a float (dataclass __init__ stores it unvalidated): it is a int"},
		{"float for int", "@app.get('/', response_model=S)\ndef f(n: float):\n    return S(n, n)\n", "field minutes given a value that may not be a int"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generate(t, head+tt.route)
			if out == nil {
				t.Fatalf("refused: %v", rs)
			}
			if out.Bridged != 1 {
				t.Fatalf("%d native, %d bridged; want one bridged", out.Routes, out.Bridged)
			}
			if src := string(out.Files["main_py.go"]); !strings.Contains(src, tt.why) {
				t.Errorf("the bridged route's reasons lack %q", tt.why)
			}
		})
	}
}
