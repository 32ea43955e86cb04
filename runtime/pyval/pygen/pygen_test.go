package pygen

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/response"
)

// genSpec describes a generator for the tests: it logs "name:open", yields name, then on
// an exception thrown in logs "name:caught" and applies onThrow (re-raise, swallow or
// replace), else logs "name:exit" and returns exitErr.
type genSpec struct {
	name     string
	function bool
	swallow  bool
	replace  error
	exitErr  error
	noYield  bool
	failOpen error
}

func (g genSpec) body(log *[]string, mu *sync.Mutex) Body {
	return func(yield func(pyval.Value) error) error {
		*log = append(*log, g.name+":open")
		if g.failOpen != nil {
			return g.failOpen
		}
		if g.noYield {
			return nil
		}
		if err := yield(pyval.Str(g.name)); err != nil {
			*log = append(*log, g.name+":caught")
			switch {
			case g.swallow:
				return nil
			case g.replace != nil:
				return g.replace
			}
			return err
		}
		if mu != nil && mu.TryLock() {
			mu.Unlock()
			*log = append(*log, g.name+":UNLOCKED")
		}
		*log = append(*log, g.name+":exit")
		return g.exitErr
	}
}

var (
	errHandler = response.NewHTTPException(404, "nf")
	errExit    = response.NewHTTPException(409, "late")
	errOther   = pyval.NewException("ValueError", pyval.Str("x"))
)

func TestStack(t *testing.T) {
	tests := []struct {
		name    string
		gens    []genSpec
		handler error // what the handler body returns
		// wantEnd is End's result; wantLate the background's (request scope, success).
		wantEnd, wantLate string
		// log before the background runs, and at the end.
		wantAtEnd, wantLog string
	}{
		{"success: function scope before the response, request scope after, innermost first",
			[]genSpec{{name: "a"}, {name: "b", function: true}, {name: "c"}}, nil, "", "",
			"a:open b:open c:open b:exit", "a:open b:open c:open b:exit c:exit a:exit"},
		{"error: thrown into every generator, function scope first",
			[]genSpec{{name: "a"}, {name: "b", function: true}, {name: "c"}}, errHandler, "404", "",
			"a:open b:open c:open b:caught c:caught a:caught", "a:open b:open c:open b:caught c:caught a:caught"},
		{"error replaced by a generator, the outer ones see the new one",
			[]genSpec{{name: "a"}, {name: "b", replace: errOther}}, errHandler, "ValueError", "",
			"a:open b:open b:caught a:caught", "a:open b:open b:caught a:caught"},
		{"request scope swallows: FastAPIError",
			[]genSpec{{name: "a", swallow: true}, {name: "b"}}, errHandler, "FastAPIError", "",
			"a:open b:open b:caught a:caught", "a:open b:open b:caught a:caught"},
		{"function scope swallows: UnboundLocalError thrown into the request scope",
			[]genSpec{{name: "a"}, {name: "b", function: true, swallow: true}}, errHandler, "UnboundLocalError", "",
			"a:open b:open b:caught a:caught", "a:open b:open b:caught a:caught"},
		{"an inner generator swallows: the outer ones resume normally, FastAPIError",
			[]genSpec{{name: "a"}, {name: "b", swallow: true}}, errHandler, "FastAPIError", "",
			"a:open b:open b:caught a:exit", "a:open b:open b:caught a:exit"},
		{"function scope exit raises: the response is replaced, the request scope sees it",
			[]genSpec{{name: "a"}, {name: "b", function: true, exitErr: errExit}}, nil, "409", "",
			"a:open b:open b:exit a:caught", "a:open b:open b:exit a:caught"},
		{"request scope exit raises after the response: only the background sees it",
			[]genSpec{{name: "a"}, {name: "b", exitErr: errExit}}, nil, "", "409",
			"a:open b:open", "a:open b:open b:exit a:caught"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log []string
			var mu sync.Mutex
			s := Begin(context.Background(), &mu)
			for _, g := range tt.gens {
				v, err := s.Enter(g.function, g.body(&log, &mu))
				if err != nil || v != pyval.Str(g.name) {
					t.Fatalf("Enter(%s) = %v, %v", g.name, v, err)
				}
			}
			var out response.Out
			if tt.handler == nil {
				_ = out.Value(200, pyval.None)
			}
			end := s.End(&out, tt.handler)
			if got := describe(end); got != tt.wantEnd {
				t.Errorf("End = %q, want %q", got, tt.wantEnd)
			}
			if got := strings.Join(log, " "); got != tt.wantAtEnd {
				t.Errorf("log at End: %q, want %q", got, tt.wantAtEnd)
			}
			if end == nil {
				late := out.Response().Background.Run()
				if got := describe(late); got != tt.wantLate {
					t.Errorf("background = %q, want %q", got, tt.wantLate)
				}
				if out.Response().Background.Run(); strings.Count(strings.Join(log, " "), ":exit") > len(tt.gens) {
					t.Error("exit code ran twice")
				}
			}
			if got := strings.Join(log, " "); got != tt.wantLog {
				t.Errorf("log: %q, want %q", got, tt.wantLog)
			}
			if !mu.TryLock() {
				t.Error("the state mutex is left locked")
			}
		})
	}
}

