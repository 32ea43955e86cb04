package scanner

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// validSnippets are compared token by token with python3.13's tokenize.
var validSnippets = []string{
	"", "\n", "   ", "# c", "x", "x\n", "\n\n\nx", "x\r\ny\rz", "x\r\n", "\x0cx = 1\n",
	"if x:\n    y = 1  # c\n\n  # z\n    if y:\n        pass\nz\n",
	"if x:\n    if y:\n        y = 1  # c\n\n  # z\n    z\nw\n#end",
	"if x:\n\tif y:\n\t\tpass\n\telse:\n\t\tpass\n",
	"if x:\n  \\\n  y\n",
	"x = (1,\n 2)\nif a:\n  b",
	"a\\\n  b\n",
	"def f(a, *, b=1, **k) -> int:\n    return a @ b\n",
	"a += 1; b -= 2; c *= 3; d /= 4; e //= 5; f %= 6; g **= 7; h >>= 8; i <<= 9; j &= 1; k |= 2; l ^= 3; m @= 4\n",
	"a == b != c <= d >= e < f > g << h >> i ** j // k ~l ... x := 1 -> y\n",
	"1 1.5 .5 1. 1e5 1E-5 1.5e+3 1j 1.5J 0x1F 0XaB 0o17 0O7 0b101 0B1 1_000 0x_f 0o_7 0b_1 1_0.0_1e1_0 0 00 0_0 0.0 0e0 0j 00j 09.5 09e1\n",
	"1if 1else 0\n", "0x1for x in y\n", "1or 2\n", "1in x\n", "1is x\n", "1and 2\n", "1not in x\n", "1.e5\n", "1.j\n", "1e\n",
	"'a' \"b\" '''c''' \"\"\"d\"\"\" r'\\'' b'x' rb'x' Rb'x' bR'x' BR\"x\" u'x' U'x' br'''\\\n'''\n",
	"'a\\\nb'\n", "x = '''\nabc\n\ndef'''\n", "''\n", "\"\"\n", "''''''\n", "'''a''''\n",
	"f'a{{b}}c{x!r:>{w}.{p}}d{y=}e'\n",
	"f'{1 +\n 2}'\n",
	"f'''{1 # c\n}'''\n",
	"f\"{f'{1}'}\" '\\N{BULLET}' f\"\\N{BULLET}{x}\"\n",
	"f'{x:}' f'{x!r}' f'{x=!r:^10}' f'{x:{y}}' f'{x:{y}{z}}' f'{x:a{y}b}'\n",
	"f'{x:=10}' f'{(x:=10)}' f'{x!=y}' f'{x==y}' f'{x>=y}' f'{ x = }'\n",
	"f'{\"a\"}' f\"{'a'}\" f'''{'a'}''' f'{f'{f'{1}'}'}'\n",
	"rf'\\{x}' fr'{x}\\}}' Rf'{x}' fR'{x}' F'{x}' rF'{x}'\n",
	"f'\\{x}' f'\\\\{x}' f'\\N{DASH}' f'\\N{x}'\n",
	"f'{x}{y}' f'' f'{{}}' f'}}' f'{{' f'a{{' f'{{a' f'a}}b'\n",
	"f'''\n{x\n:\n}'''\n", "f'''{x:\n}'''\n", "f'{x:\n}'\n",
	"f'''a\nb{x}c\nd'''\n", "f'{x:{{}}>10}'\n", "f'{[1,2][0]}' f'{ {1:2}[1] }' f'{(lambda: 1)()}'\n",
	"f'{x:%H:%M}' f'{x!s:{w}}' f'{d[\"k\"]}'\n",
	"f'{x!r=}'\n", "f'{x=:>10}'\n",
	"é = 1\nñ = é\nｗｉｄｔｈ = 2\n𝔘𝔫𝔦 = 3\n", "x = 'é' # é\n", "_a1 = a_1\n",
	"@dec\nclass C(B, metaclass=M):\n    x: int = 1\n",
	"async def f():\n    await x\n    async for a in b: pass\n",
	"match x:\n    case [1, *r]: pass\n    case {'a': 1, **kw}: pass\n    case _: pass\n",
	"type X = int\n", "print(*a, **k)\n", "lambda: (yield)\n", "x[1:2, ::3]\n",
	"if 1:\n  x\n\x0c\n  y\n", "if 1:\n\x0c    x\n    y\n",
	"x = [\n  1,  # one\n  2,\n]\n",
	"if True:\n    pass\n    # trailing comment\n",
	"if True:\n    pass\n  # less indented comment\n",
	"def f():\n    '''doc'''\n\n\n\n",
	"\\\nx\n",
	"x = 1 \\\n    + 2\n",
	"(\\\n)\n",
	"!x\n",
	"if x:\n        a\n    b\n",
	"  x\n",
	"x\n\t\n  \n",
}

