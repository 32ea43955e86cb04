package replay

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"strings"
	"testing"
)

func rec(status int, body string, headers ...string) RecordedResp {
	r := RecordedResp{Status: status, BodyB64: base64.StdEncoding.EncodeToString([]byte(body))}
	for i := 0; i+1 < len(headers); i += 2 {
		r.Headers = append(r.Headers, [2]string{headers[i], headers[i+1]})
	}
	return r
}

func wire(status int, body string, headers ...string) *WireResponse {
	w := &WireResponse{Status: status, Body: []byte(body)}
	for i := 0; i+1 < len(headers); i += 2 {
		w.Headers = append(w.Headers, [2]string{headers[i], headers[i+1]})
	}
	return w
}

func gz(s string) string {
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, 9)
	zw.Write([]byte(s))
	zw.Close()
	return b.String()
}

func TestCompare(t *testing.T) {
	const ct, js = "content-type", "application/json"
	tests := []struct {
		name     string
		want     RecordedResp
		got      *WireResponse
		problems int
		notes    int
	}{
		{"equal", rec(200, `{"a":1}`, "content-length", "7", ct, js), wire(200, `{"a":1}`, "Content-Length", "7", "Content-Type", js, "Date", "x", "Server", "uvicorn"), 0, 0},
		{"status", rec(200, ``), wire(201, ``), 1, 0},
		{"float-kind", rec(200, `{"a":2.0}`, ct, js), wire(200, `{"a":2}`, ct, js), 1, 0},
		{"key-order", rec(200, `{"a":1,"b":2}`, "content-length", "13", ct, js), wire(200, `{"b":2,"a":1}`, "content-length", "13", ct, js), 0, 1},
		{"json-spacing", rec(200, `{"a":1}`, "content-length", "7", ct, js), wire(200, `{"a": 1}`, "content-length", "8", ct, js), 0, 0},
		{"json-bad-length", rec(200, `{"a":1}`, "content-length", "7", ct, js), wire(200, `{"a": 1}`, "content-length", "7", ct, js), 1, 0},
		{"text-differs", rec(200, "abc", ct, "text/plain"), wire(200, "abd", ct, "text/plain"), 1, 0},
		{"missing-header", rec(401, ``, "www-authenticate", "Bearer"), wire(401, ``), 1, 0},
		{"extra-header", rec(200, ``), wire(200, ``, "x-extra", "1"), 1, 0},
		{"allow-set", rec(405, ``, "allow", "GET, POST"), wire(405, ``, "Allow", "POST, GET"), 0, 0},
		{"allow-differs", rec(405, ``, "allow", "GET, POST"), wire(405, ``, "Allow", "GET"), 1, 0},
		{"cookie-order", rec(200, ``, "set-cookie", "a=1", "set-cookie", "b=2"), wire(200, ``, "set-cookie", "b=2", "set-cookie", "a=1"), 1, 0},
		{"framing-ignored", rec(200, `x`), wire(200, `x`, "transfer-encoding", "chunked", "connection", "keep-alive"), 0, 0},
		{"gzip", rec(200, gz(`{"a":1}`), "content-encoding", "gzip", "content-length", "99", ct, js, "vary", "Accept-Encoding"),
			wire(200, gz(`{"a":1}`)+"", "content-encoding", "gzip", "content-length", "27", ct, js, "vary", "Accept-Encoding"), 0, 0},
	}
	for _, tt := range tests {
		p, n := compare(tt.want, tt.got)
		if len(p) != tt.problems || len(n) != tt.notes {
			t.Errorf("%s: problems %q notes %q", tt.name, p, n)
		}
	}
}

func TestWireParsing(t *testing.T) {
	raw := "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n" +
		"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\nX-A: 1\r\n\r\n" +
		"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello"
	br := bufio.NewReader(strings.NewReader(raw))
	r1, err := readResponse(br, "GET")
	if err != nil || string(r1.Body) != "abcde" || r1.Close {
		t.Fatalf("chunked: %+v %v", r1, err)
	}
	r2, err := readResponse(br, "GET")
	if err != nil || r2.Status != 204 || len(r2.Body) != 0 {
		t.Fatalf("204: %+v %v", r2, err)
	}
	r3, err := readResponse(br, "HEAD")
	if err != nil || len(r3.Body) != 0 || !r3.Close {
		t.Fatalf("HEAD: %+v %v", r3, err)
	}
	req, err := buildRequest(RecordedRequest{Method: "POST", Path: "/x?a=1", Headers: [][2]string{{"host", "testserver"}}, BodyB64: base64.StdEncoding.EncodeToString([]byte("hi"))})
	if err != nil || string(req) != "POST /x?a=1 HTTP/1.1\r\nhost: testserver\r\ncontent-length: 2\r\n\r\nhi" {
		t.Fatalf("request: %q %v", req, err)
	}
}
