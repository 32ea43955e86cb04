package router

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/go-chi/chi/v5"

	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
)

// Handler is a generated endpoint: it reads rq, and either produces the
// response on out (returning nil) or returns an error: an
// *response.HTTPException, a *response.RequestValidationError, or any
// other error for a 500.
type Handler func(rq *request.Request, out *response.Out) error

// ExceptionHandler is an app's exception_handlers: given an error raised by
// an endpoint (or the router's own 404/405), it returns the response, or
// (nil, nil) to fall back to FastAPI's defaults, or (nil, err) when the
// handler itself fails (a 500).
type ExceptionHandler func(rq *request.Request, err error) (*response.Response, error)

// Options configure a Router (one FastAPI or Starlette app).
type Options struct {
	// StrictSlashes is redirect_slashes=False.
	StrictSlashes bool
	// RootPath is FastAPI(root_path=...): it replaces scope["root_path"].
	RootPath string
	// ServerRootPath is uvicorn's --root-path: prefixed to scope["path"]
	// and the initial scope["root_path"].
	ServerRootPath string
	// MaxBody bounds request bodies read by endpoints (0: no limit).
	MaxBody int64
	// Middleware wraps the routing (user middleware, outermost first),
	// inside the 500 handling: a 500 skips it, as with Starlette's
	// ServerErrorMiddleware. Middleware must not recover panics.
	Middleware []func(http.Handler) http.Handler
	// Exceptions is the app's custom exception handling (nil: FastAPI's).
	Exceptions ExceptionHandler
	// PropagatePanics is for a router wrapped by an outer
	// ServerErrorMiddleware (runtime/middleware.Stack): unhandled errors and
	// panics are re-panicked (as error values) instead of answered here.
	PropagatePanics bool
	// ErrorLog receives "Exception in ASGI application" reports (nil: the
	// uvicorn-style line on stderr).
	ErrorLog func(msg string)
}

type entry struct {
	tpl     *Template
	methods []string // nil: every method
	allow   string
	handler Handler
	ws      bool         // a websocket route: matches websocket handshakes only
	sub     *Router      // mount of a sub-app
	mount   http.Handler // mount of another handler
	// httpOnly: the mounted handler is an app that fails on a websocket
	// scope (MountHTTP).
	httpOnly bool
}

func (e *entry) allows(method string) bool {
	if e.methods == nil {
		return true
	}
	for _, m := range e.methods {
		if m == method {
			return true
		}
	}
	return false
}

// Router is one app's ordered routes with Starlette's matching rules.
type Router struct {
	entries []*entry
	// byFirst lists, for a first path segment, the entries that can match
	// a path starting with it, in registration order; wild those that can
	// match any (a parameter in their first segment).
	byFirst map[string][]*entry
	wild    []*entry
	opt     Options
	stack   http.Handler // middleware chain ending in inner; nil without middleware
	pool    sync.Pool
}

// New makes an empty Router.
func New(opt Options) *Router {
	rt := &Router{opt: opt}
	rt.pool.New = func() any { return new(ctx) }
	if len(opt.Middleware) > 0 {
		rt.stack = chi.Chain(opt.Middleware...).Handler(http.HandlerFunc(rt.inner))
	}
	if rt.opt.ErrorLog == nil {
		rt.opt.ErrorLog = defaultErrorLog
	}
	return rt
}

func (rt *Router) add(e *entry, path string) error {
	if !strings.HasPrefix(path, "/") {
		return fmt.Errorf("routed paths must start with '/': %q", path)
	}
	tpl, err := Compile(path)
	if err != nil {
		return err
	}
	e.tpl = tpl
	rt.entries = append(rt.entries, e)
	rt.reindex()
	return nil
}

// firstSegment is the bucket key of a template: the first path segment when
// its literal prefix fixes it, else ok=false (the route may match paths with
// any first segment).
func firstSegment(t *Template) (string, bool) {
	p := t.prefix
	if len(p) == 0 || p[0] != '/' {
		return "", false
	}
	if j := strings.IndexByte(p[1:], '/'); j >= 0 {
		return p[1 : 1+j], true
	}
	if t.static {
		return p[1:], true
	}
	return "", false
}

// pathFirstSegment is the bucket key of a request path (a key no route
// has for a path not starting with '/'); a final "\n" is dropped as '$'
// allows it.
func pathFirstSegment(path string) string {
	if len(path) == 0 || path[0] != '/' {
		return "\x00"
	}
	rest := path[1:]
	if j := strings.IndexByte(rest, '/'); j >= 0 {
		return rest[:j]
	}
	return strings.TrimSuffix(rest, "\n")
}

