// Package load reads the Python modules of a FastAPI app statically: it maps dotted module
// names to files under a root directory, parses the modules reachable from the app module
// through their import statements (packages, __init__.py, relative imports), and tells the
// app's own modules from the framework's (fastapi, starlette, pydantic, typing and the
// standard library are always the framework, even when the root holds a package of that
// name) and from unknown third-party modules.
//
// Nothing is imported or executed: package lift interprets the parsed modules.
package load
