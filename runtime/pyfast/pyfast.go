// Package pyfast holds the helpers of the typed fast path of translated functions
// (codegen/translate/fast_*.go): Python's int, float and str operations on Go's int64,
// float64 and []rune for the values where they agree with CPython exactly. Every helper
// that can leave that happy path (an int64 overflow, a zero divisor, an index out of
// range, a value of another kind) reports it with ok == false; the generated code then
// abandons the fast path and reruns the generic, exact translation.
package pyfast

import (
	"math"
	"math/bits"
	"strconv"
	"unicode/utf8"

	"github.com/covetpy/covetgen/runtime/pyval"
)

// MaxList bounds the lists the fast path builds; a larger one is left to the generic path.
const MaxList = 1 << 26

// exactFloat bounds the ints whose conversion to float64 is exact.
const exactFloat = 1 << 53

// Int is v as an int64 when v is a Python int (not a bool) that fits.
func Int(v pyval.Value) (int64, bool) {
	if i, ok := v.(pyval.Int); ok {
		return i.Int64()
	}
	return 0, false
}

// Float is v as a float64 when v is a Python float.
func Float(v pyval.Value) (float64, bool) {
	f, ok := v.(pyval.Float)
	return float64(f), ok
}

// Bool is v as a bool when v is a Python bool.
func Bool(v pyval.Value) (bool, bool) {
	b, ok := v.(pyval.Bool)
	return bool(b), ok
}

// Runes is v's code points when v is a Python str held as valid UTF-8 (a str with lone
// surrogates is left to the generic path).
func Runes(v pyval.Value) ([]rune, bool) {
	s, ok := v.(pyval.Str)
	if !ok || !utf8.ValidString(string(s)) {
		return nil, false
	}
	return []rune(string(s)), true
}

// Add is a + b unless it overflows.
func Add(a, b int64) (int64, bool) {
	c := a + b
	return c, (a^c)&(b^c) >= 0 // overflow flips the sign against both operands
}

// AddNonNeg is Add for b >= 0 (which the caller knows): a + b unless it overflows, which
// it can only do upwards.
func AddNonNeg(a, b int64) (int64, bool) {
	c := a + b
	return c, c >= a
}

// Sub is a - b unless it overflows.
func Sub(a, b int64) (int64, bool) {
	c := a - b
	return c, (a^b)&(a^c) >= 0 // overflow: operands of different signs, result against a
}

// Mul is a * b unless it overflows.
func Mul(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	hi, lo := bits.Mul64(uint64(absU(a)), uint64(absU(b)))
	if hi != 0 {
		return 0, false
	}
	neg := (a < 0) != (b < 0)
	if neg {
		if lo > 1<<63 {
			return 0, false
		}
		return -int64(lo), true
	}
	if lo >= 1<<63 {
		return 0, false
	}
	return int64(lo), true
}

func absU(a int64) uint64 {
	if a < 0 {
		return uint64(-a) // also right for math.MinInt64
	}
	return uint64(a)
}

// Neg is -a unless it overflows.
func Neg(a int64) (int64, bool) { return -a, a != math.MinInt64 }

// Abs is abs(a) unless it overflows.
func Abs(a int64) (int64, bool) {
	if a < 0 {
		return Neg(a)
	}
	return a, true
}

// FloorDiv is Python's a // b (rounded toward negative infinity) unless b is 0 or it
// overflows.
func FloorDiv(a, b int64) (int64, bool) {
	if b == 0 || a == math.MinInt64 && b == -1 {
		return 0, false
	}
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q, true
}

// Mod is Python's a % b (with the sign of b) unless b is 0.
func Mod(a, b int64) (int64, bool) {
	if b == 0 {
		return 0, false
	}
	if b == -1 {
		return 0, true
	}
	m := a % b
	if m != 0 && ((m < 0) != (b < 0)) {
		m += b
	}
	return m, true
}

// ToFloat is float(a) when the conversion is exact (|a| <= 2**53), where comparisons and
// true division of ints agree with CPython's exact ones.
func ToFloat(a int64) (float64, bool) {
	return float64(a), a >= -exactFloat && a <= exactFloat
}

// TrueDiv is a / b of two ints (correctly rounded when both convert exactly) unless b is
// 0 or an operand is too large.
func TrueDiv(a, b int64) (float64, bool) {
	fa, ok1 := ToFloat(a)
	fb, ok2 := ToFloat(b)
	if !ok1 || !ok2 || b == 0 {
		return 0, false
	}
	return fa / fb, true
}

// DivFloat is a / b of floats unless b is 0 (ZeroDivisionError).
func DivFloat(a, b float64) (float64, bool) {
	if b == 0 {
		return 0, false
	}
	return a / b, true
}

