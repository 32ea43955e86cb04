// Package router dispatches requests with Starlette's routing semantics and
// runs FastAPI's exception handling around generated endpoints.
//
// # Semantics (starlette/routing.py)
//
//   - Routes are scanned in registration order on the percent-decoded path
//     (scope["path"] less root_path). The first route matching path and
//     method wins; otherwise the first route matching the path alone gives
//     405 with that route's methods in allow; a later full match beats an
//     earlier partial one.
//   - Templates compile like compile_path: {name} and {name:conv} with the
//     convertors str [^/]+, path .*, int [0-9]+, float [0-9]+(\.[0-9]+)?,
//     uuid; anchored like re.match(...$) (so a final "\n" is tolerated);
//     parameters are greedy and back off as Python's backtracking does
//     (verified against Python's re in the tests). Unknown convertors and
//     duplicate names fail at registration, as Starlette fails at startup.
//     Parameter values reach the endpoint as the matched text ("0042"); the
//     endpoint converts and validates them.
//   - API routes (API) answer exactly their methods: no implicit HEAD or
//     OPTIONS. Starlette routes (Route, RouteHTTP: docs, openapi.json)
//     answer HEAD with GET.
//   - Nothing matched: with redirect_slashes (the default) and a path other
//     than "/", the trailing slash is toggled (rstrip("/") or + "/") and if
//     any route then matches, even partially, the answer is a 307 to
//     scheme://host + path + ?query, quoted as RedirectResponse does; else
//     404 {"detail":"Not Found"}.
//   - Websocket routes (WebSocket) match websocket handshakes only, which
//     in turn match nothing else but mounts: an HTTP request ignores them
//     (404, 405, redirect_slashes), and a handshake no websocket route
//     matches gets no 405 and no redirect but Starlette's close before
//     accept, 403 on uvicorn's wire, past the exception handlers. A
//     handshake is what uvicorn hands to its websocket protocol
//     (IsWebSocket); one that is not an HTTP/1.1 GET gets the websockets
//     library's 400 without reaching the app.
//   - Mount(path, h): "{path}/{path:path}" matches, root_path grows by the
//     matched prefix, the mounted app sees the same full path. A mounted
//     *Router is a sub-app with its own redirect_slashes, root_path,
//     middleware, exception handling and 500.
//   - root_path: FastAPI(root_path=...) (Options.RootPath) replaces
//     scope["root_path"], so routes answer both /x and /prefix/x; uvicorn's
//     --root-path (Options.ServerRootPath) also prefixes the path.
//
// # Errors
//
// An endpoint returns an *response.HTTPException (FastAPI's handler writes
// {"detail": ...} with its headers first), a *response.RequestValidationError
// (422), or any other error, which, like a panic, becomes Starlette's plain
// 500 "Internal Server Error" written past the middleware (their header
// edits are lost, as with ServerErrorMiddleware), and is logged. Options.
// Exceptions is the app's exception_handlers. A failure after the response
// started aborts the connection, as uvicorn closes it. With
// Options.PropagatePanics the 500 is left to an outer
// runtime/middleware.ServerError instead.
//
// # Why not chi's matcher
//
// go-chi/chi/v5 is the services' router dependency, but its radix tree
// disagrees with Starlette where it matters: static segments beat
// parameters regardless of order (Starlette: first registered wins, so
// GET /teams/special can be shadowed by /teams/{id}), it has no partial
// match/405-from-first-partial rule, no regex-like backtracking convertors,
// matches on the raw (escaped) path, and cleans or redirects paths its own
// way. So matching is this package's own ordered matcher (an http.Handler);
// chi composes the middleware chain (chi.Chain), and a Router can itself be
// mounted in a chi.Mux ("/" or a prefix) when a service wants chi routes
// next to the FastAPI ones.
//
// # Speed
//
// Matching is a linear scan with a literal-prefix pre-check and no
// allocation; per-request state (request.Request, response.Out) is pooled.
// On a 20-route app a lookup costs 20-150 ns (BenchmarkRouting).
package router
