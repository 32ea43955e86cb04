package codegen

import (
	"fmt"
	"strings"

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
	// Pinned: bridged functions touch module state the app mutates, so the service runs
	// them on one Python worker.
	Pinned bool
}

// RouteAnalysis is one route: why it is not native, and what keeps it from being
// bridged.
type RouteAnalysis struct {
	Route *ir.Route
	// Prefix is the concatenated path of the mounts leading to the route's app ("" for a
	// route of the top app).
	Prefix string
	// Refusals keep the route from being generated natively (none and not Forced: a
	// native route).
	Refusals []Refusal
	// Bridged: the route's functions run through the bridge (Refusals, or Forced).
	// Blockers are the refusals that remain when they do: the route can be served
	// neither natively nor through a handler call, and blocks the app.
	Bridged  bool
	Forced   bool
	Blockers []Refusal
	// Forwarded: Input.Forward serves the blocked route by request forwarding.
	Forwarded bool
}

// Analyze runs the generator over in without producing output and attributes every
// refusal to the route it comes from. Each route is generated on its own, natively and,
// when that is refused or forced, bridged (a function or model shared by routes is
// refused for each of them); a refusal of Generate that no route produces is an
// app-level refusal. Analyze never writes anything.
func Analyze(in Input) *Analysis {
	plan := planBridge(in, true)
	an := &Analysis{Pinned: plan.pinned}
	attributed := map[Refusal]bool{}
	eachRoute(in.App, nil, func(r *ir.Route, mounts []string) {
		ra := RouteAnalysis{Route: r, Prefix: strings.Join(mounts, ""), Refusals: plan.reasons[r],
			Forced: forcedRoute(in, r), Bridged: plan.routes[r], Blockers: plan.blockers[r]}
		_, ra.Forwarded = plan.forward[r]
		for _, x := range append(append([]Refusal(nil), ra.Refusals...), ra.Blockers...) {
			attributed[x] = true
		}
		an.Routes = append(an.Routes, ra)
	})
	if _, all := generateSafe(in, plan); len(all) > 0 {
		for _, x := range all {
			if !attributed[x] {
				an.App = append(an.App, x)
			}
		}
	}
	return an
}

// generateSafe is generatePlanned, a panic of the generator reported as a refusal at the app.
func generateSafe(in Input, plan *bridgePlan) (out *Output, rs []Refusal) {
	defer func() {
		if p := recover(); p != nil {
			out, rs = nil, []Refusal{{Pos: in.App.Pos, What: fmt.Sprintf("app: generator error: %v", p)}}
		}
	}()
	return generatePlanned(in, plan)
}
