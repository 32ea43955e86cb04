package bridge

import (
	"encoding/json"
	"testing"

	"github.com/covetpy/covetgen/runtime/internal/pyoracle"
	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/validate"
)

// ipBridgeScript decodes the tagged JSON Go sent ("go") with worker.py and compares it
// with pydantic's validation of the parameter string ("in") as the type ("t"): the same
// class, ==, and the same str() (== ignores nothing but is checked with str for scope ids).
const ipBridgeScript = `
import os, sys, ipaddress, pydantic
sys.path.insert(0, os.getcwd())
import worker
from pydantic import TypeAdapter
def handle(case):
    typ = getattr(ipaddress, case["t"], None) or getattr(pydantic, case["t"])
    want = TypeAdapter(typ).validate_python(case["in"])
    got = worker.decode(json.loads(case["go"]))
    same = got == want and type(got) is type(want) and str(got) == str(want)
    return {"same": same, "got": repr(got), "want": repr(want)}
`

// TestIPCrossesTheBridge sends IP values validated in Go to worker.py's decoder: it
// rebuilds the ipaddress object pydantic builds from the same input.
func TestIPCrossesTheBridge(t *testing.T) {
	cases := []struct{ typ, in string }{
		{"IPv4Address", "10.0.0.5"}, {"IPv4Address", "255.255.255.255"}, {"IPv6Address", "::"},
		{"IPv6Address", "2001:DB8:0:0:8:800:200C:417A"}, {"IPv6Address", "fe80::1%eth0"},
		{"IPv6Address", "::ffff:1.2.3.4"}, {"IPv6Address", `fe80::1%é"\`}, {"IPv4Network", "10.0.0.0/24"},
		{"IPv4Network", "10.0.0.0/0.0.0.255"}, {"IPv4Network", "1.2.3.4"}, {"IPv6Network", "2001:db8::/32"},
		{"IPv6Network", "fe80::%eth0/64"}, {"IPv4Interface", "10.0.0.5/24"}, {"IPv4Interface", "10.0.0.5/255.0.0.0"},
		{"IPv6Interface", "fe80::1%eth0/64"}, {"IPvAnyAddress", "1.2.3.4"}, {"IPvAnyAddress", "::1"},
		{"IPvAnyNetwork", "0.0.0.0/0"}, {"IPvAnyNetwork", "::/0"}, {"IPvAnyInterface", "1.2.3.4/8"},
		{"IPvAnyInterface", "::1/64"},
	}
	var in []any
	for _, c := range cases {
		ty, ok := validate.IPTypeNamed(c.typ)
		if !ok {
			t.Fatalf("no IP type %s", c.typ)
		}
		ip, verr := ty.FromString(c.in)
		if verr != nil {
			t.Fatalf("%v: %v", c, verr)
		}
		b, err := Encode(nil, pyval.IP(ip))
		if err != nil {
			t.Fatalf("%v: %v", c, err)
		}
		in = append(in, map[string]string{"t": c.typ, "in": c.in, "go": string(b)})
	}
	for i, a := range pyoracle.Run(t, ipBridgeScript, in) {
		var ans struct {
			Same      bool
			Got, Want string
		}
		if err := json.Unmarshal(a, &ans); err != nil || ans.Want == "" {
			t.Fatalf("%v: oracle answered %s", cases[i], a)
		}
		if !ans.Same {
			t.Errorf("%v: worker decoded %s, pydantic has %s", cases[i], ans.Got, ans.Want)
		}
	}
}

// TestEncodeIP is the tag's shape.
func TestEncodeIP(t *testing.T) {
	ip, _ := validate.IPvAnyNetwork.FromString("2001:DB8::/32")
	got, err := Encode(nil, pyval.IP(ip))
	want := `{"$t":"ip","cls":"IPv6Network","v":"2001:db8::/32"}`
	if err != nil || string(got) != want {
		t.Errorf("got %s (%v), want %s", got, err, want)
	}
}
