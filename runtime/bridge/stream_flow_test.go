package bridge

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// startStreamApp starts one worker on testdata/stream/streamapp.py.
func startStreamApp(t *testing.T, env []string) *Pool {
	return startPool(t, env, func(c *Config) {
		c.AppDir, c.App, c.Workers = "testdata/stream", "streamapp:app", 1
	})
}

// waitEvent polls streamapp.EVENTS until want shows up (the worker closes a cancelled
// stream's iterator asynchronously).
func waitEvent(t *testing.T, p *Pool, want string) {
	t.Helper()
	var seen []string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		res, err := p.Call(ctx(t), "streamapp:take_events")
		if err != nil {
			t.Fatalf("take_events: %v", err)
		}
		var ev []string
		if err := json.Unmarshal(res.JSON(), &ev); err != nil {
			t.Fatalf("take_events: %v", err)
		}
		seen = append(seen, ev...)
		if slices.Contains(seen, want) {
			return
		}
	}
	t.Fatalf("events %q: %q never happened", seen, want)
}

func produced(t *testing.T, p *Pool) int {
	t.Helper()
	res, err := p.Call(ctx(t), "streamapp:produced")
	if err != nil {
		t.Fatalf("produced: %v", err)
	}
	var n int
	if err := json.Unmarshal(res.JSON(), &n); err != nil {
		t.Fatalf("produced: %v", err)
	}
	return n
}

// streamOf invokes fn as a session's endpoint and returns its streamed response.
func streamOf(t *testing.T, p *Pool, inv Invocation) (*Session, *RawResponse) {
	t.Helper()
	s := newSession(t, p, false)
	inv.Request = &RequestInfo{Method: "GET", Scheme: "http", HTTPVersion: "1.1", Path: "/", RawPath: "/"}
	r, err := s.Invoke(ctx(t), inv)
	if err != nil {
		t.Fatalf("Invoke %s: %v", inv.Fn, err)
	}
	if r.Response == nil || r.Response.Stream == nil {
		t.Fatalf("Invoke %s: want a streamed response, got %+v", inv.Fn, r.Response)
	}
	if r.Response.Status != 200 || len(r.Response.Body) != 0 {
		t.Errorf("Invoke %s: status %d, body %q; want 200 and the body in the stream", inv.Fn, r.Response.Status, r.Response.Body)
	}
	return s, r.Response
}

// TestStreamEndless reads a few chunks of bodies that never end (a StreamingResponse
// over an async or a sync generator, generator endpoints streamed as JSON Lines), checks
// that a reader that stops reading stops the generator after at most the window of
// chunks (back-pressure), and that closing the stream closes the generator in the
// worker (its finally block runs).
func TestStreamEndless(t *testing.T) {
	jsonl := &ResponseClass{Class: "fastapi.responses:JSONResponse", Stream: StreamJSONL}
	for name, env := range stacks(t) {
		t.Run(name, func(t *testing.T) {
			p := startStreamApp(t, env)
			for _, tt := range []struct {
				name, fn string
				class    *ResponseClass
				first    string // the first chunk
				event    string
			}{
				{"async StreamingResponse", "streamapp:forever_async", nil, "async 1\n", "closed async"},
				{"sync StreamingResponse", "streamapp:forever_sync", nil, "sync 1\n", "closed sync"},
				{"async generator endpoint", "streamapp:ticks", jsonl, `{"tick": 1}` + "\n", "closed ticks"},
				{"sync generator endpoint", "streamapp:sync_ticks", jsonl, `{"tick": 1}` + "\n", "closed sync_ticks"},
			} {
				t.Run(tt.name, func(t *testing.T) {
					s, resp := streamOf(t, p, Invocation{Fn: tt.fn, Class: tt.class})
					const n = 5
					for i := 0; i < n; i++ {
						chunk, err := resp.Stream.Next(ctx(t))
						if err != nil {
							t.Fatalf("chunk %d: %v", i, err)
						}
						if i == 0 && string(chunk) != tt.first {
							t.Errorf("first chunk %q, want %q", chunk, tt.first)
						}
					}
					// Not reading: the worker sends at most the window ahead, so the
					// generator stalls (one more item may be waiting for credit, one
					// more being made).
					time.Sleep(300 * time.Millisecond)
					got := produced(t, p)
					t.Logf("%d items made for %d read", got, n)
					if max := n + streamWindow + 2; got > max {
						t.Errorf("the generator made %d items while the reader stalled after %d; want at most %d", got, n, max)
					}
					resp.Stream.Close()
					waitEvent(t, p, tt.event)
					if _, err := resp.Stream.Next(ctx(t)); !errors.Is(err, ErrStreamClosed) {
						t.Errorf("Next after Close: %v, want ErrStreamClosed", err)
					}
					if err := s.Close(ctx(t), nil); err != nil {
						t.Errorf("session Close: %v", err)
					}
				})
			}
		})
	}
}

