package translate

import (
	"math/big"
	"testing"

	"github.com/covetpy/covetgen/ir"
)

func TestSumAndOrTypes(t *testing.T) {
	optInt := &ir.Type{Kind: ir.KindUnion, Args: []*ir.Type{intType, {Kind: ir.KindNone}}}
	optStr := &ir.Type{Kind: ir.KindUnion, Args: []*ir.Type{strType, {Kind: ir.KindNone}}}
	lit := func(n int64) *ir.Type {
		return &ir.Type{Kind: ir.KindLiteral, Values: []ir.Value{ir.Int{V: big.NewInt(n)}}}
	}
	big53 := &ir.Type{Kind: ir.KindLiteral, Values: []ir.Value{ir.Int{V: new(big.Int).Lsh(big.NewInt(1), 54)}}}
	for _, tt := range []struct {
		name string
		got  string
		want string
	}{
		{"sum ints", typeStr(sumType([]*ir.Type{intType})), "int"},
		{"sum floats", typeStr(sumType([]*ir.Type{floatType, floatType})), "Union[float, Literal[0]]"},
		{"sum mixed", typeStr(sumType([]*ir.Type{intType, floatType})), "<nil>"},
		{"sum unknown", typeStr(sumType([]*ir.Type{nil})), "<nil>"},
		{"sum str", typeStr(sumType([]*ir.Type{strType})), "<nil>"},
	} {
		if tt.got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, tt.got, tt.want)
		}
	}
	for _, tt := range []struct {
		name   string
		at, bt *ir.Type
		want   bool
	}{
		{"Optional[int] or int", optInt, intType, true},
		{"Optional[str] or str", optStr, strType, true},
		{"Optional[str] or int", optStr, intType, false},
		{"int or int", intType, intType, false},
		{"unknown", nil, intType, false},
	} {
		if got := orDefaultType(tt.at, tt.bt); got != tt.want {
			t.Errorf("orDefaultType(%s): %v, want %v", tt.name, got, tt.want)
		}
	}
	optFloat := &ir.Type{Kind: ir.KindUnion, Args: []*ir.Type{floatType, {Kind: ir.KindNone}}}
	for _, tt := range []struct {
		name   string
		vt, ft *ir.Type
		want   bool
	}{
		{"float", floatType, floatType, true},
		{"sum of floats", sumType([]*ir.Type{floatType}), floatType, true},
		{"literal into Optional[float]", lit(3), optFloat, true},
		{"huge literal", big53, floatType, false},
		{"any int", intType, floatType, false},
		{"into int", floatType, intType, false},
		{"unknown", nil, floatType, false},
	} {
		if got := floatSerialFits(tt.vt, tt.ft); got != tt.want {
			t.Errorf("floatSerialFits(%s): %v, want %v", tt.name, got, tt.want)
		}
	}
}

func typeStr(t *ir.Type) string {
	if t == nil {
		return "<nil>"
	}
	return t.String()
}
