package pyval

import (
	"math"
	"math/big"
)

func floatMod(x, w float64) (float64, error) {
	if w == 0 {
		return 0, zeroDivision("float modulo")
	}
	mod := math.Mod(x, w)
	if mod != 0 {
		if (w < 0) != (mod < 0) {
			mod += w
		}
	} else {
		mod = math.Copysign(0, w)
	}
	return mod, nil
}

// floatDivMod is CPython's float_divmod.
func floatDivMod(x, w float64, what string) (float64, float64, error) {
	if w == 0 {
		return 0, 0, zeroDivision(what)
	}
	mod := math.Mod(x, w)
	div := (x - mod) / w
	if mod != 0 {
		if (w < 0) != (mod < 0) {
			mod += w
			div -= 1.0
		}
	} else {
		mod = math.Copysign(0, w)
	}
	var floordiv float64
	if div != 0 {
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv += 1.0
		}
	} else {
		floordiv = math.Copysign(0, x/w)
	}
	return floordiv, mod, nil
}

func isOddInteger(f float64) bool {
	return math.Mod(f, 2) == 1 || math.Mod(f, 2) == -1
}

// floatPow is CPython's float_pow.
func floatPow(iv, iw float64) (Value, error) {
	switch {
	case iw == 0:
		return Float(1), nil
	case math.IsNaN(iv):
		return Float(iv), nil
	case math.IsNaN(iw):
		if iv == 1 {
			return Float(1), nil
		}
		return Float(iw), nil
	case math.IsInf(iw, 0):
		iv = math.Abs(iv)
		if iv == 1 {
			return Float(1), nil
		}
		if (iw > 0) == (iv > 1) {
			return Float(math.Abs(iw)), nil
		}
		return Float(0), nil
	case math.IsInf(iv, 0):
		odd := isOddInteger(iw)
		if iw > 0 {
			if odd {
				return Float(iv), nil
			}
			return Float(math.Abs(iv)), nil
		}
		if odd {
			return Float(math.Copysign(0, iv)), nil
		}
		return Float(0), nil
	case iv == 0:
		odd := isOddInteger(iw)
		if iw < 0 {
			return nil, zeroDivision("0.0 cannot be raised to a negative power")
		}
		if odd {
			return Float(iv), nil
		}
		return Float(0), nil
	}
	negate := false
	if iv < 0 {
		if iw != math.Floor(iw) {
			return nil, raise("UnsupportedComplex", "a negative number raised to a fractional power is complex")
		}
		iv = -iv
		negate = isOddInteger(iw)
	}
	if iv == 1 {
		if negate {
			return Float(-1), nil
		}
		return Float(1), nil
	}
	ix := powPositive(iv, iw)
	if math.IsInf(ix, 0) {
		return nil, &Exception{Class: "OverflowError", Args: []Value{IntOf(34), Str("Numerical result out of range")}, Msg: "(34, 'Numerical result out of range')"}
	}
	if negate {
		ix = -ix
	}
	return Float(ix), nil
}

// powPositive is pow(x, y) for finite x > 0, y finite and nonzero. Integer exponents are
// computed in extended precision and rounded once (as a correctly rounded libm would).
func powPositive(x, y float64) float64 {
	if y == math.Trunc(y) && math.Abs(y) <= 1<<16 {
		n := int64(math.Abs(y))
		prec := uint(53*n + 64)
		if prec > 8192 {
			prec = 8192
		}
		r := new(big.Float).SetPrec(prec).SetInt64(1)
		b := new(big.Float).SetPrec(prec).SetFloat64(x)
		for n > 0 {
			if n&1 == 1 {
				r.Mul(r, b)
			}
			n >>= 1
			if n > 0 {
				b.Mul(b, b)
			}
		}
		if y < 0 {
			one := new(big.Float).SetPrec(prec).SetInt64(1)
			r = one.Quo(one, r)
		}
		f, _ := r.Float64()
		return f
	}
	return math.Pow(x, y)
}

// floatRound is round(f) -> int: ties to even.
func floatRound(f float64) (Value, error) {
	if math.IsInf(f, 0) {
		return nil, overflowError("cannot convert float infinity to integer")
	}
	if math.IsNaN(f) {
		return nil, valueError("cannot convert float NaN to integer")
	}
	return floatToInt(math.RoundToEven(f)), nil
}

// floatToInt converts a finite integral float.
func floatToInt(f float64) Int {
	if f >= -9.223372036854775808e18 && f < 9.223372036854775808e18 {
		return Int{small: int64(f)}
	}
	b, _ := new(big.Float).SetFloat64(f).Int(nil)
	return Int{big: b}
}

// truncFloat is int(f).
func truncFloat(f float64) (Value, error) {
	if math.IsInf(f, 0) {
		return nil, overflowError("cannot convert float infinity to integer")
	}
	if math.IsNaN(f) {
		return nil, valueError("cannot convert float NaN to integer")
	}
	return floatToInt(math.Trunc(f)), nil
}
