package bridge

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/covetpy/covetgen/runtime/pyval"
)

// waitFor polls cond until it holds or 20s pass.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func anyEnv(t *testing.T) []string {
	env := stacks(t)
	if e, ok := env["compat"]; ok {
		return e
	}
	return env[firstKey(env)]
}

func TestKillWorkerInFlight(t *testing.T) {
	p := startPool(t, anyEnv(t), nil)
	const n = 10
	type out struct {
		pid int64
		err error
	}
	outs := make(chan out, n)
	for range n {
		go func() {
			res, err := p.Call(ctx(t), "sleep", Kw("seconds", 1.5))
			if err != nil {
				outs <- out{err: err}
				return
			}
			v, err := res.Value(nil)
			if err != nil {
				outs <- out{err: err}
				return
			}
			pid, _ := pyval.GetItem(v, pyval.Str("pid"))
			s, _ := pyval.Repr(pid)
			x, err := strconv.ParseInt(string(s), 10, 64)
			outs <- out{pid: x, err: err}
		}()
	}
	waitFor(t, "calls in flight", func() bool { return p.Stats().InFlight == n })
	before := p.Stats()
	victim := before.PIDs[0]
	if err := syscall.Kill(victim, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	lost, ok := 0, 0
	for range n {
		o := <-outs
		switch {
		case errors.Is(o.err, ErrWorkerLost):
			lost++
		case o.err != nil:
			t.Errorf("unexpected error %v", o.err)
		case o.pid == int64(victim):
			t.Errorf("a call answered from the killed worker")
		default:
			ok++
		}
	}
	if lost != n/2 || ok != n/2 {
		t.Errorf("lost %d, ok %d; want %d each (only the killed worker's calls fail)", lost, ok, n/2)
	}
	waitFor(t, "pool back to full size", func() bool {
		s := p.Stats()
		return s.Live == 2 && s.PIDs[0] != victim && s.PIDs[0] != 0
	})
	if s := p.Stats(); s.Restarts != 1 || s.PIDs[1] != before.PIDs[1] {
		t.Errorf("stats after restart %+v (before %+v)", s, before)
	}
	for i := range 4 {
		if _, err := p.Call(ctx(t), "trivial"); err != nil {
			t.Fatalf("call %d after restart: %v", i, err)
		}
	}
}

func TestTimeoutReplacesWorker(t *testing.T) {
	p := startPool(t, anyEnv(t), func(c *Config) { c.Workers = 1; c.Timeout = 500 * time.Millisecond })
	pid := p.Stats().PIDs[0]
	start := time.Now()
	_, err := p.Call(ctx(t), "loop_forever")
	var te *TimeoutError
	if !errors.As(err, &te) || te.Fn != "loop_forever" {
		t.Fatalf("got %v, want a TimeoutError", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("timeout took %v", d)
	}
	waitFor(t, "replacement worker", func() bool {
		s := p.Stats()
		return s.Live == 1 && s.PIDs[0] != pid
	})
	if _, err := p.Call(ctx(t), "trivial"); err != nil {
		t.Fatal(err)
	}
}

func TestImportFailure(t *testing.T) {
	env := anyEnv(t)
	tests := []struct {
		name, dir, app string
		want           []string
	}{
		{"raises at import", "testdata/badapp", "broken:app", []string{"ZeroDivisionError: division by zero", "VALUE = helper()", `broken.py", line 7`}},
		{"no module", "testdata/app", "nosuchmodule:app", []string{"ModuleNotFoundError: No module named 'nosuchmodule'"}},
		{"no attribute", "testdata/app", "main:nope", []string{"AttributeError", "nope"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Start(context.Background(), Config{Python: python(), AppDir: tc.dir, App: tc.app, Workers: 2, Env: env, Logf: t.Logf})
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("got %v, want an ImportError", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(ie.Traceback, w) || !strings.Contains(err.Error(), w) {
					t.Errorf("traceback lacks %q:\n%s", w, ie.Traceback)
				}
			}
		})
	}
	start := time.Now()
	_, err := Start(context.Background(), Config{Python: python(), AppDir: "testdata/badapp", App: "hang:app", Workers: 1, Env: env, StartTimeout: 300 * time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "did not start") || time.Since(start) > 5*time.Second {
		t.Errorf("hanging import: %v after %v", err, time.Since(start))
	}
	if _, err := Start(context.Background(), Config{Python: "/nonexistent/python", App: "main:app", Workers: 1}); err == nil {
		t.Error("Start with a missing interpreter succeeded")
	}
}

func TestConcurrency(t *testing.T) {
	p := startPool(t, anyEnv(t), func(c *Config) { c.Workers = 1 })
	tests := []struct {
		name string
		fn   string
		n    int
	}{
		{"async on the loop", "sleep", 50},
		{"sync in the thread pool", "sync_sleep", 20},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			var wg sync.WaitGroup
			errs := make(chan error, tc.n)
			for range tc.n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, err := p.Call(ctx(t), tc.fn, Kw("seconds", 0.5))
					errs <- err
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Fatal(err)
				}
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("%d calls of 0.5s took %v: not concurrent", tc.n, d)
			}
		})
	}
}

