package request

import (
	"net/http"
	"strings"
)

// Header returns the first value of a header as Starlette's
// request.headers[name] does (latin-1 decoded). key is the canonical
// net/http form ("X-Token"), which generated code precomputes; "Host" and
// "Transfer-Encoding", which net/http keeps outside Header, are answered
// too.
func (r *Request) Header(key string) (string, bool) {
	if vs, ok := r.HTTP.Header[key]; ok && len(vs) > 0 {
		return Latin1(vs[0]), true
	}
	switch key {
	case "Host":
		if r.HTTP.Host != "" {
			return Latin1(r.HTTP.Host), true
		}
	case "Transfer-Encoding":
		if len(r.HTTP.TransferEncoding) > 0 {
			return strings.Join(r.HTTP.TransferEncoding, ", "), true
		}
	}
	return "", false
}

// HeaderValues returns every value of a header in order
// (request.headers.getlist(name)); nil when absent.
func (r *Request) HeaderValues(key string) []string {
	vs := r.HTTP.Header[key]
	if len(vs) == 0 {
		if v, ok := r.Header(key); ok {
			return []string{v}
		}
		return nil
	}
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = Latin1(v)
	}
	return out
}

// CanonicalKey is the net/http key of a header name.
func CanonicalKey(name string) string { return http.CanonicalHeaderKey(name) }
