package pyval

import (
	"strings"
	"testing"
)

// TestStrTitleAllChars compares str.title() with CPython's (python3, the test oracle) for
// every character after an uncased one (titlecase mapping) and after a cased one
// (lowercase mapping), each followed by a letter that shows whether it is cased.
func TestStrTitleAllChars(t *testing.T) {
	var after, before strings.Builder
	for c := rune(0); c < 0x110000; c++ {
		if c >= 0xD800 && c <= 0xDFFF {
			continue
		}
		after.WriteString(" ")
		after.WriteRune(c)
		after.WriteString("a")
		before.WriteString("a")
		before.WriteRune(c)
		before.WriteString("b ")
	}
	in := []string{after.String(), before.String(), "hello wORLD", "ǆemal ǅ ǲ", "ßtraße ﬁne", "ΌΣΟΣ σΣ", "they're bill's 3rd", "", "ŉ", "ΣΑ ΑΣ"}
	var want []string
	pyOracle(t, "import json, sys\njson.dump([s.title() for s in json.load(sys.stdin)], sys.stdout)", in, &want)
	if len(want) != len(in) {
		t.Fatalf("oracle gave %d results for %d inputs", len(want), len(in))
	}
	for i, s := range in {
		if got := strTitle(s); got != want[i] {
			g, w := []rune(got), []rune(want[i])
			j := 0
			for j < len(g) && j < len(w) && g[j] == w[j] {
				j++
			}
			lo := max(j-4, 0)
			t.Errorf("input %d: title() differs at rune %d: got %q, want %q", i, j, string(g[lo:min(j+4, len(g))]), string(w[lo:min(j+4, len(w))]))
		}
	}
}
