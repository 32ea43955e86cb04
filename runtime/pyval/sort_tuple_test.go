package pyval

import (
	"reflect"
	"testing"
)

// TestSortedTupleKey checks SortedTupleKey against Sorted with a key building the tuple:
// the same order (stable, reverse), the same errors.
func TestSortedTupleKey(t *testing.T) {
	row := func(id int64, v Value) Value { return DictOf(Str("id"), IntOf(id), Str("v"), v) }
	rows := NewList(row(3, Float(2.5)), row(1, IntOf(1)), row(2, Float(2.5)), row(4, Float(1)), row(5, Bool(true)))
	mixed := NewList(row(1, IntOf(1)), row(2, Str("a")))
	nan := NewList(row(1, Float(2)), row(2, Float(nanValue())), row(3, Float(1)))
	field := func(item Value, name string) Value {
		v, _ := GetItem(item, Str(name))
		return v
	}
	tupleKey := func(item Value) (Value, error) { return Tuple{field(item, "v"), field(item, "id")}, nil }
	flatKey := func(item Value, k []Value) (Value, error) {
		k[0], k[1] = field(item, "v"), field(item, "id")
		return nil, nil
	}
	for _, tc := range []struct {
		name     string
		in       Value
		reverses []Value
	}{
		{"numbers", rows, []Value{nil, True, False, IntOf(2)}},
		{"mixed types", mixed, []Value{nil, True}},
		{"nan", nan, []Value{nil, True}},
		{"empty", NewList(), []Value{nil, True}},
		{"bad reverse", rows, []Value{Str("x"), None}},
	} {
		for _, rev := range tc.reverses {
			want, werr := Sorted(tc.in, tupleKey, rev)
			got, gerr := SortedTupleKey(tc.in, 2, flatKey, rev)
			if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
				t.Errorf("%s, reverse=%v: error %v, want %v", tc.name, rev, gerr, werr)
				continue
			}
			if werr == nil && !reflect.DeepEqual(got, want) {
				gr, _ := Repr(got)
				wr, _ := Repr(want)
				t.Errorf("%s, reverse=%v: %s, want %s", tc.name, rev, gr, wr)
			}
		}
	}
	boom := raise("KeyError", "'v'")
	if _, err := SortedTupleKey(rows, 1, func(Value, []Value) (Value, error) { return nil, boom }, nil); err != error(boom) {
		t.Errorf("a failing key: %v, want %v", err, boom)
	}
}
