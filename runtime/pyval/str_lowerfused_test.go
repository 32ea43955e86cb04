package pyval

import "testing"

// TestInLowerLowerEq checks the fused forms against the two steps they replace.
func TestInLowerLowerEq(t *testing.T) {
	strs := []string{"", "a", "A", "or", "OR", "Orchard", "The Silent Forest", "SILENT", "i̇", "İ",
		"İstanbul", "istanbul", "ΟΔΟΣ", "οδος", "οδοσ", "ß", "SS", "ss", "ﬃ", "Straße", "x\xffY"}
	for _, s := range strs {
		low, err := CallMethod(Str(s), "lower")
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range strs {
			want, _ := Contains(low, Str(n))
			if got, err := InLower(Str(n), Str(s)); err != nil || got != want {
				t.Errorf("InLower(%q, %q) = %v, %v; want %v", n, s, got, err, want)
			}
			if got, err := LowerEq(Str(s), Str(n)); err != nil || got != Eq(low, Str(n)) {
				t.Errorf("LowerEq(%q, %q) = %v, %v", s, n, got, err)
			}
		}
	}
	if _, err := InLower(IntOf(1), Str("a")); err == nil {
		t.Error("InLower(1, 'a'): no TypeError")
	}
	if _, err := InLower(Str("a"), IntOf(1)); err == nil {
		t.Error("InLower('a', 1): no AttributeError")
	}
	if got, err := LowerEq(Str("A"), IntOf(1)); err != nil || got {
		t.Errorf("LowerEq('A', 1) = %v, %v", got, err)
	}
}
