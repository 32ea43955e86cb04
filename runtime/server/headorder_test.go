package server

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/covetpy/covetgen/runtime/request"
)

// orderServer serves h through NewHTTPServer on a tracked loopback listener.
func orderServer(t testing.TB, h http.Handler, h2c bool) string {
	t.Helper()
	cfg := Default()
	cfg.AccessLog, cfg.ProxyHeaders, cfg.H2C = false, false, h2c
	srv := NewHTTPServer(h, cfg)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(TrackHeaderOrder(ln))
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// orderEcho answers each request with its received header list ("-" when unknown),
// reading the body or not, or limiting it to 3 bytes (413 beyond), as the path says.
func orderEcho() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/read":
			io.Copy(io.Discard, r.Body)
		case "/limit":
			if _, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 3)); err != nil {
				http.Error(w, "too large", http.StatusRequestEntityTooLarge)
				return
			}
		}
		fields, ok := request.ReceivedHeaders(r)
		if !ok {
			io.WriteString(w, "-")
			return
		}
		var parts []string
		for _, f := range fields {
			parts = append(parts, f[0]+"="+f[1])
		}
		io.WriteString(w, strings.Join(parts, ";"))
	})
}

// exchange writes raw on one connection and reads n responses, their status and body.
func exchange(t *testing.T, addr string, n int, raw ...string) []string {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	br := bufio.NewReader(c)
	var out []string
	for _, r := range raw {
		if _, err := io.WriteString(c, r); err != nil {
			t.Fatal(err)
		}
	}
	for len(out) < n {
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			out = append(out, "EOF")
			break
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		out = append(out, fmt.Sprintf("%d %s", resp.StatusCode, b))
	}
	return out
}

