package lift_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/ir/openapi"
	"github.com/covetpy/covetgen/parser"
)

// TestUnsupportedConstructs lifts apps built on what the lifter cannot resolve statically:
// each construct must give a positioned diagnostic naming it, and the route or model it
// touches must be marked unresolved (the app, for missing routes or a replaced document),
// while the routes and models it does not touch stay resolved.
func TestUnsupportedConstructs(t *testing.T) {
	tests := []struct {
		dir   string
		diags []string
		// routes and models: name -> whether it is unresolved.
		routes, models                      map[string]bool
		routesUnresolved, openAPIUnresolved bool
	}{
		{
			dir: "unsupported",
			diags: []string{
				"main.py:132:1: routes registered in the for loop over discover_reports(...) are missing: its iterations are not known statically",
				"main.py:145:1: the app replaces its OpenAPI document (app.openapi / app.openapi_schema); the generated one is FastAPI's default",
				"main.py:56:7: the OpenAPI document depends on values covetgen cannot compute",
				"main.py:93:2: uses model Invoice, which is not fully resolved",
				"main.py:98:2: uses model Product, which is not fully resolved",
				"main.py:102:2: uses model Payment, which is not fully resolved",
				"main.py:110:2: uses model Refund, which is not fully resolved",
				"main.py:115:12: type of parameter point not resolved: module shapely.geometry is not part of the app nor of the framework",
				"main.py:118:35: dependency not resolved: result of rate_limiter() not known statically",
				"main.py:128:2: function stats is decorated by cache(...), which is not known statically (module fastapi_cache.decorator is not part of the app nor of the framework)",
				"main.py:154:2: uses model Account, which is not fully resolved",
				"main.py:22:1: model Invoice: alias_generator main.camelize gives no alias known statically for field invoice_id; field aliases may differ",
				"main.py:33:1: model Product: json_schema_extra is a callable (add_example); the schema changes it makes are not applied",
				"main.py:40:5: type of field Payment.amount not resolved: module mylib.types is not part of the app nor of the framework",
				"main.py:52:5: type of field Refund.amount not resolved: PEP 695 type alias Cents (a type statement) is not supported",
				"main.py:151:5: Annotated metadata WithJsonSchema(...) is not supported",
				"main.py:149:5: type of field Account.password uses pydantic.SecretStr, which is not supported",
				"main.py:150:5: type of field Account.homes not resolved: module shapely.geometry is not part of the app nor of the framework",
			},
			routes: map[string]bool{
				"GET /orders": false, "POST /invoices": true, "GET /products/{sku}": true, "POST /payments": true,
				"POST /customers": false, "POST /refunds": true, "GET /nearby": true, "GET /search": true,
				"GET /items/{item_id}": false, "GET /stats": true, "POST /accounts": true,
			},
			models: map[string]bool{"Invoice": true, "Product": true, "Payment": true, "Customer": false, "Refund": true,
				"Account": true},
			routesUnresolved: true, openAPIUnresolved: true,
		},
		{
			dir: "unsupported_routers",
			diags: []string{
				"main.py:11:32: root_path= not known statically",
				"main.py:31:1: include_router of a router not known statically (result of router_for() not known statically); its routes are missing",
				"main.py:32:1: routers registered in the for loop over plugins.load_routers(...) are missing: its iterations are not known statically",
				"main.py:11:7: the OpenAPI document depends on values covetgen cannot compute",
				"main.py:12:17: prefix= not known statically (attribute .get not known statically)",
				"main.py:20:2: summary= not known statically (subscript not evaluated statically)",
				"main.py:21:38: Query(le=...) not known statically (operation on values not known statically)",
				"main.py:20:2: uses model Item, which is not fully resolved",
				"main.py:46:36: route_class= is a custom APIRoute class (it changes how requests are handled), not supported",
				"main.py:16:17: Field(description=...) not known statically (subscript not evaluated statically)",
				"main.py:17:16: Field(ge=...) not known statically (subscript not evaluated statically)",
			},
			routes:           map[string]bool{"GET /health": false, "GET /items": true, "GET /timed/ping": true},
			models:           map[string]bool{"Item": true},
			routesUnresolved: true, openAPIUnresolved: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			prog, err := load.Load(filepath.Join("testdata", tt.dir), load.Options{Parse: parser.ParseFile, App: "main:app"})
			if err != nil {
				t.Fatal(err)
			}
			app, err := lift.Lift(prog, lift.Options{})
			if err != nil {
				t.Fatal(err)
			}
			_, emitted := openapi.Generate(app)
			var got []string
			for _, d := range append(app.AllDiagnostics(), emitted...) {
				got = append(got, d.String())
			}
			if !slices.Equal(got, tt.diags) {
				t.Errorf("diagnostics:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.diags, "\n  "))
			}
			routes := map[string]bool{}
			for _, r := range app.Routes {
				routes[strings.Join(r.Methods, ",")+" "+r.Path] = r.Unresolved
			}
			if !mapsEqual(routes, tt.routes) {
				t.Errorf("routes (unresolved?) = %v, want %v", routes, tt.routes)
			}
			models := map[string]bool{}
			for _, m := range app.Models {
				models[m.Name] = m.Unresolved
			}
			if !mapsEqual(models, tt.models) {
				t.Errorf("models (unresolved?) = %v, want %v", models, tt.models)
			}
			if app.RoutesUnresolved != tt.routesUnresolved || app.OpenAPIUnresolved != tt.openAPIUnresolved {
				t.Errorf("app: RoutesUnresolved %v, OpenAPIUnresolved %v", app.RoutesUnresolved, app.OpenAPIUnresolved)
			}
			for _, d := range got {
				if !strings.HasPrefix(d, "main.py:") {
					t.Errorf("diagnostic without a position: %s", d)
				}
			}
		})
	}
}

func mapsEqual(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
