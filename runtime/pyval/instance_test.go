package pyval

import "testing"

// TestInstanceAttrs checks attribute reads and assignments with Python's AttributeError
// messages (CPython 3.11: "'C' object has no attribute 'x'").
func TestInstanceAttrs(t *testing.T) {
	o := NewInstance("Pagination")
	if err := InstSetAttr(o, "page", IntOf(2)); err != nil {
		t.Fatal(err)
	}
	if err := InstSetAttr(o, "page", IntOf(3)); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		obj  Value
		attr string
		want Value
		err  string
	}{
		{"set then reassigned", o, "page", IntOf(3), ""},
		{"missing", o, "size", nil, "AttributeError: 'Pagination' object has no attribute 'size'"},
		{"not an instance", Str("x"), "page", nil, "AttributeError: 'str' object has no attribute 'page'"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v, err := InstGetAttr(tc.obj, tc.attr)
			if tc.err != "" {
				e, ok := err.(*Exception)
				if !ok || e.Class+": "+e.Msg != tc.err {
					t.Fatalf("err = %v, want %s", err, tc.err)
				}
				return
			}
			if err != nil || v != tc.want {
				t.Fatalf("got %v, %v; want %v", v, err, tc.want)
			}
		})
	}
	if o.TypeName() != "Pagination" || o.Attrs.Len() != 1 {
		t.Fatalf("type %s, %d attributes", o.TypeName(), o.Attrs.Len())
	}
}
