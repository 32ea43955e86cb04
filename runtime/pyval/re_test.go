package pyval

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"
)

// reDiffPatterns are the patterns the differential test runs under CPython and the Go
// executor; every one must be accepted by ConvertRe.
var reDiffPatterns = []struct {
	pat   string
	flags int
}{
	{`abc`, 0}, {`a|ab|abc`, 0}, {`(a|ab)(c|bcd)?`, 0}, {`a*`, 0}, {`a*?`, 0}, {`x*`, 0},
	{`(a+)(b*)`, 0}, {`(a+?)(b*?)c?`, 0}, {`\d+`, 0}, {`\d+`, ReASCII}, {`\w+`, 0}, {`\w+`, ReASCII},
	{`\s+`, 0}, {`\S+`, 0}, {`\W`, 0}, {`\D+`, 0}, {`[^\w\s-]`, ReUnicode}, {`[-\s_]+`, 0},
	{`^\w+$`, 0}, {`^abc$`, ReMultiline}, {`$`, 0}, {`$`, ReMultiline}, {`^`, ReMultiline}, {`\Z`, 0}, {`\A\w`, 0},
	{`\b\w+\b`, 0}, {`\b`, 0}, {`\B`, 0}, {`\b\w`, ReASCII}, {`\B\w+`, 0},
	{`.`, 0}, {`.+`, ReDotAll}, {`a.c`, 0}, {`(?s)a.c`, 0}, {`(?m)^\w+$`, 0},
	{`@([A-Za-z0-9_]{1,15})`, 0},
	{`^[A-Za-z0-9._%+-]+@(?P<domain>[A-Za-z0-9.-]+\.[A-Za-z]{2,})$`, 0},
	{`^v?(?P<major>0|[1-9]\d*)\.(?P<minor>0|[1-9]\d*)\.(?P<patch>0|[1-9]\d*)(?:-(?P<pre>[0-9A-Za-z.-]+))?$`, 0},
	{`(?P<ip>\d{1,3}(?:\.\d{1,3}){3}) - - \[(?P<when>[^\]]+)\] "(?P<method>[A-Z]+) (?P<path>\S+) HTTP/[\d.]+" (?P<status>\d{3}) (?P<size>\d+|-)`, 0},
	{`\b(\d{4})[ -]?\d{4}[ -]?\d{4}[ -]?(\d{4})\b`, 0}, {`[\w.+-]+@[\w-]+\.[\w.]+`, ReIgnoreCase},
	{`(\d+)-(\d+)`, 0}, {`(?:(a)|b)+`, 0}, {`(a)|(b)`, 0}, {`[]a]`, 0}, {`[^]a]`, 0}, {`[a-]`, 0}, {`[\]\\-]`, 0},
	{`a{2}`, 0}, {`a{2,}`, 0}, {`a{,2}`, 0}, {`a{1,2}?`, 0}, {`a{`, 0}, {`a{}`, 0}, {`{x`, 0}, {`a{,}`, 0}, {`x{1,2`, 0},
	{`\x41\u00e9\n\t\\\.`, 0}, {`[\x41-\x43]+`, 0}, {`\0`, 0}, {`\101`, 0}, {`[\101]`, 0}, {`[\b]`, 0},
	{`a # comment
	  b+ \# c`, ReVerbose}, {`(?x) a [ ] b`, 0}, {`(?#note)ab`, 0}, {`(?i)123-\d`, 0}, {`[0-9]+`, ReIgnoreCase},
	{`é+`, 0}, {`[à-ÿ]+`, 0}, {`\s*,\s*`, 0}, {`(\s)|(,)`, 0}, {`-`, 0}, {`\n`, 0}, {`\$\d+(?:\.\d\d)?`, 0},
	{`((a)|b)+`, 0}, {`(a|b)*c`, 0}, {`(?:ab)+?`, 0}, {`\s$`, 0}, {`a|`, 0}, {`()`, 0}, {`(|a)`, 0},
	{`(?<!\w)#(\w{2,30})`, 0}, {`a(?=b)`, 0}, {`a(?!b)`, 0}, {`(?<=a)b`, 0}, {`(?<![\d.])\d+(?![\d.])`, 0},
	{`(?<=.)x`, ReDotAll}, {`(?=.)`, 0}, {`(a)(?<!\s)(b)?`, 0}, {`(?!\s)\w+(?<=\d)`, 0}, {`(?i)(?<!\d)\d`, 0},
	{`abc`, ReIgnoreCase}, {`[a-z]+`, ReIgnoreCase}, {`[^a-z]+`, ReIgnoreCase}, {`K+`, ReIgnoreCase}, {`(?i)s+`, 0},
	{`i`, ReIgnoreCase | ReASCII}, {`[h-k]`, ReIgnoreCase}, {`[^i]`, ReIgnoreCase}, {`^bearer\s+(\S+)$`, ReIgnoreCase},
	{`[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}`, ReIgnoreCase}, {`[!-~]+`, ReIgnoreCase},
	{`[^\d\s]+`, 0}, {`[\W\d]`, 0}, {`(a)(?:x|(b))*`, 0}, {`\b|x`, 0}, {`(?a)\w\b`, 0}, {`\Bb`, 0},
}

