package request

import (
	"net/http"
	"unicode/utf8"
)

// maxInlineParams path parameters are held without allocating.
const maxInlineParams = 8

// Request is one request as a FastAPI endpoint sees it.
type Request struct {
	// HTTP is the underlying request.
	HTTP *http.Request

	path        string // scope["path"]: percent-decoded, full (root_path included)
	rootPath    string // scope["root_path"]
	appRootPath string // scope["app_root_path"]: root_path of the top-level app

	names  []string // path parameter names of the matched route
	params []string
	inline [maxInlineParams]string

	query       Query
	queryParsed bool

	cookies       []Pair
	cookiesParsed bool

	body     []byte
	bodyRead bool
	bodyErr  error
	// form is request.form()'s result, parsed once per request (form_cache.go).
	form formCache
	// MaxBody bounds Body in bytes (0: no limit); beyond it Body fails
	// with a 413 HTTPException.
	MaxBody int64
}

// Reset prepares r for a new request, keeping its buffers.
func (r *Request) Reset(hr *http.Request) {
	r.HTTP = hr
	r.path = DecodePath(hr.URL.Path)
	r.rootPath, r.appRootPath = "", ""
	r.names = nil
	r.params = r.inline[:0]
	r.query.pairs = r.query.pairs[:0]
	r.queryParsed = false
	r.cookies = r.cookies[:0]
	r.cookiesParsed = false
	r.body, r.bodyRead, r.bodyErr = nil, false, nil
	r.form = formCache{}
}

// Release drops references to the request so a pooled Request keeps no
// request data alive.
func (r *Request) Release() {
	r.HTTP = nil
	clear(r.inline[:])
	r.params = r.inline[:0]
	clear(r.query.pairs)
	clear(r.cookies)
	r.body = nil
	r.form = formCache{}
	r.bodyErr = nil
}

// DecodePath is what uvicorn makes of the request target's path:
// urllib.parse.unquote of the raw path. net/http has already decoded the
// escapes; invalid UTF-8 becomes U+FFFD as errors="replace" does.
func DecodePath(p string) string {
	if utf8.ValidString(p) {
		return p
	}
	return string(appendUTF8Replace(nil, []byte(p)))
}

// Path is scope["path"]: the decoded path, root_path included.
func (r *Request) Path() string { return r.path }

// SetPath replaces scope["path"] (uvicorn's --root-path prefixes it).
func (r *Request) SetPath(p string) { r.path = p }

// RootPath is scope["root_path"].
func (r *Request) RootPath() string { return r.rootPath }

// AppRootPath is scope["app_root_path"]: the root_path of the top-level
// app, the base of request.url_for / request.base_url.
func (r *Request) AppRootPath() string { return r.appRootPath }

// SetAppRootPath sets scope["app_root_path"] (the router, on entering the
// top-level app).
func (r *Request) SetAppRootPath(p string) { r.appRootPath = p }

// SetRootPath sets scope["root_path"] (FastAPI(root_path=...), a mount).
func (r *Request) SetRootPath(p string) { r.rootPath = p }

// RoutePath is Starlette's get_route_path: the path with root_path
// removed when it is a prefix at a segment boundary.
func (r *Request) RoutePath() string { return RoutePath(r.path, r.rootPath) }

// RoutePath is get_route_path(scope) for a path and root_path.
func RoutePath(path, rootPath string) string {
	if rootPath == "" || len(path) < len(rootPath) || path[:len(rootPath)] != rootPath {
		return path
	}
	if len(path) == len(rootPath) {
		return ""
	}
	if path[len(rootPath)] == '/' {
		return path[len(rootPath):]
	}
	return path
}

// SetParams records the matched route's path parameters (values in the
// order of names). The router calls it.
func (r *Request) SetParams(names []string, values []string) {
	r.names = names
	r.params = append(r.params[:0], values...)
}

// AddParam appends one path parameter value (the router's matcher).
func (r *Request) AddParam(v string) { r.params = append(r.params, v) }

// TruncateParams drops parameters back to n (backtracking matcher).
func (r *Request) TruncateParams(n int) { r.params = r.params[:n] }

// NumParams is the number of path parameters held.
func (r *Request) NumParams() int { return len(r.params) }

// SetParamNames names the held parameters.
func (r *Request) SetParamNames(names []string) { r.names = names }

// Param returns path parameter i, in the order of the route's template
// (the converted value as a string: "0042" for {n:int}).
func (r *Request) Param(i int) string {
	if i < len(r.params) {
		return r.params[i]
	}
	return ""
}

// ParamByName returns a path parameter by name (scope["path_params"]).
func (r *Request) ParamByName(name string) (string, bool) {
	for i, n := range r.names {
		if n == name && i < len(r.params) {
			return r.params[i], true
		}
	}
	return "", false
}

// Method is the request method.
func (r *Request) Method() string { return r.HTTP.Method }

// Query returns the parsed query string.
func (r *Request) Query() *Query {
	if !r.queryParsed {
		r.query.pairs = ParseQS(r.query.pairs[:0], r.HTTP.URL.RawQuery)
		r.queryParsed = true
	}
	return &r.query
}

// RawQuery is scope["query_string"] as sent.
func (r *Request) RawQuery() string { return r.HTTP.URL.RawQuery }

// Scheme is scope["scheme"]: "https" on TLS, or what the server's proxy
// header handling put in HTTP.URL.Scheme, else "http".
func (r *Request) Scheme() string {
	if s := r.HTTP.URL.Scheme; s != "" {
		return s
	}
	if r.HTTP.TLS != nil {
		return "https"
	}
	return "http"
}

// URL is str(request.url) (Starlette's URL(scope=...)): scheme, the Host
// header (latin-1), the decoded path and the raw query.
func (r *Request) URL() string {
	return BuildURL(r.Scheme(), r.HTTP.Host, r.path, r.HTTP.URL.RawQuery)
}

// BuildURL is URL(scope=...) from its parts.
func BuildURL(scheme, host, path, rawQuery string) string {
	u := scheme + "://" + Latin1(host) + path
	if rawQuery != "" {
		u += "?" + rawQuery
	}
	return u
}
