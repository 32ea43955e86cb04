package validate

import (
	"testing"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// TestAliasLookup checks AliasChoices(AliasPath("meta", "key"), "key", "k") and
// AliasPath("xs", -1) / AliasPath("xs", 0, "a") lookups against what pydantic 2.13
// finds for the same inputs (model_validate of a dict).
func TestAliasLookup(t *testing.T) {
	keySlots := map[string]int{"meta": 0, "key": 1, "k": 2, "xs": 3}
	choices := []AliasPath{
		{Slot: 0, Loc: []LocItem{Key("meta"), Key("key")}},
		{Slot: 1, Loc: []LocItem{Key("key")}},
		{Slot: 2, Loc: []LocItem{Key("k")}},
	}
	last := []AliasPath{{Slot: 3, Loc: []LocItem{Key("xs"), Index(-1)}}}
	deep := []AliasPath{{Slot: 3, Loc: []LocItem{Key("xs"), Index(0), Key("a")}}}
	tests := []struct {
		in      string
		choices []AliasPath
		want    int    // choice index, -1 for none
		value   string // the value found, as JSON
	}{
		{`{}`, choices, -1, ``},
		{`{"meta":{"key":"x"}}`, choices, 0, `"x"`},
		{`{"meta":"abc","k":"z"}`, choices, 2, `"z"`},
		{`{"meta":{"key":null},"key":3}`, choices, 0, `null`},
		{`{"key":"q","meta":{}}`, choices, 1, `"q"`},
		{`{"meta":[{"key":1}],"k":1}`, choices, 2, `1`},
		{`{"xs":[1,"b"]}`, last, 0, `"b"`},
		{`{"xs":"ab"}`, last, -1, ``},
		{`{"xs":{"-1":3}}`, last, -1, ``},
		{`{"xs":[]}`, last, -1, ``},
		{`{"xs":[1,2,3]}`, last, 0, `3`},
		{`{"xs":[{"a":"z"}]}`, deep, 0, `"z"`},
		{`{"xs":{"0":{"a":1}}}`, deep, -1, ``},
	}
	for _, tc := range tests {
		d, err := pyjson.Parse([]byte(tc.in))
		if err != nil {
			t.Fatal(err)
		}
		var in [4]pyjson.Value
		Collect(d.Root(), in[:], func(k string) int {
			if i, ok := keySlots[k]; ok {
				return i
			}
			return -1
		})
		v, c := AliasLookup(in[:], tc.choices)
		if c != tc.want {
			t.Errorf("%s: choice %d, want %d", tc.in, c, tc.want)
			continue
		}
		if c >= 0 {
			got, err := pyjson.Append(nil, v)
			if err != nil || string(got) != tc.value {
				t.Errorf("%s: value %s (%v), want %s", tc.in, got, err, tc.value)
			}
		}
	}
}

// TestPushLoc checks that an alias path's location is entered and left whole.
func TestPushLoc(t *testing.T) {
	s := NewState()
	s.PushKey("body")
	loc := []LocItem{Key("address"), Key("city")}
	s.PushLoc(loc)
	s.Add(newErr("string_type", "Input should be a valid string", pyjson.Value{}))
	s.PopLoc(len(loc))
	s.Pop()
	if len(s.loc) != 0 {
		t.Fatalf("loc left %v", s.loc)
	}
	got := s.errs[0].Loc
	if len(got) != 3 || got[0].Key != "body" || got[1].Key != "address" || got[2].Key != "city" {
		t.Fatalf("loc %v", got)
	}
}
