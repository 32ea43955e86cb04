package codegen

import (
	"encoding/json"
	"strings"

	"github.com/covetpy/covetgen/ir"
)

// Route targets. A function the bridge must call but cannot name as module:qualname (a
// lambda, a closure a dependency factory returned, an endpoint a decorator wrapped) is
// named by where FastAPI holds it: its route (the mounts leading to the route's app, the
// route's path as registered, its name and methods) and, for a dependency, its index path
// in the route's dependency tree (route.dependant.dependencies[i].dependencies[j]...,
// which is ir.Dependant.Deps's order: dependencies= entries first, the parameters'
// Depends() next). The worker (worker.py _route_callable) finds the route in the app's
// route table and walks the tree; runtime/bridge/testdata/compat/route_table.json
// records that table from FastAPI for every app of the corpus.

// routeTargetJSON is the target as worker.py reads it (Invocation.Fn).
type routeTargetJSON struct {
	Route routeSpecJSON `json:"route"`
	Dep   []int         `json:"dep,omitempty"`
	// Call is the __name__ the callable must have (a check against a tree that differs).
	Call string `json:"call,omitempty"`
}

type routeSpecJSON struct {
	Mounts  []string `json:"mounts"`
	Path    string   `json:"path"`
	Name    string   `json:"name"`
	Methods []string `json:"methods"`
}

// routeTarget is the route target of c, a callable of the handler's route: its endpoint
// or one of its dependencies. ok is false when c is neither (or the route is not one of
// the app's).
func (h *handler) routeTarget(c *ir.Callable) (string, bool) {
	r := h.r
	mounts, found := routeMounts(h.g.in.App, r)
	if !found || r.Dependant == nil {
		return "", false
	}
	t := routeTargetJSON{Route: routeSpecJSON{Mounts: mounts, Path: r.Template, Name: r.Name, Methods: r.Methods}}
	if t.Route.Mounts == nil {
		t.Route.Mounts = []string{}
	}
	if c != r.Endpoint && c != r.Dependant.Call {
		path, ok := depPath(r.Dependant, c, nil)
		if !ok {
			return "", false
		}
		t.Dep = path
		if (c.Kind == ir.FunctionCallable || c.Kind == ir.ClassCallable) && !strings.Contains(c.Name, ".") {
			// (A functools.wraps wrapper, "deco.<locals>.wrapper", has the wrapped __name__.)
			t.Call = c.Name
		}
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(t); err != nil {
		return "", false
	}
	return strings.TrimSuffix(b.String(), "\n"), true
}

// depPath is the index path of the first dependant below d (depth first, in order) whose
// callable is c.
func depPath(d *ir.Dependant, c *ir.Callable, prefix []int) ([]int, bool) {
	for i, s := range d.Deps {
		p := append(append([]int(nil), prefix...), i)
		if s.Call == c {
			return p, true
		}
		if q, ok := depPath(s, c, p); ok {
			return q, true
		}
	}
	return nil, false
}

// routeMounts is the paths of the mounts leading to r's app, outermost first; found is
// false when r is not a route of a or of its mounted FastAPI apps.
func routeMounts(a *ir.App, r *ir.Route) (mounts []string, found bool) {
	eachRoute(a, nil, func(x *ir.Route, ms []string) {
		if x == r && !found {
			mounts, found = ms, true
		}
	})
	return mounts, found
}
