// Package pycall runs the Python functions of a bridged route from its generated
// handler. A route the generator cannot translate keeps its routing, parameter parsing,
// validation, security classes and response serialization in Go; its dependencies and
// endpoint run in the app's own CPython code through runtime/bridge, all in one bridge
// session per request (so a value the worker cannot send to Go, such as a database
// connection yielded by a dependency, stays in the worker for the next call).
//
// A generated handler uses it as
//
//	c := pycall.Begin(pool, routeInfo, rq)
//	return c.End(out, handleItemsPy(rq, out, c)) // the body calls c.Dep / c.Endpoint
//
// End finishes the session: on an error right away (the exception reaches the yield
// dependencies, as FastAPI's exit stack makes it), else after the response is sent, as
// FastAPI runs background tasks and then the exit code of request-scoped yield
// dependencies. An exception a bridged function raised that the app's own exception
// handler turned into a response comes back as a *Handled error, which Exceptions (the
// router's exception hook) answers with that response.
package pycall
