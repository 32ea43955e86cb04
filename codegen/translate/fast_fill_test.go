package translate

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
)

// TestFastUnfilledRow checks when the fast path builds `[h] + [c] * n` without filling
// its repeated items (fast_fill.go): only when the next loop provably overwrites each of
// them before reading it. What the code computes either way is checked by the
// differential snippets of testdata/diff/fast_fill.snip.
func TestFastUnfilledRow(t *testing.T) {
	const head = "def f(a, b):\n    prev = list(range(len(b) + 1))\n    for i in range(1, len(a) + 1):\n"
	const tail = "        prev = cur\n    return prev[len(b)]\n"
	row := func(build, loop, body string) string {
		return head + "        cur = " + build + "\n        for j in " + loop + ":\n" + body + tail
	}
	const write = "            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + 1)\n"
	cases := []struct {
		name, src string
		want      bool
	}{
		{"edit distance row", row("[i] + [0] * len(b)", "range(1, len(b) + 1)", write), true},
		{"step 1", row("[i] + [0] * len(b)", "range(1, len(b) + 1, 1)", write), true},
		{"read before write", row("[i] + [0] * len(b)", "range(1, len(b) + 1)",
			"            x = cur[j - 1]\n"+write), true},
		{"one short", row("[i] + [0] * len(b)", "range(1, len(b))", write), false},
		{"other count", row("[i] + [0] * len(a)", "range(1, len(b) + 1)", write), false},
		{"start 0", row("[i] + [0] * len(b)", "range(0, len(b) + 1)", write), false},
		{"step 2", row("[i] + [0] * len(b)", "range(1, len(b) + 1, 2)", write), false},
		{"two heads", row("[i, i] + [0] * len(b)", "range(1, len(b) + 1)", write), false},
		{"variable fill", row("[i] + [i] * len(b)", "range(1, len(b) + 1)", write), false},
		{"break", row("[i] + [0] * len(b)", "range(1, len(b) + 1)", write+"            if j > 3:\n                break\n"), false},
		{"continue", row("[i] + [0] * len(b)", "range(1, len(b) + 1)", "            if j > 3:\n                continue\n"+write), false},
		{"conditional write", row("[i] + [0] * len(b)", "range(1, len(b) + 1)", "            if j > 3:\n    "+write), false},
		{"read of cur[j] first", row("[i] + [0] * len(b)", "range(1, len(b) + 1)", "            x = cur[j]\n"+write), false},
		{"read ahead", row("[i] + [0] * len(b)", "range(1, len(b) + 1)", "            x = cur[j + 1] if j < len(b) else 0\n"+write), false},
		{"read of cur[-1]", row("[i] + [0] * len(b)", "range(1, len(b) + 1)", "            x = cur[-1]\n"+write), false},
		{"read of cur[j - 2]", row("[i] + [0] * len(b)", "range(1, len(b) + 1)", "            x = cur[j - 2]\n"+write), false},
		{"len(cur)", row("[i] + [0] * len(b)", "range(1, len(b) + 1)", "            x = len(cur)\n"+write), false},
		{"comprehension of its own j", row("[i] + [0] * len(b)", "range(1, len(b) + 1)",
			"            x = sum([cur[j - 1] for j in range(len(b))])\n"+write), false},
		{"j rebound", row("[i] + [0] * len(b)", "range(1, len(b) + 1)", write+"            j = 1\n"), false},
		{"two writes", row("[i] + [0] * len(b)", "range(1, len(b) + 1)", write+write), false},
		{"statement between", head + "        cur = [i] + [0] * len(b)\n        x = 1\n        for j in range(1, len(b) + 1):\n" + write + tail, false},
	}
	str := Var{Go: jen.Id("a"), Type: strType}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, diags := translateWith(t, c.src, map[string]Var{"a": str, "b": {Go: jen.Id("b"), Type: strType}})
			if len(diags) > 0 {
				t.Fatalf("refused: %v", diags)
			}
			if !strings.Contains(code, "_fok") {
				t.Fatalf("no fast path:\n%s", code)
			}
			if got := strings.Contains(code, "ConcatUnfilled"); got != c.want {
				t.Errorf("unfilled %v, want %v:\n%s", got, c.want, code)
			}
		})
	}
}
