package codegen

import (
	"strconv"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/ojson"
	"github.com/covetpy/covetgen/ir/openapi"
)

// TestRouteTargets generates bridged routes whose functions have no module-level name (a
// lambda dependency, a closure a factory made, a functools.wraps endpoint, a lambda
// endpoint, a route of a mounted app, an instance built from a dict; the lambdas and the
// wrapped function call os, which keeps them in CPython) and checks the
// targets the invocations name them by: the route (mounts, path as registered, name,
// methods) and the index path in its dependency tree, dependencies= entries first
// (worker.py _route_callable follows them; runtime/bridge/testdata/compat/route_table.json
// records FastAPI's trees).
func TestRouteTargets(t *testing.T) {
	const src = `import functools
import os
from typing import Annotated
from fastapi import Depends, FastAPI, Header

app = FastAPI()
sub = FastAPI()


def require_header(name: str):
    async def dependency(value: Annotated[str, Header(alias=name)]):
        return value

    return dependency


def audited(func):
    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        return await func(*args, **kwargs)

    return wrapper


def named():
    return 1


@app.get("/deps/{n:int}", dependencies=[Depends(require_header("x-a"))])
def deps(n: int, one=Depends(named), two: Annotated[int, Depends(lambda: os.getpid())] = 0):
    return n + one + two


@app.get("/wrapped/{n}")
@audited
async def wrapped(n: int):
    return os.getpid()


app.add_api_route("/lambda", lambda: {"ok": os.getpid()}, name="lam", methods=["GET", "POST"])


@sub.get("/inner")
def inner(v=Depends(require_header("x-b")), w=Depends(lambda: os.getpid())):
    return v


app.mount("/sub", sub)


class Checker:
    def __init__(self, v):
        self.v = v

    def __call__(self):
        return self.v


@app.get("/instance")
def instance(c=Depends(Checker({"a": 1}))):
    return c
`
	out, rs := generateMounted(t, src)
	if out == nil {
		t.Fatalf("refused: %v", rs)
	}
	var all strings.Builder
	for name, b := range out.Files {
		if strings.HasSuffix(name, ".go") {
			all.Write(b)
		}
	}
	for _, want := range []string{
		`{"route":{"mounts":[],"path":"/deps/{n:int}","name":"deps","methods":["GET"]},"dep":[0],"call":"dependency"}`,
		`{"route":{"mounts":[],"path":"/deps/{n:int}","name":"deps","methods":["GET"]},"dep":[2],"call":"<lambda>"}`,
		`main:named`,
		`main:deps`,
		`{"route":{"mounts":[],"path":"/wrapped/{n}","name":"wrapped","methods":["GET"]}}`,
		`{"route":{"mounts":[],"path":"/lambda","name":"lam","methods":["GET","POST"]}}`,
		`{"route":{"mounts":["/sub"],"path":"/inner","name":"inner","methods":["GET"]},"dep":[0],"call":"dependency"}`,
		`{"route":{"mounts":["/sub"],"path":"/inner","name":"inner","methods":["GET"]},"dep":[1],"call":"<lambda>"}`,
		// An instance built with arguments the bridge cannot send: the app's own object.
		`{"route":{"mounts":[],"path":"/instance","name":"instance","methods":["GET"]},"dep":[0]}`,
	} {
		if !strings.Contains(all.String(), strconv.Quote(want)) {
			t.Errorf("no invocation of %s", want)
		}
	}
}

// generateMounted is generate with the OpenAPI documents of the mounted apps.
func generateMounted(t *testing.T, src string) (*Output, []Refusal) {
	t.Helper()
	loaded := loadSource(t, src)
	app, prog := loaded.App, loaded.Prog
	doc, _ := openapi.Generate(app)
	in := Input{App: app, Prog: prog, OpenAPI: ojson.Marshal(doc, -1), Command: "svc", SubOpenAPI: map[*ir.Mount][]byte{}}
	for _, m := range app.Mounts {
		if m.Sub != nil {
			sdoc, _ := openapi.Generate(m.Sub)
			in.SubOpenAPI[m] = ojson.Marshal(sdoc, -1)
		}
	}
	return Generate(in)
}