func TestHeaderOrderServed(t *testing.T) {
	addr := orderServer(t, orderEcho(), false)
	tests := []struct {
		name string
		raw  []string
		want []string
	}{
		{"pipelined, bodies read and unread",
			[]string{"POST /read HTTP/1.1\r\nZ: 1\r\nHost: h\r\nContent-Length: 3\r\nA: 2\r\nZ: 3\r\n\r\nabc" +
				"POST /skip HTTP/1.1\r\nTransfer-Encoding: chunked\r\nHost: h\r\nB: 1\r\n\r\n3\r\nabc\r\n0\r\nT: x\r\n\r\n" +
				"GET /x HTTP/1.1\r\nY: 2\r\nHost: h\r\nX: 1\r\n\r\n"},
			[]string{"200 z=1;host=h;content-length=3;a=2;z=3", "200 transfer-encoding=chunked;host=h;b=1", "200 y=2;host=h;x=1"}},
		{"413 from the handler, then the next request",
			[]string{"POST /limit HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n0123456789" +
				"GET / HTTP/1.1\r\nB: 1\r\nHost: h\r\n\r\n"},
			[]string{"413 too large\n", "EOF"}},
		{"OPTIONS * answered by net/http",
			[]string{"OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nB: 1\r\nHost: h\r\n\r\n"},
			[]string{"200 ", "200 b=1;host=h"}},
		{"Expect: 100-continue with an unread body (net/http closes)",
			[]string{"POST /skip HTTP/1.1\r\nExpect: 100-continue\r\nHost: h\r\nContent-Length: 3\r\n\r\n",
				"abcGET / HTTP/1.1\r\nB: 1\r\nHost: h\r\n\r\n"},
			[]string{"200 expect=100-continue;host=h;content-length=3", "EOF"}},
		{"duplicate Content-Length falls back",
			[]string{"POST /read HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx" +
				"GET / HTTP/1.1\r\nB: 1\r\nHost: h\r\n\r\n"},
			[]string{"200 -", "200 b=1;host=h"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := exchange(t, addr, len(tt.want), tt.raw...)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestHeaderOrderExpectContinue sends the body only after the interim 100 response.
func TestHeaderOrderExpectContinue(t *testing.T) {
	addr := orderServer(t, orderEcho(), false)
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	br := bufio.NewReader(c)
	io.WriteString(c, "POST /read HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 3\r\nQ: 1\r\n\r\n")
	line, err := br.ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "HTTP/1.1 100") {
		t.Fatalf("interim response %q, %v", line, err)
	}
	br.ReadString('\n')
	io.WriteString(c, "abcGET / HTTP/1.1\r\nB: 1\r\nHost: h\r\n\r\n")
	for _, want := range []string{"host=h;expect=100-continue;content-length=3;q=1", "b=1;host=h"} {
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		if string(b) != want {
			t.Errorf("got %q, want %q", b, want)
		}
	}
}

// TestHeaderOrderH2C checks that HTTP/2 requests fall back (no order is tracked).
func TestHeaderOrderH2C(t *testing.T) {
	addr := orderServer(t, orderEcho(), true)
	var p http.Protocols
	p.SetUnencryptedHTTP2(true)
	client := &http.Client{Transport: &http.Transport{Protocols: &p}, Timeout: 5 * time.Second}
	for range 2 {
		resp, err := client.Get("http://" + addr + "/")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.ProtoMajor != 2 || string(b) != "-" {
			t.Errorf("HTTP/%d %q, want HTTP/2 \"-\"", resp.ProtoMajor, b)
		}
	}
}

// TestHeaderOrderHijack checks that a hijacked connection stops its tracking.
func TestHeaderOrderHijack(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, brw, err := http.NewResponseController(w).Hijack()
		if err != nil {
			return
		}
		defer c.Close()
		brw.WriteString("HTTP/1.1 101 Switching Protocols\r\n\r\n")
		brw.Flush()
		buf := make([]byte, 64)
		n, _ := brw.Read(buf)
		c.Write(buf[:n])
		oc := r.Context().Value(orderConnKey{}).(*orderConn)
		oc.mu.Lock()
		off := oc.off
		oc.mu.Unlock()
		if !off {
			c.Write([]byte("still tracking"))
		}
	})
	addr := orderServer(t, h, false)
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: h\r\nUpgrade: x\r\nConnection: upgrade\r\n\r\n")
	br := bufio.NewReader(c)
	for {
		l, err := br.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if l == "\r\n" {
			break
		}
	}
	io.WriteString(c, "\x81\x02hi")
	rest, _ := io.ReadAll(br)
	if string(rest) != "\x81\x02hi" {
		t.Errorf("after the hijack: %q", rest)
	}
}

// BenchmarkHeaderOrder is a keep-alive connection's request cost with and without the
// tracking (report the ratio of the two).
func BenchmarkHeaderOrder(b *testing.B) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Length"] = []string{"2"}
		io.WriteString(w, "ok")
	})
	req := []byte("GET /items/5?q=somequery HTTP/1.1\r\nHost: testserver\r\nUser-Agent: bench\r\nAccept: */*\r\nAccept-Encoding: gzip, deflate\r\nX-Custom-Thing: 1\r\nConnection: keep-alive\r\n\r\n")
	for _, tracked := range []bool{false, true} {
		b.Run(fmt.Sprintf("tracked=%v", tracked), func(b *testing.B) {
			cfg := Default()
			cfg.AccessLog, cfg.ProxyHeaders = false, false
			srv := NewHTTPServer(h, cfg)
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				b.Fatal(err)
			}
			if tracked {
				go srv.Serve(TrackHeaderOrder(ln))
			} else {
				go srv.Serve(ln)
			}
			defer srv.Shutdown(context.Background())
			c, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				b.Fatal(err)
			}
			defer c.Close()
			br := bufio.NewReader(c)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				if _, err := c.Write(req); err != nil {
					b.Fatal(err)
				}
				resp, err := http.ReadResponse(br, nil)
				if err != nil {
					b.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
}

// TestOrderConnKeepsConnMethods checks that the wrapper keeps what net/http looks for
// on a TCP connection: ReadFrom (sendfile) and CloseWrite (half-close).
func TestOrderConnKeepsConnMethods(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	tl := TrackHeaderOrder(ln)
	go func() {
		if c, err := net.Dial("tcp", ln.Addr().String()); err == nil {
			defer c.Close()
			io.Copy(io.Discard, c)
		}
	}()
	c, err := tl.Accept()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, ok := c.(io.ReaderFrom); !ok {
		t.Error("no ReadFrom")
	}
	cw, ok := c.(interface{ CloseWrite() error })
	if !ok {
		t.Fatal("no CloseWrite")
	}
	if n, err := c.(io.ReaderFrom).ReadFrom(strings.NewReader("abc")); n != 3 || err != nil {
		t.Errorf("ReadFrom = %d, %v", n, err)
	}
	if err := cw.CloseWrite(); err != nil {
		t.Errorf("CloseWrite: %v", err)
	}
}
