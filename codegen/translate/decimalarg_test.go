package translate

import (
	"testing"

	"github.com/covetpy/covetgen/ir"
)

// TestDecimalWithin checks which Decimal literals certainly satisfy a field's
// constraints (python3 + pydantic: Model(total="120.50") == Model(total=Decimal("120.50"))
// for max_digits=10, decimal_places=2; "1.234" and "12345678901" fail both ways).
func TestDecimalWithin(t *testing.T) {
	ten, two := 10, 2
	dec := ir.Constraints{MaxDigits: &ten, DecimalPlaces: &two}
	for _, tt := range []struct {
		lit  string
		c    ir.Constraints
		want bool
	}{
		{"120.50", dec, true},
		{"-0.10", dec, true},
		{"007.5", dec, true},
		{"+3", dec, true},
		{"0", dec, true},
		{"1.234", dec, false},
		{"12345678901", dec, false},
		{"123456789.5", dec, true},
		{"1234567890.5", dec, false},
		{"5", ir.Constraints{Gt: ir.Float(0)}, false}, // other constraints: not checked here
		{"5", ir.Constraints{}, true},
	} {
		if got := decimalWithin(tt.lit, tt.c); got != tt.want {
			t.Errorf("decimalWithin(%q) = %v, want %v", tt.lit, got, tt.want)
		}
	}
	for _, lit := range []string{"1e3", "1_000", "NaN", " 1", "1.", ".5", "Infinity"} {
		if plainDecimal.MatchString(lit) {
			t.Errorf("%q is taken as a plain decimal literal", lit)
		}
	}
}

// TestDecimalFieldType checks the field types a str validates into as the Decimal.
func TestDecimalFieldType(t *testing.T) {
	dec := &ir.Type{Kind: ir.KindDecimal}
	none := &ir.Type{Kind: ir.KindNone}
	for _, tt := range []struct {
		t    *ir.Type
		want bool
	}{
		{dec, true},
		{&ir.Type{Kind: ir.KindUnion, Args: []*ir.Type{dec, none}}, true},
		{&ir.Type{Kind: ir.KindUnion, Args: []*ir.Type{strType, dec}}, false}, // smart union keeps the str
		{strType, false},
		{nil, false},
	} {
		if got := decimalFieldType(tt.t); got != tt.want {
			t.Errorf("decimalFieldType(%v) = %v, want %v", tt.t, got, tt.want)
		}
	}
}
