package lift_test

import (
	"strings"
	"testing"

	"github.com/covetpy/covetgen/ir"
)

func diagTexts(app *ir.App) []string {
	var out []string
	for _, d := range app.AllDiagnostics() {
		out = append(out, d.String())
	}
	return out
}

func hasDiag(app *ir.App, sub string) bool {
	for _, d := range diagTexts(app) {
		if strings.Contains(d, sub) {
			return true
		}
	}
	return false
}

// TestExtraFieldKeywords checks keywords outside Query()/Field()'s signatures: FastAPI
// 0.141.1 and pydantic 2.13 pass them to json_schema_extra and do not validate with them
// (Query(strip_whitespace=True) leaves "  AbC " as is and shows "strip_whitespace": true in
// the parameter schema). ir/openapi/testdata/extra_kwargs has the matching golden.
func TestExtraFieldKeywords(t *testing.T) {
	src := `from typing import List
from fastapi import FastAPI, Query, Header
from pydantic import BaseModel, Field

class M(BaseModel):
    a: str = Field(strip_whitespace=True)
    b: List[int] = Field(min_items=1)
    c: str = Field("x", json_schema_extra={"k": 1}, to_lower=True)
    d: str = Field("y", regex="^y$")

app = FastAPI()

@app.post("/a")
def a(m: M, q: str = Query(strip_whitespace=True, to_lower=True), tags: List[str] = Query([], min_items=2),
      h: str = Header("x", to_upper=True, max_length=3)): ...

@app.get("/b")
def b(q: str = Query("", union_mode="left_to_right")): ...
`
	app, err := liftFiles(t, map[string]string{"main.py": src}, "main:app", nil)
	if err != nil {
		t.Fatal(err)
	}
	r := routeByPath(app, "/a")
	if r == nil {
		t.Fatal("no /a")
	}
	ps := paramsOf(r)
	q := ps["q"]
	if !q.Info.Constraints.IsZero() || !q.Type.Constraints.IsZero() {
		t.Errorf("q constraints = %+v / %+v, want none", q.Info.Constraints, q.Type.Constraints)
	}
	if got := repr(q.Info.JSONSchemaExtra); got != "{'strip_whitespace': True, 'to_lower': True}" {
		t.Errorf("q json_schema_extra = %s", got)
	}
	if tg := ps["tags"]; tg.Info.Constraints.MinLength != nil || repr(tg.Info.JSONSchemaExtra) != "{'min_items': 2}" {
		t.Errorf("tags: min_length %v, extra %s", tg.Info.Constraints.MinLength, repr(tg.Info.JSONSchemaExtra))
	}
	if h := ps["h"]; h.Info.Constraints.ToUpper || h.Info.Constraints.MaxLength == nil || *h.Info.Constraints.MaxLength != 3 {
		t.Errorf("h constraints = %+v", h.Info.Constraints)
	}
	var m *ir.Model
	for _, x := range app.Models {
		if x.Name == "M" {
			m = x
		}
	}
	if m == nil {
		t.Fatal("no model M")
	}
	if f := m.Field("a"); !f.Info.Constraints.IsZero() || repr(f.Info.JSONSchemaExtra) != "{'strip_whitespace': True}" {
		t.Errorf("M.a: %+v, extra %s", f.Info.Constraints, repr(f.Info.JSONSchemaExtra))
	}
	if f := m.Field("b"); f.Info.Constraints.MinLength == nil || *f.Info.Constraints.MinLength != 1 || f.Info.JSONSchemaExtra != nil {
		t.Errorf("M.b: %+v, extra %v", f.Info.Constraints, f.Info.JSONSchemaExtra)
	}
	if f := m.Field("c"); f.Info.Constraints.ToLower || repr(f.Info.JSONSchemaExtra) != "{'k': 1}" {
		t.Errorf("M.c: %+v, extra %s", f.Info.Constraints, repr(f.Info.JSONSchemaExtra))
	}
	if !hasDiag(app, "Field(regex=...) raises PydanticUserError") || !m.Unresolved {
		t.Errorf("Field(regex=) should be reported and mark M: %v", diagTexts(app))
	}
	if b := routeByPath(app, "/b"); !b.Unresolved || !hasDiag(app, "Query(union_mode=...) changes validation") {
		t.Errorf("/b should be unresolved: %v", diagTexts(app))
	}
}

