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
// When the generator refuses a construct, Run writes nothing and returns a *RefusedError
// listing every reason as FILE:LINE:COL: cannot translate CONSTRUCT.
package migrate
