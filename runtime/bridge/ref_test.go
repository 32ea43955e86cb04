package bridge

import (
	"testing"

	"github.com/covetpy/covetgen/runtime/pyval"
)

func TestRefTag(t *testing.T) {
	tests := []struct {
		ref      Ref
		typeName string
		json     string
	}{
		{Ref{Session: 3, ID: 1, Class: "sqlite3:Connection"}, "Connection", `{"$t":"ref","s":3,"id":1}`},
		{Ref{Session: 9, ID: 12, Class: "app.db:Pool.Conn"}, "Conn", `{"$t":"ref","s":9,"id":12}`},
		{Ref{Session: 1, ID: 2, Class: "builtins:object"}, "object", `{"$t":"ref","s":1,"id":2}`},
	}
	for _, tc := range tests {
		if got := tc.ref.TypeName(); got != tc.typeName {
			t.Errorf("%v.TypeName() = %q, want %q", tc.ref, got, tc.typeName)
		}
		for _, arg := range []any{tc.ref, &tc.ref} {
			b, err := Encode(nil, arg)
			if err != nil || string(b) != tc.json {
				t.Errorf("Encode(%v) = %s, %v; want %s", arg, b, err, tc.json)
			}
		}
		// The worker's tag (with its class) decodes back to the same Ref, inside a value.
		tag := tc.json[:len(tc.json)-1] + `,"cls":"` + tc.ref.Class + `"}`
		v, err := Result{data: []byte(`[` + tag + `]`)}.Value(nil)
		l, ok := v.(*pyval.List)
		if err != nil || !ok || len(l.Items) != 1 || l.Items[0] != pyval.Value(tc.ref) {
			t.Errorf("Value(%s) = %#v, %v", tag, v, err)
		}
	}
}