// TestStaticFilesDirectory checks StaticFiles(directory=...) computed from __file__: the
// directory relative to the app root, and a diagnostic (never "" silently) otherwise.
func TestStaticFilesDirectory(t *testing.T) {
	src := `import os
import os.path as osp
from pathlib import Path
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.staticfiles import StaticFiles as SF

HERE = Path(__file__).resolve().parent
BASE = os.path.dirname(os.path.abspath(__file__))
app = FastAPI()
app.mount("/a", StaticFiles(directory=HERE / "static"), name="a")
app.mount("/b", StaticFiles(directory=str(HERE / "site"), html=True))
app.mount("/c", StaticFiles(directory=os.path.join(os.path.dirname(__file__), "static")))
app.mount("/d", StaticFiles(directory=osp.join(BASE, "..", "assets", "img")))
app.mount("/e", SF(directory=Path(__file__).parent.parent.joinpath("x")))
app.mount("/f", StaticFiles(directory="public", check_dir=False, follow_symlink=True))
app.mount("/g", StaticFiles(directory=os.environ["STATIC_DIR"]))
app.mount("/h", StaticFiles(directory=HERE.with_name("z")))
app.mount("/i", StaticFiles(directory=Path("static").resolve()))
`
	app, err := liftFiles(t, map[string]string{"pkg/__init__.py": "", "pkg/main.py": src}, "pkg.main:app", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		dir     string
		rootRel bool
	}{
		"/a": {"pkg/static", true}, "/b": {"pkg/site", true}, "/c": {"pkg/static", true},
		"/d": {"assets/img", true}, "/e": {"x", true}, "/f": {"public", false},
		"/g": {"", false}, "/h": {"", false}, "/i": {"", false},
	}
	for _, m := range app.Mounts {
		w, ok := want[m.Path]
		if !ok || m.Static == nil {
			t.Errorf("unexpected mount %+v", m)
			continue
		}
		if m.Static.Directory != w.dir || m.Static.RootRelative != w.rootRel || m.Unresolved != (w.dir == "") {
			t.Errorf("%s: directory %q root-relative %v unresolved %v, want %q %v", m.Path, m.Static.Directory,
				m.Static.RootRelative, m.Unresolved, w.dir, w.rootRel)
		}
		delete(want, m.Path)
		if m.Path == "/f" && (m.Static.CheckDir || !m.Static.FollowSymlink) {
			t.Errorf("/f: %+v", m.Static)
		}
	}
	if len(want) > 0 {
		t.Errorf("mounts missing: %v", want)
	}
	n := 0
	for _, d := range diagTexts(app) {
		if strings.Contains(d, "StaticFiles(directory=...) not known statically") {
			n++
		}
	}
	if n != 3 {
		t.Errorf("want 3 directory diagnostics, got %d: %v", n, diagTexts(app))
	}
}

func repr(v ir.Value) string {
	if v == nil {
		return "<nil>"
	}
	return v.Repr()
}

// TestAppKeywords checks the FastAPI()/APIRouter() keywords checked against FastAPI
// 0.141.1: root_path_in_servers (only the served /openapi.json changes), debug,
// swagger_ui_init_oauth, strict_content_type (route, else router, else app: with
// FastAPI(strict_content_type=False) a JSON body without Content-Type is parsed on the app's
// routes but not on those of an APIRouter(strict_content_type=True)), **extra, and the
// keywords the lift does not follow.
func TestAppKeywords(t *testing.T) {
	src := `import os
from fastapi import FastAPI, APIRouter
app = FastAPI(root_path_in_servers=False, debug=True, swagger_ui_init_oauth={"clientId": "x"},
              strict_content_type=False, openapi_prefix="/px", foo=1, docs_url=os.environ["DOCS"])
r = APIRouter(strict_content_type=True)
r2 = APIRouter(on_startup=[print], bogus=1)
@r.post("/s")
def s(x: dict): ...
def t2(x: dict): ...
r.add_api_route("/t", t2, methods=["POST"], strict_content_type=False)
@app.post("/u", strict_content_type=False)
def u(x: dict): ...
@app.post("/n")
def n(x: dict): ...
app.include_router(r)
app.include_router(r2, strict_content_type=False)
`
	app, err := liftFiles(t, map[string]string{"main.py": src}, "main:app", nil)
	if err != nil {
		t.Fatal(err)
	}
	if app.RootPathInServers || !app.Debug || repr(app.SwaggerUIInitOAuth) != "{'clientId': 'x'}" || app.RootPath != "/px" {
		t.Errorf("app = in servers %v, debug %v, init oauth %s, root path %q", app.RootPathInServers, app.Debug,
			repr(app.SwaggerUIInitOAuth), app.RootPath)
	}
	if repr(app.Extra) != "{'foo': 1}" {
		t.Errorf("extra = %s", repr(app.Extra))
	}
	for path, want := range map[string]bool{"/n": false, "/s": true, "/t": false} {
		if r := routeByPath(app, path); r == nil || r.StrictContentType != want {
			t.Errorf("%s strict_content_type: %+v, want %v", path, r, want)
		}
	}
	for _, want := range []string{"docs_url= not known statically", "APIRouter(on_startup=...) is not supported",
		"APIRouter(bogus=...) is not an APIRouter argument",
		"include_router(strict_content_type=...) is not an argument of include_router"} {
		if !hasDiag(app, want) {
			t.Errorf("missing diagnostic %q: %v", want, diagTexts(app))
		}
	}
	if !app.RoutesUnresolved {
		t.Error("app should be RoutesUnresolved")
	}
	if u := routeByPath(app, "/u"); u == nil || !u.Unresolved || !hasDiag(app, "post(strict_content_type=...) is not an argument of post") {
		t.Errorf("/u: %+v %v", u, diagTexts(app))
	}
	def, err := liftFiles(t, map[string]string{"main.py": "from fastapi import FastAPI\napp = FastAPI()\n@app.get('/')\ndef r(): ...\n"}, "main:app", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !def.RootPathInServers || def.Debug || def.SwaggerUIInitOAuth != nil || !def.Routes[0].StrictContentType || len(def.AllDiagnostics()) > 0 {
		t.Errorf("defaults wrong: %+v", def)
	}
}

// TestUnknownOptionsReported checks values that used to fall back to a default silently.
func TestUnknownOptionsReported(t *testing.T) {
	src := `import os
from fastapi import FastAPI, Depends
from fastapi.middleware.cors import CORSMiddleware
def dep(): ...
app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=os.environ["ORIGINS"].split(","))
@app.get("/a")
def a(x=Depends(dep, use_cache=os.environ["C"] == "1")): ...
`
	app, err := liftFiles(t, map[string]string{"main.py": src}, "main:app", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"add_middleware(allow_origins=...) not known statically", "Depends(use_cache=...) not known statically"} {
		if !hasDiag(app, want) {
			t.Errorf("missing %q: %v", want, diagTexts(app))
		}
	}
	if r := routeByPath(app, "/a"); r == nil || !r.Unresolved {
		t.Errorf("/a should be unresolved: %+v", r)
	}
}
