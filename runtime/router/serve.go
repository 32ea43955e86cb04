package router

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"strings"

	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
)

// serverError carries an unhandled error (or panic) out to the 500
// handling, past the middleware.
type serverError struct {
	err     error
	stack   []byte
	started bool
}

func (e *serverError) Error() string { return e.err.Error() }
func (e *serverError) Unwrap() error { return e.err }

func defaultErrorLog(msg string) {
	fmt.Fprintln(os.Stderr, "ERROR:    "+msg)
}

// ServeHTTP serves a request: ServerErrorMiddleware (a plain 500), the
// middleware, then routing with FastAPI's exception handling.
// A websocket handshake other than an HTTP/1.1 GET gets the websockets
// library's 400 without reaching the app, as under uvicorn.
func (rt *Router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if IsWebSocket(r) && !validHandshake(r) {
		writeBadHandshake(w)
		return
	}
	rt.serveApp(w, r, nil)
}

// serveApp is the app's outer layer; c is non-nil when the app is mounted
// in another one and shares its request state.
func (rt *Router) serveApp(w http.ResponseWriter, r *http.Request, c *ctx) {
	if rt.stack == nil {
		own := c == nil
		if own {
			c = rt.getCtx(r)
		}
		defer rt.finish(w, r, c, own)
		rt.enter(w, c)
		return
	}
	defer rt.finish(w, r, c, false)
	if c != nil {
		r = r.WithContext(contextWith(r, c))
	}
	rt.stack.ServeHTTP(w, r)
}

// inner is the end of the middleware chain.
func (rt *Router) inner(w http.ResponseWriter, r *http.Request) {
	c, mounted := r.Context().Value(ctxKey{}).(*ctx)
	if mounted {
		c.rq.HTTP = r
	} else {
		c = rt.getCtx(r)
	}
	defer rt.innerFinish(c, !mounted)
	rt.enter(w, c)
}

func (rt *Router) getCtx(r *http.Request) *ctx {
	c := rt.pool.Get().(*ctx)
	c.rq.Reset(r)
	c.rq.MaxBody = rt.opt.MaxBody
	if rp := rt.opt.ServerRootPath; rp != "" {
		c.rq.SetPath(rp + c.rq.Path())
		c.rq.SetRootPath(rp)
	}
	c.out.Reset()
	c.started = false
	return c
}

func (rt *Router) putCtx(c *ctx) {
	c.rq.Release()
	c.out.Reset()
	clear(c.vals[:])
	rt.pool.Put(c)
}

func asServerError(p any) *serverError {
	if se, ok := p.(*serverError); ok {
		return se
	}
	if err, ok := p.(error); ok {
		return &serverError{err: fmt.Errorf("panic: %w", err), stack: debug.Stack()}
	}
	return &serverError{err: fmt.Errorf("panic: %v", p), stack: debug.Stack()}
}

// innerFinish hands a panic below the middleware on to finish, noting
// whether the response had started.
func (rt *Router) innerFinish(c *ctx, own bool) {
	p := recover()
	started := c.started
	if own {
		rt.putCtx(c)
	}
	if p == nil {
		return
	}
	if p == http.ErrAbortHandler {
		panic(p)
	}
	se := asServerError(p)
	se.started = se.started || started
	panic(se)
}

// finish is ServerErrorMiddleware: a panic or an unhandled error becomes
// the plain 500 when nothing was sent yet; otherwise the connection is
// aborted, as uvicorn closes it.
func (rt *Router) finish(w http.ResponseWriter, r *http.Request, c *ctx, own bool) {
	p := recover()
	if p == nil {
		if own {
			rt.putCtx(c)
		}
		return
	}
	if p == http.ErrAbortHandler {
		if own {
			rt.putCtx(c)
		}
		panic(p)
	}
	se := asServerError(p)
	if c != nil {
		se.started = se.started || c.started
	}
	if rt.opt.PropagatePanics {
		if own {
			rt.putCtx(c)
		}
		panic(se)
	}
	msg := "Exception in ASGI application\n" + se.err.Error()
	if se.stack != nil {
		msg += "\n" + string(se.stack)
	}
	rt.opt.ErrorLog(msg)
	if !se.started {
		clear(w.Header())
		if c != nil {
			c.started = true
		}
		_ = response.InternalServerError().Write(w, r)
	}
	if own {
		rt.putCtx(c)
	}
	if se.started {
		panic(http.ErrAbortHandler)
	}
}

// enter applies the app's root_path and routes.
func (rt *Router) enter(w http.ResponseWriter, c *ctx) {
	if rt.opt.RootPath != "" {
		c.rq.SetRootPath(rt.opt.RootPath)
	}
	if !c.mounted {
		c.rq.SetAppRootPath(c.rq.RootPath())
	}
	rt.dispatch(w, c)
}

// find scans the routes in order: the first full match (path and method;
// a mount always matches fully), else the first partial match (path only).
// A websocket handshake (ws) sees only websocket routes and mounts, an HTTP
// request only HTTP routes and mounts.
func (rt *Router) find(path, method string, ws bool, buf []string) (full *entry, vals []string, partial *entry) {
	for _, e := range rt.candidates(path) {
		isMount := e.sub != nil || e.mount != nil
		if !isMount && e.ws != ws {
			continue
		}
		if !isMount && partial != nil && !e.allows(method) {
			continue // could only be another partial match
		}
		v, ok := e.tpl.Match(path, buf[:0])
		if !ok {
			continue
		}
		if isMount || e.allows(method) {
			return e, v, partial
		}
		if partial == nil {
			partial = e
		}
	}
	return nil, nil, partial
}

