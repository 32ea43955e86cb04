package lift_test

import (
	"strings"
	"testing"

	"github.com/covetpy/covetgen/ir"
)

func modelNamed(app *ir.App, name string) *ir.Model {
	for _, m := range app.Models {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// TestModelConfigKeys checks model_config / class Config keys against pydantic 2.13: the
// keys the IR carries are read, those without effect (or outside ConfigDict, as v1 names
// are in pydantic 2) are ignored, and any other key set to a non-default value, or a
// carried key whose value is not known, is reported and marks the model.
func TestModelConfigKeys(t *testing.T) {
	cases := []struct {
		name, config string
		diag         string // "" when the model must stay resolved
		check        func(c ir.ModelConfig) bool
	}{
		{"carried", `model_config = ConfigDict(title="T", frozen=True, str_max_length=5, str_min_length=2,
        use_enum_values=True, ser_json_bytes="base64", extra="forbid")`, "", func(c ir.ModelConfig) bool {
			return c.Title != nil && *c.Title == "T" && c.Frozen && c.StrMaxLength != nil && *c.StrMaxLength == 5 &&
				c.StrMinLength != nil && *c.StrMinLength == 2 && c.UseEnumValues && c.SerJSONBytes == "base64" && c.Extra == "forbid"
		}},
		{"no-effect", `model_config = ConfigDict(arbitrary_types_allowed=True, protected_namespaces=(), defer_build=True,
        hide_input_in_errors=True, cache_strings=False, validation_error_cause=True)`, "", nil},
		{"defaults", `model_config = ConfigDict(validate_default=False, loc_by_alias=True, regex_engine="rust-regex",
        ignored_types=(), allow_inf_nan=1, json_encoders=None, str_min_length=0)`, "", func(c ir.ModelConfig) bool { return c.StrMinLength == nil }},
		{"v1-names", "class Config:\n        orm_mode = True\n        anystr_strip_whitespace = True\n        max_anystr_length = 2\n        foo = 1", "", func(c ir.ModelConfig) bool {
			return !c.FromAttributes && !c.StrStripWhitespace && c.StrMaxLength == nil
		}},
		{"validate_default", `model_config = ConfigDict(validate_default=True)`, "model_config validate_default=True is not supported", nil},
		{"json_encoders", "class Config:\n        json_encoders = {int: str}", "model_config json_encoders= not known statically", nil},
		{"json_encoders-known", `model_config = {"json_encoders": {}}`, "model_config json_encoders={} is not supported", nil},
		{"validate_assignment", `model_config = {"validate_assignment": True}`, "model_config validate_assignment=True is not supported", nil},
		{"coerce_numbers_to_str", `model_config = ConfigDict(coerce_numbers_to_str=True)`, "model_config coerce_numbers_to_str=True", nil},
		{"regex_engine", `model_config = ConfigDict(regex_engine="python-re")`, "model_config regex_engine='python-re'", nil},
		{"docstrings", `model_config = ConfigDict(use_attribute_docstrings=True)`, "use_attribute_docstrings=True", nil},
		{"ser_json_temporal", `model_config = ConfigDict(ser_json_temporal="milliseconds")`, "ser_json_temporal='milliseconds'", nil},
		{"ignored_types", `model_config = ConfigDict(ignored_types=(int,))`, "ignored_types", nil},
		{"title-generator", `model_config = ConfigDict(model_title_generator=lambda c: "x")`, "model_title_generator", nil},
		{"frozen-unknown", `model_config = ConfigDict(frozen=os.environ["F"] == "1")`, "model_config frozen= not known statically", nil},
		{"extra-bad", `model_config = ConfigDict(extra=os.environ["E"])`, "model_config extra= not known statically", nil},
		{"max-length-unknown", `model_config = ConfigDict(str_max_length=int(os.environ["N"]))`, "model_config str_max_length= not known statically", nil},
		{"ser-unknown", `model_config = ConfigDict(ser_json_timedelta=os.environ["T"])`, "model_config ser_json_timedelta= not known statically", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := "import os\nfrom fastapi import FastAPI\nfrom pydantic import BaseModel, ConfigDict\n\nclass M(BaseModel):\n    " +
				tc.config + "\n    s: str\n\napp = FastAPI()\n\n@app.post(\"/m\")\ndef m(m: M): ...\n"
			app, err := liftFiles(t, map[string]string{"main.py": src}, "main:app", nil)
			if err != nil {
				t.Fatal(err)
			}
			m := modelNamed(app, "M")
			if m == nil {
				t.Fatal("no model M")
			}
			if tc.diag == "" {
				if m.Unresolved || len(m.Diags) > 0 {
					t.Errorf("M should be resolved: %v", m.Diags)
				}
			} else if !m.Unresolved || !hasDiag(app, tc.diag) {
				t.Errorf("want %q and M unresolved (%v): %v", tc.diag, m.Unresolved, diagTexts(app))
			}
			if tc.check != nil && !tc.check(m.Config) {
				t.Errorf("config = %+v", m.Config)
			}
		})
	}
}

func diagsContain(ds ir.Diagnostics, sub string) bool {
	for _, d := range ds {
		if strings.Contains(d.String(), sub) {
			return true
		}
	}
	return false
}

// TestSecuritySchemeArguments checks security-scheme constructor arguments: a value not
// known statically or an argument outside FastAPI 0.141.1's signature is reported on every
// route depending on the scheme, which is marked unresolved.
func TestSecuritySchemeArguments(t *testing.T) {
	cases := []struct {
		name, scheme, diag string
	}{
		{"known", `OAuth2PasswordBearer("tok", "S", {"a": "b"}, "d", False, "/r")`, ""},
		{"known-kw", `HTTPBasic(realm="x", scheme_name="B", description="d", auto_error=True)`, ""},
		{"apikey", `APIKeyHeader(name="X-Key")`, ""},
		{"token-url", `OAuth2PasswordBearer(tokenUrl=os.environ["TOKEN_URL"])`, "OAuth2PasswordBearer(tokenUrl=...) not known statically"},
		{"positional", `OAuth2PasswordBearer("t", os.environ["NAME"])`, "OAuth2PasswordBearer(scheme_name=...) not known statically"},
		{"description", `HTTPBearer(description=os.environ["D"])`, "HTTPBearer(description=...) not known statically"},
		{"auto-error", `APIKeyHeader(name="k", auto_error=os.environ["A"] == "1")`, "APIKeyHeader(auto_error=...) not known statically"},
		{"realm", `HTTPBasic(realm=os.environ["R"])`, "HTTPBasic(realm=...) not known statically"},
		{"flows", `OAuth2(flows=os.environ["F"])`, "OAuth2(flows=...) not known statically"},
		{"openid", `OpenIdConnect(openIdConnectUrl=os.environ["U"])`, "OpenIdConnect(openIdConnectUrl=...) not known statically"},
		{"bad-keyword", `APIKeyQuery(name="k", bogus=1)`, "APIKeyQuery(bogus=...) is not an argument of APIKeyQuery"},
		{"kw-only", `HTTPBearer("JWT")`, "HTTPBearer() takes 0 positional arguments but 1 were given"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := "import os\nfrom fastapi import FastAPI, Depends, Security\n" +
				"from fastapi.security import OAuth2PasswordBearer, OAuth2, HTTPBasic, HTTPBearer, APIKeyHeader, APIKeyQuery, OpenIdConnect\n" +
				"scheme = " + tc.scheme + "\napp = FastAPI()\n\n@app.get(\"/a\")\ndef a(c=Depends(scheme)): ...\n\n" +
				"@app.get(\"/b\")\ndef b(c=Security(scheme)): ...\n\n@app.get(\"/c\")\ndef c(): ...\n"
			app, err := liftFiles(t, map[string]string{"main.py": src}, "main:app", nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range []string{"/a", "/b"} {
				r := routeByPath(app, p)
				if r == nil {
					t.Fatalf("no route %s", p)
				}
				if tc.diag == "" && (r.Unresolved || len(r.Diags) > 0) {
					t.Errorf("%s should be resolved: %v", p, r.Diags)
				}
				if tc.diag != "" && (!r.Unresolved || !diagsContain(r.Diags, tc.diag)) {
					t.Errorf("%s: want %q and unresolved (%v): %v", p, tc.diag, r.Unresolved, r.Diags)
				}
			}
			if r := routeByPath(app, "/c"); r == nil || r.Unresolved {
				t.Errorf("/c should be resolved")
			}
		})
	}
}

// TestAppWideProblems checks middleware and exception handlers: what the lift cannot take
// exactly is reported and marks the whole app (it changes every route); the positional
// arguments of Middleware(cls, *args) / add_middleware(cls, *args) are carried under their
// index.
func TestAppWideProblems(t *testing.T) {
	cases := []struct {
		name, code, diag string
		check            func(app *ir.App) bool
	}{
		{"middleware-positional", `app = FastAPI(middleware=[Middleware(GZipMiddleware, 500, compresslevel=5)])`, "", func(app *ir.App) bool {
			return len(app.Middleware) == 1 && repr(app.Middleware[0].Options) == "{0: 500, 'compresslevel': 5}"
		}},
		{"add-middleware-positional", "app = FastAPI()\napp.add_middleware(GZipMiddleware, 500)", "", func(app *ir.App) bool {
			return len(app.Middleware) == 1 && repr(app.Middleware[0].Options) == "{0: 500}"
		}},
		{"middleware-arg-unknown", `app = FastAPI(middleware=[Middleware(GZipMiddleware, int(os.environ["N"]))])`, "Middleware argument 1 not known statically", nil},
		{"middleware-kw-unknown", `app = FastAPI(middleware=[Middleware(GZipMiddleware, minimum_size=int(os.environ["N"]))])`, "Middleware(minimum_size=...) not known statically", nil},
		{"middleware-class-unknown", `app = FastAPI(middleware=[Middleware(os.environ["M"])])`, "Middleware class not known statically", nil},
		{"middleware-list-unknown", `app = FastAPI(middleware=os.environ["M"])`, "middleware= not known statically", nil},
		{"middleware-entry", `app = FastAPI(middleware=[GZipMiddleware])`, "middleware= entry not known statically", nil},
		{"add-middleware-unknown", "app = FastAPI()\napp.add_middleware(GZipMiddleware, minimum_size=int(os.environ['N']))", "add_middleware(minimum_size=...) not known statically", nil},
		{"add-middleware-arg", "app = FastAPI()\napp.add_middleware(GZipMiddleware, int(os.environ['N']))", "add_middleware argument 1 not known statically", nil},
		{"http-middleware-type", "app = FastAPI()\n@app.middleware('https')\nasync def mw(request, call_next): ...", `middleware type not "http"`, nil},
		{"handlers-known", `app = FastAPI(exception_handlers={404: h, ValueError: h, HTTPException: h})`, "", func(app *ir.App) bool {
			hs := app.ExceptionHandlers
			return len(hs) == 3 && hs[0].Code == 404 && hs[1].Exception == "builtins.ValueError" && hs[2].Exception == "fastapi.HTTPException"
		}},
		{"handlers-unknown-key", `app = FastAPI(exception_handlers={os.environ["E"]: h})`, "exception_handlers= key not known statically", nil},
		{"handlers-str-key", `app = FastAPI(exception_handlers={"404": h})`, "exception_handlers= key '404' is neither an exception class nor a status code", nil},
		{"handler-decorator-unknown", "app = FastAPI()\n@app.exception_handler(os.environ['E'])\nasync def eh(request, exc): ...", "exception handler key not known statically", nil},
		{"add-handler-unknown", "app = FastAPI()\napp.add_exception_handler(getattr(os, 'X'), h)", "exception handler key", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := "import os\nfrom fastapi import FastAPI, HTTPException\nfrom starlette.middleware import Middleware\n" +
				"from starlette.middleware.gzip import GZipMiddleware\n\nasync def h(request, exc): ...\n\n" + tc.code +
				"\n\n@app.get(\"/a\")\ndef a(): ...\n"
			app, err := liftFiles(t, map[string]string{"main.py": src}, "main:app", nil)
			if err != nil {
				t.Fatal(err)
			}
			if tc.diag == "" && (app.Unresolved || len(app.AllDiagnostics()) > 0) {
				t.Errorf("app should be resolved: %v", diagTexts(app))
			}
			if tc.diag != "" && (!app.Unresolved || !hasDiag(app, tc.diag)) {
				t.Errorf("want %q and the app unresolved (%v): %v", tc.diag, app.Unresolved, diagTexts(app))
			}
			if tc.check != nil && !tc.check(app) {
				for _, h := range app.ExceptionHandlers {
					t.Logf("handler %q %d", h.Exception, h.Code)
				}
				t.Errorf("check failed: middleware %+v", app.Middleware)
			}
		})
	}
}

