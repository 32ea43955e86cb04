package ir

// AllDiagnostics returns the app's diagnostics followed by those of its routes (webhooks
// and callbacks included) and models, without duplicates.
func (a *App) AllDiagnostics() Diagnostics {
	var out Diagnostics
	seen := map[Diagnostic]bool{}
	add := func(ds Diagnostics) {
		for _, d := range ds {
			if !seen[d] {
				seen[d] = true
				out = append(out, d)
			}
		}
	}
	add(a.Diags)
	var routes func([]*Route)
	routes = func(rs []*Route) {
		for _, r := range rs {
			add(r.Diags)
			routes(r.Callbacks)
		}
	}
	routes(a.Routes)
	routes(a.Webhooks)
	for _, m := range a.Models {
		add(m.Diags)
	}
	for _, m := range a.Mounts {
		if m.Sub != nil {
			add(m.Sub.AllDiagnostics())
		}
	}
	return out
}
