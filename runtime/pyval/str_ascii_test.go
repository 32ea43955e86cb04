package pyval

import (
	"strings"
	"testing"
)

// TestASCIILower checks asciiLower against strings.ToLower.
func TestASCIILower(t *testing.T) {
	for _, s := range []string{"", "a", "A", "abc", "The Silent Forest 12", "ALL CAPS@[`{", "already lower", "Z"} {
		if got, want := asciiLower(s), strings.ToLower(s); got != want {
			t.Errorf("asciiLower(%q) = %q, want %q", s, got, want)
		}
	}
}
