package ojson

import (
	"testing"
)

func TestRoundTrip(t *testing.T) {
	tests := []struct{ in, compact string }{
		{`{"b": 1, "a": [1.0, "x\n\u00e9", null, true, {}], "c": []}`, `{"b":1,"a":[1.0,"x\né",null,true,{}],"c":[]}`},
		{`[]`, `[]`},
		{`"\u0001"`, `"\u0001"`},
	}
	for _, tt := range tests {
		v, err := Decode([]byte(tt.in))
		if err != nil {
			t.Fatalf("Decode(%s): %v", tt.in, err)
		}
		if got := string(Marshal(v, -1)); got != tt.compact {
			t.Errorf("Marshal(%s) = %s, want %s", tt.in, got, tt.compact)
		}
	}
}

func TestIndent(t *testing.T) {
	v := Obj("a", Array{Int(1), Float(2)}, "b", NewObject())
	want := "{\n  \"a\": [\n    1,\n    2.0\n  ],\n  \"b\": {}\n}\n"
	if got := string(MarshalIndent(v)); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestEqual(t *testing.T) {
	tests := []struct {
		a, b string
		eq   bool
	}{
		{`{"a":1,"b":2}`, `{"b":2,"a":1}`, true},
		{`1`, `1.0`, false},
		{`1.0`, `1.00`, true},
		{`1e2`, `100.0`, true},
		{`[1,2]`, `[2,1]`, false},
		{`{"a":null}`, `{}`, false},
	}
	for _, tt := range tests {
		a, _ := Decode([]byte(tt.a))
		b, _ := Decode([]byte(tt.b))
		if got := Equal(a, b); got != tt.eq {
			t.Errorf("Equal(%s, %s) = %v, want %v (%v)", tt.a, tt.b, got, tt.eq, Diff(a, b, 0))
		}
	}
}

func TestOrderDiff(t *testing.T) {
	a, _ := Decode([]byte(`{"a":{"x":1,"y":2},"b":[{"p":1,"q":2}]}`))
	b, _ := Decode([]byte(`{"a":{"y":2,"x":1},"b":[{"q":2,"p":1}]}`))
	if got := OrderDiff(a, b, 0); len(got) != 2 {
		t.Errorf("OrderDiff = %v, want 2 differences", got)
	}
	if got := OrderDiff(a, a, 0); len(got) != 0 {
		t.Errorf("OrderDiff(a, a) = %v", got)
	}
}