// Index is the position of Python index i in a sequence of length n (negative counts
// from the end) unless it is out of range.
func Index(i int64, n int) (int, bool) {
	if uint64(i) < uint64(n) {
		return int(i), true
	}
	if i < 0 && i >= -int64(n) {
		return int(i) + n, true
	}
	return 0, false
}

// RangeLen is len(range(start, stop, step)) unless step is 0 or the length overflows.
func RangeLen(start, stop, step int64) (int64, bool) {
	switch {
	case step > 0 && start < stop:
		d, ok := Sub(stop, start)
		if !ok {
			return 0, false
		}
		return (d-1)/step + 1, true
	case step < 0 && start > stop:
		d, ok := Sub(start, stop)
		if !ok {
			return 0, false
		}
		if step == math.MinInt64 {
			return 1, true // d <= 2**63-1 < -step
		}
		return (d-1)/(-step) + 1, true
	}
	return 0, step != 0
}

// SliceBounds is the [lo:hi] of a step-1 slice of a sequence of length n (Python clamps
// the bounds; a missing bound is given as has == false).
func SliceBounds(lo int64, hasLo bool, hi int64, hasHi bool, n int) (int, int) {
	clamp := func(i int64, has bool, def int) int {
		if !has {
			return def
		}
		if i < 0 {
			i += int64(n)
			if i < 0 {
				i = 0
			}
		}
		if i > int64(n) {
			i = int64(n)
		}
		return int(i)
	}
	l, h := clamp(lo, hasLo, 0), clamp(hi, hasHi, n)
	if h < l {
		h = l
	}
	return l, h
}

// Repeat is items * n (a new slice) unless it is too large for the fast path.
func Repeat[T any](items []T, n int64) ([]T, bool) {
	return ConcatRepeat(nil, items, n)
}

// ConcatRepeat is head + items * n (a new slice, allocated once) unless it is too large
// for the fast path.
func ConcatRepeat[T any](head, items []T, n int64) ([]T, bool) {
	if n <= 0 || len(items) == 0 {
		return append(make([]T, 0, len(head)), head...), true
	}
	if n > MaxList || int64(len(items))*n > MaxList-int64(len(head)) {
		return nil, false
	}
	out := make([]T, len(head)+len(items)*int(n))
	k := copy(out, head)
	k += copy(out[k:], items)
	for filled := len(items); k < len(out); filled *= 2 {
		k += copy(out[k:], out[len(head):len(head)+filled])
	}
	return out, true
}

// Concat is a + b of two lists (a new slice).
func Concat[T any](a, b []T) []T {
	out := make([]T, 0, len(a)+len(b))
	return append(append(out, a...), b...)
}

// SumInt is sum(xs) unless it overflows.
func SumInt(xs []int64) (int64, bool) {
	var s int64
	for _, x := range xs {
		var ok bool
		if s, ok = Add(s, x); !ok {
			return 0, false
		}
	}
	return s, true
}

// Round is round(x, n) of a float, rounded exactly as CPython (pyval.RoundN), unless it
// raises.
func Round(x float64, n int64) (float64, bool) {
	if n >= 0 && n <= 15 && math.Abs(x) < 1e15 && x == x {
		// strconv's 'f' formatting is the decimal correctly rounded from x's exact
		// value, ties to even, as CPython's dtoa mode 3; parsing it back is round's result
		f, err := strconv.ParseFloat(strconv.FormatFloat(x, 'f', int(n), 64), 64)
		return f, err == nil
	}
	r, err := pyval.RoundN(pyval.Float(x), pyval.IntValue(n))
	if err != nil {
		return 0, false
	}
	f, ok := r.(pyval.Float)
	return float64(f), ok
}

// Char is the str of one code point.
func Char(r rune) pyval.Value { return pyval.Str(string(r)) }

// Ints is a new Python list of xs.
func Ints(xs []int64) pyval.Value {
	items := make([]pyval.Value, len(xs))
	for i, x := range xs {
		items[i] = pyval.IntValue(x)
	}
	return pyval.NewList(items...)
}

// Floats is a new Python list of xs.
func Floats(xs []float64) pyval.Value {
	items := make([]pyval.Value, len(xs))
	for i, x := range xs {
		items[i] = pyval.Float(x)
	}
	return pyval.NewList(items...)
}

// Bools is a new Python list of xs.
func Bools(xs []bool) pyval.Value {
	items := make([]pyval.Value, len(xs))
	for i, x := range xs {
		items[i] = pyval.Bool(x)
	}
	return pyval.NewList(items...)
}

// RangeList is list(range(start, stop, step)) unless step is 0 or the list is too large
// for the fast path.
func RangeList(start, stop, step int64) ([]int64, bool) {
	n, ok := RangeLen(start, stop, step)
	if !ok || n > MaxList {
		return nil, false
	}
	out := make([]int64, n)
	for i, k := 0, start; i < len(out); i, k = i+1, k+step {
		out[i] = k
	}
	return out, true
}
