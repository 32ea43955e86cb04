// Package migrate orchestrates `covetgen migrate`: it loads and lifts a FastAPI app
// (packages ir/load and ir/lift), emits its OpenAPI document (ir/openapi), generates the
// Go service (package codegen) and writes a self-contained Go module:
//
//	OUT/go.mod                module <OUT's name>; require + replace of covetgen's module
//	OUT/go.sum                the checksums of the runtime's third-party modules
//	OUT/*.go, openapi.json    the service (see package codegen)
//	OUT/covetgen-runtime/     the runtime packages the service imports, copied from the
//	                          sources covetgen embeds (runtime.Sources), with their go.mod
//
// The module builds with `go build` and nothing but Go and the module proxy (or a module
// cache holding the runtime's few dependencies): there is no path back into covetgen's
// checkout.
//
// Routes whose functions do not translate run them in CPython through the bridge
// (Options.BridgeAll: every route); the service then needs python3 with pydantic 2 and
// the app's own dependencies at run time, and finds the app's sources at the absolute
// ROOT given to Run (--app-dir overrides it). With Options.Forward, a route that a
// handler call cannot serve either (a response class or a parameter type Go does not
// reproduce, a streaming endpoint it cannot translate...) is served by request forwarding: the whole request
// runs in the app's own FastAPI route in a worker, which then needs FastAPI itself. When the generator refuses a construct
// that neither way can serve, Run writes nothing and returns a *RefusedError listing
// every reason as FILE:LINE:COL: cannot translate CONSTRUCT.
//
// # Coverage
//
// CoverageOf (`covetgen coverage`) reports, without writing anything, which routes Run
// would serve natively ("native"), which run their functions in CPython through the
// bridge ("handler-call", with the reasons they are not native), and which can be served
// neither way ("blocked", with the blockers as well: such a route blocks the app, as the
// whole-request forwarding mode is not implemented); the refusals that belong to no
// route (lifespan, startup and shutdown handlers, middleware functions, exception
// handlers, mounts, unresolved constructs...) are listed apart as app-level refusals:
// they block the whole app. The reasons of the routes and the app-level refusals together
// are exactly the refusals Run reports (codegen.Analyze attributes them). A comment
// "# covetgen: bridge" alone on a def line, on one of its decorators' lines or on the line
// above the def or its first decorator forces every route whose endpoint or dependency is
// that function to the bridge, with the reason "forced by # covetgen: bridge pragma" at
// the comment. Handler lines are the source lines of the endpoint functions (def line to
// last line), each function counted once, as native when all its routes are.
//
// WriteCoverage prints a report as text, markdown, GitHub workflow annotations
// (::warning file=F,line=L,col=C::message on each blocking line, then a ::notice or, below
// --min, an ::error summary) or JSON:
//
//	{
//	  "app": "main:app",                   // module:attr ("" when the app could not be lifted)
//	  "routes": [                          // registration order, then mounted sub-apps' routes
//	    {
//	      "methods": ["GET"],
//	      "path": "/items/{item_id}",      // mount prefixes included
//	      "kind": "api",                   // "api", "websocket" or "starlette"
//	      "name": "read_item",             // route name
//	      "endpoint": "main.read_item",    // module.qualname of the endpoint
//	      "pos": "app/main.py:13:2",       // where the route is registered
//	      "mode": "native",                // "native", "handler-call", "request-forwarding" or "blocked"
//	      "lines": 2,                      // source lines of the endpoint function
//	      "reasons": [                     // empty for a native route
//	        {"file": "app/main.py", "line": 14, "col": 5,
//	         "message": "cannot translate list comprehension"}
//	      ],
//	      "blockers": [...]                // blocked and forwarded routes: why a handler call cannot serve it
//	    }
//	  ],
//	  "single_worker": false,              // bridged functions use mutated module state: one worker
//	  "app_refusals": [                    // same shape as "reasons"
//	    {"file": "app/main.py", "line": 9, "col": 1, "message": "cannot translate lifespan function lifespan"}
//	  ],
//	  "totals": {
//	    "routes": 2, "native_routes": 1, "bridge_routes": 1, "blocked_routes": 0, "forwarded_routes": 0,
//	    "native_percent": 50,              // 100*native_routes/routes (100 without routes)
//	    "lines": 5, "native_lines": 2, "bridge_lines": 3,
//	    "native_lines_percent": 40,        // 100*native_lines/lines (100 without lines)
//	    "app_refusals": 1                  // len(app_refusals)
//	  }
//	}
//
// File positions are relative to the working directory (Root joined), as Run's refusals.
package migrate
