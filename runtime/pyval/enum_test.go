package pyval

import (
	"testing"

	"github.com/covetpy/covetgen/runtime/validate"
)

// Expected values are CPython 3.11's (see codegen/translate/testdata/diff/ext.snip for
// the differential tests of these kinds).
func TestEnumUUID(t *testing.T) {
	region := NewEnumClass("Region", "m.Region", "str", []string{"eu", "us"}, []Value{Str("eu"), Str("us")})
	region2 := NewEnumClass("Region", "m.Region", "str", []string{"eu", "us"}, []Value{Str("eu"), Str("us")})
	other := NewEnumClass("Other", "m.Other", "str", []string{"eu"}, []Value{Str("eu")})
	plain := NewEnumClass("Color", "m.Color", "", []string{"RED"}, []Value{Str("eu")})
	level := NewEnumClass("Level", "m.Level", "int", []string{"info"}, []Value{IntOf(20)}).StrIsValue()
	eu := region.Member(0)
	checks := []struct {
		name string
		got  bool
	}{
		{"eu is eu (other descriptor)", Is(eu, region2.Member(0))},
		{"eu == 'eu'", Eq(eu, Str("eu"))},
		{"'eu' == eu", Eq(Str("eu"), eu)},
		{"eu == Other.eu (str.__eq__)", Eq(eu, other.Member(0))},
		{"eu is not Other.eu", !Is(eu, other.Member(0))},
		{"Color.RED != 'eu'", !Eq(plain.Member(0), Str("eu"))},
		{"Color.RED != Region.eu", !Eq(plain.Member(0), eu)},
		{"Level.info == 20.0", Eq(level.Member(0), Float(20))},
	}
	for _, c := range checks {
		if !c.got {
			t.Errorf("%s: false", c.name)
		}
	}
	strs := map[string]Value{"Region.eu": eu, "20": level.Member(0), "Color.RED": plain.Member(0)}
	for want, v := range strs {
		if s, _ := StrOf(v); string(s) != want {
			t.Errorf("str = %q, want %q", s, want)
		}
	}
	if r, _ := Repr(eu); r != "<Region.eu: 'eu'>" {
		t.Errorf("repr = %s", r)
	}
	if b, err := AppendJSONable(nil, NewList(eu, level.Member(0))); err != nil || string(b) != `["eu",20]` {
		t.Errorf("encoding = %s %v", b, err)
	}
	u, _ := validate.UUIDFromString("6f1c5e6a-8d2b-4f4c-9a77-0c1d2e3f4a5b")
	ncs, _ := validate.UUIDFromString("12345678-1234-5678-1234-567812345678")
	if UUID(u).Hex() != "6f1c5e6a8d2b4f4c9a770c1d2e3f4a5b" || !Eq(UUID(u).Version(), IntOf(4)) || !IsNone(UUID(ncs).Version()) {
		t.Errorf("hex/version: %s %v %v", UUID(u).Hex(), UUID(u).Version(), UUID(ncs).Version())
	}
	if r, _ := Repr(UUID(u)); r != "UUID('6f1c5e6a-8d2b-4f4c-9a77-0c1d2e3f4a5b')" {
		t.Errorf("repr = %s", r)
	}
	if b, _ := AppendJSONable(nil, UUID(u)); string(b) != `"6f1c5e6a-8d2b-4f4c-9a77-0c1d2e3f4a5b"` {
		t.Errorf("encoding = %s", b)
	}
}
