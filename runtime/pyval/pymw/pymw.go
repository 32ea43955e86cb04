// Package pymw runs an app's @app.middleware("http") function translated by
// codegen/translate: the function itself is Go code over runtime/pyval values, and this
// package gives it what Starlette's BaseHTTPMiddleware gives the Python one — the request
// (a runtime/pyval/pyreq value), call_next, and the downstream response call_next
// returns, with Starlette 0.47.3's semantics for what a body may do with them:
//
//   - `await call_next(request)` runs the rest of the stack (runtime/middleware.HTTP: on
//     its own goroutine, the body streaming through) and returns once the downstream
//     response has started; an exception raised downstream before that is re-raised out
//     of call_next (a panic here, which the translator never lets a try statement see);
//   - on the downstream response: status_code (read, assigned an int),
//     headers[name] = value, headers.append(name, value), headers.get(name[, default]),
//     headers[name] (KeyError), set_cookie(...) and delete_cookie(...), with header
//     fields as Starlette's MutableHeaders keeps them (values latin-1);
//   - the function returns the response to send: that downstream response, or a
//     response object it built (pyval.ResponseObj); anything else is the TypeError
//     Starlette raises calling it (a 500);
//   - an exception the function raises (HTTPException included: ExceptionMiddleware is
//     inside the user middleware) propagates to ServerErrorMiddleware: a 500.
//
// It is a package of its own because runtime/middleware must not depend on pyval.
package pymw

import (
	"net/http"

	"github.com/covetpy/covetgen/runtime/middleware"
	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/pyval/pyreq"
	"github.com/covetpy/covetgen/runtime/request"
)

// Func is a translated @app.middleware("http") function: func(request, call_next).
type Func func(request, callNext pyval.Value) (pyval.Value, error)

// Scope is how the app's middleware sees the request's paths: the router's settings
// (runtime/router.Options ServerRootPath and RootPath), since the middleware runs before
// the router builds its own request.
type Scope struct {
	// ServerRootPath is uvicorn's --root-path: it prefixes scope["path"] and is the
	// initial scope["root_path"].
	ServerRootPath string
	// RootPath is FastAPI(root_path=...), which replaces scope["root_path"] before the
	// middleware stack runs.
	RootPath string
}

// HTTP is the middleware of one translated function, for router.Options.Middleware in
// declaration order's reverse (the last declared outermost), as runtime/middleware's
// other middleware.
func HTTP(fn Func, sc Scope) func(http.Handler) http.Handler {
	return middleware.HTTP(func(r *http.Request, next middleware.CallNext) http.Handler {
		rq := new(request.Request)
		rq.Reset(r)
		if sc.ServerRootPath != "" {
			rq.SetPath(sc.ServerRootPath + rq.Path())
			rq.SetRootPath(sc.ServerRootPath)
		}
		if sc.RootPath != "" {
			rq.SetRootPath(sc.RootPath)
		}
		rq.SetAppRootPath(rq.RootPath())
		res, err := fn(pyreq.Of(rq), &CallNext{next: next, r: r})
		if err != nil {
			panic(err)
		}
		return handlerOf(res)
	})
}

// handlerOf is the response a middleware function returned, as the handler sending it.
func handlerOf(res pyval.Value) http.Handler {
	switch v := res.(type) {
	case *Downstream:
		return v.resp
	case *pyval.ResponseObj:
		return builtResponse{v}
	}
	name := "NoneType"
	if res != nil {
		name = res.TypeName()
	}
	panic(pyval.NewException("TypeError", pyval.Str("'"+name+"' object is not callable")))
}

// builtResponse sends a response object the function built.
type builtResponse struct{ obj *pyval.ResponseObj }

func (b builtResponse) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	resp := b.obj.Resp()
	if err := resp.Prepare(); err != nil {
		panic(err)
	}
	_ = resp.Write(w, r)
}

// CallNext is the call_next argument.
type CallNext struct {
	next   middleware.CallNext
	r      *http.Request
	called bool
}

// TypeName is "function" (call_next is a closure).
func (*CallNext) TypeName() string { return "function" }

// Call is `await call_next(request)` with the request the middleware received (the
// translator accepts no other): the downstream response once it has started. A second
// call fails, as in Starlette, whose call_next shares one stream between the calls (the
// downstream app does not run again here).
func Call(callNext pyval.Value) (pyval.Value, error) {
	cn, ok := callNext.(*CallNext)
	if !ok {
		return nil, pyval.NewException("TypeError", pyval.Str("'"+callNext.TypeName()+"' object is not callable"))
	}
	if cn.called {
		return nil, pyval.NewException("RuntimeError", pyval.Str("call_next called a second time"))
	}
	cn.called = true
	return &Downstream{resp: cn.next(cn.r)}, nil
}
