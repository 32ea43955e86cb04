package pyfast

import (
	"math"
	"math/big"
	"slices"
	"testing"
	"unsafe"

	"github.com/covetpy/covetgen/runtime/pyval"
)

func TestChecked(t *testing.T) {
	cases := []struct {
		name string
		fn   func(a, b int64) (int64, bool)
		a, b int64
		want int64
		ok   bool
	}{
		{"add", Add, 2, 3, 5, true},
		{"add overflow", Add, math.MaxInt64, 1, 0, false},
		{"add negative overflow", Add, math.MinInt64, -1, 0, false},
		{"sub", Sub, 2, 3, -1, true},
		{"sub overflow", Sub, math.MinInt64, 1, 0, false},
		{"sub max", Sub, 0, math.MinInt64, 0, false},
		{"mul", Mul, -4, 5, -20, true},
		{"mul min", Mul, math.MinInt64, 1, math.MinInt64, true},
		{"mul min neg", Mul, math.MinInt64, -1, 0, false},
		{"mul overflow", Mul, 1 << 32, 1 << 31, 0, false},
		{"mul to min", Mul, -(1 << 32), 1 << 31, math.MinInt64, true},
		{"floordiv", FloorDiv, -7, 2, -4, true},
		{"floordiv neg divisor", FloorDiv, 7, -2, -4, true},
		{"floordiv exact", FloorDiv, -8, 2, -4, true},
		{"floordiv zero", FloorDiv, 1, 0, 0, false},
		{"floordiv min", FloorDiv, math.MinInt64, -1, 0, false},
		{"mod", Mod, -7, 3, 2, true},
		{"mod neg divisor", Mod, 7, -3, -2, true},
		{"mod zero", Mod, 7, 0, 0, false},
		{"mod min", Mod, math.MinInt64, -1, 0, true},
	}
	for _, c := range cases {
		got, ok := c.fn(c.a, c.b)
		if ok != c.ok || ok && got != c.want {
			t.Errorf("%s(%d, %d) = %d, %v; want %d, %v", c.name, c.a, c.b, got, ok, c.want, c.ok)
		}
	}
}

func TestRange(t *testing.T) {
	cases := []struct {
		start, stop, step, want int64
		ok                      bool
	}{
		{0, 10, 1, 10, true},
		{0, 10, 3, 4, true},
		{10, 0, -3, 4, true},
		{0, 10, -1, 0, true},
		{0, 10, 0, 0, false},
		{math.MinInt64, math.MaxInt64, 1, 0, false},
		{math.MaxInt64 - 1, math.MaxInt64, 5, 1, true},
		{5, -5, math.MinInt64, 1, true},
	}
	for _, c := range cases {
		got, ok := RangeLen(c.start, c.stop, c.step)
		if ok != c.ok || ok && got != c.want {
			t.Errorf("RangeLen(%d, %d, %d) = %d, %v; want %d, %v", c.start, c.stop, c.step, got, ok, c.want, c.ok)
		}
	}
	if got, _ := RangeList(10, 0, -3); !slices.Equal(got, []int64{10, 7, 4, 1}) {
		t.Errorf("RangeList(10, 0, -3) = %v", got)
	}
}

func TestSequences(t *testing.T) {
	if got, ok := ConcatRepeat([]int64{7}, []int64{1, 2}, 3); !ok || !slices.Equal(got, []int64{7, 1, 2, 1, 2, 1, 2}) {
		t.Errorf("ConcatRepeat = %v, %v", got, ok)
	}
	if got, ok := Repeat([]bool{true}, 5); !ok || !slices.Equal(got, []bool{true, true, true, true, true}) {
		t.Errorf("Repeat = %v, %v", got, ok)
	}
	if got, ok := Repeat([]int64{1}, -2); !ok || len(got) != 0 {
		t.Errorf("Repeat negative = %v, %v", got, ok)
	}
	if _, ok := Repeat([]int64{1}, MaxList+1); ok {
		t.Error("Repeat beyond MaxList stayed on the fast path")
	}
	for _, c := range []struct {
		lo, hi       int64
		hasLo, hasHi bool
		l, h         int
	}{{-5, 0, true, false, 5, 10}, {-50, 3, true, true, 0, 3}, {8, 2, true, true, 8, 8}, {0, 20, false, true, 0, 10}} {
		if l, h := SliceBounds(c.lo, c.hasLo, c.hi, c.hasHi, 10); l != c.l || h != c.h {
			t.Errorf("SliceBounds(%+v) = %d, %d", c, l, h)
		}
	}
	if _, ok := Index(3, 3); ok {
		t.Error("Index(3, 3) in range")
	}
	if i, ok := Index(-1, 3); !ok || i != 2 {
		t.Errorf("Index(-1, 3) = %d, %v", i, ok)
	}
	if _, ok := TrueDiv(1<<54, 3); ok {
		t.Error("TrueDiv of an int beyond 2**53 stayed on the fast path")
	}
	if f, ok := Round(2.675, 2); !ok || f != 2.67 {
		t.Errorf("Round(2.675, 2) = %v, %v", f, ok)
	}
}

