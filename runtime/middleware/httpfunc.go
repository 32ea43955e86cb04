package middleware

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"sync"
)

// CallNext runs the rest of the stack for r, like call_next: it returns
// once the downstream response has started (status and headers known); its
// body follows when the returned Response is served. A panic downstream
// before the response started panics out of CallNext, as the exception is
// re-raised out of call_next.
type CallNext func(r *http.Request) *Response

// HTTPFunc is an app's @app.middleware("http") function: it returns the
// response to send, usually the one CallNext gave it (headers edited), or
// one of its own.
type HTTPFunc func(r *http.Request, callNext CallNext) http.Handler

// HTTP turns an @app.middleware("http") function into middleware with
// BaseHTTPMiddleware's semantics:
//
//   - the downstream handler runs on its own goroutine and its body streams
//     through chunk by chunk, each chunk flushed (more_body=True) as
//     Starlette's _StreamingResponse re-sends it;
//   - if fn answers with its own response, the downstream's writes are
//     discarded and its request context is cancelled (Starlette's
//     "http.disconnect"), and the middleware still waits for it to return;
//   - a panic downstream after its response started is re-raised once that
//     response has been sent.
//
// WebSocket handshakes bypass fn, as Starlette passes "websocket" scopes on.
func HTTP(fn HTTPFunc) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if isWebSocket(r) {
				next.ServeHTTP(w, r)
				return
			}
			var calls []*Response
			defer func() {
				// Never leave a downstream goroutine running past this
				// handler: it may still read the request.
				for _, c := range calls {
					c.abandon()
				}
				for _, c := range calls {
					<-c.done
				}
			}()
			callNext := func(req *http.Request) *Response {
				if req == nil {
					req = r
				}
				c := startDownstream(next, req)
				calls = append(calls, c)
				return c.await()
			}
			resp := fn(r, callNext)
			if resp == nil {
				// call_next's RuntimeError("No response returned.") is
				// the dispatch function's own bug; answer as Starlette
				// would, with the 500.
				panic(noResponseError{})
			}
			resp.ServeHTTP(w, r)
		})
	}
}

// noResponseError is Starlette's RuntimeError("No response returned.").
type noResponseError struct{}

func (noResponseError) Error() string { return "No response returned." }

// Response is the downstream response CallNext returns. Header may be
// edited and the status replaced before it is served.
type Response struct {
	Status int
	header http.Header

	started  chan struct{} // closed when the head is known
	chunks   chan []byte   // body chunks; closed when the handler returns
	done     chan struct{} // closed when the handler returned
	stop     chan struct{} // closed when nobody reads chunks any more
	stopOnce sync.Once
	cancel   context.CancelFunc
	panicked bool
	panicVal any
	served   bool
	pipeHdr  http.Header
}

// Header is the response's header map.
func (c *Response) Header() http.Header { return c.header }

func startDownstream(next http.Handler, r *http.Request) *Response {
	ctx, cancel := context.WithCancel(r.Context())
	c := &Response{
		started: make(chan struct{}),
		chunks:  make(chan []byte),
		done:    make(chan struct{}),
		stop:    make(chan struct{}),
		cancel:  cancel,
		pipeHdr: http.Header{},
	}
	pw := &pipeWriter{c: c}
	go func() {
		defer close(c.done)
		defer func() {
			if v := recover(); v != nil {
				c.panicked, c.panicVal = true, v
				if pw.state == 0 {
					// nothing started: call_next re-raises
					pw.state = 2
					close(c.started)
				}
			} else if pw.state == 0 {
				// the handler wrote nothing: net/http would send 200
				pw.start(http.StatusOK)
			}
			close(c.chunks)
		}()
		next.ServeHTTP(pw, r.WithContext(ctx))
	}()
	return c
}

// await blocks until the head is known; it re-panics a panic that happened
// before.
func (c *Response) await() *Response {
	<-c.started
	if c.Status == 0 {
		<-c.done
		c.abandon()
		panic(c.panicVal)
	}
	return c
}

func (c *Response) abandon() {
	c.stopOnce.Do(func() {
		close(c.stop)
		c.cancel()
	})
}

// ServeHTTP sends the response: the head (with c.Header()), then every body
// chunk as it comes, each flushed. Serving it a second time sends the head
// and no body, as a consumed body_iterator would.
func (c *Response) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	h := w.Header()
	for k, v := range c.header {
		h[k] = append(h[k], v...)
	}
	w.WriteHeader(c.Status)
	if c.served {
		return
	}
	c.served = true
	for chunk := range c.chunks {
		_, _ = w.Write(chunk)
		flush(w)
	}
	<-c.done
	c.abandon()
	if c.panicked {
		panic(c.panicVal)
	}
}

// ReadBody consumes the rest of the body (as iterating body_iterator does).
// A panic downstream is re-raised here.
func (c *Response) ReadBody() []byte {
	var b bytes.Buffer
	if !c.served {
		c.served = true
		for chunk := range c.chunks {
			b.Write(chunk)
		}
		<-c.done
		c.abandon()
		if c.panicked {
			panic(c.panicVal)
		}
	}
	return b.Bytes()
}

// pipeWriter is the downstream's ResponseWriter.
type pipeWriter struct {
	c     *Response
	state uint8 // 0 not started, 1 started, 2 failed
}

func (p *pipeWriter) Header() http.Header { return p.c.pipeHdr }

func (p *pipeWriter) start(code int) {
	p.state = 1
	p.c.Status = code
	p.c.header = p.c.pipeHdr.Clone()
	if p.c.header == nil {
		p.c.header = http.Header{}
	}
	close(p.c.started)
}

func (p *pipeWriter) WriteHeader(code int) {
	if p.state == 0 && code >= 200 {
		p.start(code)
	}
}

func (p *pipeWriter) Write(b []byte) (int, error) {
	if p.state == 0 {
		p.start(http.StatusOK)
	}
	if len(b) == 0 {
		return 0, nil
	}
	chunk := bytes.Clone(b)
	select {
	case p.c.chunks <- chunk:
	case <-p.c.stop:
	}
	return len(b), nil
}

func (p *pipeWriter) ReadFrom(r io.Reader) (int64, error) {
	buf := make([]byte, 32*1024)
	var n int64
	for {
		k, err := r.Read(buf)
		if k > 0 {
			_, _ = p.Write(buf[:k])
			n += int64(k)
		}
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}

// Flush starts the response if needed; every chunk is flushed downstream
// anyway.
func (p *pipeWriter) Flush() {
	if p.state == 0 {
		p.start(http.StatusOK)
	}
}

// ReadBody reads the whole request body and puts it back, so that the
// handlers after an @app.middleware("http") function that read it (await
// request.body()) see it again, as Starlette's _CachedRequest arranges.
func ReadBody(r *http.Request) ([]byte, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return nil, nil
	}
	b, err := io.ReadAll(r.Body)
	_ = r.Body.Close()
	r.Body = io.NopCloser(bytes.NewReader(b))
	return b, err
}
