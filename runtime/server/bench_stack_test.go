package server_test

import (
	"bufio"
	"bytes"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/covetpy/covetgen/internal/replay"
	"github.com/covetpy/covetgen/runtime/router"
	"github.com/covetpy/covetgen/runtime/server"
)

// BenchmarkHelloStack measures the hand-written hello service through the
// whole stack: net/http on a loopback TCP keep-alive connection, the server
// wrapper (proxy headers on, access log off), routing, parameter parsing
// and validation, JSON encoding and writing. The client side is a raw
// pre-built request and a minimal response reader, so allocations are
// essentially the server's.
func BenchmarkHelloStack(b *testing.B) {
	dir := replay.AppDir(b, "hello")
	cfg := server.Default()
	cfg.AccessLog = false
	benchStack(b, buildHello(b, dir, cfg.RouterOptions()), cfg)
}

// BenchmarkNetHTTPBaseline is the floor: a bare net/http handler writing
// the same bodies with a content-length, through the same harness.
func BenchmarkNetHTTPBaseline(b *testing.B) {
	cfg := server.Default()
	cfg.AccessLog, cfg.ProxyHeaders = false, false
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := `{"message":"Hello World","service":"hello","ready":true}`
		if r.URL.Path != "/" {
			body = `{"item_id":5,"q":"somequery"}`
		}
		w.Header()["Content-Length"] = []string{strconv.Itoa(len(body))}
		w.Header()["Content-Type"] = []string{"application/json"}
		w.Write([]byte(body))
	})
	benchStack(b, h, cfg)
}

func benchStack(b *testing.B, h http.Handler, cfg server.Config) {
	ts := httptest.NewUnstartedServer(nil)
	ts.Config = server.NewHTTPServer(h, cfg)
	ts.Start()
	defer ts.Close()

	cases := []struct{ name, target, want string }{
		{"root", "/", `{"message":"Hello World","service":"hello","ready":true}`},
		{"path+query", "/items/5?q=somequery", `{"item_id":5,"q":"somequery"}`},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			conn, err := net.Dial("tcp", ts.Listener.Addr().String())
			if err != nil {
				b.Fatal(err)
			}
			defer conn.Close()
			req := []byte("GET " + c.target + " HTTP/1.1\r\nHost: testserver\r\nUser-Agent: bench\r\nAccept: */*\r\n\r\n")
			br := bufio.NewReaderSize(conn, 4096)
			body := make([]byte, 0, 256)
			// warm up and check once
			if got := roundTrip(b, conn, br, req, body); string(got) != c.want {
				b.Fatalf("body %q, want %q", got, c.want)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				roundTrip(b, conn, br, req, body)
			}
		})
	}
}

var clPrefix = []byte("content-length: ")

// roundTrip writes req and reads one response with a content-length.
func roundTrip(b *testing.B, conn net.Conn, br *bufio.Reader, req, body []byte) []byte {
	if _, err := conn.Write(req); err != nil {
		b.Fatal(err)
	}
	n := -1
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			b.Fatal(err)
		}
		if len(line) <= 2 {
			break
		}
		if len(line) > len(clPrefix) && bytes.EqualFold(line[:len(clPrefix)], clPrefix) {
			n, _ = strconv.Atoi(string(bytes.TrimSpace(line[len(clPrefix):])))
		}
	}
	if n < 0 {
		b.Fatal("no content-length")
	}
	body = body[:n]
	if _, err := ioReadFull(br, body); err != nil {
		b.Fatal(err)
	}
	return body
}

func ioReadFull(br *bufio.Reader, p []byte) (int, error) {
	n := 0
	for n < len(p) {
		m, err := br.Read(p[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// BenchmarkHelloHandler is the same service without the network: the
// router's ServeHTTP with a reused ResponseWriter.
func BenchmarkHelloHandler(b *testing.B) {
	h := buildHello(b, replay.AppDir(b, "hello"), router.Options{})
	for _, target := range []string{"/", "/items/5?q=somequery"} {
		b.Run(target, func(b *testing.B) {
			r := httptest.NewRequest("GET", target, nil)
			w := &discardWriter{h: http.Header{}}
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				clear(w.h)
				h.ServeHTTP(w, r)
			}
		})
	}
}

type discardWriter struct{ h http.Header }

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(p []byte) (int, error) { return len(p), nil }
func (w *discardWriter) WriteHeader(int)             {}