// TestStreamAbort: a body that raises after two chunks ends the stream with the
// exception (the chunks before it arrive), and the generator's finally block ran.
func TestStreamAbort(t *testing.T) {
	for name, env := range stacks(t) {
		t.Run(name, func(t *testing.T) {
			p := startStreamApp(t, env)
			s, resp := streamOf(t, p, Invocation{Fn: "streamapp:broken"})
			var body []byte
			var err error
			for {
				var chunk []byte
				if chunk, err = resp.Stream.Next(ctx(t)); err != nil {
					break
				}
				body = append(body, chunk...)
			}
			var ae *StreamAbortError
			if !errors.As(err, &ae) || ae.Err.Type != "ValueError" || ae.Err.Msg != "broken mid-stream" {
				t.Fatalf("stream ended with %v, want the ValueError", err)
			}
			if !strings.Contains(err.Error(), "Traceback") {
				t.Errorf("the abort error has no traceback: %v", err)
			}
			if string(body) != "part 1\npart 2\n" {
				t.Errorf("body %q, want the two parts", body)
			}
			waitEvent(t, p, "closed broken")
			if err := s.Close(ctx(t), err); err != nil && !errors.As(err, new(*PyError)) {
				t.Errorf("session Close: %v", err)
			}
		})
	}
}

// TestStreamCancel: a stream waiting for its generator (idle for an hour) is cancelled
// by Close and by the reader's context: the generator is closed at once.
func TestStreamCancel(t *testing.T) {
	for name, env := range stacks(t) {
		t.Run(name, func(t *testing.T) {
			p := startStreamApp(t, env)
			for _, how := range []string{"close", "context"} {
				t.Run(how, func(t *testing.T) {
					s, resp := streamOf(t, p, Invocation{Fn: "streamapp:idle"})
					if chunk, err := resp.Stream.Next(ctx(t)); err != nil || string(chunk) != "first\n" {
						t.Fatalf("first chunk %q, %v", chunk, err)
					}
					c, cancel := context.WithCancel(ctx(t))
					done := make(chan error, 1)
					go func() {
						_, err := resp.Stream.Next(c)
						done <- err
					}()
					time.Sleep(50 * time.Millisecond)
					want := ErrStreamClosed
					if how == "close" {
						resp.Stream.Close()
					} else {
						cancel()
						want = context.Canceled
					}
					select {
					case err := <-done:
						if !errors.Is(err, want) {
							t.Errorf("Next: %v, want %v", err, want)
						}
					case <-time.After(5 * time.Second):
						t.Fatal("Next did not return")
					}
					cancel()
					waitEvent(t, p, "closed idle")
					if err := s.Close(ctx(t), nil); err != nil {
						t.Errorf("session Close: %v", err)
					}
				})
			}
		})
	}
}

// TestStreamReadBody: ReadBody collects a stream whole, returning the error it ends
// with; an endless one until the context ends (the generator is then closed).
func TestStreamReadBody(t *testing.T) {
	for name, env := range stacks(t) {
		t.Run(name, func(t *testing.T) {
			p := startStreamApp(t, env)
			_, resp := streamOf(t, p, Invocation{Fn: "streamapp:broken"})
			err := resp.ReadBody(ctx(t))
			if !errors.As(err, new(*StreamAbortError)) || resp.Stream != nil {
				t.Errorf("ReadBody: %v, want the abort", err)
			}
			_, resp = streamOf(t, p, Invocation{Fn: "streamapp:ticks", Class: &ResponseClass{Class: "fastapi.responses:JSONResponse", Stream: StreamJSONL}})
			c, cancel := context.WithTimeout(ctx(t), 100*time.Millisecond)
			defer cancel()
			if err := resp.ReadBody(c); !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("ReadBody of an endless stream: %v, want the context's error", err)
			}
			waitEvent(t, p, "closed ticks")
		})
	}
}