// reDiffInputs are the subjects every pattern runs on.
var reDiffInputs = []string{
	"", "abc", "abcd", "aab", "a\n", "\n", "x\ny\n", "abc\n", "foo bar_baz 42", "héllo wörld ٣٤ ¹²",
	"  tabs\tand\u00a0nbsp\u2028 ", "ǅ Ⅻ ² ½", "a1_b2-c3", "İstanbul ſ K", "\u212aelvin ıi İI Bearer tok", "BEARER  x.y", "@user123 #tag @x #a1 x#bc ##dd", "2024-01-02",
	"v1.2.3-beta.1", "1.2.3", "01.2.3", "a.b@example.com", "A.B@Example.COM\n", "abcabc", "x]a\\-", "a{2}a{,}",
	`127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /a.gif HTTP/1.0" 200 2326`, "4111 1111-1111 1111 x",
	"a  ,b,  c", "aaa", "ba", "$5.00 and $7", "Ab\u00e9\u00e0\u00ff", "\u00e9\u00e9", "\x00A",
}

// reOracle is the CPython side of the differential test.
const reOracle = `
import json, re, sys
req = json.load(sys.stdin)
out = []
def spans(m):
    return None if m is None else [list(m.span(g)) for g in range(m.re.groups + 1)]
for p in req["patterns"]:
    rx = re.compile(p["pat"], p["flags"])
    rows = []
    for s in req["inputs"]:
        m = rx.search(s)
        rows.append({
            "search": spans(m),
            "match": spans(rx.match(s)),
            "full": spans(rx.fullmatch(s)),
            "findall": [list(x) if isinstance(x, tuple) else x for x in rx.findall(s)],
            "sub": rx.sub(p["repl"], s),
            "subn1": list(rx.subn(p["repl"], s, 1)),
            "split": rx.split(s),
            "split1": rx.split(s, 1),
            "groupdict": None if m is None else m.groupdict("-"),
            "groups": None if m is None else list(m.groups()),
        })
    out.append(rows)
json.dump(out, sys.stdout)
`

func reRepl(groups int) string {
	if groups == 0 {
		return `<\g<0>>`
	}
	return `[\1|\g<0>]\n`
}

