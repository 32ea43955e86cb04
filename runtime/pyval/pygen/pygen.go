// Package pygen runs the yield dependencies of a natively generated route
// (codegen/translate's yield.go): a generator function translated to a Go func that
// receives a yield callback, driven the way FastAPI 0.141 drives it.
//
// FastAPI enters a yield dependency with contextlib's (async)contextmanager on one of
// two AsyncExitStacks (fastapi/routing.py request_response): the function-scope stack
// wraps resolving the dependencies, running the endpoint and serializing its result;
// the request-scope stack also wraps sending the response and running its background
// tasks. So, for one request:
//
//   - Stack.Enter runs the generator up to its yield and returns the yielded value (a
//     generator that ends without yielding is contextlib's RuntimeError "generator
//     didn't yield", a 500);
//   - when the handler fails (an exception of a later dependency or of the endpoint, a
//     422, a response validation error), Stack.End throws the error into the suspended
//     generators at their yield — the function-scope ones, then the request-scope ones,
//     each innermost first — before any exception handler sees it; what comes out (the
//     same exception re-raised, or one the exit code raised) is the handler's error. A
//     function-scope generator that swallows it leaves FastAPI's `response` unbound (an
//     UnboundLocalError, thrown into the request-scope ones); a request-scope one that
//     swallows it makes FastAPI raise FastAPIError ("Response not awaited"). Both are
//     500s;
//   - when the handler succeeds, the function-scope generators are resumed before the
//     response is sent (an exception their exit code raises replaces the response, and
//     goes through the request-scope ones), and the request-scope ones after the
//     response and its background tasks (an exception a task raised is thrown into
//     them; one their exit code raises can only be logged: the response is out).
//
// Each generator body runs on a goroutine of its own, suspended at its yield until the
// stack resumes it; only one of the request's goroutines runs at a time, so the body
// sees the module state mutex (runtime sync.Locker given to Begin) as the handler holds
// it: held while the handler runs, taken again for exit code that runs after it.
package pygen

import (
	"context"
	"fmt"
	"sync"

	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/response"
)

// Body is a translated generator function applied to its arguments: it calls yield once
// with the value it yields; yield returns the exception thrown into the generator there
// (nil: resumed normally), which the body raises at that point.
type Body func(yield func(pyval.Value) error) error

// Stack holds the yield dependencies one request entered, in entry order.
type Stack struct {
	ctx  context.Context
	mu   sync.Locker
	gens []*gen
	// ended: End (or Abandon) took over the generators.
	ended bool
	// late guards the request-scope exit that runs after the response.
	late sync.Once
}

// gen is one suspended generator.
type gen struct {
	function bool
	resume   chan error
	done     chan error
	finished bool
}

// Begin starts the yield dependencies of one request. ctx is the request's context (a
// response the server could not send still gets its exit code run when ctx ends); mu is
// the module state mutex of the route (nil: the route touches no module state).
func Begin(ctx context.Context, mu sync.Locker) *Stack {
	return &Stack{ctx: ctx, mu: mu}
}

// Enter runs body up to its yield and returns the value yielded; function marks a
// Depends(..., scope="function") dependency. An error is what the body raised before
// yielding (it is then over).
func (s *Stack) Enter(function bool, body Body) (pyval.Value, error) {
	g := &gen{function: function, resume: make(chan error), done: make(chan error, 1)}
	yielded := make(chan pyval.Value)
	go g.run(body, yielded)
	select {
	case v := <-yielded:
		s.gens = append(s.gens, g)
		return v, nil
	case err := <-g.done:
		g.finished = true
		if err == nil {
			err = pyval.NewException("RuntimeError", pyval.Str("generator didn't yield"))
		}
		return nil, err
	}
}

// run is the generator's goroutine.
func (g *gen) run(body Body, yielded chan<- pyval.Value) {
	var err error
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("pygen: yield dependency panicked: %v", p)
		}
		g.done <- err
	}()
	calls := 0
	err = body(func(v pyval.Value) error {
		calls++
		if calls > 1 {
			// The translator lets a body yield once; contextlib's message otherwise.
			return pyval.NewException("RuntimeError", pyval.Str("generator didn't stop"))
		}
		yielded <- v
		return <-g.resume
	})
}

// exit resumes g with thrown (nil: normally) and returns what comes out of it:
// contextlib's __exit__ — nil when the body ended without raising (an exception thrown
// in is then swallowed), else the exception it raised (thrown itself when re-raised).
func (g *gen) exit(thrown error) error {
	if g.finished {
		return thrown
	}
	g.finished = true
	g.resume <- thrown
	return <-g.done
}

// unwind exits the generators of one scope, innermost first, as an ExitStack does: each
// sees the exception the previous exit left (none once one swallowed it).
func (s *Stack) unwind(function bool, err error) error {
	for i := len(s.gens) - 1; i >= 0; i-- {
		if g := s.gens[i]; g.function == function {
			err = g.exit(err)
		}
	}
	return err
}

func (s *Stack) lock() {
	if s.mu != nil {
		s.mu.Lock()
	}
}

func (s *Stack) unlock() {
	if s.mu != nil {
		s.mu.Unlock()
	}
}

// End finishes the request's yield dependencies once the handler returned err (nil: it
// produced its response in out) and returns the error to answer instead (see the package
// documentation). On success the request-scope exit code is queued after the response's
// background tasks.
func (s *Stack) End(out *response.Out, err error) error {
	s.ended = true
	if len(s.gens) == 0 {
		return err
	}
	s.lock()
	raised := err
	err = s.unwind(true, err)
	if err == nil && raised != nil {
		err = pyval.NewException("UnboundLocalError", pyval.Str("response unbound: a scope=\"function\" yield dependency swallowed the exception"))
	}
	if err != nil {
		raised = err
		err = s.unwind(false, err)
		s.unlock()
		if err == nil {
			return fastAPIError()
		}
		return err
	}
	s.unlock()
	resp := out.Response()
	if resp == nil || !s.hasRequestScope() {
		// No response (the router answers a 500): the exit code runs now.
		return s.exitLate(nil)
	}
	prev := resp.Background
	bg := new(response.BackgroundTasks)
	bg.Add(func() error { return s.exitLate(prev.Run()) })
	resp.Background = bg
	// A response the server could not send (the client went away) skips its background:
	// the exit code then runs when the request's context ends.
	context.AfterFunc(s.ctx, func() { _ = s.exitLate(nil) })
	return nil
}

// hasRequestScope reports a request-scope generator not yet exited.
func (s *Stack) hasRequestScope() bool {
	for _, g := range s.gens {
		if !g.function && !g.finished {
			return true
		}
	}
	return false
}

// exitLate runs the request-scope exit code once, with raised thrown in.
func (s *Stack) exitLate(raised error) error {
	err := raised
	s.late.Do(func() {
		s.lock()
		defer s.unlock()
		err = s.unwind(false, raised)
	})
	return err
}

// Abandon exits, with an error thrown in, the generators End did not take over (the
// handler panicked). Generated wrappers defer it.
func (s *Stack) Abandon() {
	if s.ended || len(s.gens) == 0 {
		return
	}
	s.ended = true
	s.lock()
	defer s.unlock()
	thrown := pyval.NewException("RuntimeError", pyval.Str("request handling failed"))
	s.unwind(true, thrown)
	s.unwind(false, thrown)
}

// fastAPIError is the error FastAPI raises when a yield dependency swallowed the
// request's exception (a 500).
func fastAPIError() error {
	return pyval.NewException("FastAPIError", pyval.Str("response not awaited: a yield dependency swallowed the exception"))
}
