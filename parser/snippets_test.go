package parser_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/covetpy/covetgen/internal/pyref"
	"github.com/covetpy/covetgen/parser"
	"github.com/covetpy/covetgen/parser/ast"
)

// snippetCases are small sources covering the grammar; each is compared, with positions,
// with python3.13's ast.dump (or its SyntaxError) computed at test time.
var snippetCases = []string{
	"x = 1\n",
	"a, b = c, d = 1, 2\n",
	"(a) = 1\n(a): int = 1\na: int\na.b: int = 2\na[1]: x\n",
	"x += 1\nx.y -= 2\nx[0] **= 3\n(x) //= 4\n",
	"a = b if c else d\n",
	"a or b or c and d and not e\n",
	"(a or b) or c\n",
	"a < b <= c > d >= e == f != g in h not in i is j is not k\n",
	"a | b ^ c & d << e >> f + g - h * i / j // k % l @ m\n",
	"-a ** -b ** c\n",
	"~+-x\n",
	"await x\n",
	"a.b.c(d)[e](f)\n",
	"(a).b\n(a)(b)\n((a))[b]\n",
	"f(a, *b, c=d, **e)\n",
	"f(x for x in y)\nf((x for x in y))\n",
	"f(a)(b)(c)\n",
	"x[1:2, ::3, *a]\nx[:]\nx[::]\nx[a:b:c]\nx[1,]\nx[*a]\nx[a:=1]\n",
	"[1, 2, *a]\n(1,)\n()\n(1, 2)\n{1, 2}\n{}\n{1: 2, **a, 3: 4}\n",
	"[x for x in y if z if w for a in b]\n{x for x in y}\n{k: v for k, v in y}\n(x async for x in y)\n",
	"lambda: 0\nlambda a, b=1, *c, d, e=2, **f: 0\nlambda a, /, b: 0\nlambda *, a: 0\n",
	"def f(a, b: int = 1, /, c=2, *d: int, e, f: str = 'x', **g) -> None:\n    pass\n",
	"def f(*args: *Ts): pass\n",
	"@dec\n@dec.attr(1)\ndef f():\n    '''doc'''\n    return\n",
	"async def f():\n    await x\n    async for a in b:\n        pass\n    async with a as b, c:\n        pass\n",
	"class A(B, metaclass=M):\n    x = 1\n",
	"class A[T: int, *Ts, **P]:\n    pass\n",
	"def f[T = int, *Ts = *tuple[int], **P = [int]](): pass\n",
	"type X = int\ntype Y[T] = list[T]\n",
	"if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n",
	"while a:\n    break\nelse:\n    continue\n",
	"for a, *b in c:\n    pass\nelse:\n    pass\n",
	"for x, in y: pass\n",
	"try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
	"try:\n    pass\nexcept* E:\n    pass\n",
	"with a as b, c as (d, e):\n    pass\n",
	"with (a as b, c):\n    pass\nwith (a, b) as c:\n    pass\nwith (a, b):\n    pass\nwith (a):\n    pass\nwith (yield):\n    pass\n",
	"import a.b.c as d, e\nfrom . import x\nfrom ..a.b import (c as d, e,)\nfrom a import *\nfrom ... import z\n",
	"global a, b\nnonlocal c\ndel a, b[0], c.d, (e, f), [g]\nassert x, y\nraise\nraise E\nraise E from F\n",
	"x = yield\nx = yield from y\nyield a, b\n",
	"(x := 1)\nf(x := 1)\n[y := 2, 3]\n",
	"'a' 'b'\nb'a' b'b'\nu'x' 'y'\n'x' u'y'\n",
	"f'a{b}c{d!r:>{e}}' 'x' f'{y=}'\n",
	"f'{x=!s}' f'{x = :>10}' f'{x=}'\n",
	"f'''\n{\na\n}\n'''\n",
	"f'{a}{b}' f''\nf'' ''\n",
	"match x:\n    case 1 | 2:\n        pass\n    case [a, *b]:\n        pass\n    case {'k': v, **rest}:\n        pass\n    case Point(x=0, y=_) as p:\n        pass\n    case -1 + 2j:\n        pass\n    case None | True | False:\n        pass\n    case (a, b) if a > b:\n        pass\n    case a.b.c:\n        pass\n    case ():\n        pass\n    case (a):\n        pass\n    case *a, b:\n        pass\n    case _:\n        pass\n",
	"match = 1\nmatch.x = 2\nmatch(x)\ntype = 3\ncase = 4\n_ = 5\n",
	"match x, *y:\n    case a, b:\n        pass\n",
	"x = 1; y = 2;\n",
	"if x: pass\n",
	"print(*a, sep='')\n",
	"x = ...\n",
	"é = 1\n",
	"a[b, c] = d\n",
	"*a, b = c\n[a, *b] = c\n",
	"x = *a, *b\n",
	"f(**a, *b)\n",
	"def f(a, /): pass\ndef g(*, a=1, b): pass\n",
	"class A: pass\n",
	"if x:\n    pass\n# comment\n\n",
	"0xff + 1_000 + 1.5e3 + 1j + 0o17 + 0b1\n",
}

// TestSnippets compares snippetCases; TestErrorSnippets the sources of
// testdata/errors.txt (separated by "\n---\n"), mostly invalid ones.
func TestSnippets(t *testing.T) { checkSnippets(t, snippetCases) }

func TestValidSnippets(t *testing.T) {
	checkSnippetFile(t, "testdata/valid.txt")
	checkSnippetFile(t, "testdata/valid2.txt")
}

