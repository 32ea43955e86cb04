package bridge

import (
	"context"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// ForwardRoute names a route of the app for request forwarding: its path within its app
// (router prefixes included), its methods and name, and the paths of the mounts leading
// to its (sub-)app, outermost first.
type ForwardRoute struct {
	Path, Name string
	Methods    []string
	Mounts     []string
}

func (r ForwardRoute) appendJSON(b []byte) []byte {
	b = append(b, `{"path":`...)
	b = pyjson.AppendStringASCII(b, r.Path)
	b = append(b, `,"name":`...)
	b = pyjson.AppendStringASCII(b, r.Name)
	b = append(b, `,"methods":`...)
	b = appendStrings(b, r.Methods)
	b = append(b, `,"mounts":`...)
	b = appendStrings(b, r.Mounts)
	return append(b, '}')
}

func appendStrings(b []byte, list []string) []byte {
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = pyjson.AppendStringASCII(b, s)
	}
	return append(b, ']')
}

// Forward runs the whole request in the app's own route (request forwarding, for a
// route Go can serve neither natively nor through a handler call): the route's own
// parameter handling, dependencies, endpoint and response, with the exception handlers
// of the route's app, as FastAPI would run them. It needs the real FastAPI in the
// workers (Pool.FastAPI). The reply comes as soon as the response's last body message is
// sent; the route's background tasks then run in the worker. An exception no handler
// takes is the error (FastAPI's 500).
func (p *Pool) Forward(ctx context.Context, route ForwardRoute, req *RequestInfo) (*RawResponse, error) {
	b := append(make([]byte, 0, 512), `{"sid":0,"op":"fwd","route":`...)
	b = route.appendJSON(b)
	b = append(b, `,"req":`...)
	b, err := appendRequestInfo(b, req)
	if err != nil {
		return nil, err
	}
	b = append(b, '}')
	return p.responseOp(ctx, route.Path, b)
}
