// Package pycall runs the Python functions of a bridged route from its generated
// handler. A route the generator cannot translate keeps its routing, parameter parsing,
// validation, security classes and response serialization in Go; its dependencies and
// endpoint run in the app's own CPython code through runtime/bridge, all in one bridge
// session per request (so a value the worker cannot send to Go, such as a database
// connection yielded by a dependency, stays in the worker for the next call).
//
// A generated handler uses it as
//
//	py := pycall.Begin(pool, routeInfo, rq)
//	return py.End(out, handleItemsBody(rq, out, py)) // the body calls py.Dep / py.Endpoint
//
// The body calls py.Later for a dependency whose value only goes to later bridged
// calls: the call is queued and sent with the next call whose reply Go needs (the
// endpoint's), so a route's Python functions cost one round trip (bridge.Session.Defer).
//
// End finishes the session: on an error right away (the exception reaches the yield
// dependencies, as FastAPI's exit stack makes it), else after the response is sent, as
// FastAPI runs background tasks and then the exit code of request-scoped yield
// dependencies. An exception a bridged function raised that the app's own exception
// handler turned into a response comes back as a *Handled error, which
// Handlers.Exceptions (the router's exception hook) answers with that response; the
// same hook calls the app's handlers of HTTPException, RequestValidationError and status
// codes through the bridge. Body validates a body parameter of a type Go does not
// generate (an opaque model) with pydantic in the session's worker. Forward serves a route by request forwarding: the whole
// request runs in the app's own FastAPI route.
package pycall