func TestReDifferential(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		if os.Getenv("COVETGEN_SKIP_PYTHON") == "1" {
			t.Skip("python3 not found (COVETGEN_SKIP_PYTHON=1)")
		}
		t.Fatal("python3 is needed as the test oracle (set COVETGEN_SKIP_PYTHON=1 to skip)")
	}
	type pat struct {
		Pat   string `json:"pat"`
		Flags int    `json:"flags"`
		Repl  string `json:"repl"`
	}
	var req struct {
		Patterns []pat    `json:"patterns"`
		Inputs   []string `json:"inputs"`
	}
	req.Inputs = reDiffInputs
	var goRows [][]map[string]any
	for _, p := range reDiffPatterns {
		rp, err := ReCompile(p.pat, p.flags)
		if err != nil {
			t.Fatalf("ReCompile(%q, %d): %v", p.pat, p.flags, err)
		}
		repl := reRepl(rp.syn.groups)
		req.Patterns = append(req.Patterns, pat{p.pat, p.flags, repl})
		var rows []map[string]any
		for _, s := range reDiffInputs {
			row := map[string]any{}
			spans := func(v Value) any {
				m, ok := v.(*ReMatch)
				if !ok {
					return nil
				}
				var out [][2]int
				for g := 0; g <= rp.syn.groups; g++ {
					sp, _ := ReSpan(m, IntOf(int64(g)), 2)
					out = append(out, [2]int{int(toI(sp.(Tuple)[0])), int(toI(sp.(Tuple)[1]))})
				}
				return out
			}
			for mode, key := range []string{"search", "match", "full"} {
				v, err := ReSearch(rp, Str(s), mode)
				if err != nil {
					t.Fatal(err)
				}
				row[key] = spans(v)
			}
			row["findall"] = reMust(t, func() (Value, error) { return ReFindall(rp, Str(s)) })
			row["sub"] = reMust(t, func() (Value, error) { return ReSub(rp, Str(repl), Str(s), IntOf(0), false) })
			row["subn1"] = reMust(t, func() (Value, error) { return ReSub(rp, Str(repl), Str(s), IntOf(1), true) })
			row["split"] = reMust(t, func() (Value, error) { return ReSplit(rp, Str(s), IntOf(0)) })
			row["split1"] = reMust(t, func() (Value, error) { return ReSplit(rp, Str(s), IntOf(1)) })
			m, _ := ReSearch(rp, Str(s), 0)
			row["groupdict"], row["groups"] = nil, nil
			if _, ok := m.(*ReMatch); ok {
				row["groupdict"] = reMust(t, func() (Value, error) { return ReGroupdict(m, Str("-")) })
				row["groups"] = reMust(t, func() (Value, error) { return ReGroups(m, None) })
			}
			rows = append(rows, row)
		}
		goRows = append(goRows, rows)
	}
	body, _ := json.Marshal(req)
	cmd := exec.Command("python3", "-c", reOracle)
	cmd.Stdin = bytes.NewReader(body)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("oracle: %v\n%s", err, errb.String())
	}
	var want [][]map[string]any
	if err := json.Unmarshal(out.Bytes(), &want); err != nil {
		t.Fatal(err)
	}
	gb, _ := json.Marshal(goRows)
	var got [][]map[string]any
	if err := json.Unmarshal(gb, &got); err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, p := range reDiffPatterns {
		for j, s := range reDiffInputs {
			for k, w := range want[i][j] {
				n++
				if g := got[i][j][k]; !reflect.DeepEqual(g, w) {
					t.Errorf("pattern %q flags %d on %q: %s\n python: %v\n     go: %v", p.pat, p.flags, s, k, w, g)
				}
			}
		}
	}
	t.Logf("%d patterns x %d inputs: %d results compared", len(reDiffPatterns), len(reDiffInputs), n)
}

func toI(v Value) int64 {
	i, _ := v.(Int).Int64()
	return i
}

// reMust runs fn and returns its result as plain Go data (for JSON).
func reMust(t *testing.T, fn func() (Value, error)) any {
	t.Helper()
	v, err := fn()
	if err != nil {
		t.Fatal(err)
	}
	return rePlain(v)
}

func rePlain(v Value) any {
	switch x := v.(type) {
	case Str:
		return string(x)
	case Int:
		i, _ := x.Int64()
		return i
	case NoneType:
		return nil
	case Tuple:
		out := []any{}
		for _, it := range x {
			out = append(out, rePlain(it))
		}
		return out
	case *List:
		out := []any{}
		for _, it := range x.Items {
			out = append(out, rePlain(it))
		}
		return out
	case *Dict:
		out := map[string]any{}
		for i, k := range x.Keys() {
			out[string(k.(Str))] = rePlain(x.Values()[i])
		}
		return out
	}
	return "?" + v.TypeName()
}

