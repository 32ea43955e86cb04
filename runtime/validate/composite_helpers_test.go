package validate_test

import (
	"testing"

	"github.com/covetpy/covetgen/runtime/validate/internal/spec"
)

// Differential tests of the composite API: each case is validated and
// dumped by pydantic (python3, at test time) and by the spec interpreter
// over package validate, and the answers must be byte-identical.

var (
	dumpAB  = []spec.Dump{{Mode: "A"}, {Mode: "B"}}
	dumpABC = []spec.Dump{{Mode: "A"}, {Mode: "B"}, {Mode: "C"}}
)

// root is a schema validating just t.
func root(t *spec.Type) *spec.Schema { return &spec.Schema{Root: t} }

// cases makes one case per input for a schema.
func cases(name string, s *spec.Schema, dumps []spec.Dump, inputs ...string) []spec.Case {
	out := make([]spec.Case, len(inputs))
	for i, in := range inputs {
		out[i] = spec.Case{Name: name, Schema: s, In: in, Dumps: dumps}
	}
	return out
}

func runSpec(t *testing.T, groups ...[]spec.Case) {
	t.Helper()
	var all []spec.Case
	for _, g := range groups {
		all = append(all, g...)
	}
	want := spec.Oracle(t, all)
	interps := map[*spec.Schema]*spec.Interp{}
	n := spec.Compare(t, all, want, func(c *spec.Case) spec.Answer {
		in := interps[c.Schema]
		if in == nil {
			in = spec.NewInterp(c.Schema)
			interps[c.Schema] = in
		}
		return in.Run(c)
	})
	t.Logf("%d/%d cases match pydantic", n, len(all))
}