// dispatch is Starlette's Router.app.
func (rt *Router) dispatch(w http.ResponseWriter, c *ctx) {
	rq := &c.rq
	path := rq.RoutePath()
	ws := IsWebSocket(rq.HTTP)
	e, vals, partial := rt.find(path, rq.HTTP.Method, ws, c.vals[:])
	if e != nil {
		if ws && e.httpOnly {
			rt.opt.ErrorLog(fmt.Sprintf("Exception in ASGI application\nAssertionError: a websocket handshake to %q reached a mount serving HTTP only", path))
			rt.send(w, c, &response.Response{Kind: response.KindHandler, Handler: http.HandlerFunc(webSocketServerError)})
			return
		}
		if e.sub != nil || e.mount != nil {
			rt.serveMount(w, c, e, path, vals)
			return
		}
		rq.SetParams(e.tpl.Names, vals)
		rt.call(w, c, e)
		return
	}
	if ws {
		// Starlette's WebSocketClose: no exception handler sees it.
		rt.send(w, c, &response.Response{Kind: response.KindHandler, Handler: http.HandlerFunc(closeBeforeAccept)})
		return
	}
	if partial != nil {
		rt.fail(w, c, &response.HTTPException{Status: 405, Headers: response.Headers{{Name: "allow", Value: partial.allow}}})
		return
	}
	if !rt.opt.StrictSlashes && path != "/" {
		full := rq.Path()
		var np string
		if strings.HasSuffix(path, "/") {
			np = strings.TrimRight(full, "/")
		} else {
			np = full + "/"
		}
		rp := request.RoutePath(np, rq.RootPath())
		for _, e := range rt.candidates(rp) {
			if e.ws {
				continue
			}
			if _, ok := e.tpl.Match(rp, c.vals[:0]); ok {
				url := request.BuildURL(rq.Scheme(), hostForURL(rq), np, rq.RawQuery())
				rt.send(w, c, response.RedirectResponse(url, 307, nil))
				return
			}
		}
	}
	rt.fail(w, c, &response.HTTPException{Status: 404})
}

// hostForURL is the Host header, or the server address when there is none
// (Starlette's URL(scope=...)).
func hostForURL(rq *request.Request) string {
	if rq.HTTP.Host != "" {
		return rq.HTTP.Host
	}
	if a, ok := rq.HTTP.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		host, port, err := net.SplitHostPort(a.String())
		if err == nil {
			if (port == "80" && rq.Scheme() == "http") || (port == "443" && rq.Scheme() == "https") {
				return host
			}
			return net.JoinHostPort(host, port)
		}
	}
	return ""
}

func (rt *Router) serveMount(w http.ResponseWriter, c *ctx, e *entry, path string, vals []string) {
	rest := "/" + vals[len(vals)-1]
	matched := path[:len(path)-len(rest)]
	oldRoot := c.rq.RootPath()
	root := oldRoot + matched
	c.rq.SetRootPath(root)
	if e.sub != nil {
		wasMounted := c.mounted
		c.mounted = true
		e.sub.serveApp(w, c.rq.HTTP, c)
		c.mounted = wasMounted
		c.rq.SetRootPath(oldRoot)
		return
	}
	r := c.rq.HTTP
	r2 := new(http.Request)
	*r2 = *r
	u := *r.URL
	u.Path, u.RawPath = rest, ""
	r2.URL = &u
	r2 = withScope(r2, Scope{Path: c.rq.Path(), RootPath: root})
	c.started = true // the handler writes on its own
	e.mount.ServeHTTP(w, r2)
	c.rq.SetRootPath(oldRoot)
}

// call runs an endpoint and sends what it produced.
func (rt *Router) call(w http.ResponseWriter, c *ctx, e *entry) {
	if err := e.handler(&c.rq, &c.out); err != nil {
		rt.fail(w, c, err)
		return
	}
	resp := c.out.Response()
	if resp == nil {
		rt.fail(w, c, errors.New("endpoint returned without producing a response"))
		return
	}
	rt.send(w, c, resp)
}

// send writes a response, then runs its background tasks.
func (rt *Router) send(w http.ResponseWriter, c *ctx, resp *response.Response) {
	if err := resp.Prepare(); err != nil {
		panic(&serverError{err: err})
	}
	r := c.rq.HTTP
	if resp.Kind == response.KindHandler {
		r = withScope(r, Scope{Path: c.rq.Path(), RootPath: c.rq.RootPath()})
	}
	c.started = true
	if err := resp.Write(w, r); err != nil {
		if resp.Kind == response.KindStream {
			panic(&serverError{err: err, started: true})
		}
		return // the client went away
	}
	if resp.Background.Len() > 0 {
		_ = http.NewResponseController(w).Flush()
		if err := resp.Background.Run(); err != nil {
			panic(&serverError{err: err, started: true})
		}
	}
}

// fail is FastAPI's ExceptionMiddleware: custom handlers first, then
// HTTPException and RequestValidationError; anything else is a 500.
func (rt *Router) fail(w http.ResponseWriter, c *ctx, err error) {
	if h := rt.opt.Exceptions; h != nil {
		resp, herr := h(&c.rq, err)
		if herr != nil {
			panic(&serverError{err: herr})
		}
		if resp != nil {
			rt.send(w, c, resp)
			return
		}
	}
	var (
		resp *response.Response
		rerr error
	)
	var he *response.HTTPException
	var ve *response.RequestValidationError
	switch {
	case errors.As(err, &he):
		resp, rerr = response.FromHTTPException(he)
	case errors.As(err, &ve):
		resp, rerr = response.FromValidationErrors(ve.Errors)
	default:
		panic(&serverError{err: err})
	}
	if rerr != nil {
		panic(&serverError{err: rerr})
	}
	rt.send(w, c, resp)
}
