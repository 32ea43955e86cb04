package validate

import (
	"hash/maphash"
	"math"
	"math/big"
)

// Python's hash() for the types whose hash CPython computes without a
// random seed (int, bool, float, Decimal, UUID): the order of a set of them
// follows from these hashes, so a set can be written in CPython's order.
// str, bytes, date/time and Enum members are hashed with a per-process
// random key in CPython: their set order is arbitrary there, and insertion
// order here.

const (
	hashBits    = 61
	hashModulus = 1<<hashBits - 1 // _PyHASH_MODULUS
	hashInf     = 314159
)

var bigModulus = big.NewInt(hashModulus)

// fixHash maps -1 to -2 as CPython does (-1 is its error value).
func fixHash(h int64) int64 {
	if h == -1 {
		return -2
	}
	return h
}

// HashInt64 is hash(int) for an int64.
func HashInt64(i int64) int64 {
	if i >= 0 {
		return fixHash(i % hashModulus)
	}
	if i == math.MinInt64 {
		return fixHash(-int64(uint64(1<<63) % hashModulus))
	}
	return fixHash(-((-i) % hashModulus))
}

// HashInt is hash(int).
func HashInt(i Int) int64 {
	if n, ok := i.Int64(); ok {
		return HashInt64(n)
	}
	b := i.Big()
	neg := b.Sign() < 0
	b.Abs(b).Mod(b, bigModulus)
	h := b.Int64()
	if neg {
		h = -h
	}
	return fixHash(h)
}

// HashFloat is hash(float) (_Py_HashDouble); NaN hashes by identity in
// CPython, so its position is arbitrary.
func HashFloat(f float64) int64 {
	switch {
	case math.IsInf(f, 1):
		return hashInf
	case math.IsInf(f, -1):
		return -hashInf
	case math.IsNaN(f):
		return 0
	}
	m, e := math.Frexp(f)
	sign := int64(1)
	if m < 0 {
		sign, m = -1, -m
	}
	var x uint64
	for m != 0 {
		x = ((x << 28) & hashModulus) | x>>(hashBits-28)
		m *= 268435456.0
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e %= hashBits
	} else {
		e = hashBits - 1 - ((-1 - e) % hashBits)
	}
	x = ((x << uint(e)) & hashModulus) | x>>(hashBits-uint(e))
	return fixHash(int64(x) * sign)
}

// HashBool is hash(bool).
func HashBool(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// HashUUID is hash(uuid.UUID) = hash(u.int).
func HashUUID(u UUID) int64 {
	return HashInt(IntFromBig(new(big.Int).SetBytes(u[:])))
}

// hash10Inv is _PyHASH_10INV, the inverse of 10 modulo 2**61 - 1.
var hash10Inv = new(big.Int).ModInverse(big.NewInt(10), bigModulus)

// HashDecimal is hash(Decimal) for finite values (NaN is unhashable-ish,
// ±Infinity hash like float infinities).
func HashDecimal(d Decimal) int64 {
	switch d.special {
	case decInf:
		if d.neg {
			return -hashInf
		}
		return hashInf
	case decFinite:
	default:
		return 0
	}
	c, ok := new(big.Int).SetString(d.coef, 10)
	if !ok {
		return 0
	}
	var e *big.Int
	if d.exp >= 0 {
		e = new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(d.exp)), bigModulus)
	} else {
		e = new(big.Int).Exp(hash10Inv, big.NewInt(-int64(d.exp)), bigModulus)
	}
	c.Mul(c, e).Mod(c, bigModulus)
	h := c.Int64()
	if d.neg {
		h = -h
	}
	return fixHash(h)
}

var strSeed = maphash.MakeSeed()

// HashStr is a stand-in for hash(str) (randomized in CPython).
func HashStr(s string) int64 { return int64(maphash.String(strSeed, s)) }
