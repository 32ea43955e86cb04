package lift

import (
	"encoding/binary"
	"math/bits"
	"sort"
)

// The goldens are recorded with PYTHONHASHSEED=0, which makes the iteration order of a set
// of strings deterministic. FastAPI keeps a route's methods in a set, and the first one it
// iterates names the operation id; pySetOrder reproduces that order.

// pyStrHash is CPython's hash() of an ASCII str with hash randomization disabled:
// SipHash-1-3 with a zero key.
func pyStrHash(s string) uint64 {
	var v0, v1, v2, v3 uint64 = 0x736f6d6570736575, 0x646f72616e646f6d, 0x6c7967656e657261, 0x7465646279746573
	round := func() {
		v0 += v1
		v1 = bits.RotateLeft64(v1, 13)
		v1 ^= v0
		v0 = bits.RotateLeft64(v0, 32)
		v2 += v3
		v3 = bits.RotateLeft64(v3, 16)
		v3 ^= v2
		v0 += v3
		v3 = bits.RotateLeft64(v3, 21)
		v3 ^= v0
		v2 += v1
		v1 = bits.RotateLeft64(v1, 17)
		v1 ^= v2
		v2 = bits.RotateLeft64(v2, 32)
	}
	b := []byte(s)
	tail := uint64(len(b)) << 56
	for len(b) >= 8 {
		m := binary.LittleEndian.Uint64(b)
		v3 ^= m
		round()
		v0 ^= m
		b = b[8:]
	}
	var t uint64
	for i := len(b) - 1; i >= 0; i-- {
		t = t<<8 | uint64(b[i])
	}
	tail |= t
	v3 ^= tail
	round()
	v0 ^= tail
	v2 ^= 0xff
	round()
	round()
	round()
	h := v0 ^ v1 ^ v2 ^ v3
	if int64(h) == -1 {
		h = uint64(0xfffffffffffffffe) // -2
	}
	return h
}

// pySetOrder returns the iteration order of a set built by adding the strings in order
// (CPython 3.11 setobject.c, open addressing with perturbation). Non-ASCII strings or sets
// too big for the first table keep the given order.
func pySetOrder(items []string) []string {
	var uniq []string
	for _, s := range items {
		if !contains(uniq, s) {
			uniq = append(uniq, s)
		}
		for _, r := range s {
			if r > 0x7f {
				return uniq
			}
		}
	}
	if len(uniq) > 4 {
		return uniq
	}
	const mask = 7
	var table [8]int
	for i := range table {
		table[i] = -1
	}
	for idx, s := range uniq {
		h := pyStrHash(s)
		i := h & mask
		perturb := h
		for table[i] >= 0 {
			perturb >>= 5
			i = (i*5 + 1 + perturb) & mask
		}
		table[i] = idx
	}
	type slot struct{ pos, idx int }
	var slots []slot
	for pos, idx := range table {
		if idx >= 0 {
			slots = append(slots, slot{pos, idx})
		}
	}
	sort.Slice(slots, func(a, b int) bool { return slots[a].pos < slots[b].pos })
	out := make([]string, len(slots))
	for i, s := range slots {
		out[i] = uniq[s.idx]
	}
	return out
}