// TestConvertReRefusals checks that the constructs whose meaning Go's regexp cannot give
// are refused, naming them.
func TestConvertReRefusals(t *testing.T) {
	for _, c := range []struct {
		pat   string
		flags int
		why   string
	}{
		{`(?<!\w\w)#(\w{2,30})`, 0, "lookbehind assertion of other than one character"},
		{`a(?=bc)`, 0, "lookahead assertion of other than one character"},
		{`a(?!b|c)`, 0, "lookahead assertion of other than one character"},
		{`a(?=(b))`, 0, "lookahead assertion of other than one character"},
		{`a(?=b)*`, 0, "empty string"},
		{`(a)\1`, 0, "backreference"},
		{`(?P<x>a)(?P=x)`, 0, "backreference"},
		{`(?>a+)`, 0, "atomic group"},
		{`a++`, 0, "possessive"},
		{`(a*)*`, 0, "empty string"},
		{`(a|)+`, 0, "empty string"},
		{`(?:\b)*`, 0, "empty string"},
		{`a**`, 0, "multiple repeat"},
		{`*a`, 0, "nothing to repeat"},
		{`^*`, 0, "nothing to repeat"},
		{`(?i:a)`, 0, "inline flags"},
		{`a(?i)`, 0, "inline flags"},
		{`é`, ReIgnoreCase, "non-ASCII cased character"},
		{`[a-é]`, ReIgnoreCase, "non-ASCII cased character"},
		{`\u212a`, ReIgnoreCase, "non-ASCII cased character"},
		{`[\wa]`, ReIgnoreCase, "mixing letters"},
		{`[^\da-f]`, ReIgnoreCase, "mixing letters"},
		{`\N{EM DASH}`, 0, "named character"},
		{`\q`, 0, "bad escape"},
		{`(a`, 0, "missing )"},
		{`a)`, 0, "unbalanced"},
		{`[a`, 0, "unterminated character set"},
		{`[z-a]`, 0, "bad character range"},
		{`[\w-z]`, 0, "bad character range"},
		{`a{1001}`, 0, "above 1000"},
		{`a{3,2}`, 0, "min repeat greater"},
		{`(?(1)a|b)`, 0, "conditional"},
		{`a`, ReLocale, "LOCALE"},
		{`(?P<1x>a)`, 0, "group name"},
	} {
		_, err := ConvertRe(c.pat, c.flags)
		if err == nil || !strings.Contains(err.Error(), c.why) {
			t.Errorf("ConvertRe(%q, %d) = %v, want a refusal naming %q", c.pat, c.flags, err, c.why)
		}
	}
}

// TestReTemplate checks sub() templates against CPython's rules.
func TestReTemplate(t *testing.T) {
	idx := map[string]int{"a": 1}
	for _, c := range []struct {
		tmpl, err string
		parts     []reTemplatePart
	}{
		{`x\1y`, "", []reTemplatePart{{"x", -1}, {"", 1}, {"y", -1}}},
		{`\g<a>\g<0>`, "", []reTemplatePart{{"", 1}, {"", 0}}},
		{`\n\.`, "", []reTemplatePart{{"\n\\.", -1}}},
		{`\101\0`, "", []reTemplatePart{{"A\x00", -1}}},
		{`\2`, "invalid group reference 2", nil},
		{`\g<b>`, "unknown group name 'b'", nil},
		{`\q`, `bad escape \q`, nil},
		{`\g<1x>`, "bad character in group name '1x'", nil},
	} {
		parts, err := ParseReTemplate(c.tmpl, 1, idx)
		if c.err != "" {
			if err == nil || err.(*Exception).Msg != c.err {
				t.Errorf("ParseReTemplate(%q) error %v, want %q", c.tmpl, err, c.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(parts, c.parts) {
			t.Errorf("ParseReTemplate(%q) = %v, %v; want %v", c.tmpl, parts, err, c.parts)
		}
	}
}

// TestReLargeInput runs a search on an input beyond the visited set's bound (the
// executor then backtracks without it) and checks it against the bounded path.
func TestReLargeInput(t *testing.T) {
	p, err := ReCompile(`(\w+)@(\w+)\.com\b`, 0)
	if err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("word ", reMaxVisited/len(p.prog.prog.Inst)/5+1) + "bob@example.com"
	for _, s := range []string{big, "x bob@example.com"} {
		got, err := ReFindall(p, Str(s))
		if err != nil {
			t.Fatal(err)
		}
		l := got.(*List)
		if len(l.Items) != 1 || !reflect.DeepEqual(rePlain(l.Items[0]), []any{"bob", "example"}) {
			t.Errorf("findall on %d chars: %v", len(s), rePlain(got))
		}
	}
}

// TestReSubFunc checks a callable replacement's None and type error as CPython's.
func TestReSubFunc(t *testing.T) {
	p, _ := ReCompile("a", 0)
	v, err := ReSubFunc(p, func(Value) (Value, error) { return None, nil }, Str("xay"), IntOf(0), false)
	if err != nil || v != Str("xy") {
		t.Errorf("None replacement: %v %v", v, err)
	}
	_, err = ReSubFunc(p, func(Value) (Value, error) { return IntOf(1), nil }, Str("xay"), IntOf(0), false)
	if e, ok := err.(*Exception); !ok || e.Class != "TypeError" || e.Msg != "sequence item 1: expected str instance, int found" {
		t.Errorf("int replacement: %v", err)
	}
}
