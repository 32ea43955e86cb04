package pyval

import (
	"math"
	"math/big"
)

// RoundN is round(v, ndigits): ties to even on the exact value, as CPython rounds (a
// float is rounded as its exact binary value, so round(2.675, 2) is 2.67).
func RoundN(v, ndigits Value) (Value, error) {
	if ndigits == nil || IsNone(ndigits) {
		return Round(v)
	}
	if r, ok, err := extRound(v, ndigits); ok {
		return r, err
	}
	ni, ok := asInt(ndigits)
	if !ok {
		return nil, typeError("'%s' object cannot be interpreted as an integer", ndigits.TypeName())
	}
	switch x := v.(type) {
	case Bool:
		i, _ := asInt(x)
		return roundInt(i, ni), nil
	case Int:
		return roundInt(x, ni), nil
	case Float:
		return roundFloat(float64(x), ni)
	}
	return nil, typeError("type %s doesn't define __round__ method", v.TypeName())
}

// roundInt rounds i to a multiple of 10**-n (n < 0), half to even.
func roundInt(i Int, n Int) Value {
	if n.big == nil && n.small >= 0 || n.big != nil && n.big.Sign() > 0 {
		return i
	}
	if n.big != nil || n.small < -4300 {
		return IntOf(0)
	}
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(-n.small), nil)
	r := roundHalfEven(new(big.Rat).SetFrac(i.Big(), p))
	return IntFromBig(r.Mul(r, p))
}

// roundFloat is round(x, n) for a float.
func roundFloat(x float64, n Int) (Value, error) {
	if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 {
		return Float(x), nil
	}
	switch {
	case n.big != nil && n.big.Sign() > 0 || n.big == nil && n.small > 400:
		return Float(x), nil
	case n.big != nil || n.small < -400:
		return Float(math.Copysign(0, x)), nil
	}
	nd := n.small
	r := new(big.Rat).SetFloat64(x)
	p := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(abs64(nd)), nil))
	if nd >= 0 {
		r.Mul(r, p)
	} else {
		r.Quo(r, p)
	}
	q := new(big.Rat).SetInt(roundHalfEven(r))
	if nd >= 0 {
		q.Quo(q, p)
	} else {
		q.Mul(q, p)
	}
	f, _ := q.Float64()
	if math.IsInf(f, 0) {
		return nil, overflowError("rounded value too large to represent")
	}
	if f == 0 {
		f = math.Copysign(0, x)
	}
	return Float(f), nil
}

func abs64(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// roundHalfEven rounds a rational to the nearest integer, ties to even.
func roundHalfEven(r *big.Rat) *big.Int {
	num, den := r.Num(), r.Denom()
	q, m := new(big.Int).DivMod(num, den, new(big.Int)) // floor division: 0 <= m < den
	twice := new(big.Int).Lsh(m, 1)
	switch twice.Cmp(den) {
	case 1:
		q.Add(q, big.NewInt(1))
	case 0:
		if q.Bit(0) == 1 {
			q.Add(q, big.NewInt(1))
		}
	}
	return q
}