// describe is an error's status or class ("" for nil).
func describe(err error) string {
	var he *response.HTTPException
	var pe *pyval.Exception
	switch {
	case err == nil:
		return ""
	case errors.As(err, &he):
		return strconv.Itoa(he.Status)
	case errors.As(err, &pe):
		return pe.Class
	}
	return err.Error()
}

func TestEnterFailures(t *testing.T) {
	var log []string
	s := Begin(context.Background(), nil)
	if _, err := s.Enter(false, genSpec{name: "a", noYield: true}.body(&log, nil)); describe(err) != "RuntimeError" {
		t.Errorf("a generator that does not yield: %v, want RuntimeError", err)
	}
	if _, err := s.Enter(false, genSpec{name: "b", failOpen: errHandler}.body(&log, nil)); err != errHandler {
		t.Errorf("a generator raising before its yield: %v, want its exception", err)
	}
	if len(s.gens) != 0 {
		t.Errorf("%d generators held, want none", len(s.gens))
	}
	var out response.Out
	if err := s.End(&out, errOther); err != errOther {
		t.Errorf("End with nothing held: %v, want the handler's error", err)
	}
}

// TestUnsentResponse checks that the request-scope exit code runs when the request's
// context ends although the response's background never ran (the client went away).
func TestUnsentResponse(t *testing.T) {
	var log []string
	var mu sync.Mutex
	ctx, cancel := context.WithCancel(context.Background())
	s := Begin(ctx, &mu)
	if _, err := s.Enter(false, genSpec{name: "a"}.body(&log, &mu)); err != nil {
		t.Fatal(err)
	}
	var out response.Out
	_ = out.Value(200, pyval.None)
	if err := s.End(&out, nil); err != nil {
		t.Fatal(err)
	}
	mu.Lock() // the state is busy: the exit code waits for it
	cancel()
	time.Sleep(10 * time.Millisecond)
	mu.Unlock()
	deadline := time.Now().Add(2 * time.Second)
	for {
		mu.Lock()
		got := strings.Join(log, " ")
		mu.Unlock()
		if got == "a:open a:exit" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("log %q: the exit code did not run", got)
		}
		time.Sleep(time.Millisecond)
	}
	if err := out.Response().Background.Run(); err != nil {
		t.Errorf("background after the exit: %v", err)
	}
}

// TestAbandon checks that a handler that panicked has its generators exited.
func TestAbandon(t *testing.T) {
	var log []string
	s := Begin(context.Background(), nil)
	if _, err := s.Enter(true, genSpec{name: "a", function: true}.body(&log, nil)); err != nil {
		t.Fatal(err)
	}
	func() {
		defer func() { _ = recover() }()
		defer s.Abandon()
		panic("handler bug")
	}()
	if got := strings.Join(log, " "); got != "a:open a:caught" {
		t.Errorf("log %q", got)
	}
	s.Abandon() // once only
}
