package lift

import (
	"slices"
	"testing"
)

func TestPyStrHash(t *testing.T) {
	// hash(s) & (2**64-1) under PYTHONHASHSEED=0 (CPython 3.11).
	for s, want := range map[string]uint64{"GET": 1996036183203525057, "POST": 5210436112374182573,
		"PUT": 6127366875158473670, "DELETE": 5463705053279709857, "OPTIONS": 10282713193136998333,
		"PATCH": 23807783640291248} {
		if got := pyStrHash(s); got != want {
			t.Errorf("pyStrHash(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestPySetOrder(t *testing.T) {
	tests := []struct{ in, want []string }{
		{[]string{"GET", "POST"}, []string{"GET", "POST"}},
		{[]string{"POST", "GET"}, []string{"GET", "POST"}},
		{[]string{"PUT", "PATCH", "DELETE", "GET"}, []string{"PATCH", "DELETE", "GET", "PUT"}},
	}
	for _, tt := range tests {
		if got := pySetOrder(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("pySetOrder(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
