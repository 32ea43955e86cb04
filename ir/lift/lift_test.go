package lift_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser"
)

// liftFiles writes files under a temporary root and lifts the app.
func liftFiles(t *testing.T, files map[string]string, appSpec string, env map[string]string) (*ir.App, error) {
	t.Helper()
	root := t.TempDir()
	for name, src := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	prog, err := load.Load(root, load.Options{Parse: parser.ParseFile, App: appSpec})
	if err != nil {
		return nil, err
	}
	return lift.Lift(prog, lift.Options{Env: env})
}

func routeByPath(app *ir.App, path string) *ir.Route {
	for _, r := range app.Routes {
		if r.Path == path {
			return r
		}
	}
	return nil
}

func paramsOf(r *ir.Route) map[string]*ir.Param {
	out := map[string]*ir.Param{}
	r.Dependant.Walk(func(d *ir.Dependant) {
		for _, p := range d.Params {
			out[p.Name] = p
		}
	})
	return out
}

func TestLift(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		app   string
		env   map[string]string
		check func(t *testing.T, app *ir.App)
	}{
		{
			name: "imports and re-exports",
			files: map[string]string{
				"pkg/__init__.py":        "",
				"pkg/consts.py":          "PREFIX = '/api' + '/v1'\nTAG = f'{PREFIX}-tag'\n",
				"pkg/routes/__init__.py": "from .users import router as users_router\n",
				"pkg/routes/users.py":    "from fastapi import APIRouter\nfrom .. import consts as C\nrouter = APIRouter(prefix='/users', tags=[C.TAG])\n@router.get('/{uid}')\ndef get_user(uid: int): ...\n",
				"pkg/main.py":            "import pkg.consts as k\nfrom fastapi import FastAPI\nfrom .routes import users_router as ur\napp = FastAPI(title=k.PREFIX)\napp.include_router(ur, prefix=k.PREFIX)\n",
			},
			app: "pkg.main:app",
			check: func(t *testing.T, app *ir.App) {
				if app.Title != "/api/v1" {
					t.Errorf("title = %q", app.Title)
				}
				r := routeByPath(app, "/api/v1/users/{uid}")
				if r == nil {
					t.Fatalf("route missing; routes: %v", routePaths(app))
				}
				if len(r.Tags) != 1 || r.Tags[0] != "/api/v1-tag" {
					t.Errorf("tags = %v", r.Tags)
				}
				if p := paramsOf(r)["uid"]; p == nil || p.In != ir.InPath || p.Type.Kind != ir.KindInt {
					t.Errorf("uid param = %+v", p)
				}
			},
		},
		{
			name: "framework names win over the app's own packages",
			files: map[string]string{
				"fastapi/__init__.py": "FastAPI = None\n",
				"main.py":             "from fastapi import FastAPI, status\napp = FastAPI()\n@app.post('/x', status_code=status.HTTP_201_CREATED)\ndef x(): ...\n",
			},
			app: "main:app",
			check: func(t *testing.T, app *ir.App) {
				r := routeByPath(app, "/x")
				if r == nil || r.StatusCode == nil || *r.StatusCode != 201 {
					t.Errorf("route = %+v", r)
				}
			},
		},
		{
			name: "unknown third-party import is a diagnostic",
			files: map[string]string{
				"main.py": "from fastapi import FastAPI, Depends\nfrom somelib import get_db, Thing\napp = FastAPI()\n@app.get('/a')\ndef a(db = Depends(get_db), t: Thing = None): ...\n@app.get('/b')\ndef b(q: int = 0): ...\n",
			},
			app: "main:app",
			check: func(t *testing.T, app *ir.App) {
				if a := routeByPath(app, "/a"); a == nil || !a.Unresolved {
					t.Errorf("/a should be unresolved: %+v", a)
				}
				if b := routeByPath(app, "/b"); b == nil || b.Unresolved {
					t.Errorf("/b should be resolved: %+v", b)
				}
				found := false
				for _, d := range append(app.Diags, routeByPath(app, "/a").Diags...) {
					if strings.Contains(d.Msg, "somelib") && d.Pos.Line > 0 {
						found = true
					}
				}
				if !found {
					t.Errorf("no positioned diagnostic about somelib: %v", app.Diags)
				}
			},
		},
		{
			name: "parameter classification",
			files: map[string]string{
				"main.py": `from typing import Annotated, Optional
from fastapi import FastAPI, Header, Cookie, Body, Request, Response, BackgroundTasks, UploadFile, File, Form
from pydantic import BaseModel
class M(BaseModel):
    a: int
app = FastAPI()
@app.post("/p/{pid}")
def p(pid: str, q: Optional[int] = None, m: M = None, x_token: Annotated[str, Header()] = "",
      sid: str = Cookie(None), n: Annotated[int, Body()] = 1, req: Request = None, resp: Response = None,
      bg: BackgroundTasks = None, f: UploadFile = None, tags: list[str] = [], name: str = Form("")): ...
`,
			},
			app: "main:app",
			check: func(t *testing.T, app *ir.App) {
				ps := paramsOf(routeByPath(app, "/p/{pid}"))
				want := map[string]ir.ParamIn{"pid": ir.InPath, "q": ir.InQuery, "m": ir.InBody, "x_token": ir.InHeader,
					"sid": ir.InCookie, "n": ir.InBody, "req": ir.InRequest, "resp": ir.InResponse,
					"bg": ir.InBackgroundTasks, "f": ir.InFile, "tags": ir.InBody, "name": ir.InForm}
				for n, in := range want {
					if p := ps[n]; p == nil || p.In != in {
						t.Errorf("%s: got %+v, want in=%s", n, p, in)
					}
				}
				if a := ps["x_token"].Alias(); a != "x-token" {
					t.Errorf("header alias = %q", a)
				}
			},
		},
		{
			name: "dependencies and security",
			files: map[string]string{
				"main.py": `from typing import Annotated
from fastapi import FastAPI, Depends, Security, APIRouter
from fastapi.security import OAuth2PasswordBearer
oauth = OAuth2PasswordBearer(tokenUrl="token", scopes={"me": "Read"})
def common(skip: int = 0): return skip
def user(token: Annotated[str, Depends(oauth)]): ...
Common = Annotated[int, Depends(common)]
app = FastAPI(dependencies=[Depends(common)])
router = APIRouter(prefix="/r", dependencies=[Security(user, scopes=["me"])])
@router.get("/x")
def x(c: Common): ...
app.include_router(router)
`,
			},
			app: "main:app",
			check: func(t *testing.T, app *ir.App) {
				r := routeByPath(app, "/r/x")
				if r == nil {
					t.Fatalf("routes: %v", routePaths(app))
				}
				deps := r.Dependant.Deps
				if len(deps) != 3 || deps[0].Call.Name != "common" || deps[1].Call.Name != "user" || deps[2].Name != "c" {
					t.Fatalf("deps = %+v", deps)
				}
				if got := deps[1].OwnScopes; len(got) != 1 || got[0] != "me" {
					t.Errorf("scopes = %v", got)
				}
				sec := deps[1].Deps[0].Security
				if sec == nil || sec.Name != "OAuth2PasswordBearer" {
					t.Errorf("security = %+v", sec)
				}
			},
		},
		{
			name: "models: inheritance, Field, enums, self reference",
			files: map[string]string{
				"main.py": `from __future__ import annotations
from enum import Enum
from typing import Optional
from fastapi import FastAPI
from pydantic import BaseModel, Field, ConfigDict
class Color(str, Enum):
    red = "r"
    blue = "b"
class Base(BaseModel):
    id: int = Field(gt=0, description="the id")
class Node(Base):
    model_config = ConfigDict(extra="forbid")
    color: Color = Color.red
    children: list[Node] = []
    parent: Optional["Node"] = None
app = FastAPI()
@app.post("/n")
def n(node: Node) -> Node: ...
`,
			},
			app: "main:app",
			check: func(t *testing.T, app *ir.App) {
				r := routeByPath(app, "/n")
				m := r.ResponseModel.Model
				if m == nil || len(m.Fields) != 4 || m.Fields[0].Name != "id" || m.Config.Extra != "forbid" {
					t.Fatalf("model = %+v", m)
				}
				if m.Fields[0].Type.Constraints.Gt == nil || *m.Fields[0].Info.Description != "the id" {
					t.Errorf("id field = %+v", m.Fields[0])
				}
				if c := m.Fields[2].Type; c.Kind != ir.KindList || c.Args[0].Model != m {
					t.Errorf("children = %v", c)
				}
				if d, ok := m.Fields[1].Info.Default.(ir.EnumMember); !ok || d.Name != "red" || d.Enum.Base != "str" {
					t.Errorf("color default = %#v", m.Fields[1].Info.Default)
				}
			},
		},
		{
			name: "decorators, closures and lists changed in place",
			files: map[string]string{
				"main.py": `from typing import Annotated
from fastapi import FastAPI, Depends, Header
app = FastAPI()
TAGS = ["a"]
TAGS.append("b")
ERRORS = {}
ERRORS[404] = {"description": "missing"}
def plain(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper
def marks(func):
    return func
def header(name, typ=str):
    def dep(v: Annotated[typ, Header(alias=name)]):
        return v
    return dep
@app.get("/w")
@plain
def w(q: int): ...
@app.get("/m", tags=TAGS, responses=ERRORS)
@marks
def m(v: Annotated[int, Depends(header("x-version", int))]): ...
for p in ["/x", "/y"]:
    app.add_api_route(p, m)
`,
			},
			app: "main:app",
			check: func(t *testing.T, app *ir.App) {
				w := routeByPath(app, "/w")
				ps := paramsOf(w)
				if w.Name != "wrapper" || len(ps) != 2 || ps["args"] == nil || ps["kwargs"] == nil || ps["args"].In != ir.InQuery || !w.Unresolved {
					t.Errorf("/w: name %s, params %v, unresolved %v", w.Name, ps, w.Unresolved)
				}
				m := routeByPath(app, "/m")
				v := paramsOf(m)["v"]
				if m.Unresolved || len(m.Tags) != 2 || len(m.Responses) != 1 || v == nil || v.In != ir.InHeader ||
					v.Alias() != "x-version" || v.Type.Kind != ir.KindInt {
					t.Errorf("/m: unresolved %v %v, tags %v, responses %d, v %+v", m.Unresolved, m.Diags, m.Tags, len(m.Responses), v)
				}
				if routeByPath(app, "/x") == nil || routeByPath(app, "/y") == nil || app.RoutesUnresolved {
					t.Errorf("routes %v", routePaths(app))
				}
			},
		},
		{
			name: "app found without module:attr, factory and environment",
			files: map[string]string{
				"service/__init__.py": "",
				"service/app.py": `import os
from fastapi import FastAPI
def create_app(name):
    application = FastAPI(title=os.getenv("NAME", name))
    @application.get("/ping")
    def ping(): ...
    return application
app = create_app("default")
`,
			},
			env: map[string]string{"NAME": "from-env"},
			check: func(t *testing.T, app *ir.App) {
				if app.Title != "from-env" || routeByPath(app, "/ping") == nil {
					t.Errorf("title %q, routes %v", app.Title, routePaths(app))
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app, err := liftFiles(t, tt.files, tt.app, tt.env)
			if err != nil {
				t.Fatalf("lift: %v", err)
			}
			tt.check(t, app)
		})
	}
}

func routePaths(app *ir.App) []string {
	var out []string
	for _, r := range app.Routes {
		out = append(out, strings.Join(r.Methods, ",")+" "+r.Path)
	}
	return out
}

func TestNoApp(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		app   string
	}{
		{"no instance", map[string]string{"main.py": "x = 1\n"}, ""},
		{"attr is not an app", map[string]string{"main.py": "app = 1\n"}, "main:app"},
		{"module missing", map[string]string{"main.py": ""}, "other:app"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := liftFiles(t, tt.files, tt.app, nil); err == nil {
				t.Error("want an error")
			}
		})
	}
}
