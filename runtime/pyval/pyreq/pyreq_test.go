package pyreq

import (
	"net/http/httptest"
	"testing"

	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/request"
)

// TestRequest reads one request the ways a body may (the corpus apps bridge_special,
// root_path_proxy and mounts_static check the same against recorded FastAPI exchanges).
func TestRequest(t *testing.T) {
	hr := httptest.NewRequest("GET", "http://testserver/a%20b?tag=x&tag=y&q=hello+world&e", nil)
	hr.Header.Add("X-Tenant", "t1")
	hr.Header.Add("X-Tenant", "t2")
	hr.Header.Set("Cookie", "sid=1; sid=2; theme=dark")
	var rq request.Request
	rq.Reset(hr)
	v := Of(&rq)
	str := func(x pyval.Value, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		r, _ := pyval.Repr(x)
		return string(r)
	}
	tests := []struct{ got, want string }{
		{str(Method(v)), "'GET'"},
		{str(URL(v, "path")), "'/a b'"},
		{str(URL(v, "query")), "'tag=x&tag=y&q=hello+world&e'"},
		{str(URL(v, "scheme")), "'http'"},
		{str(URL(v, "netloc")), "'testserver'"},
		{str(Get(v, "headers", pyval.Str("x-TENANT"), nil)), "'t1'"},
		{str(Get(v, "headers", pyval.Str("x-missing"), pyval.Str("public"))), "'public'"},
		{str(Get(v, "headers", pyval.Str("host"), nil)), "'testserver'"},
		{str(Get(v, "query_params", pyval.Str("tag"), nil)), "'y'"},
		{str(Get(v, "query_params", pyval.Str("e"), nil)), "''"},
		{str(Get(v, "query_params", pyval.IntOf(1), nil)), "None"},
		{str(GetList(v, pyval.Str("tag"))), "['x', 'y']"},
		{str(MultiItems(v)), "[('tag', 'x'), ('tag', 'y'), ('q', 'hello world'), ('e', '')]"},
		{str(Item(v, "cookies", pyval.Str("theme"))), "'dark'"},
		{str(Get(v, "scope", pyval.Str("root_path"), nil)), "''"},
		{str(Get(v, "scope", pyval.Str("type"), nil)), "'http'"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: got %s, want %s", i, tt.got, tt.want)
		}
	}
	if _, err := Item(v, "headers", pyval.Str("x-missing")); err == nil || err.(*pyval.Exception).Class != "KeyError" {
		t.Errorf("missing header: %v, want KeyError", err)
	}
	if _, err := Get(v, "headers", pyval.IntOf(1), nil); err == nil || err.(*pyval.Exception).Class != "AttributeError" {
		t.Errorf("int header key: %v, want AttributeError", err)
	}
}
