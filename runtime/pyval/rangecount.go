package pyval

import "math/big"

// RangeCounter walks range(args...) for a counted for loop: generated code calls Next
// until it reports the end, with no iterator object and, for small ints, no allocation.
// Bounds past int64 (Python's range takes any int) walk big ints instead.
type RangeCounter struct {
	next, step int64
	left       uint64
	big        *bigRange // bounds past int64; nil otherwise
}

// bigRange is the state of a range with a bound past int64.
type bigRange struct {
	cur, stop, step *big.Int
}

// CountRange is the RangeCounter of range(args...): TypeError for a non-int argument,
// ValueError for a zero step.
func CountRange(args ...Value) (RangeCounter, error) {
	start, stop, step, err := rangeArgs(args)
	if err == nil {
		return RangeCounter{next: start, step: step, left: rangeLen(start, stop, step)}, nil
	}
	if e, ok := err.(*Exception); !ok || e.Class != "OverflowError" {
		return RangeCounter{}, err
	}
	return bigRangeCounter(args)
}

// bigRangeCounter is CountRange when a bound does not fit an int64.
func bigRangeCounter(args []Value) (RangeCounter, error) {
	n := make([]*big.Int, len(args))
	for i, a := range args {
		x, ok := asInt(a)
		if !ok {
			return RangeCounter{}, typeError("'%s' object cannot be interpreted as an integer", a.TypeName())
		}
		n[i] = new(big.Int).Set(x.bigRO())
	}
	r := &bigRange{cur: new(big.Int), step: big.NewInt(1)}
	switch len(n) {
	case 1:
		r.stop = n[0]
	case 2:
		r.cur, r.stop = n[0], n[1]
	default:
		r.cur, r.stop, r.step = n[0], n[1], n[2]
	}
	if r.step.Sign() == 0 {
		return RangeCounter{}, valueError("range() arg 3 must not be zero")
	}
	return RangeCounter{big: r}, nil
}

// rangeLen is len(range(start, stop, step)) for step != 0 (at most 2**64-1: it fits).
func rangeLen(start, stop, step int64) uint64 {
	switch {
	case step > 0 && start < stop:
		return (uint64(stop)-uint64(start)-1)/uint64(step) + 1
	case step < 0 && start > stop:
		return (uint64(start)-uint64(stop)-1)/(-uint64(step)) + 1
	}
	return 0
}

// Next returns the next int of the range; ok is false at the end.
func (r *RangeCounter) Next() (v Value, ok bool) {
	if r.big != nil {
		return r.big.next()
	}
	if r.left == 0 {
		return nil, false
	}
	v = IntValue(r.next)
	r.left--
	r.next += r.step // wraps past the last item only, which is never read
	return v, true
}

func (r *bigRange) next() (Value, bool) {
	c := r.cur.Cmp(r.stop)
	if r.step.Sign() > 0 && c >= 0 || r.step.Sign() < 0 && c <= 0 {
		return nil, false
	}
	v := boxInt(bigInt(new(big.Int).Set(r.cur)))
	r.cur.Add(r.cur, r.step)
	return v, true
}
