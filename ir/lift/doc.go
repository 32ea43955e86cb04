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
// models read with pydantic's (fields, Field() metadata, inheritance, model_config,
// alias generators).
//
// Decorators defined in the app are called: a decorator that returns the function leaves it
// alone; a functools.wraps wrapper keeps the function's signature, name and docstring (as
// inspect.signature follows __wrapped__) while the Callable is the wrapper (named
// "decorator.<locals>.wrapper", at the decorator's use), which the code generator runs
// through the bridge unless it is a plain pass-through (codegen/decorators.go); any other
// wrapper replaces the function and leaves the route unresolved. Models constructed by
// name in function bodies are lifted too when fully resolved (bodymodels.go). A def
// run inside a function call (a dependency factory's closure) makes a new function object
// each time: each gets its own Callable.Key, as FastAPI caches dependencies by object.
// Loops whose iterations are not known (a for over a runtime list, a while) run once,
// registering nothing: what they would register is reported missing. Lists and dicts
// changed in place (append, item assignment) are followed.
//
// Diagnostics, each at the construct's position, with the route or model marked Unresolved
// (the app's RoutesUnresolved or OpenAPIUnresolved when routes or the document are at stake):
// imports from outside the root and the framework; types not resolved or not modeled (a PEP
// 695 type alias, SecretStr, a plain class) anywhere in a field, parameter or response type;
// Annotated metadata that changes the schema (WithJsonSchema); alias generators and
// json_schema_extra callables the interpreter cannot run; Field()/Query()/route/router/app
// keywords whose values are not known; dependencies and decorators whose results are not
// known; routes, routers and mounts registered in unknown loops or from unknown routers; a
// custom route_class; app.openapi replaced; modules that do not parse (an error: no app).
package lift
