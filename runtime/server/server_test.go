package server

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/router"
)

func TestParseConfig(t *testing.T) {
	env := map[string]string{"UVICORN_PORT": "9000", "UVICORN_HOST": "0.0.0.0", "FORWARDED_ALLOW_IPS": "10.0.0.0/8"}
	getenv := func(k string) string { return env[k] }
	tests := []struct {
		args []string
		host string
		port int
		fail bool
	}{
		{nil, "0.0.0.0", 9000, false},
		{[]string{"--port", "8123"}, "0.0.0.0", 8123, false},
		{[]string{"--host=::1", "--no-access-log", "--root-path", "/api"}, "::1", 9000, false},
		{[]string{"--port", "x"}, "", 0, true},
		{[]string{"--port", "70000"}, "", 0, true},
		{[]string{"extra"}, "", 0, true},
	}
	for _, tt := range tests {
		c, err := Parse(tt.args, getenv)
		if tt.fail {
			if err == nil {
				t.Errorf("%v: want an error", tt.args)
			}
			continue
		}
		if err != nil || c.Host != tt.host || c.Port != tt.port || c.ForwardedAllowIPs != "10.0.0.0/8" {
			t.Errorf("%v: %+v %v", tt.args, c, err)
		}
	}
	c, _ := Parse([]string{"--no-access-log", "--root-path", "/api", "--timeout-keep-alive", "7", "--limit-body", "0"}, func(string) string { return "" })
	if c.AccessLog || c.RootPath != "/api" || c.TimeoutKeepAlive != 7*time.Second || c.LimitBody != 0 || c.Host != "127.0.0.1" || c.Port != 8000 {
		t.Errorf("flags: %+v", c)
	}
	if c.RouterOptions().ServerRootPath != "/api" || c.Resolve("static") != c.WorkDir+"/static" || c.Resolve("/abs") != "/abs" {
		t.Errorf("derived options")
	}
}

func TestProxyHeaders(t *testing.T) {
	tests := []struct {
		trusted, remote, proto, xff string
		scheme, client              string
	}{
		{"127.0.0.1", "127.0.0.1:5000", "https", "1.2.3.4", "https", "1.2.3.4:0"},
		{"127.0.0.1", "10.0.0.1:5000", "https", "1.2.3.4", "", "10.0.0.1:5000"},
		{"10.0.0.0/8", "10.0.0.1:5000", "ftp", "1.2.3.4, 10.0.0.2", "", "1.2.3.4:0"},
		{"*", "8.8.8.8:1", "http", "5.6.7.8, 9.9.9.9", "http", "5.6.7.8:0"},
		{"127.0.0.1, 10.1.1.1", "127.0.0.1:1", "", "10.1.1.1", "", "10.1.1.1:0"},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = tt.remote
		if tt.proto != "" {
			r.Header.Set("X-Forwarded-Proto", tt.proto)
		}
		r.Header.Set("X-Forwarded-For", tt.xff)
		parseTrusted(tt.trusted).apply(r)
		if r.URL.Scheme != tt.scheme || r.RemoteAddr != tt.client {
			t.Errorf("%+v: scheme %q client %q", tt, r.URL.Scheme, r.RemoteAddr)
		}
	}
}

