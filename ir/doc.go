// Package ir is covetgen's intermediate representation of a FastAPI application: what the
// app would register and declare when imported, worked out statically from its Python
// source (nobody imports the app).
//
// An App holds its routes in registration order with router prefixes, tags, dependencies
// and responses already merged as FastAPI merges them; mounts; middleware; exception
// handlers; and every pydantic model and Enum reachable from them. Parameters are classified
// as FastAPI classifies them (path, query, header, cookie, body, form, file, or a special
// injected object), dependencies form a tree of Dependants, and types use a small algebra
// (Type) that covers what FastAPI and pydantic give meaning to.
//
// Every node keeps the Python source position it came from (Pos). What the lifter cannot
// resolve statically is reported as a Diagnostic and the route or model carrying it is
// marked Unresolved, for the code generator to hand to the CPython bridge.
//
// Sub-packages: load reads the app's modules and resolves names; lift builds the IR;
// openapi emits the OpenAPI document FastAPI would serve; ojson is the ordered JSON model
// the emitter writes.
package ir