// TestOtherRouteArguments checks the websocket and Starlette route methods against FastAPI
// 0.141.1's signatures: positional arguments are bound (name, methods, include_in_schema),
// and an argument the method does not take, or a name not known statically, is reported
// and marks the route.
func TestOtherRouteArguments(t *testing.T) {
	cases := []struct {
		name, code, path, diag string
		check                  func(r *ir.Route) bool
	}{
		{"ws-name-positional", "@app.websocket('/w', 'wsname')\nasync def w(ws: WebSocket): ...", "/w", "", func(r *ir.Route) bool {
			return r.Kind == ir.WebSocketRoute && r.Name == "wsname"
		}},
		{"ws-deps", "@app.websocket('/w', dependencies=[Depends(dep)])\nasync def w(ws: WebSocket): ...", "/w", "", nil},
		{"ws-bad-kw", "@app.websocket('/w', tags=['x'])\nasync def w(ws: WebSocket): ...", "/w", "websocket(tags=...) is not an argument of websocket", nil},
		{"ws-too-many", "@app.websocket('/w', 'n', [])\nasync def w(ws: WebSocket): ...", "/w", "websocket() takes at most 2 positional arguments", nil},
		{"ws-route-deps", "@app.websocket_route('/w', dependencies=[])\nasync def w(ws): ...", "/w", "websocket_route(dependencies=...) is not an argument", nil},
		{"add-ws", "async def w(ws: WebSocket): ...\napp.add_api_websocket_route('/w', w, 'n2')", "/w", "", func(r *ir.Route) bool {
			return r.Kind == ir.WebSocketRoute && r.Name == "n2"
		}},
		{"add-ws-bad", "async def w(ws: WebSocket): ...\napp.add_api_websocket_route('/w', w, response_model=int)", "/w", "add_api_websocket_route(response_model=...) is not an argument", nil},
		{"add-route-positional", "async def h(request): ...\napp.add_route('/r', h, ['POST'], 'rn', False)", "/r", "", func(r *ir.Route) bool {
			return r.Kind == ir.StarletteRoute && r.Name == "rn" && len(r.Methods) == 1 && r.Methods[0] == "POST"
		}},
		{"add-route-route-kw", "async def h(request): ...\napp.add_route('/r', route=h, methods=['PUT'])", "/r", "", func(r *ir.Route) bool {
			return r.Kind == ir.StarletteRoute && r.Name == "h" && len(r.Methods) == 1 && r.Methods[0] == "PUT"
		}},
		{"add-route-endpoint-kw-on-app", "async def h(request): ...\napp.add_route('/r', endpoint=h)", "/r", "add_route(endpoint=...) is not an argument of add_route", nil},
		{"add-route-bad", "async def h(request): ...\napp.add_route('/r', h, tags=['x'])", "/r", "add_route(tags=...) is not an argument of add_route", nil},
		{"route-methods-positional", "@app.route('/r', ['PATCH'])\nasync def h(request): ...", "/r", "", func(r *ir.Route) bool {
			return len(r.Methods) == 1 && r.Methods[0] == "PATCH"
		}},
		{"route-methods-unknown", "@app.route('/r', os.environ['M'])\nasync def h(request): ...", "/r", "methods= not known statically", nil},
		{"name-unknown", "@app.get('/g', name=os.environ['N'])\ndef g(): ...", "/g", "route name= not known statically", nil},
		{"ws-name-unknown", "@app.websocket('/w', os.environ['N'])\nasync def w(ws: WebSocket): ...", "/w", "route name= not known statically", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := "import os\nfrom fastapi import FastAPI, WebSocket, Depends\n\ndef dep(): ...\n\napp = FastAPI()\n\n" + tc.code + "\n"
			app, err := liftFiles(t, map[string]string{"main.py": src}, "main:app", nil)
			if err != nil {
				t.Fatal(err)
			}
			r := routeByPath(app, tc.path)
			if r == nil {
				t.Fatalf("no route %s: %v", tc.path, diagTexts(app))
			}
			if tc.diag == "" && (r.Unresolved || len(r.Diags) > 0) {
				t.Errorf("route should be resolved: %v", r.Diags)
			}
			if tc.diag != "" && (!r.Unresolved || !diagsContain(r.Diags, tc.diag)) {
				t.Errorf("want %q and the route unresolved (%v): %v", tc.diag, r.Unresolved, diagTexts(app))
			}
			if tc.check != nil && !tc.check(r) {
				t.Errorf("route = kind %v name %q methods %v", r.Kind, r.Name, r.Methods)
			}
		})
	}
}
