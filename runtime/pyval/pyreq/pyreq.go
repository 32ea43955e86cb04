// Package pyreq is FastAPI's `request: Request` parameter as a value of translated
// handler bodies (codegen/translate): the read-only subset they use, with Starlette
// 0.47.3's results. request.method; request.url.path / .query / .scheme / .netloc and
// str(request.url); request.headers, request.query_params and request.cookies through
// .get(key, default=None), [key] (KeyError) and, for query_params, getlist(key) and
// multi_items(); request.scope.get / [] of root_path, path, method, scheme and type;
// (body.go) await request.body() / request.json(); (values.go) str(request.base_url),
// str(request.url_for(name)), request.cookies / path_params and dict() of the mappings,
// request.headers.getlist(key), request.client. It is a package of its own because
// runtime/request imports pyval.
package pyreq

import (
	"net/http"

	"github.com/covetpy/covetgen/runtime/internal/starlette"
	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/request"
)

// Request is a Starlette Request over the request being served.
type Request struct{ rq *request.Request }

// TypeName is "Request".
func (*Request) TypeName() string { return "Request" }

// Of wraps the request being served.
func Of(rq *request.Request) *Request { return &Request{rq: rq} }

func asRequest(v pyval.Value) (*Request, error) {
	r, ok := v.(*Request)
	if !ok {
		return nil, pyval.NewException("AttributeError", pyval.Str("'"+v.TypeName()+"' object has no attribute 'headers'"))
	}
	return r, nil
}

// Method is request.method.
func Method(v pyval.Value) (pyval.Value, error) {
	r, err := asRequest(v)
	if err != nil {
		return nil, err
	}
	return pyval.Str(r.rq.HTTP.Method), nil
}

// URL is request.url.<part> for part path, query, scheme or netloc, and str(request.url)
// for part "".
func URL(v pyval.Value, part string) (pyval.Value, error) {
	r, err := asRequest(v)
	if err != nil {
		return nil, err
	}
	u := starlette.RequestURL(r.rq.HTTP, r.rq.Path())
	if part == "" {
		return pyval.Str(u), nil
	}
	s := starlette.Split(u)
	switch part {
	case "path":
		return pyval.Str(s.Path), nil
	case "query":
		return pyval.Str(s.Query), nil
	case "scheme":
		return pyval.Str(s.Scheme), nil
	case "netloc":
		return pyval.Str(s.Netloc), nil
	}
	return nil, pyval.NewException("AttributeError", pyval.Str("'URL' object has no attribute '"+part+"'"))
}

// Get is request.<mapping>.get(key, default) (def nil: None) for mapping "headers",
// "query_params", "cookies" or "scope" (the str keys root_path, path, method, scheme and
// type only: the translator refuses others).
func Get(v pyval.Value, mapping string, key, def pyval.Value) (pyval.Value, error) {
	s, found, err := lookup(v, mapping, key)
	if err != nil {
		return nil, err
	}
	if !found {
		if def == nil {
			return pyval.None, nil
		}
		return def, nil
	}
	return pyval.Str(s), nil
}

// Item is request.<mapping>[key]: KeyError(key) when absent.
func Item(v pyval.Value, mapping string, key pyval.Value) (pyval.Value, error) {
	s, found, err := lookup(v, mapping, key)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, pyval.NewException("KeyError", key)
	}
	return pyval.Str(s), nil
}

// lookup finds key: the first header of that name (case-insensitive), the last query
// parameter or cookie of that name.
func lookup(v pyval.Value, mapping string, key pyval.Value) (string, bool, error) {
	r, err := asRequest(v)
	if err != nil {
		return "", false, err
	}
	k, isStr := key.(pyval.Str)
	switch mapping {
	case "headers":
		if !isStr {
			return "", false, pyval.NewException("AttributeError", pyval.Str("'"+key.TypeName()+"' object has no attribute 'lower'"))
		}
		low, err := pyval.CallMethod(k, "lower")
		if err != nil {
			return "", false, err
		}
		name := string(low.(pyval.Str))
		for _, c := range name {
			if c > 0xff {
				return "", false, pyval.NewException("UnicodeEncodeError", pyval.Str("'latin-1' codec can't encode characters"))
			}
		}
		s, ok := r.rq.Header(http.CanonicalHeaderKey(name))
		return s, ok, nil
	case "query_params":
		if !isStr {
			return "", false, nil
		}
		s, ok := r.rq.Query().Get(string(k))
		return s, ok, nil
	case "cookies":
		if !isStr {
			return "", false, nil
		}
		s, ok := r.rq.Cookie(string(k))
		return s, ok, nil
	case "scope":
		switch k {
		case "root_path":
			return r.rq.RootPath(), true, nil
		case "path":
			return r.rq.Path(), true, nil
		case "method":
			return r.rq.HTTP.Method, true, nil
		case "scheme":
			return r.rq.Scheme(), true, nil
		case "type":
			return "http", true, nil
		}
		return "", false, pyval.NewException("NotImplementedError", pyval.Str("scope key "+string(k)))
	}
	return "", false, pyval.NewException("AttributeError", pyval.Str("'Request' object has no attribute '"+mapping+"'"))
}

// GetList is request.query_params.getlist(key): every value in order.
func GetList(v pyval.Value, key pyval.Value) (pyval.Value, error) {
	r, err := asRequest(v)
	if err != nil {
		return nil, err
	}
	out := pyval.NewList()
	if k, ok := key.(pyval.Str); ok {
		for _, s := range r.rq.Query().All(string(k)) {
			out.Items = append(out.Items, pyval.Str(s))
		}
	}
	return out, nil
}

// MultiItems is request.query_params.multi_items(): a list of (name, value) tuples.
func MultiItems(v pyval.Value) (pyval.Value, error) {
	r, err := asRequest(v)
	if err != nil {
		return nil, err
	}
	pairs := r.rq.Query().Pairs()
	out := &pyval.List{Items: make([]pyval.Value, len(pairs))}
	for i, p := range pairs {
		out.Items[i] = pyval.Tuple{pyval.Str(p.Name), pyval.Str(p.Value)}
	}
	return out, nil
}
