package pycall

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"net/http/httptest"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/covetpy/covetgen/runtime/bridge"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/router"
)

// syncBuf is a log sink safe for the server's goroutines.
type syncBuf struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// streamServer serves streamapp's functions (runtime/bridge/testdata/stream) as bridged
// endpoints returning streamed responses, at /{fn}. appLog gets the router's
// "Exception in ASGI application" reports, srvLog net/http's own error log.
func streamServer(t *testing.T) (pool *bridge.Pool, url string, appLog, srvLog *syncBuf) {
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
	pool, err := bridge.Start(context.Background(), bridge.Config{Python: py, AppDir: "../bridge/testdata/stream",
		App: "streamapp:app", Workers: 1, Env: env, Timeout: 20 * time.Second, Logf: t.Logf})
	if err != nil {
		t.Fatalf("bridge.Start: %v", err)
	}
	appLog, srvLog = &syncBuf{}, &syncBuf{}
	rt := router.New(router.Options{ErrorLog: func(msg string) { _, _ = appLog.Write([]byte(msg + "\n")) }})
	route := &Route{}
	for _, fn := range []string{"forever_async", "forever_sync", "idle", "broken"} {
		err := rt.API("/"+fn, nil, func(rq *request.Request, out *response.Out) error {
			c := Begin(pool, route, rq)
			_, _, _, err := c.Endpoint(out, bridge.Invocation{Fn: "streamapp:" + fn})
			return c.End(out, err)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, fn := range []string{"forever_async", "broken"} {
		// With a yield dependency, which sees how the stream ended.
		err := rt.API("/dep/"+fn, nil, func(rq *request.Request, out *response.Out) error {
			c := Begin(pool, route, rq)
			if _, err := c.Dep(bridge.Invocation{Fn: "streamapp:dep", Generator: true}); err != nil {
				return c.End(out, err)
			}
			_, _, _, err := c.Endpoint(out, bridge.Invocation{Fn: "streamapp:" + fn})
			return c.End(out, err)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewUnstartedServer(rt)
	srv.Config.ErrorLog = log.New(srvLog, "", 0)
	srv.Start()
	t.Cleanup(func() {
		srv.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = pool.Shutdown(ctx)
	})
	return pool, srv.URL, appLog, srvLog
}

// get sends a GET on a raw connection and reads the status line and headers.
func get(t *testing.T, url, path string) (net.Conn, *bufio.Reader, string) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	_ = conn.SetDeadline(time.Now().Add(20 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: test\r\n\r\n", path)
	r := bufio.NewReader(conn)
	var head strings.Builder
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("reading the head: %v (%q)", err, head.String())
		}
		head.WriteString(line)
		if line == "\r\n" {
			return conn, r, head.String()
		}
	}
}

// chunk reads one chunk of a chunked body.
func chunk(r *bufio.Reader) (string, error) {
	line, err := r.ReadString('\n')
	if err != nil {
		return "", err
	}
	n, err := strconv.ParseInt(strings.TrimSpace(line), 16, 64)
	if err != nil {
		return "", fmt.Errorf("chunk size %q: %w", line, err)
	}
	data := make([]byte, n+2)
	if _, err := io.ReadFull(r, data); err != nil {
		return "", err
	}
	return string(data[:n]), nil
}

// takeAll returns streamapp.EVENTS once want is the last one (polling: the worker
// closes a cancelled stream and the session asynchronously).
func takeAll(t *testing.T, pool *bridge.Pool, want string) []string {
	t.Helper()
	var seen []string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		res, err := pool.Call(context.Background(), "streamapp:take_events")
		if err != nil {
			t.Fatalf("take_events: %v", err)
		}
		var ev []string
		if err := json.Unmarshal(res.JSON(), &ev); err != nil {
			t.Fatal(err)
		}
		if seen = append(seen, ev...); len(seen) > 0 && seen[len(seen)-1] == want {
			return seen
		}
	}
	t.Fatalf("events %q: %q never came last", seen, want)
	return nil
}

func waitEvents(t *testing.T, pool *bridge.Pool, want string) {
	t.Helper()
	var seen []string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		res, err := pool.Call(context.Background(), "streamapp:take_events")
		if err != nil {
			t.Fatalf("take_events: %v", err)
		}
		var ev []string
		if err := json.Unmarshal(res.JSON(), &ev); err != nil {
			t.Fatal(err)
		}
		if seen = append(seen, ev...); slices.Contains(seen, want) {
			return
		}
	}
	t.Fatalf("events %q: %q never happened", seen, want)
}

// TestStreamClientLeaves: a client reads a few chunks of an endless body (each arrives
// as the generator yields it, chunked) and disconnects: the worker closes the
// generator (its finally block runs), also one idle inside an await; nothing is logged.
func TestStreamClientLeaves(t *testing.T) {
	pool, url, appLog, srvLog := streamServer(t)
	for _, tt := range []struct {
		path, first, event string
		chunks             int
	}{
		{"/forever_async", "async 1\n", "closed async", 5},
		{"/forever_sync", "sync 1\n", "closed sync", 5},
		{"/idle", "first\n", "closed idle", 1},
	} {
		t.Run(tt.path, func(t *testing.T) {
			conn, r, head := get(t, url, tt.path)
			if !strings.HasPrefix(head, "HTTP/1.1 200 OK\r\n") || !strings.Contains(head, "Transfer-Encoding: chunked\r\n") {
				t.Fatalf("head %q: want 200, chunked", head)
			}
			for i := 0; i < tt.chunks; i++ {
				c, err := chunk(r)
				if err != nil {
					t.Fatalf("chunk %d: %v", i, err)
				}
				if i == 0 && c != tt.first {
					t.Errorf("first chunk %q, want %q", c, tt.first)
				}
			}
			conn.Close()
			waitEvents(t, pool, tt.event)
		})
	}
	if strings.Contains(srvLog.String(), "panic") {
		t.Errorf("net/http logged a panic:\n%s", srvLog)
	}
	if log := appLog.String(); log != "" {
		t.Errorf("a client leaving was logged as an error:\n%s", log)
	}
}

// TestStreamRaises: a body that raises after two chunks: the client got 200 and both
// chunks, then the connection closes without the terminating chunk (as uvicorn closes
// it); the exception is logged as "Exception in ASGI application", without a net/http
// stack trace.
func TestStreamRaises(t *testing.T) {
	pool, url, appLog, srvLog := streamServer(t)
	conn, r, head := get(t, url, "/broken")
	defer conn.Close()
	if !strings.HasPrefix(head, "HTTP/1.1 200 OK\r\n") || !strings.Contains(head, "Transfer-Encoding: chunked\r\n") {
		t.Fatalf("head %q: want 200, chunked", head)
	}
	rest, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("reading the body: %v (%q)", err, rest)
	}
	body := string(rest)
	if body != "7\r\npart 1\n\r\n7\r\npart 2\n\r\n" {
		t.Errorf("raw body %q: want the two chunks and no terminating chunk", body)
	}
	waitEvents(t, pool, "closed broken")
	if log := appLog.String(); !strings.Contains(log, "Exception in ASGI application") || !strings.Contains(log, "ValueError: broken mid-stream") {
		t.Errorf("app log %q: want the ValueError reported", log)
	}
	if strings.Contains(srvLog.String(), "panic") {
		t.Errorf("net/http logged a panic:\n%s", srvLog)
	}
}

// TestStreamDependency: a yield dependency of a streamed endpoint exits after the stream
// (FastAPI's request-scope exit stack wraps the sending): normally when the client went
// away (the stream ended quietly), with the exception when the body raised.
func TestStreamDependency(t *testing.T) {
	pool, url, _, _ := streamServer(t)
	t.Run("client leaves", func(t *testing.T) {
		conn, r, _ := get(t, url, "/dep/forever_async")
		for i := 0; i < 3; i++ {
			if _, err := chunk(r); err != nil {
				t.Fatalf("chunk %d: %v", i, err)
			}
		}
		conn.Close()
		want := []string{"dep enter", "closed async", "dep exit"}
		if got := takeAll(t, pool, "dep exit"); !slices.Equal(got, want) {
			t.Errorf("events %q, want %q", got, want)
		}
	})
	t.Run("body raises", func(t *testing.T) {
		conn, r, _ := get(t, url, "/dep/broken")
		defer conn.Close()
		if _, err := io.ReadAll(r); err != nil {
			t.Fatal(err)
		}
		want := []string{"dep enter", "closed broken", "dep saw ValueError", "dep exit"}
		if got := takeAll(t, pool, "dep exit"); !slices.Equal(got, want) {
			t.Errorf("events %q, want %q", got, want)
		}
	})
}
