package pycall

import (
	"net"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/runtime/bridge"
	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/router"
)

// requestInfo is the request as the bridge sends it to Python (the ASGI scope and the
// body), built once per request.
//
// The header fields are in the order the client sent them, as uvicorn gives them (see
// headerList).
func (c *Call) requestInfo() (*bridge.RequestInfo, error) {
	if c.info != nil {
		return c.info, nil
	}
	body, err := c.rq.Body()
	if err != nil {
		return nil, err
	}
	c.info = c.buildInfo(body)
	return c.info, nil
}

// headInfo is the request without its body, for the endpoint of a route whose functions
// take no Request: the Response it may return is rendered for the request (a
// FileResponse answers Range and If-Range headers, and HEAD without a body).
func (c *Call) headInfo() *bridge.RequestInfo {
	if c.info != nil {
		return c.info
	}
	return c.buildInfo(nil)
}

// buildInfo is the request as the bridge sends it, with body.
func (c *Call) buildInfo(body []byte) *bridge.RequestInfo {
	rq := c.rq
	hr := rq.HTTP
	info := &bridge.RequestInfo{
		Method:      hr.Method,
		Scheme:      rq.Scheme(),
		HTTPVersion: httpVersion(hr),
		Path:        rq.Path(),
		RawPath:     rawPath(hr),
		RootPath:    rq.RootPath(),
		QueryString: hr.URL.RawQuery,
		Headers:     headerList(rq),
		Body:        body,
	}
	info.ClientHost, info.ClientPort = hostPort(hr.RemoteAddr)
	if a, ok := hr.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		info.ServerHost, info.ServerPort = hostPort(a.String())
	}
	for i, name := range c.route.Names {
		v := rq.Param(i)
		var conv router.Convertor
		if i < len(c.route.Convs) {
			conv = c.route.Convs[i]
		}
		info.PathParams = append(info.PathParams, bridge.Kw(name, pathValue(v, conv)))
	}
	return info
}

// pathValue is a path parameter as Starlette's convertor returns it.
func pathValue(v string, conv router.Convertor) any {
	switch conv {
	case router.Int:
		return pyval.ParseInt(v)
	case router.Float:
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return f
		}
	case router.UUID:
		return bridge.UUID(v)
	}
	return v
}

func httpVersion(hr *http.Request) string {
	if hr.ProtoMajor == 2 {
		return "2"
	}
	return strconv.Itoa(hr.ProtoMajor) + "." + strconv.Itoa(hr.ProtoMinor)
}

// rawPath is the request target's path as sent (scope["raw_path"]).
func rawPath(hr *http.Request) string {
	p := hr.RequestURI
	if i := strings.IndexByte(p, '?'); i >= 0 {
		p = p[:i]
	}
	if p == "" || p[0] != '/' {
		return hr.URL.EscapedPath()
	}
	return p
}

// headerList is the request's header fields, names lower-cased, in received order
// (request.ReceivedHeaders). Where that order is unknown — HTTP/2, which uvicorn does not
// serve, or a head net/http folded — host comes first, then the other names sorted, each
// with its values in order.
func headerList(rq *request.Request) [][2]string {
	if fields, ok := rq.ReceivedHeaders(); ok {
		return fields
	}
	hr := rq.HTTP
	out := make([][2]string, 0, len(hr.Header)+1)
	if hr.Host != "" {
		out = append(out, [2]string{"host", request.Latin1(hr.Host)})
	}
	names := make([]string, 0, len(hr.Header))
	for k := range hr.Header {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		lk := strings.ToLower(k)
		for _, v := range hr.Header[k] {
			out = append(out, [2]string{lk, request.Latin1(v)})
		}
	}
	return out
}

// hostPort splits "host:port" (an IPv6 host without brackets, as the ASGI scope has it).
func hostPort(addr string) (string, int) {
	h, p, err := net.SplitHostPort(addr)
	if err != nil {
		return addr, 0
	}
	n, _ := strconv.Atoi(p)
	return h, n
}
