// Package lift builds the IR of a FastAPI app from its parsed modules (package load) by
// interpreting them abstractly: module bodies run statement by statement over a small
// object model (constants, framework objects, classes, functions, apps and routers), so that
// imports, re-exports, aliases, constants, decorators and include_router calls resolve the
// way they do when Python imports the app. Nothing is executed for real: function bodies
// are never run, and what cannot be known statically becomes an Opaque value or an unknown
// object, reported as a Diagnostic where it matters.
//
// Parameters are classified with FastAPI's rules (fastapi/dependencies/utils.py
// analyze_param), routers merged with FastAPI's (fastapi/routing.py include_router), and
// models read with pydantic's (fields, Field() metadata, inheritance, model_config).
package lift
