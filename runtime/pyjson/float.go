package pyjson

import (
	"math"
	"strconv"
)

// shortest returns the shortest round-trip decimal digits of |f| (finite,
// non-zero or zero) and the decimal exponent of the first digit
// (f = d.ddd × 10^exp).
func shortest(f float64, buf []byte) (digits []byte, exp int) {
	b := strconv.AppendFloat(buf[:0], math.Abs(f), 'e', -1, 64)
	// b is "d[.ddd]e±XX"
	e := len(b) - 1
	for b[e] != 'e' {
		e--
	}
	x, _ := strconv.Atoi(string(b[e+1:]))
	digits = b[:e]
	if len(digits) > 1 { // drop the '.'
		copy(digits[1:], digits[2:])
		digits = digits[:len(digits)-1]
	}
	return digits, x
}

// appendDecimal writes digits with the given exponent in fixed or
// scientific notation. sciLow/sciHigh: fixed notation is used when
// sciLow <= exp < sciHigh. padExp: at least two exponent digits.
func appendDecimal(dst []byte, f float64, sciLow, sciHigh int, padExp bool) []byte {
	if math.Signbit(f) {
		dst = append(dst, '-')
	}
	if f == 0 {
		return append(dst, "0.0"...)
	}
	var buf [32]byte
	digits, exp := shortest(f, buf[:])
	if exp >= sciLow && exp < sciHigh {
		if exp < 0 {
			dst = append(dst, '0', '.')
			for i := -1; i > exp; i-- {
				dst = append(dst, '0')
			}
			return append(dst, digits...)
		}
		intLen := exp + 1
		if len(digits) <= intLen {
			dst = append(dst, digits...)
			for i := len(digits); i < intLen; i++ {
				dst = append(dst, '0')
			}
			return append(dst, '.', '0')
		}
		dst = append(dst, digits[:intLen]...)
		dst = append(dst, '.')
		return append(dst, digits[intLen:]...)
	}
	dst = append(dst, digits[0])
	if len(digits) > 1 {
		dst = append(dst, '.')
		dst = append(dst, digits[1:]...)
	}
	dst = append(dst, 'e')
	if exp < 0 {
		dst = append(dst, '-')
		exp = -exp
	} else {
		dst = append(dst, '+')
	}
	if padExp && exp < 10 {
		dst = append(dst, '0')
	}
	return strconv.AppendInt(dst, int64(exp), 10)
}

// AppendFloatRepr appends Python's repr(f) ("1e-05", "1e+16", "1.0",
// "-0.0", "inf", "nan"). json.dumps writes finite floats this way.
func AppendFloatRepr(dst []byte, f float64) []byte {
	switch {
	case math.IsNaN(f):
		return append(dst, "nan"...)
	case math.IsInf(f, 1):
		return append(dst, "inf"...)
	case math.IsInf(f, -1):
		return append(dst, "-inf"...)
	}
	return appendDecimal(dst, f, -4, 16, true)
}

// AppendFloatPydantic appends a float as pydantic-core's JSON serializer
// writes it in FastAPI responses ("1e-7", "0.00001", "1e+16", "1.0");
// NaN and ±Inf become null (ser_json_inf_nan='null', the default).
func AppendFloatPydantic(dst []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(dst, "null"...)
	}
	return appendDecimal(dst, f, -5, 16, false)
}
