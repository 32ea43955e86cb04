package translate

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser"
)

// TestReRefusals checks the re constructs a body may not use: patterns Go's regexp
// cannot reproduce, patterns not known at generation time, and uses of match objects
// and patterns the runtime does not model.
func TestReRefusals(t *testing.T) {
	tests := []struct{ src, want string }{
		{"import re\nHASHTAG = re.compile(r'(?<!\\w\\w)#(\\w{2,30})')\n\ndef f(s):\n    return HASHTAG.findall(s)\n",
			"m.py:7:12: cannot translate use of HASHTAG (lookbehind assertion of other than one character in a regular expression (Go's regexp has none))"},
		{"import re\n\ndef f(s):\n    return re.sub(r'(a)\\1', '', s)\n",
			"m.py:6:12: cannot translate backreference \\1 in a regular expression (Go's regexp has none)"},
		{"import re\n\ndef f(s, p):\n    return re.findall(p, s)\n",
			"m.py:6:12: cannot translate regular expression pattern that is not a constant str"},
		{"import re\n\ndef f(s, r):\n    return re.sub(r'a', r, s)\n",
			"m.py:6:25: cannot translate replacement of sub() that is not a constant str or a lambda"},
		{"import re\n\ndef f(s):\n    return re.sub(r'a', r'\\1', s)\n",
			"m.py:6:25: cannot translate replacement template of sub() (re.error: invalid group reference 1)"},
		{"import re\n\ndef f(s):\n    return re.search(r'a', s)\n",
			"m.py:6:12: cannot translate use of a match object other than its methods, m[g], a truth test or a comparison with None"},
		{"import re\n\ndef f(s):\n    m = re.search(r'a', s)\n    return [m]\n",
			"m.py:7:13: cannot translate use of a match object other than its methods, m[g], a truth test or a comparison with None"},
		{"import re\n\ndef f(s):\n    m = re.search(r'a', s)\n    return m.string\n",
			"m.py:7:12: cannot translate use of a match object other than its methods, m[g], a truth test or a comparison with None"},
		{"import re\n\ndef f(s):\n    m = re.search(r'a', s)\n    return m.expand('x')\n",
			"m.py:7:12: cannot translate call of Match.expand()"},
		{"import re\nP = re.compile('a')\n\ndef f(s):\n    return P\n",
			"m.py:7:12: cannot translate use of the pattern P other than calling its methods"},
		{"import re\nP = re.compile('a')\n\ndef f(s):\n    return P.search(s, 2) is None\n",
			"m.py:7:12: cannot translate call of Pattern.search() with 2 positional arguments"},
		{"import re\n\ndef f(s):\n    p = re.compile('a')\n    return 1\n",
			"m.py:6:9: cannot translate re.compile() inside a function (only a module-level pattern)"},
		{"import re\n\ndef f(s):\n    return re.findall('[a-zé]', s, re.I)\n",
			"m.py:6:12: cannot translate case-insensitive regular expression with the non-ASCII cased character 'é' (Python's and Go's case folding differ)"},
		{"import re\nP = re.compile(r'(\\w+)@')\n\ndef f(s):\n    m = P.match(s)\n    return m.group(1) if m else None\n", ""},
		{"import re\n\ndef f(s):\n    return [m for m in re.finditer('a', s)]\n",
			"m.py:6:13: cannot translate use of a match object other than its methods, m[g], a truth test or a comparison with None"},
		{"import re\n\ndef f(s):\n    return re.sub('a', lambda m: m, s)\n",
			"m.py:6:34: cannot translate use of a match object other than its methods, m[g], a truth test or a comparison with None"},
		{"import re\n\ndef f(s):\n    return re.sub('a', str.upper, s)\n",
			"m.py:6:24: cannot translate replacement of sub() that is not a constant str or a lambda"},
		{"import re\n\ndef f(s):\n    it = re.finditer('a', s)\n    return 1\n",
			"m.py:6:10: cannot translate finditer() other than as the iterable of a for loop or a comprehension"},
	}
	for _, tc := range tests {
		code, diags := translateSnippet(t, tc.src, nil)
		got := ""
		if len(diags) > 0 {
			got = diags[0].String()
		}
		if got != tc.want {
			t.Errorf("%q:\n got: %s\nwant: %s", tc.src, got, tc.want)
		}
		if (len(diags) == 0) != (code != nil) {
			t.Errorf("%q: code %v with %d diagnostics", tc.src, code != nil, len(diags))
		}
	}
}

// TestReImportedPattern translates a method call on a pattern another module compiled
// (from pats import P).
func TestReImportedPattern(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"models.py", "app.py"} {
		b, err := os.ReadFile(filepath.Join("testdata/diff", n))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, n), b, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "pats.py"), []byte("import re\nDIGITS = re.compile(r'(\\d+)')\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "m.py"), []byte("from pats import DIGITS as P\n\ndef f(s):\n    m = P.match(s)\n    return m.group(1) if m else None\n"), 0o644)
	prog, err := load.Load(dir, load.Options{Parse: parser.ParseFile, App: "app:app"})
	if err != nil {
		t.Fatal(err)
	}
	prog.Import("m")
	app, err := lift.Lift(prog, lift.Options{})
	if err != nil {
		t.Fatal(err)
	}
	u := NewUnit(prog, Names{})
	for _, st := range prog.Modules["m"].File.Module.Body {
		if d := asDef(st); d != nil && d.name == "f" {
			code, diags := Func(st, &Scope{Vars: map[string]Var{"s": {Go: jen.Id("s")}}, App: app, Module: "m", Unit: u})
			if code == nil || diags != nil {
				t.Fatalf("diagnostics %v", diags)
			}
			src := fmt.Sprintf("%#v", jen.Block(u.Decls()...))
			if !strings.Contains(src, `MustCompileRe("(\\d+)", 0)`) {
				t.Errorf("no compiled pattern in the declarations:\n%s", src)
			}
			return
		}
	}
	t.Fatal("no f")
}
