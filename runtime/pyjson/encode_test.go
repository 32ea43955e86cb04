package pyjson

import (
	"encoding/base64"
	"encoding/json"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/runtime/internal/pyoracle"
)

// encodeScript rebuilds a Python value from a tagged form and dumps it.
const encodeScript = `
def build(t):
    k = t[0]
    if k == "n": return None
    if k == "b": return bool(t[1])
    if k == "i": return int(t[1])
    if k == "f": return float(t[1])
    if k == "s": return base64.b64decode(t[1]).decode("utf-8", "surrogatepass")
    if k == "l": return [build(x) for x in t[1]]
    d = {}
    for key, v in t[1]:
        d[base64.b64decode(key).decode("utf-8", "surrogatepass")] = build(v)
    return d
def handle(case):
    try:
        s = json.dumps(build(case["v"]), ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        return {"out": base64.b64encode(s.encode("utf-8")).decode()}
    except UnicodeEncodeError:
        return {"err": "unicode"}
    except ValueError as e:
        return {"err": "value"}
`

// tagged converts an encoder input into the oracle's tagged form.
func tagged(v any) any {
	switch x := v.(type) {
	case nil:
		return []any{"n"}
	case bool:
		return []any{"b", x}
	case int:
		return []any{"i", big.NewInt(int64(x)).String()}
	case *big.Int:
		return []any{"i", x.String()}
	case float64:
		return []any{"f", string(AppendFloatRepr(nil, x))}
	case string:
		return []any{"s", base64.StdEncoding.EncodeToString([]byte(x))}
	case []any:
		l := []any{}
		for _, e := range x {
			l = append(l, tagged(e))
		}
		return []any{"l", l}
	case Dict:
		l := []any{}
		for _, m := range x {
			l = append(l, []any{base64.StdEncoding.EncodeToString([]byte(m.Key)), tagged(m.Value)})
		}
		return []any{"d", l}
	}
	panic("untaggable")
}

func TestMarshalMatchesPython(t *testing.T) {
	huge, _ := new(big.Int).SetString(strings.Repeat("9", 4300), 10)
	tooHuge := new(big.Int).Mul(huge, big.NewInt(10))
	negHuge := new(big.Int).Neg(huge)
	var ctl strings.Builder
	for c := 0; c < 0x80; c++ {
		ctl.WriteByte(byte(c))
	}
	values := []any{
		nil, true, false, 0, -1, 1 << 62, big.NewInt(0), huge, negHuge, tooHuge,
		0.0, math.Copysign(0, -1), 1.0, 1e-5, 1e16, 1e-7, 2.5, math.NaN(), math.Inf(1), math.Inf(-1),
		"", "abc", ctl.String(), "é日本😀", "\u2028\u2029\u00a0\ufeff", "quote\"back\\slash/", "\x7f\x1f",
		"\xed\xa0\x80", "a\xed\xbf\xbfb",
		[]any{}, []any{1, "a", nil, []any{2.5, true}}, []any{math.NaN()},
		Dict{}, Dict{{"b", 1}, {"a", Dict{{"x", []any{}}}}, {"", "e"}}, Dict{{"\n", 1}, {"é", "\x00"}},
		Dict{{"k", math.Inf(1)}}, Dict{{"\xed\xa0\x80", 1}},
	}
	cases := make([]any, len(values))
	for i, v := range values {
		cases[i] = map[string]any{"v": tagged(v)}
	}
	for i, a := range pyoracle.Run(t, encodeScript, cases) {
		var want struct{ Out, Err string }
		if err := json.Unmarshal(a, &want); err != nil {
			t.Fatal(err)
		}
		got, err := Marshal(values[i])
		if want.Err != "" {
			ee, ok := err.(*EncodeError)
			if !ok || (want.Err == "unicode") != (ee.Msg == msgUnicode) {
				t.Errorf("Marshal(%#v): err %v, want %s error", values[i], err, want.Err)
			}
			continue
		}
		wantOut, _ := base64.StdEncoding.DecodeString(want.Out)
		if err != nil || string(got) != string(wantOut) {
			t.Errorf("Marshal(%#v) = %q, %v\nwant %q", values[i], clip(got), err, clip(wantOut))
		}
	}
}

func TestDictSet(t *testing.T) {
	var d Dict
	d.Set("a", 1)
	d.Set("b", 2)
	d.Set("a", 3)
	out, _ := Marshal(&d)
	if string(out) != `{"a":3,"b":2}` {
		t.Errorf("%s", out)
	}
	if _, err := Marshal(struct{}{}); err == nil {
		t.Error("struct encoded")
	}
}