func TestBackPressure(t *testing.T) {
	p := startPool(t, anyEnv(t), func(c *Config) { c.Workers = 1; c.MaxInFlight = 2; c.QueueSize = 2 })
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := p.Call(ctx(t), "sleep", Kw("seconds", 0.5)); err != nil {
				t.Error(err)
			}
		}()
	}
	waitFor(t, "2 running, 2 queued", func() bool { s := p.Stats(); return s.InFlight == 2 && s.Waiting == 2 })
	if _, err := p.Call(ctx(t), "trivial"); !errors.Is(err, ErrOverloaded) {
		t.Errorf("got %v, want ErrOverloaded", err)
	}
	short, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	wg.Wait()
	// A queued call gives up with its context.
	if _, err := p.Call(short, "sleep", Kw("seconds", 1.0)); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v, want DeadlineExceeded", err)
	}
	if _, err := p.Call(ctx(t), "trivial"); err != nil {
		t.Error(err)
	}
}

func TestShutdownDrains(t *testing.T) {
	p := startPool(t, anyEnv(t), nil)
	var wg sync.WaitGroup
	for range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := p.Call(ctx(t), "sleep", Kw("seconds", 0.5)); err != nil {
				t.Errorf("in-flight call failed: %v", err)
			}
		}()
	}
	waitFor(t, "calls in flight", func() bool { return p.Stats().InFlight == 6 })
	pids := p.Stats().PIDs
	if err := p.Shutdown(ctx(t)); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	if _, err := p.Call(ctx(t), "trivial"); !errors.Is(err, ErrClosed) {
		t.Errorf("after Shutdown: %v, want ErrClosed", err)
	}
	for _, pid := range pids {
		if syscall.Kill(pid, 0) == nil {
			t.Errorf("worker %d still running", pid)
		}
	}
}

func BenchmarkCall(b *testing.B) {
	for _, fn := range []string{"trivial", "trivial_sync"} {
		b.Run(fn, func(b *testing.B) {
			p := startPool(b, anyEnvB(b), func(c *Config) { c.Workers = 1 })
			ctx := context.Background()
			b.ResetTimer()
			cpu := startCPU(p)
			for b.Loop() {
				if _, err := p.Call(ctx, fn); err != nil {
					b.Fatal(err)
				}
			}
			cpu.report(b, b.N)
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/call")
		})
		b.Run(fn+"/parallel", func(b *testing.B) {
			p := startPool(b, anyEnvB(b), nil)
			ctx := context.Background()
			b.SetParallelism(8)
			b.ResetTimer()
			cpu := startCPU(p)
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if _, err := p.Call(ctx, fn); err != nil {
						b.Error(err)
						return
					}
				}
			})
			cpu.report(b, b.N)
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/call")
		})
	}
}

func anyEnvB(b *testing.B) []string {
	env := stacks(b)
	if e, ok := env["compat"]; ok {
		return e
	}
	return env[firstKey(env)]
}