// TestSnippetTokens compares token streams of the snippets with python3.13's tokenize.
func TestSnippetTokens(t *testing.T) {
	py, _ := python313(t)
	dir := t.TempDir()
	for i, s := range validSnippets {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("s%03d.py", i)), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	agree, total := compareWithTokenize(t, py, dir)
	t.Logf("snippets: %d/%d agree", agree, total)
}

// errorSnippets are compiled by python3.13; when the scanner reports an error it must be
// CPython's (type, line, offset, message). When the scanner reports none, CPython's error
// must be one the parser reports.
var errorSnippets = []string{
	"1abc", "x = 0x", "x = 0xg", "0o8", "0o", "0b2", "0b", "012", "0_", "1_", "1e", "1e+", "1.e", "1jx", "1__0", "0x_", "0o1_", "0b1__0",
	"1.5x", "1e5x", "0x1g", "0o7a", "0b1a", "00x", "0_7", "007", "0_7_", "1_a", ".5_", "1.5_e",
	"'abc\n", "x = '''abc\n", "x = '''abc\nxyz", "x = '''abc\nxyz\n", "'abc", "'abc\\'\n", "x = \"abc\\\"", "b'abc\n", "rb'''x\n",
	"if x:\n    a\n  b\n", "if x:\n\ta\n        b\n", "if x:\n        a\n\tb\n", " x\n", "a\\ b\n", "a\\", "a = (1,\n", "a = )", "(]", "(\n]",
	"a$b", "a\x01", "a€b", "a\u00a0b", "é = 1\nx€y", "x = 1\n\x7f", "€", "a\u200bb", "x = a·b", "·a", "a\u2028b",
	"f'{'", "f'}'", "f'{x'", "f'abc", "f'''abc\n", "f'{x:\n}'", "f'{)}'", "f'{x!}'", "f'{x!r'", "f'{#}'", "f'{x=!r:a}'", "f'{{'",
	"f'{'a'}'", "f'{x:{'", "f'{x:}}'", "f'{x}}'", "f'}}}'", "f'{{{'", "f'a\nb'", "f'''a\n", "f'{\n'", "f'{x!r:{y!s:{z}}}'",
	"f'{x:{y:{z}}}'", "f'{x:{y:{z:{w}}}}'", "f'{]}'", "f'{x]}'", "f'{x)'", "f'{'''x'''}'", "f'''{'''x'''}'''",
	"\\\n\\\n", "x = 1 \\\n", "  \\\nx", "def f():\n  x\n\n\n  \\\n", "'\\\n'", "if 1:\n  pass\n # c\n\tpass\n",
	"(1,\\\n", "(1 \\ 2)", "x = 1 \\ # c\n",
	"(" + strings.Repeat("(", 200) + strings.Repeat(")", 201),
	func() string {
		var b strings.Builder
		for i := 0; i < 101; i++ {
			b.WriteString(strings.Repeat(" ", i) + "if 1:\n")
		}
		b.WriteString(strings.Repeat(" ", 101) + "pass\n")
		return b.String()
	}(),
	"x = 1\n\x0c  y = 2\n", "if 1:\n\x0c  y = 2\n", "\ufeffx=1", "x = '\x00'", "a\x00b", "x = 1\ny = 2\x00\n",
	"x = f'{a!b}'", "x = f'{a!'", "x = f'{a:'", "x = f'{a=:'", "x = f'{!r}'", "x = f'{:x}'",
	"# coding: uft-8\nx=1\n", "\xef\xbb\xbf# coding: latin-1\nx=1\n", "#coding:ascii\nx='\xc3\xa9'\n", "# coding=utf8\nx='\xff'",
	"# coding: cp1252\nx='\x81'\n", "x\xff = 1\n", "\xe9 = 1", "x = 1\n\xe9 = 1", "x\xc3( = 1", "x\xed\xa0\x80 = 1",
	"f'{x:\\\n}'", "f'\\\n{x}'", "f'{x!\n}'",
	nestedF(148), nestedF(149), nestedF(150),
	"a ! b", "a ? b", "`a`", "a$b\n", "a?b\n", "a`b\n", "<>\n", "1 <> 2\n",
}