func TestErrorSnippets(t *testing.T) { checkSnippetFile(t, "testdata/errors.txt") }

// TestDeepSnippets compares sources at and past CPython's limits: its parser's stack
// (MemoryError), its tokenizer's bracket nesting, and ast2obj's recursion (RecursionError).
func TestDeepSnippets(t *testing.T) {
	r := strings.Repeat
	checkSnippets(t, []string{
		r("-", 5969) + "x\n", r("-", 5970) + "x\n", r("not ", 5969) + "x\n", r("not ", 5970) + "x\n",
		"x" + r("**x", 2984) + "\n", "x" + r("**x", 2985) + "\n",
		r("a if b else ", 5969) + "c\n", r("a if b else ", 5970) + "c\n",
		r("lambda: ", 2984) + "1\n", r("lambda: ", 2985) + "1\n",
		"x" + r(".a", 9995) + "\n", "x" + r(".a", 9996) + "\n", "x" + r("+x", 9996) + "\n",
		"f" + r("()", 9996) + "\n", r("(", 199) + "x" + r(")", 199) + "\n", r("(", 200) + "x" + r(")", 200) + "\n",
		"x" + r(" or x", 20000) + "\n", "x" + r(" < x", 20000) + "\n", "x" + r(", x", 20000) + "\n",
		r("[", 150) + r("]", 150) + "\n", r("f'{", 10) + "x" + r("}'", 10) + "\n",
	})
}

func checkSnippetFile(t *testing.T, name string) {
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var cases []string
	for _, c := range strings.Split(string(data), "\n---\n") {
		if !strings.HasSuffix(c, "\n") {
			c += "\n"
		}
		cases = append(cases, c)
	}
	checkSnippets(t, cases)
}

func checkSnippets(t *testing.T, snippetCases []string) {
	dir := t.TempDir()
	paths := make([]string, len(snippetCases))
	byPath := map[string]int{}
	for i, src := range snippetCases {
		paths[i] = filepath.Join(dir, "s"+itoa(i)+".py")
		byPath[paths[i]] = i
		if err := os.WriteFile(paths[i], []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	refs := make([]pyref.Result, len(paths))
	if err := pyref.Dumps(paths, true, 1, func(r pyref.Result) { refs[byPath[r.Path]] = r }); err != nil {
		t.Fatal(err)
	}
	for i, src := range snippetCases {
		ref := refs[i]
		f, err := parser.ParseFile(paths[i], []byte(src))
		if !ref.OK {
			var pe *parser.Error
			if !errors.As(err, &pe) {
				t.Errorf("%q: python3.13 rejects it (%d:%d %s), we got %v", src, ref.Err.Line, ref.Err.Offset, ref.Err.Msg, err)
				continue
			}
			if pe.Line != ref.Err.Line || pe.Col != ref.Err.Offset || pe.Msg != ref.Err.Msg || pe.Kind != ref.Err.Kind {
				t.Errorf("%q:\n got %s %d:%d %s\nwant %s %d:%d %s", src, pe.Kind, pe.Line, pe.Col, pe.Msg, ref.Err.Kind, ref.Err.Line, ref.Err.Offset, ref.Err.Msg)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if got := ast.Dump(f.Module, true); got != ref.Dump {
			t.Errorf("%q:\n got %s\nwant %s", src, got, ref.Dump)
			j := 0
			for j < len(got) && j < len(ref.Dump) && got[j] == ref.Dump[j] {
				j++
			}
			t.Logf("first difference at %d: ours %q python %q", j, strings.ToValidUTF8(got[max(0, j-60):min(len(got), j+60)], "?"), ref.Dump[max(0, j-60):min(len(ref.Dump), j+60)])
		}
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// FuzzParseInternal: no input reaches a parser bug (reported as an "InternalError").
func FuzzParseInternal(f *testing.F) {
	data, _ := os.ReadFile("testdata/valid.txt")
	for _, c := range strings.Split(string(data), "\n---\n") {
		f.Add([]byte(c))
	}
	data, _ = os.ReadFile("testdata/errors.txt")
	for _, c := range strings.Split(string(data), "\n---\n") {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		done := make(chan error, 1)
		go func() {
			_, err := parser.ParseFile("fuzz.py", src)
			done <- err
		}()
		select {
		case err := <-done:
			var pe *parser.Error
			if errors.As(err, &pe) && pe.Kind == "InternalError" {
				t.Fatalf("%q: %v", src, err)
			}
		case <-time.After(3 * time.Second):
			t.Fatalf("%q: no result after 3s", src)
		}
	})
}

func TestCommentsAndErrorFormat(t *testing.T) {
	f, err := parser.ParseFile("c.py", []byte("x = 1  # one\n# two\ndef f():\n    pass  # three\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []ast.Comment{{Text: "# one", Lineno: 1, Col: 7}, {Text: "# two", Lineno: 2, Col: 0}, {Text: "# three", Lineno: 4, Col: 10}}
	if len(f.Comments) != len(want) {
		t.Fatalf("comments = %+v, want %+v", f.Comments, want)
	}
	for i := range want {
		if f.Comments[i] != want[i] {
			t.Errorf("comment %d = %+v, want %+v", i, f.Comments[i], want[i])
		}
	}
	_, err = parser.ParseFile("e.py", []byte("x = (1 2)\n"))
	if got, want := err.Error(), "e.py:1:6: SyntaxError: invalid syntax. Perhaps you forgot a comma?"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
