package translate

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
)

// TestFastAddNonNeg checks which sums get the one-comparison overflow check
// (fast_addnonneg.go): only those whose addend is known to be >= 0. What they compute is
// checked by the differential snippets of testdata/diff/fast_addnonneg.snip.
func TestFastAddNonNeg(t *testing.T) {
	cases := []struct {
		name, expr string
		want       bool
	}{
		{"literal", "n + 1", true},
		{"len", "n + len(xs)", true},
		{"local of literals", "n + c", true},
		{"negative literal", "n + -1", false},
		{"parameter", "n + m", false},
		{"local of a negative", "n + d", false},
		{"local of a sum", "n + e", false},
		{"subtraction", "n - 1", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := "def f(n, m):\n    xs = [1, 2]\n    c = 0 if n else 1\n    d = -1\n    e = m + 1\n    s = 0\n" +
				"    for i in range(2):\n        s = " + c.expr + "\n    return [s, c, d, e]\n"
			code, diags := translateWith(t, src, map[string]Var{"n": {Go: jen.Id("n"), Type: intType}, "m": {Go: jen.Id("m"), Type: intType}})
			if len(diags) > 0 {
				t.Fatalf("refused: %v", diags)
			}
			if !strings.Contains(code, "_fok") {
				t.Fatalf("no fast path:\n%s", code)
			}
			got := strings.Contains(code, "AddNonNeg(fp_n")
			if got != c.want {
				t.Errorf("AddNonNeg %v, want %v:\n%s", got, c.want, code)
			}
		})
	}
}
