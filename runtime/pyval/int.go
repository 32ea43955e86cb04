package pyval

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
)

// String is str(i).
func (i Int) String() string {
	if i.big != nil {
		return i.big.String()
	}
	return strconv.FormatInt(i.small, 10)
}

// Cmp compares two ints.
func (i Int) Cmp(j Int) int {
	if i.big == nil && j.big == nil {
		switch {
		case i.small < j.small:
			return -1
		case i.small > j.small:
			return 1
		}
		return 0
	}
	return i.bigRO().Cmp(j.bigRO())
}

func intAdd(a, b Int) Int {
	if a.big == nil && b.big == nil {
		s := a.small + b.small
		if (s > a.small) == (b.small > 0) {
			return Int{small: s}
		}
	}
	return bigInt(new(big.Int).Add(a.bigRO(), b.bigRO()))
}

func intSub(a, b Int) Int {
	if a.big == nil && b.big == nil {
		s := a.small - b.small
		if (s < a.small) == (b.small > 0) {
			return Int{small: s}
		}
	}
	return bigInt(new(big.Int).Sub(a.bigRO(), b.bigRO()))
}

func intMul(a, b Int) Int {
	if a.big == nil && b.big == nil {
		x, y := a.small, b.small
		neg := (x < 0) != (y < 0)
		ux, uy := absU(x), absU(y)
		hi, lo := bits.Mul64(ux, uy)
		if hi == 0 {
			if !neg && lo <= math.MaxInt64 {
				return Int{small: int64(lo)}
			}
			if neg && lo <= 1<<63 {
				return Int{small: int64(-lo)}
			}
		}
	}
	return bigInt(new(big.Int).Mul(a.bigRO(), b.bigRO()))
}

func absU(x int64) uint64 {
	if x < 0 {
		return uint64(-x)
	}
	return uint64(x)
}

func intNeg(a Int) Int {
	if a.big == nil && a.small != math.MinInt64 {
		return Int{small: -a.small}
	}
	return bigInt(new(big.Int).Neg(a.bigRO()))
}

// intDivMod is Python's divmod on ints (floor division, remainder with the divisor's sign).
func intDivMod(a, b Int) (q, r Int, err error) {
	if b.Sign() == 0 {
		return Int{}, Int{}, zeroDivision("integer division or modulo by zero")
	}
	if a.big == nil && b.big == nil && !(a.small == math.MinInt64 && b.small == -1) {
		x, y := a.small, b.small
		qq, rr := x/y, x%y
		if rr != 0 && (rr < 0) != (y < 0) {
			qq--
			rr += y
		}
		return Int{small: qq}, Int{small: rr}, nil
	}
	bq, br := new(big.Int).QuoRem(a.bigRO(), b.bigRO(), new(big.Int))
	if br.Sign() != 0 && (br.Sign() < 0) != (b.Sign() < 0) {
		bq.Sub(bq, big.NewInt(1))
		br.Add(br, b.bigRO())
	}
	return bigInt(bq), bigInt(br), nil
}

// maxPowBits bounds the size of an int power (CPython would run out of memory or time).
const maxPowBits = 1 << 26

func intPow(a, b Int) (Value, error) {
	if b.Sign() < 0 {
		if a.Sign() == 0 {
			return nil, zeroDivision("0.0 cannot be raised to a negative power")
		}
		fa, err := intToFloat(a)
		if err != nil {
			return nil, err
		}
		fb, err := intToFloat(b)
		if err != nil {
			return nil, err
		}
		return floatPow(fa, fb)
	}
	// Trivial bases first: any exponent size.
	if a.big == nil {
		switch a.small {
		case 0:
			if b.Sign() == 0 {
				return Int{small: 1}, nil
			}
			return Int{}, nil
		case 1:
			return Int{small: 1}, nil
		case -1:
			if b.big == nil && b.small%2 == 0 || b.big != nil && b.big.Bit(0) == 0 {
				return Int{small: 1}, nil
			}
			return Int{small: -1}, nil
		}
	}
	if b.big != nil || float64(a.bigRO().BitLen())*float64(b.small) > maxPowBits {
		return nil, raise("MemoryError", "")
	}
	return bigInt(new(big.Int).Exp(a.bigRO(), big.NewInt(b.small), nil)), nil
}

// intToFloat is float(i): correctly rounded, OverflowError when too large.
func intToFloat(i Int) (float64, error) {
	if i.big == nil {
		return float64(i.small), nil
	}
	f, acc := new(big.Float).SetInt(i.big).Float64()
	if math.IsInf(f, 0) && acc != big.Exact {
		return 0, overflowError("int too large to convert to float")
	}
	return f, nil
}

// intTrueDiv is a / b on ints: the correctly rounded quotient.
func intTrueDiv(a, b Int) (Value, error) {
	if b.Sign() == 0 {
		return nil, zeroDivision("division by zero")
	}
	const exact = 1 << 53
	if a.big == nil && b.big == nil && a.small >= -exact && a.small <= exact && b.small >= -exact && b.small <= exact {
		return Float(float64(a.small) / float64(b.small)), nil
	}
	f, _ := new(big.Rat).SetFrac(a.bigRO(), b.bigRO()).Float64()
	if math.IsInf(f, 0) {
		return nil, overflowError("integer division result too large for a float")
	}
	return Float(f), nil
}

func intShift(a, b Int, left bool) (Value, error) {
	if b.Sign() < 0 {
		return nil, valueError("negative shift count")
	}
	if !left {
		if b.big != nil || a.big == nil && b.small >= 63 {
			if a.Sign() < 0 {
				return Int{small: -1}, nil
			}
			return Int{}, nil
		}
		if a.big == nil {
			return Int{small: a.small >> uint(b.small)}, nil
		}
		return bigInt(new(big.Int).Rsh(a.big, uint(b.small))), nil // Rsh floors, as Python
	}
	if a.Sign() == 0 {
		return Int{}, nil
	}
	if b.big != nil || b.small > maxPowBits {
		return nil, overflowError("too many digits in integer")
	}
	return bigInt(new(big.Int).Lsh(a.bigRO(), uint(b.small))), nil
}

func intBitOp(a, b Int, op byte) Int {
	if a.big == nil && b.big == nil {
		switch op {
		case '&':
			return Int{small: a.small & b.small}
		case '|':
			return Int{small: a.small | b.small}
		default:
			return Int{small: a.small ^ b.small}
		}
	}
	r := new(big.Int)
	switch op {
	case '&':
		r.And(a.bigRO(), b.bigRO())
	case '|':
		r.Or(a.bigRO(), b.bigRO())
	default:
		r.Xor(a.bigRO(), b.bigRO())
	}
	return bigInt(r)
}

// maxStrDigits is CPython's int max_str_digits default.
const maxStrDigits = 4300

// intStr is str(i) with CPython's digit limit.
func intStr(i Int) (string, error) {
	s := i.String()
	n := len(s)
	if i.Sign() < 0 {
		n--
	}
	if n > maxStrDigits {
		return "", valueError("Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
	}
	return s, nil
}
