package translate

import (
	"strings"
	"testing"
)

// TestSetRefusals: a set used where its iteration order could show refuses.
func TestSetRefusals(t *testing.T) {
	refused := []string{
		"def f(xs: list):\n    return set(xs)\n",
		"def f(xs: list):\n    return {1, 2}\n",
		"def f(xs: list):\n    s = set(xs)\n    return 1\n",
		"def f(xs: list):\n    return [x for x in set(xs)]\n",
		"def f(xs: list):\n    return list(set(xs))\n",
		"def f(xs: list):\n    return str({1, 2})\n",
		"def f(xs: list):\n    return set(xs) | {1}\n",
		"def f(xs: list):\n    return [x for x in set(xs) - {1}]\n",
		"def f(xs: list):\n    return {x for x in xs}\n",
		"def f(xs: list):\n    return set(xs, 1)\n",
		"def f(xs: list):\n    return {'s': {*xs}}\n",
	}
	for _, src := range refused {
		code, diags := translateSnippet(t, src, nil)
		if code != nil || len(diags) != 1 || !strings.Contains(diags[0].Msg, "cannot translate") {
			t.Errorf("%q: want one refusal, got %v", src, diags)
		}
	}
}
