package pyval

import (
	"encoding/json"
	"testing"

	"github.com/covetpy/covetgen/runtime/internal/pyoracle"
)

// ipContainsScript answers `w in v` for pydantic-validated ipaddress values: its result,
// or the exception's class and message.
const ipContainsScript = `
import ipaddress, pydantic
from pydantic import TypeAdapter
def typ(name):
    return getattr(ipaddress, name, None) or getattr(pydantic, name)
def handle(case):
    v = TypeAdapter(typ(case["t"])).validate_python(case["in"])
    w = TypeAdapter(typ(case["t2"])).validate_python(case["in2"]) if case["t2"] else case["in2"]
    try:
        return {"in": w in v}
    except Exception as e:
        return {"exc": type(e).__name__ + ": " + str(e)}
`

// TestIPContainsMatchesCPython compares `item in container` for ipaddress containers
// (networks hold addresses and interfaces of their version) with CPython's.
func TestIPContainsMatchesCPython(t *testing.T) {
	cases := []struct{ typ, in, typ2, in2 string }{
		{"IPv4Network", "10.0.0.0/8", "IPv4Address", "10.1.2.3"},
		{"IPv4Network", "10.0.0.0/8", "IPv4Address", "11.0.0.1"},
		{"IPv4Network", "10.0.0.0/8", "IPv4Address", "9.255.255.255"},
		{"IPv4Network", "10.0.0.0/32", "IPv4Address", "10.0.0.0"},
		{"IPv4Network", "0.0.0.0/0", "IPv4Address", "255.1.2.3"},
		{"IPv4Network", "192.168.0.0/23", "IPv4Address", "192.168.1.200"},
		{"IPv4Network", "192.168.0.0/23", "IPv4Address", "192.168.2.0"},
		{"IPv4Network", "10.0.0.0/8", "IPv4Interface", "10.9.9.9/30"},
		{"IPv4Network", "10.0.0.0/8", "IPv4Network", "10.0.0.0/16"},
		{"IPv4Network", "10.0.0.0/8", "IPv6Address", "::a00:1"},
		{"IPv4Network", "10.0.0.0/8", "", "10.0.0.1"},
		{"IPv6Network", "2001:db8::/32", "IPv6Address", "2001:db8:ffff::1"},
		{"IPv6Network", "2001:db8::/32", "IPv6Address", "2001:db9::1"},
		{"IPv6Network", "2001:db8:0:0:8000::/65", "IPv6Address", "2001:db8::8000:0:0:1"},
		{"IPv6Network", "2001:db8:0:0:8000::/65", "IPv6Address", "2001:db8::1"},
		{"IPv6Network", "::/0", "IPv6Address", "fe80::1%eth0"},
		{"IPv6Network", "::1/128", "IPv6Address", "::1"},
		{"IPv6Network", "::1/128", "IPv4Address", "0.0.0.1"},
		{"IPv4Address", "10.0.0.1", "IPv4Address", "10.0.0.1"},
		{"IPv4Interface", "10.0.0.1/24", "IPv4Address", "10.0.0.2"},
	}
	var in []any
	for _, c := range cases {
		in = append(in, map[string]string{"t": c.typ, "in": c.in, "t2": c.typ2, "in2": c.in2})
	}
	answers := pyoracle.Run(t, ipContainsScript, in)
	for i, a := range answers {
		var want struct {
			In  *bool
			Exc string
		}
		if err := json.Unmarshal(a, &want); err != nil || want.In == nil && want.Exc == "" {
			t.Fatalf("%v: oracle answered %s", cases[i], a)
		}
		c := cases[i]
		v := ipOf(t, c.typ, c.in)
		var w Value = Str(c.in2)
		if c.typ2 != "" {
			w = ipOf(t, c.typ2, c.in2)
		}
		got, err := Contains(v, w)
		switch {
		case want.In != nil && (err != nil || got != *want.In):
			t.Errorf("%v: got %v, %v; want %v", c, got, err, *want.In)
		case want.In == nil && (err == nil || excText(err) != want.Exc):
			t.Errorf("%v: got %v, %v; want %s", c, got, err, want.Exc)
		}
	}
}

// excText is "Class: message" of a raised Python exception.
func excText(err error) string {
	if e, ok := err.(*Exception); ok {
		return e.Class + ": " + e.Msg
	}
	return err.Error()
}
