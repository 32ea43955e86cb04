package pyreq

import (
	"net"
	"net/http"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/runtime/internal/starlette"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// BaseURL is str(request.base_url): the URL of the top-level app's root path (with a
// trailing slash), without the query.
func BaseURL(v pyval.Value) (pyval.Value, error) {
	r, err := asRequest(v)
	if err != nil {
		return nil, err
	}
	return pyval.Str(baseURL(r)), nil
}

func baseURL(r *Request) string {
	p := r.rq.AppRootPath()
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	u := starlette.RequestURL(r.rq.HTTP, p)
	if q := r.rq.HTTP.URL; q != nil && q.RawQuery != "" {
		u = u[:len(u)-len(q.RawQuery)-1]
	}
	return u
}

// URLFor is str(request.url_for(name)) for an HTTP route whose path (its mounts'
// prefixes included) is path, which has no parameters: the base URL's scheme and netloc
// and its path without trailing slashes followed by path.
func URLFor(v pyval.Value, path string) (pyval.Value, error) {
	r, err := asRequest(v)
	if err != nil {
		return nil, err
	}
	s := starlette.Split(baseURL(r))
	scheme := "http"
	if s.Scheme == "https" || s.Scheme == "wss" {
		scheme = "https"
	}
	return pyval.Str(scheme + "://" + s.Netloc + strings.TrimRight(s.Path, "/") + path), nil
}

// Client is request.client: (host, port) of the peer, None when the connection has no
// such address (a unix socket).
func Client(v pyval.Value) (pyval.Value, error) {
	r, err := asRequest(v)
	if err != nil {
		return nil, err
	}
	host, port, err := net.SplitHostPort(r.rq.HTTP.RemoteAddr)
	if err != nil {
		return pyval.None, nil
	}
	n, err := strconv.Atoi(port)
	if err != nil {
		return pyval.None, nil
	}
	return pyval.Tuple{pyval.Str(host), pyval.IntOf(int64(n))}, nil
}

// ClientPart is request.client.host / .port (AttributeError on None).
func ClientPart(v pyval.Value, part string) (pyval.Value, error) {
	c, err := Client(v)
	if err != nil {
		return nil, err
	}
	t, ok := c.(pyval.Tuple)
	if !ok {
		return nil, pyval.NewException("AttributeError", pyval.Str("'NoneType' object has no attribute '"+part+"'"))
	}
	if part == "host" {
		return t[0], nil
	}
	return t[1], nil
}

// Dict is request.<mapping> as a dict for mapping "cookies" and "path_params" (path
// parameters as str: the translator allows them only when no route converts them) and
// dict(request.query_params): names in first-occurrence order, the last value of each.
func Dict(v pyval.Value, mapping string) (pyval.Value, error) {
	r, err := asRequest(v)
	if err != nil {
		return nil, err
	}
	d, _ := pyval.NewDict()
	set := func(k, val string) error { return d.Set(pyval.Str(k), pyval.Str(val)) }
	switch mapping {
	case "cookies":
		for _, p := range r.rq.Cookies() {
			if err := set(p.Name, p.Value); err != nil {
				return nil, err
			}
		}
	case "query_params":
		for _, p := range r.rq.Query().Pairs() {
			if err := set(p.Name, p.Value); err != nil {
				return nil, err
			}
		}
	case "path_params":
		for i := 0; i < r.rq.NumParams(); i++ {
			name, ok := r.rq.ParamName(i)
			if !ok {
				continue
			}
			if err := set(name, r.rq.Param(i)); err != nil {
				return nil, err
			}
		}
	default:
		return nil, pyval.NewException("NotImplementedError", pyval.Str("dict of request."+mapping))
	}
	return d, nil
}

// HeaderList is request.headers.getlist(key): every value of the header, in order.
func HeaderList(v pyval.Value, key pyval.Value) (pyval.Value, error) {
	r, err := asRequest(v)
	if err != nil {
		return nil, err
	}
	k, ok := key.(pyval.Str)
	if !ok {
		return nil, pyval.NewException("AttributeError", pyval.Str("'"+key.TypeName()+"' object has no attribute 'lower'"))
	}
	low, err := pyval.CallMethod(k, "lower")
	if err != nil {
		return nil, err
	}
	name := string(low.(pyval.Str))
	for _, c := range name {
		if c > 0xff {
			return nil, pyval.NewException("UnicodeEncodeError", pyval.Str("'latin-1' codec can't encode characters"))
		}
	}
	out := pyval.NewList()
	for _, s := range r.rq.HeaderValues(http.CanonicalHeaderKey(name)) {
		out.Items = append(out.Items, pyval.Str(s))
	}
	return out, nil
}
