package validate

import (
	"strings"
	"testing"
)

func TestValidatorErrors(t *testing.T) {
	noSlash := func(v string) (string, *Error) {
		if strings.Contains(v, "/") {
			return v, AssertionError("name must not contain a slash")
		}
		return v, nil
	}
	hasAt := func(v string) (string, *Error) {
		if !strings.Contains(v, "@") {
			return v, ValueError("email must contain @")
		}
		return v, nil
	}
	tests := []struct {
		in   string
		want string
	}{
		{"ok@x", ""},
		{"a/b", `{"type":"assertion_error","loc":["body","name"],"msg":"Assertion failed, name must not contain a slash","input":"a/b","ctx":{"error":{}}}`},
		{"ab", `{"type":"value_error","loc":["body","name"],"msg":"Value error, email must contain @","input":"ab","ctx":{"error":{}}}`},
	}
	for _, tc := range tests {
		s := NewState()
		s.PushKey("body")
		s.PushKey("name")
		v := tc.in
		if e := RunAfter(&v, noSlash, hasAt); e != nil {
			s.AddValidatorError(e, tc.in)
		}
		if tc.want == "" {
			if s.Failed() {
				t.Errorf("%q: unexpected errors %v", tc.in, s.Errors())
			}
			continue
		}
		got, err := AppendError(nil, s.Errors()[0])
		if err != nil || string(got) != tc.want {
			t.Errorf("%q: got %s (%v), want %s", tc.in, got, err, tc.want)
		}
	}
}
