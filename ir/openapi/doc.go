// Package openapi emits the OpenAPI 3.1 document FastAPI would serve for an IR app: the
// document fastapi.openapi.utils.get_openapi builds, with pydantic's JSON Schema generation
// rules for every field, model and enum, and the normalization FastAPI's own OpenAPI models
// apply to the result (key order, float-typed keywords, dropped nulls).
//
// The emitter works on the IR only; values it cannot know are reported as diagnostics and
// written as their source text.
package openapi