func TestAccessLog(t *testing.T) {
	var buf bytes.Buffer
	cfg := Default()
	cfg.Stdout = &buf
	rt := router.New(router.Options{})
	rt.API("/items/{id}", nil, func(rq *request.Request, out *response.Out) error {
		return out.JSON(200, append(out.Buf(), "{}"...))
	})
	h := Wrap(rt, cfg)
	for _, target := range []string{"/items/5?q=x%20y", "/items/caf%C3%A9%20x", "/nope"} {
		r := httptest.NewRequest("GET", target, nil)
		r.RemoteAddr = "192.0.2.1:54321"
		h.ServeHTTP(httptest.NewRecorder(), r)
	}
	want := `INFO:     192.0.2.1:54321 - "GET /items/5?q=x%20y HTTP/1.1" 200 OK
INFO:     192.0.2.1:54321 - "GET /items/caf%C3%A9%20x HTTP/1.1" 200 OK
INFO:     192.0.2.1:54321 - "GET /nope HTTP/1.1" 404 Not Found
`
	if buf.String() != want {
		t.Errorf("access log:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func startRun(t *testing.T, h http.Handler, mutate func(*Config)) (string, context.CancelFunc, chan error, *bytes.Buffer) {
	t.Helper()
	cfg := Default()
	cfg.Port = 0
	cfg.AccessLog = false
	var logs bytes.Buffer
	var mu sync.Mutex
	cfg.Stderr = writerFunc(func(p []byte) (int, error) { mu.Lock(); defer mu.Unlock(); return logs.Write(p) })
	addr := make(chan string, 1)
	cfg.Ready = func(a net.Addr) { addr <- a.String() }
	if mutate != nil {
		mutate(&cfg)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, h, cfg, Lifespan{}) }()
	select {
	case a := <-addr:
		return a, cancel, done, &logs
	case err := <-done:
		t.Fatalf("Run: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("server did not start")
	}
	return "", cancel, done, &logs
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func TestGracefulShutdown(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	rt := router.New(router.Options{})
	rt.API("/slow", nil, func(rq *request.Request, out *response.Out) error {
		close(started)
		<-release
		return out.JSON(200, append(out.Buf(), `"done"`...))
	})
	addr, cancel, done, logs := startRun(t, rt, nil)
	got := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + addr + "/slow")
		if err != nil {
			got <- "error: " + err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- string(b)
	}()
	<-started
	cancel() // SIGINT
	select {
	case err := <-done:
		t.Fatalf("Run returned (%v) with a request in flight", err)
	case <-time.After(100 * time.Millisecond):
	}
	// new connections are refused while draining
	if _, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		t.Error("listener still accepting after shutdown began")
	}
	close(release)
	if b := <-got; b != `"done"` {
		t.Errorf("in-flight request got %q", b)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"Shutting down", "Application shutdown complete.", "Finished server process"} {
		if !strings.Contains(logs.String(), line) {
			t.Errorf("log lacks %q:\n%s", line, logs.String())
		}
	}
}

func TestH2CAndBodyLimit(t *testing.T) {
	rt := router.New(router.Options{MaxBody: 10})
	rt.API("/echo", []string{"POST"}, func(rq *request.Request, out *response.Out) error {
		b, err := rq.Body()
		if err != nil {
			return err
		}
		return out.Content(200, "text/plain", append(out.Buf(), b...))
	})
	addr, cancel, done, _ := startRun(t, rt, nil)
	defer func() { cancel(); <-done }()

	var p http.Protocols
	p.SetUnencryptedHTTP2(true)
	client := &http.Client{Transport: &http.Transport{Protocols: &p}}
	resp, err := client.Post("http://"+addr+"/echo", "text/plain", strings.NewReader("hi"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.ProtoMajor != 2 || string(b) != "hi" {
		t.Errorf("h2c: proto %s body %q", resp.Proto, b)
	}
	resp, err = http.Post("http://"+addr+"/echo", "text/plain", strings.NewReader("0123456789abc"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 413 || string(b) != `{"detail":"Request Entity Too Large"}` {
		t.Errorf("limit: %d %q", resp.StatusCode, b)
	}
}

func TestSlowHeaderTimeout(t *testing.T) {
	rt := router.New(router.Options{})
	addr, cancel, done, _ := startRun(t, rt, func(c *Config) { c.ReadHeaderTimeout = 200 * time.Millisecond })
	defer func() { cancel(); <-done }()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET / HTTP/1.1\r\nHost: x\r\n") // never finishes the headers
	conn.SetReadDeadline(time.Now().Add(3 * time.Second))
	start := time.Now()
	io.ReadAll(conn)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("slow client kept the connection for %v", d)
	}
}

func TestLifespan(t *testing.T) {
	var events []string
	cfg := Default()
	cfg.Port, cfg.Stderr = 0, io.Discard
	ctx, cancel := context.WithCancel(context.Background())
	cfg.Ready = func(net.Addr) { events = append(events, "ready"); cancel() }
	err := Run(ctx, router.New(router.Options{}), cfg, Lifespan{
		Startup:  func(context.Context) error { events = append(events, "startup"); return nil },
		Shutdown: func(context.Context) error { events = append(events, "shutdown"); return nil },
	})
	if err != nil || strings.Join(events, ",") != "startup,ready,shutdown" {
		t.Errorf("events %v, err %v", events, err)
	}
	err = Run(context.Background(), router.New(router.Options{}), cfg, Lifespan{
		Startup: func(context.Context) error { return errors.New("no db") },
	})
	var se *StartupError
	if !errors.As(err, &se) {
		t.Errorf("startup failure: %v", err)
	}
}
