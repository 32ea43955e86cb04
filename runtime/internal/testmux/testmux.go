// Package testmux is a minimal Starlette-style router for the runtime
// packages' golden tests, standing in for runtime's router where a test
// needs routing around the piece it proves: routes scanned in order (first
// full match wins, else the first path-only match gives 405 with its
// methods), mounts with root_path, redirect_slashes, and the JSON 404/405.
// It is test scaffolding, not the generated services' router.
package testmux

import (
	"context"
	"net/http"
	"regexp"
	"strings"

	"github.com/covetpy/covetgen/runtime/internal/starlette"
)

// Params are the matched path parameters.
type Params map[string]string

// HandlerFunc handles a matched route.
type HandlerFunc func(w http.ResponseWriter, r *http.Request, p Params)

type route struct {
	methods []string // nil for mounts
	re      *regexp.Regexp
	names   []string
	h       HandlerFunc
	mount   http.Handler
	prefix  string
}

// Mux is a Starlette Router.
type Mux struct {
	routes            []route
	NoRedirectSlashes bool
}

var paramRe = regexp.MustCompile(`\{([a-zA-Z_][a-zA-Z0-9_]*)(?::(str|path|int))?\}`)

func compile(path string) (*regexp.Regexp, []string) {
	var names []string
	var b strings.Builder
	b.WriteString("^")
	last := 0
	for _, m := range paramRe.FindAllStringSubmatchIndex(path, -1) {
		b.WriteString(regexp.QuoteMeta(path[last:m[0]]))
		names = append(names, path[m[2]:m[3]])
		conv := ""
		if m[4] >= 0 {
			conv = path[m[4]:m[5]]
		}
		switch conv {
		case "path":
			b.WriteString("(.*)")
		case "int":
			b.WriteString("([0-9]+)")
		default:
			b.WriteString("([^/]+)")
		}
		last = m[1]
	}
	b.WriteString(regexp.QuoteMeta(path[last:]))
	b.WriteString("$")
	return regexp.MustCompile(b.String()), names
}

// Route adds a route answering methods (comma-separated).
func (m *Mux) Route(methods, path string, h HandlerFunc) {
	re, names := compile(path)
	m.routes = append(m.routes, route{methods: strings.Split(methods, ","), re: re, names: names, h: h})
}

// Mount adds a Mount: requests under prefix go to h with root_path
// extended by prefix.
func (m *Mux) Mount(prefix string, h http.Handler) {
	re := regexp.MustCompile("^" + regexp.QuoteMeta(prefix) + "/(.*)$")
	m.routes = append(m.routes, route{re: re, mount: h, prefix: prefix})
}

type rootKey struct{}

// RootPath is scope["root_path"] for r.
func RootPath(r *http.Request) string {
	s, _ := r.Context().Value(rootKey{}).(string)
	return s
}

// WithRootPath sets scope["root_path"].
func WithRootPath(r *http.Request, root string) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), rootKey{}, root))
}

// RoutePath is starlette._utils.get_route_path.
func RoutePath(r *http.Request) string {
	path, root := starlette.Path(r), RootPath(r)
	if root == "" || !strings.HasPrefix(path, root) {
		return path
	}
	if path == root {
		return ""
	}
	if path[len(root)] == '/' {
		return path[len(root):]
	}
	return path
}

const (
	none = iota
	partial
	full
)

func (rt *route) match(method, path string) (int, Params) {
	sm := rt.re.FindStringSubmatch(path)
	if sm == nil {
		return none, nil
	}
	if rt.mount != nil {
		return full, Params{"path": sm[1]}
	}
	p := Params{}
	for i, n := range rt.names {
		p[n] = sm[i+1]
	}
	for _, mm := range rt.methods {
		if mm == method {
			return full, p
		}
	}
	return partial, p
}

// ServeHTTP routes r as Starlette's Router does.
func (m *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := RoutePath(r)
	var partialRoute *route
	var partialParams Params
	for i := range m.routes {
		rt := &m.routes[i]
		kind, p := rt.match(r.Method, path)
		switch kind {
		case full:
			if rt.mount != nil {
				rt.mount.ServeHTTP(w, WithRootPath(r, RootPath(r)+rt.prefix))
				return
			}
			rt.h(w, r, p)
			return
		case partial:
			if partialRoute == nil {
				partialRoute, partialParams = rt, p
			}
		}
	}
	if partialRoute != nil {
		_ = partialParams
		starlette.WriteDetail(w, http.StatusMethodNotAllowed, "Method Not Allowed",
			starlette.Header{Name: "Allow", Value: strings.Join(partialRoute.methods, ", ")})
		return
	}
	if !m.NoRedirectSlashes && path != "/" {
		full := starlette.Path(r)
		alt := path
		if strings.HasSuffix(path, "/") {
			alt = strings.TrimRight(path, "/")
			full = strings.TrimRight(full, "/")
		} else {
			alt += "/"
			full += "/"
		}
		for i := range m.routes {
			if kind, _ := m.routes[i].match(r.Method, alt); kind != none {
				starlette.WriteRedirect(w, http.StatusTemporaryRedirect, starlette.RequestURL(r, full))
				return
			}
		}
	}
	starlette.WriteDetail(w, http.StatusNotFound, "Not Found")
}

// Scope returns scope["path"] and scope["root_path"] for r.
func Scope(r *http.Request) (string, string) { return starlette.Path(r), RootPath(r) }
