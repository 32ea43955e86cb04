package pyval

import (
	"testing"

	"github.com/covetpy/covetgen/runtime/response"
)

func TestCaughtAttr(t *testing.T) {
	tests := []struct {
		err        error
		attr, want string // want: repr of the value, or "!Class" of the exception raised
	}{
		{response.NewHTTPException(404, "nf"), "status_code", "404"},
		{response.NewHTTPException(404, "nf"), "detail", "'nf'"},
		{response.NewHTTPException(418, nil), "detail", "\"I'm a Teapot\""},
		{response.NewHTTPException(400, Dumps{V: DictOf(Str("a"), IntValue(1))}), "detail", "{'a': 1}"},
		{response.NewHTTPException(404, "nf"), "headers", "!AttributeError"},
		{NewException("ValueError", Str("x")), "status_code", "!AttributeError"},
	}
	for _, tt := range tests {
		v, err := CaughtAttr(CaughtOf(tt.err), tt.attr)
		got := ""
		if err != nil {
			e, _ := err.(*Exception)
			if e == nil {
				t.Fatalf("%v.%s: %v", tt.err, tt.attr, err)
			}
			got = "!" + e.Class
		} else {
			r, rerr := Repr(v)
			if rerr != nil {
				t.Fatal(rerr)
			}
			got = string(r)
		}
		if got != tt.want {
			t.Errorf("%v.%s = %s, want %s", tt.err, tt.attr, got, tt.want)
		}
	}
}