// TestStreamForward: a forwarded route (the real FastAPI only) whose response streams
// comes back as a Stream too: chunks as the route sends them, the same back-pressure,
// the iterator closed on Close, a body that raises ends it with the exception.
func TestStreamForward(t *testing.T) {
	env, ok := stacks(t)["real"]
	if !ok {
		t.Skip("no FastAPI to forward to (COVETGEN_REFSTACK)")
	}
	p := startPool(t, env, func(c *Config) {
		c.AppDir, c.App, c.Workers, c.NeedFastAPI = "testdata/stream", "streamapp:app", 1, true
	})
	forward := func(path, name string) *RawResponse {
		t.Helper()
		req := &RequestInfo{Method: "GET", Scheme: "http", HTTPVersion: "1.1", Path: path, RawPath: path,
			Headers: [][2]string{{"host", "test"}}, ServerHost: "test", ServerPort: 80}
		resp, err := p.Forward(ctx(t), ForwardRoute{Path: path, Name: name, Methods: []string{"GET"}}, req)
		if err != nil {
			t.Fatalf("Forward %s: %v", path, err)
		}
		if resp.Status != 200 || resp.Stream == nil {
			t.Fatalf("Forward %s: status %d, stream %v; want a streamed 200", path, resp.Status, resp.Stream != nil)
		}
		return resp
	}
	for _, tt := range []struct{ path, name, first, event string }{
		{"/fwd/forever", "fwd_forever", "fwd 1\n", "closed fwd"},
		{"/fwd/items", "fwd_items", `{"tick": 1}` + "\n", "closed fwd_items"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			resp := forward(tt.path, tt.name)
			const n = 5
			for i := 0; i < n; i++ {
				chunk, err := resp.Stream.Next(ctx(t))
				if err != nil {
					t.Fatalf("chunk %d: %v", i, err)
				}
				if i == 0 && string(chunk) != tt.first {
					t.Errorf("first chunk %q, want %q", chunk, tt.first)
				}
			}
			time.Sleep(300 * time.Millisecond)
			got := produced(t, p)
			t.Logf("%d items made for %d read", got, n)
			if max := n + streamWindow + 3; got > max {
				t.Errorf("the route made %d items while the reader stalled after %d; want at most %d", got, n, max)
			}
			resp.Stream.Close()
			waitEvent(t, p, tt.event)
		})
	}
	t.Run("broken", func(t *testing.T) {
		resp := forward("/fwd/broken", "fwd_broken")
		err := resp.ReadBody(ctx(t))
		var ae *StreamAbortError
		if !errors.As(err, &ae) || ae.Err.Type != "ValueError" {
			t.Fatalf("ReadBody: %v, want the ValueError", err)
		}
		waitEvent(t, p, "closed broken")
	})
}

// TestStreamSSEKeepAlive: an idle server-sent events generator gets FastAPI's keep-alive
// comments (": ping", every fastapi.sse._PING_INTERVAL, shortened by the test app)
// between its events, as the stream is live.
func TestStreamSSEKeepAlive(t *testing.T) {
	sse := &ResponseClass{Class: "fastapi.sse:EventSourceResponse", Stream: StreamSSE}
	for name, env := range stacks(t) {
		t.Run(name, func(t *testing.T) {
			p := startStreamApp(t, env)
			_, resp := streamOf(t, p, Invocation{Fn: "streamapp:slow_events", Class: sse})
			if err := resp.ReadBody(ctx(t)); err != nil {
				t.Fatal(err)
			}
			body := string(resp.Body)
			pings := strings.Count(body, ": ping\n\n")
			if !strings.HasPrefix(body, "data: {\"n\": 1}\n\n") || !strings.HasSuffix(body, "data: {\"n\": 2}\n\n") || pings < 2 || pings > 4 {
				t.Errorf("body %q: want the two events with 2-4 keep-alive comments between", body)
			}
			waitEvent(t, p, "closed slow_events")
		})
	}
}
