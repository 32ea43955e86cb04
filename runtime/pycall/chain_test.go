package pycall

import (
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/covetpy/covetgen/runtime/bridge"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
)

// v2Pool serves runtime/bridge/testdata/v2 (its FastAPI stand-ins) in one worker.
func v2Pool(t *testing.T) *bridge.Pool {
	t.Helper()
	py := os.Getenv("COVETGEN_PYTHON")
	if py == "" {
		py = "python3"
	}
	if _, err := exec.LookPath(py); err != nil {
		t.Skip("no python3")
	}
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PYTHONPATH=") {
			env = append(env, kv)
		}
	}
	pool, err := bridge.Start(context.Background(), bridge.Config{Python: py, AppDir: "../bridge/testdata/v2",
		App: "v2:app", Workers: 1, Env: env, Timeout: 20 * time.Second, Logf: t.Logf})
	if err != nil {
		t.Fatalf("bridge.Start: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = pool.Shutdown(ctx)
	})
	return pool
}

// TestLater runs handlers as generated bridged routes write them, their dependencies
// queued with Later: what the client gets and what the generators, dependencies and
// endpoints did (v2.EVENTS) must be what FastAPI does (runtime/bridge/testdata/v2's
// golden.json for the same routes), whether the endpoint's call sends the queued calls
// or End does (Go's own error came after them).
func TestLater(t *testing.T) {
	pool := v2Pool(t)
	route := &Route{Request: true} // v2 has exception handlers
	gen := func(fn string) bridge.Invocation { return bridge.Invocation{Fn: fn, Generator: true} }
	goErr := response.NewHTTPException(400, "bad by Go")
	tests := []struct {
		name string
		// handler is the route's body; its error goes to End.
		handler func(c *Call, out *response.Out) error
		status  int    // the answer: the error End returns (0: none) ...
		body    string // ... or the endpoint's body
		events  []string
	}{
		{"order", func(c *Call, out *response.Out) error {
			a, err := c.Later(gen("v2:sync_dep"))
			if err != nil {
				return err
			}
			b, err := c.Later(gen("v2:async_dep"))
			if err != nil {
				return err
			}
			_, body, _, err := c.Endpoint(out, bridge.Invocation{Fn: "v2:endpoint", Args: []any{bridge.Kw("a", a), bridge.Kw("b", b)}, Body: true})
			if err == nil {
				err = out.JSON(200, body)
			}
			return err
		}, 0, `{"a":"s","b":"a"}`, []string{"enter sync", "enter async", "endpoint sa", "exit async", "exit sync"}},
		// Go fails after the dependency was queued: End runs it, then throws Go's error in.
		{"Go's error after", func(c *Call, out *response.Out) error {
			if _, err := c.Later(gen("v2:async_dep")); err != nil {
				return err
			}
			return goErr
		}, 400, "", []string{"enter async", "async saw HTTPException(400: bad by Go)", "exit async"}},
		// A queued dependency raises before Go's error: its exception is the answer.
		{"dependency raises first", func(c *Call, out *response.Out) error {
			if _, err := c.Later(gen("v2:async_dep")); err != nil {
				return err
			}
			if _, err := c.Later(bridge.Invocation{Fn: "v2:forbid"}); err != nil {
				return err
			}
			return goErr
		}, 403, "", []string{"enter async", "forbid", "async saw HTTPException(403: forbidden)", "exit async"}},
		// Its exception taken by the app's handler (MyError: 418).
		{"handled", func(c *Call, out *response.Out) error {
			a, err := c.Later(gen("v2:async_dep"))
			if err != nil {
				return err
			}
			if _, err := c.Later(bridge.Invocation{Fn: "v2:raise_my_after_dep", Args: []any{a}}); err != nil {
				return err
			}
			_, _, _, err = c.Endpoint(out, bridge.Invocation{Fn: "v2:endpoint", Args: []any{a, 1}, Body: true})
			return err
		}, 418, "", []string{"enter async", "raising after a", "async saw MyError(after)", "exit async"}},
		// Dep needs its reply: it sends the queued calls with its own.
		{"Dep after Later", func(c *Call, out *response.Out) error {
			a, err := c.Later(gen("v2:sync_dep"))
			if err != nil {
				return err
			}
			v, err := c.Dep(bridge.Invocation{Fn: "v2:endpoint", Args: []any{a, "d"}})
			if err != nil {
				return err
			}
			_, body, _, err := c.Endpoint(out, bridge.Invocation{Fn: "v2:endpoint", Args: []any{v, "e"}, Body: true})
			if err == nil {
				err = out.JSON(200, body)
			}
			return err
		}, 0, `{"a":{"a":"s","b":"d"},"b":"e"}`, []string{"enter sync", "endpoint sd", "endpoint {'a': 's', 'b': 'd'}e", "exit sync"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var rq request.Request
			rq.Reset(httptest.NewRequest("GET", "http://test/x", nil))
			var out response.Out
			c := Begin(pool, route, &rq)
			err := c.End(&out, tc.handler(c, &out))
			if err == nil {
				err = out.Tasks.Run() // after the response: the exit code
			}
			status := 0
			var he *response.HTTPException
			var hd *Handled
			switch {
			case errors.As(err, &he):
				status = he.Status
			case errors.As(err, &hd):
				status = hd.Response.Status
			case err != nil:
				t.Fatalf("error %v", err)
			}
			if status != tc.status {
				t.Errorf("status %d (%v), want %d", status, err, tc.status)
			}
			if tc.body != "" {
				if got := string(out.Response().Body); got != tc.body {
					t.Errorf("body %s, want %s", got, tc.body)
				}
			}
			res, err := pool.Call(context.Background(), "v2:take_events")
			if err != nil {
				t.Fatal(err)
			}
			var events []string
			if err := json.Unmarshal(res.JSON(), &events); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(events, tc.events) {
				t.Errorf("events\n got %q\nwant %q", events, tc.events)
			}
		})
	}
}
