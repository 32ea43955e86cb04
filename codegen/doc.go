// Package codegen writes the Go service of a lifted FastAPI app (package ir): one
// handler per route in the shape of runtime/server's hand-written services, the
// pydantic models as typed structs with their decoders and encoders, the docs and
// openapi.json routes, and main.go.
//
// The generator never guesses. Whatever it cannot reproduce exactly (an IR construct
// it does not support yet, a diagnostic of the lifter, a function body package
// codegen/translate refuses) is a Refusal at the Python position it comes from.
//
// A route refused natively (or forced: Input.BridgeAll, a `# covetgen: bridge` pragma)
// is generated again as a bridged route (bridge.go): Go still routes, reads and
// validates its parameters, runs its security classes and writes its response, while all
// its dependencies and its endpoint run in the app's own CPython code through
// runtime/pycall, in one bridge session per request. What a bridged route still cannot
// do (a parameter the bridge cannot send, a websocket route...) stays a Refusal, and
// Generate then returns no files: a service that is silently wrong is worse than none.
// Module state the app mutates (state.go) lives in Go when every function referring to
// it translates: a package variable, and the handlers of the routes whose functions touch
// it hold one mutex from their first call to their response. Otherwise it lives in
// Python, every route touching it is bridged, and all bridged calls run on one worker,
// which owns the state.
//
// Files of the output:
//
//	main.go          flags and server.Main, the embedded openapi.json
//	app.go           the router: docs routes, the app's routes in registration order, mounts
//	models.go        one struct per model, its decoder and encoder
//	<module>_py.go   the handlers of the routes declared in one Python module
//	helpers.go       small helpers the other files share
//	bridge.go        the Python worker pool and the models bridged results are rebuilt as
package codegen
