package pyval

import (
	"math"
	"testing"
)

// TestCountRange checks the counted range against the lists CPython's range gives
// (recorded below), including bounds at and past the int64 limits.
func TestCountRange(t *testing.T) {
	big63 := ParseInt("9223372036854775808") // 2**63
	tests := []struct {
		name string
		args []Value
		want []string // str() of the items
		err  string   // exception class
	}{
		{"stop", []Value{IntOf(3)}, []string{"0", "1", "2"}, ""},
		{"empty", []Value{IntOf(-2)}, nil, ""},
		{"step", []Value{IntOf(1), IntOf(10), IntOf(4)}, []string{"1", "5", "9"}, ""},
		{"negative step", []Value{IntOf(3), IntOf(-3), IntOf(-2)}, []string{"3", "1", "-1"}, ""},
		{"bools", []Value{True, IntOf(3)}, []string{"1", "2"}, ""},
		{"max int64", []Value{IntOf(math.MaxInt64 - 2), IntOf(math.MaxInt64)}, []string{"9223372036854775805", "9223372036854775806"}, ""},
		{"min int64", []Value{IntOf(math.MinInt64 + 1), IntOf(math.MinInt64), IntOf(-1)}, []string{"-9223372036854775807"}, ""},
		{"whole span", []Value{IntOf(math.MinInt64), IntOf(math.MaxInt64), IntOf(math.MaxInt64)}, []string{"-9223372036854775808", "-1", "9223372036854775806"}, ""},
		{"past int64", []Value{IntOf(math.MaxInt64 - 1), big63, IntOf(1)}, []string{"9223372036854775806", "9223372036854775807"}, ""},
		{"big start", []Value{big63, IntOf(math.MaxInt64), IntOf(-1)}, []string{"9223372036854775808"}, ""},
		{"zero step", []Value{IntOf(1), IntOf(2), IntOf(0)}, nil, "ValueError"},
		{"zero step big", []Value{big63, IntOf(2), IntOf(0)}, nil, "ValueError"},
		{"float", []Value{Float(2)}, nil, "TypeError"},
		{"float after big", []Value{big63, Float(2)}, nil, "TypeError"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := CountRange(tt.args...)
			if tt.err != "" {
				if e, ok := err.(*Exception); !ok || e.Class != tt.err {
					t.Fatalf("err = %v, want %s", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for v, ok := c.Next(); ok; v, ok = c.Next() {
				got = append(got, v.(Int).String())
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
}

// TestPreboxed checks that the pre-boxed ints and characters equal freshly built ones.
func TestPreboxed(t *testing.T) {
	for _, n := range []int64{smallIntMin - 1, smallIntMin, -1, 0, 1, smallIntMax, smallIntMax + 1} {
		if v := IntValue(n); v != Value(IntOf(n)) {
			t.Errorf("IntValue(%d) = %#v", n, v)
		}
	}
	for _, s := range []string{"a", "\x00", "\x7f", "\u0080", "é", "ÿ", "Ā", "😀", "\xed\xa0\x80"} {
		if v := oneChar(s, 0, len(s)); v != Value(Str(s)) {
			t.Errorf("oneChar(%q) = %#v", s, v)
		}
	}
}
