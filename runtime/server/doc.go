// Package server runs a generated service the way uvicorn runs a FastAPI
// app: the same command-line flags and UVICORN_* environment variables
// (--host 127.0.0.1, --port 8000, --root-path, --proxy-headers,
// --forwarded-allow-ips, --timeout-keep-alive, --timeout-graceful-shutdown,
// --no-access-log), uvicorn's log lines (the access log line per request on
// stdout), lifespan startup/shutdown hooks, graceful shutdown on SIGINT or
// SIGTERM (in-flight requests finish), HTTP/1.1 keep-alive and h2c
// (HTTP/2 with prior knowledge over cleartext, through net/http's
// Protocols).
//
// Protection against slow or greedy clients, which uvicorn leaves to a
// proxy: a read-header timeout (10s), a whole-request read timeout (60s),
// the idle keep-alive timeout (uvicorn's 5s), a header size limit (h11's
// 16 KiB) and a request body limit (--limit-body, default 16 MiB, 0 for
// none) answered 413 when an endpoint reads a larger body.
//
// Header order: Run serves on a listener wrapped by TrackHeaderOrder, which follows
// HTTP/1.1 framing on each connection's bytes and records each request's header names
// in received order, so request.ReceivedHeaders gives the fields as Starlette's
// request.headers holds them (net/http's Header map loses that order). HTTP/2 requests,
// hijacked connections and input net/http refuses have no order (see headorder.go).
//
// Generated main functions read:
//
//	cfg := server.MustConfig()                 // flags + environment
//	app := buildApp(cfg.RouterOptions())       // *router.Router
//	server.Main(app, cfg, server.Lifespan{...}) // blocks; exits non-zero on failure
//
// Relative paths given in the configuration are resolved against the
// working directory at startup.
package server
