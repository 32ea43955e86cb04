package codegen

import (
	"strings"

	"github.com/covetpy/covetgen/ir"
	jen "github.com/dave/jennifer/jen"
)

// Response classes and generator endpoints of bridged routes. A response class Go does
// not write itself (an app-defined subclass of JSONResponse or Response, a
// StreamingResponse...) and a generator endpoint (JSON Lines, server-sent events, or a
// streaming class given the generator) are refused natively; a bridged route with one
// has the worker build its response as FastAPI does, with the app's own class
// (runtime/bridge ResponseClass), and Go sends that response as it is.

// nativeClass reports the response classes Go writes itself (respond.go).
func nativeClass(name string) bool {
	switch name {
	case "fastapi.responses.JSONResponse", "starlette.responses.JSONResponse",
		"fastapi.responses.HTMLResponse", "starlette.responses.HTMLResponse",
		"fastapi.responses.PlainTextResponse", "starlette.responses.PlainTextResponse",
		"fastapi.responses.Response", "starlette.responses.Response",
		"fastapi.responses.RedirectResponse", "starlette.responses.RedirectResponse":
		return true
	}
	return false
}

// isGeneratorEndpoint reports an endpoint that yields: FastAPI streams what it yields.
func isGeneratorEndpoint(r *ir.Route) bool {
	return r.IsJSONStream || r.IsSSEStream || (r.Dependant != nil && r.Dependant.Call != nil && r.Dependant.Call.IsGenerator)
}

// classResponds reports a bridged route whose response the worker builds with the
// route's response class (see ResponseClass in runtime/bridge).
func (h *handler) classResponds() bool {
	r := h.r
	if !h.py || r.ResponseClass == nil {
		return false
	}
	return isGeneratorEndpoint(r) || !nativeClass(r.ResponseClass.Name)
}

// streamKind is how FastAPI streams a generator endpoint of r.
func streamKind(r *ir.Route) string {
	switch {
	case !isGeneratorEndpoint(r):
		return "NoStream"
	case r.IsSSEStream:
		return "StreamSSE"
	case r.IsJSONStream:
		return "StreamJSONL"
	}
	return "StreamRaw"
}

// classRef is the "module:qualname" of a response class's qualified name (a class
// defined at the top level of its module).
func classRef(name string) (string, bool) {
	i := strings.LastIndex(name, ".")
	if i <= 0 || i == len(name)-1 {
		return "", false
	}
	return name[:i] + ":" + name[i+1:], true
}

// responseClass is the bridge.ResponseClass literal of the route (classResponds).
func (h *handler) responseClass() (jen.Code, bool) {
	r := h.r
	ref, ok := classRef(r.ResponseClass.Name)
	if !ok {
		h.refuse(r.Pos, "response_class %s", r.ResponseClass.Name)
		return nil, false
	}
	kind := streamKind(r)
	lit := jen.Dict{jen.Id("Class"): jen.Lit(ref)}
	if r.StatusCode != nil {
		lit[jen.Id("Status")] = jen.Lit(*r.StatusCode)
	}
	if kind != "NoStream" {
		lit[jen.Id("Stream")] = jen.Qual(pkgBridge, kind)
		if r.ResponseModel != nil {
			// FastAPI ignores response_model= of a generator endpoint; not reproduced.
			h.refuse(r.Pos, "response model %s of the generator endpoint %s", r.ResponseModel, r.Endpoint.Name)
			return nil, false
		}
		if d := functionScopeGenerator(r.Dependant); d != nil {
			// FastAPI exits it before the stream is iterated; the worker starts pulling
			// items (up to its window of chunks) before the exit.
			h.refuse(d.Pos, "yield dependency %s with scope=\"function\" of the generator endpoint %s", d.Call.Name, r.Endpoint.Name)
			return nil, false
		}
	}
	if kind != "NoStream" || r.ResponseModel != nil {
		// The response model, or the stream items' response_model_* options (their type
		// is the endpoint's return annotation's item type, read by the worker).
		rf, ok := h.responseField()
		if !ok {
			return nil, false
		}
		lit[jen.Id("Field")] = rf
	}
	return jen.Op("&").Qual(pkgBridge, "ResponseClass").Values(lit), true
}

// functionScopeGenerator is a yield dependency with scope="function" under d, or nil.
func functionScopeGenerator(d *ir.Dependant) *ir.Dependant {
	var found *ir.Dependant
	if d == nil {
		return nil
	}
	for _, s := range d.Deps {
		s.Walk(func(x *ir.Dependant) {
			if found == nil && x.Scope == "function" && x.Call != nil && x.Call.IsGenerator {
				found = x
			}
		})
	}
	return found
}
