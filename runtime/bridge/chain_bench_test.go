package bridge

import (
	"context"
	"testing"

	"github.com/covetpy/covetgen/runtime/pyval"
)

// objectModels keeps a returned model as a pyval.Object, as a generated service's
// pyModels does for a class it has no Go type for: sent back, it is rebuilt with
// model_validate.
func objectModels(class string, fields *pyval.Dict, set []string) (pyval.Value, error) {
	return &pyval.Object{Class: class, Fields: fields, Set: set}, nil
}

// BenchmarkSessionChain runs the three calls of a route like bench/app's GET /me (a
// header dependency, a dependency building a model from it, the endpoint returning the
// model as the body) in one session per iteration: as three Invokes, each result
// decoded in Go and sent back (what generated handlers did before chains), and as one
// chain (two Defers and the endpoint's Invoke: one round trip, the results staying in
// Python). Wall time per request and the CPU of each side.
func BenchmarkSessionChain(b *testing.B) {
	p := startPool(b, anyEnvB(b), func(c *Config) { c.AppDir, c.App, c.Workers = "testdata/v2", "v2:app", 1 })
	bg := context.Background()
	const want = `{"username":"alice","role":"admin","token":"s3cret"}`
	b.Run("3×Invoke", func(b *testing.B) {
		cpu := startCPU(p)
		for b.Loop() {
			s, _ := p.Session(bg, false)
			r, err := s.Invoke(bg, Invocation{Fn: "v2:chain_token", Args: []any{Kw("x_token", "s3cret")}})
			if err != nil {
				b.Fatal(err)
			}
			tok, err := r.Result.Value(objectModels)
			if err != nil {
				b.Fatal(err)
			}
			r, err = s.Invoke(bg, Invocation{Fn: "v2:chain_user", Args: []any{Kw("token", tok)}})
			if err != nil {
				b.Fatal(err)
			}
			user, err := r.Result.Value(objectModels)
			if err != nil {
				b.Fatal(err)
			}
			r, err = s.Invoke(bg, Invocation{Fn: "v2:chain_me", Args: []any{Kw("user", user)}, Body: true})
			if err != nil || string(r.Body) != want {
				b.Fatalf("%v %s", err, r.Body)
			}
			if err := s.Close(bg, nil); err != nil {
				b.Fatal(err)
			}
		}
		cpu.report(b, b.N)
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/req")
	})
	b.Run("Chain", func(b *testing.B) {
		cpu := startCPU(p)
		for b.Loop() {
			s, _ := p.Session(bg, false)
			tok := s.Defer(Invocation{Fn: "v2:chain_token", Args: []any{Kw("x_token", "s3cret")}})
			user := s.Defer(Invocation{Fn: "v2:chain_user", Args: []any{Kw("token", tok)}})
			r, err := s.Invoke(bg, Invocation{Fn: "v2:chain_me", Args: []any{Kw("user", user)}, Body: true})
			if err != nil || string(r.Body) != want {
				b.Fatalf("%v %s", err, r.Body)
			}
			if err := s.Close(bg, nil); err != nil {
				b.Fatal(err)
			}
		}
		cpu.report(b, b.N)
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/req")
	})
}
