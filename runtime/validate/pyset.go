package validate

// pyTable reproduces the slot layout of a CPython 3.11 set (setobject.c:
// set_add_entry, set_insert_clean, set_table_resize) for items added one by
// one, which is how pydantic builds a set: iterating the table gives the
// order in which Python (and so pydantic's serializer) writes the set.
// Slots hold indexes into the caller's item slice.

const (
	setMinSize      = 8
	setLinearProbes = 9
	setPerturbShift = 5
)

type pySlot struct {
	hash int64
	item int32 // index + 1; 0 = empty
}

type pyTable struct {
	slots []pySlot
	fill  int
}

// find returns the slot holding an item equal to the one with hash h (per
// eq), or the empty slot where it goes.
func (t *pyTable) find(h int64, eq func(item int) bool) (int, bool) {
	mask := uint64(len(t.slots) - 1)
	perturb := uint64(h)
	i := uint64(h) & mask
	for {
		probes := 0
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := uint64(0); j <= uint64(probes); j++ {
			sl := &t.slots[i+j]
			if sl.item == 0 {
				return int(i + j), false
			}
			if sl.hash == h && eq(int(sl.item-1)) {
				return int(i + j), true
			}
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// add inserts item (an index) unless an equal one is present; it reports
// whether it was inserted.
func (t *pyTable) add(h int64, item int, eq func(item int) bool) bool {
	if t.slots == nil {
		t.slots = make([]pySlot, setMinSize)
	}
	i, found := t.find(h, eq)
	if found {
		return false
	}
	t.slots[i] = pySlot{hash: h, item: int32(item + 1)}
	t.fill++
	if t.fill*5 >= (len(t.slots)-1)*3 {
		minUsed := t.fill * 4
		if t.fill > 50000 {
			minUsed = t.fill * 2
		}
		t.resize(minUsed)
	}
	return true
}

func (t *pyTable) resize(minUsed int) {
	size := setMinSize
	for size <= minUsed {
		size <<= 1
	}
	old := t.slots
	t.slots = make([]pySlot, size)
	mask := uint64(size - 1)
	for _, sl := range old {
		if sl.item == 0 {
			continue
		}
		perturb := uint64(sl.hash)
		i := uint64(sl.hash) & mask
	probe:
		for {
			if t.slots[i].item == 0 {
				t.slots[i] = sl
				break
			}
			if i+setLinearProbes <= mask {
				for j := uint64(1); j <= setLinearProbes; j++ {
					if t.slots[i+j].item == 0 {
						t.slots[i+j] = sl
						break probe
					}
				}
			}
			perturb >>= setPerturbShift
			i = (i*5 + 1 + perturb) & mask
		}
	}
}

// order returns the item indexes in table order.
func (t *pyTable) order() []int {
	out := make([]int, 0, t.fill)
	for _, sl := range t.slots {
		if sl.item != 0 {
			out = append(out, int(sl.item-1))
		}
	}
	return out
}
