package server

import (
	"context"
	"io"
	"net"
	"net/http"
	"sync"

	"github.com/covetpy/covetgen/runtime/request"
)

// Header order: net/http keeps a request's header fields in a map, so the order the
// client sent them in is lost, while Starlette keeps it (request.headers.raw, and the
// order of FastAPI's errors for a header model with extra="forbid"). TrackHeaderOrder
// wraps each accepted connection in a reader that follows HTTP/1.1 framing on the bytes
// net/http reads (framer) and queues each request head's field names; the handler of
// NewHTTPServer takes the oldest queued head when a request starts — net/http serves an
// HTTP/1.x connection's requests one at a time, in the order they arrived — and
// request.ReceivedHeaders reads it.
//
// The tracking stops for good on a connection it cannot follow: bytes net/http refuses
// too (it answers 4xx/5xx and closes the connection), the HTTP/2 preface (h2c, where
// every request falls back: uvicorn does not serve HTTP/2 at all) and a hijacked
// connection (a websocket, which serves no further HTTP request).

// TrackHeaderOrder wraps ln so that a server built by NewHTTPServer knows the received
// header order of the HTTP/1.x requests on its connections.
func TrackHeaderOrder(ln net.Listener) net.Listener { return orderListener{ln} }

type orderListener struct{ net.Listener }

func (l orderListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	oc := &orderConn{Conn: c}
	oc.fr.emit = oc.push
	return oc, nil
}

// orderConn is an accepted connection with its header-order queue. Read runs on
// net/http's connection goroutine and on its background reader, pop on the handler's.
type orderConn struct {
	net.Conn
	mu    sync.Mutex
	off   bool
	fr    framer
	queue [][]request.HeaderName
	slot  request.HeaderOrder
}

func (c *orderConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		c.mu.Lock()
		if !c.off && !c.fr.feed(p[:n]) {
			c.stopLocked()
		}
		c.mu.Unlock()
	}
	return n, err
}

// ReadFrom keeps the connection's own ReadFrom (sendfile/splice for file responses),
// which net/http looks for on the connection.
func (c *orderConn) ReadFrom(r io.Reader) (int64, error) {
	if rf, ok := c.Conn.(io.ReaderFrom); ok {
		return rf.ReadFrom(r)
	}
	return io.Copy(struct{ io.Writer }{c.Conn}, r)
}

// CloseWrite keeps the connection's half-close, which net/http uses to deliver an error
// response before closing.
func (c *orderConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

// push queues a complete head (called by the framer under mu).
func (c *orderConn) push(h []request.HeaderName) { c.queue = append(c.queue, h) }

// pop takes the oldest queued head; false once tracking stopped. An empty queue means
// the framer is behind net/http, which never happens in sync: tracking stops.
func (c *orderConn) pop() ([]request.HeaderName, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.off {
		return nil, false
	}
	if len(c.queue) == 0 {
		c.stopLocked()
		return nil, false
	}
	h := c.queue[0]
	n := copy(c.queue, c.queue[1:])
	c.queue[n] = nil
	c.queue = c.queue[:n]
	return h, true
}

func (c *orderConn) stop() {
	c.mu.Lock()
	c.stopLocked()
	c.mu.Unlock()
}

func (c *orderConn) stopLocked() {
	c.off = true
	c.queue = nil
	c.fr = framer{fail: true}
}

type orderConnKey struct{}

// orderConnContext is the server's ConnContext: the connection's queue and its slot.
func orderConnContext(ctx context.Context, c net.Conn) context.Context {
	oc, ok := c.(*orderConn)
	if !ok {
		return ctx
	}
	ctx = context.WithValue(ctx, orderConnKey{}, oc)
	return request.WithHeaderOrder(ctx, &oc.slot)
}

// orderConnState is the server's ConnState: tracking ends with a hijack or the close.
func orderConnState(c net.Conn, st http.ConnState) {
	if oc, ok := c.(*orderConn); ok && (st == http.StateHijacked || st == http.StateClosed) {
		oc.stop()
	}
}

// trackOrder gives each HTTP/1.x request the head queued for it while its handler runs.
func trackOrder(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		oc, _ := r.Context().Value(orderConnKey{}).(*orderConn)
		if oc == nil || r.ProtoMajor != 1 {
			h.ServeHTTP(w, r)
			return
		}
		oc.slot.Set(oc.pop())
		defer oc.slot.Set(nil, false)
		h.ServeHTTP(w, r)
	})
}
