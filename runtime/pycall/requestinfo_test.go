package pycall

import (
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/covetpy/covetgen/runtime/bridge"
	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/router"
)

// TestRequestInfo checks the scope a bridged function's Request is built from: host
// first, then the other headers by name (net/http keeps no order across names), the raw
// path and query, the client, and path parameters converted as Starlette's convertors
// do (a plain {x} stays a str).
func TestRequestInfo(t *testing.T) {
	hr := httptest.NewRequest("GET", "http://api.example/items/7/a%2Fb?q=1&q=2", nil)
	hr.Header.Add("X-B", "2")
	hr.Header.Add("X-A", "1")
	hr.Header.Add("X-A", "1b")
	hr.RemoteAddr = "10.0.0.5:4321"
	var rq request.Request
	rq.Reset(hr)
	rq.SetParams([]string{"n", "rest"}, []string{"7", "a/b"})
	c := &Call{rq: &rq, route: &Route{Names: []string{"n", "rest"}, Convs: []router.Convertor{router.Int, router.Str}}}
	info, err := c.requestInfo()
	if err != nil {
		t.Fatal(err)
	}
	if info.Method != "GET" || info.HTTPVersion != "1.1" || info.QueryString != "q=1&q=2" || info.RawPath != "/items/7/a%2Fb" {
		t.Errorf("info %+v", info)
	}
	wantHeaders := [][2]string{{"host", "api.example"}, {"x-a", "1"}, {"x-a", "1b"}, {"x-b", "2"}}
	if !reflect.DeepEqual(info.Headers, wantHeaders) {
		t.Errorf("headers %v, want %v", info.Headers, wantHeaders)
	}
	if info.ClientHost != "10.0.0.5" || info.ClientPort != 4321 {
		t.Errorf("client %s:%d", info.ClientHost, info.ClientPort)
	}
	wantParams := []bridge.KwArg{bridge.Kw("n", pyval.ParseInt("7")), bridge.Kw("rest", "a/b")}
	if !reflect.DeepEqual(info.PathParams, wantParams) {
		t.Errorf("path params %v, want %v", info.PathParams, wantParams)
	}
	if head := (&Call{rq: &rq, route: &Route{}}).headInfo(); head.Body != nil || head.Method != "GET" {
		t.Errorf("headInfo %+v", head)
	}
}

// TestRaw checks how a response Python rendered is sent: as it is with a content-length,
// streamed (chunked) without one, as starlette sends a StreamingResponse.
func TestRaw(t *testing.T) {
	for _, tt := range []struct {
		name    string
		in      bridge.RawResponse
		stream  bool
		headers int
	}{
		{"sized", bridge.RawResponse{Status: 200, Headers: [][2]string{{"content-length", "2"}, {"content-type", "text/plain"}}, Body: []byte("ok")}, false, 2},
		{"streamed", bridge.RawResponse{Status: 200, Headers: [][2]string{{"content-type", "text/csv"}}, Body: []byte("a,b\n")}, true, 1},
		{"no body allowed", bridge.RawResponse{Status: 204}, false, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := raw(&tt.in)
			if (r.Kind == response.KindStream) != tt.stream || len(r.Headers) != tt.headers || r.Status != tt.in.Status {
				t.Errorf("raw = kind %v, %d headers, status %d", r.Kind, len(r.Headers), r.Status)
			}
		})
	}
}
