package server

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/runtime/request"
)

// frame runs a framer over data in pieces of size step (0: at once) and returns the
// heads' lower-case names and whether it kept up.
func frame(data []byte, step int) ([][]string, bool) {
	var heads [][]string
	f := framer{emit: func(h []request.HeaderName) {
		var names []string
		for _, n := range h {
			names = append(names, n.Lower)
		}
		heads = append(heads, names)
	}}
	if step <= 0 {
		step = len(data) + 1
	}
	ok := true
	for i := 0; i < len(data) && ok; i += step {
		ok = f.feed(data[i:min(i+step, len(data))])
	}
	return heads, ok
}

func TestFramer(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		heads []string // names of each head, comma-separated
		ok    bool
	}{
		{"simple", "GET / HTTP/1.1\r\nX-B: 1\r\nHost: h\r\nx-a: 2\r\nX-B: 3\r\n\r\n", []string{"x-b,host,x-a,x-b"}, true},
		{"bare LF", "GET / HTTP/1.1\nHost: h\nB: 1\n\n", []string{"host,b"}, true},
		{"pipelined with bodies",
			"POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nZ: 1\r\n\r\nA: 1\r\n" +
				"POST /b HTTP/1.1\r\nTransfer-Encoding: chunked\r\nHost: h\r\n\r\n3;x=y\r\nB: \r\nA\r\nxxxxxxxxxx\r\n0\r\nT: 1\r\n\r\n" +
				"GET /c HTTP/1.1\r\nY: 1\r\nHost: h\r\n\r\n",
			[]string{"host,content-length,z", "transfer-encoding,host", "y,host"}, true},
		{"HTTP/1.0 ignores Transfer-Encoding", "GET / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\nGET / HTTP/1.0\r\nA: 1\r\n\r\n", []string{"transfer-encoding", "a"}, true},
		{"obs-fold", "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\n  more\r\nB: 2\r\n\r\n", []string{"host,a,b"}, true},
		{"folded Content-Length", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length:\r\n 3\r\nA: 1\r\n\r\nabcGET / HTTP/1.1\r\nB: 1\r\n\r\n", []string{"host,content-length,a", "b"}, true},
		{"folded Transfer-Encoding", "POST / HTTP/1.1\r\nTransfer-Encoding:\r\n\tchunked \r\n\r\n1\r\nx\r\n0\r\n\r\nGET / HTTP/1.1\r\nB: 1\r\n\r\n", []string{"transfer-encoding", "b"}, true},
		{"fold without a field", "GET / HTTP/1.1\r\n A: 1\r\n\r\n", nil, false},
		{"OPTIONS * is not dispatched", "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\nA: 1\r\n\r\n", []string{"host,a"}, true},
		{"leading blank lines", "\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n", []string{"host"}, true},
		{"HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", nil, false},
		{"gzip coding", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n", []string{"host,transfer-encoding"}, false},
		{"bad length", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1x\r\n\r\n", []string{"host,content-length"}, false},
		{"chunk line bare LF", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n1\nx\r\n0\r\n\r\n", []string{"host,transfer-encoding"}, false},
		{"no colon", "GET / HTTP/1.1\r\nHost h\r\n\r\n", nil, false},
	}
	for _, tt := range tests {
		for _, step := range []int{0, 1, 3} {
			heads, ok := frame([]byte(tt.in), step)
			var got []string
			for _, h := range heads {
				got = append(got, strings.Join(h, ","))
			}
			if ok != tt.ok || strings.Join(got, "|") != strings.Join(tt.heads, "|") {
				t.Errorf("%s (step %d): heads %q ok %v, want %q ok %v", tt.name, step, got, ok, tt.heads, tt.ok)
			}
		}
	}
}

// FuzzFramer checks the framer against net/http's own request parsing of the same
// bytes: each request net/http reads (and whose body it reads to the end) must have a
// head from the framer, in order, with the same fields net/http kept, and the framer
// may give up only where net/http fails too (a request it reads in full after that
// would be one served without its order).
func FuzzFramer(f *testing.F) {
	for _, s := range []string{
		"GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nA: 3\r\n\r\n",
		"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabcGET / HTTP/1.1\r\nHost: h\r\n\r\n",
		"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\nX: y\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\nQ: 1\r\n\r\n",
		"GET / HTTP/1.0\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\nabGET / HTTP/1.1\r\nHost: h\r\n\r\n",
		"OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\nA: 1\r\n  b\r\n\r\n",
		"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nxGET / HTTP/1.1\r\nHost: h\r\n\r\n",
		"POST / HTTP/1.1\r\nHost: h\r\nContent-Length:\r\n 1\r\nX: a\r\n\tb\r\n\r\nxGET / HTTP/1.1\r\nHost: h\r\n\r\n",
	} {
		f.Add([]byte(s), uint8(0))
	}
	f.Fuzz(func(t *testing.T, data []byte, step uint8) {
		var heads [][]request.HeaderName
		fr := framer{emit: func(h []request.HeaderName) { heads = append(heads, h) }}
		st := int(step)
		if st == 0 {
			st = len(data) + 1
		}
		failedAt := -1 // heads emitted when the framer gave up
		for i := 0; i < len(data); i += st {
			if !fr.feed(data[i:min(i+st, len(data))]) {
				failedAt = len(heads)
				break
			}
		}
		br := bufio.NewReader(bytes.NewReader(data))
		n := 0
		for {
			req, err := http.ReadRequest(br)
			if err != nil || req.ProtoMajor != 1 {
				return
			}
			if _, err := io.Copy(io.Discard, req.Body); err != nil {
				return
			}
			if req.Method == "OPTIONS" && req.RequestURI == "*" {
				continue
			}
			if failedAt >= 0 && n >= failedAt {
				t.Fatalf("the framer gave up after %d heads, net/http read request %d in full", failedAt, n)
			}
			if n >= len(heads) {
				t.Fatalf("net/http read request %d, the framer has %d heads and did not give up", n, len(heads))
			}
			var o request.HeaderOrder
			o.Set(heads[n], true)
			hr := req.WithContext(request.WithHeaderOrder(context.Background(), &o))
			if _, ok := request.ReceivedHeaders(hr); !ok && !foldedByNetHTTP(heads[n]) {
				t.Fatalf("request %d: framer names %v do not match net/http's header %v (host %q)", n, heads[n], req.Header, req.Host)
			}
			n++
		}
	})
}

// foldedByNetHTTP reports a head whose fields net/http does not keep one for one:
// repeated Content-Length (folded into one) or Content-Length beside Transfer-Encoding
// (dropped), or Transfer-Encoding on HTTP/1.0 (dropped).
func foldedByNetHTTP(h []request.HeaderName) bool {
	var cl, te int
	for _, n := range h {
		switch n.Canon {
		case "Content-Length":
			cl++
		case "Transfer-Encoding":
			te++
		}
	}
	return cl > 1 || te > 0
}

// BenchmarkFramer is the framer alone over a typical keep-alive request head.
func BenchmarkFramer(b *testing.B) {
	req := []byte("GET /items/5?q=somequery HTTP/1.1\r\nHost: testserver\r\nUser-Agent: bench\r\nAccept: */*\r\nAccept-Encoding: gzip, deflate\r\nConnection: keep-alive\r\n\r\n")
	f := framer{emit: func([]request.HeaderName) {}}
	b.SetBytes(int64(len(req)))
	b.ReportAllocs()
	for range b.N {
		if !f.feed(req) {
			b.Fatal("gave up")
		}
	}
}
