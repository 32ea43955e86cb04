package validate

import (
	"math"
	"math/big"
)

// IntConstraints are gt/ge/lt/le/multiple_of of an int field.
type IntConstraints struct {
	Gt, Ge, Lt, Le, MultipleOf *Int
}

// Check applies the constraints in pydantic-core's order (multiple_of, le,
// lt, ge, gt); only the first failure is reported.
func (c *IntConstraints) Check(v Int, input any) *Error {
	if m := c.MultipleOf; m != nil {
		mb := m.Big()
		if mb.Sign() != 0 && new(big.Int).Rem(v.Big(), mb).Sign() != 0 {
			return newErr("multiple_of", "Input should be a multiple of "+m.String(), input, CtxItem{"multiple_of", *m})
		}
	}
	if b := c.Le; b != nil && v.Cmp(*b) > 0 {
		return newErr("less_than_equal", "Input should be less than or equal to "+b.String(), input, CtxItem{"le", *b})
	}
	if b := c.Lt; b != nil && v.Cmp(*b) >= 0 {
		return newErr("less_than", "Input should be less than "+b.String(), input, CtxItem{"lt", *b})
	}
	if b := c.Ge; b != nil && v.Cmp(*b) < 0 {
		return newErr("greater_than_equal", "Input should be greater than or equal to "+b.String(), input, CtxItem{"ge", *b})
	}
	if b := c.Gt; b != nil && v.Cmp(*b) <= 0 {
		return newErr("greater_than", "Input should be greater than "+b.String(), input, CtxItem{"gt", *b})
	}
	return nil
}

// FloatConstraints are the float field options. AllowInfNan nil = true.
type FloatConstraints struct {
	Gt, Ge, Lt, Le, MultipleOf *float64
	AllowInfNan                *bool
}

// Check applies the constraints in pydantic-core's order.
func (c *FloatConstraints) Check(f float64, input any) *Error {
	if c.AllowInfNan != nil && !*c.AllowInfNan && (math.IsInf(f, 0) || math.IsNaN(f)) {
		return newErr("finite_number", msgFiniteNumber, input)
	}
	if m := c.MultipleOf; m != nil {
		rounded := math.Round(f / *m)
		if math.Abs(f-rounded**m) > 1e-9 {
			return newErr("multiple_of", "Input should be a multiple of "+rustFloat(*m), input, CtxItem{"multiple_of", *m})
		}
	}
	if b := c.Le; b != nil && !(f <= *b) {
		return newErr("less_than_equal", "Input should be less than or equal to "+rustFloat(*b), input, CtxItem{"le", *b})
	}
	if b := c.Lt; b != nil && !(f < *b) {
		return newErr("less_than", "Input should be less than "+rustFloat(*b), input, CtxItem{"lt", *b})
	}
	if b := c.Ge; b != nil && !(f >= *b) {
		return newErr("greater_than_equal", "Input should be greater than or equal to "+rustFloat(*b), input, CtxItem{"ge", *b})
	}
	if b := c.Gt; b != nil && !(f > *b) {
		return newErr("greater_than", "Input should be greater than "+rustFloat(*b), input, CtxItem{"gt", *b})
	}
	return nil
}
