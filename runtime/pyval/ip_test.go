package pyval

import (
	"encoding/json"
	"testing"

	"github.com/covetpy/covetgen/runtime/internal/pyoracle"
	"github.com/covetpy/covetgen/runtime/validate"
)

// ipScript validates each case's texts with pydantic (a parameter string, python mode)
// and answers type(v).__name__, str(v), repr(v), bool(v), jsonable_encoder(v) (str() for
// the ipaddress classes) as json.dumps writes it, and v == w for the second value w.
const ipScript = `
import ipaddress, pydantic
from pydantic import TypeAdapter
def typ(name):
    return getattr(ipaddress, name, None) or getattr(pydantic, name)
def handle(case):
    v = TypeAdapter(typ(case["t"])).validate_python(case["in"])
    w = TypeAdapter(typ(case["t2"])).validate_python(case["in2"])
    return {"type": type(v).__name__, "str": str(v), "repr": repr(v), "bool": bool(v),
            "json": json.dumps(str(v), separators=(",", ":")), "eq": v == w, "req": w == v}
`

// TestIPMatchesCPython compares the type name, str(), repr(), bool(), jsonable_encoder
// output and == of IP values with CPython's.
func TestIPMatchesCPython(t *testing.T) {
	cases := []struct{ typ, in, typ2, in2 string }{
		{"IPv4Address", "10.0.0.5", "IPv4Address", "10.0.0.5"},
		{"IPv4Address", "10.0.0.5", "IPv4Address", "10.0.0.6"},
		{"IPv4Address", "10.0.0.5", "IPv4Interface", "10.0.0.5"},
		{"IPv4Address", "10.0.0.5", "IPv4Network", "10.0.0.5"},
		{"IPv4Interface", "10.0.0.5/24", "IPv4Interface", "10.0.0.5/255.255.255.0"},
		{"IPv4Interface", "10.0.0.5/24", "IPv4Interface", "10.0.0.5/25"},
		{"IPv4Network", "10.0.0.0/24", "IPv4Network", "10.0.0.0/0.0.0.255"},
		{"IPv4Network", "10.0.0.0/24", "IPv6Network", "::/24"},
		{"IPv4Address", "0.0.0.0", "IPv6Address", "::"},
		{"IPv6Address", "::1", "IPv6Address", "0:0:0:0:0:0:0:1"},
		{"IPv6Address", "fe80::1%eth0", "IPv6Address", "fe80::1"},
		{"IPv6Address", "fe80::1%eth0", "IPv6Address", "FE80::1%eth0"},
		{"IPv6Address", "::ffff:1.2.3.4", "IPvAnyAddress", "::ffff:102:304"},
		{"IPv6Address", "fe80::1%it's \"x\"", "IPv6Address", "::"},
		{"IPv6Network", "2001:db8::/32", "IPv6Network", "2001:DB8::/32"},
		{"IPv6Network", "fe80::%eth0/64", "IPv6Network", "fe80::/64"},
		{"IPv6Interface", "fe80::1%eth0/64", "IPv6Interface", "fe80::1%eth0/64"},
		{"IPvAnyAddress", "1.2.3.4", "IPv4Address", "1.2.3.4"},
		{"IPvAnyNetwork", "::/0", "IPv6Network", "::/0"},
		{"IPvAnyInterface", "1.2.3.4/8", "IPv4Interface", "1.2.3.4/8"},
		{"IPv4Interface", "0.0.0.0/0", "IPv4Network", "0.0.0.0/0"},
	}
	var in []any
	for _, c := range cases {
		in = append(in, map[string]string{"t": c.typ, "in": c.in, "t2": c.typ2, "in2": c.in2})
	}
	answers := pyoracle.Run(t, ipScript, in)
	for i, a := range answers {
		var want struct {
			Type, Str, Repr, JSON string
			Bool, Eq, REq         bool
		}
		if err := json.Unmarshal(a, &want); err != nil || want.Type == "" {
			t.Fatalf("%v: oracle answered %s", cases[i], a)
		}
		c := cases[i]
		v, w := ipOf(t, c.typ, c.in), ipOf(t, c.typ2, c.in2)
		s, _ := StrOf(v)
		r, _ := Repr(v)
		j, err := AppendJSONable(nil, v)
		if err != nil {
			t.Errorf("%v: jsonable: %v", c, err)
		}
		got := []any{v.TypeName(), string(s), string(r), Truthy(v), string(j), Eq(v, w), Eq(w, v)}
		exp := []any{want.Type, want.Str, want.Repr, want.Bool, want.JSON, want.Eq, want.REq}
		for k := range got {
			if got[k] != exp[k] {
				t.Errorf("%v: [%d] got %v, want %v", c, k, got[k], exp[k])
			}
		}
		// What the bridge and ValidationInput send validates back to the same value.
		vi, err := ValidationInput(v)
		if err != nil {
			t.Fatalf("%v: ValidationInput: %v", c, err)
		}
		ty, _ := validate.IPTypeNamed(v.TypeName())
		back, verr := ty.FromJSON(vi)
		if verr != nil || IP(back) != v {
			t.Errorf("%v: ValidationInput %v does not validate back: %v", c, vi, verr)
		}
	}
}

func ipOf(t *testing.T, typ, s string) Value {
	t.Helper()
	ty, ok := validate.IPTypeNamed(typ)
	if !ok {
		t.Fatalf("no IP type %s", typ)
	}
	x, err := ty.FromString(s)
	if err != nil {
		t.Fatalf("%s %q: %v", typ, s, err)
	}
	return IP(x)
}
