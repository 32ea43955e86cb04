package pyfast

import "unsafe"

// Pool recycles the arrays of a fast path's lists that no local refers to any more (a
// list rebound in a loop, as cur = [i] + [0] * n; prev = cur), so that a loop building a
// new list per iteration allocates a few arrays, not one per iteration. Only the fast
// path's own lists go through a Pool: their arrays are referred to by its locals alone
// (boxing a list at return copies it), which the generated code checks with Dead before
// Put. The zero Pool is empty.
type Pool[T any] struct{ free [][]T }

// poolSize bounds the arrays a Pool keeps.
const poolSize = 4

// Dead reports whether old's array is referred to by none of live (the other locals and
// the sequences being iterated).
func Dead[T any](old []T, live ...[]T) bool {
	if cap(old) == 0 {
		return false
	}
	p := unsafe.SliceData(old)
	for _, l := range live {
		if cap(l) > 0 && unsafe.SliceData(l) == p {
			return false
		}
	}
	return true
}

// Put hands a dead array to the pool.
func (p *Pool[T]) Put(s []T) {
	if len(p.free) < poolSize {
		p.free = append(p.free, s[:0])
	}
}

// get is a slice of length n: a pooled array when one is large enough (its items are
// stale: the caller overwrites them all), else a new one.
func (p *Pool[T]) get(n int) []T {
	for i := len(p.free) - 1; i >= 0; i-- {
		if s := p.free[i]; cap(s) >= n {
			p.free[i] = p.free[len(p.free)-1]
			p.free = p.free[:len(p.free)-1]
			return s[:n]
		}
	}
	return make([]T, n)
}

// ConcatRepeat is head + items * n (see the function ConcatRepeat) in a pooled array.
func (p *Pool[T]) ConcatRepeat(head, items []T, n int64) ([]T, bool) {
	if n <= 0 || len(items) == 0 {
		n = 0
	} else if n > MaxList || int64(len(items))*n > MaxList-int64(len(head)) {
		return nil, false
	}
	out := p.get(len(head) + len(items)*int(n))
	k := copy(out, head)
	if k == len(out) {
		return out, true
	}
	if len(items) == 1 && len(out)-k <= 64 { // a short [x] * n: a plain fill
		v, rest := items[0], out[k:]
		for i := range rest {
			rest[i] = v
		}
		return out, true
	}
	k += copy(out[k:], items)
	for filled := len(items); k < len(out); filled *= 2 {
		k += copy(out[k:], out[len(head):len(head)+filled])
	}
	return out, true
}

// ConcatUnfilled is the list head + items * n (as ConcatRepeat: the same length, the same
// limits) with only head copied: the other items are zero in a new array and stale in a
// pooled one. The generated code uses it only where the caller overwrites every item past
// head before reading it (codegen/translate/fast_fill.go).
func (p *Pool[T]) ConcatUnfilled(head, items []T, n int64) ([]T, bool) {
	if n <= 0 || len(items) == 0 {
		n = 0
	} else if n > MaxList || int64(len(items))*n > MaxList-int64(len(head)) {
		return nil, false
	}
	out := p.get(len(head) + len(items)*int(n))
	copy(out, head)
	return out, true
}