// parserErrors are messages CPython's parser (not its tokenizer) reports.
var parserErrors = []string{
	"invalid syntax", "unexpected indent", "was never closed", "f-string:", "expected", "invalid syntax. Perhaps",
	"(unicode error)", "bytes can only contain ASCII", "unindent does not match", "unexpected EOF",
	"cannot assign", "invalid character", "unmatched", "source code string cannot contain null bytes",
}

const compileScript = `
import sys, json
cases = json.load(sys.stdin)
res = []
for c in cases:
    b = c.encode('latin-1')
    try:
        compile(b, "<s>", "exec", flags=0x400, dont_inherit=True)
        res.append("OK")
    except SyntaxError as e:
        res.append("%s|%s|%s|%s" % (type(e).__name__, e.lineno, e.offset, e.msg))
    except Exception as e:
        res.append("%s|%s" % (type(e).__name__, e))
json.dump(res, sys.stdout)
`

func TestSnippetErrors(t *testing.T) {
	py, _ := python313(t)
	// Snippets are given as latin-1 text so that arbitrary bytes pass through JSON.
	in := make([]string, len(errorSnippets))
	for i, s := range errorSnippets {
		rs := make([]rune, len(s))
		for j := 0; j < len(s); j++ {
			rs[j] = rune(s[j])
		}
		in[i] = string(rs)
	}
	data, _ := json.Marshal(in)
	cmd := exec.Command(py, "-c", compileScript)
	cmd.Env = append(os.Environ(), "PYENV_VERSION=3.13.0")
	cmd.Stdin = strings.NewReader(string(data))
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	for i, src := range errorSnippets {
		w := want[i]
		s, nerr := New([]byte(src))
		var got string
		if nerr != nil {
			e := nerr.(*Error)
			got = fmt.Sprintf("%s|%d|%d|%s", e.Kind, e.Pos.Line, -1, e.Msg)
		} else {
			for {
				tk := s.Next()
				if tk.Kind == 0 && s.Err() != nil || tk.Kind == 1 {
					break
				}
			}
			if e := s.Err(); e != nil {
				got = cpythonError([]byte(src), e)
			}
		}
		switch {
		case got == w:
		case got == "" && w == "OK":
		case strings.Contains(got, "source code cannot contain null bytes") && strings.Contains(w, "source code string cannot contain null bytes"):
			// compile() checks the whole string up front; we report as CPython does for a
			// file ("source code cannot contain null bytes" on the line holding one).
		case got == "":
			ok := false
			for _, p := range parserErrors {
				if strings.Contains(w, p) {
					ok = true
				}
			}
			if !ok {
				t.Errorf("%q: scanner accepts, CPython: %s", src, w)
			} else if testing.Verbose() {
				t.Logf("%q: left to the parser: %s", src, w)
			}
		default:
			if strings.HasSuffix(w, "|0|-1|"+strings.SplitN(got, "|", 4)[3]) {
				break // an encoding error CPython reports without location
			}
			t.Errorf("%q:\n got  %s\n want %s", src, got, w)
		}
	}
}

func nestedF(n int) string {
	return strings.Repeat("f'{", n) + "1" + strings.Repeat("}'", n)
}

// TestNormalizeIdentPython compares NormalizeIdent with unicodedata.normalize("NFKC") on
// every identifier character alone and on random identifier strings.
func TestNormalizeIdentPython(t *testing.T) {
	py, _ := python313(t)
	script := `
import sys, json, random, unicodedata
chars = [chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c <= 0xDFFF and ("a" + chr(c)).isidentifier()]
marks = [c for c in chars if unicodedata.combining(c)] + [chr(c) for c in range(0x1100, 0x1200)]
random.seed(7)
cases = chars[:]
for i in range(20000):
    n = random.randint(1, 6)
    cases.append("".join(random.choice(chars) if random.random() < 0.5 else random.choice(marks) for _ in range(n)))
json.dump([[c, unicodedata.normalize("NFKC", c)] for c in cases], sys.stdout)
`
	cmd := exec.Command(py, "-c", script)
	cmd.Env = append(os.Environ(), "PYENV_VERSION=3.13.0")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var pairs [][2]string
	if err := json.Unmarshal(out, &pairs); err != nil {
		t.Fatal(err)
	}
	bad := 0
	for _, p := range pairs {
		if got := NormalizeIdent(p[0]); got != p[1] {
			bad++
			if bad < 10 {
				t.Errorf("NormalizeIdent(%q) = %q, want %q", p[0], got, p[1])
			}
		}
	}
	t.Logf("NFKC: %d/%d agree", len(pairs)-bad, len(pairs))
}