func TestPool(t *testing.T) {
	var p Pool[int64]
	a, _ := p.ConcatRepeat([]int64{1}, []int64{0}, 3)
	b := a
	if Dead(a, b) {
		t.Error("an array a local still holds is dead")
	}
	if !Dead(a, []int64{5}) {
		t.Error("an array no local holds is live")
	}
	p.Put(a)
	c, _ := p.ConcatRepeat([]int64{2}, []int64{7, 8}, 1)
	if !slices.Equal(c, []int64{2, 7, 8}) || unsafe.SliceData(c) != unsafe.SliceData(a) {
		t.Errorf("pooled ConcatRepeat = %v (reused: %v)", c, unsafe.SliceData(c) == unsafe.SliceData(a))
	}
	if d, _ := p.ConcatRepeat([]int64{4}, []int64{0}, -1); !slices.Equal(d, []int64{4}) {
		t.Errorf("ConcatRepeat with n < 0 = %v", d)
	}
}

// TestAddSubExhaustive checks Add, Sub and Mul against exact arithmetic on every pair
// of values around 0 and the int64 bounds.
func TestAddSubExhaustive(t *testing.T) {
	vals := []int64{math.MinInt64, math.MinInt64 + 1, -1 << 62, -2, -1, 0, 1, 2, 1 << 62, math.MaxInt64 - 1, math.MaxInt64}
	for _, a := range vals {
		for _, b := range vals {
			sum, ok := Add(a, b)
			exact := new(big.Int).Add(big.NewInt(a), big.NewInt(b))
			if ok != exact.IsInt64() || ok && sum != exact.Int64() {
				t.Errorf("Add(%d, %d) = %d, %v; exact %v", a, b, sum, ok, exact)
			}
			diff, ok := Sub(a, b)
			exact = new(big.Int).Sub(big.NewInt(a), big.NewInt(b))
			if ok != exact.IsInt64() || ok && diff != exact.Int64() {
				t.Errorf("Sub(%d, %d) = %d, %v; exact %v", a, b, diff, ok, exact)
			}
			prod, ok := Mul(a, b)
			exact = new(big.Int).Mul(big.NewInt(a), big.NewInt(b))
			if ok != exact.IsInt64() || ok && prod != exact.Int64() {
				t.Errorf("Mul(%d, %d) = %d, %v; exact %v", a, b, prod, ok, exact)
			}
		}
	}
}

// TestRoundAgainstPyval checks the strconv path of Round against pyval.RoundN (CPython's
// exact rounding) on ties, negative zeros and random-looking values.
func TestRoundAgainstPyval(t *testing.T) {
	xs := []float64{2.675, 0.5, 1.5, 2.5, -0.5, -0.0004, 0.0005, 0.0015, 1 - 2.0/3, 0.1 + 0.2, 123456.7890125, -1e-9, 5e-324, 999999999999999.9, 0.125, 0.375}
	for k := 1; k < 200; k++ {
		xs = append(xs, float64(k)/7, -float64(k*k)/13, float64(k)*0.0005)
	}
	for _, x := range xs {
		for n := int64(0); n <= 15; n++ {
			got, ok := Round(x, n)
			want, err := pyval.RoundN(pyval.Float(x), pyval.IntValue(n))
			w, isFloat := want.(pyval.Float)
			if !ok || err != nil || !isFloat || math.Float64bits(got) != math.Float64bits(float64(w)) {
				t.Errorf("Round(%v, %d) = %v, %v; pyval %v, %v", x, n, got, ok, want, err)
			}
		}
	}
}

// TestConcatUnfilled checks that ConcatUnfilled has ConcatRepeat's length and limits and
// copies the head (the rest is the caller's to overwrite).
func TestConcatUnfilled(t *testing.T) {
	cases := []struct {
		name  string
		head  []int64
		items []int64
		n     int64
		len   int
		ok    bool
	}{
		{"row", []int64{3}, []int64{0}, 4, 5, true},
		{"two items", []int64{3}, []int64{0, 0}, 2, 5, true},
		{"n = 0", []int64{3}, []int64{0}, 0, 1, true},
		{"n < 0", []int64{3}, []int64{0}, -2, 1, true},
		{"no items", []int64{3}, nil, 5, 1, true},
		{"too long", []int64{3}, []int64{0}, MaxList, 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var p Pool[int64]
			p.Put(make([]int64, 8))
			got, ok := p.ConcatUnfilled(c.head, c.items, c.n)
			if ok != c.ok || len(got) != c.len || (ok && got[0] != c.head[0]) {
				t.Errorf("ConcatUnfilled = %v, %v; want length %d, %v", got, ok, c.len, c.ok)
			}
			want, wok := p.ConcatRepeat(c.head, c.items, c.n)
			if wok != ok || len(want) != len(got) {
				t.Errorf("ConcatRepeat = %v, %v; ConcatUnfilled = %v, %v", want, wok, got, ok)
			}
		})
	}
}

// TestAddNonNeg checks AddNonNeg against Add for every pair of a value around 0 and the
// int64 bounds with a non-negative one.
func TestAddNonNeg(t *testing.T) {
	var vals []int64
	for d := int64(0); d < 4; d++ {
		vals = append(vals, d, -d, math.MaxInt64-d, math.MinInt64+d)
	}
	for _, a := range vals {
		for _, b := range vals {
			if b < 0 {
				continue
			}
			c, ok := AddNonNeg(a, b)
			wc, wok := Add(a, b)
			if ok != wok || ok && c != wc {
				t.Errorf("AddNonNeg(%d, %d) = %d, %v; Add = %d, %v", a, b, c, ok, wc, wok)
			}
		}
	}
}
