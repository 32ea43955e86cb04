package bridge

import (
	"errors"
	"testing"
	"time"

	"github.com/covetpy/covetgen/runtime/response"
)

// TestSessionChain runs the routes of testdata/v2 with their dependencies deferred and
// the endpoint's Invoke sending them all in one frame, each dependency's result passed
// to the later steps as a Step: the answers and the events of the generators,
// endpoints and tasks must be the real FastAPI's, as with one Invoke per call.
func TestSessionChain(t *testing.T) {
	all := loadGoldens(t)
	for name, env := range stacks(t) {
		t.Run(name, func(t *testing.T) {
			p := startV2(t, env, nil)
			takeEvents(t, p)
			gen := func(fn string) Invocation { return Invocation{Fn: fn, Generator: true} }
			tests := []struct {
				name, golden string
				run          func(t *testing.T, s *Session)
			}{
				{"db", "db", func(t *testing.T, s *Session) {
					db := s.Defer(gen("v2:get_db"))
					s.Defer(Invocation{Fn: "v2:insert", Args: []any{db, 5}})
					r := invoke(t, s, Invocation{Fn: "v2:insert", Args: []any{db, 6}, Body: true})
					if want := goldenOf(t, all, "db").Body; string(r.Body) != want {
						t.Errorf("body %s, want %s", r.Body, want)
					}
					if !s.Holds() {
						t.Error("the session does not hold the generator")
					}
					if err := s.Close(ctx(t), nil); err != nil {
						t.Fatal(err)
					}
				}},
				{"order", "order", func(t *testing.T, s *Session) {
					a := s.Defer(gen("v2:sync_dep"))
					b := s.Defer(gen("v2:async_dep"))
					r := invoke(t, s, Invocation{Fn: "v2:endpoint", Args: []any{a, Kw("b", b)}, Body: true})
					if want := goldenOf(t, all, "order").Body; string(r.Body) != want {
						t.Errorf("body %s, want %s", r.Body, want)
					}
					if err := s.Close(ctx(t), nil); err != nil {
						t.Fatal(err)
					}
				}},
				{"raise", "raise", func(t *testing.T, s *Session) {
					a := s.Defer(gen("v2:sync_dep"))
					s.Defer(gen("v2:async_dep"))
					r := invoke(t, s, Invocation{Fn: "v2:boom", Args: []any{a}, Request: reqInfo("GET", "/raise", "")})
					checkResponse(t, r.Response, goldenOf(t, all, "raise"))
					if err := s.Close(ctx(t), errors.New("the request failed")); err != nil {
						t.Fatalf("Close after the generators exited: %v", err)
					}
				}},
				{"convert", "convert", func(t *testing.T, s *Session) {
					s.Defer(gen("v2:sync_dep"))
					c := s.Defer(gen("v2:convert_dep"))
					_, err := s.Invoke(ctx(t), Invocation{Fn: "v2:boom", Args: []any{c}, Request: reqInfo("GET", "/convert", "")})
					var he *response.HTTPException
					if !errors.As(err, &he) || he.Status != goldenOf(t, all, "convert").Status {
						t.Fatalf("got %v, want the HTTPException", err)
					}
					if err := s.Close(ctx(t), err); err != nil {
						t.Fatal(err)
					}
				}},
				{"forbidden", "forbidden", func(t *testing.T, s *Session) {
					s.Defer(gen("v2:async_dep"))
					_, err := s.Invoke(ctx(t), Invocation{Fn: "v2:forbid"})
					var he *response.HTTPException
					if !errors.As(err, &he) || he.Status != 403 || len(he.Headers) != 1 {
						t.Fatalf("got %v", err)
					}
					if err := s.Close(ctx(t), err); err != nil {
						t.Fatal(err)
					}
				}},
				// The dependency that raises is a middle step: the endpoint does not run.
				{"forbidden in the middle", "forbidden", func(t *testing.T, s *Session) {
					a := s.Defer(gen("v2:async_dep"))
					f := s.Defer(Invocation{Fn: "v2:forbid"})
					_, err := s.Invoke(ctx(t), Invocation{Fn: "v2:endpoint", Args: []any{a, f}, Body: true})
					var he *response.HTTPException
					if !errors.As(err, &he) || he.Status != 403 {
						t.Fatalf("got %v", err)
					}
					if err := s.Close(ctx(t), err); err != nil {
						t.Fatal(err)
					}
				}},
				{"my-dep in the middle", "my-dep", func(t *testing.T, s *Session) {
					ri := reqInfo("GET", "/my-dep", "")
					a := s.Defer(Invocation{Fn: "v2:async_dep", Generator: true, Request: ri})
					m := s.Defer(Invocation{Fn: "v2:raise_my_after_dep", Args: []any{a}, Request: ri})
					r := invoke(t, s, Invocation{Fn: "v2:endpoint", Args: []any{a, m}, Body: true, Request: ri})
					if !r.Handled {
						t.Error("Handled not set")
					}
					checkResponse(t, r.Response, goldenOf(t, all, "my-dep"))
					if err := s.Close(ctx(t), nil); err != nil {
						t.Fatal(err)
					}
				}},
				{"fn-scope", "fn-scope", func(t *testing.T, s *Session) {
					a := s.Defer(gen("v2:sync_dep"))
					f := s.Defer(Invocation{Fn: "v2:fn_dep", Generator: true, FunctionScope: true})
					s.Defer(Invocation{Fn: "v2:log_task_later", Args: []any{"after"}, BackgroundParams: []string{"tasks"}})
					r := invoke(t, s, Invocation{Fn: "v2:endpoint", Args: []any{a, f}, Body: true})
					if want := goldenOf(t, all, "fn-scope").Body; string(r.Body) != want {
						t.Errorf("body %s, want %s", r.Body, want)
					}
					if !s.HasBackground() {
						t.Error("HasBackground false")
					}
					if err := s.ExitFunctionScope(ctx(t), nil); err != nil {
						t.Fatal(err)
					}
					if err := s.RunBackground(ctx(t)); err != nil {
						t.Fatal(err)
					}
					if err := s.Close(ctx(t), nil); err != nil {
						t.Fatal(err)
					}
				}},
			}
			for _, tc := range tests {
				t.Run(tc.name, func(t *testing.T) {
					tc.run(t, newSession(t, p, false))
					checkEvents(t, p, goldenOf(t, all, tc.golden).Events)
				})
			}
		})
	}
}

