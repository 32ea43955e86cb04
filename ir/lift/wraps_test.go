package lift_test

import (
	"testing"

	"github.com/covetpy/covetgen/ir"
)

// TestWrappedAndClosureCallables lifts endpoints an app decorator wrapped with
// functools.wraps and dependencies a factory made, and checks what FastAPI sees of them:
// the wrapped function's parameters, name and docstring, the wrapper as the callable
// (named by its qualified name, placed where the decorator is applied), and one cache key
// per function object (FastAPI caches
// dependencies by the callable: two closures of one factory are two dependencies).
func TestWrappedAndClosureCallables(t *testing.T) {
	const deps = `import functools
from fastapi import Header


def audited(func):
    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        return await func(*args, **kwargs)

    return wrapper


def plain(func):
    async def replacement(token: str):
        return await func(token)

    return replacement


def make_label(label: str):
    def dep():
        return label

    return dep


def require_header(name: str, typ: type = str):
    async def dependency(value: typ = Header(alias=name)):
        return value

    return dependency
`
	const main = `from typing import Annotated
from fastapi import Depends, FastAPI
from deps import audited, make_label, plain, require_header

app = FastAPI()
version = require_header("x-version", int)


@app.get("/items/{item_id}")
@audited
async def read_item(item_id: int, q: str | None = None):
    """Reads an item."""
    return {"item_id": item_id}


@app.get("/twice/{item_id}")
@audited
@audited
async def twice(item_id: int):
    return {}


@app.get("/plain")
@plain
async def replaced(other: int):
    return {}


@app.get("/headers", dependencies=[Depends(version)])
async def headers(a: Annotated[str, Depends(require_header("x-a"))], b: Annotated[str, Depends(require_header("x-b"))],
                  v: Annotated[int, Depends(version)]):
    return {}


@app.get("/label")
async def label(l: Annotated[str, Depends(make_label("x"))]):
    return l
`
	app, err := liftFiles(t, map[string]string{"deps.py": deps, "main.py": main}, "main:app", nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path       string
		unresolved bool
		name       string   // the route's name
		params     []string // the endpoint's parameters
		callName   string   // the endpoint callable's Name and QualName
		callQual   string
		callModule string
		doc        string
	}{
		{"/items/{item_id}", false, "read_item", []string{"item_id", "q"}, "audited.<locals>.wrapper", "audited.<locals>.wrapper", "deps", "Reads an item."},
		{"/twice/{item_id}", false, "twice", []string{"item_id"}, "audited.<locals>.wrapper", "audited.<locals>.wrapper", "deps", ""},
		// Not a functools.wraps wrapper: FastAPI reads the replacement's own signature; the
		// route stays unresolved (the lifter does not follow such a call).
		// Its body calls the decorator's local func: a closure no translation can bind.
		{"/plain", true, "replacement", []string{"token"}, "plain.<locals>.replacement", "plain.<locals>.replacement", "deps", ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := routeByPath(app, tt.path)
			if r == nil {
				t.Fatalf("no route %s", tt.path)
			}
			if r.Unresolved != tt.unresolved {
				t.Errorf("unresolved = %v (%v), want %v", r.Unresolved, r.Diags, tt.unresolved)
			}
			if r.Name != tt.name {
				t.Errorf("name = %q, want %q", r.Name, tt.name)
			}
			var params []string
			for _, p := range r.Dependant.Params {
				params = append(params, p.Name)
			}
			if !equalStrings(params, tt.params) {
				t.Errorf("params = %v, want %v", params, tt.params)
			}
			c := r.Endpoint
			if c.Name != tt.callName || c.QualName != tt.callQual || c.Module != tt.callModule {
				t.Errorf("endpoint callable %s:%s (name %s), want %s:%s (name %s)", c.Module, c.QualName, c.Name, tt.callModule, tt.callQual, tt.callName)
			}
			doc := ""
			if c.Doc != nil {
				doc = *c.Doc
			}
			if doc != tt.doc || r.Description != tt.doc {
				t.Errorf("doc %q, description %q, want %q", doc, r.Description, tt.doc)
			}
		})
	}
	t.Run("closure keys", func(t *testing.T) {
		r := routeByPath(app, "/headers")
		if r == nil {
			t.Fatal("no route /headers")
		}
		var keys []string
		for _, d := range r.Dependant.Deps {
			if d.Call.Kind != ir.FunctionCallable || d.Call.Name != "dependency" {
				t.Fatalf("dependency %s, want the factory's closure", d.Call.Name)
			}
			keys = append(keys, d.Call.Key)
		}
		// dependencies=[Depends(version)], then a, b, v: version twice (one object).
		if len(keys) != 4 || keys[0] != keys[3] || keys[0] == keys[1] || keys[1] == keys[2] || keys[0] == keys[2] {
			t.Errorf("keys = %q: want version's twice, and distinct ones for a and b", keys)
		}
	})
	t.Run("closure reading the factory's locals", func(t *testing.T) {
		r := routeByPath(app, "/label")
		if r == nil || len(r.Dependant.Deps) != 1 {
			t.Fatal("no route /label with one dependency")
		}
		// Named by its __qualname__, which no def statement has: not translated alone.
		if c := r.Dependant.Deps[0].Call; c.Name != "make_label.<locals>.dep" || c.QualName != c.Name {
			t.Errorf("callable %s (%s), want make_label.<locals>.dep", c.Name, c.QualName)
		}
	})
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
