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
// runtime/pycall, in one bridge session per request; a websocket route is served by Go
// (handshake, parameters) with its endpoint in a worker for the life of the connection
// (websocket.go). What a bridged route still cannot do (a parameter the bridge cannot
// send, a dependency of a websocket route...) stays a Refusal, and Generate then returns
// no files: a service that is silently wrong is worse than none.
// Module state the app mutates (state.go) lives in Go when every function referring to
// it translates: a package variable, and the handlers of the routes whose functions touch
// it hold one mutex from their first call to their response. Otherwise it lives in
// Python, every route touching it is bridged, and all bridged calls run on one worker,
// which owns the state. A function a bridged route or an exception handler runs in
// CPython (its helpers, the background tasks it adds) keeps the state it touches in
// Python (background_state.go).
//
// A translated function's BackgroundTasks parameter is the request's tasks: add_task of
// an app function queues its translated call, run after the response (background.go).
// The app's startup and shutdown handlers, or its lifespan function split at its yield,
// run in Go around serving when they translate and no route needs the bridge, whose
// workers would run them otherwise (lifespan.go, lifespan_split.go).
//
// The app's middleware (middleware.go) is reproduced in Go in FastAPI's order: the
// Starlette classes through runtime/middleware, @app.middleware("http") functions
// translated like handler bodies and run by runtime/pyval/pymw (middleware_http.go); a
// middleware function that does not translate is a Refusal (a middleware is never
// bridged).
//
// Exception handlers of the app's own exception classes (exchandler.go) are translated
// on demand, when a translated body builds an instance of a class they handle, and run
// in Go from the router's exception hook (exceptions.go), found along the class's MRO as
// Starlette finds them; a body raising a class whose handler does not translate is
// refused, so its route is bridged and the worker runs the Python handler. Handlers of
// HTTPException, RequestValidationError and status codes are called through the bridge.
//
// Files of the output:
//
//	main.go          flags and server.Main, the embedded openapi.json
//	app.go           the router: docs routes, the app's routes in registration order, mounts
//	models.go        one struct per model, its decoder and encoder
//	<module>_py.go   the handlers of the routes declared in one Python module
//	helpers.go       small helpers the other files share
//	bridge.go        the Python worker pool and the models bridged results are rebuilt as
//	exceptions.go    the app's exception handlers of its own classes, translated
package codegen
