package codegen

import (
	"fmt"

	"github.com/covetpy/covetgen/ir"
)

// Analysis is what Analyze finds: the refusals of each route, and those of no route.
type Analysis struct {
	// Routes are the routes the service would serve, in registration order: the app's,
	// then those of each mounted FastAPI sub-app (depth first, in mount order).
	Routes []RouteAnalysis
	// App are the refusals Generate reports that belong to no single route (lifespan,
	// startup handlers, middleware, exception handlers, mounts, unresolved constructs...):
	// each blocks the whole app. Sorted by position.
	App []Refusal
}

// RouteAnalysis is one route and the refusals keeping it from being generated natively
// (none: Generate writes its handler).
type RouteAnalysis struct {
	Route *ir.Route
	// Prefix is the concatenated path of the mounts leading to the route's app ("" for a
	// route of the top app).
	Prefix   string
	Refusals []Refusal
}

// Analyze runs the generator over in without producing output and attributes every
// refusal to the route it comes from. Each route is generated on its own (a function or
// model shared by routes is refused for each of them); a refusal of Generate that no
// route produces is an app-level refusal. Analyze never writes anything.
func Analyze(in Input) *Analysis {
	an := &Analysis{}
	attributed := map[Refusal]bool{}
	var walk func(a *ir.App, prefix string)
	walk = func(a *ir.App, prefix string) {
		for _, r := range a.Routes {
			g := newGen(in)
			g.refuse.at = r.Pos
			for _, d := range r.Diags {
				g.refuse.add(d.Pos, "unresolved construct: %s", d.Msg)
			}
			func() {
				// A generator bug in one route must not hide the others.
				defer func() {
					if p := recover(); p != nil {
						g.refuse.add(r.Pos, "route %s: generator error: %v", r.Path, p)
					}
				}()
				g.route(r)
				if g.refuse.len() == 0 {
					// Models whose constructors the body calls are generated at the end.
					for _, m := range g.unit.Models() {
						g.models.get(m, m.Pos)
					}
				}
			}()
			rs := g.refuse.sorted()
			for _, x := range rs {
				attributed[x] = true
			}
			an.Routes = append(an.Routes, RouteAnalysis{Route: r, Prefix: prefix, Refusals: rs})
		}
		for _, m := range a.Mounts {
			if m.Sub != nil {
				walk(m.Sub, prefix+m.Path)
			}
		}
	}
	walk(in.App, "")
	if _, all := generateSafe(in); len(all) > 0 {
		for _, x := range all {
			if !attributed[x] {
				an.App = append(an.App, x)
			}
		}
	}
	return an
}

// generateSafe is Generate, a panic of the generator reported as a refusal at the app.
func generateSafe(in Input) (out *Output, rs []Refusal) {
	defer func() {
		if p := recover(); p != nil {
			out, rs = nil, []Refusal{{Pos: in.App.Pos, What: fmt.Sprintf("app: generator error: %v", p)}}
		}
	}()
	return Generate(in)
}