// TestSessionChainMisuse checks what the worker and the session refuse: a Step outside
// its chain, a deferred invocation that asks for a rendered body, another session
// operation with invocations queued; and Flush.
func TestSessionChainMisuse(t *testing.T) {
	p := startV2(t, anyEnv(t), nil)
	takeEvents(t, p)
	t.Run("step outside its chain", func(t *testing.T) {
		s := newSession(t, p, false)
		a := s.Defer(Invocation{Fn: "v2:sync_dep", Generator: true})
		if r := invoke(t, s, Invocation{Fn: "v2:endpoint", Args: []any{a, "x"}}); string(r.Result.JSON()) != `{"a":"s","b":"x"}` {
			t.Errorf("in its chain: %s", r.Result.JSON())
		}
		// v2's handler of Exception answers the worker's ValueError.
		refused := func(what string, r Reply, err error) {
			t.Helper()
			if err != nil || !r.Handled || string(r.Response.Body) != "oops: ValueError" {
				t.Errorf("%s: %v %+v", what, err, r.Response)
			}
		}
		r, err := s.Invoke(ctx(t), Invocation{Fn: "v2:endpoint", Args: []any{a, "y"}})
		refused("a step after its chain", r, err)
		s.Close(ctx(t), err)
		other := newSession(t, p, false)
		other.Defer(Invocation{Fn: "v2:trivial"})
		r, err = other.Invoke(ctx(t), Invocation{Fn: "v2:endpoint", Args: []any{a, "z"}})
		refused("a step of another session", r, err)
		other.Close(ctx(t), err)
		// A step cannot refer to itself or a later step either.
		s3 := newSession(t, p, false)
		st := Step{Session: s3.id, N: 0}
		s3.Defer(Invocation{Fn: "v2:endpoint", Args: []any{st, 1}})
		r, err = s3.Invoke(ctx(t), Invocation{Fn: "v2:trivial"})
		refused("a step referring to itself", r, err)
		s3.Close(ctx(t), err)
		checkEvents(t, p, []string{"enter sync", "endpoint sx",
			"sync saw ValueError(covetgen bridge: a step result used outside its chain)", "exit sync"})
	})
	t.Run("deferred body", func(t *testing.T) {
		s := newSession(t, p, false)
		s.Defer(Invocation{Fn: "v2:trivial", Body: true})
		if _, err := s.Invoke(ctx(t), Invocation{Fn: "v2:trivial"}); !errors.Is(err, errDeferRender) {
			t.Errorf("got %v", err)
		}
		s.Defer(Invocation{Fn: "v2:trivial", Body: true})
		if _, err := s.Flush(ctx(t)); !errors.Is(err, errDeferRender) {
			t.Errorf("Flush: got %v", err)
		}
		s.Close(ctx(t), nil)
	})
	t.Run("pending", func(t *testing.T) {
		s := newSession(t, p, false)
		s.Defer(Invocation{Fn: "v2:sync_dep", Generator: true})
		if err := s.ExitFunctionScope(ctx(t), nil); !errors.Is(err, errPending) {
			t.Errorf("ExitFunctionScope: %v", err)
		}
		if err := s.RunBackground(ctx(t)); !errors.Is(err, errPending) {
			t.Errorf("RunBackground: %v", err)
		}
		if _, _, err := s.ValidateBody(ctx(t), BodyValidation{Fn: "v2:endpoint", Param: "a"}); !errors.Is(err, errPending) {
			t.Errorf("ValidateBody: %v", err)
		}
		// Close drops what was never sent: nothing ran.
		if err := s.Close(ctx(t), nil); err != nil {
			t.Fatal(err)
		}
		checkEvents(t, p, nil)
	})
	t.Run("flush", func(t *testing.T) {
		s := newSession(t, p, false)
		if r, err := s.Flush(ctx(t)); err != nil || r.Result.JSON() != nil {
			t.Errorf("Flush of nothing: %v %s", err, r.Result.JSON())
		}
		a := s.Defer(Invocation{Fn: "v2:sync_dep", Generator: true})
		s.Defer(Invocation{Fn: "v2:endpoint", Args: []any{a, "f"}})
		r, err := s.Flush(ctx(t))
		if err != nil || string(r.Result.JSON()) != `{"a":"s","b":"f"}` {
			t.Fatalf("Flush: %v %s", err, r.Result.JSON())
		}
		if s.Queued() {
			t.Error("still queued after Flush")
		}
		if err := s.Close(ctx(t), nil); err != nil {
			t.Fatal(err)
		}
		checkEvents(t, p, []string{"enter sync", "endpoint sf", "exit sync"})
	})
}

// TestSessionChainTimeout: Config.Timeout bounds each call of a chain, not the chain.
func TestSessionChainTimeout(t *testing.T) {
	p := startPool(t, anyEnv(t), func(c *Config) { c.Workers, c.Timeout = 1, time.Second })
	s := newSession(t, p, false)
	s.Defer(Invocation{Fn: "sleep", Args: []any{Kw("seconds", 0.7)}})
	if _, err := s.Invoke(ctx(t), Invocation{Fn: "sleep", Args: []any{Kw("seconds", 0.7)}}); err != nil {
		t.Errorf("two calls of 0.7s each with a timeout of 1s: %v", err)
	}
	s.Close(ctx(t), nil)
	s = newSession(t, p, false)
	s.Defer(Invocation{Fn: "sleep", Args: []any{Kw("seconds", 2.5)}})
	var te *TimeoutError
	if _, err := s.Invoke(ctx(t), Invocation{Fn: "sleep", Args: []any{Kw("seconds", 0.0)}}); !errors.As(err, &te) || te.Timeout != 2*time.Second {
		t.Errorf("a chain past twice the timeout: %v", err)
	}
	s.Close(ctx(t), nil)
}
