// Package codegen writes the Go service of a lifted FastAPI app (package ir): one
// handler per route in the shape of runtime/server's hand-written services, the
// pydantic models as typed structs with their decoders and encoders, the docs and
// openapi.json routes, and main.go.
//
// The generator never guesses. Whatever it cannot reproduce exactly (an IR construct
// it does not support yet, a diagnostic of the lifter, a function body package
// codegen/translate refuses) is a Refusal at the Python position it comes from, and
// Generate then returns no files: a service that is silently wrong is worse than none.
//
// Files of the output:
//
//	main.go          flags and server.Main, the embedded openapi.json
//	app.go           the router: docs routes, the app's routes in registration order, mounts
//	models.go        one struct per model, its decoder and encoder
//	<module>_py.go   the handlers of the routes declared in one Python module
//	helpers.go       small helpers the other files share
package codegen