// reindex rebuilds the first-segment index (at registration time).
func (rt *Router) reindex() {
	rt.byFirst = map[string][]*entry{}
	rt.wild = rt.wild[:0]
	for _, e := range rt.entries {
		if _, ok := firstSegment(e.tpl); !ok {
			rt.wild = append(rt.wild, e)
		}
	}
	for _, e := range rt.entries {
		key, ok := firstSegment(e.tpl)
		if !ok {
			continue
		}
		if _, done := rt.byFirst[key]; done {
			continue
		}
		var list []*entry
		for _, o := range rt.entries {
			k, fixed := firstSegment(o.tpl)
			if !fixed || k == key {
				list = append(list, o)
			}
		}
		rt.byFirst[key] = list
	}
}

// candidates are the entries that may match path, in order.
func (rt *Router) candidates(path string) []*entry {
	if list, ok := rt.byFirst[pathFirstSegment(path)]; ok {
		return list
	}
	return rt.wild
}

func upper(methods []string) []string {
	out := make([]string, 0, len(methods))
	for _, m := range methods {
		m = strings.ToUpper(m)
		dup := false
		for _, o := range out {
			dup = dup || o == m
		}
		if !dup {
			out = append(out, m)
		}
	}
	return out
}

// API adds a FastAPI APIRoute: exactly the given methods (no implicit HEAD
// or OPTIONS; none given means GET).
func (rt *Router) API(path string, methods []string, h Handler) error {
	if len(methods) == 0 {
		methods = []string{"GET"}
	}
	ms := upper(methods)
	return rt.add(&entry{methods: ms, allow: strings.Join(ms, ", "), handler: h}, path)
}

// Route adds a Starlette Route (docs, openapi.json, app.add_route): GET
// also answers HEAD; no methods means GET.
func (rt *Router) Route(path string, methods []string, h Handler) error {
	if len(methods) == 0 {
		methods = []string{"GET"}
	}
	ms := upper(methods)
	for _, m := range ms {
		if m == "GET" {
			ms = upper(append(ms, "HEAD"))
			break
		}
	}
	return rt.add(&entry{methods: ms, allow: strings.Join(ms, ", "), handler: h}, path)
}

// RouteHTTP adds a Starlette Route whose endpoint is an http.Handler
// (runtime/docs pages, app.add_route endpoints): it writes the whole
// response itself, and finds scope["root_path"] with RootPathOf.
func (rt *Router) RouteHTTP(path string, methods []string, h http.Handler) error {
	return rt.Route(path, methods, func(rq *request.Request, out *response.Out) error {
		return out.Send(&response.Response{Kind: response.KindHandler, Handler: h})
	})
}

// RootPathOf is scope["root_path"] of a request handed to an http.Handler
// endpoint or mount ("" elsewhere).
func RootPathOf(r *http.Request) string {
	s, _ := ScopeOf(r)
	return s.RootPath
}

// Mount adds app.mount(path, h): requests under path go to h with
// root_path extended by the matched prefix. A *Router is served as a
// sub-app sharing the request state; any other handler gets a request
// whose URL.Path is the path below the mount and whose context holds the
// Scope. Websocket handshakes under path go to h too (see MountHTTP).
func (rt *Router) Mount(path string, h http.Handler) error {
	return rt.mount(&entry{}, path, h)
}

// mount registers e as a mount of h at path.
func (rt *Router) mount(e *entry, path string, h http.Handler) error {
	if sub, ok := h.(*Router); ok {
		e.sub = sub
	} else {
		e.mount = h
	}
	p := strings.TrimRight(path, "/")
	if path != "" && !strings.HasPrefix(path, "/") {
		return fmt.Errorf("routed paths must start with '/': %q", path)
	}
	tpl, err := Compile(p + "/{path:path}")
	if err != nil {
		return err
	}
	e.tpl = tpl
	rt.entries = append(rt.entries, e)
	rt.reindex()
	return nil
}

// Scope is what a mounted http.Handler learns of Starlette's scope.
type Scope struct {
	Path     string // the full decoded path
	RootPath string // root_path including the mount prefix
}

type scopeKey struct{}

// ScopeOf returns the Scope of a request handed to a mounted handler or a
// KindHandler response.
func ScopeOf(r *http.Request) (Scope, bool) {
	s, ok := r.Context().Value(scopeKey{}).(Scope)
	return s, ok
}

func withScope(r *http.Request, s Scope) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), scopeKey{}, s))
}

// ctx is the pooled per-request state.
type ctx struct {
	rq      request.Request
	out     response.Out
	vals    [16]string
	started bool // response headers written
	mounted bool // inside a mounted sub-app
}

type ctxKey struct{}

func contextWith(r *http.Request, c *ctx) context.Context {
	return context.WithValue(r.Context(), ctxKey{}, c)
}
