// Package middleware reproduces the Starlette middleware a FastAPI app
// declares, as standard net/http middleware (func(http.Handler) http.Handler):
//
//   - [CORS]: CORSMiddleware (simple and preflight responses);
//   - [GZip]: GZipMiddleware (minimum_size, compresslevel, vary);
//   - [TrustedHost]: TrustedHostMiddleware (with the www. redirect);
//   - [HTTPSRedirect]: HTTPSRedirectMiddleware;
//   - [HTTP]: an app's own @app.middleware("http") function, with Starlette's
//     call_next semantics (BaseHTTPMiddleware);
//   - [ServerError]: ServerErrorMiddleware, the outermost layer turning a
//     panic into the plain 500 (or the app's 500/Exception handler);
//   - [Stack]: the order Starlette builds them in.
//
// # Order
//
// FastAPI builds ServerErrorMiddleware, then app.user_middleware, then
// ExceptionMiddleware and the router. add_middleware and the
// @app.middleware("http") decorator both insert at the front of
// user_middleware, so the middleware declared last is the outermost. [Stack]
// takes them in declaration order and composes them that way.
//
// # Response model
//
// Starlette middleware edits the "http.response.start" message before it is
// sent. Here that moment is the first WriteHeader (or Write/Flush) reaching a
// wrapped http.ResponseWriter: CORS adds its headers then; GZip holds the
// status and headers back until it has seen the body. A body written without
// calling Flush is one ASGI body message (more_body=False), as a Response
// sends it; each Flush ends a message with more_body=True, as a
// StreamingResponse (or a response passed through call_next) sends them. So
// GZip compresses a flushed body whatever its size and drops its
// content-length, exactly as Starlette does for streamed bodies.
//
// Exceptions are panics: a handler (or an @app.middleware function) that
// raises panics, the panic crosses the middleware like the exception crosses
// Starlette's (their later header edits are lost) and ServerError answers 500
// if nothing was sent yet.
//
// Headers are written through net/http, which orders header fields by name;
// Starlette's field order is not reproduced (values and repeats are).
package middleware
