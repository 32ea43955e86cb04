package pyval

import (
	"math"
	"reflect"
	"testing"

	"github.com/covetpy/covetgen/runtime/validate"
)

// TestFieldConv checks which values the field conversions take as they are.
func TestFieldConv(t *testing.T) {
	big := ParseInt("100000000000000000000")
	for _, tc := range []struct {
		name string
		got  func() (any, bool)
		want any
		ok   bool
	}{
		{"str", func() (any, bool) { return StrField(Str("é")) }, "é", true},
		{"str invalid utf-8", func() (any, bool) { return StrField(Str("\xff")) }, "", false},
		{"str from bytes", func() (any, bool) { return StrField(Bytes("a")) }, "", false},
		{"int", func() (any, bool) { return IntField(IntOf(-3)) }, validate.IntOf(-3), true},
		{"int big", func() (any, bool) { return IntField(big) }, big.Validate(), true},
		{"int from bool", func() (any, bool) { return IntField(True) }, validate.Int{}, false},
		{"int from float", func() (any, bool) { return IntField(Float(1)) }, validate.Int{}, false},
		{"float", func() (any, bool) { return FloatField(Float(0.1)) }, 0.1, true},
		{"float from int", func() (any, bool) { return FloatField(IntOf(1 << 53)) }, float64(1 << 53), true},
		{"float from int past 2**53", func() (any, bool) { return FloatField(IntOf(1<<53 + 1)) }, 0.0, false},
		{"float from big int", func() (any, bool) { return FloatField(big) }, 0.0, false},
		{"float nan", func() (any, bool) { return FloatField(Float(math.NaN())) }, 0.0, false},
		{"float inf", func() (any, bool) { return FloatField(Float(math.Inf(-1))) }, 0.0, false},
		{"float from bool", func() (any, bool) { return FloatField(False) }, 0.0, false},
		{"float from str", func() (any, bool) { return FloatField(Str("1")) }, 0.0, false},
		{"bool", func() (any, bool) { return BoolField(True) }, true, true},
		{"bool from int", func() (any, bool) { return BoolField(IntOf(1)) }, false, false},
		{"list", func() (any, bool) { return ListField(NewList(Str("a"), Str("b")), StrField) }, []string{"a", "b"}, true},
		{"list empty", func() (any, bool) { return ListField(NewList(), StrField) }, []string{}, true},
		{"list bad item", func() (any, bool) { return ListField(NewList(Str("a"), IntOf(1)), StrField) }, []string(nil), false},
		{"list from tuple", func() (any, bool) { return ListField(Tuple{Str("a")}, StrField) }, []string(nil), false},
		{"list into", func() (any, bool) {
			return ListInto(NewList(IntOf(1), IntOf(2)), func(v Value, o *int64) bool {
				i, ok := v.(Int)
				*o = i.small
				return ok
			})
		}, []int64{1, 2}, true},
	} {
		got, ok := tc.got()
		if ok != tc.ok || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: (%#v, %v), want (%#v, %v)", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}
