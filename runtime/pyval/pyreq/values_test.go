package pyreq

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/request"
)

// TestRequestValues compares the request's URLs, mappings and client with what Starlette
// 0.47.3 gave for the same request (host example.com:8080, root_path /api/v1, a route
// /app named read_main, path parameters rest and id, peer 1.2.3.4:5678).
func TestRequestValues(t *testing.T) {
	hr := httptest.NewRequest("GET", "http://example.com:8080/api/v1/app?a=1&b=2&a=3", nil)
	hr.Header.Add("X-Thing", "1")
	hr.Header.Add("X-Thing", "2")
	hr.Header.Set("Cookie", "sid=1; sid=2; theme=dark")
	hr.RemoteAddr = "1.2.3.4:5678"
	var rq request.Request
	rq.Reset(hr)
	rq.SetRootPath("/api/v1")
	rq.SetAppRootPath("/api/v1")
	rq.SetParams([]string{"rest", "id"}, []string{"x/y", "7"})
	v := Of(&rq)
	repr := func(x pyval.Value, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		r, _ := pyval.Repr(x)
		return string(r)
	}
	tests := []struct{ name, got, want string }{
		{"url", repr(URL(v, "")), "'http://example.com:8080/api/v1/app?a=1&b=2&a=3'"},
		{"base_url", repr(BaseURL(v)), "'http://example.com:8080/api/v1/'"},
		{"url_for", repr(URLFor(v, "/app")), "'http://example.com:8080/api/v1/app'"},
		{"dict(query_params)", repr(Dict(v, "query_params")), "{'a': '3', 'b': '2'}"},
		{"cookies", repr(Dict(v, "cookies")), "{'sid': '2', 'theme': 'dark'}"},
		{"path_params", repr(Dict(v, "path_params")), "{'rest': 'x/y', 'id': '7'}"},
		{"getlist", repr(HeaderList(v, pyval.Str("X-Thing"))), "['1', '2']"},
		{"getlist missing", repr(HeaderList(v, pyval.Str("nope"))), "[]"},
		{"client", repr(Client(v)), "('1.2.3.4', 5678)"},
		{"client.host", repr(ClientPart(v, "host")), "'1.2.3.4'"},
		{"client.port", repr(ClientPart(v, "port")), "5678"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, tt.got, tt.want)
		}
	}
	hr.RemoteAddr = "/tmp/sock"
	if got := repr(Client(v)); got != "None" {
		t.Errorf("client of a unix socket: %s, want None", got)
	}
	if _, err := ClientPart(v, "host"); err == nil || err.(*pyval.Exception).Class != "AttributeError" {
		t.Errorf("client.host without a client: %v, want AttributeError", err)
	}
}

// TestBody reads the body twice (Starlette caches it) and as JSON.
func TestBody(t *testing.T) {
	var rq request.Request
	rq.Reset(httptest.NewRequest("POST", "http://testserver/", stringsReader(`{"a": [1, 2.5]}`)))
	v := Of(&rq)
	for i := 0; i < 2; i++ {
		b, err := Body(v)
		if err != nil || b != pyval.Bytes(`{"a": [1, 2.5]}`) {
			t.Fatalf("body %d: %v, %v", i, b, err)
		}
	}
	j, err := JSON(v)
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := pyval.Repr(j); string(r) != "{'a': [1, 2.5]}" {
		t.Errorf("json: %s", r)
	}
	rq.Reset(httptest.NewRequest("POST", "http://testserver/", stringsReader(`{"a"`)))
	if _, err := JSON(Of(&rq)); err == nil || err.(*pyval.Exception).Class != "JSONDecodeError" {
		t.Errorf("json of a malformed body: %v, want JSONDecodeError", err)
	}
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }
