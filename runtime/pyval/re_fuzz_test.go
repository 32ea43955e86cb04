package pyval

import (
	"encoding/json"
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// reRandomPattern builds a random pattern from the constructs ConvertRe accepts (and a
// few it refuses), over a small alphabet so that matches are frequent.
func reRandomPattern(r *rand.Rand, depth int) string {
	atoms := []string{"a", "b", "c", ".", `\d`, `\w`, `\s`, `\W`, "[ab]", "[^a]", "[a-c]", `[\d_]`, "x", `\.`, "é", " "}
	var b strings.Builder
	n := 1 + r.Intn(4)
	for i := 0; i < n; i++ {
		switch k := r.Intn(14); {
		case k < 7 || depth > 2:
			b.WriteString(atoms[r.Intn(len(atoms))])
		case k == 7:
			b.WriteString("(" + reRandomPattern(r, depth+1) + ")")
		case k == 8:
			b.WriteString("(?:" + reRandomPattern(r, depth+1) + "|" + reRandomPattern(r, depth+1) + ")")
		case k == 9:
			b.WriteString([]string{"^", "$", `\b`, `\B`, `\A`, `\Z`}[r.Intn(6)])
			continue
		case k == 10:
			b.WriteString([]string{"(?<!a)", "(?=b)", "(?!\\w)", "(?<=\\s)"}[r.Intn(4)])
			continue
		case k == 11:
			b.WriteString("(?P<g" + string(rune('a'+i)) + ">" + reRandomPattern(r, depth+1) + ")")
		default:
			b.WriteString(atoms[r.Intn(len(atoms))])
		}
		if r.Intn(3) == 0 {
			b.WriteString([]string{"*", "+", "?", "{2}", "{1,3}", "{,2}", "*?", "+?", "??", "{2,}?"}[r.Intn(10)])
		}
	}
	return b.String()
}

// TestReRandomDifferential compares random patterns (those ConvertRe accepts) with
// python3's re on random subjects: search spans, findall, sub and split.
func TestReRandomDifferential(t *testing.T) {
	r := rand.New(rand.NewSource(42))
	type pat struct {
		Pat   string `json:"pat"`
		Flags int    `json:"flags"`
	}
	var pats []pat
	var progs []*RePattern
	refused := 0
	for len(pats) < 400 {
		p := reRandomPattern(r, 0)
		flags := []int{0, 0, 0, ReMultiline, ReDotAll, ReIgnoreCase, ReASCII}[r.Intn(7)]
		rp, err := ReCompile(p, flags)
		if err != nil {
			refused++
			continue
		}
		pats = append(pats, pat{p, flags})
		progs = append(progs, rp)
	}
	var inputs []string
	alpha := []string{"a", "b", "c", "x", " ", "\n", "1", "_", ".", "é", "A", "٣", "-"}
	for i := 0; i < 25; i++ {
		var b strings.Builder
		for k := r.Intn(9); k > 0; k-- {
			b.WriteString(alpha[r.Intn(len(alpha))])
		}
		inputs = append(inputs, b.String())
	}
	var want [][]json.RawMessage
	pyOracle(t, `
import json, re, sys
req = json.load(sys.stdin)
out = []
for p in req["pats"]:
    try:
        rx = re.compile(p["pat"], p["flags"])
    except re.error as e:
        out.append(["error: " + str(e)])
        continue
    rows = []
    for s in req["inputs"]:
        m = rx.search(s)
        rows.append([None if m is None else [list(m.span(g)) for g in range(rx.groups + 1)],
                     [list(x) if isinstance(x, tuple) else x for x in rx.findall(s)],
                     rx.sub("<\\g<0>>", s), rx.split(s)])
    out.append(rows)
json.dump(out, sys.stdout)
`, map[string]any{"pats": pats, "inputs": inputs}, &want)
	for i, p := range pats {
		if len(want[i]) == 1 && len(inputs) != 1 {
			t.Errorf("pattern %q flags %d: accepted, but CPython says %s", p.Pat, p.Flags, want[i][0])
			continue
		}
		for j, s := range inputs {
			var row []any
			m, _ := ReSearch(progs[i], Str(s), 0)
			if mm, ok := m.(*ReMatch); ok {
				var spans []any
				for g := 0; g <= progs[i].syn.groups; g++ {
					sp, _ := ReSpan(mm, IntOf(int64(g)), 2)
					spans = append(spans, rePlain(sp))
				}
				row = append(row, spans)
			} else {
				row = append(row, nil)
			}
			fa, _ := ReFindall(progs[i], Str(s))
			sub, _ := ReSub(progs[i], Str(`<\g<0>>`), Str(s), IntOf(0), false)
			sp, _ := ReSplit(progs[i], Str(s), IntOf(0))
			row = append(row, rePlain(fa), rePlain(sub), rePlain(sp))
			gb, _ := json.Marshal(row)
			var got, exp any
			json.Unmarshal(gb, &got)
			json.Unmarshal(want[i][j], &exp)
			if !reflect.DeepEqual(got, exp) {
				t.Errorf("pattern %q flags %d on %q:\n python: %s\n     go: %s", p.Pat, p.Flags, s, want[i][j], gb)
			}
		}
	}
	t.Logf("%d random patterns accepted (%d refused) x %d inputs", len(pats), refused, len(inputs))
}
