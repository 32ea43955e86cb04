package translate

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
)

// TestFastPathApplies checks which functions get the typed fast path (fast.go): pure
// computations over int, float, bool and str parameters do; anything reading module
// state, calling non-builtins, awaiting, or of an unsupported kind does not (and still
// translates generically). What the fast path computes is checked by the differential
// snippets of testdata/diff/fastpath.snip.
func TestFastPathApplies(t *testing.T) {
	intVar := func(name string) Var { return Var{Go: jen.Id(name), Type: intType} }
	cases := []struct {
		name string
		src  string
		vars map[string]Var
		want bool
	}{
		{"loop", "def f(n):\n    s = 0\n    for i in range(n):\n        s += i * i\n    return s\n", map[string]Var{"n": intVar("n")}, true},
		{"str param", "def f(a):\n    n = 0\n    for c in a:\n        n += 1\n    return [n, len(a)]\n", map[string]Var{"a": {Go: jen.Id("a"), Type: strType}}, true},
		{"no loop", "def f(n):\n    return {\"n\": n + 1}\n", map[string]Var{"n": intVar("n")}, false},
		{"untyped param", "def f(n):\n    return n + 1\n", map[string]Var{"n": {Go: jen.Id("n")}}, false},
		{"list param", "def f(xs):\n    return len(xs)\n", map[string]Var{"xs": {Go: jen.Id("xs"), Type: listType}}, false},
		{"module constant", "K = 3\ndef f(n):\n    return n + K\n", map[string]Var{"n": intVar("n")}, false},
		{"shadowed builtin", "def len(x):\n    return 0\ndef f(n):\n    return len([n])\n", map[string]Var{"n": intVar("n")}, false},
		{"print", "def f(n):\n    print(n)\n    return n\n", map[string]Var{"n": intVar("n")}, false},
		{"await", "import asyncio\nasync def f(n):\n    await asyncio.sleep(0)\n    return n\n", map[string]Var{"n": intVar("n")}, false},
		{"two kinds", "def f(n):\n    x = 1\n    x = 1.5\n    return x\n", map[string]Var{"n": intVar("n")}, false},
		{"list append", "def f(n):\n    xs = [n]\n    xs.append(1)\n    return xs\n", map[string]Var{"n": intVar("n")}, false},
		{"list +=", "def f(n):\n    xs = [n]\n    xs += [1]\n    return xs\n", map[string]Var{"n": intVar("n")}, false},
		{"maybe unbound", "def f(n):\n    if n:\n        x = 1\n    return x\n", map[string]Var{"n": intVar("n")}, false},
		{"param go expression", "def f(n):\n    return n + 1\n", map[string]Var{"n": {Go: jen.Id("rq").Dot("N"), Type: intType}}, false},
		{"param named as a package", "def f(slices):\n    return slices\n", map[string]Var{"slices": {Go: jen.Id("slices"), Type: intType}}, false},
		{"param of fast name", "def f(fp_x):\n    return fp_x\n", map[string]Var{"fp_x": {Go: jen.Id("fp_x"), Type: intType}}, false},
		{"model param", "def f(n):\n    return n\n", map[string]Var{"n": {Go: jen.Id("n"), Type: &ir.Type{Kind: ir.KindModel}}}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := c.src
			if c.name != "no loop" { // a loop, so that only the case's own reason can keep the fast path out
				i := strings.Index(src, "def f(")
				j := i + strings.Index(src[i:], ":\n") + 2
				src = src[:j] + "    for _q in range(2):\n        pass\n" + src[j:]
			}
			code, diags := translateWith(t, src, c.vars)
			if len(diags) > 0 {
				if c.want {
					t.Fatalf("refused: %v", diags)
				}
				return
			}
			if got := strings.Contains(code, "_fok"); got != c.want {
				t.Errorf("fast path %v, want %v:\n%s", got, c.want, code)
			}
		})
	}
}
