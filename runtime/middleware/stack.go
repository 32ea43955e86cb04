package middleware

import (
	"errors"
	"io"
	"log"
	"net/http"
	"runtime/debug"

	"github.com/covetpy/covetgen/runtime/internal/starlette"
)

// ErrorHandler answers an unhandled panic value: the app's
// exception_handlers[500] or [Exception].
type ErrorHandler func(w http.ResponseWriter, r *http.Request, err any)

// ServerErrorOptions configure ServerError.
type ServerErrorOptions struct {
	// Handler writes the 500 response; nil writes Starlette's plain
	// "Internal Server Error" (text/plain; charset=utf-8).
	Handler ErrorHandler
	// Log reports the panic (Starlette re-raises it for the server to
	// log); nil logs with the standard logger.
	Log func(r *http.Request, err any, stack []byte)
}

// ServerError is ServerErrorMiddleware: a panic below it becomes the 500
// response when nothing was sent yet; header fields set on the way are
// dropped (the 500 is a fresh response). A panic after the response started
// is logged and the connection aborted, as uvicorn closes it.
// http.ErrAbortHandler passes through untouched.
func ServerError(o ServerErrorOptions) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			sw := &startWriter{ResponseWriter: w}
			defer func() {
				v := recover()
				if v == nil {
					return
				}
				if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
					panic(v)
				}
				stack := debug.Stack()
				if o.Log != nil {
					o.Log(r, v, stack)
				} else {
					log.Printf("covetgen: panic serving %s %s: %v\n%s", r.Method, r.URL.Path, v, stack)
				}
				if sw.started {
					panic(http.ErrAbortHandler)
				}
				h := w.Header()
				for k := range h {
					delete(h, k)
				}
				if o.Handler != nil {
					o.Handler(w, r, v)
					return
				}
				starlette.WritePlain(w, http.StatusInternalServerError, "Internal Server Error")
			}()
			next.ServeHTTP(sw, r)
		})
	}
}

// startWriter records whether anything reached the client.
type startWriter struct {
	http.ResponseWriter
	started bool
}

func (w *startWriter) WriteHeader(code int) {
	if code >= 200 {
		w.started = true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *startWriter) Write(p []byte) (int, error) {
	w.started = true
	return w.ResponseWriter.Write(p)
}

func (w *startWriter) ReadFrom(r io.Reader) (int64, error) {
	w.started = true
	return io.Copy(w.ResponseWriter, r)
}

func (w *startWriter) Flush() {
	w.started = true
	flush(w.ResponseWriter)
}

func (w *startWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Stack is an app's middleware in declaration order (add_middleware calls
// and @app.middleware("http") decorators as they appear in the source).
type Stack struct {
	// Error configures the outermost ServerErrorMiddleware.
	Error ServerErrorOptions
	mws   []func(http.Handler) http.Handler
}

// Add is app.add_middleware(...).
func (s *Stack) Add(mw func(http.Handler) http.Handler) { s.mws = append(s.mws, mw) }

// AddHTTP is an @app.middleware("http") decorator.
func (s *Stack) AddHTTP(fn HTTPFunc) { s.Add(HTTP(fn)) }

// Handler wraps app (ExceptionMiddleware and the router) as FastAPI's
// build_middleware_stack does: ServerError outermost, then the middleware
// declared last, ..., the middleware declared first, then app.
func (s *Stack) Handler(app http.Handler) http.Handler {
	h := app
	for _, mw := range s.mws {
		h = mw(h)
	}
	return ServerError(s.Error)(h)
}
