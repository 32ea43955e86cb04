package request

import (
	"context"
	"net/http"
	"sync"
)

// HeaderName is one received header field name: lower-cased, as an ASGI server gives
// it, and in net/http's canonical form (its key in http.Header).
type HeaderName struct{ Lower, Canon string }

// HeaderOrder is the per-connection slot through which the server (runtime/server)
// tells the request being served its header names in received order. net/http serves
// the requests of an HTTP/1.x connection one at a time, so one slot per connection
// suffices: the server sets it when a request's handler starts and clears it when the
// handler returns.
type HeaderOrder struct {
	mu    sync.Mutex
	names []HeaderName
	known bool
}

// Set makes names the received order of the request now being served; known false
// clears it (the order is unknown).
func (o *HeaderOrder) Set(names []HeaderName, known bool) {
	o.mu.Lock()
	o.names, o.known = names, known
	o.mu.Unlock()
}

// get is the current order.
func (o *HeaderOrder) get() ([]HeaderName, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.names, o.known
}

type headerOrderKey struct{}

// WithHeaderOrder returns ctx carrying the connection's slot (the server's ConnContext).
func WithHeaderOrder(ctx context.Context, o *HeaderOrder) context.Context {
	return context.WithValue(ctx, headerOrderKey{}, o)
}

// ReceivedHeaders is the request's header fields as Starlette's request.headers.raw
// holds them: every field in the order the client sent it (host included where it was
// sent), names lower-cased, values latin-1 decoded as net/http parsed them. ok is false
// when the order is not known — an HTTP/2 request, a server without runtime/server's
// tracking (tests), or a head whose fields do not match what net/http kept (net/http
// folds duplicate Content-Length fields and drops Content-Length beside chunked
// Transfer-Encoding); callers then fall back to another order.
func ReceivedHeaders(hr *http.Request) (fields [][2]string, ok bool) {
	if hr.ProtoMajor != 1 {
		return nil, false
	}
	o, _ := hr.Context().Value(headerOrderKey{}).(*HeaderOrder)
	if o == nil {
		return nil, false
	}
	names, known := o.get()
	if !known {
		return nil, false
	}
	return matchHeaders(hr, names)
}

// ReceivedHeaders is ReceivedHeaders of the request.
func (r *Request) ReceivedHeaders() ([][2]string, bool) { return ReceivedHeaders(r.HTTP) }

// matchHeaders pairs the received names with the values net/http kept, the i-th field
// of a name taking its i-th value; any disagreement in counts gives up.
func matchHeaders(hr *http.Request, names []HeaderName) ([][2]string, bool) {
	out := make([][2]string, 0, len(names))
	var counted, hosts, tes int
	for i, n := range names {
		switch n.Canon {
		case "Host":
			hosts++
			if hosts > 1 {
				return nil, false
			}
			out = append(out, [2]string{"host", Latin1(hr.Host)})
			continue
		case "Transfer-Encoding":
			// net/http moves it to TransferEncoding (["chunked"]; dropped on HTTP/1.0).
			if tes >= len(hr.TransferEncoding) {
				return nil, false
			}
			out = append(out, [2]string{"transfer-encoding", hr.TransferEncoding[tes]})
			tes++
			continue
		}
		idx := 0
		for _, m := range names[:i] {
			if m.Canon == n.Canon {
				idx++
			}
		}
		vs := hr.Header[n.Canon]
		if idx >= len(vs) {
			return nil, false
		}
		out = append(out, [2]string{n.Lower, Latin1(vs[idx])})
		counted++
	}
	total := 0
	for k, vs := range hr.Header {
		if k == "Host" || k == "Transfer-Encoding" {
			continue
		}
		total += len(vs)
	}
	if total != counted || (hosts == 0 && hr.Host != "" && hr.ProtoMinor >= 1) {
		return nil, false
	}
	return out, true
}
